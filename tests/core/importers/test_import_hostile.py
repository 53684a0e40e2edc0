"""Files that are not what they claim, or not documents at all: each gets one clear sentence."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from sidebyside.core.errors import (
    EmptyDocument,
    SidebysideError,
    UnreadableDocument,
    UnsupportedFormat,
)
from sidebyside.core.importers import MAX_BYTES, import_bytes, import_file

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02" + bytes(40)
PAGE = b"<!DOCTYPE html><html><body><p>Sign in to continue.</p></body></html>"


def random_bytes(size: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("empty.txt", b"", EmptyDocument, "is empty"),
        ("empty.html", b"", EmptyDocument, "is empty"),
        ("blank.md", b"  \n\t\n   \r\n", EmptyDocument, "is empty"),
        ("blank.pdf", b"\n\n", EmptyDocument, "is empty"),
        ("photo.html", PNG, UnsupportedFormat, "is a PNG image"),
        ("noise.html", random_bytes(4096), UnsupportedFormat, "binary data"),
        ("noise.bin", random_bytes(4096, seed=1), UnsupportedFormat, "binary data"),
        ("noise.txt", random_bytes(100, seed=2), UnsupportedFormat, "binary data"),
        ("report.pdf", PAGE, UnsupportedFormat, "is not a PDF: it holds a web page"),
        ("book.epub", b"just some words", UnsupportedFormat, "is not an EPUB book"),
        ("fake.pdf", b"%PDF-1.7\n" + random_bytes(2000), UnreadableDocument, "damaged"),
        ("archive.html", b"PK\x03\x04" + random_bytes(200), UnreadableDocument, "damaged"),
        ("letter.rtf", b"{\\rtf1\\ansi Hello}", UnsupportedFormat, "an RTF document"),
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
            UnsupportedFormat,
            "old Office",
        ),
        ("empty-tags.html", b"<html><body>  <p> </p> </body></html>", EmptyDocument, "no text"),
    ],
)
def test_bad_input_gets_a_clear_error(
    name: str, data: bytes, error: type[SidebysideError], words: str
) -> None:
    with pytest.raises(error) as raised:
        import_bytes(data, name)

    message = str(raised.value)
    assert name in message
    assert words in message
    assert "\n" not in message


def test_a_pdf_renamed_html_is_refused_with_a_hint(make_pdf) -> None:  # type: ignore[no-untyped-def]
    data = make_pdf([[(72, 700, 11, "Text")]])

    with pytest.raises(UnsupportedFormat, match=r"named like a web page .* holds a PDF.*\.pdf"):
        import_bytes(data, "page.html")


def test_a_zip_that_is_no_document_is_refused(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "files.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "hello")

    with pytest.raises(UnsupportedFormat, match="ZIP archive"):
        import_file(path)


def test_an_opendocument_file_gets_a_hint(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "notes.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")

    with pytest.raises(UnsupportedFormat, match="save it as DOCX or PDF"):
        import_file(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="does not exist"):
        import_file(tmp_path / "nothing.pdf")
    with pytest.raises(UnreadableDocument, match="is a folder"):
        import_file(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)

    with pytest.raises(UnreadableDocument, match="permission denied"):
        import_file(path)


def test_a_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: takes no disk space

    with pytest.raises(UnsupportedFormat, match=r"huge.txt.*too large.*200 MB"):
        import_file(path)


def test_importing_changes_nothing_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "noise.html"
    data = random_bytes(1000)
    path.write_bytes(data)

    with pytest.raises(SidebysideError):
        import_file(path)

    assert [p.name for p in tmp_path.iterdir()] == ["noise.html"]
    assert path.read_bytes() == data


def test_a_pipe_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    """Reading a FIFO would block forever, and /dev/zero never ends."""
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    device = tmp_path / "source.txt"
    device.symlink_to("/dev/zero")
    for path in (pipe, device):
        with pytest.raises(UnreadableDocument, match="not a file of its own"):
            import_file(path)


def test_a_small_word_file_that_unpacks_to_gigabytes_of_xml_is_refused(tmp_path: Path) -> None:
    """A few hundred kilobytes of zip holding 150 MB of XML took minutes and gigabytes."""
    import io
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as body:
            body.write(b"<w:document>")
            for _ in range(150):
                body.write(b"<w:p/>" * (2**20 // 6))
            body.write(b"</w:document>")
    data = packed.getvalue()
    assert len(data) < 2 * 2**20
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    with pytest.raises(UnreadableDocument, match="unpacks to more than"):
        import_file(path)


def test_a_file_name_with_control_characters_is_shown_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes\n\x1b[31mred.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument) as refused:
        import_file(path)
    message = str(refused.value)
    assert "\n" not in message and "\x1b" not in message
    assert "notes\\x0a\\x1b[31mred.txt" in message
