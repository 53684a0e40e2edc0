"""Sentence splitting on news text: offsets must index the canonical text exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sidebyside.core.document import BlockKind, DocumentBuilder
from sidebyside.core.sentences import document_sentences, split_sentences


def sentences(text: str) -> list[str]:
    return [span.of(text) for span in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army said it would leave. Officials agreed.",
            ["The U.S. Army said it would leave.", "Officials agreed."],
        ),
        (
            "He worked in the U.S. The next day he left.",
            ["He worked in the U.S.", "The next day he left."],
        ),
        (
            "Reuters reported that the contract could be worth $10.8 million a month. Mali agreed.",
            [
                "Reuters reported that the contract could be worth $10.8 million a month.",
                "Mali agreed.",
            ],
        ),
        (
            "Malian interim military leader Col. Assimi Goita halted relations. He left.",
            ["Malian interim military leader Col. Assimi Goita halted relations.", "He left."],
        ),
        (
            "Dr. Jane Smith said so. J. R. R. Tolkien wrote it. Then he left.",
            ["Dr. Jane Smith said so.", "J. R. R. Tolkien wrote it.", "Then he left."],
        ),
        (
            "A. Ndiaye, the minister, said 1.5 percent of 3.25 million. Prices fell 0.9%.",
            ["A. Ndiaye, the minister, said 1.5 percent of 3.25 million.", "Prices fell 0.9%."],
        ),
        (
            '"We don\'t have a military presence there," Ozerov said. He added that it was fine.',
            [
                '"We don\'t have a military presence there," Ozerov said.',
                "He added that it was fine.",
            ],
        ),
        (
            "The report called it \u201cthe worst single atrocity.\u201d Several witnesses agreed.",
            [
                "The report called it \u201cthe worst single atrocity.\u201d",
                "Several witnesses agreed.",
            ],
        ),
        ('"Why?" he asked. Nobody answered.', ['"Why?" he asked.', "Nobody answered."]),
        (
            "Amb. Oleg Ozerov said no. Maj. Gen. Igor Dube agreed. Capt. Lee left.",
            ["Amb. Oleg Ozerov said no.", "Maj. Gen. Igor Dube agreed.", "Capt. Lee left."],
        ),
        (
            "The firm paid approx. 5 million in Jan. 2020. It was late.",
            ["The firm paid approx. 5 million in Jan. 2020.", "It was late."],
        ),
        (
            "It happened at 3 p.m. on Monday. Police arrived at 4 p.m. The suspect fled.",
            ["It happened at 3 p.m. on Monday.", "Police arrived at 4 p.m.", "The suspect fled."],
        ),
        (
            "He said so.\u201d Then he left.",
            ["He said so.\u201d", "Then he left."],
        ),
        (
            "The victim, aged 6 mos., survived. Police left.",
            ["The victim, aged 6 mos., survived.", "Police left."],
        ),
    ],
)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_are_shifted_into_the_canonical_text() -> None:
    spans = split_sentences("One. Two.", offset=100)
    assert [(span.start, span.end) for span in spans] == [(100, 104), (105, 109)]


def test_document_sentences_never_cross_blocks() -> None:
    builder = DocumentBuilder()
    builder.add("A headline without a full stop", BlockKind.HEADING, level=1)
    builder.add("First sentence. Second   sentence.")
    builder.add("line one\nline two", BlockKind.PREFORMATTED)
    document = builder.build()
    found = [span.of(document.text) for span in document_sentences(document)]
    assert found == [
        "A headline without a full stop",
        "First sentence.",
        "Second sentence.",
        "line one",
        "line two",
    ]


@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=5))
def test_spans_always_index_the_text(paragraphs: list[str]) -> None:
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    document = builder.build()
    previous_end = 0
    for span in document_sentences(document):
        piece = span.of(document.text)
        assert piece == piece.strip() and piece
        assert span.start >= previous_end
        assert document.block_at(span.start) is document.block_at(span.end - 1)
        previous_end = span.end


def test_a_long_block_is_split_in_windows_without_losing_or_cutting_sentences() -> None:
    from sidebyside.core.sentences import MAX_WINDOW, split_sentences

    lines = [f"In round {n} the agency said that {n} wells had run dry." for n in range(600)]
    for joiner in ("\n", " "):  # one sentence a line, or one long paragraph
        text = joiner.join(lines)
        assert len(text) > 4 * MAX_WINDOW
        spans = split_sentences(text, offset=10)
        assert [text[span.start - 10 : span.end - 10] for span in spans] == lines
