"""What a reader concludes about a claim after reading its sources."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    UNREVIEWED = "unreviewed"
    SUPPORTED = "supported"
    PARTLY_SUPPORTED = "partly_supported"
    CONTRADICTED = "contradicted"
    NOT_IN_SOURCE = "not_in_source"
    MISATTRIBUTED = "misattributed"
    UNVERIFIABLE = "unverifiable"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]


VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.UNREVIEWED: "Unreviewed",
    Verdict.SUPPORTED: "Supported",
    Verdict.PARTLY_SUPPORTED: "Partly supported",
    Verdict.CONTRADICTED: "Contradicted",
    Verdict.NOT_IN_SOURCE: "Not in source",
    Verdict.MISATTRIBUTED: "Misattributed",
    Verdict.UNVERIFIABLE: "Unverifiable",
}


def verdict_summary(verdicts: list[Verdict]) -> str:
    """ "9 claims: 3 supported, 1 contradicted, 5 unreviewed" — judged verdicts first."""
    counts = {verdict: verdicts.count(verdict) for verdict in Verdict}
    order = [*(v for v in Verdict if v is not Verdict.UNREVIEWED), Verdict.UNREVIEWED]
    parts = [f"{counts[v]} {v.label.lower()}" for v in order if counts[v]]
    noun = "claim" if len(verdicts) == 1 else "claims"
    return f"{len(verdicts)} {noun}" + (": " + ", ".join(parts) if parts else "")
