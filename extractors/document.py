"""An article cut into sentences, each read for how it reports an agreement."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.kiwi_analyzer import Tok
from extractors.model import Article
from extractors.status import AGREEMENT, NOT_AN_MOU, Reading, Tense, read

# Words of an investigation or a trial: an MOU inside such a story is evidence, not news.
# Short ones must start a word: 우선고용 has no 선고, 야영장 no 영장, 우수사례 no 수사, 주사기 no
# 사기, 고소득 no 고소, 공공소프트웨어 no 공소, 대상고객 no 상고.
CRIME = re.compile(
    r"혐의|(?<![가-힣])기소|(?:(?<![가-힣])|(?<=불))구속(?!력)|(?<![가-힣])영장|(?<!중)재판|판결|"
    r"(?<![가-힣])선고|특검|(?<![가-힣])공소|피고인?|(?:(?<![가-힣])|(?<=대))검찰|징역|벌금|"
    r"(?<![가-힣])고소(?!득|작업)|고발|(?<![가-힣])사기(?!\s?(?:진작|충전|저하|증진))|횡령|배임|"
    r"주가\s?조작|압수\s?수색|(?<![가-힣])수사|유죄|무죄|항소|(?<![가-힣])상고|입건|송치|편취|가로[채챈]|"
    r"(?<![가-힣])원심|(?<![가-힣])법정(?:에서|에|을|으로|공방|다툼|구속|싸움|진술)|소송|대법원|승소|패소"
)
# Sentences of the lead: the title and the first body sentences carry the news.
LEAD = 3


@dataclass
class Doc:
    article: Article
    sentences: list[str]
    """Index 0 is the title (possibly empty), then the body sentences in order."""
    readings: list[Reading]
    crime_words: int
    analyse: list[int] = field(default_factory=list)
    """Sentences Kiwi must read."""
    tokens: dict[int, list[Tok]] = field(default_factory=dict)
    signed: list[int] | None = None
    """The signing sentences once decided (rules and model), before Kiwi reads them."""
    in_passing: bool = False
    """The signing sentences are only signings told in passing (`decide.passing_signings`)."""

    @property
    def published(self) -> dt.datetime | None:
        return self.article.published

    @property
    def title(self) -> str:
        return self.sentences[0]

    def with_tense(self, tense: Tense) -> list[int]:
        return [i for i, r in enumerate(self.readings) if r.tense is tense]

    def in_lead(self, index: int) -> bool:
        return index <= LEAD


def normalize(text: str) -> str:
    """Undo the double HTML escaping some feeds carry ("&amp;lsquo;") and tidy spaces."""
    for _ in range(3):
        if "&" not in text or ";" not in text:
            break
        text = html.unescape(text)
    return text.replace("\xa0", " ")


# Economy feeds glue the subtitle (deck) to the lead: "뷰티랩과 업무협약 체결글로벌 물류 DX 기업
# 로지웨이가 …" under "로지웨이, …", "정책 협력 MOU벤처기업협회가 13일 …" under "벤처기업협회, …".
_DECK_END = re.compile(
    r"체결(?=[가-힣A-Za-z])(?![했한하할합식을를로과와에해이가은는된될되됐돼도까만의후시])|"
    r"MOU(?=[가-힣])(?![를을와과가이는은도의에로만체협까])"
)
# Where a deck can end, and how soon after it the lead names the headline's announcer.
_DECK_REACH = 120
_ANNOUNCER_REACH = 40


def split_deck(title: str, text: str) -> str:
    """The text with a glued deck on a line of its own: where a deck word runs into the lead,
    which names the headline's announcer ("로지웨이, …") as its subject right after."""
    announcer = re.match(r"([^,\s]{2,20}),\s", title)
    if announcer is None:
        return text
    name = announcer.group(1)
    for end in _DECK_END.finditer(text, 0, _DECK_REACH):
        lead = text[end.end() : end.end() + _ANNOUNCER_REACH]
        if re.search(rf"(?:^|\s){re.escape(name)}\S{{0,12}}?(?:\)|이|가|은|는)\s", lead):
            return text[: end.end()] + "\n" + text[end.end() :]
    return text


def prepare(article: Article, text: str, split: Callable[[str], list[str]]) -> Doc:
    title = " ".join(normalize(html.unescape(article.title)).split())
    sentences = [title, *(normalize(s) for s in split(split_deck(title, text)))]
    readable = _contracts_called_agreements(_bare_heads_as_named(sentences))
    readings = [read(s, article.published, title=(i == 0)) for i, s in enumerate(readable)]
    crime = len({m.group(0) for m in CRIME.finditer(text)})
    return Doc(article, sentences, readings, crime)


# Documents that are no MOU, named in full, whose bare head later means the same document: a
# one-sided letter ("사전연명의료의향서" … "의향서"), a labour agreement ("단체협약" … "협약이").
_NAMED_NOT_MOU = (
    (re.compile(r"\S*의향서"), re.compile(r"(?<![가-힣])의향서"), "의향 문서"),
    (re.compile(r"(?:단체|노사|임금)\s?협약"), re.compile(r"(?<![가-힣])협약"), "단협 문서"),
)


def _bare_heads_as_named(sentences: list[str]) -> list[str]:
    """Sentences as the status reader should see them: where the article names a document that
    is no MOU in full, its bare head later is that document ("전자 서명으로 작성한 의향서",
    "단체협약의 효력이 상실됐다 … 협약이 권한을 제한한다"), not an agreement between two parties."""
    named = [m.group(0) for s in sentences for m in NOT_AN_MOU.finditer(s)]
    for full, bare, plain in _NAMED_NOT_MOU:
        if any(full.search(n) for n in named):
            sentences = [bare.sub(plain, s) for s in sentences]
    return sentences


# A contract the story then calls an agreement ("공동투자계약을 체결했다 … 이번 협약을 통해"): the
# gold reads it as one (b307, t340); a supply contract the story calls 계약 stays none.
_CALLED_AGREEMENT = re.compile(r"이번\s?협약(?:을|으로|에|은|의)")
_CONTRACT = re.compile(r"(?<=[가-힣])계약(?=(?:을|를|서|\s?체결|$|\s))")


def _contracts_called_agreements(sentences: list[str]) -> list[str]:
    """Sentences as the status reader should see them: where the story calls its contract "이번
    협약", the contract ("공동투자계약") reads as an agreement ("공동투자협약")."""
    if not any(_CALLED_AGREEMENT.search(s) for s in sentences[1:]):
        return sentences
    if any(AGREEMENT.search(s) for s in sentences if not _CALLED_AGREEMENT.search(s)):
        return sentences  # the story names its agreement itself
    return [_CONTRACT.sub("협약", s) for s in sentences]
