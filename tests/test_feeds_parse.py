"""Decoding and parsing: bytes and headers in, plain records out."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from feeds.decode import codec_for, decode_bytes, document_charset, feed_as_utf8
from feeds.parse import parse_feed

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
SHARED = Path(
    os.environ.get("MOU_ALERT_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)
KST = dt.timezone(dt.timedelta(hours=9))
# 똠 and 햏 exist in cp949 but not in EUC-KR proper: a strict euc-kr codec fails on them.
KOREAN = "한·불 인공지능 업무협약 체결… 똠방각하 햏"


def _rss(title: str, encoding: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>{title}'
        f"</title><item><title>{title}</title><link>https://e.kr/1</link></item></channel></rss>"
    )


# --- decoding ----------------------------------------------------------------------------


def test_every_name_of_euc_kr_reads_as_cp949() -> None:
    for name in (
        "EUC-KR",
        "euc_kr",
        "ks_c_5601-1987",
        "KS_C_5601-1987",
        "'euc-kr'",
        "x-windows-949",
    ):
        assert codec_for(name) == "cp949", name
    assert codec_for("utf8") == "utf-8"
    assert codec_for("no-such-charset") is None and codec_for(None) is None


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    body = _rss(KOREAN, "euc-kr").encode("utf-8")
    decoded = decode_bytes(body, "text/xml; charset=euc-kr")
    assert decoded.encoding == "utf-8" and KOREAN in decoded.text and not decoded.lossy


@pytest.mark.parametrize(
    ("content_type", "declared"),
    [
        ("text/xml; charset=euc-kr", "euc-kr"),  # header and declaration agree
        ("text/xml", "ks_c_5601-1987"),  # only the XML declaration
        ("application/rss+xml; charset=EUC-KR", "utf-8"),  # the declaration lies
        ("text/xml; charset=utf-8", "euc-kr"),  # the header lies
    ],
)
def test_cp949_bytes_follow_the_declared_charset(content_type: str, declared: str) -> None:
    body = _rss(KOREAN, declared).encode("cp949")
    decoded = decode_bytes(body, content_type)
    assert decoded.encoding == "cp949" and KOREAN in decoded.text and not decoded.lossy


def test_undeclared_non_utf8_bytes_are_read_as_cp949() -> None:
    decoded = decode_bytes(KOREAN.encode("cp949"), None)
    assert decoded.text == KOREAN and decoded.encoding == "cp949"


def test_garbage_is_replaced_not_raised() -> None:
    decoded = decode_bytes(b"\x80\xff\xfd abc \x80", "text/html; charset=euc-kr")
    assert decoded.lossy and "abc" in decoded.text


def test_html_meta_charset_is_found() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">'
    body = (page + f"<p>{KOREAN}</p>").encode("cp949")
    assert document_charset(body) == "euc-kr"
    assert KOREAN in decode_bytes(body, "text/html").text


def test_feed_as_utf8_rewrites_header_and_declaration() -> None:
    body, headers, decoded = feed_as_utf8(
        _rss(KOREAN, "euc-kr").encode("cp949"), {"Content-Type": "text/xml"}
    )
    assert headers["content-type"] == "text/xml; charset=utf-8"
    assert body.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert decoded.encoding == "cp949" and KOREAN in body.decode("utf-8")


# --- parsing -----------------------------------------------------------------------------


def test_rss2() -> None:
    feed = parse_feed((FIXTURES / "rss2.xml").read_bytes(), {}, "https://news.example.kr/rss")
    assert feed.error is None and feed.title == "테스트경제" and feed.ttl_seconds == 30 * 60
    first, second = feed.entries
    assert first.guid == "news-1"
    assert first.link == "https://news.example.kr/news/1?utm_source=rss&id=1"  # made absolute
    assert first.published == dt.datetime(2026, 2, 3, 9, 30, tzinfo=KST)
    assert first.published.tzinfo is not None
    assert "생성형 AI 공동개발" in first.content  # content:encoded beats the shorter summary
    assert second.guid is None and second.link == "https://news.example.kr/news/2#comments"
    assert second.content == "<b>수출</b>이 늘었다."


def test_atom() -> None:
    feed = parse_feed(
        (FIXTURES / "atom.xml").read_bytes(), {"content-type": "application/atom+xml"}
    )
    assert feed.error is None and feed.title == "Atom 보도자료"
    first, second = feed.entries
    assert (first.guid, first.link) == ("urn:example:press:77", "https://press.example.kr/77")
    assert first.published == dt.datetime(2026, 2, 3, 0, 30, tzinfo=dt.UTC)
    assert "스마트공장 업무협약을 체결했다고" in first.content
    assert second.published is None  # an unreadable date is no date, not an error


def test_malformed_xml_keeps_what_it_can_and_says_why() -> None:
    feed = parse_feed((FIXTURES / "malformed.xml").read_bytes(), {"content-type": "text/xml"})
    assert feed.error and feed.is_usable
    assert [e.link for e in feed.entries] == [
        "https://broken.example.kr/1",
        "https://broken.example.kr/2",
    ]


def test_a_feed_served_with_a_wrong_media_type_is_still_a_feed() -> None:
    for ctype in ("text/html; charset=euc-kr", "text/plain", "application/octet-stream"):
        feed = parse_feed((FIXTURES / "rss2.xml").read_bytes(), {"Content-Type": ctype})
        assert feed.error is None and len(feed.entries) == 2, ctype


def test_an_html_page_is_not_a_feed() -> None:
    feed = parse_feed(b"<html><body><h1>Welcome</h1></body></html>", {"content-type": "text/html"})
    assert not feed.entries and not feed.is_usable and feed.error


def test_empty_and_binary_bodies_are_not_feeds() -> None:
    assert not parse_feed(b"", {}).is_usable
    assert not parse_feed(bytes(range(256)) * 4, {}).is_usable


def test_a_euc_kr_feed_parses_to_korean_text() -> None:
    body = _rss(KOREAN, "euc-kr").encode("cp949")
    for headers in ({"content-type": "text/xml; charset=euc-kr"}, {"content-type": "text/xml"}, {}):
        feed = parse_feed(body, headers)
        assert feed.error is None and feed.encoding == "cp949", headers
        assert feed.title == KOREAN and feed.entries[0].title == KOREAN


def test_a_relative_guid_is_kept_as_written() -> None:
    body = b'<rss version="2.0"><channel><item><title>x</title><guid>12345</guid></item></channel>'
    body += b"</rss>"
    entry = parse_feed(body, {}, "https://moved.example.kr/rss").entries[0]
    assert entry.guid == "12345" and entry.link is None


def test_a_path_or_url_as_body_is_never_opened() -> None:
    for body in (str(FIXTURES / "rss2.xml").encode(), b"https://example.org/feed.xml"):
        assert not parse_feed(body, {}).entries


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name",
    [
        "chosun-national-rss-2024-05-24.xml",
        "chosun-national-rss-2025-09-07.xml",
        "chosun-national-rss-2026-08-22.xml",
    ],
)
def test_the_shared_real_feeds_parse(name: str) -> None:
    path = SHARED / "feeds" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not part of a clone)")
    feed = parse_feed(path.read_bytes(), {"content-type": "application/rss+xml"})
    assert feed.error is None and feed.title == "조선일보"
    assert len(feed.entries) >= 50
    assert all(e.link and e.link.startswith("https://www.chosun.com/") for e in feed.entries)
    assert all(e.published is not None and e.title for e in feed.entries)
    assert sum(bool(e.content) for e in feed.entries) > len(feed.entries) * 0.9


@pytest.mark.parametrize(
    "link",
    [
        "https:\x00//broken.example.kr/2",  # found by a property test: a scheme, no host
        "https://",
        "http://[::1/a",  # urlsplit raises on it
        "http://news.example.kr:99999/1",
        "http://a b.example.kr/1",
        "javascript:alert(1)",
    ],
)
def test_a_link_that_is_not_a_usable_web_url_is_no_link(link: str) -> None:
    body = "<rss version='2.0'><channel><title>t</title><item><title>x</title>"
    body += f"<link>{link}</link><guid>g-1</guid></item></channel></rss>"
    [entry] = parse_feed(body.encode(), {}).entries
    assert entry.link is None and entry.guid == "g-1"


def test_a_usable_web_url_stays_the_link() -> None:
    body = b"<rss version='2.0'><channel><title>t</title><item><title>x</title>"
    body += b"<link>https://news.example.kr:8443/a?id=1</link></item></channel></rss>"
    [entry] = parse_feed(body, {}).entries
    assert entry.link == "https://news.example.kr:8443/a?id=1"
