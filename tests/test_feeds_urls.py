"""/addfeed URL checks: http(s) only, public addresses only (a resolver is injected)."""

from __future__ import annotations

import pytest

from feeds.urls import FeedUrlError, validate_feed_url

HOSTS = {
    "news.example.kr": ["203.0.113.0", "93.184.216.34"],
    "public.example": ["93.184.216.34"],
    "intranet.example": ["10.1.2.3"],
    "mixed.example": ["93.184.216.34", "192.168.0.10"],
    "v6.example": ["2606:4700::1111"],
    "mapped.example": ["::ffff:127.0.0.1"],
}


def resolve(host: str) -> list[str]:
    if host not in HOSTS:
        raise OSError("no such host")
    return HOSTS[host]


def check(url: str, allow_private: bool = False) -> str:
    return validate_feed_url(url, allow_private, resolve)


def test_public_http_urls_pass_tidied() -> None:
    assert check("  HTTPS://Public.Example/rss?x=1#top ") == "https://public.example/rss?x=1"
    assert check("http://v6.example:8080") == "http://v6.example:8080/"
    assert check("http://93.184.216.34/feed") == "http://93.184.216.34/feed"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://127.0.0.1/rss", "loopback"),
        ("http://localhost/rss", "resolved"),  # not in the fake DNS: unresolvable
        ("http://[::1]:8000/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://169.254.169.254/latest/meta-data", "link-local"),
        ("http://intranet.example/rss", "private"),
        ("http://mixed.example/rss", "private"),
        ("http://mapped.example/", "loopback"),
        ("http://100.64.0.1/", "non-public"),
        ("http://224.0.0.1/", "multicast"),
    ],
)
def test_private_and_special_addresses_are_refused(url: str, words: str) -> None:
    with pytest.raises(FeedUrlError) as err:
        check(url)
    assert words in err.value.reason


@pytest.mark.parametrize(
    "url",
    [
        "",
        "ftp://e.kr/rss",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://",
        "e.kr/rss",
        "http://user:pw@public.example/",
        "http://public.example:99999/",
        "http://" + "a" * 3000,
    ],
)
def test_unusable_urls_get_a_reason(url: str) -> None:
    with pytest.raises(FeedUrlError) as err:
        check(url)
    assert err.value.reason.endswith((".", "rss.xml"))


def test_private_addresses_pass_when_allowed() -> None:
    assert check("http://127.0.0.1:8123/rss/sample.xml", allow_private=True) == (
        "http://127.0.0.1:8123/rss/sample.xml"
    )
    with pytest.raises(FeedUrlError):
        check("ftp://127.0.0.1/", allow_private=True)


@pytest.mark.parametrize("url", ["http://[::1/", "http://[2002:7f00:1::/rss", "https://[::1]:x/"])
def test_a_broken_ipv6_literal_is_a_reason_not_an_exception(url: str) -> None:
    with pytest.raises(FeedUrlError, match="invalid host or port"):
        check(url)


@pytest.mark.parametrize(
    "address",
    [
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
        "2002:c0a8:101::",  # 6to4 wrapping 192.168.1.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo, client 192.0.2.45
    ],
)
def test_ipv6_forms_wrapping_private_ipv4_are_refused(address: str) -> None:
    with pytest.raises(FeedUrlError, match="only public addresses"):
        check(f"http://[{address}]/rss")


def test_6to4_of_a_public_address_passes() -> None:
    assert check("http://[2002:5db8:d822::]/rss") == "http://[2002:5db8:d822::]/rss"
