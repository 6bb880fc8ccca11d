"""Organisation and keyword topics: how a followed name meets a story. Pure: text in, text out.

An organisation matches a story's extracted parties once both are reduced to a key: NFKC,
case folded, without spaces or punctuation, without company forms (㈜, (주), 주식회사, Inc., Co.,
Ltd. ...) and without a trailing 코리아/Korea, the way a foreign firm names its Korean arm
("탈레스코리아" is Thales). A party written with its other-language name in brackets
("탈레스(Thales)") answers to either name. A keyword matches the headline, the parties and the
summary, spaces ignored ("수소연료전지" finds "수소 연료전지").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MAX_TERM = 100
"""An org: or kw: name is cut here: longer is no name but a paragraph."""

# NFKC has already turned "㈜" into "(주)" when these run.
_COMPANY_FORMS = re.compile(
    r"\((?:주|유|사|재|합)\)|주식회사|유한회사|재단법인|사단법인"
    r"|\b(?:co\.?,?\s*ltd|inc|corp|corporation|ltd|limited|llc|plc|gmbh|s\.?a|ag|co)\b\.?",
    re.IGNORECASE,
)
_DROP = re.compile(r"[\W_]+")
_ARM = ("코리아", "korea")
_BRACKETS = re.compile(r"^(.*?)[(\[（]([^()\[\]]+)[)\]）]\s*$")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def org_key(name: str) -> str:
    """The form two names of one organisation share ("㈜ 삼성전자" and "삼성전자": "삼성전자")."""
    key = _DROP.sub("", _COMPANY_FORMS.sub(" ", _fold(name)))
    for arm in _ARM:
        if key.endswith(arm) and len(key) > len(arm) + 1:
            return key[: -len(arm)]
    return key


def party_keys(party: str) -> set[str]:
    """The keys a party answers to: its name, and each of its names when it gives two
    ("탈레스(Thales)", "Thales (탈레스)")."""
    keys = {org_key(party)}
    found = _BRACKETS.match(unicodedata.normalize("NFKC", party))
    if found:
        keys |= {org_key(found[1]), org_key(found[2])}
    return {k for k in keys if k}


def org_matches(name: str, parties: Iterable[Iterable[str]]) -> bool:
    key = org_key(name)
    return bool(key) and any(key in party_keys(p) for group in parties for p in group)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", _fold(text))


def keyword_matches(
    phrase: str, title: str, parties: Iterable[Iterable[str]], summary: str
) -> bool:
    needle = _squash(phrase)
    if not needle:
        return False
    names = " ".join(p for group in parties for p in group)
    return any(needle in _squash(text) for text in (title, names, summary))


def clean_term(text: str) -> str:
    """A name or phrase as stored: one line, single spaces, no control characters, at most
    ``MAX_TERM`` characters."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    return " ".join(text.split())[:MAX_TERM].strip()
