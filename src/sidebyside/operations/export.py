"""Writing the reader's work out (the read may run on a background thread)."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path

from sidebyside.core.errors import SidebysideError
from sidebyside.core.provenance import Provenance
from sidebyside.export.content import ExportContent, collect
from sidebyside.export.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    ExportFormat,
    export_format,
    format_of,
)
from sidebyside.records import ArticleReport
from sidebyside.store import Workspace

__all__ = [
    "DEFAULT_FORMAT",
    "FORMATS",
    "ExportFormat",
    "export_format",
    "export_text",
    "format_of",
    "read_export",
    "write_export",
]


def read_export(workspace: Workspace, article_ids: Sequence[int]) -> ExportContent:
    """What goes out of these articles, read in one go: claims, the passages the reader
    stands behind, differences, verdicts, tags and notes."""
    reports = [workspace.article_report(article_id) for article_id in article_ids]
    return collect(reports, workspace=workspace.path, provenance=_provenance(workspace, reports))


def _provenance(workspace: Workspace, reports: Sequence[ArticleReport]) -> dict[int, Provenance]:
    """Each claim's chain of attributions through its article's sources."""
    from sidebyside.operations.provenance import trace_claim

    traced: dict[int, Provenance] = {}
    for report in reports:
        if not report.sources:
            continue
        article = workspace.document(report.article.id)
        sources = [(info, workspace.document(info.id)) for info in report.sources]
        for claim in report.claims:
            traced[claim.claim.id] = trace_claim(
                report.article, article, claim.claim, sources, claim.links
            )
    return traced


def export_text(
    workspace: Workspace, article_ids: Sequence[int], format: str = DEFAULT_FORMAT
) -> str:
    """These articles in `format` ("markdown", "csv", …; see `export.formats.FORMATS`)."""
    return export_format(format).render(read_export(workspace, article_ids))


def write_export(
    workspace: Workspace,
    article_ids: Sequence[int],
    path: Path,
    format: str = DEFAULT_FORMAT,
) -> Path:
    """Write the export to `path`, whole or not at all (a partial file never replaces it).
    The bytes are written as they are: no line endings are translated."""
    chosen = export_format(format)
    data = chosen.render(read_export(workspace, article_ids)).encode(chosen.encoding)
    path = Path(path)
    if path.is_symlink():  # a note in a vault linked from elsewhere: write where it points
        path = path.resolve()
    if _is_special(path):  # /dev/stdout, /dev/null, a pipe: written into, never replaced
        try:
            with path.open("wb") as stream:
                stream.write(data)
        except OSError as error:
            raise SidebysideError(f"cannot write {path}: {error.strerror or error}") from error
        return path
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise SidebysideError(f"cannot write {path}: {error.strerror or error}") from error
    return path


def _is_special(path: Path) -> bool:
    """A device or a pipe: replacing it with a file (as root, /dev/null itself) would
    break every program that writes there."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISBLK(mode)
