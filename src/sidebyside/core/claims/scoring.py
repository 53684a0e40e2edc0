"""How strongly a sentence reads as a claim worth checking, with reasons a reader can see."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sidebyside.core.claims.antecedents import PRONOUN_SOURCE
from sidebyside.core.cues import Cues, countable_quantities, is_duration
from sidebyside.core.numbers import Quantity

__all__ = ["THRESHOLD", "score_claim"]

# A unit scoring this much is suggested.
THRESHOLD = 2.0

_CONTESTED = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|accus(?:e|es|ed)|"
    r"kill(?:s|ed|ing)?|massacre[sd]?|confirm(?:s|ed)|admit(?:s|ted)?|block(?:s|ed)|"
    r"seiz(?:e|es|ed)|detain(?:s|ed)?|arrest(?:s|ed)?|execut(?:e|es|ed)|attack(?:s|ed)?|"
    r"invad(?:e|es|ed)|violat(?:e|es|ed)|ban(?:s|ned)?|deploy(?:s|ed)?|paid|pays|"
    r"sign(?:s|ed)|fund(?:s|ed)|invest(?:s|ed)|sen[dt]|arriv(?:e|es|ed)|died|wound(?:s|ed)|"
    r"destroy(?:s|ed)|displac(?:e|es|ed)|contaminat(?:e|es|ed|ing)|declin(?:e|es|ed)|"
    r"r[io]se|risen|fell|fallen|doubled|halved|invited|delivered|reopened|neutrali[sz]ed|"
    r"lawful|unlawful|illegal|responsible|evidence|no\s+(?:military|foreign|evidence|ties)|"
    r"not\s+one|never)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:should|must|ought|I think|I believe|I hope|we need|let us|let's|of course|"
    r"fair enough|arguably|in my view|surely|deserves? to|it is time)\b",
    re.IGNORECASE,
)
_STRONG_HEDGE = re.compile(
    r"\b(?:alleged(?:ly)?|purported(?:ly)?|supposedly|so-called|accused of|reportedly|"
    r"(?:is|are|was|were) said to|rumou?red|believed to|suspected|unverified|unconfirmed|"
    r"claim(?:s|ed)? (?:that|to))\b",
    re.IGNORECASE,
)


_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DAY = re.compile(rf"\b\d{{1,2}} {_MONTHS}\b|\b{_MONTHS} \d{{1,2}}\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def score_claim(
    text: str,
    cues: Cues,
    names: Sequence[str] = (),
    quantities: Sequence[Quantity] | None = None,
) -> tuple[float, tuple[str, ...]]:
    """How strongly `text` reads as a checkable claim, and the reasons a reader can see.

    `names` are the proper names the text mentions (people, organisations,
    places): a contested verb about a named actor is a fact someone can check.
    """
    score = 0.0
    reasons: list[str] = []
    if cues.named:
        score += 3.0
        reasons.append(f"attributed to {', '.join(cues.named)}" + _verb(cues))
    elif cues.generic:
        score += 2.0
        reasons.append(f"attributed to {', '.join(cues.generic)}" + _verb(cues))
    elif cues.verb == "according to" or PRONOUN_SOURCE.search(text):
        score += 2.0
        reasons.append("attributed to someone named before" + _verb(cues))
    elif cues.refers_to:
        score += 0.5
        reasons.append(f"mentions {', '.join(cues.refers_to)}")
    if quantities is None:
        quantities = countable_quantities(text)
    amounts = [quantity for quantity in quantities if not is_duration(quantity)]
    if amounts:
        score += 2.0 + 0.5 * min(2, len(amounts) - 1)
        reasons.append("reports " + ", ".join(cues.numbers[:3]))
    elif quantities:
        score += 1.0
        reasons.append("gives a span of time: " + ", ".join(cues.numbers[:2]))
    if cues.quotes:
        score += 1.5
        reasons.append("quotes someone")
    strong = _STRONG_HEDGE.search(text)
    if strong:
        score += 1.0
        reasons.append(f"hedged ({strong.group().lower()})")
    contested = _CONTESTED.search(text)
    if contested:
        score += 1.0
        reasons.append(f"states a contested fact ({contested.group().lower()})")
        if names:
            score += 1.0
            reasons.append(f"about {', '.join(names[:3])}")
    day = _DAY.search(text)
    if day:
        score += 1.0
        reasons.append(f"dated ({day.group()})")
    elif _YEAR.search(text):
        score += 0.5
    if _OPINION.search(text):
        score -= 1.5
    if text.rstrip().endswith("?"):
        score -= 2.0
    if len(text.split()) < 6:
        score -= 1.0
    if text[:1].islower():
        score -= 1.0  # a fragment: a list item completing a sentence before it
    return score, tuple(reasons)


def _verb(cues: Cues) -> str:
    return f" ({cues.verb})" if cues.verb else ""
