"""Small PDF files written by hand, for the tests of any folder (importers, fetching):
lines placed on pages, with fonts, a title and link annotations."""

from __future__ import annotations

from collections.abc import Sequence

# One line of text on a PDF page: x, y (points from the bottom left), font size, text.
PdfLine = tuple[float, float, float, str]


# A link annotation on a PDF page: its rectangle (left, bottom, right, top) and address.
PdfLink = tuple[float, float, float, float, str]


def pdf_bytes(
    pages: Sequence[Sequence[PdfLine]],
    *,
    title: str = "",
    author: str = "",
    links: Sequence[Sequence[PdfLink]] = (),
) -> bytes:
    """A minimal but valid PDF (Helvetica, one content stream per page), written by hand;
    `links` gives each page's link annotations (web addresses)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree number is known
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_numbers: list[int] = []
    tree = add(b"")
    for number, lines in enumerate(pages):
        annotations = [
            add(
                b"<< /Type /Annot /Subtype /Link /Rect [%.1f %.1f %.1f %.1f] /Border [0 0 0] "
                b"/A << /S /URI /URI (%s) >> >>" % (left, bottom, right, top, _pdf_string(address))
            )
            for left, bottom, right, top, address in (links[number] if number < len(links) else ())
        ]
        annots = (
            b" /Annots [%s]" % b" ".join(b"%d 0 R" % a for a in annotations) if annotations else b""
        )
        stream = b"".join(
            b"BT /F1 %.1f Tf %.1f %.1f Td (%s) Tj ET\n" % (size, x, y, _pdf_string(text))
            for x, y, size, text in lines
        )
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        page_numbers.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >>%s >>" % (tree, content, font, annots)
            )
        )
    kids = b" ".join(b"%d 0 R" % number for number in page_numbers)
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    info = add(b"<< /Title (%s) /Author (%s) >>" % (_pdf_string(title), _pdf_string(author)))

    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def page_of_paragraphs(
    paragraphs: Sequence[Sequence[str]],
    *,
    header: str = "",
    footer: str = "",
    size: float = 11,
) -> list[PdfLine]:
    """Lay out paragraphs (each a list of lines) top to bottom with a gap between them."""
    lines: list[PdfLine] = []
    if header:
        lines.append((72, 750, 9, header))
    y = 700.0
    for paragraph in paragraphs:
        for text in paragraph:
            lines.append((72, y, size, text))
            y -= size * 1.25
        y -= size * 1.2
    if footer:
        lines.append((300, 40, 9, footer))
    return lines
