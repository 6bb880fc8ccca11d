"""Bad input, fuzzed with hypothesis, against the real bot process and the real parsers.

- Command arguments (any unicode, 10 KB, RTL and zero-width marks, HTML, Markdown, ``<script>``)
  typed into the Bot API stand-in; the bot runs as ``python -m bot.cli run``. Every command gets
  a reply, no handler raises (the error handler's apology never appears, the log has no
  traceback) and every message the bot sends is valid Telegram HTML: the stand-in parses it as
  Telegram does and counts rejects (target 0).
- Hostile feed entries (markup, scripts, RTL, a 10 KB headline, quotes in links) become alerts
  through the same running bot: valid HTML, the text shown exactly as written.
- Mutated real feeds (truncated, invalid bytes, huge attributes, entity bombs, external
  entities, deep nesting) through ``feeds.parse.parse_feed``; hostile articles through the
  extractor.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import math
import os
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools.reliability import (
    ADMIN,
    PARTNER_COUNTRIES,
    BotProcess,
    FarmEntry,
    FeedFarm,
    free_port,
    mou_entry,
    seed_chats,
    story_links,
    write_config,
)
from devtools.standin import BotApiStandin
from devtools.standin.state import Outgoing
from extractors.extractor import Extractor
from extractors.model import Article, Extraction
from extractors.sectors import SECTORS_BY_ID
from feeds.parse import parse_feed
from subscriptions.models import Topic
from subscriptions.store import open_repository

pytestmark = pytest.mark.slow
T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MOU_ALERT_SHARED", ROOT.parent / "shared"))
EXAMPLES = int(os.environ.get("MOU_ALERT_FUZZ_EXAMPLES", "120"))

APOLOGIES = ("Sorry, something went wrong", "죄송합니다. 처리 중 문제가 생겼습니다")

# --- what people type ----------------------------------------------------------------------------

MARKS = ["\u200f", "\u200e", "\u202e", "\u202d", "\u2066", "\u2069", "\u061c", "\u200b", "\ufeff"]
MARKUP = [
    "<b>", "</b>", "<i>x</i>", "<a href='javascript:alert(1)'>x</a>", '<a href="tg://x">',
    "<script>alert(1)</script>", "</script>", "<tg-spoiler>", "<pre><code>", "<!--", "-->",
    "&", "&amp;", "&lt;", "&#x1F600;", "&#0;", "&bogus;", "<", ">", '"', "'",
    "*bold*", "_it_", "__u__", "~s~", "||sp||", "`code`", "```py\nx\n```", "[a](http://x)",
    "\\", "\x00", "\n", "\t", "%s", "{0}", "${x}", "' OR 1=1 --", "Robert'); DROP TABLE chats;--",
]  # fmt: skip
WORDS = [
    "France", "프랑스", "FR", "🇫🇷", "AI", "인공지능", "France AI", "japan", "미국", "all", "*",
    "7d", "30d", "90d", "1y", "0d", "-1d", "99999999999d", "08:00", "25:61", "digest", "instant",
    "ko", "en", "5", "0", "-3", "20", "21", "1e9", "NaN", "한·불", "佛", "uk", "EU",
    "org:", "org:삼성전자", "kw:수소", "kw:%_\\", "전체", "org:(주)",
]  # fmt: skip
COMMANDS = [
    "start", "help", "subscribe", "unsubscribe", "list", "summary", "latest", "countries",
    "sectors", "mode", "lang", "search", "export", "nonsense",
]  # fmt: skip
ADMIN_COMMANDS = ["feeds", "addfeed", "removefeed", "stats"]

fragments = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(MARKUP),
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.characters(),
)
arguments = st.one_of(
    st.lists(fragments, max_size=12).map(" ".join),
    st.lists(fragments, max_size=20).map("".join),
    st.text(max_size=300),
    # 10 KB: more than Telegram lets a person type, to be sure nothing echoes it unbounded.
    st.lists(fragments, min_size=1, max_size=8)
    .map(lambda f: ("".join(f) + " ") * 400)
    .map(lambda s: s[:10240]),
)


# --- the bot, running in the background for the whole module -----------------------------------


class LiveBot:
    """The stand-in, a feed farm and the bot process on an event loop in a thread of their
    own, so hypothesis (which drives synchronous tests) can talk to them example by example."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.api: BotApiStandin | None = None
        self.farm: FeedFarm | None = None
        self.bot: BotProcess | None = None
        self.chats = itertools.count(100_000)
        self.log_mark = 0

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 120) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def start(self) -> None:
        self.thread.start()
        self.call(self._start())

    async def _start(self) -> None:
        self.api = api = BotApiStandin()
        await api.start()
        self.farm = farm = FeedFarm()
        await farm.__aenter__()
        url = farm.add("hostile", entries=hostile_entries(dt.datetime.now(dt.UTC)))
        db = f"sqlite+aiosqlite:///{self.tmp / 'bot.db'}"
        repo = await open_repository(db)
        try:
            for n, reader in enumerate(HOSTILE_READERS):  # one reader per country: 1 msg/s each
                code = PARTNER_COUNTRIES[n % len(PARTNER_COUNTRIES)]
                await seed_chats(repo, api, [reader], Topic(country=code))
        finally:
            await repo.close()
        config = write_config(self.tmp / "c.toml", api, db, feeds=[(url, "악성<피드>&")])
        self.bot = BotProcess(config, api.token, self.tmp / "bot.log")
        await self.bot.start_and_wait(api)

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.call(self._stop(), timeout=60)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    async def _stop(self) -> None:
        if self.bot is not None:
            await self.bot.stop()
            await self.bot.kill()
        if self.farm is not None:
            await self.farm.__aexit__()
        if self.api is not None:
            await self.api.stop()

    # --- talking ------------------------------------------------------------------------------
    async def _ask(self, chat_id: int, text: str, **kwargs: Any) -> list[Outgoing]:
        assert self.api is not None and self.bot is not None
        before = len(self.api.messages(chat_id))
        self.api.user_sends(chat_id, text, **kwargs)
        await self.bot.wait_until(
            self.api,
            lambda: len(self.api.messages(chat_id)) > before,
            30,
            f"reply to {text[:40]!r}",
        )
        return self.api.messages(chat_id)[before:]

    def ask(self, chat_id: int, text: str, **kwargs: Any) -> list[Outgoing]:
        return self.call(self._ask(chat_id, text, **kwargs))

    def new_log(self) -> str:
        """The bot's log written since the last call."""
        assert self.bot is not None
        text = self.bot.log()
        new, self.log_mark = text[self.log_mark :], len(text)
        return new


HOSTILE_READERS = range(4200, 4209)
"""Chats following the countries of the hostile feed's articles (one each)."""

HOSTILE_BITS = [
    "<script>alert(1)</script>",
    "<b>굵게</b> & <i>",
    '"><img src=x onerror=alert(1)>',
    "*별표* _밑줄_ [링크](http://evil.example)",
    "\u202e역방향\u202c \u200f",
    "&amp;lt; &#x3C; &bogus;",
    "Robert'); DROP TABLE deliveries;--",
    "\u2028줄\u2029바꿈\r\n탭\t끝",
]
"""(Control characters cannot travel in XML at all: the feed parser fuzz below covers them.)"""


def hostile_entries(now: dt.datetime) -> list[FarmEntry]:
    """MOU articles with hostile text in the headline, the parties and the link, one partner
    country each (and one with a 10 KB headline)."""
    entries = []
    for n, bit in enumerate(HOSTILE_BITS):
        base = mou_entry(n, now, tag=f" {bit} ")
        entries.append(FarmEntry(f"h{n}-{bit}", base.title, base.body, now))
    long = mou_entry(len(HOSTILE_BITS), now)
    entries.append(FarmEntry("h-long", long.title + " 긴제목" * 2500, long.body, now))
    return entries


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveBot]:
    live = LiveBot(tmp_path_factory.mktemp("fuzzbot"))
    try:
        live.start()
        yield live
    finally:
        live.stop()


def assert_nothing_went_wrong(live: LiveBot, replies: list[Outgoing]) -> None:
    assert live.api is not None
    stats = live.api.stats
    assert not stats.entity_rejects, stats.entity_rejects[:3]
    bad = {d: n for d, n in stats.errors.items() if not d.startswith("Conflict")}
    assert not bad, bad
    for reply in replies:
        assert reply.text.strip()
        assert not reply.text.startswith(APOLOGIES), "a handler raised"
    log = live.new_log()
    assert "Traceback" not in log and "error while handling an update" not in log, log[-3000:]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command=st.sampled_from(COMMANDS), argument=arguments, korean=st.booleans())
def test_any_command_argument_gets_a_valid_reply(
    live: LiveBot, command: str, argument: str, korean: bool
) -> None:
    chat = next(live.chats)
    replies = live.ask(chat, f"/{command} {argument}", language_code="ko" if korean else "en")
    assert_nothing_went_wrong(live, replies)


PORT = free_port()
feed_urls = st.one_of(
    arguments,
    arguments.map(lambda s: f"http://127.0.0.1:{PORT}/{s}"),
    st.sampled_from(["ftp://x/feed", "file:///etc/passwd", "javascript:alert(1)", "http://"]),
)


@settings(
    max_examples=max(20, EXAMPLES // 4),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command=st.sampled_from(ADMIN_COMMANDS), url=feed_urls, name=arguments)
def test_any_admin_command_argument_gets_a_valid_reply(
    live: LiveBot, command: str, url: str, name: str
) -> None:
    text = f"/{command} {url} {name}" if command == "addfeed" else f"/{command} {url}"
    replies = live.ask(ADMIN, text)
    assert_nothing_went_wrong(live, replies)


def test_hostile_feed_entries_alert_as_valid_html_showing_the_text_as_written(
    live: LiveBot,
) -> None:
    assert live.api is not None and live.bot is not None
    api = live.api
    expected = len(HOSTILE_BITS) + 1
    assert len(HOSTILE_READERS) == expected

    def alerts() -> list[Outgoing]:
        return [m for reader in HOSTILE_READERS for m in api.messages(reader)]

    live.call(live.bot.wait_until(api, lambda: len(alerts()) >= expected, 120, "hostile alerts"))
    assert [len(api.messages(r)) for r in HOSTILE_READERS] == [1] * expected
    assert not api.stats.entity_rejects
    shown = visible("\n".join(a.text for a in alerts()))
    for bit in HOSTILE_BITS:
        assert visible(bit)[:12] in shown, f"{bit!r} is not shown as written"
    for alert in alerts():
        assert alert.parse_mode == "HTML" and len(alert.text) <= 4096
        for link in story_links(alert):
            assert link.startswith("http://127.0.0.1:") and not set(link) & set(" <>\"'")


def visible(text: str) -> str:
    """What a reader sees, give or take format characters and line breaks."""
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


# --- feeds and articles, without the bot ---------------------------------------------------------


def seed_feeds() -> list[bytes]:
    fixtures = ROOT / "tests" / "fixtures" / "feeds"
    feeds = [p.read_bytes() for p in sorted(fixtures.glob("*.xml"))]
    if (SHARED / "feeds").is_dir():
        feeds += [p.read_bytes()[:60_000] for p in sorted((SHARED / "feeds").glob("*.xml"))]
    return feeds


SEEDS = seed_feeds()
ENTITY_BOMB = (
    '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)
XXE = '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


@st.composite
def mutated_feeds(draw: st.DrawFn) -> bytes:
    feed = draw(st.sampled_from(SEEDS))
    kind = draw(
        st.sampled_from(
            ["truncate", "bytes", "invalid_utf8", "attribute", "bomb", "xxe", "nest", "entries"]
        )
    )
    at = draw(st.integers(0, len(feed)))
    if kind == "truncate":
        return feed[:at]
    if kind == "bytes":
        return feed[:at] + draw(st.binary(min_size=1, max_size=64)) + feed[at:]
    if kind == "invalid_utf8":
        junk = draw(st.sampled_from([b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x80" * 9]))
        return feed[:at] + junk + feed[at:]
    if kind == "attribute":
        size = draw(st.integers(1, 4)) * 1024 * 1024
        return feed.replace(b"<channel>", b'<channel x="' + b"A" * size + b'">', 1)
    if kind in ("bomb", "xxe"):
        head = ENTITY_BOMB if kind == "bomb" else XXE
        name = "&i;" if kind == "bomb" else "&x;"
        body = feed.split(b"?>", 1)[-1].replace(b"<title>", f"<title>{name}".encode())
        return b'<?xml version="1.0"?>\n' + head.encode() + body
    if kind == "nest":
        depth = draw(st.integers(1000, 20000))
        return feed.replace(b"<title>", b"<title>" + b"<x>" * depth, 1)
    item = b"<item><title>t</title><guid>g</guid></item>"
    return feed.replace(b"</channel>", item * draw(st.integers(1000, 5000)) + b"</channel>", 1)


content_types = st.sampled_from(
    [
        "application/rss+xml; charset=utf-8",
        "text/xml; charset=euc-kr",
        "application/xml; charset=ks_c_5601-1987",
        "text/html",
        "application/octet-stream; charset=bogus-charset",
        "",
    ]
)


@pytest.mark.skipif(not SEEDS, reason="no feed fixtures")
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=mutated_feeds(), content_type=content_types)
def test_mutated_feeds_parse_to_data_never_to_an_exception(body: bytes, content_type: str) -> None:
    parsed = parse_feed(body, {"content-type": content_type}, "http://127.0.0.1/feed")
    assert isinstance(parsed.title, str) and isinstance(parsed.entries, tuple)
    assert parsed.is_usable or parsed.error
    for entry in parsed.entries:
        assert entry.link is None or entry.link.startswith(("http://", "https://"))
        for text in (entry.title, entry.content, entry.guid or ""):
            assert "root:x:0:0" not in text, "an external entity was read"
            assert len(text) < 20 * 1024 * 1024, "an entity expanded"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


hostile_text = st.lists(
    st.one_of(
        st.sampled_from(MARKUP + MARKS + HOSTILE_BITS),
        st.sampled_from(["MOU", "업무협약", "체결했다", "프랑스", "한·불", "3천만달러", "와 "]),
        st.text(max_size=30),
    ),
    max_size=60,
).map("".join)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=hostile_text, body=st.one_of(hostile_text, hostile_text.map(lambda s: s * 200)))
def test_hostile_articles_give_a_well_formed_extraction(
    extractor: Extractor, title: str, body: str
) -> None:
    html_body = f"<html><body><p>{body}</p><script>{body}</script></body></html>"
    for article in (Article(title, body), Article(title, html_body), Article(body, title)):
        result = extractor.extract(article)
        assert isinstance(result, Extraction) and isinstance(result.summary, str)
        assert all(len(c) == 2 and c.isascii() and c.isupper() for c in result.countries)
        assert set(result.sectors) <= set(SECTORS_BY_ID)
        assert all(isinstance(p, str) for group in result.parties for p in group)
        assert all(math.isfinite(a.value) and a.value >= 0 for a in result.amounts)
        if not result.is_mou:
            assert not result.countries and not result.parties
