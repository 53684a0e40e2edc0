"""Every export format, declared once: its name on the command line, its name in the
window's save dialog, its file suffix and the function that writes it.

Each format is a module of `sidebyside.export` with one function from `ExportContent` to
text; adding a format is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sidebyside.core.errors import SidebysideError
from sidebyside.export.claimreview import export_claimreview
from sidebyside.export.claims_csv import ENCODING as CSV_ENCODING
from sidebyside.export.claims_csv import export_csv
from sidebyside.export.content import ExportContent
from sidebyside.export.csl import export_csl
from sidebyside.export.markdown import export_markdown
from sidebyside.export.obsidian import export_obsidian
from sidebyside.export.w3c import export_w3c


class UnknownExportFormat(SidebysideError):
    """An export format sidebyside does not write."""


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str  # on the command line: --format NAME
    title: str  # in the save dialog's file types
    suffix: str  # of the file it suggests, with its dot
    file_label: str  # "Borrowed Army notes.md": never the article's own name
    render: Callable[[ExportContent], str]
    encoding: str = "utf-8"

    @property
    def file_filter(self) -> str:
        """The save dialog's file type: "CSV of claims (*.csv)"."""
        return f"{self.title} (*{self.suffix})"


DEFAULT_FORMAT = "markdown"
FORMATS: dict[str, ExportFormat] = {
    "markdown": ExportFormat("markdown", "Markdown notes", ".md", "notes", export_markdown),
    "obsidian": ExportFormat(
        "obsidian", "Obsidian notes", ".md", "Obsidian notes", export_obsidian
    ),
    "csv": ExportFormat(
        "csv", "CSV of claims", ".csv", "claims", export_csv, encoding=CSV_ENCODING
    ),
    "claimreview": ExportFormat(
        "claimreview", "ClaimReview JSON-LD", ".jsonld", "ClaimReview", export_claimreview
    ),
    "csl": ExportFormat("csl", "CSL-JSON of sources", ".json", "sources", export_csl),
    "w3c": ExportFormat("w3c", "W3C Web Annotations", ".jsonld", "annotations", export_w3c),
}


def export_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownExportFormat(
            f"sidebyside does not export {name!r}; it exports {', '.join(FORMATS)}"
        ) from None


def format_of(path: Path, file_filter: str = "") -> ExportFormat:
    """The format a reader chose in the save dialog: the file type chosen, unless the name
    typed ends in another format's suffix ("claims.csv" under Markdown is a CSV); else the
    format of the suffix; else Markdown."""
    suffix = Path(path).suffix.lower()
    by_filter = next((f for f in FORMATS.values() if f.file_filter == file_filter), None)
    if by_filter is not None and suffix in ("", by_filter.suffix):
        return by_filter
    by_suffix = next((f for f in FORMATS.values() if f.suffix == suffix), None)
    return by_suffix or by_filter or FORMATS[DEFAULT_FORMAT]
