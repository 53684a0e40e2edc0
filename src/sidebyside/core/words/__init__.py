"""Words as the matcher compares them: tokens, stems, stopwords and names.

A claim rarely repeats its source's words exactly ("trained" for "training", "Kalundi's"
for "Kalundi"), so comparison is on Snowball English stems of content words; stopwords and the
verbs that only attribute ("said", "reported") carry no evidence and are left out.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from sidebyside.core.memo import remembered
from sidebyside.core.numbers.written import WRITTEN
from sidebyside.core.spans import Span
from sidebyside.core.words.irregular import BASE_FORMS

__all__ = [
    "ATTRIBUTION_WORDS",
    "NUMBER_WORDS",
    "STOPWORDS",
    "Word",
    "all_words",
    "content_stems",
    "is_content",
    "missing_phrases",
    "present",
    "name_runs",
    "stem",
    "tokens",
    "words",
    "words_near",
]

# Tokens are runs of characters between spaces and separators. "." and "," are kept
# inside a token ("9.6", "1,200", "U.S.") and dropped at its end. The work is done on
# UTF-8 bytes because `bytes.translate` reads 20 MB in a few hundredths of a second.
_ASCII_SEPARATORS = "!\"#$%&'()*+-/:;<=>?@[\\]^_`{|}~"
_WIDE_SEPARATORS = "’‘“”„«»‹›–—―…·•″′§¶©®™°€£¥₽‐‑‒\u00a0\u2009\u202f\u200b"
_BYTE_TABLE = bytes.maketrans(_ASCII_SEPARATORS.encode(), b" " * len(_ASCII_SEPARATORS))
_WIDE_BLANKS = [(char.encode(), b" " * len(char.encode())) for char in _WIDE_SEPARATORS]
_ENDINGS = b" .,"
# the same tokens, with positions, for the few texts where places matter
_TOKEN = re.compile(
    "[^\\s"
    + re.escape(_ASCII_SEPARATORS + _WIDE_SEPARATORS + ".,")
    + "]+(?:[.,][^\\s"
    + re.escape(_ASCII_SEPARATORS + _WIDE_SEPARATORS + ".,")
    + "]+)*"
)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _word_set(
    """a about above after again against all also am an and any are as at be because
    been before being below between both but by can cannot could did do does
    doing down during each either few for from further had has
    have having he her here hers herself him himself his how however i if in into is
    it its itself just me more most much must my myself neither no nor not now of
    off on once only or other ought our ours ourselves out over own per same shall she should
    so some such than that the their theirs them themselves then there these they this those
    through thus to too under until up upon us very was we were what when
    where whether which while who whom whose why will with within without would you your
    yours yourself yourselves one also may might since yet still even ever many another
    don isn aren wasn weren didn doesn hasn haven hadn couldn wouldn shouldn won ll ve re"""
)

# verbs and phrases that tell who said something, not what happened
ATTRIBUTION_WORDS = _word_set(
    """said says say saying told tell tells according reported reports reporting report
    noted stated statement added adds wrote claimed claims insisted insists argued argues
    explained explains announced announces confirmed confirms cited cites citing quoted
    described describes acknowledged acknowledges observed concluded concludes"""
)

# figures written out are compared as quantities, not as words
NUMBER_WORDS = WRITTEN

_stems: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class Word:
    """A token of a text: where it is, its lowercased form and its stem."""

    start: int
    end: int
    text: str  # as written
    lower: str
    stem: str

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()


_thread_stemmers = threading.local()


def _english() -> Stemmer.Stemmer:
    """This thread's stemmer: a PyStemmer object must not be shared between threads."""
    stemmer: Stemmer.Stemmer | None = getattr(_thread_stemmers, "english", None)
    if stemmer is None:
        stemmer = _thread_stemmers.english = Stemmer.Stemmer("english")
    return stemmer


def snowball_stem(lower: str) -> str:
    """The Snowball English ("Porter2") stem, nothing more."""
    return str(_english().stemWord(lower))


def stem(lower: str) -> str:
    """The Snowball English stem of a lowercased word (PyStemmer), irregular verbs first
    taken to their base form ("spent" -> "spend"); cached, since a text has few distinct
    words."""
    found = _stems.get(lower)
    if found is None:
        base = BASE_FORMS.get(lower, lower)
        found = base if base[:1].isdigit() else snowball_stem(base)
        if len(_stems) < 500_000:
            _stems[lower] = found
    return found


def normalise_token(token: str) -> str:
    """Lowercase; digits lose their thousands separators ("1,200" -> "1200")."""
    lower = token.lower()
    if lower[:1].isdigit() and "," in lower:
        return lower.replace(",", "")
    return lower


def clean_bytes(lower: str) -> bytes:
    """`lower` as UTF-8 with separators blanked, one byte per byte, ready for `split()`."""
    data = lower.encode("utf-8")
    if len(data) != len(lower):
        for wide, blank in _WIDE_BLANKS:
            if wide in data:
                data = data.replace(wide, blank)
    data = data.translate(_BYTE_TABLE)
    return data.replace(b". ", b"  ").replace(b", ", b"  ").replace(b".\n", b" \n")


def split_clean(data: bytes) -> list[bytes]:
    """Tokens of a slice of `clean_bytes` output, trailing "." and "," removed."""
    return data.rstrip(_ENDINGS).split()


def decode_token(token: bytes) -> str:
    return normalise_token(token.decode("utf-8", "replace").strip(".,"))


def tokens(text: str) -> list[str]:
    """Every token of `text`, normalised, exactly as the index splits its sentences."""
    return [decode_token(token) for token in split_clean(clean_bytes(text.lower()))]


def words(text: str) -> Iterator[Word]:
    """Every token of `text` with its position and stem."""
    for match in _TOKEN.finditer(text):
        written = match.group()
        lower = normalise_token(written)
        yield Word(match.start(), match.end(), written, lower, stem(lower))


def is_content(lower: str) -> bool:
    """Worth comparing: not a stopword, not a single letter."""
    return lower not in STOPWORDS and (len(lower) > 1 or lower.isdigit())


def content_stems(text: str) -> list[str]:
    """Stems of the content words of `text`, in order, repeats kept."""
    return [stem(token) for token in tokens(text) if is_content(token)]


# sentence openers that are capitalised without being names
SENTENCE_OPENERS = _word_set(
    """according in on at after before since during when while its their his her some many
    most several officials residents witnesses troops soldiers researchers critics experts
    this that these those there here it they we he she but and yet however meanwhile"""
)


@remembered
def name_runs(text: str) -> list[tuple[Span, str]]:
    """Proper names as runs of capitalised words ("Ostrog Group", "Tanza"), each once.

    A capitalised word opening a sentence counts unless it is a common opener
    ("Officials said…"), since claims often begin with the name they are about.
    """
    runs: list[list[Word]] = []
    previous_end = 0
    for index, word in enumerate(all_words(text)):
        gap = text[previous_end : word.start]
        starts_sentence = index == 0 or gap.strip()[-1:] in (".", "!", "?", "“", '"', ":")
        joined = bool(runs) and gap == " " and runs[-1][-1].end == previous_end
        previous_end = word.end
        if not word.is_capitalised or word.is_number or word.lower in STOPWORDS:
            continue
        if starts_sentence and word.lower in SENTENCE_OPENERS:
            continue
        if joined:
            runs[-1].append(word)
        else:
            runs.append([word])
    found: dict[str, Span] = {}
    for run in runs:
        span = Span(run[0].start, run[-1].end)
        found.setdefault(span.of(text), span)
    return [(span, phrase) for phrase, span in found.items()]


def words_near(text: str, span: Span, radius: int = 4) -> set[str]:
    """Stems of the content words within `radius` words either side of `span`."""
    content = _content_words(text)
    first = bisect_left([w.end for w in content], span.start + 1)
    before = [w for w in content[:first] if w.end <= span.start]
    after = [w for w in content[first:] if w.start >= span.end]
    return {w.stem for w in before[-radius:]} | {w.stem for w in after[:radius]}


@lru_cache(maxsize=64)
def _content_words(text: str) -> tuple[Word, ...]:
    """The content words of a text, kept while one claim and passage are compared."""
    return tuple(w for w in all_words(text) if is_content(w.lower) and not w.is_number)


@lru_cache(maxsize=64)
def all_words(text: str) -> tuple[Word, ...]:
    """`words(text)` as a tuple, kept for texts looked at several times in a row."""
    return tuple(words(text))


def missing_phrases(
    claim: str,
    passage: str,
    ignore: Iterable[str] = (),
    share: float = 0.4,
    *,
    skip: Iterable[Span] = (),
    limit: int | None = None,
) -> list[tuple[Span, str]]:
    """Runs of the claim's content words that the passage lacks, when they are at least
    `share` of its content: what the passage does not support. A passage lacking fewer
    says the same in other words ("soldiers rounded up" for "troops gathered").

    A run is the missing words in a row with no word of the passage between them; a word
    the passage has (by stem: "rested" for "resting"), a word inside `skip` (the claim's
    attribution, "The Tribune reported that") and a word of `ignore` (the source's own
    names) end it, so each run holds only words that have no counterpart. Only what a
    reader would miss is given: a run holding a name, or of two words or more
    ("gold-mining concessions"); a single common word ("council") is no finding. Figures
    are left to their own comparison. At most `limit` runs (every one when None), names and
    longer runs first, in claim order.
    """
    passage_stems = {w.stem for w in all_words(passage)}
    ignored = {stem(token) for name in ignore for token in tokens(name)}
    skipped = list(skip)
    counted = [
        w
        for w in all_words(claim)
        if is_content(w.lower)
        and not w.is_number
        and w.lower not in NUMBER_WORDS
        and w.lower not in ATTRIBUTION_WORDS
    ]
    runs: list[list[Word]] = []
    run: list[Word] = []
    content = missing = 0
    for word in counted:
        if word.stem in ignored or any(s.start <= word.start < s.end for s in skipped):
            left_out, found = True, False
        else:
            left_out, found = False, present(word.stem, passage_stems)
            content += 1
        if left_out or found:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(word)
            missing += 1
    if run:
        runs.append(run)
    if not missing or missing < share * content:
        return []
    names = [span for span, _ in name_runs(claim)]
    named_words = {w.start for w in counted if any(s.start <= w.start < s.end for s in names)}

    def has_name(run: list[Word]) -> bool:
        return any(w.start in named_words for w in run)

    worth = [run for run in runs if len(run) >= 2 or has_name(run)]
    worth.sort(key=lambda run: (not has_name(run), -len(run), run[0].start))
    chosen = sorted(worth if limit is None else worth[:limit], key=lambda run: run[0].start)
    return [(Span(run[0].start, run[-1].end), claim[run[0].start : run[-1].end]) for run in chosen]


# endings that make a noun of a verb ("pay", "payment"; "elect", "election")
_DERIVATIONS = ("ment", "ion", "ation")


def present(word_stem: str, stems: set[str]) -> bool:
    """Whether the stem, or a longer or shorter form of it ("kalundi", "kalundian"; "pay",
    "payment"), is among `stems`."""
    if word_stem in stems:
        return True
    if len(word_stem) >= 3 and any(word_stem + ending in stems for ending in _DERIVATIONS):
        return True
    if any(
        word_stem.endswith(ending) and word_stem[: -len(ending)] in stems
        for ending in _DERIVATIONS
        if len(word_stem) - len(ending) >= 3
    ):
        return True
    if len(word_stem) < 5:
        return False
    return any(
        len(other) >= 5 and (other.startswith(word_stem) or word_stem.startswith(other))
        for other in stems
    )
