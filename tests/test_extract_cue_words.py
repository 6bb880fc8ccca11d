"""Cue words are words, not pieces of other words (issue 9, fourth round). Each case is a
compound that contains a time, plan, award, denial or crime cue but means something else; the
real cue beside it keeps its reading. Found by scanning every agreement sentence of both
archives for the whole words around each cue's matches."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from extractors.cleaning import article_text, split_sentences
from extractors.document import Doc, prepare
from extractors.model import Article
from extractors.mou_score import FEATURES, features
from extractors.status import Tense, read

PUBLISHED = dt.datetime(2025, 6, 20, 9, 0, tzinfo=ZoneInfo("Asia/Seoul"))


@pytest.mark.parametrize(
    "sentence",
    [
        "카카오는 19일 B사와 업무협약을 체결했다.",  # not "오는 19일"
        "스튜디오는 6월 19일 B사와 업무협약을 체결했다.",
        "A시는 19일 B공사와 청년 전월세 지원 업무협약을 체결했다.",  # not 전월
        "A위원회는 19일 B원과 과거사 자료 공유 업무협약을 체결했다.",  # not 과거
        "A공사는 19일 열린 ‘상생 협약식’에서 수상태양광 설비를 공개했다.",  # not 수상 (an award)
        "A사는 19일 열린 ‘협약식’에서 보상을 받는 방안을 설명했다.",  # not 상을 받
        "A사는 19일 '2025년 전남 에너지 상생 협약'을 체결했다.",  # not "2025년 전"
        "A시는 19일 같은 해석을 공유하는 B시와 업무협약을 맺었다.",  # not "같은 해"
        "A사는 19일 B사와 하반기 중소기업 수출 지원 업무협약을 체결했다.",  # not 하반기 중
        "A사는 이달 중국 C그룹과 업무협약을 체결했다고 20일 밝혔다.",  # not 이달 중
        "성장 가도를 내달리는 A는 19일 B사와 업무협약을 체결했다.",  # not 내달
        "A사는 19일 거제시와 연초면 일대 투자협약을 체결했다.",  # not 연초
        "시는 해당시설 안전관리를 위해 19일 B사와 업무협약을 체결했다.",  # not 당시
        "A공사는 19일 B시와 본사 이전에 관한 업무협약을 체결했다.",  # not 이전에
        "시대를 앞서가는 A는 19일 B사와 업무협약을 체결했다.",  # not 앞서
        "A사는 19일 B의 하위조직인 연구소와 업무협약을 체결했다.",  # not 위조
        "한편 A는 이달 초 B대와 업무협약을 맺었다.",  # 이달 (초) is recent
    ],
)
def test_a_compound_is_not_the_cue_inside_it(sentence: str) -> None:
    assert read(sentence, PUBLISHED).tense is Tense.SIGNED


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("A사는 오는 25일 B사와 업무협약을 체결할 예정이다.", Tense.PLANNED),
        ("시는 다가오는 25일 B사와 업무협약을 체결한다.", Tense.PLANNED),
        ("A시는 3년 전 B사와 업무협약을 체결했다.", Tense.BACKGROUND),
        ("A시는 과거 B사와 업무협약을 체결했다.", Tense.BACKGROUND),
        ("A시는 같은 해 B사와 업무협약을 체결했다.", Tense.BACKGROUND),
        ("A사는 19일 B사와 맺은 협약이 위조됐다고 밝혔다.", Tense.NONE),
        ("A사는 19일 열린 ‘상생 협약식’에서 우수상을 수상했다.", Tense.NONE),
        ("양측은 이달 중으로 업무협약을 체결한다.", Tense.PLANNED),
        ("A사는 이달 말 B사와 업무협약을 체결한다.", Tense.PLANNED),
        ("A사는 내달 B사와 업무협약을 체결한다.", Tense.PLANNED),
    ],
)
def test_the_cue_itself_still_reads(sentence: str, tense: Tense) -> None:
    assert read(sentence, PUBLISHED).tense is tense


def _doc(body: str) -> Doc:
    article = Article(title="A사, B기관과 협약", body=body, published=PUBLISHED)
    return prepare(article, article_text(body), split_sentences)


def test_words_inside_compounds_are_no_crime_words() -> None:
    body = (
        "A사는 19일 경기소방재난본부와 업무협약을 체결했다. 이 협약은 법적 구속력이 없다. "
        "B운수사와 감사기구도 함께했다. 중재판정부 위원과 법정 문화도시 관계자가 참석했다. "
        "지역인재 우선고용으로 고소득 일자리를 만들고 야영장과 수영장을 짓는 우수사례다. "
        "주사기 공급과 대상고객 관리, 공공소프트웨어, 고소작업 안전, 직원 사기 진작도 담았다."
    )
    assert _doc(body).crime_words == 0
    crime = _doc("검찰은 A씨를 사기 혐의로 기소했다. 재판부는 징역 2년을 선고했다.")
    assert crime.crime_words >= 4
    police = _doc("경찰은 A씨를 입건해 송치했다. A씨는 투자금을 가로챈 혐의를 받는다.")
    assert police.crime_words >= 4


def test_model_features_read_words_not_fragments() -> None:
    doc = _doc("A사는 19일 B대와 기술이전 협약을 체결했다. 협약 체결을 계기로 협력을 넓힌다.")
    on = {name for name, v in zip(FEATURES, features(doc, False), strict=True) if v}
    assert "past_stale" not in on and "crime" not in on
