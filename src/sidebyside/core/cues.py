"""Cues: what in a claim tells a reader where it comes from and what to check.

A claim's cues are the sources it names ("Human Rights Watch", "the report"),
its numbers, quotations and hedges, and the verb that attributes it ("noted",
"according to"). Numbers, hedges and quotations come from `numbers`, `hedges`
and `quotes`; this module finds names and whom a sentence attributes to. It is
rules a reader can follow, not a statistical model, and every cue is marked
where it was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from sidebyside.core.citations import acronym_of, strip_possessive
from sidebyside.core.hedges import find_hedges
from sidebyside.core.numbers import Quantity, find_quantities
from sidebyside.core.quotes import find_quotations
from sidebyside.core.spans import Span

__all__ = [
    "Analysis",
    "Attribution",
    "CueMark",
    "Cues",
    "NameContext",
    "NameMention",
    "analyse",
    "describe",
    "find_attributions",
    "find_generic_references",
    "find_names",
    "with_hedges",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Quotations shorter than this many words are scare quotes ("terrorism"), not speech.
MIN_QUOTE_WORDS = 3

# --- names --------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"[A-Za-z\u00C0-\u024F0-9]+(?:[-'’.][A-Za-z\u00C0-\u024F0-9]+)*\.?(?:['’]s?\b|['’])?|&"
)
_CONNECTORS = _words("of for de du des la le al el bin van von der den da di on and &")
# Capitalised words that start sentences or phrases but name nobody.
_STOP = _words(
    "The A An This That These Those It Its He She They We I You His Her Their Our My Your "
    "In On At By For From With Without Of To As Since After Before During While When Where "
    "Why How What Who Which If But And Or Nor So Yet Still However Meanwhile Moreover Also "
    "Then Now There Here Some Many Most Several Other Others Each Every All Both No Not None "
    "Nobody Everyone According Although Though Because Despite Unlike Like Over Under About "
    "Around Among Between Into Through Following Until Once Even Only Just Last Next First "
    "Second Third Such More Less Few Fewer One Two Three Four Five Six Seven Eight Nine Ten "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December "
    "Updated Published Share Click Follow Subscribe Read Print Email "
    "Photo Image Video Opinion Analysis Comment Note Notes Key Mr Mrs Ms Miss Today Yesterday "
    "Tomorrow Everyone Everybody Nobody Somebody Someone Anyone Nothing Everything"
)
_TITLES = _words(
    "President Minister Prime Deputy Vice Secretary Secretary-General General Director "
    "Director-General Chairman Chairwoman Chair CEO Ambassador Ambassador-at-Large Councillor "
    "Councilor Senator Governor Mayor Judge Justice Commissioner Spokesman Spokeswoman "
    "Spokesperson Chief Head Colonel Col. Gen. Lt. Maj. Capt. Dr. Prof. Professor Mr. Mrs. "
    "Ms. Sir Dame Lord King Queen Prince Princess Sheikh Rep. Sen. Gov. Amb. Attorney "
    "Prosecutor Doctor Lawmaker MP Premier Chancellor Pope Bishop Archbishop Cardinal Imam "
    "Rabbi Captain Major Lieutenant Sergeant Commander Marshal Admiral Brigadier"
)
_ORGANISATION_WORDS = _words(
    "Ministry Office Agency Authority Department Council Commission Committee Watch "
    "International Institute Center Centre Foundation University College School Group "
    "Press News Times Post Wire Journal Herald Courier Observer Gazette Tribune Ledger "
    "Observatory Alliance Cooperative Co-operative Union Organization Organisation "
    "Association Network Bank Fund Service Services Bureau Court Police Army Forces Force "
    "Government Parliament Assembly Senate Congress Party Front Company Corporation Inc Ltd "
    "Minerals Resources Cross Crescent Nations Programme Program Mission Coalition "
    "Federation Society Trust Board Tribunal Secretariat Partnership Forum Conference "
    "Summit Review Monitor Radio Television TV Broadcasting Magazine Daily Weekly Guardian "
    "Telegraph Chronicle Express Mail Standard Reuters Novosti Media Agence Associated "
    "Prosecutor's Office Inspectorate Directorate Embassy Consulate Affairs Interior Defence "
    "Defense Justice Health"
)
# Media and monitors that are cited as sources wherever an article mentions them.
_KNOWN_SOURCES = frozenset(
    {
        "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "BBC", "CNN",
        "Al Jazeera", "DW", "Deutsche Welle", "Bloomberg", "New York Times",
        "Washington Post", "Financial Times", "Wall Street Journal", "Le Monde", "RFI",
        "France 24", "TASS", "RIA Novosti", "Interfax", "Xinhua", "Anadolu", "EFE", "ANSA",
        "dpa", "Kyodo", "Yonhap", "NPR", "Sky News", "Human Rights Watch", "HRW",
        "Amnesty International", "ACLED", "ICRC", "OCHA", "UNHCR", "Médecins Sans Frontières",
        "MSF", "Transparency International", "Guardian", "The Guardian", "Economist",
        "The Economist", "Politico", "Axios", "Associated Press (AP)",
    }
)  # fmt: skip
_ROLE_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|lawmaker|farmer|resident|official|minister|director|"
    r"author|researcher|expert|analyst|lawyer|activist|journalist|reporter|correspondent|"
    r"leader|chief|head|professor|doctor|witness|survivor|said|says|told|by|member|"
    r"councillor|secretary|ambassador|envoy|commander|president|chairman|chairwoman)\s+$"
)
_ACRONYM_DEFINITION = re.compile(r"\s\(([A-Z][A-Za-z]{1,7})\)")
_MONTH_ABBREVIATIONS = _words("Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.|(?:[A-Z]\.){2,}|(?:St|Jr|Sr|Inc|Ltd|Co|Corp|Bros)\.)$")


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
            if not _sentence_initial(text, start):
                context.capitalised.add(_bare(phrase))
        for match in _ACRONYM_DEFINITION.finditer(text):
            before = _raw_phrases(text[max(0, match.start() - 120) : match.start()])
            if not before or before[-1][1] < match.start() - max(0, match.start() - 120) - 1:
                continue
            words = before[-1][2].split()
            while words and words[0] in _STOP:
                words = words[1:]
            full = " ".join(words)
            if acronym_of(full) == match.group(1).upper() or len(words) > 1:
                context.acronyms[match.group(1)] = full
        for start, end, phrase in _raw_phrases(text):
            for piece_start, piece_end, kind in _split_titles(text, start, end):
                if kind == "person":
                    context.add_person(text[piece_start:piece_end])
            if _looks_like_person(phrase) and _ROLE_BEFORE.search(text, max(0, start - 40), start):
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
        return name in _KNOWN_SOURCES or self.acronyms.get(name, "") in _KNOWN_SOURCES

    def is_known_speaker(self, name: str) -> bool:
        """Whether `name` spoke as a source earlier in the document."""
        return name in self.sources and self.is_organisation(name)

    def is_organisation(self, name: str) -> bool:
        words = name.split()
        return (
            name in _KNOWN_SOURCES
            or name in self.acronyms.values()
            or name.isupper()
            or any(word in _ORGANISATION_WORDS for word in words)
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
    tokens = list(_TOKEN.finditer(text))
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
            joins = text[tokens[probe - 1].end() - 1] not in "'’" or word in _ORGANISATION_WORDS
            if _is_capitalised(word) and joins:
                last = probe
                probe += 1
                continue
            previous = tokens[probe - 1].group()
            if word in _CONNECTORS and (word not in ("and", "&") or saw_of):
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
        _is_capitalised(word) and not word.isupper() and _bare(word) not in _ORGANISATION_WORDS
        for word in (first, second)
    )


def _split_titles(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """'Prime Minister Aleksy Brandt' -> the person 'Aleksy Brandt'; titles alone name nobody."""
    tokens = list(_TOKEN.finditer(text, start, end))
    last_title = -1
    for position, token in enumerate(tokens):
        if token.group() in _TITLES or token.group().rstrip(".") + "." in _TITLES:
            last_title = position
    if last_title < 0:
        return [(start, end, "")]
    pieces: list[tuple[int, int, str]] = []
    before = [token for token in tokens[:last_title] if token.group() not in _TITLES]
    if before and any(token.group() in _ORGANISATION_WORDS for token in before):
        pieces.append((before[0].start(), before[-1].end(), "organisation"))
    after = tokens[last_title + 1 :]
    while after and (after[0].group() in _CONNECTORS or after[0].group() == "the"):
        after = after[1:]
    if not after:
        return pieces
    organisation = [token for token in after if _bare(token.group()) in _ORGANISATION_WORDS]
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
    tokens = list(_TOKEN.finditer(text, start, end))
    while tokens and (_bare(tokens[0].group()) in _STOP or tokens[0].group() in _CONNECTORS):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].group() in _CONNECTORS
        or _bare(tokens[-1].group()) in _STOP
        or tokens[-1].group().rstrip(".") + "." in _MONTH_ABBREVIATIONS
    ):
        tokens = tokens[:-1]
    if not tokens or (len(tokens) == 1 and tokens[0].group() in _MONTH_ABBREVIATIONS):
        return None
    start, end = tokens[0].start(), tokens[-1].end()
    written = text[start:end]
    last_word = written.split()[-1]
    if written.endswith(".") and not (_ABBREVIATION.match(last_word) or last_word in _TITLES):
        written = written[:-1]
        end -= 1
    bare = strip_possessive(written)
    if not bare or not any(character.isalpha() for character in bare):
        return None
    single = len(tokens) == 1
    possessive = bare != written
    if (
        single
        and _sentence_initial(text, start)
        and not possessive
        and not _known_single(bare, text, end, context)
    ):
        return None
    if single and (bare.lower() in _GENERIC_HEADS or _is_adjective(bare, text, end)):
        return None
    if (
        not single
        and _sentence_initial(text, start)
        and _common_opening(tokens[0].group())
        and not any(_bare(token.group()) in _ORGANISATION_WORDS for token in tokens)
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
    if word in _KNOWN_SOURCES or word in context.acronyms or word in context.surnames:
        return True
    if word.isupper() and len(word) > 1:
        return True
    if word.lower() in _GENERIC_HEADS:
        return False
    if word in context.capitalised:
        return True
    return bool(_SPEAKS.match(text, end))


def _is_adjective(word: str, text: str, end: int) -> bool:
    """'the Estavian side', 'Malian forces': a nationality before a noun, not a name."""
    return word.endswith(("ian", "ean", "ese", "ish", "ic", "an")) and bool(
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
        and word not in _CONNECTORS
        and _bare(word) not in _ORGANISATION_WORDS
        for word in words
    )


def _ends_sentence(token: str) -> bool:
    return token.endswith(".") and not (_ABBREVIATION.match(token) or token in _TITLES)


def _is_capitalised(token: str) -> bool:
    return token[0].isupper()


def _bare(token: str) -> str:
    return strip_possessive(token.rstrip("."))


def _sentence_initial(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \"“‘'(*_-–—")
    return not before or before[-1] in ".!?:\n" or before.endswith(("\n", "|", "·"))


def _name_key(name: str) -> str:
    name = strip_possessive(name.strip())
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return name.casefold()


# --- generic references -------------------------------------------------------------------

_GENERIC_HEADS = _words(
    "report reports statement statements study studies survey review analysis investigation "
    "inquiry findings documents data figures records communique communiqué release letter "
    "article paper research testimony interview briefing ministry government authorities "
    "officials official spokesman spokeswoman spokesperson source sources witnesses witness "
    "residents diplomats diplomat analysts experts researchers observers critics activists "
    "agency company firm group organisation organization council authority police army "
    "military commission committee department office court prosecutor prosecutors minister "
    "president campaigners media newspaper outlet authors team charity union side defenders "
    "doctors medics villagers survivors relatives families officers lawyers scientists"
)
_DETERMINERS = _words(
    "the a an its their his her this these those several many some other multiple various "
    "two three four five numerous unnamed anonymous"
)
_GENERIC_HEAD = re.compile(
    rf"(?<![\w-])(?:{'|'.join(sorted(_GENERIC_HEADS, key=len, reverse=True))})(?![\w-])",
    re.IGNORECASE,
)
_NOT_MODIFIERS = _words(
    "said says told added noted reported that which who is was were are has had have not did "
    "to of in on at by for from with and or but as also further if when though although "
    "because while so then than yet nor about after before since into over under between "
    "according it he she they we you i there here be been being will would could should may "
    "might must can do does"
)
_MODIFIER = re.compile(r"[A-Za-z][\w-]*(?:['’]s?)?$")


_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")
_AFTER_SOURCE = _words("familiar close involved present quoted cited based working")


def _may_follow_source(word: str) -> bool:
    """Words that can follow a source word that is the head of its phrase ("officials said")."""
    return (
        word in _NOT_MODIFIERS
        or word in _AFTER_SOURCE
        or word in _GENERIC_HEADS
        or word.endswith(("ed", "ing", "ly"))
        or _VERB.fullmatch(word) is not None
    )


def _reference_start(text: str, head_start: int) -> int:
    """Walk back from a source word over its modifiers and determiner."""
    start = head_start
    words = reversed(list(_WORD.finditer(text, max(0, head_start - 80), head_start)))
    for modifiers, word in enumerate(words):
        if text[word.end() : start].strip():
            break  # punctuation between: the reference starts after it
        lowered = word.group().lower()
        if lowered in _DETERMINERS:
            return word.start()
        if modifiers == 3 or lowered in _NOT_MODIFIERS or not _MODIFIER.match(word.group()):
            break
        capital = word.group()[0].isupper() and not word.group().isupper()
        adjective = word.group().endswith(("ian", "ean", "ese", "ish"))
        if capital and not adjective and not _sentence_initial(text, word.start()):
            break  # a name ("Interior Ministry spokesman"): the name is the source
        start = word.start()
    return start


def find_generic_references(text: str) -> list[Span]:
    """References that stand for a source without naming it: "the report", "diplomatic sources".

    A reference is a source word ("report", "officials") with up to three words
    before it that modify it ("the agency's own published records") and a
    determiner; a capitalised source word inside a name ("Security Council") is
    not one.
    """
    found: list[Span] = []
    for head in _GENERIC_HEAD.finditer(text):
        if (
            head.group()[0].isupper()
            and not _sentence_initial(text, head.start())
            and not text[: head.start()].rstrip().lower().endswith(("the", "a", "an"))
        ):
            continue
        following = _NEXT_WORD.match(text, head.end())
        if following and not _may_follow_source(following.group(1)):
            continue  # "the official website", "company documents": a modifier, not a source
        start = _reference_start(text, head.start())
        found.append(Span(start, head.end()))
    return [
        span for span in found if not any(other != span and other.contains(span) for other in found)
    ]


# --- attribution --------------------------------------------------------------------------

_VERBS = (
    r"said|says|say|saying|told|tells|tell|telling|added|adds|adding|noted|noting|"
    r"reported|reporting|stated|states|announced|announces|claimed|alleges|argued|argues|"
    r"wrote|writes|explained|explains|described|describes|describing|insisted|insists|insist|"
    r"denied|denies|denying|deny|confirmed|confirms|acknowledged|acknowledges|admitted|admits|"
    r"warned|warns|concluded|concludes|showed|shows|show|revealed|reveals|accused|accuses|"
    r"cited|cites|citing|quoted|indicated|indicates|pointed out|points out|point to|points to|"
    r"pointed to|highlighted|highlights|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|"
    r"asserted|asserts|contended|observed|recalled|testified|declared|declares|disclosed|"
    r"documented|termed|rejected|rejects|dismissed|dismisses|condemned|condemns|urged|urges|"
    r"promised|promises|pledged|predicted|spoke|spoken|speaks|speaking|informed|notes|reports|"
    r"claims|"
    r"estimates|found|finds|find|suggested|suggests|maintained|maintains|believes|estimated|"
    r"alleged|welcomed|welcomes|draws attention|drew attention|"
    r"recommended|insisting|stating"
)
# Forms that are also nouns or participles count only before "that" or after a subject.
_WEAK_VERBS = _words(
    "notes reports claims estimates found finds find suggested suggests maintained maintains "
    "believes estimated alleged show shows states documented quoted cited"
)
_VERB = re.compile(rf"(?<![\w-])(?:according to|{_VERBS})(?![\w-])", re.IGNORECASE)
_SPEAKS = re.compile(
    rf"\s+(?:(?:\w+ly|also|further|again|later|then|previously|has|have|had)\s+){{0,2}}"
    rf"(?:{_VERBS})\b"
)
_PRONOUN_AT_END = re.compile(
    r"(?<![\w-])(?:he|she|it|they)(?:\s+(?:\w+ly|also|has|had|have|then))*\s*$", re.IGNORECASE
)
_HYPOTHETICAL = re.compile(r"\b(?:will|would|might|may|could|can|to)\s+$")
# After these a name is the speaker: '…," said Eryk Maas' or 'according to Vegvesen'.
_SPEAKER_AFTER = frozenset({"said", "says", "added", "adds", "told", "wrote", "noted"})
_SPEAKER_START = re.compile(r"\s+(?:[A-Z]|(?:the|a|an|its|one|two|three)\s)")
_BY_SOURCE = re.compile(
    r"(?<![\w-])(?:(?:reports?|surveys?|stud(?:y|ies)|reviews?|investigations?|analys[ie]s|"
    r"statements?|inspections?|data|figures|records|documents|polls?|assessments?|audits?|"
    r"articles?|research|findings|testimon(?:y|ies)|letters?|communiqu[eé]s?|estimates?|count|"
    r"tally|assertions?|allegations?|accusations?|claims?)"
    r"(?:\s+(?:published|released|issued|compiled|written|commissioned|conducted|prepared|"
    r"produced))?\s+(?:by|from|of)|"
    r"(?:researchers|spokes(?:man|woman|person)|officials?|director|experts?|scientists?)"
    r"\s+(?:for|at|from|of|with)|"
    r"(?:published|released|issued|obtained|seen|compiled|conducted|commissioned|"
    r"disseminated|posted|reported|quoted|cited|collected|gathered|documented|announced|"
    r"confirmed|verified|shared|carried out|circulated|made public)"
    r"(?:\s+(?:on|in|last|this|earlier)(?:\s+[\w-]+){1,2})?\s+by|"
    r"interview with|told)\s+",
    re.IGNORECASE,
)
_POSSESSIVE_SOURCE = re.compile(
    r"\s*(?:own\s+)?(?:[a-z]+\s+)?(?:reports?|statements?|stud(?:y|ies)|surveys?|findings|data|"
    r"figures|records|researchers|director|spokes(?:man|woman|person)|analysis|investigation|"
    r"estimates?|website|account|communiqu[eé]|review|officials?)\b",
)
_BOUNDARY = re.compile(
    r"[,;:!?\"“”()\[\]]|(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bCol)(?<!\bGen)"
    r"(?<!\bProf)(?<!\b[A-Z])\.(?=\s|$)|\s[–—-]\s|(?<![\w-])(?:that|which|who|whom|whose)(?![\w-])"
)
_LIST_GAP = re.compile(
    r"(?:['’]s?)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as|&)\s+)(?:the\s+)?",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\s*\([^)]{1,40}\)")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution verb (or "according to", "a report by") and whom it attributes to."""

    verb: Span
    names: tuple[NameMention, ...]
    references: tuple[Span, ...]
    kind: str = "verb"  # "verb", "by" ("a report by") or "possessive" ("HRW's report")


def find_attributions(
    text: str,
    names: Sequence[NameMention],
    context: NameContext,
    quoted: Sequence[Span] = (),
) -> list[Attribution]:
    """Attribution verbs in `text` with the names and references in their speaker slots."""
    references = [
        reference
        for reference in find_generic_references(text)
        if not _inside_any(reference, quoted)
        and not any(name.span.overlaps(reference) for name in names)
    ]
    found: list[Attribution] = []
    for match in _VERB.finditer(text):
        verb = Span(match.start(), match.end())
        if _inside_any(verb, quoted):
            continue
        form = " ".join(match.group().lower().split())
        if _HYPOTHETICAL.search(text, max(0, verb.start - 12), verb.start):
            continue  # "critics will say": nobody has said it yet
        windows = _speaker_windows(text, verb, form, names)
        windows.extend(_pronoun_subject(text, verb, windows, names))
        in_slot = [
            name
            for name in names
            if any(w.contains(name.span) for w in windows) and not _is_place_in(text, name, context)
        ]
        slot_references = [
            reference
            for reference in references
            if any(window.contains(reference) for window in windows)
        ]
        if in_slot:
            slot_references = []
        if form in _WEAK_VERBS and not _weak_verb_holds(text, verb, in_slot, slot_references):
            continue
        if in_slot or slot_references or form == "according to":
            found.append(Attribution(verb, tuple(in_slot), tuple(slot_references)))
    for match in _BY_SOURCE.finditer(text):
        if _inside_any(Span(match.start(), match.end()), quoted):
            continue
        in_slot = _name_list(text, match.end(), names)
        if match.group().lower().startswith("told"):
            in_slot = [name for name in in_slot if context.is_organisation(name.canonical)]
        if in_slot:
            span = Span(match.start(), match.end() - 1)
            found.append(Attribution(span, tuple(in_slot), (), "by"))
    for name in names:
        if text.startswith(("'s", "’s", "'", "’"), name.end):
            apostrophe_end = name.end + (2 if text[name.end + 1 : name.end + 2] == "s" else 1)
            possessive = _POSSESSIVE_SOURCE.match(text, apostrophe_end)
            if possessive and not _inside_any(name.span, quoted):
                span = Span(possessive.start(), possessive.end())
                found.append(Attribution(span, (name,), (), "possessive"))
    found.sort(key=lambda attribution: attribution.verb.start)
    return found


def _speaker_windows(text: str, verb: Span, form: str, names: Sequence[NameMention]) -> list[Span]:
    """Where the speaker of a verb may be named: before it, after it, or at the clause's head."""
    if form == "according to":
        return [_list_window(text, verb.end, names)]
    before = _extend_list_back(text, _window_before(text, verb.start), names)
    windows = [before]
    subject = re.search(r"\w", before.of(text)) is not None
    if not subject and _comma_before(text, verb.start):
        head = _clause_head(text, verb.start)
        if head is not None:
            windows.append(head)
            windows.extend(_appositive_names(text, head.end, verb.start, names))
            subject = True
    inverted = text[: verb.start].rstrip().endswith((",", '"', "”", "’"))
    if form in _SPEAKER_AFTER and inverted and not subject and _SPEAKER_START.match(text, verb.end):
        windows.append(_list_window(text, verb.end, names))
    return windows


def _pronoun_subject(
    text: str, verb: Span, windows: list[Span], names: Sequence[NameMention]
) -> list[Span]:
    """'Moscow congratulated Mali … and it described as…': "it" is the sentence's subject."""
    before = windows[0].of(text)
    if not _PRONOUN_AT_END.search(before) or any(
        window.contains(name.span) for window in windows for name in names
    ):
        return []
    sentence_start = max(text.rfind(". ", 0, verb.start) + 1, 0)
    subjects = [name for name in names if sentence_start <= name.start < windows[0].start]
    return [subjects[0].span] if subjects else []


def _appositive_names(text: str, start: int, end: int, names: Sequence[NameMention]) -> list[Span]:
    """Names standing alone between commas: 'A spokeswoman for it, Mira Halvik, said'."""
    spans: list[Span] = []
    for segment in re.finditer(r"[^,]+", text[start:end]):
        piece = Span(start + segment.start(), start + segment.end())
        stripped = segment.group().strip()
        if any(name.text == stripped and piece.contains(name.span) for name in names):
            spans.append(piece)
    return spans


def _is_place_in(text: str, name: NameMention, context: NameContext) -> bool:
    """'Residents in Osk said': a place after "in" or "near" is where, not who."""
    before = text[max(0, name.start - 8) : name.start]
    return bool(re.search(r"\b(?:in|near|from|at)\s+$", before)) and not (
        context.is_organisation(name.canonical) or name.kind == "person"
    )


def _extend_list_back(text: str, window: Span, names: Sequence[NameMention]) -> Span:
    """'The United States, France and European Union say': the list before the comma too."""
    listed_here = [name for name in names if window.contains(name.span)]
    if len(listed_here) < 2 or not re.search(r"\b(?:and|or)\b", window.of(text)):
        return window
    start = window.start
    while True:
        comma = text.rfind(",", 0, start)
        if comma < 0 or text[comma + 1 : start].strip():
            return Span(start, window.end)
        listed = [name for name in names if name.end == comma]
        if not listed:
            return Span(start, window.end)
        start = listed[0].start


def _window_before(text: str, position: int) -> Span:
    """Up to twelve words before `position`, back to the nearest clause boundary."""
    start = max(0, position - 160)
    piece = _PARENTHESIS.sub(lambda match: " " * len(match.group()), text[start:position])
    boundaries = list(_BOUNDARY.finditer(piece))
    if boundaries:
        start += boundaries[-1].end()
    words = list(_WORD.finditer(text, start, position))
    if len(words) > 12:
        start = words[-12].start()
    return Span(start, position)


def _list_window(text: str, position: int, names: Sequence[NameMention] | None) -> Span:
    """From `position` to the next clause boundary, running on through a list of names."""
    end = _next_boundary(text, position)
    if not names:
        names = find_names(text[position:])
        names = [
            NameMention(n.start + position, n.end + position, n.text, n.canonical, n.kind)
            for n in names
        ]
    while end < len(text) and text[end] == ",":
        following = _next_boundary(text, end + 1)
        segment = text[end + 1 : following]
        covered = [name for name in names if end < name.start and name.end <= following]
        leftover = segment
        for name in covered:
            leftover = leftover.replace(name.text, " ")
        leftover = re.sub(r"\b(?:and|or|as well as|the|especially|from)\b|['’]s?", " ", leftover)
        if not covered or leftover.strip(" .,"):
            break
        end = following
    return Span(position, end)


def _name_list(text: str, position: int, names: Sequence[NameMention]) -> list[NameMention]:
    """The names right after `position`: 'by the charity Reading Futures', 'from AP, AFP and DW'.

    The first name must come within three words; further ones only after a comma,
    "and", "or" or "as well as", so "interview with RIA Novosti and also pointed
    to the fact Russia…" gives RIA Novosti alone.
    """
    following = sorted((name for name in names if name.start >= position), key=lambda n: n.start)
    if not following or len(_WORD.findall(text[position : following[0].start])) > 3:
        return []
    if re.search(r"[,;:.!?\"“”()]", text[position : following[0].start]):
        return []
    listed = [following[0]]
    for name in following[1:]:
        gap = text[listed[-1].end : name.start]
        if not _LIST_GAP.fullmatch(gap):
            break
        listed.append(name)
    return listed


def _next_boundary(text: str, position: int) -> int:
    match = _BOUNDARY.search(text, position)
    end = match.start() if match else len(text)
    words = list(_WORD.finditer(text, position, end))
    if len(words) > 10:
        end = words[10].start()
    return end


def _clause_head(text: str, position: int) -> Span | None:
    """The subject before a chain of appositives: 'The Red Cross, which…, said'."""
    first_comma = text.find(",")
    if first_comma < 0 or first_comma >= position:
        return None
    head = Span(0, first_comma)
    words = _WORD.findall(head.of(text))
    if not words or len(words) > 12 or _VERB.search(head.of(text)):
        return None
    if words[0].lower() in ("in", "on", "at", "after", "since", "when", "while", "as", "if"):
        return None
    return head


def _weak_verb_holds(
    text: str, verb: Span, names: Sequence[NameMention], references: Sequence[Span]
) -> bool:
    """A noun-like verb form ("reports", "found") attributes only with a subject or a "that"."""
    if re.match(r"\s+(?:that|as)\b", text[verb.end :]):
        return True
    if verb.of(text).lower().startswith("show"):
        return False  # "cooperation shows the desire": showing is not saying
    before = text[max(0, verb.start - 40) : verb.start].rstrip()
    if re.search(r"\b(?:the|a|an|of|media|several|many|some|unconfirmed)$", before, re.I):
        return False
    return bool(names or references) and re.search(r"\w$", before) is not None


def _comma_before(text: str, position: int) -> bool:
    stripped = re.sub(
        r"(?:\s+(?:also|further|again|later|then|now|\w+ly|on \w+))*\s*$", "", text[:position]
    )
    return stripped.endswith(",")


def _inside_any(span: Span, spans: Sequence[Span]) -> bool:
    return any(other.contains(span) for other in spans)


# --- the cues of a claim ------------------------------------------------------------------

_MAY_HAVE_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|"
    r"scores|half|third|quarter|twice|double|triple)\b",
    re.IGNORECASE,
)
_MAY_HAVE_HEDGE = re.compile(
    r"alleg|purport|suppos|so-called|accus|claim|report|said to|rumou?r|according|estimat|"
    r"approx|roughly|\bmay\b|might|could|possibl|perhaps|probabl|likely|potential|presumabl|"
    r"apparent|appear|seem|suggest|indicat|believed|thought|suspect|understood|preliminary|"
    r"provisional|unverified|unconfirmed|verified|confirmed|in part|partly|partial",
    re.IGNORECASE,
)
_TIME_UNITS = _words(
    "year years month months week weeks day days hour hours minute minutes decade decades "
    "century centuries"
)


@dataclass(frozen=True, slots=True)
class CueMark:
    """Where a cue sits, in offsets relative to the text that was described."""

    kind: str  # "source", "number", "quote", "hedge" or "verb"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cues:
    """What a claim leans on and what a reader should check in it.

    `sources` holds the names the claim attributes to, in the form the document
    first gives them ("Human Rights Watch" for "HRW's"), then generic references
    ("the report"); `named` is the subset that are names. `refers_to` holds the
    named sources a generic reference or pronoun points back to ("the report" ->
    "Human Rights Watch"); only a whole document can fill it in.
    """

    sources: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    verb: str = ""
    named: tuple[str, ...] = ()
    refers_to: tuple[str, ...] = ()
    marks: tuple[CueMark, ...] = field(default=(), compare=False)

    @property
    def generic(self) -> tuple[str, ...]:
        return tuple(source for source in self.sources if source not in self.named)

    def to_json(self) -> dict[str, object]:
        return {
            "sources": list(self.sources),
            "numbers": list(self.numbers),
            "quotes": list(self.quotes),
            "hedges": list(self.hedges),
            "verb": self.verb,
            "refers_to": list(self.refers_to),
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """A claim's cues with the names and quantities they were read from, for further scoring."""

    cues: Cues
    names: tuple[NameMention, ...]
    quantities: tuple[Quantity, ...]


def describe(text: str, context: NameContext | None = None) -> Cues:
    """The cues of one claim; `context` carries what the rest of the document says about names."""
    return analyse(text, context).cues


def analyse(text: str, context: NameContext | None = None, *, hedges: bool = True) -> Analysis:
    """`describe`, keeping the names and quantities found on the way.

    Without `hedges` the (slowest) hedge search is left out, for a first pass
    over every sentence; `with_hedges` adds them to the few that are kept.
    """
    if context is None:
        context = NameContext.from_text(text)
    marks: list[CueMark] = []
    numbers: list[str] = []
    quantities = countable_quantities(text)
    for quantity in quantities:
        numbers.append(" ".join(quantity.text.split()))
        marks.append(CueMark("number", quantity.span.start, quantity.span.end))
    quoted = find_quotations(text)
    quotes: list[str] = []
    for span in quoted:
        if len(_WORD.findall(span.of(text))) >= MIN_QUOTE_WORDS:
            quotes.append(span.of(text))
            marks.append(CueMark("quote", span.start, span.end))
    hedge_marks = _hedge_marks(text, bool(numbers)) if hedges else []
    marks.extend(hedge_marks)

    names = [name for name in find_names(text, context) if not context.is_own(name.canonical)]
    named: list[str] = []
    generic: list[str] = []
    attributions = find_attributions(text, names, context, quoted)
    verbs = [a for a in attributions if a.kind == "verb"] or attributions
    verb = " ".join(verbs[0].verb.of(text).lower().split()) if verbs else ""
    for attribution in attributions:
        marks.append(CueMark("verb", attribution.verb.start, attribution.verb.end))
        for name in attribution.names:
            named.append(name.canonical)
            marks.append(CueMark("source", name.start, name.end))
        for reference in attribution.references:
            generic.append(" ".join(reference.of(text).split()))
            marks.append(CueMark("source", reference.start, reference.end))
    leaning_on: list[str] = []
    for name in names:
        if _inside_any(name.span, quoted):
            continue
        if context.is_source(name.canonical):
            named.append(name.canonical)
            marks.append(CueMark("source", name.start, name.end))
        elif not attributions and context.is_known_speaker(name.canonical):
            leaning_on.append(name.canonical)  # "FWA researchers collected 340 samples"
    named_unique = _unique(named)
    cues = Cues(
        sources=_unique([*named_unique, *_unique(generic, casefold=True)]),
        numbers=tuple(numbers),
        quotes=tuple(quotes),
        hedges=_unique(mark_text for mark_text in _mark_texts(text, hedge_marks)),
        verb=verb,
        named=named_unique,
        refers_to=_unique(leaning_on),
        marks=tuple(sorted(set(marks), key=lambda mark: (mark.start, mark.end, mark.kind))),
    )
    return Analysis(cues, tuple(names), tuple(quantities))


def with_hedges(text: str, cues: Cues) -> Cues:
    """The cues with the hedges of `text` filled in (see `analyse`)."""
    marks = _hedge_marks(text, bool(cues.numbers))
    return replace(
        cues,
        hedges=_unique(_mark_texts(text, marks)),
        marks=tuple(sorted({*cues.marks, *marks}, key=lambda m: (m.start, m.end, m.kind))),
    )


def _hedge_marks(text: str, has_numbers: bool) -> list[CueMark]:
    if not (has_numbers or _MAY_HAVE_HEDGE.search(text)):
        return []
    return [CueMark("hedge", span.start, span.end) for span, _phrase in find_hedges(text)]


def _mark_texts(text: str, marks: Iterable[CueMark]) -> Iterator[str]:
    for mark in marks:
        yield " ".join(text[mark.start : mark.end].lower().split())


def countable_quantities(text: str) -> list[Quantity]:
    """Quantities worth checking: amounts, money, shares; not dates or bare years."""
    if not _MAY_HAVE_NUMBER.search(text):
        return []
    return [quantity for quantity in find_quantities(text) if not quantity.is_date]


def is_duration(quantity: Quantity) -> bool:
    """ "three years", "four days": spans of time, a weaker sign of a checkable fact."""
    return quantity.unit in _TIME_UNITS


def _unique(items: Iterable[str], *, casefold: bool = False) -> tuple[str, ...]:
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        key = item.casefold() if casefold else item
        if item and key not in seen:
            seen.add(key)
            kept.append(item)
    return tuple(kept)
