"""Window responsiveness on a large reading list: 200 sources (~100 KB each), 1,000 claims.

Prints a table: time to import and open, time from selecting a claim to its matches
painted (first claim builds the indexes; later claims reuse them; after reopening the
stored indexes are read back), and peak memory. Runs offscreen.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from scale import generate  # noqa: E402  (benchmarks/ is on sys.path when run as a script)

from sidebyside import operations  # noqa: E402
from sidebyside.operations import ArticleSession  # noqa: E402
from sidebyside.store import Workspace  # noqa: E402
from sidebyside.ui.app import create_application  # noqa: E402
from sidebyside.ui.main_window import MainWindow  # noqa: E402
from sidebyside.ui.settings import Settings  # noqa: E402


def wait_for_matches(
    app: QApplication, window: MainWindow, claim_id: int, *, select: bool = True
) -> float:
    """Seconds from selecting the claim (or from now) to its passages painted."""
    loop = QEventLoop()
    shown: list[int] = []

    def on_shown(shown_id: int) -> None:
        if shown_id == claim_id:
            shown.append(shown_id)
            loop.quit()

    window.matches_shown.connect(on_shown)
    QTimer.singleShot(120_000, loop.quit)
    started = time.perf_counter()
    if select:
        window.claims_panel.select(claim_id)
    if not shown:
        loop.exec()
    elapsed = time.perf_counter() - started
    window.matches_shown.disconnect(on_shown)
    if not shown:
        raise RuntimeError(f"no matches painted for claim {claim_id}")
    return elapsed


def close(app: QApplication, window: MainWindow, session: ArticleSession) -> None:
    """Close as the app does, and let the event loop free what was closed (deferred
    deletes run only in the loop; without it the first window would live on)."""
    window.close()
    session.close()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def wait_until_idle(app: QApplication, window: MainWindow, limit: float = 600.0) -> float:
    """Seconds until the background matching of every claim is done."""
    started = time.perf_counter()
    while window.runner.is_busy or window.session.pending_matches().claims:
        app.processEvents()
        time.sleep(0.01)
        if time.perf_counter() - started > limit:
            break
    return time.perf_counter() - started


def percentile(values: list[float], rank: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[rank - 1]


def build_workspace(folder: Path, sources: int, claims: int, size: int) -> tuple[Path, float]:
    paths, article, _claims_file, _truth = generate(folder, sources, claims, size)
    started = time.perf_counter()
    workspace = Workspace.open(folder / "workspace.sqlite")
    prepared = operations.prepare_article(article)
    info = workspace.add_article(prepared.document)
    text = prepared.document.text
    spans = [(block.start, block.end, {}) for block in prepared.document.blocks[1:]]
    workspace.add_suggested_claims(info.id, spans)
    for path in paths:
        workspace.add_source(info.id, operations.prepare_source(path))
    workspace.close()
    assert len(spans) == claims, (len(spans), claims, len(text))
    return folder / "workspace.sqlite", time.perf_counter() - started


def open_window(
    app: QApplication, path: Path, settings: Settings
) -> tuple[MainWindow, ArticleSession, float]:
    started = time.perf_counter()
    session = ArticleSession.open(path)
    window = MainWindow(session, settings)
    window.show()  # as the app does: show, then load
    window.load_article(session.articles()[0].id)
    app.processEvents()
    return window, session, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--size", type=int, default=100_000, help="bytes of text per source")
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    app = create_application()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        path, import_seconds = build_workspace(folder, args.sources, args.claims, args.size)
        window, session, open_seconds = open_window(app, path, settings)
        claims = window.claims_panel.model.claims
        first = wait_for_matches(app, window, claims[0].id, select=False)  # selected on opening
        warm = [wait_for_matches(app, window, claim.id) for claim in claims[2 : 2 + args.samples]]
        settled = wait_until_idle(app, window)
        idle_rows = claims[2 + args.samples : 2 + 2 * args.samples]
        idle = [wait_for_matches(app, window, claim.id) for claim in idle_rows]
        close(app, window, session)
        window, session, reopen_seconds = open_window(app, path, settings)
        fresh_claim = wait_for_matches(app, window, claims[-1].id)
        again = wait_for_matches(app, window, claims[2].id)
        close(app, window, session)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("import article + sources into a workspace", f"{import_seconds:.1f} s"),
        ("open the window on it (UI thread)", f"{open_seconds * 1000:.0f} ms"),
        ("then first claim's passages painted (indexing)", f"{first * 1000:.0f} ms"),
        (
            f"next {len(warm)} claims, while the rest are matched: median select → painted",
            f"{statistics.median(warm) * 1000:.1f} ms",
        ),
        ("  … 95th percentile", f"{percentile(warm, 95) * 1000:.1f} ms"),
        ("then every claim matched in the background", f"{settled:.1f} s"),
        (
            f"{len(idle)} more claims, once all are matched: median select → painted",
            f"{statistics.median(idle) * 1000:.1f} ms",
        ),
        ("  … 95th percentile", f"{percentile(idle, 95) * 1000:.1f} ms"),
        ("reopen, first claim's stored passages painted", f"{reopen_seconds * 1000:.0f} ms"),
        ("another claim after reopening", f"{fresh_claim * 1000:.0f} ms"),
        ("a claim already matched (stored links)", f"{again * 1000:.1f} ms"),
        ("peak memory (whole process)", f"{peak_mb:.0f} MB"),
    ]
    print(f"Window on {args.sources} sources × {args.size // 1000} KB, {args.claims} claims")
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label.ljust(width)}  {value:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
