"""The stemmer (PyStemmer) gives snowballstemmer's stems, word for word: the stems are
stored in workspace indexes, so a change of stemmer must not change them."""

from __future__ import annotations

import random
import re
from pathlib import Path

import snowballstemmer

from sidebyside.core.words import snowball_stem as stem_english

REFERENCE = snowballstemmer.stemmer("english")
ENDINGS = (
    "ing", "ed", "ies", "ied", "sses", "ational", "ization", "ly", "eed", "edly", "ingly",
    "ogi", "li", "ful", "ness", "ement", "ion", "e", "ll", "s", "'s", "y", "alli", "ative",
)  # fmt: skip


def test_every_word_of_the_gold_set_and_sources() -> None:
    root = Path(__file__).resolve().parents[2]
    words: set[str] = set()
    for path in [*root.glob("benchmarks/data/**/*"), *root.glob("src/sidebyside/**/*.py")]:
        if path.is_file():
            words.update(re.findall(r"[a-z']+", path.read_text(encoding="utf-8").lower()))
    assert len(words) > 2000
    assert [w for w in sorted(words) if stem_english(w) != REFERENCE.stemWord(w)] == []


def test_special_cases() -> None:
    for word in [
        "skies", "dying", "lying", "news", "generously", "communism", "pasted", "succeeded",
        "proceed", "exceedingly", "evening", "innings", "cannings", "hopping", "hoping",
        "agreed", "feed", "yelled", "sayings", "Ypres", "'quoted'", "analogist", "geology",
        "eye", "by", "a", "kalundi's", "instructors", "estimated", "allegedly", "reportedly",
    ]:  # fmt: skip
        assert stem_english(word.lower()) == REFERENCE.stemWord(word.lower()), word


def test_random_strings() -> None:
    rng = random.Random(20_26)
    alphabet = "aeiouyybcdlmnrstgpfzkwx'é"
    for _ in range(20_000):
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 11)))
        word += rng.choice(ENDINGS) if rng.random() < 0.6 else ""
        assert stem_english(word) == REFERENCE.stemWord(word), word


def test_irregular_verbs_meet_their_base_form() -> None:
    from sidebyside.core.words import stem

    assert stem("spent") == stem("spending") == stem("spend")
    assert stem("paid") == stem("pays")
    assert stem("knew") == stem("knows")
    assert stem("ground") != stem("grind")  # a noun far more often than a past tense
