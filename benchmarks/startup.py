"""How fast sidebyside starts: a small command, and the window on the demo, each next to
the floor it cannot beat.

- `sidebyside text` on a one-line file, wall time and the share of it spent importing
  (`python -X importtime`), next to a bare `python -c pass`;
- `sidebyside --screenshot` of the demo (offscreen, fresh data folder: the demo is read,
  its claims found and matched), and again on the workspace that made (passages stored),
  next to a bare PySide6 script that opens a 1400×880 window holding 10 KB of text and
  grabs it.

    python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QTextEdit
app = QApplication(sys.argv)
view = QTextEdit()
view.setPlainText("A line of an article, long enough to wrap in the window. " * 180)
view.resize(1400, 880)
view.show()
app.processEvents()
view.grab().save(sys.argv[1])
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - started


def import_seconds(command: list[str], env: dict[str, str]) -> float:
    """Total of the top-level imports that `-X importtime` reports, in seconds."""
    result = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    total = 0
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3:
            continue
        cumulative, name = parts[1].strip(), parts[2]
        if cumulative.isdigit() and not name.startswith("  "):  # nested ones are indented
            total += int(cumulative)
    return total / 1e6


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        note = folder / "note.txt"
        note.write_text("A short line of text.\n", encoding="utf-8")
        text_command = [python, "-m", "sidebyside", "text", str(note)]
        bare_python = median([timed([python, "-c", "pass"], env) for _ in range(args.runs)])
        text_wall = median([timed(text_command, env) for _ in range(args.runs)])
        text_imports = median([import_seconds(text_command, env) for _ in range(args.runs)])
        shots = []
        again = []
        bare = []
        screenshot = [python, "-m", "sidebyside", "--screenshot", str(folder / "shot.png")]
        for run in range(args.runs):
            data_env = {**env, "SIDEBYSIDE_DATA_DIR": str(folder / f"data-{run}")}
            shots.append(timed(screenshot, data_env))
            again.append(timed(screenshot, data_env))  # the workspace made by the first
            bare.append(timed([python, "-c", BARE_WINDOW, str(folder / "bare.png")], env))
    rows = [
        ("python -c pass", f"{bare_python * 1000:.0f} ms", ""),
        (
            "sidebyside text on a one-line file",
            f"{text_wall * 1000:.0f} ms",
            f"imports {text_imports * 1000:.0f} ms ({text_imports / text_wall:.0%} of it)",
        ),
        ("bare PySide6 window with 10 KB of text, grabbed", f"{median(bare):.2f} s", ""),
        (
            "sidebyside --screenshot of the demo (first start)",
            f"{median(shots):.2f} s",
            f"{median(shots) / median(bare):.1f}× the bare window",
        ),
        (
            "sidebyside --screenshot of the demo (next start)",
            f"{median(again):.2f} s",
            f"{median(again) / median(bare):.1f}× the bare window",
        ),
    ]
    print(f"start-up, median of {args.runs} runs")
    width = max(len(label) for label, _, _ in rows)
    for label, value, note_text in rows:
        print(f"  {label.ljust(width)}  {value:>8}  {note_text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
