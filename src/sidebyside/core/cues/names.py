"""Proper names in running text: people without their titles, organisations, places.

A name is a run of capitalised words ("Ministry of Foreign Affairs of the
Republic of Estavia"); a capitalised word opening a sentence counts only with
evidence that it is a name. `NameContext` carries what the whole document says
about names: acronyms spelled out, surnames of people named in full, who spoke.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sidebyside.core.citations import acronym_of, strip_possessive
from sidebyside.core.cues.vocabulary import (
    ABBREVIATION,
    ACRONYM_DEFINITION,
    CONNECTORS,
    GENERIC_HEADS,
    KNOWN_SOURCES,
    MONTH_ABBREVIATIONS,
    ORGANISATION_WORDS,
    ROLE_BEFORE,
    SPEAKS,
    STOP,
    TITLES,
    TOKEN,
)
from sidebyside.core.spans import Span

__all__ = ["NameContext", "NameMention", "find_names", "sentence_initial"]


@dataclass(frozen=True, slots=True)
class NameMention:
    """A proper name as written in a text, with the form it is known by in the document."""

    start: int
    end: int
    text: str
    canonical: str
    kind: str  # "person", "organisation" or "name" (a place or anything not told apart)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class NameContext:
    """What the whole document says about names, so one sentence can be read in its light.

    It knows which capitalised words are names (they appear mid-sentence somewhere),
    which acronyms were spelled out ("Human Rights Watch (HRW)"), which surname
    belongs to which full name, which names speak as sources somewhere in the
    document, and which names are the document's own (its publisher, author, the
    agency in a dateline), since those are never cited sources.
    """

    capitalised: set[str] = field(default_factory=set)
    acronyms: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    own: set[str] = field(default_factory=set)

    @classmethod
    def from_text(cls, text: str, own: Iterable[str] = ()) -> NameContext:
        context = cls(own={_name_key(name) for name in own if name.strip()})
        for start, _end, phrase in _raw_phrases(text):
            if not sentence_initial(text, start):
                context.capitalised.add(_bare(phrase))
        for match in ACRONYM_DEFINITION.finditer(text):
            before = _raw_phrases(text[max(0, match.start() - 120) : match.start()])
            if not before or before[-1][1] < match.start() - max(0, match.start() - 120) - 1:
                continue
            words = before[-1][2].split()
            while words and words[0] in STOP:
                words = words[1:]
            full = " ".join(words)
            if acronym_of(full) == match.group(1).upper() or len(words) > 1:
                context.acronyms[match.group(1)] = full
        for start, end, phrase in _raw_phrases(text):
            for piece_start, piece_end, kind in _split_titles(text, start, end):
                if kind == "person":
                    context.add_person(text[piece_start:piece_end])
            if _looks_like_person(phrase) and ROLE_BEFORE.search(text, max(0, start - 40), start):
                context.add_person(phrase)  # "spokesman Piet Dorland", "said Eryk Maas"
        return context

    def add_person(self, name: str) -> None:
        """Remember a full name so its surname alone ("Dorland said") means the same person."""
        name = strip_possessive(name)
        if " " not in name or name in self.persons:
            return
        self.persons.add(name)
        surname = name.split()[-1]
        if self.surnames.setdefault(surname, name) != name:
            self.surnames[surname] = ""  # two people share it: ambiguous

    def learn(self, names: Iterable[NameMention]) -> None:
        """Names found speaking in one sentence are known as sources in the next ones."""
        for name in names:
            if name.kind == "person":
                self.add_person(name.canonical)
            else:
                self.sources.add(name.canonical)

    def canonical(self, name: str) -> str:
        name = strip_possessive(name)
        if name in self.acronyms:
            return self.acronyms[name]
        return self.surnames.get(name) or name

    def is_own(self, name: str) -> bool:
        key = _name_key(name)
        return key in self.own or any(key == _name_key(acronym_of(own)) for own in self.own)

    def is_source(self, name: str) -> bool:
        """Whether a mention of `name` anywhere cites it (a news agency, a monitor)."""
        return name in KNOWN_SOURCES or self.acronyms.get(name, "") in KNOWN_SOURCES

    def is_known_speaker(self, name: str) -> bool:
        """Whether `name` spoke as a source earlier in the document."""
        return name in self.sources and self.is_organisation(name)

    def is_organisation(self, name: str) -> bool:
        words = name.split()
        return (
            name in KNOWN_SOURCES
            or name in self.acronyms.values()
            or name.isupper()
            or any(word in ORGANISATION_WORDS for word in words)
        )

    def kind_of(self, name: str) -> str:
        if name in self.persons:
            return "person"
        return "organisation" if self.is_organisation(name) else "name"


def find_names(text: str, context: NameContext | None = None) -> list[NameMention]:
    """Proper names in `text`: people without their titles, organisations, places."""
    context = context or NameContext()
    mentions: list[NameMention] = []
    for start, end, _phrase in _raw_phrases(text):
        for piece_start, piece_end, kind in _split_titles(text, start, end):
            mention = _mention(text, piece_start, piece_end, kind, context)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _raw_phrases(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words joined by spaces and connectors ("Ministry of Mines")."""
    phrases: list[tuple[int, int, str]] = []
    tokens = list(TOKEN.finditer(text))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not _is_capitalised(token.group()):
            index += 1
            continue
        last = index
        probe = index + 1
        saw_of = False
        while probe < len(tokens):
            gap = text[tokens[probe - 1].end() : tokens[probe].start()]
            if gap.strip() or "\n" in gap or _ends_sentence(tokens[probe - 1].group()):
                break
            word = tokens[probe].group()
            joins = text[tokens[probe - 1].end() - 1] not in "'’" or word in ORGANISATION_WORDS
            if _is_capitalised(word) and joins:
                last = probe
                probe += 1
                continue
            previous = tokens[probe - 1].group()
            if word in CONNECTORS and (word not in ("and", "&") or saw_of):
                if word in ("and", "&") and _person_follows(tokens, probe + 1):
                    break  # "Director of Research and Daniel Eizenga": two phrases
                saw_of = saw_of or word in ("of", "for")
                probe += 1
                continue
            if word == "the" and previous in ("of", "for"):
                probe += 1
                continue
            break
        start, end = tokens[index].start(), tokens[last].end()
        if _ends_sentence(tokens[last].group()):
            end -= 1
        phrases.append((start, end, text[start:end]))
        index = last + 1
    return phrases


def _person_follows(tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the tokens from `index` start a personal name: two capitalised non-org words."""
    if index + 1 >= len(tokens):
        return False
    first, second = tokens[index].group(), tokens[index + 1].group()
    return all(
        _is_capitalised(word) and not word.isupper() and _bare(word) not in ORGANISATION_WORDS
        for word in (first, second)
    )


def _split_titles(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """'Prime Minister Aleksy Brandt' -> the person 'Aleksy Brandt'; titles alone name nobody."""
    tokens = list(TOKEN.finditer(text, start, end))
    last_title = -1
    for position, token in enumerate(tokens):
        if token.group() in TITLES or token.group().rstrip(".") + "." in TITLES:
            last_title = position
    if last_title < 0:
        return [(start, end, "")]
    pieces: list[tuple[int, int, str]] = []
    before = [token for token in tokens[:last_title] if token.group() not in TITLES]
    if before and any(token.group() in ORGANISATION_WORDS for token in before):
        pieces.append((before[0].start(), before[-1].end(), "organisation"))
    after = tokens[last_title + 1 :]
    while after and (after[0].group() in CONNECTORS or after[0].group() == "the"):
        after = after[1:]
    if not after:
        return pieces
    organisation = [token for token in after if _bare(token.group()) in ORGANISATION_WORDS]
    if not organisation:
        pieces.append((after[0].start(), after[-1].end(), "person"))
    elif len(after) > 3 and after[-1].start() > organisation[-1].end():
        # "Minister of Foreign Affairs Ilyas Demirov": the person is the last words
        pieces.append((after[-2].start(), after[-1].end(), "person"))
    elif tokens[last_title + 1].group() in ("of", "for", "at"):
        # "Head of the Secretariat of the Partnership Forum": a post in an organisation
        pieces.append((after[0].start(), after[-1].end(), "organisation"))
    else:  # "Prosecutor General's Office": a title word inside an organisation's name
        return [(start, end, "organisation")]
    return pieces


def _mention(
    text: str, start: int, end: int, kind: str, context: NameContext
) -> NameMention | None:
    tokens = list(TOKEN.finditer(text, start, end))
    while tokens and (_bare(tokens[0].group()) in STOP or tokens[0].group() in CONNECTORS):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].group() in CONNECTORS
        or _bare(tokens[-1].group()) in STOP
        or tokens[-1].group().rstrip(".") + "." in MONTH_ABBREVIATIONS
    ):
        tokens = tokens[:-1]
    if not tokens or (len(tokens) == 1 and tokens[0].group() in MONTH_ABBREVIATIONS):
        return None
    start, end = tokens[0].start(), tokens[-1].end()
    written = text[start:end]
    last_word = written.split()[-1]
    if written.endswith(".") and not (ABBREVIATION.match(last_word) or last_word in TITLES):
        written = written[:-1]
        end -= 1
    bare = strip_possessive(written)
    if not bare or not any(character.isalpha() for character in bare):
        return None
    single = len(tokens) == 1
    possessive = bare != written
    if (
        single
        and sentence_initial(text, start)
        and not possessive
        and not _known_single(bare, text, end, context)
    ):
        return None
    if single and (bare.lower() in GENERIC_HEADS or _is_adjective(bare, text, end)):
        return None
    if (
        not single
        and sentence_initial(text, start)
        and _common_opening(tokens[0].group())
        and not any(_bare(token.group()) in ORGANISATION_WORDS for token in tokens)
    ):
        return _mention(text, tokens[1].start(), end, kind, context)
    canonical = context.canonical(bare)
    if not kind:
        kind = context.kind_of(canonical)
        if kind == "name" and _looks_like_person(canonical):
            kind = "person"
    return NameMention(start, start + len(bare), bare, canonical, kind)


def _known_single(word: str, text: str, end: int, context: NameContext) -> bool:
    """A capitalised word opening a sentence is a name only with evidence beyond its capital."""
    if word in KNOWN_SOURCES or word in context.acronyms or word in context.surnames:
        return True
    if word.isupper() and len(word) > 1:
        return True
    if word.lower() in GENERIC_HEADS:
        return False
    if word in context.capitalised:
        return True
    return bool(SPEAKS.match(text, end))


_REGIONAL = frozenset({"Western", "Eastern", "Northern", "Southern", "Central", "Arab"})


def _is_adjective(word: str, text: str, end: int) -> bool:
    """'the Estavian side', 'Malian forces', 'Western diplomats': a nationality or region
    before a noun, not a name ('Northern Jama'a Front' stays a name)."""
    return (word in _REGIONAL or word.endswith(("ian", "ean", "ese", "ish", "ic", "an"))) and bool(
        re.match(r"\s+[a-z]", text[end:])
    )


def _common_opening(word: str) -> bool:
    """'Closing Harwick's libraries', 'Internal company documents': a word, not a name."""
    return word.endswith(("ing", "ed", "ly")) and not word.isupper()


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        word[0].isupper()
        and not word.isupper()
        and word not in CONNECTORS
        and _bare(word) not in ORGANISATION_WORDS
        for word in words
    )


def _ends_sentence(token: str) -> bool:
    return token.endswith(".") and not (ABBREVIATION.match(token) or token in TITLES)


def _is_capitalised(token: str) -> bool:
    return token[0].isupper()


def _bare(token: str) -> str:
    return strip_possessive(token.rstrip("."))


def sentence_initial(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \"“‘'(*_-–—")
    return not before or before[-1] in ".!?:\n" or before.endswith(("\n", "|", "·"))


def _name_key(name: str) -> str:
    name = strip_possessive(name.strip())
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return name.casefold()
