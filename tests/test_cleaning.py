"""Article text out of scraped pages and feed items, and Korean sentence splitting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.cleaning import article_text, html_to_text, looks_like_html, split_sentences

BODY = "대구창조경제혁신센터는 디지털 그르노블과 스타트업 교류 협력에 관한 협약(MOU)도 체결했다."
BODY2 = "이번 MOU로 양측은 헬스케어, 에너지 등 5개 분야를 중심으로 스타트업 교류에 나선다."


@pytest.mark.parametrize(
    "noise",
    [
        "컨텐츠 바로가기",
        "본문 바로가기",
        "배너",
        "06.26 (수)",
        "2024.06.11 (화)",
        "  • 맑음동두천 27.9℃",
        "  • 구름조금강릉 31.8℃",
        "기상청 제공",
        "댓글 첫 댓글을 작성해보세요",
        "댓글 쓰기 제목 한국-프랑스, 스타트업 함께 키운다",
        "첫 번째 댓글을 작성해 보세요.",
        "[ 300자 이내 / 현재: 0자 ]",
        "현재 총 0개의 댓글이 있습니다.",
        "주소복사가 완료되었습니다",
        "<이미지를 클릭하시면 크게 보실 수 있습니다>",
        "- ⓒ마이데일리(www.mydaily.co.kr).",
        "무단전재&재배포 금지 -",
        "Copyright © 2024 데일리연합. All rights reserved.",
        'ⓒ "젊은 파워, 모바일 넘버원 아시아투데이"',
        "박영례기자 young@inews24.com",
        "심지원 기자 sim@mydaily.co.kr",
        "조회수 770 | 등록일 2023-11-10",
        "첨부파일",
        "등록된 첨부파일이 없습니다.",
        "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156598740",
        "[자료제공 :(www.korea.kr)]",
        "[출처: 중소벤처기업부]",
        "정치/경제/사회",
        "top : 상단으로 이동",
        "기사가 속한 카테고리는 언론사가 분류합니다.",
        "아시아투데이",
        "로딩중",
    ],
)
def test_noise_lines_are_dropped(noise: str) -> None:
    assert article_text(f"{noise}\n{BODY}\n{noise}\n{BODY2}") == f"{BODY}\n{BODY2}"


def test_related_news_tail_is_cut_after_the_article() -> None:
    other = "국립안동대-경북도립대, 통합의 길 열어\n다른 기사 본문이다."
    page = f"{BODY}\n{BODY2}\n가장 많이 본 뉴스\n{other}"
    assert article_text(page) == f"{BODY}\n{BODY2}"
    for marker in ("관련기사", "관련 뉴스", "많이 본 뉴스", "포토뉴스", "주요뉴스", "인기기사"):
        assert article_text(f"{BODY}\n{marker}\n다른 기사다.") == BODY


def test_a_tail_marker_before_the_article_is_only_a_line() -> None:
    page = f"실시간 뉴스\n한국-프랑스, 스타트업 함께 키운다\n{BODY}\n주요뉴스\n딴 기사."
    assert article_text(page) == f"한국-프랑스, 스타트업 함께 키운다\n{BODY}"


def test_bylines_and_photo_credits_are_trimmed_from_text_lines() -> None:
    assert article_text(f"[박영례기자]{BODY}") == BODY
    assert article_text(f"[마이데일리 = 심지원 기자] {BODY}") == BODY
    assert article_text(f"아시아투데이 오세은 기자 = {BODY}") == BODY
    caption = "박영선 장관이 16일 행사에서 기념촬영을 하고 있다./제공=중기부"
    assert article_text(caption) == "박영선 장관이 16일 행사에서 기념촬영을 하고 있다."
    assert article_text("교수가 책을 들고 있다. /연합뉴스") == "교수가 책을 들고 있다."
    assert article_text("총장이 기념 촬영을 하고 있다. /부산대") == "총장이 기념 촬영을 하고 있다."
    assert article_text("원/달러 환율이 올랐다.") == "원/달러 환율이 올랐다."


def test_repeated_article_lines_are_kept_once() -> None:
    assert article_text(f"{BODY}\n{BODY2}\n{BODY}\n{BODY2}") == f"{BODY}\n{BODY2}"


def test_feed_fragment_html_is_stripped_directly() -> None:
    fragment = (
        '<figure><img src="x.jpg"><figcaption><small>협약식 모습. /연합뉴스</small>'
        f"</figcaption></figure><br><br>{BODY}<br><br>{BODY2} &amp; 더<br><br>"
    )
    assert looks_like_html(fragment)
    assert article_text(fragment) == f"협약식 모습.\n{BODY}\n{BODY2} & 더"


def test_whole_page_goes_through_trafilatura() -> None:
    paragraphs = "".join(f"<p>{BODY} {i}번째 문단이다.</p>" for i in range(8))
    page = (
        "<html><head><title>t</title><script>var x = 1;</script></head><body>"
        "<nav><ul><li><a href='/'>홈</a></li><li><a href='/a'>정치</a></li></ul></nav>"
        f"<article><h1>한불 MOU 체결</h1>{paragraphs}</article>"
        "<footer>Copyright 2024. 무단전재 금지</footer></body></html>"
    )
    text = article_text(page)
    assert f"{BODY} 0번째 문단이다." in text
    assert "var x" not in text
    assert "무단전재" not in text


def test_short_fragment_falls_back_to_tag_strip() -> None:
    assert html_to_text("<p>짧은 글.</p>") == "짧은 글."
    assert html_to_text("<div><b>MOU</b> 체결</div>") == "MOU 체결"
    assert html_to_text("") == ""


@pytest.mark.parametrize(
    "text",
    ["<이미지를 클릭하시면 크게 보실 수 있습니다>", "a < b 이고 c > d 이다", "3 <5", "plain"],
)
def test_angle_brackets_in_text_are_not_html(text: str) -> None:
    assert not looks_like_html(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("협약을 체결했다. 양측은 협력한다.", ["협약을 체결했다.", "양측은 협력한다."]),
        ("매출이 2.5% 늘었다. 끝이다.", ["매출이 2.5% 늘었다.", "끝이다."]),
        ("U.S. Steel과 체결했다. 다음이다.", ["U.S. Steel과 체결했다.", "다음이다."]),
        ("워싱턴 D.C.에서 열렸다. 다음.", ["워싱턴 D.C.에서 열렸다.", "다음."]),
        ("정말요? 그렇습니다! 네.", ["정말요?", "그렇습니다!", "네."]),
        (
            "“협력을 기대한다.” 그는 말했다.",
            ["“협력을 기대한다.”", "그는 말했다."],
        ),
        ('그는 "좋다."라고 했다. 끝.', ['그는 "좋다."라고 했다.', "끝."]),
        ("밝혔다.이번 협약은 중요하다.", ["밝혔다.", "이번 협약은 중요하다."]),
        ("첫 줄\n둘째 줄이다. 셋째.", ["첫 줄", "둘째 줄이다.", "셋째."]),
        ("1.5배 늘었다", ["1.5배 늘었다"]),
        ("", []),
        ("\n\n", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_seed_like_page_end_to_end() -> None:
    page = "\n".join(
        [
            "배너",
            "2024.06.11 (화)",
            "  • 맑음동두천 27.9℃",
            "기상청 제공",
            "정치/경제/사회",
            "미국 순방계기로 한-미 중소벤처 분야 협력 활기",
            "",
            "데일리연합(월간, 한국뉴스신문) 박주리 기자 | "
            "중소벤처기업부는 UL Solutions와 업무협약을 체결했다.",
            "[출처: 중소벤처기업부]",
            "가장 많이 본 뉴스",
            "포토뉴스",
            "국립안동대-경북도립대, 국·공립대 전국 최초 '통합의 길' 열어",
        ]
    )
    assert article_text(page).split("\n") == [
        "미국 순방계기로 한-미 중소벤처 분야 협력 활기",
        "중소벤처기업부는 UL Solutions와 업무협약을 체결했다.",
    ]


_texts = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xAC40),
        st.sampled_from(list(" .!?\n\"”“'다요2U.S<>/br")),
    ),
    max_size=2000,
)


@settings(max_examples=200, deadline=None)
@given(text=_texts)
def test_sentences_lose_no_characters(text: str) -> None:
    sentences = split_sentences(text)
    assert all(s and s == s.strip() and "\n" not in s for s in sentences)
    assert "".join("".join(sentences).split()) == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(text=_texts)
def test_article_text_is_stable(text: str) -> None:
    once = article_text(text)
    assert article_text(once) == once
