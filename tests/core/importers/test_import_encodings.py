"""Text in the encodings readers meet: UTF-8 (with or without BOM), UTF-16, cp1251, Latin-1."""

from __future__ import annotations

import codecs

import pytest

from sidebyside.core.importers import import_bytes

RUSSIAN = (
    "Министерство здравоохранения сообщило, что число заболевших выросло на двенадцать "
    "процентов по сравнению с прошлым годом. Эксперты считают, что рост связан с холодной "
    "погодой и поздним началом вакцинации в большинстве регионов страны."
)
FRENCH = (
    "Le ministère a annoncé que la fréquentation des écoles était en hausse cette année. "
    "Selon les élèves interrogés, les cours à distance ont été très difficiles à suivre, "
    "et beaucoup préfèrent désormais revenir en classe malgré les contraintes sanitaires."
)


@pytest.mark.parametrize(
    ("text", "data"),
    [
        (FRENCH, FRENCH.encode("utf-8")),
        (FRENCH, codecs.BOM_UTF8 + FRENCH.encode("utf-8")),
        (RUSSIAN, RUSSIAN.encode("utf-16")),  # with its byte-order mark
        (RUSSIAN, RUSSIAN.encode("utf-16-le")),  # without one
        (RUSSIAN, RUSSIAN.encode("utf-16-be")),
        (RUSSIAN, RUSSIAN.encode("cp1251")),
        (FRENCH, FRENCH.encode("latin-1")),
        (FRENCH, FRENCH.encode("cp1252")),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1251", "latin1", "cp1252"],
)
def test_text_is_decoded(text: str, data: bytes) -> None:
    assert import_bytes(data, "letter.txt").text == text


def test_html_declared_charset_is_used() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'

    document = import_bytes(page.encode("cp1251"), "page.html")

    assert RUSSIAN in document.text


def test_utf16_html_is_recognised_without_extension() -> None:
    page = f"<!DOCTYPE html><html><body><article><p>{FRENCH}</p></article></body></html>"

    document = import_bytes(page.encode("utf-16"), "page")

    assert document.format == "html"
    assert FRENCH in document.text


def test_markdown_in_cp1251() -> None:
    document = import_bytes(("# Заголовок\n\n" + RUSSIAN).encode("cp1251"), "notes.md")

    assert document.text == "Заголовок\n\n" + RUSSIAN


def test_a_short_latin1_text_reads_as_western_european() -> None:
    data = "Café crème costs £5.\n".encode("latin-1")
    assert import_bytes(data, "menu.txt").text == "Café crème costs £5."
