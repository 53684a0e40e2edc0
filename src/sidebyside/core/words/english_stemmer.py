"""The Snowball English ("Porter2") stemmer, as snowballstemmer 3 defines it, in plain
string operations.

snowballstemmer's pure-Python stemmer interprets the generated Snowball program and takes
about 35 µs a word; indexing a 20 MB reading list meets some 60,000 distinct words, two
seconds of stemming. This transcription of the same algorithm takes a few µs. The test
suite checks it against snowballstemmer word for word, so the two never disagree.
"""

from __future__ import annotations

__all__ = ["stem_english"]

_V = frozenset("aeiouy")
_V_WXY = frozenset("aeiouywxY")
_AEO = frozenset("aeo")
_VALID_LI = frozenset("cdeghkmnrt")
_EXCEPTIONS = {
    "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli",
    "early": "earli", "only": "onli", "singly": "singl", "andes": "andes", "atlas": "atlas",
    "bias": "bias", "cosmos": "cosmos", "howe": "howe", "news": "news", "sky": "sky",
}  # fmt: skip
_R1_PREFIXES = ("arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers")
_STEP_1B = ("eedly", "ingly", "edly", "eed", "ing", "ed")
_STEP_1B_ING = ("even", "cann", "earr", "herr", "inn", "out")
_STEP_2 = {
    "tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
    "izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
    "alli": "al", "aliti": "al", "alism": "al", "fulli": "ful", "fulness": "ful",
    "ousli": "ous", "ousness": "ous", "iviti": "ive", "iveness": "ive", "bli": "ble",
    "biliti": "ble", "ogist": "og", "ogi": "", "lessli": "less", "li": "",
}  # fmt: skip
_STEP_3 = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "tional": "tion",
    "ational": "ate", "ful": "", "ness": "",
}  # fmt: skip
_STEP_4 = (
    "ement", "ance", "ence", "able", "ible", "ment", "ate", "ive", "ize", "iti", "ism", "ion",
    "ous", "ant", "ent", "ic", "al", "er",
)  # fmt: skip
_DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")


def stem_english(word: str) -> str:
    """The Snowball English stem of a lowercased word."""
    if word in _EXCEPTIONS:
        return _EXCEPTIONS[word]
    if len(word) < 3:
        return word
    if word[0] == "'":
        word = word[1:]
    y_found = False
    if word[:1] == "y":
        word = "Y" + word[1:]
        y_found = True
    if "y" in word:
        chars = list(word)
        for index in range(1, len(chars)):
            if chars[index] == "y" and chars[index - 1] in _V:
                chars[index] = "Y"
                y_found = True
        word = "".join(chars)
    p1, p2 = _regions(word)
    word = _step_1a(word)
    word = _step_1b(word, p1)
    if len(word) >= 3 and word[-1] in "yY" and word[-2] not in _V:
        word = word[:-1] + "i"
    word = _step_2(word, p1)
    word = _step_3(word, p1, p2)
    word = _step_4(word, p2)
    word = _step_5(word, p1, p2)
    return word.replace("Y", "y") if y_found else word


def _after_vowel_consonant(word: str, start: int) -> int:
    """The position after the first non-vowel that follows a vowel, from `start`."""
    length = len(word)
    index = start
    while index < length and word[index] not in _V:
        index += 1
    if index >= length:
        return length
    index += 1
    while index < length and word[index] in _V:
        index += 1
    if index >= length:
        return length
    return index + 1


def _regions(word: str) -> tuple[int, int]:
    length = len(word)
    for prefix in _R1_PREFIXES:
        if word.startswith(prefix):
            p1 = len(prefix)
            break
    else:
        p1 = _after_vowel_consonant(word, 0)
        if p1 >= length:
            return length, length
    return p1, _after_vowel_consonant(word, p1)


def _short_syllable(word: str, end: int) -> bool:
    """Snowball's `shortv` at `end`: the region `word[:end]` ends in a short syllable."""
    if end >= 3 and word[end - 1] not in _V_WXY and word[end - 2] in _V and word[end - 3] not in _V:
        return True
    if end == 2 and word[1] not in _V and word[0] in _V:
        return True
    return word[:end].endswith("past")


def _step_1a(word: str) -> str:
    for suffix in ("'s'", "'s", "'"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ied", "ies")):
        return word[:-3] + ("i" if len(word) - 3 >= 2 else "ie")
    if word.endswith(("ss", "us")):
        return word
    if word.endswith("s"):
        position = len(word) - 1
        if position > 0 and any(char in _V for char in word[: position - 1]):
            return word[:-1]
    return word


def _step_1b(word: str, p1: int) -> str:
    suffix = next((s for s in _STEP_1B if word.endswith(s)), "")
    if not suffix:
        return word
    start = len(word) - len(suffix)
    if suffix in ("eed", "eedly"):
        if p1 <= start and word[:start] not in ("succ", "proc", "exc"):
            return word[:start] + "ee"
        return word
    if suffix == "ing":
        before = word[:start]
        if before.endswith("y") and len(before) == 2 and before[0] not in _V:
            return before[:-1] + "ie"
        if before in _STEP_1B_ING:
            return word
    if not any(char in _V for char in word[:start]):
        return word
    word = word[:start]
    if word.endswith(("at", "bl", "iz")):
        return word + "e"
    if word.endswith(_DOUBLES):
        if len(word) == 3 and word[0] in _AEO:
            return word
        return word[:-1]
    if len(word) == p1 and _short_syllable(word, len(word)):
        return word + "e"
    return word


def _longest(word: str, table: dict[str, str]) -> str:
    for length in (7, 6, 5, 4, 3, 2):
        if len(word) >= length and word[-length:] in table:
            return word[-length:]
    return ""


def _step_2(word: str, p1: int) -> str:
    suffix = _longest(word, _STEP_2)
    if not suffix:
        return word
    start = len(word) - len(suffix)
    if start < p1:
        return word
    if suffix == "ogi":
        return word[:start] + "og" if word[start - 1 : start] == "l" else word
    if suffix == "li":
        return word[:start] if word[start - 1 : start] in _VALID_LI and start > 0 else word
    return word[:start] + _STEP_2[suffix]


def _step_3(word: str, p1: int, p2: int) -> str:
    suffix = _longest(word, _STEP_3)
    if not suffix:
        return word
    start = len(word) - len(suffix)
    if start < p1 or (suffix == "ative" and start < p2):
        return word
    return word[:start] + _STEP_3[suffix]


def _step_4(word: str, p2: int) -> str:
    suffix = next((s for s in _STEP_4 if word.endswith(s)), "")
    if not suffix:
        return word
    start = len(word) - len(suffix)
    if start < p2:
        return word
    if suffix == "ion":
        return word[:start] if word[start - 1 : start] in ("s", "t") and start > 0 else word
    return word[:start]


def _step_5(word: str, p1: int, p2: int) -> str:
    if word.endswith("e"):
        start = len(word) - 1
        if p2 <= start or (p1 <= start and not _short_syllable(word, start)):
            return word[:start]
        return word
    if word.endswith("l"):
        start = len(word) - 1
        if p2 <= start and word[start - 1 : start] == "l":
            return word[:start]
    return word
