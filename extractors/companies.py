"""Well-known foreign organisations (companies, banks, funds, universities, institutes,
hospitals, agencies, classification societies), with their home countries.

Korean deal news often names a foreign party without its country ("제주도와 넷플릭스는 ...
업무협약을 체결했다", "퓨어헬스와 업무협약"). The hand-compiled list `foreign_orgs.tsv` supplies
the country only a reader's world knowledge gives (its header says where it came from and what
is left out); the extractor uses a name only where it is a signing party, never for a mere
mention ("엔비디아 GPU 기반 ..."). Korean units of these organisations ("한국마이크로소프트",
"구글코리아", "BMW코리아", "구글 한국법인") count as the parent's country, as
../shared/corpus/LABELS.md says.

Kept unambiguous on purpose: a name that is also a Korean word, a Korean firm's prefix or a
person ("메타", "비자", "쉘", "델", "머스크"), and organisations with no single home
("에어버스", "스텔란티스", "머크" = Merck KGaA or Merck & Co.) are left out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

KINDS = frozenset(
    {
        "company",
        "bank",
        "investor",
        "university",
        "institute",
        "hospital",
        "agency",
        "classification",
        "exchange",
    }
)


@dataclass(frozen=True)
class ForeignOrg:
    names: tuple[str, ...]
    """Korean and Latin spellings, as listed (university forms in 대학교/대학 added)."""
    country: str
    kind: str


def parse_orgs(text: str) -> tuple[ForeignOrg, ...]:
    """Rows of the TSV format of `foreign_orgs.tsv` (comments start with #)."""
    orgs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ValueError(f"foreign_orgs line {number}: expected 4 tab-separated fields")
        korean, latin, country, kind = fields
        names = [n.strip() for col in (korean, latin) if col != "-" for n in col.split("|")]
        if kind == "university":  # "하버드대" is also written "하버드대학교", "하버드대학"
            names += [n + suffix for n in names if n.endswith("대") for suffix in ("학교", "학")]
        if not names or kind not in KINDS or not re.fullmatch(r"[A-Z]{2}", country):
            raise ValueError(f"foreign_orgs line {number}: bad row {line!r}")
        orgs.append(ForeignOrg(tuple(dict.fromkeys(names)), country, kind))
    return tuple(orgs)


@functools.cache
def foreign_orgs() -> tuple[ForeignOrg, ...]:
    """The shipped list, `extractors/foreign_orgs.tsv`."""
    return parse_orgs(resources.files("extractors").joinpath("foreign_orgs.tsv").read_text())


@functools.cache
def org_countries() -> dict[str, str]:
    """Every spelling of a listed organisation and its country."""
    out: dict[str, str] = {}
    for org in foreign_orgs():
        for name in org.names:
            if out.setdefault(name, org.country) != org.country:
                raise ValueError(f"foreign_orgs: {name} is listed under two countries")
    return out


# What may follow the name inside one organisation's name: a Korean unit or a division
# ("구글코리아", "도요타자동차", "미쓰이물산", "아마존 웹서비스", "디즈니플러스", "구글 클라우드
# 코리아", "구글 한국법인").
_SUFFIX = (
    r"(?:\s?(?:코리아|Korea|재팬|차이나|그룹|자동차|모터스|전자|상사|물산|중공업|화학|케미칼|"
    r"클라우드|헬스케어|파마|제약|에너지|홀딩스|인터내셔널|은행|증권|캐피탈|리서치|"
    r"웹서비스|디펜스|에어로스페이스|일렉트릭|인더스트리|닷컴|컴퍼니|학교|플러스|Group|Cloud|"
    r"한국(?:법인|지사|지점|사무소))){0,2}"
)
# A Korean unit named in front ("한국마이크로소프트", "한국 IBM").
_PREFIX = r"(?:한국\s?)?"


# The name ends the word, or a particle follows ("넷플릭스와", "소니는").
_END = r"(?=[은는이가와과의도를을에측,.·\s()’'\"”]|$)"


_Trie = dict[str, "_Trie"]


def trie_pattern(names: list[str]) -> str:
    """One regex for many literal names, factored by common prefixes so that matching costs the
    length of the text, not the number of names; a longer name is tried before its prefix."""
    trie: _Trie = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(trie)


_UNIT = re.compile(r"^(?:\s?(?:코리아|Korea|한국(?:법인|지사|지점|사무소)))*$")


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    """The whole match: a Korean-unit prefix, the name and its suffixes."""
    name: str
    name_start: int
    name_end: int
    country: str


def org_matches(text: str) -> list[OrgMatch]:
    """The listed organisations a text names. A name of one or two Latin letters ("MS", "GM")
    takes only a Korean-unit suffix ("GM코리아"): "MS제약" may be a Korean firm of its own."""
    found = []
    for m in company_pattern().finditer(text):
        name = m.group("name")
        short = len(name) <= 2 and name.isascii()
        if short and not _UNIT.match(text[m.end("name") : m.end()]):
            continue
        code = org_countries()[name]
        found.append(OrgMatch(m.start(), m.end(), name, m.start("name"), m.end("name"), code))
    return found


@functools.cache
def company_pattern() -> re.Pattern[str]:
    """One listed organisation (with a Korean-unit prefix or a division suffix), matched as a
    whole word: "인텔리안테크" and "애플망고" are not 인텔 and 애플."""
    alt = trie_pattern(list(org_countries()))
    return re.compile(rf"(?<![가-힣A-Za-z0-9]){_PREFIX}(?P<name>{alt}){_SUFFIX}{_END}")
