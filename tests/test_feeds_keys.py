"""Entry keys (pure): GUID first, else the normalized link."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from feeds.keys import entry_key, normalize_url


def test_normalize_url_drops_tracking_and_fragment_and_sorts_the_query() -> None:
    messy = (
        "HTTPS://News.Example.KR:443/a/b?utm_source=rss&id=7&fbclid=x&b=2&utm_medium=feed"
        "&gclid=y&a=1&mc_cid=z#comments"
    )
    assert normalize_url(messy) == "https://news.example.kr/a/b?a=1&b=2&id=7"


def test_normalize_url_keeps_what_changes_the_page() -> None:
    assert normalize_url("http://e.kr:8080/News?ID=5") == "http://e.kr:8080/News?ID=5"
    assert normalize_url("http://e.kr") == "http://e.kr/"
    assert normalize_url("http://e.kr/?q=") == "http://e.kr/?q="
    assert normalize_url("http://e.kr/a?x=1") != normalize_url("http://e.kr/a?x=2")


def test_entry_key_prefers_the_guid() -> None:
    assert entry_key("  news-1 ", "https://e.kr/1") == "news-1"
    assert entry_key(None, "https://E.kr/1?utm_campaign=x#top") == "https://e.kr/1"
    assert entry_key("", "https://e.kr/1") == "https://e.kr/1"


def test_entry_key_without_guid_or_link_is_stable_per_title() -> None:
    a = entry_key(None, None, "제목")
    assert a.startswith("title:") and a == entry_key(None, "", " 제목 ")
    assert a != entry_key(None, None, "다른 제목")


def test_the_same_link_decorated_differently_has_one_key() -> None:
    plain = entry_key(None, "https://e.kr/news?id=9&page=1")
    for variant in (
        "https://e.kr/news?page=1&id=9",
        "https://E.KR/news?id=9&page=1&utm_source=naver",
        "https://e.kr/news?id=9&page=1#related",
        "https://e.kr:443/news?fbclid=abc&id=9&page=1",
    ):
        assert entry_key(None, variant) == plain, variant


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["id", "utm_source", "fbclid", "p", "x"]), st.text("ab12", max_size=3)
        ),
        max_size=6,
    )
)
def test_normalize_url_is_idempotent(params: list[tuple[str, str]]) -> None:
    url = "https://e.kr/path?" + "&".join(f"{k}={v}" for k, v in params)
    once = normalize_url(url)
    assert normalize_url(once) == once
    assert "utm_" not in once and "fbclid" not in once


def test_item_keys_are_scoped_to_their_feed_and_feedless_items_go_by_link() -> None:
    from feeds.keys import item_key

    assert item_key(1, "g", "https://e.kr/1") != item_key(2, "g", "https://e.kr/1")
    assert item_key(1, "g", None) == "feed:1|g"
    assert item_key(None, "g", "https://E.kr/1?utm_source=x") == "https://e.kr/1"
    assert item_key(None, "g", None) == "g"
