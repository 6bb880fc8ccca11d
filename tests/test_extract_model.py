"""The article-level signed-MOU model (issue 9, second round), each shape on invented text:
the shipped weights load, the runtime needs no fitting library, the model overrides the rules
only past its thresholds, and the shapes it now reads right."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from extractors.cleaning import article_text, split_sentences
from extractors.decide import chosen_signing, signing_sentences
from extractors.document import Doc, prepare
from extractors.extractor import Extractor
from extractors.model import Article
from extractors.mou_score import FEATURES, MouModel, features, model_signing_sentences

PUBLISHED = dt.datetime(2025, 3, 15, 9, 0)


def _doc(title: str, body: str) -> Doc:
    article = Article(title=title, body=body, published=PUBLISHED)
    return prepare(article, article_text(body), split_sentences)


def test_shipped_weights_load_and_name_every_feature() -> None:
    model = MouModel.shipped()
    assert set(model.weights) == {"bias", *FEATURES}
    assert 0.0 < model.add_above < 1.0  # the fit chose a threshold: the model is switched on
    assert model.drop_below < model.add_above


def test_runtime_does_not_import_a_fitting_library() -> None:
    code = (
        "import sys, datetime as dt\n"
        "from extractors.mou_score import MouModel, features\n"
        "from extractors.extractor import Extractor\n"
        "Extractor(mou_model=MouModel.shipped())\n"
        "print(sorted(m for m in ('sklearn', 'scipy', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.replace("'", '"')) == []


def test_the_model_overrides_the_rules_only_past_its_thresholds() -> None:
    # A ceremony of the day shown only in the caption that opens the story: no rule reads it.
    doc = _doc(
        "농민 부담 던다",
        "15일 서생면 농업인회관에서 영농자재 지원사업 협약식이 열리고 있다. 지원은 3억원이다.",
    )
    assert signing_sentences(doc) == []
    sure = MouModel(weights={"bias": 5.0}, add_above=0.9)
    unsure = MouModel(weights={"bias": 0.0}, add_above=0.9)  # p = 0.5
    assert chosen_signing(doc, unsure) == []
    assert chosen_signing(doc, sure) == model_signing_sentences(doc) == [1]
    # However sure, an announcement of a coming signing has no sentence to take as one.
    coming = _doc(
        "도청, 통신사와 협약",
        "도청은 통신사와 업무협약을 체결한다고 14일 밝혔다. 협약식은 16일 도청에서 열린다.",
    )
    assert chosen_signing(coming, sure) == []
    assert chosen_signing(doc, MouModel()) == []  # no weights: the rules alone
    # An article the rules call an MOU is dropped only below drop_below.
    signed = _doc("A시, B사와 업무협약 체결", "A시는 14일 B사와 업무협약을 체결했다.")
    assert signing_sentences(signed)
    assert chosen_signing(signed, MouModel(weights={"bias": -5.0}, add_above=0.9)) != []
    dropping = MouModel(weights={"bias": -5.0}, add_above=0.9, drop_below=0.05)
    assert chosen_signing(signed, dropping) == []


def test_features_read_tense_time_and_position() -> None:
    doc = _doc(
        "시, 관광 활성화 나서",
        "시는 관광객 유치에 나선다. 시는 올해 축제를 키운다. 축제는 5월에 열린다. "
        "한편 시는 지난 10일 인근 군과 관광 협력 업무협약을 체결했다.",
    )
    on = {name for name, v in zip(FEATURES, features(doc, False), strict=True) if v}
    assert {"body_past", "past_recent_day", "body_past_recent", "kind_business"} <= on
    assert not on & {"lead_past", "past_stale", "rule_signed", "crime"}
    stale = _doc("시 축제", "시는 지난해 5월 인근 군과 관광 협력 업무협약을 체결했다.")
    on = {name for name, v in zip(FEATURES, features(stale, False), strict=True) if v}
    assert "past_stale" in on and "body_past_recent" not in on


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # A signing ceremony held today, shown by the photo caption that opens the story.
        (
            "울주군 농민 부담 던다",
            "15일 울산 울주군 서생면 농업인회관에서 한빛발전 영농자재 지원사업 협약식이 열리고 "
            "있다. 발전소는 올해 농가에 비료와 농자재를 지원한다. 지원 규모는 3억원이다.",
        ),
        # A minister at a ceremony of the day, told in the lead of a story about something else.
        (
            "장관, 플랫폼 노동자 만나",
            "김영희 고용노동부 장관이 14일 서울지방고용노동청에서 열린 택배 종사자 상생 협약식에 "
            "참석해 발언하고 있다. 장관은 처우 개선을 약속했다.",
        ),
    ],
)
def test_shapes_the_model_reads_as_signed(kiwi_extractor: Extractor, title: str, body: str) -> None:
    article = Article(title=title, body=body, published=PUBLISHED)
    rules = Extractor(mou_model=MouModel())
    rules._analyzer = kiwi_extractor.analyzer  # one Kiwi for both
    # The rules read a caption dated to the last week as the signing (issue 9, fifth round);
    # a ceremony's locative without a signing verb is the model's call.
    assert rules.extract(article).is_mou is ("발언하고" in body)
    result = kiwi_extractor.extract(article)
    assert result.is_mou and result.status == "signed"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # A ceremony still to come is no signing, caption or not.
        (
            "농업인 지원 협약식 연다",
            "한빛발전은 오는 20일 서생면 농업인회관에서 영농자재 지원사업 협약식을 열 예정이다.",
        ),
        # An MOU inside a court story.
        (
            "업무협약 뒤 뒷돈 혐의 기소",
            "검찰은 14일 업무협약을 체결한 뒤 뒷돈을 받은 혐의로 공무원을 구속 기소했다. "
            "재판에서 수사 결과가 공개된다. 사기와 횡령 혐의도 있다.",
        ),
    ],
)
def test_shapes_the_model_leaves_out(kiwi_extractor: Extractor, title: str, body: str) -> None:
    result = kiwi_extractor.extract(Article(title=title, body=body, published=PUBLISHED))
    assert not result.is_mou


@pytest.mark.parametrize(
    ("sentence", "signed"),
    [
        ("삼표산업은 한국대 연구소와 ‘로봇 기술협업’ 협약을 했다고 12일 밝혔다.", True),
        ("지난 10일 대한식품이 구미시에 500억을 투자해 공장을 신설하기로 협약했다.", True),
        ("두 기관은 다음 달 협약을 하기로 했다.", False),
    ],
)
def test_an_agreement_with_a_plain_hada_is_a_signing(sentence: str, signed: bool) -> None:
    from extractors.status import Tense, read

    reading = read(sentence, dt.datetime(2026, 2, 12))
    assert (reading.tense is Tense.SIGNED) is signed


def test_a_caption_of_an_earlier_ceremony_is_no_signing_to_take() -> None:
    doc = _doc(
        "특성화대학 12곳 지원",
        "지난 1월 도청에서 열린 배터리 특성화대학원 유치를 위한 산학연관 업무협약식. "
        "정부는 대학 12곳을 지원한다.",
    )
    assert model_signing_sentences(doc) == []
    assert chosen_signing(doc, MouModel(weights={"bias": 5.0}, add_above=0.5)) == []
