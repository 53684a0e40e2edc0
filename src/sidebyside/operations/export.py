"""Writing the reader's notes out (the report read may run on a background thread)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sidebyside.core.errors import SidebysideError
from sidebyside.store import Workspace


def export_text(workspace: Workspace, article_ids: Sequence[int]) -> str:
    """The Markdown notes of these articles: claims, passages, differences, verdicts."""
    from sidebyside.export.markdown import export_markdown

    return export_markdown([workspace.article_report(article_id) for article_id in article_ids])


def write_export(workspace: Workspace, article_ids: Sequence[int], path: Path) -> Path:
    """Write the notes to `path`, whole or not at all (a partial file never replaces it)."""
    text = export_text(workspace, article_ids)
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise SidebysideError(f"cannot write {path}: {error.strerror or error}") from error
    return path
