"""The matcher's sentence splitter, per-source index and BM25 table."""

from __future__ import annotations

import math

import numpy as np

from sidebyside.core.document import BlockKind, Document, DocumentBuilder
from sidebyside.core.matching.bm25 import K1, B, SentenceTable
from sidebyside.core.matching.index import build_index
from sidebyside.core.matching.passages import MAX_SENTENCE, split_passages
from sidebyside.core.words import content_stems, tokens


def build(*blocks: str | tuple[str, BlockKind]) -> Document:
    builder = DocumentBuilder()
    for block in blocks:
        if isinstance(block, tuple):
            builder.add(block[0], block[1])
        else:
            builder.add(block)
    return builder.build()


def sentences(document: Document) -> list[str]:
    return [document.text[start:end] for start, end, _ in split_passages(document)]


def test_sentences_respect_abbreviations_initials_and_blocks() -> None:
    document = build(
        "Col. J. Smith of the U.S. Army said 1,200 instructors arrived. Did they? Yes! "
        "“Quoted.” Then Mr. Jones left at 3 p.m. on Jan. 5.",
        ("A heading", BlockKind.HEADING),
    )
    assert sentences(document) == [
        "Col. J. Smith of the U.S. Army said 1,200 instructors arrived.",
        "Did they?",
        "Yes!",
        "“Quoted.”",
        "Then Mr. Jones left at 3 p.m. on Jan. 5.",
        "A heading",
    ]
    assert [block for _, _, block in split_passages(document)] == [0, 0, 0, 0, 0, 1]


def test_run_on_text_is_cut_into_matchable_pieces() -> None:
    document = build(" ".join(["word"] * 400))
    pieces = sentences(document)
    assert len(pieces) > 1
    assert all(len(piece) <= MAX_SENTENCE for piece in pieces)
    assert " ".join(pieces) == document.text


def test_tokens_keep_figures_and_drop_separators() -> None:
    text = "Kalundi’s army paid $9.6 million (1,200 units) to the U.S. — “gold-mining”."
    assert tokens(text) == [
        "kalundi", "s", "army", "paid", "9.6", "million", "1200", "units", "to", "the", "u.s",
        "gold", "mining",
    ]  # fmt: skip
    assert content_stems("The instructors were training") == ["instructor", "train"]


def test_index_records_the_stems_of_each_sentence_even_in_non_ascii_text() -> None:
    document = build("Café owners’ “protests” grew. Naïve officials said 1,200 fled.")
    index = build_index(document)
    assert index.sentence_count == 2
    terms = [
        {index.terms[t] for t in index.sentence_terms[a:b]}
        for a, b in zip(index.sentence_pointer[:-1], index.sentence_pointer[1:], strict=True)
    ]
    assert terms[0] == set(content_stems("Café owners’ “protests” grew."))
    assert terms[1] == set(content_stems("Naïve officials said 1,200 fled."))
    assert document.text[index.starts[1] : index.ends[1]] == "Naïve officials said 1,200 fled."


def test_bm25_matches_the_formula() -> None:
    first = build("Dredging the channel cost money. The channel silted again.")
    second = build("The harbour board approved orders.")
    table = SentenceTable([build_index(first), build_index(second)])
    assert table.size == 3
    assert list(table.offsets) == [0, 2, 3]
    query = table.term_numbers(content_stems("channel silt"))
    scores = table.scores(query)
    lengths = [int(n) for n in table.lengths]  # content words per sentence
    average = sum(lengths) / 3

    def bm25(tf: int, df: int, length: int) -> float:
        idf = math.log1p((3 - df + 0.5) / (df + 0.5))
        return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))

    expected = [
        bm25(1, 2, lengths[0]),
        bm25(1, 2, lengths[1]) + bm25(1, 1, lengths[1]),
        0.0,
    ]
    assert np.allclose(scores, expected, atol=1e-5)
    found, candidate_scores = table.candidates(query)
    assert list(found) == [0, 1]
    assert np.allclose(candidate_scores, expected[:2], atol=1e-5)
    assert table.best(found, candidate_scores, 1) == [1]


def test_candidates_equal_full_scores_on_the_sentences_they_return() -> None:
    text = " ".join(f"Report {n} on channel {n % 7} and harbour {n % 3}." for n in range(3000))
    table = SentenceTable([build_index(build(text))])
    query = table.term_numbers(content_stems("report channel 5 harbour 2"))
    full = table.scores(query)
    found, scores = table.candidates(query)
    assert np.allclose(full[found], scores, atol=1e-4)
    best = table.best(found, scores, 5)
    assert [float(full[i]) for i in best] == sorted(full, reverse=True)[:5]
