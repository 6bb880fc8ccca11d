"""Money amounts and MOU counts: the forms Korean news prints, and numbers that are not money."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.amounts import parse_amounts, parse_mou_count


def _one(text: str) -> tuple[str, float, str]:
    found = parse_amounts(text)
    assert len(found) == 1, found
    return found[0].text, found[0].value, found[0].currency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3천500만유로 규모", ("3천500만유로", 35_000_000, "EUR")),
        ("(한화 약 463억)규모", ("463억", 46_300_000_000, "KRW")),
        ("1조2천억원을 투자", ("1조2천억원", 1_200_000_000_000, "KRW")),
        ("10만달러 투자유치", ("10만달러", 100_000, "USD")),
        ("a $5 million deal", ("$5 million", 5_000_000, "USD")),
        ("5억 달러 규모", ("5억 달러", 500_000_000, "USD")),
        ("US$ 2.5 billion", ("US$ 2.5 billion", 2_500_000_000, "USD")),
        ("2조 5000억원 투입", ("2조 5000억원", 2_500_000_000_000, "KRW")),
        ("3,000만 위안", ("3,000만 위안", 30_000_000, "CNY")),
        ("1억2천만엔", ("1억2천만엔", 120_000_000, "JPY")),
        ("20억 루피", ("20억 루피", 2_000_000_000, "INR")),
        ("€10m fund", ("€10m", 10_000_000, "EUR")),
        ("6121만＄ 수출 협약", ("6121만＄", 61_210_000, "USD")),
        ("5천억원대 기술수출", ("5천억원", 500_000_000_000, "KRW")),
        ("1000억대 투자", ("1000억", 100_000_000_000, "KRW")),
        ("50여억원", ("50여억원", 5_000_000_000, "KRW")),
        ("1,069억원의 매출", ("1,069억원", 106_900_000_000, "KRW")),
        ("약478억원", ("478억원", 47_800_000_000, "KRW")),
        ("63억5700여 만원을", ("63억5700여 만원", 6_357_000_000, "KRW")),
        ("1억 6500만원까지", ("1억 6500만원", 165_000_000, "KRW")),
        ("8만 2,300원", ("8만 2,300원", 82_300, "KRW")),
        ("100만불 수출탑", ("100만불", 1_000_000, "USD")),
        ("5 million dollars", ("5 million dollars", 5_000_000, "USD")),
        ("USD 3 million", ("USD 3 million", 3_000_000, "USD")),
        ("$1.2B", ("$1.2B", 1_200_000_000, "USD")),
        ("EUR 10 million", ("EUR 10 million", 10_000_000, "EUR")),
        ("1조 원 규모", ("1조 원", 1_000_000_000_000, "KRW")),
        ("2.5조원", ("2.5조원", 2_500_000_000_000, "KRW")),
        ("5백만 달러", ("5백만 달러", 5_000_000, "USD")),
        ("1조6555억원", ("1조6555억원", 1_655_500_000_000, "KRW")),
        ("500만 호주달러", ("500만 호주달러", 5_000_000, "AUD")),
        ("23만유로(약", ("23만유로", 230_000, "EUR")),
        ("3억위안(약", ("3억위안", 300_000_000, "CNY")),
        ("4만 파운드로", ("4만 파운드", 40_000, "GBP")),
        ("예산 3조를 투입", ("3조", 3_000_000_000_000, "KRW")),
        ("월 30만원씩", ("30만원", 300_000, "KRW")),
        ("1만9000원", ("1만9000원", 19_000, "KRW")),
    ],
)
def test_amounts(text: str, expected: tuple[str, float, str]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1천5백여명의 명단",  # people, no currency
        "3.5% 증가했다",
        "2016년 6월 3일",
        "좋은 추억과 기억",  # 억 inside words
        "3억 년 전 지층",  # years
        "70억 인구",
        "6억t은 재활용",
        "제3조 2항에 따라",  # law article
        "형사소송법 118조와 219조를 위헌",
        "노동조합법 2·3조(노란봉투법) 개정안",
        "후쿠시마 제1원전",  # 원 of 원전
        "3원칙을 지켜",
        "10만 명이 모였다",
        "1조 선수들이 출전",  # a team
        "엔진 100대",
        "20억~25억년 전쯤",  # a range of years
        "MOU 10건을 체결",
        "",
    ],
)
def test_not_amounts(text: str) -> None:
    assert parse_amounts(text) == []


def test_ranges_share_the_upper_currency() -> None:
    found = [(a.text, a.value, a.currency) for a in parse_amounts("연봉 20억~50억원 수준")]
    assert found == [("20억", 2e9, "KRW"), ("50억원", 5e9, "KRW")]
    dollars = [(a.text, a.currency) for a in parse_amounts("15만~25만달러까지")]
    assert dollars == [("15만", "USD"), ("25만달러", "USD")]


def test_many_amounts_in_order_each_once() -> None:
    text = (
        "총 6건의 MOU와 약 3천500만유로(한화 약 463억)규모 이상의 상담계약을 체결했다. "
        "10만달러 투자유치. 다시 한번 3천500만유로."
    )
    assert [a.text for a in parse_amounts(text)] == ["3천500만유로", "463억", "10만달러"]


def test_seed_sentence_with_parenthesised_conversions() -> None:
    text = (
        "장암칼스가 인도 바이어와 3600만달러(약478억원) 협약을, "
        "쟈뎅이 300만달러(약 40억원)의 협약을"
    )
    assert [(a.text, a.currency) for a in parse_amounts(text)] == [
        ("3600만달러", "USD"),
        ("478억원", "KRW"),
        ("300만달러", "USD"),
        ("40억원", "KRW"),
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("MOU 10건 체결", 10),
        ("총 6건의 MOU와 약 3천500만유로", 6),
        ("업무협약 3건을 맺었다", 3),
        ("양해각서(MOU) 5건을 체결했다", 5),
        ("기업 간 MOU 6건이 체결되는 성과", 6),
        ("19건의 업무 협약이 체결됐다", 19),
        ("10건의 업무협약(MOU)", 10),
        ("3건의 투자 협약을 맺었다", 3),
        ("두 건의 업무협약을", 2),
        ("MOU 체결 12건", 12),
        ("10건의 특허를 출원했다", None),
        ("10건의 특허와 MOU를 체결", None),
        ("수출 상담 294건이 진행됐다", None),
        ("MOU를 체결했다", None),
        ("", None),
    ],
)
def test_mou_count(text: str, count: int | None) -> None:
    assert parse_mou_count(text) == count


def test_first_stated_count_wins() -> None:
    assert parse_mou_count("MOU 10건 체결. 이 자리에서 MOU 6건이 체결되는 성과") == 10


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.one_of(
            st.sampled_from(list("0123456789,. ~천백십만억조원달러유로엔위안$€£US제명년여약")),
            st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        ),
        max_size=80,
    )
)
def test_any_text_gives_amounts_quoted_from_it(text: str) -> None:
    for amount in parse_amounts(text):
        assert amount.text and amount.text in text
        assert amount.value > 0
        assert len(amount.currency) == 3 and amount.currency.isupper()
    count = parse_mou_count(text)
    assert count is None or count > 0
