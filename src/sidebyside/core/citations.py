"""Which attached source a claim cites, and which cited sources are not attached yet.

An article names its sources loosely: "Human Rights Watch", "HRW's report",
"Reuters'". Each attached source carries the names it may be cited by (title,
publisher, aliases the reader adds), and a claim cites a source when one of
those names, or its acronym, appears among the claim's cues or in its words. A
claim that names no source may lean on any of them, so it is matched against
all; a name no attached source answers to goes on the missing-sources list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sidebyside.core.citation_links import claim_links

if TYPE_CHECKING:
    from sidebyside.core.cues import Cues
    from sidebyside.core.document import Document

__all__ = [
    "CitationReport",
    "ClaimCitation",
    "LinkedAddress",
    "MissingSource",
    "SourceNames",
    "acronym_of",
    "archived_address",
    "cite_sources",
    "claim_links",
    "names_match",
    "same_address",
    "strip_possessive",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CONNECTORS = _words("of for the and & de du des la le al el on in at to")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
# A title must be this long to count when it is quoted in a claim.
_MIN_TITLE_WORDS = 3


class CitingClaim(Protocol):
    """Anything with a text and cues: a suggested claim or one the reader marked."""

    @property
    def text(self) -> str: ...

    @property
    def cues(self) -> Cues: ...


@dataclass(frozen=True, slots=True)
class SourceNames:
    """An attached source and the names an article may cite it by.

    `key` is how the caller knows the source (a path as given, a database id).
    """

    key: str
    names: tuple[str, ...]
    title: str = ""
    addresses: tuple[str, ...] = ()  # where it was fetched from: a claim linking it cites it

    @classmethod
    def from_document(
        cls, key: str, document: Document, aliases: Iterable[str] = ()
    ) -> SourceNames:
        metadata = document.metadata
        names = [metadata.publisher, *metadata.aliases, *aliases]
        addresses = (metadata.address,) if "://" in metadata.address else ()
        return cls(key=key, names=_unique_names(names), title=metadata.title, addresses=addresses)


@dataclass(frozen=True, slots=True)
class LinkedAddress:
    """An address the article links from claims: which claims (indexes) and, when the
    claims name who they cite, that name ("" when they name none)."""

    address: str
    claims: tuple[int, ...]
    name: str = ""
    attached: bool = False  # an attached source was kept from this address

    @property
    def archived(self) -> str:
        return archived_address(self.address)

    def to_json(self) -> dict[str, object]:
        return {
            "address": self.address,
            "name": self.name,
            "claim_indexes": list(self.claims),
            "attached": self.attached,
        }


def archived_address(address: str) -> str:
    """The Wayback Machine's copy of `address`, for a page that cannot be fetched (an
    address of the Wayback Machine already is one)."""
    if address.startswith(("https://web.archive.org/", "http://web.archive.org/")):
        return address
    return f"https://web.archive.org/web/{address}"


@dataclass(frozen=True, slots=True)
class ClaimCitation:
    """The sources one claim cites and why.

    `by` holds the names in the claim that matched an attached source. When the
    claim names no source at all, `names_none` is true and `cited` holds every
    attached source, since any of them may support it.
    """

    cited: tuple[str, ...]
    by: tuple[str, ...] = ()
    names_none: bool = False


@dataclass(frozen=True, slots=True)
class MissingSource:
    """A source the article cites that the reader has not attached."""

    name: str
    variants: tuple[str, ...]
    claims: tuple[int, ...]  # indexes of the claims that cite it
    addresses: tuple[LinkedAddress, ...] = ()  # what the article links for it, by claims

    @property
    def count(self) -> int:
        return len(self.claims)

    def describe(self) -> str:
        plural = "claim" if self.count == 1 else "claims"
        return f"{self.name} — cited by {self.count} {plural}"

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "variants": list(self.variants),
            "claims": self.count,
            "claim_indexes": list(self.claims),
            "addresses": [linked.address for linked in self.addresses],
            "claims_by_address": {linked.address: list(linked.claims) for linked in self.addresses},
        }


@dataclass(frozen=True, slots=True)
class CitationReport:
    citations: tuple[ClaimCitation, ...]
    missing: tuple[MissingSource, ...]
    links: tuple[tuple[str, ...], ...] = ()  # per claim, the addresses it links
    linked: tuple[LinkedAddress, ...] = ()  # every address claims link, in text order


def cite_sources(
    claims: Sequence[CitingClaim],
    sources: Sequence[SourceNames],
    links: Sequence[Sequence[str]] = (),
) -> CitationReport:
    """Link each claim to the attached sources it cites; list cited names with no source.

    `links[i]` holds the addresses claim i links (see `claim_links`): a source kept from
    one of them is cited, and a missing name gains the addresses linked for it."""
    citations: list[ClaimCitation] = []
    unanswered: list[tuple[int, str]] = []
    linked_names: dict[str, tuple[list[int], list[str]]] = {}  # address -> claims, names
    attached_addresses = {_plain_address(a): s.key for s in sources for a in s.addresses}
    for index, claim in enumerate(claims):
        mentions = [*claim.cues.named, *claim.cues.refers_to]
        addresses = tuple(links[index]) if index < len(links) else ()
        cited: list[str] = []
        by: list[str] = []
        described: list[tuple[str, str]] = []  # sources whose title merely holds the words
        by_address = {attached_addresses.get(_plain_address(a)): a for a in addresses}
        for source in sources:
            matched = _matching_name(source, claim)
            if matched is None and source.key in by_address:
                matched = by_address[source.key]
            if matched is not None:
                cited.append(source.key)
                by.append(matched)
            else:
                reference = _describing_reference(source, claim)
                if reference is not None:
                    described.append((source.key, reference))
        if not cited:  # "the ministry's statement" only if nothing answers to it by name
            cited = [key for key, _ in described]
            by = [reference for _, reference in described]
        # A name the claim gives is missing when no source answers to it; a name it was only
        # taken to mean ("the report" -> Reuters) is missing only if nothing else is cited.
        given = [*claim.cues.named, *([] if cited else claim.cues.refers_to)]
        owners = _owners(claim.text, given or list(claim.cues.generic), addresses)
        for address, owner in zip(addresses, owners, strict=True):
            indexes, names = linked_names.setdefault(address, ([], []))
            indexes.append(index)
            if owner in given:
                names.append(owner)
        for mention in given:
            if any(names_match(name, mention) for source in sources for name in source.names):
                continue
            own = [a for a, owner in zip(addresses, owners, strict=True) if owner == mention]
            if own and all(_plain_address(a) in attached_addresses for a in own):
                continue  # the source it links is attached, under another name
            unanswered.append((index, mention))
        if not mentions and not cited:
            citations.append(ClaimCitation(tuple(s.key for s in sources), names_none=True))
        else:
            citations.append(ClaimCitation(tuple(cited), by=_unique_names(by)))
    linked = tuple(
        LinkedAddress(
            address,
            tuple(dict.fromkeys(indexes)),
            _most_common(names),
            _plain_address(address) in attached_addresses
            or _answered(_most_common(names), sources),
        )
        for address, (indexes, names) in linked_names.items()
    )
    return CitationReport(
        tuple(citations),
        _group_missing(unanswered, linked),
        tuple(tuple(links[i]) if i < len(links) else () for i in range(len(claims))),
        linked,
    )


def _owners(text: str, mentions: Sequence[str], addresses: Sequence[str]) -> list[str]:
    """Which mention each address of a claim belongs to: with one mention, that one; with
    several, the mention the link's own words are ("NPR" linked in "NPR's Emily Feng
    reported"), else the mention nearest the link's words in the claim, else (a link outside
    the claim's words) the addresses in text order go to the mentions in the order the
    claim gives them, the last mention taking any left over."""
    if not mentions:
        return ["" for _ in addresses]
    if len(mentions) == 1:
        return [mentions[0] for _ in addresses]
    plain = text.casefold()
    where = {m: plain.find(strip_possessive(m).casefold()) for m in mentions}
    placed = sorted(mentions, key=lambda m: where[m] % (len(plain) + 1))
    owners = []
    for index, address in enumerate(addresses):
        words = " ".join(str(getattr(address, "words", "")).split()).casefold()
        own = [m for m in mentions if words and strip_possessive(m).casefold() in words]
        at = plain.find(words) if words else -1
        if own:
            owners.append(max(own, key=len))
        elif at >= 0 and any(where[m] >= 0 for m in mentions):
            near = [m for m in mentions if where[m] >= 0]
            owners.append(min(near, key=lambda m: abs(where[m] - at)))
        else:
            owners.append(placed[min(index, len(placed) - 1)])
    return owners


def _answered(name: str, sources: Sequence[SourceNames]) -> bool:
    """Whether an attached source answers to `name` (one fetched from a link that redirected
    is known by the name it was cited by, not by the address linked)."""
    return bool(name) and any(names_match(n, name) for source in sources for n in source.names)


def _most_common(names: Sequence[str]) -> str:
    return max(dict.fromkeys(names), key=names.count) if names else ""


def same_address(a: str, b: str) -> bool:
    """Whether two addresses name the same page (fragment, trailing slash, host case aside)."""
    return bool(a) and bool(b) and _plain_address(a) == _plain_address(b)


def _plain_address(address: str) -> str:
    """An address as compared: no fragment, no trailing slash, host in lower case."""
    address = address.split("#", 1)[0].strip()
    scheme, separator, rest = address.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}{separator}{host.lower()}{slash}{path}".rstrip("/")


def names_match(a: str, b: str) -> bool:
    """Whether two names can mean the same source: equal, acronym of the other, or within it.

    Case, a leading "the" and possessives do not matter. A single word inside a
    longer name counts only when it is distinctive ("Meridian" in "Meridian Press").
    """
    key_a, key_b = _key(a), _key(b)
    if not key_a or not key_b:
        return False
    if key_a == key_b:
        return True
    bare_a, bare_b = strip_possessive(a.strip()), strip_possessive(b.strip())
    if _is_acronym(bare_a) and acronym_of(bare_b) == bare_a.upper():
        return True
    if _is_acronym(bare_b) and acronym_of(bare_a) == bare_b.upper():
        return True
    shorter, longer = sorted((key_a.split(), key_b.split()), key=len)
    if len(shorter) == 1 and (len(shorter[0]) < 4 or shorter[0] in _COMMON_ORGANISATION_WORDS):
        return False
    return _contains(longer, shorter)


def acronym_of(name: str) -> str:
    """'Human Rights Watch' -> 'HRW', 'Agence France-Presse' -> 'AFP'; '' for one word."""
    words = [word for word in re.split(r"[\s-]+", strip_possessive(name)) if word]
    initials = [word[0] for word in words if word.lower() not in _CONNECTORS and word[0].isalpha()]
    return "".join(initials).upper() if len(initials) > 1 else ""


def strip_possessive(name: str) -> str:
    """'HRW's' -> 'HRW', "Reuters'" -> 'Reuters'."""
    return _POSSESSIVE.sub("", name)


def _matching_name(source: SourceNames, claim: CitingClaim) -> str | None:
    """The name by which `claim` cites `source`, or None.

    Only the names in the claim's cues count, not every name in its words: in
    "Vesgrad dismissed the SRO findings" Vesgrad speaks and SRO is spoken about.
    A title of three words or more quoted in the claim counts too. (A generic reference
    whose words a title holds is weaker: see `_describing_reference`.)
    """
    cues = claim.cues
    for mention in (*cues.named, *cues.refers_to):
        if any(names_match(name, mention) for name in source.names):
            return mention
    for reference in cues.generic:
        if any(_key(name) == _key(reference) for name in source.names):
            return reference
    if len(source.title.split()) >= _MIN_TITLE_WORDS and _occurs(source.title, claim.text):
        return source.title
    return None


def _describing_reference(source: SourceNames, claim: CitingClaim) -> str | None:
    """A generic reference of the claim whose words the source's title or names all hold
    ("the ministry's statement" and "Statement by the Ministry of…"). Weaker than a name:
    "the report" cites the source the reader calls "the report", not every report."""
    described = {word for name in (source.title, *source.names) for word in _plain_words(name)}
    for reference in claim.cues.generic:
        words = set(_plain_words(reference)) - _VAGUE_WORDS
        if words and words <= described:
            return reference
    return None


def _occurs(name: str, text: str) -> bool:
    """Whether `name` is written in `text` as whole words, possessive or not.

    Curly and straight apostrophes and quotation marks count as the same.
    """
    name, text = _plain_marks(name.strip()), _plain_marks(text)
    if not name:
        return False
    flags = 0 if _is_acronym(name) or len(name) <= 4 else re.IGNORECASE
    pattern = rf"(?<![\w-]){re.escape(name)}(?:['’]s?)?(?![\w-])"
    return re.search(pattern, text, flags) is not None


def _group_missing(
    unanswered: list[tuple[int, str]], linked: Sequence[LinkedAddress] = ()
) -> tuple[MissingSource, ...]:
    groups: list[tuple[list[str], set[int]]] = []
    for index, name in unanswered:
        for variants, indexes in groups:
            if any(names_match(name, variant) for variant in variants):
                if name not in variants:
                    variants.append(name)
                indexes.add(index)
                break
        else:
            groups.append(([name], {index}))
    missing = [
        MissingSource(
            name=max(variants, key=lambda variant: (len(variant.split()), len(variant))),
            variants=tuple(variants),
            claims=tuple(sorted(indexes)),
            addresses=tuple(
                link
                for link in linked
                if not link.attached
                and link.name
                and any(names_match(link.name, variant) for variant in variants)
            ),
        )
        for variants, indexes in groups
    ]
    missing.sort(key=lambda source: (-source.count, source.name.casefold()))
    return tuple(missing)


def _key(name: str) -> str:
    name = strip_possessive(" ".join(name.split()))
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"[^\w\s-]", "", name).casefold().strip()


def _plain_marks(text: str) -> str:
    return text.translate(_MARKS)


_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _plain_words(name: str) -> list[str]:
    """Lower-case words without possessives: "the ministry's statement" -> the, ministry, …"""
    return [strip_possessive(word) for word in re.findall(r"[\w'’]+", name.casefold())]


def _is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 8 and name.isupper() and name.isalpha()


def _contains(longer: list[str], shorter: list[str]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _unique_names(names: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        name = " ".join(name.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return tuple(kept)


_VAGUE_WORDS = _words("the a an its their his her this that these those same own new latest")
_COMMON_ORGANISATION_WORDS = _words(
    "ministry office agency authority department council commission committee government "
    "police army court group company press news report statement the"
)
