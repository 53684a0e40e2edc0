"""Markdown's author and date: from YAML front matter (kept out of the text), else from
the byline and dateline under the title (kept in it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.core.claims import suggest_claims
from sidebyside.core.importers import import_file

BODY = (
    "The council said on Tuesday that 41 of the town's 60 bridges needed repair, up from "
    "28 when the last survey was made, and that the work would cost an estimated "
    "$12 million over five years.\n"
)


def write(tmp_path: Path, text: str, name: str = "article.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_gives_title_author_and_date_and_is_not_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "---\n"
        'title: "Bridges in need of repair"\n'
        "author: Jane Doe\n"
        "date: 2024-05-01\n"
        "tags: [council, transport]\n"
        "---\n\n"
        "# Bridges in need of repair\n\n" + BODY,
    )

    document = import_file(path)

    metadata = document.metadata
    assert (metadata.title, metadata.author, metadata.date) == (
        "Bridges in need of repair",
        "Jane Doe",
        "2024-05-01",
    )
    assert document.text.startswith("Bridges in need of repair\n\nThe council said")
    assert "author" not in document.text and "2024-05-01" not in document.text
    first = document.blocks[0]
    assert document.text[first.start : first.end] == "Bridges in need of repair"


def test_no_claim_is_found_in_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "---\n"
        "title: Bridges\n"
        "description: The ministry said 90 percent of bridges were unsafe, Reuters reported.\n"
        "---\n\n" + BODY,
    )

    document = import_file(path)

    claims = suggest_claims(document)
    assert claims
    assert all("90 percent" not in claim.text for claim in claims)
    assert "90 percent" not in document.text


@pytest.mark.parametrize(
    ("front_matter", "author", "date"),
    [
        ("authors:\n  - Jane Doe\n  - John Roe\ndate: May 1, 2024\n",
         "Jane Doe; John Roe", "2024-05-01"),
        ("author: [Jane Doe, 'John Roe']\ndate: 2024-05-01T09:30:00+02:00\n",
         "Jane Doe; John Roe", "2024-05-01"),
        ("author: 'Ana de la Cruz'  \npublished: \"1 May 2024\"\n", "Ana de la Cruz", "2024-05-01"),
        ("author: Jane Doe # staff writer\ndate: spring 2024\n", "Jane Doe", "spring 2024"),
    ],
)  # fmt: skip
def test_front_matter_lists_quotes_and_dates(
    tmp_path: Path, front_matter: str, author: str, date: str
) -> None:
    path = write(tmp_path, f"---\n{front_matter}---\n\n# Bridges\n\n{BODY}")

    metadata = import_file(path).metadata

    assert (metadata.author, metadata.date) == (author, date)


@pytest.mark.parametrize(
    ("head", "author", "date"),
    [
        ("# Bridges\n\nBy Jane Doe\n\nMay 1, 2024\n", "Jane Doe", "2024-05-01"),
        ("# Bridges\n\n*By Jane Doe and John Roe*\n\nPublished 2024-05-01\n",
         "Jane Doe; John Roe", "2024-05-01"),
        ("# Bridges\n\nBy [Jane Doe](https://example.org/jd)  \n"
         "The Harwick Courier, July 26, 2023\n", "Jane Doe", "2023-07-26"),
        ("Bridges\n=======\n\n**By Ana de la Cruz** | Norland Wire | Updated 15 March 2026\n",
         "Ana de la Cruz", "2026-03-15"),
        ("# Bridges\n\nBusiness · The Calder Times · 4 November 2025\n", "", "2025-11-04"),
    ],
)  # fmt: skip
def test_byline_and_dateline_under_the_title(
    tmp_path: Path, head: str, author: str, date: str
) -> None:
    path = write(tmp_path, f"{head}\n{BODY}")

    document = import_file(path)

    assert (document.metadata.title, document.metadata.author, document.metadata.date) == (
        "Bridges",
        author,
        date,
    )
    assert "By " in document.text or not author  # the byline stays in the text
    assert "The council said on Tuesday" in document.text


def test_a_standfirst_may_come_before_the_byline(tmp_path: Path) -> None:
    standfirst = (
        "Four in ten of the town's bridges need repair, a council survey finds, and the "
        "bill will be paid over five years."
    )
    text = f"# Bridges\n\n{standfirst}\n\nBy Jane Doe\n\nMay 1, 2024\n\n{BODY}"

    metadata = import_file(write(tmp_path, text)).metadata

    assert (metadata.author, metadata.date) == ("Jane Doe", "2024-05-01")


def test_front_matter_wins_over_the_byline_and_the_byline_fills_what_it_lacks(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "---\ntitle: Bridges\nauthor: Jane Doe\n---\n\n# Bridges\n\nBy John Roe\n\n"
        "June 3, 2024\n\n" + BODY,
    )

    metadata = import_file(path).metadata

    assert (metadata.author, metadata.date) == ("Jane Doe", "2024-06-03")


@pytest.mark.parametrize(
    "text",
    [
        # sentences that begin "By" or name a date are not a byline or a dateline
        "# Bridges\n\nBy the end of May 2024, the council said, repairs would start.\n\n",
        "# Bridges\n\nTalks between the two sides broke down on May 1, 2024, officials said\n\n",
        # a life's dates in the first sentence of a biography
        "# Ana Ruiz\n\nAna Ruiz (March 3, 1920 – June 9, 1999) was a Chilean pilot who flew "
        "mail across the Andes for two decades.\n\n",
        # a byline in the body, far below the title
        "# Bridges\n\n" + BODY + "\n" + BODY + "\nBy Jane Doe\n\nMay 1, 2024\n\n",
    ],
)
def test_sentences_and_the_body_give_no_author_or_date(tmp_path: Path, text: str) -> None:
    metadata = import_file(write(tmp_path, text + BODY)).metadata

    assert (metadata.author, metadata.date) == ("", "")


def test_a_thematic_break_at_the_top_is_not_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path, "---\nA paragraph between two breaks.\n---\n\n" + BODY)

    document = import_file(path)

    assert "A paragraph between two breaks." in document.text
