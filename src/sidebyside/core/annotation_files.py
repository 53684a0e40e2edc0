"""Reading annotation files other tools write: W3C Web Annotation JSON-LD and Hypothesis
exports, into one plain shape (`ReadAnnotation`) for the importer to anchor.

W3C files may hold one annotation, a list of them, an `AnnotationPage` or an
`AnnotationCollection` with its pages embedded. A Hypothesis export is
`{export_date, annotations: [...]}` (its API's `{rows: [...]}` is read too). Verdicts
are read from "assessing" bodies by their label or value ("Partly supported",
"partly_supported"); a text that names no verdict is kept in the note.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from typing import Any

from sidebyside.core.errors import UnreadableDocument
from sidebyside.core.importers.formats import quoted
from sidebyside.core.verdicts import Verdict


@dataclass(frozen=True, slots=True)
class ReadAnnotation:
    """One annotation as read: where it points, what it quotes and what it says."""

    id: str
    source: str  # the target's address (W3C `target.source`, Hypothesis `uri`)
    title: str  # the target document's title, when the file gives it
    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None  # the position the file gives (a hint: other tools count
    end: int | None = None  # UTF-16 units of their own rendering of the text)
    note: str = ""
    verdict: Verdict | None = None
    tags: tuple[str, ...] = ()
    links_to: str = ""  # a passage: the id of the claim annotation it belongs to
    replies_to: str = ""  # a Hypothesis reply: the annotation it answers


@dataclass(frozen=True, slots=True)
class AnnotationFile:
    kind: str  # "w3c" or "hypothesis"
    annotations: tuple[ReadAnnotation, ...]


def read_annotation_file(data: bytes, name: str) -> AnnotationFile:
    """The annotations of a W3C or Hypothesis file; an `UnreadableDocument` if it is neither."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableDocument(
            f"{quoted(name)} is not an annotation file: it is not JSON text."
        ) from error
    if isinstance(parsed, dict) and isinstance(parsed.get("annotations"), list):
        rows = parsed["annotations"]
    elif isinstance(parsed, dict) and isinstance(parsed.get("rows"), list):
        rows = parsed["rows"]
    else:
        rows = None
    if rows is not None and all(isinstance(row, dict) and "uri" in row for row in rows):
        return AnnotationFile("hypothesis", tuple(_hypothesis(row) for row in rows))
    items = _w3c_items(parsed)
    if items is None:
        raise UnreadableDocument(
            f"{quoted(name)} holds neither W3C Web Annotations nor a Hypothesis export."
        )
    return AnnotationFile("w3c", tuple(_w3c(item, number) for number, item in enumerate(items)))


# -- Hypothesis ------------------------------------------------------------------------


def _hypothesis(row: dict[str, Any]) -> ReadAnnotation:
    targets = row.get("target") or [{}]
    target = targets[0] if isinstance(targets, list) and targets else {}
    quote, position = _selectors(target.get("selector") if isinstance(target, dict) else None)
    document = row.get("document") if isinstance(row.get("document"), dict) else {}
    titles = document.get("title") if isinstance(document, dict) else None
    title = titles[0] if isinstance(titles, list) and titles else titles
    references = row.get("references") or []
    return ReadAnnotation(
        id=str(row.get("id", "")),
        source=str(row.get("uri") or (target.get("source") if isinstance(target, dict) else "")),
        title=str(title or ""),
        exact=quote.get("exact", ""),
        prefix=quote.get("prefix", ""),
        suffix=quote.get("suffix", ""),
        start=position[0],
        end=position[1],
        note=str(row.get("text") or ""),
        tags=tuple(str(tag) for tag in row.get("tags") or () if str(tag).strip()),
        replies_to=str(references[-1]) if isinstance(references, list) and references else "",
    )


# -- W3C ---------------------------------------------------------------------------------


def _w3c_items(parsed: Any) -> list[dict[str, Any]] | None:
    """The annotations of a W3C document, whatever its wrapping; None if it holds none."""
    if isinstance(parsed, list):
        found = [item for item in parsed if _is_annotation(item)]
        return found if found or not parsed else None
    if not isinstance(parsed, dict):
        return None
    if _is_annotation(parsed):
        return [parsed]
    kinds = _types(parsed)
    if "AnnotationPage" in kinds or "AnnotationCollection" in kinds or "items" in parsed:
        items: list[dict[str, Any]] = []
        page = parsed.get("first") if "AnnotationCollection" in kinds else parsed
        while isinstance(page, dict):
            items += [item for item in page.get("items") or () if _is_annotation(item)]
            page = page.get("next")
        return items
    return None


def _is_annotation(item: Any) -> bool:
    return isinstance(item, dict) and "Annotation" in _types(item)


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("type", item.get("@type", ()))
    values = kind if isinstance(kind, list) else [kind]
    return {str(value).removeprefix("oa:") for value in values}


def _w3c(item: dict[str, Any], number: int) -> ReadAnnotation:
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else {}
    if isinstance(target, str):
        target = {"source": target}
    source = target.get("source") if isinstance(target, dict) else ""
    title = ""
    if isinstance(source, dict):
        title = str(source.get("dc:title") or source.get("title") or source.get("label") or "")
        source = source.get("id", source.get("@id", ""))
    quote, position = _selectors(target.get("selector") if isinstance(target, dict) else None)
    notes: list[str] = []
    verdict: Verdict | None = None
    tags: list[str] = []
    links_to = ""
    bodies = item.get("body", item.get("bodyValue", []))
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if isinstance(body, str):
            if item.get("motivation") == "linking" or "bodyValue" not in item:
                links_to = links_to or body
            else:
                notes.append(body)
            continue
        if not isinstance(body, dict):
            continue
        purpose = str(body.get("purpose", "")).removeprefix("oa:")
        value = str(body.get("value", body.get("chars", "")))
        if purpose == "linking" or ("value" not in body and "chars" not in body):
            links_to = links_to or str(body.get("source") or body.get("id") or "")
        elif purpose == "assessing":
            found = parse_verdict(value)
            if found is None:
                notes.append(f"Verdict: {value}")
            elif verdict is None or verdict is Verdict.UNREVIEWED:
                verdict = found
        elif purpose == "tagging":
            if value.strip():
                tags.append(value)
        elif purpose in ("", "commenting", "describing", "replying", "editing") and not (
            purpose == "describing" and item.get("motivation") == "linking"
        ):
            notes.append(value)  # (a passage's judgement is made again on import)
    return ReadAnnotation(
        id=str(item.get("id", item.get("@id", f"annotation-{number}"))),
        source=str(source or ""),
        title=title,
        exact=quote.get("exact", ""),
        prefix=quote.get("prefix", ""),
        suffix=quote.get("suffix", ""),
        start=position[0],
        end=position[1],
        note="\n\n".join(note for note in notes if note.strip()),
        verdict=verdict,
        tags=tuple(tags),
        links_to=links_to,
    )


def _selectors(selectors: Any) -> tuple[dict[str, str], tuple[int | None, int | None]]:
    """The quote (exact, prefix, suffix) and the position (start, end) among selectors."""
    quote: dict[str, str] = {}
    position: tuple[int | None, int | None] = (None, None)
    for selector in selectors if isinstance(selectors, list) else [selectors]:
        if not isinstance(selector, dict):
            continue
        kind = str(selector.get("type", "")).removeprefix("oa:")
        if kind == "TextQuoteSelector" and not quote:
            quote = {key: str(selector.get(key) or "") for key in ("exact", "prefix", "suffix")}
        elif kind == "TextPositionSelector" and position == (None, None):
            with contextlib.suppress(KeyError, TypeError, ValueError):
                position = (int(selector["start"]), int(selector["end"]))
    return quote, position


def parse_verdict(text: str) -> Verdict | None:
    """The verdict a text names, by label or value, whatever its case and separators."""
    wanted = " ".join(text.replace("_", " ").replace("-", " ").lower().split())
    for verdict in Verdict:
        if wanted in (verdict.label.lower(), verdict.value.replace("_", " ")):
            return verdict
    return None
