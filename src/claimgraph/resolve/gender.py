"""Which persons "he" and "she" can point to: a person's grammatical gender where the text or
a common first name says it, else unknown (then either pronoun may point to them).

First names come from the US census lists shipped in the `names` package (MIT, pinned): a
name counts as male or female only when one list holds it at least four times as often as
the other ("Donald", "Hillary"); shared names ("Leslie") and names the lists lack
("Vladimir") stay unknown, so they never block a pronoun. A name of one word counts only when
the census surname list holds it at most a tenth as often ("Melanie", not "Warren").
"""

from __future__ import annotations

import importlib.resources
import re
from functools import lru_cache

_RATIO = 4.0  # how much likelier one sex must be before a first name decides
_LONE_RATIO = 10.0  # how much likelier a first name than a surname a lone name must be
_MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "sheikh", "pope", "ayatollah"}
_FEMALE_TITLES = {"mrs", "ms", "miss", "lady", "queen", "princess", "dame"}
# relation nouns that say their holder's sex ("the boy's mother said she …")
_MALE_NOUNS = {
    "father",
    "husband",
    "son",
    "brother",
    "boyfriend",
    "uncle",
    "nephew",
    "grandfather",
    "widower",
    "ex-husband",
    "fiance",
    "grandson",
    "stepfather",
}
_FEMALE_NOUNS = {
    "mother",
    "wife",
    "daughter",
    "sister",
    "girlfriend",
    "aunt",
    "niece",
    "grandmother",
    "widow",
    "ex-wife",
    "fiancee",
    "granddaughter",
    "stepmother",
}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


@lru_cache(maxsize=4)
def _frequencies(filename: str) -> dict[str, float]:
    text = importlib.resources.files("names").joinpath(filename).read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    male, female = _frequencies("dist.male.first"), _frequencies("dist.female.first")
    out: dict[str, str] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= _RATIO * f:
            out[name] = "m"
        elif f >= _RATIO * m:
            out[name] = "f"
    return out


@lru_cache(maxsize=1)
def _lone_first_names() -> dict[str, str]:
    """First names that, standing alone, are far likelier a first name than a surname
    ("Melanie", "Kevin"; not "Warren", "Morgan" or "Lee")."""
    male, female = _frequencies("dist.male.first"), _frequencies("dist.female.first")
    last = _frequencies("dist.all.last")
    return {
        name: sex
        for name, sex in _first_names().items()
        if (male if sex == "m" else female)[name] >= _LONE_RATIO * last.get(name, 0.0)
    }


def first_name_gender(name: str) -> str | None:
    """'m', 'f' or None for a full name's first word ("Donald J. Trump" -> 'm')."""
    words = [w for w in re.split(r"[\s.]+", name) if w]
    if len(words) < 2:  # a lone surname says nothing
        return None
    return _first_names().get(words[0].lower())


def lone_name_gender(name: str) -> str | None:
    """'m', 'f' or None for a person the text names by one word only ("Melanie said"): only a
    word far likelier a first name than a surname says it ("Warren", "Brooke" do not)."""
    words = [w for w in re.split(r"[\s.]+", name) if w]
    return _lone_first_names().get(words[0].lower()) if len(words) == 1 else None


def title_gender(text_before: str) -> str | None:
    """'m'/'f' when the words just before a name are a gendered title ("Mrs. Kunz")."""
    words = re.findall(r"[A-Za-z]+", text_before[-12:])
    if not words:
        return None
    word = words[-1].lower()
    return "m" if word in _MALE_TITLES else "f" if word in _FEMALE_TITLES else None


def noun_gender(word: str) -> str | None:
    """'m'/'f' for a relation noun that says its holder's sex ("father", "widow"), else None."""
    w = word.lower()
    return "m" if w in _MALE_NOUNS else "f" if w in _FEMALE_NOUNS else None
