"""Highlight colours, chosen for the current light or dark palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from sidebyside.core.verdicts import Verdict


@dataclass(frozen=True)
class Highlights:
    suggested_claim: QColor
    reader_claim: QColor
    focused_claim: QColor
    passage: QColor
    weak_passage: QColor  # above the matcher's threshold, but not by much
    candidate: QColor
    rejected: QColor  # a passage the reader rejected: shown, never in a colour of support
    difference: QColor
    found: QColor  # every hit of Find in a pane
    found_current: QColor  # the hit Find stepped to
    verdicts: dict[Verdict, QColor]


def is_dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def current_highlights() -> Highlights:
    if is_dark():
        return Highlights(
            suggested_claim=QColor("#4a4220"),
            reader_claim=QColor("#1f3d5c"),
            focused_claim=QColor("#8a5a00"),
            passage=QColor("#1f5a36"),
            weak_passage=QColor("#33473a"),
            candidate=QColor("#2e3b2f"),
            rejected=QColor("#3c3c40"),
            difference=QColor("#ff8a80"),
            found=QColor("#6f3f8f"),
            found_current=QColor("#b04fc4"),
            verdicts=_verdict_colours(dark=True),
        )
    return Highlights(
        suggested_claim=QColor("#fff3b0"),
        reader_claim=QColor("#cfe4ff"),
        focused_claim=QColor("#ffc45c"),
        passage=QColor("#b7ebc6"),
        weak_passage=QColor("#dcefe1"),
        candidate=QColor("#e6f5ea"),
        rejected=QColor("#e3e3e6"),
        difference=QColor("#d11a2a"),
        found=QColor("#f6c8f0"),
        found_current=QColor("#e07ad6"),
        verdicts=_verdict_colours(dark=False),
    )


def _verdict_colours(*, dark: bool) -> dict[Verdict, QColor]:
    base = {
        Verdict.UNREVIEWED: "#9aa0a6",
        Verdict.SUPPORTED: "#2e9d57",
        Verdict.PARTLY_SUPPORTED: "#c99a06",
        Verdict.CONTRADICTED: "#d93025",
        Verdict.NOT_IN_SOURCE: "#8e44ad",
        Verdict.MISATTRIBUTED: "#e8710a",
        Verdict.UNVERIFIABLE: "#5f6368",
    }
    colours = {verdict: QColor(code) for verdict, code in base.items()}
    if dark:
        colours = {verdict: colour.lighter(130) for verdict, colour in colours.items()}
    return colours
