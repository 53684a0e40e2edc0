"""A corpus of files built to hurt, made at test time (nothing large is committed): binary
data under every extension, empty files, many encodings, hostile web pages, pathological
Markdown, damaged PDFs and archives, bombs, and names with control characters.

Every file is read in one child process with a memory cap and a time limit. Each must give
either its text (the visible sentence it hides among the hostility, and nothing of what
a browser would not show) or a clear one-line error that names the file; never a crash,
a hang or a traceback.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from pdf_files import pdf_bytes

SENTENCE = "The survey found that 412 wells ran dry in the Arden valley last spring."
SECRET = "SECRET-NEVER-SHOWN"
EXTENSIONS = ("html", "htm", "md", "txt", "pdf", "epub", "docx", "xhtml", "markdown")
MEMORY_CAP = 2 * 2**30  # bytes of address space for the child reading the corpus
TIME_LIMIT_S = 240


@dataclass(frozen=True)
class Case:
    name: str  # file name, as the reader would see it
    data: bytes
    expect: str  # "text": the sentence is read; "error": a clear one-line refusal


def _binary(count: int) -> Iterator[Case]:
    for number in range(count):
        data = random.Random(number).randbytes(64 + 997 * number % 6000)
        yield Case(f"noise-{number}.{EXTENSIONS[number % len(EXTENSIONS)]}", data, "error")


def _empty() -> Iterator[Case]:
    for extension in EXTENSIONS:
        yield Case(f"empty.{extension}", b"", "error")
        yield Case(f"blank.{extension}", b" \n\t\r\n  \n", "error")


def _encodings() -> Iterator[Case]:
    text = f"Wells\n\n{SENTENCE}\n"
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252",
                     "latin-1", "utf-32"):  # fmt: skip
        for extension in ("txt", "md"):
            yield Case(f"enc-{encoding}.{extension}", text.encode(encoding), "text")
        page = (
            f"<html><head><meta charset='{encoding}'></head><body><p>{SENTENCE}</p></body></html>"
        )
        if encoding.startswith("utf-16") or encoding == "utf-32":
            continue  # a page declaring a wide encoding in itself cannot be read as ASCII
        yield Case(f"enc-{encoding}.html", page.encode(encoding), "text")


HOSTILE_HTML = {
    "script": f"<script>document.write('{SECRET}')</script>",
    "style": f"<style>body::after {{ content: '{SECRET}' }}</style>",
    "iframe": f"<iframe srcdoc='<p>{SECRET}</p>'></iframe>",
    "embed": "<embed src='http://example.invalid/x.swf'>",
    "source": "<video><source src='http://example.invalid/a.mp4'><track src='t.vtt'></video>",
    "template": f"<template><p>{SECRET}</p></template>",
    "svg-script": f"<svg><script>alert('{SECRET}')</script></svg>",
    "object": f"<object data='http://example.invalid/x'>{SECRET}</object>",
    "noscript-img": "<img src='http://example.invalid/track.gif' onerror='alert(1)'>",
    "meta-refresh": "<meta http-equiv='refresh' content='0; url=http://example.invalid/'>",
    "base": "<base href='http://example.invalid/'>",
    "form": f"<form action='http://example.invalid/'><input value='{SECRET}'></form>",
    "comment": f"<!-- {SECRET} -->",
    "unclosed-comment-later": "<p>before</p><!-- never closed",
    "cdata": f"<![CDATA[ {SECRET} ]]>",
    "nul": "\x00\x00 nul bytes \x00",
    "control": "\x1b[31m escape \x07 bell",
    "bidi": "\u202e reversed \u202c",
    "deep-divs": "<div>" * 5000 + "deep" + "</div>" * 5000,
    "nested-divs": "<div>" * 1500 + "deep" + "</div>" * 1500,  # deep, but read whole
    "unclosed-tags": "<b><i><u><span><div><table><tr><td>" * 200,
    "many-attributes": "<p " + " ".join(f"a{n}='{n}'" for n in range(3000)) + ">x</p>",
    "long-word": "<p>" + "x" * 200_000 + "</p>",
    "entities": "<p>" + "&amp;&lt;&#x1F600;&#0;&#xD800;&bogus;" * 500 + "</p>",
    "hidden": f"<div hidden>{SECRET}</div><div aria-hidden='true'>{SECRET}</div>",
}
XML_BOMBS = {
    "xxe": (
        "<?xml version='1.0'?><!DOCTYPE html [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        f"<html><body><p>{SENTENCE}</p><p>&x;</p></body></html>"
    ),
    "billion-laughs": (
        "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
        + "".join(
            f"<!ENTITY lol{n} '{('&lol' + str(n - 1) + ';') * 10 if n else '&lol;' * 10}'>"
            for n in range(1, 10)
        )  # fmt: skip
        + f"]><html><body><p>{SENTENCE}</p><p>&lol9;</p></body></html>"
    ),
}


# What a browser, too, would not show or read past: the page may be refused, in words.
MAY_REFUSE = {
    "unclosed-comment-later-before": "a comment left open hides the rest of the page",
    "nul-before": "NUL bytes make it binary data",
    "nul-after": "NUL bytes make it binary data",
    "deep-divs-before": "libxml2 stops at 2,048 levels: refused in words, never cut silently",
    "deep-divs-after": "libxml2 stops at 2,048 levels: refused in words, never cut silently",
}


def _html() -> Iterator[Case]:
    for key, hostile in HOSTILE_HTML.items():
        for place, page in (
            ("before", f"<html><body>{hostile}<article><p>{SENTENCE}</p></article></body></html>"),
            ("after", f"<html><body><article><p>{SENTENCE}</p></article>{hostile}</body></html>"),
        ):
            expect = "either" if f"{key}-{place}" in MAY_REFUSE else "text"
            yield Case(f"page-{key}-{place}.html", page.encode("utf-8"), expect)
    for key, page in XML_BOMBS.items():
        yield Case(f"{key}.xhtml", page.encode("utf-8"), "text")
        yield Case(f"{key}.html", page.encode("utf-8"), "text")


PATHOLOGICAL_MARKDOWN = {
    "quotes": "> " * 5000 + "deep",
    "lists": "".join("  " * depth + "- item\n" for depth in range(2000)),
    "brackets": "[" * 50_000,
    "stars": "*" * 50_000 + " a " + "_" * 50_000,
    "backticks": "`" * 50_000,
    "links": "[a](" * 20_000,
    "references": "".join(f"[r{n}]: http://example.invalid/{n}\n" for n in range(20_000)),
    "html-blocks": "<div>\n" * 10_000,
    "emphasis-pairs": "*a **b " * 20_000,
    "tables": "|a|b|\n|-|-|\n" + "|x|y|\n" * 20_000,
    "setext": "text\n===\n" * 10_000,
    "fences": "```\n" * 10_000,
    "entities": "&#x1F600;&amp;&bogus;" * 10_000,
    "front-matter": "---\ntitle: [unclosed\n---\n",
    "script": f"<script>{SECRET}</script>",
}


def _markdown() -> Iterator[Case]:
    for key, hostile in PATHOLOGICAL_MARKDOWN.items():
        text = f"# Wells\n\n{SENTENCE}\n\n{hostile}\n"
        yield Case(f"md-{key}.md", text.encode("utf-8"), "text")


def _pdfs() -> Iterator[Case]:
    good = pdf_bytes([[(72, 700, 11, SENTENCE)]])
    yield Case("good.pdf", good, "text")
    for cut in (20, 60, 120, 200, len(good) // 2, len(good) - 40):
        yield Case(f"cut-{cut}.pdf", good[:cut], "error")
    yield Case("no-text.pdf", pdf_bytes([[]]), "error")
    yield Case("no-pages.pdf", pdf_bytes([]), "error")
    garbled = bytearray(good)
    for index in range(100, len(garbled), 37):
        garbled[index] = 0x3F
    yield Case("garbled.pdf", bytes(garbled), "either")


def _zip(members: dict[str, bytes], stored: bool = False) -> bytes:
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _archives() -> Iterator[Case]:
    yield Case("empty-zip.docx", _zip({}), "error")
    yield Case("empty-zip.epub", _zip({}), "error")
    yield Case("no-body.docx", _zip({"[Content_Types].xml": b"<Types/>"}), "error")
    yield Case("no-container.epub", _zip({"mimetype": b"application/epub+zip"}), "error")
    yield Case(
        "bad-xml.docx",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document><unclosed"}),
        "error",
    )
    bomb = b"<w:t>" + b"a" * (300 * 2**20) + b"</w:t>"
    yield Case(
        "bomb.docx",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": bomb}),
        "error",
    )
    yield Case("nested.epub", _zip({"inner.zip": _zip({"a.txt": b"x"})}), "error")
    yield Case("traversal.epub", _zip({"../../etc/evil": b"x", "mimetype": b"x"}), "error")


def _names() -> Iterator[Case]:
    text = f"{SENTENCE}\n".encode()
    for number, name in enumerate(
        ["new\nline.txt", "tab\tname.txt", "esc\x1b[31m.txt", "bell\x07.md", "rtl\u202etxt.md"]
    ):
        yield Case(f"{number}-{name}", text, "text")


def corpus() -> list[Case]:
    cases = [
        *_binary(40),
        *_empty(),
        *_encodings(),
        *_html(),
        *_markdown(),
        *_pdfs(),
        *_archives(),
        *_names(),
    ]
    assert len({case.name for case in cases}) == len(cases)
    return cases


CASES = corpus()

READER = textwrap.dedent(
    """
    import json, resource, sys, traceback
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]), int(sys.argv[2])))
    from sidebyside.core.errors import SidebysideError
    from sidebyside.core.importers import import_file
    results = {}
    for path in sorted(Path(sys.argv[1]).iterdir()):
        key = path.name
        try:
            document = import_file(path)
            results[key] = {"text": document.text}
        except SidebysideError as error:
            results[key] = {"error": str(error)}
        except BaseException as error:
            results[key] = {"crash": traceback.format_exc()[-2000:]}
    print(json.dumps(results))
    """
)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile")
    for number, case in enumerate(CASES):
        (folder / f"{number:03d}").mkdir()
        (folder / f"{number:03d}" / case.name).write_bytes(case.data)
    files = folder / "files"
    files.mkdir()
    for number, case in enumerate(CASES):  # one folder a case would be slow to list: link
        (files / f"{number:03d}-{case.name.replace('/', '_')}").symlink_to(
            folder / f"{number:03d}" / case.name
        )
    done = subprocess.run(
        [sys.executable, "-c", READER, str(files), str(MEMORY_CAP)],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT_S,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, dict[str, str]] = json.loads(done.stdout)
    return found


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize("number", range(len(CASES)), ids=[case.name for case in CASES])
def test_each_hostile_file_is_read_or_refused_in_one_clear_line(
    number: int, results: dict[str, dict[str, str]]
) -> None:
    case = CASES[number]
    result = results[f"{number:03d}-{case.name.replace('/', '_')}"]
    assert "crash" not in result, result.get("crash")
    if "error" in result:
        message = result["error"]
        assert case.expect in ("error", "either"), f"refused: {message}"
        assert "\n" not in message and len(message) < 400, message
        assert "Traceback" not in message
        assert f"{number:03d}-" in message, f"the message does not name the file: {message}"
    else:
        assert case.expect in ("text", "either"), "read although it should be refused"
        text = result["text"]
        if case.expect == "text":
            assert SENTENCE in " ".join(text.split()), text[:300]
        assert SECRET not in text
