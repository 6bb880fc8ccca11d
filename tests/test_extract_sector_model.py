"""The fitted sector model: its features, its decision and its shipped weights (invented text)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from extractors.extractor import Extractor
from extractors.model import Article
from extractors.sector_score import (
    FEATURES,
    DealSentences,
    SectorModel,
    features,
    purpose_spans,
    rule_sectors,
)
from extractors.sectors import BROAD_CUES, SECTOR_IDS


def _values(deal: DealSentences, sector: str) -> dict[str, float]:
    return dict(zip(FEATURES, features(deal)[sector], strict=True))


SENTENCES = [
    "하늘전자, 누리대와 반도체 인재 양성 MOU",
    "하늘전자는 누리대학교와 반도체 설계 인재 양성을 위한 업무협약을 체결했다고 3일 밝혔다.",
    "협약에 따라 두 기관은 공동 교육과정을 운영한다.",
    "양측은 스마트팜 분야에서도 협력하기로 했다.",
    "하늘전자는 지난해 매출 1조원을 기록했다.",
    "한편 회사는 화장품 사업을 따로 운영하고 있다.",
]
DEAL = DealSentences(SENTENCES, [1], [0, 1, 2], [3], ["하늘전자", "누리대학교"])


def test_features_say_where_each_cue_stands() -> None:
    chips = _values(DEAL, "semiconductor")
    assert chips["title"] == chips["signing"] == chips["purpose"] == 1.0
    assert chips["elsewhere"] == 0.0 and chips["lead_only"] == 0.0
    assert chips["deal_hits"] > 0 and chips["top"] == 0.0  # 인재, 대학, 교육 are more
    farm = _values(DEAL, "agri_food")
    assert farm["cooperation"] == 1.0 and farm["title"] == farm["signing"] == 0.0
    beauty = _values(DEAL, "beauty")  # only in an unrelated sentence far down
    assert beauty["elsewhere"] == 1.0 and beauty["lead_only"] == 1.0
    assert beauty["signing"] == beauty["describing"] == beauty["rules"] == 0.0
    school = _values(DEAL, "education_research")
    assert school["party"] == school["top"] == 1.0  # a university among the parties
    robots = _values(DEAL, "robotics")
    assert robots.pop("rules_count") > 0  # the rules' count of the article's sectors
    assert robots == dict.fromkeys(robots, 0.0)


def test_a_cue_only_inside_a_name_or_speech_is_told_apart() -> None:
    deal = DealSentences(
        [
            "라마구, 업무협약",
            "라마구는 과학기술정보통신부와 업무협약을 체결했다.",
            "구청장은 “이번 협약으로 지역 관광이 살아나기를 바랍니다”라고 말했다.",
        ],
        [1],
        [0, 1, 2],
        [],
    )
    assert _values(deal, "ict")["blanked_only"] == 1.0  # the ministry's name
    assert _values(deal, "ict")["signing"] == 0.0
    assert _values(deal, "culture")["speech_only"] == 1.0
    assert _values(deal, "culture")["describing"] == 0.0


def test_broad_words_count_apart_from_cues() -> None:
    deal = DealSentences(
        [
            "바사시, 마을버스 노선 개편 협약",
            "바사시는 운수회사와 마을버스 노선 개편 협약을 맺었다.",
        ],
        [1],
        [0, 1],
        [],
    )
    bus = _values(deal, "mobility")
    assert bus["broad_title"] == bus["broad_deal"] == bus["broad_only"] == 1.0
    assert bus["rules"] == bus["title"] == 0.0  # 버스 is no cue of the rules
    assert all(cue for cues in BROAD_CUES.values() for cue in cues)
    assert set(BROAD_CUES) <= set(SECTOR_IDS)


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("A사와 B대는 인공지능 교육 혁신을 위한 업무협약을 맺었다.", "인공지능 교육 혁신을 위한"),
        ("C시는 D사와 수소 충전소 구축 협약을 체결했다.", "수소 충전소 구축"),
    ],
)
def test_the_agreements_own_name(sentence: str, span: str) -> None:
    assert purpose_spans(sentence) == [span]


def test_the_model_gives_what_reaches_its_threshold_and_the_rules_without_weights() -> None:
    headline_only = SectorModel(weights={"bias": -2.0, "title": 4.0}, threshold=0.5)
    assert headline_only.sectors(DEAL) == ("semiconductor", "education_research")
    assert SectorModel().sectors(DEAL) == rule_sectors(DEAL)
    per_sector = SectorModel(
        weights={"bias": -2.0, "title": 4.0, "title:semiconductor": -4.0}, threshold=0.5
    )
    assert per_sector.sectors(DEAL) == ("education_research",)


def test_shipped_weights_load_and_name_only_known_features() -> None:
    data = json.loads(resources.files("extractors").joinpath("sector_weights.json").read_text())
    model = SectorModel.from_json(data)
    assert model.weights and 0.0 < model.threshold < 1.0
    known = {"bias", *FEATURES}
    for name in model.weights:
        base, _, sector = name.partition(":")
        assert base in known or base == "bias", name
        assert not sector or sector in SECTOR_IDS, name
    assert model.weights["rules"] > 0  # the rules' decision is the strongest single hint


def test_runtime_does_not_import_a_fitting_library() -> None:
    code = (
        "import sys\n"
        "from extractors.sector_score import SectorModel\n"
        "from extractors.extractor import Extractor\n"
        "Extractor(sector_model=SectorModel.shipped())\n"
        "print(sorted(m for m in ('sklearn', 'scipy', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.replace("'", '"')) == []


def test_the_shipped_model_reads_the_deal_not_the_background(kiwi_extractor: Extractor) -> None:
    article = Article(
        title="하늘바이오, 누리병원과 신약 공동개발 업무협약",
        body=(
            "하늘바이오는 누리병원과 항암 신약 공동개발을 위한 업무협약을 체결했다고 3일 밝혔다. "
            "협약에 따라 두 기관은 임상시험을 함께 설계한다. "
            "하늘바이오는 지난해 코스닥에 상장했다. "
            "회사는 과거 화장품 유통을 하기도 했다."
        ),
    )
    result = kiwi_extractor.extract(article)
    assert result.is_mou
    assert "bio_health" in result.sectors
    assert "beauty" not in result.sectors
