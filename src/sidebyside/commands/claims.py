"""`sidebyside claims ARTICLE [SOURCE…] [--json]`: the claims worth checking and what they cite.

Offsets are code-point offsets into the canonical text that `sidebyside text
ARTICLE` prints. Each claim lists the attached sources it cites (as the paths
were given); names the article cites with no source attached are listed as
missing sources, with the addresses the article links for them. Each claim lists the
addresses it links (`"links"`; fetched with `sidebyside fetch-linked`), and with --json its
chain of attributions (`"chain"`: the article's claim, the source it credits, the source
that one names or links…, each with its passage and the name or address it is cited by).
"""

from __future__ import annotations

import argparse
import json
import re
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sidebyside.commands.text import write_output
from sidebyside.core.citations import (
    CitationReport,
    SourceNames,
    acronym_of,
    cite_sources,
    claim_links,
)
from sidebyside.core.claims import ClaimSuggestion, suggest_claims
from sidebyside.core.document import Document
from sidebyside.core.errors import SidebysideError
from sidebyside.core.importers import import_file
from sidebyside.core.provenance import Provenance

_WIDTH = 100


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "claims",
        help="list the claims in an article and the sources they cite",
        description=(
            "Suggest the claims in ARTICLE worth checking (attributions, numbers, quotations, "
            "contested facts) with their cues, say which SOURCE files each one cites, and list "
            "the sources the article cites that are not among them."
        ),
    )
    parser.add_argument("article", metavar="ARTICLE", type=Path, help="the article to check")
    parser.add_argument(
        "sources", metavar="SOURCE", type=Path, nargs="*", help="sources attached to it"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="SOURCE=NAME",
        help='another name the article may use for SOURCE, e.g. "hrw.pdf=HRW" (repeatable)',
    )


def run(args: argparse.Namespace) -> int:
    article = import_file(args.article)
    aliases = _parse_aliases(args.alias, [str(path) for path in args.sources])
    documents = {str(path): import_file(path) for path in args.sources}
    sources = [
        SourceNames.from_document(key, document, [*names_given_by(document), *aliases.get(key, [])])
        for key, document in documents.items()
    ]
    claims = suggest_claims(article)
    links = claim_links(article, [claim.span for claim in claims], [c.cues for c in claims])
    report = cite_sources(claims, sources, links)
    if args.json:
        chains = traced_chains(str(args.article), article, claims, sources, documents)
        return write_output(
            json.dumps(to_json(claims, report, chains), ensure_ascii=False, indent=2) + "\n"
        )
    return write_output(render(args.article, claims, report, len(sources)))


def to_json(
    claims: Sequence[ClaimSuggestion],
    report: CitationReport,
    chains: Sequence[Provenance] = (),
) -> dict[str, object]:
    """`chains[i]`, when given, is claim i's chain of attributions through the sources."""
    return {
        "claims": [
            {
                "text": claim.text,
                "start": claim.start,
                "end": claim.end,
                "cues": claim.cues.to_json(),
                "cited": list(citation.cited),
                "links": list(links),
                "reasons": list(claim.reasons),
                "chain": chains[index].chain_json() if index < len(chains) else [],
            }
            for index, (claim, citation, links) in enumerate(
                zip(claims, report.citations, _padded(report.links, len(claims)), strict=True)
            )
        ],
        "missing_sources": [missing.to_json() for missing in report.missing],
    }


def traced_chains(
    key: str,
    article: Document,
    claims: Sequence[ClaimSuggestion],
    sources: Sequence[SourceNames],
    documents: dict[str, Document],
) -> list[Provenance]:
    """Each claim's chain of attributions: its passages found in every source (as
    `sidebyside align` finds them), then who cites whom around them."""
    if not documents:
        return []
    from sidebyside.core.matching.matcher import Matcher
    from sidebyside.core.provenance import TracedSource, trace

    matcher = Matcher(documents)
    traced = [TracedSource(names, documents[names.key]) for names in sources]
    return [
        trace(key, article, claim.span, traced, matcher.align(claim.text).per_source)
        for claim in claims
    ]


def _padded(links: Sequence[tuple[str, ...]], count: int) -> list[tuple[str, ...]]:
    return [links[i] if i < len(links) else () for i in range(count)]


def render(
    article: Path, claims: Sequence[ClaimSuggestion], report: CitationReport, sources: int
) -> str:
    """A listing for a person: each claim with its cues and the sources it cites."""
    attached = f"{sources} source{'s' if sources != 1 else ''} attached"
    lines = [f"{len(claims)} claims in {article.name} ({attached})", ""]
    for number, (claim, citation) in enumerate(zip(claims, report.citations, strict=True), 1):
        head = f"{number:>3}. "
        lines.append(
            textwrap.fill(
                f"[{claim.start}–{claim.end}] {claim.text}",
                width=_WIDTH,
                initial_indent=head,
                subsequent_indent=" " * len(head),
            )
        )
        for label, values in (
            ("sources", claim.cues.sources),
            ("refers to", claim.cues.refers_to),
            ("numbers", claim.cues.numbers),
            ("quotes", tuple(f"“{quote}”" for quote in claim.cues.quotes)),
            ("hedges", claim.cues.hedges),
        ):
            if values:
                lines.append(_field(label, " · ".join(values), len(head)))
        if number <= len(report.links) and report.links[number - 1]:
            lines.append(_field("links", " · ".join(report.links[number - 1]), len(head)))
        if sources:
            cited = "all attached (names none)" if citation.names_none else ""
            cited = cited or " · ".join(citation.cited) or "none attached"
            lines.append(_field("cites", cited, len(head)))
        lines.append("")
    if report.missing:
        lines.append("Cited but not attached (attach a copy or fetch it):")
        for missing in report.missing:
            lines.append(f"  {missing.describe()}")
            lines.extend(f"    {linked.address}" for linked in missing.addresses)
    return "\n".join(lines).rstrip() + "\n"


def _field(label: str, value: str, indent: int) -> str:
    prefix = " " * indent + f"{label}: "
    return textwrap.fill(
        value, width=_WIDTH, initial_indent=prefix, subsequent_indent=" " * len(prefix)
    )


def names_given_by(document: Document) -> list[str]:
    """Names a source gives itself in its first lines: "Sahel Rights Observatory (SRO) | Report"."""
    names: list[str] = []
    for block in document.blocks[:4]:
        for segment in re.split(r"\s+[|·•]\s+", document.text[block.start : block.end]):
            match = re.fullmatch(r"((?:[A-Z][\w'’.-]*\s?){1,8}?)\s*(?:\(([A-Z]{2,8})\))?", segment)
            if match is None or any(character.isdigit() for character in segment):
                continue
            name = match.group(1).strip()
            if len(name.split()) >= 2 or match.group(2):
                names.append(name)
            if match.group(2) and acronym_of(name) == match.group(2):
                names.append(match.group(2))
    return names


def _parse_aliases(pairs: Sequence[str], sources: Sequence[str]) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    for pair in pairs:
        source, separator, name = pair.partition("=")
        if not separator or not name.strip():
            raise SidebysideError(f"--alias needs SOURCE=NAME, not {pair!r}.")
        if source not in sources:
            raise SidebysideError(f"--alias names {source!r}, which is not one of the sources.")
        aliases.setdefault(source, []).append(name.strip())
    return aliases
