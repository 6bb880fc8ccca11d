"""The pieces every reliability test and bench shares: the bot as a real process, a farm of
feeds on 127.0.0.1, synthetic MOU articles, and reads of the bot's database.

The bot runs exactly as ``mou-alert run --config <tmp.toml>`` runs it (``python -m bot.cli``),
pointed at the Bot API stand-in (``devtools.standin``) and at :class:`FeedFarm`, both served
from the test's own event loop. The test seeds and reads the same SQLite file through the
repository.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gzip
import hashlib
import html
import os
import signal
import socket
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from aiohttp import web
from sqlalchemy import func, insert, select, update

from devtools.standin import BotApiStandin, Delay
from devtools.standin.state import Outgoing
from extractors.gazetteer import country_name
from extractors.model import Extraction
from subscriptions.models import NewItem, Topic
from subscriptions.store import CHATS, DELIVERIES, ITEMS, STORIES, SUBS, SqlRepository

ROOT = Path(__file__).resolve().parents[1]
ADMIN = 900001
"""The admin user of every bot these tests start (same id as ``standin_fixtures.ADMIN_ID``)."""


# --- the bot as a process ----------------------------------------------------------------------


def write_config(
    path: Path,
    api: BotApiStandin,
    database_url: str,
    *,
    feeds: Iterable[tuple[str, str]] = (),
    admins: Sequence[int] = (ADMIN,),
    poll_interval: int = 1,
    adaptive: bool = False,
    allow_private: bool = True,
    timeout: float = 5.0,
    max_bytes: int = 10 * 1024 * 1024,
) -> Path:
    """A config file for ``mou-alert run`` against ``api``; the token goes in the environment."""
    lines = [
        "[telegram]",
        f'base_url = "{api.base_url}"',
        f"admins = [{', '.join(str(a) for a in admins)}]",
        "[database]",
        f'url = "{database_url}"',
        "[schedule]",
        f"poll_interval = {poll_interval}",
        f"adaptive = {str(adaptive).lower()}",
        "[fetch]",
        f"timeout = {float(timeout)}",
        f"max_bytes = {max_bytes}",
        f"allow_private_addresses = {str(allow_private).lower()}",
    ]
    for url, name in feeds:
        lines += ["[[feeds]]", f'url = "{url}"', f'name = "{name}"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class BotProcess:
    """``python -m bot.cli run --config ...`` in its own process, its output in a log file."""

    def __init__(
        self, config: Path, token: str, log_path: Path, *, log_level: str = "INFO"
    ) -> None:
        self.config = config
        self.token = token
        self.log_path = log_path
        self.log_level = log_level
        self.proc: asyncio.subprocess.Process | None = None
        self.started_at = 0.0
        self.starts = 0

    async def start(self) -> None:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": self.token,
            "MOU_ALERT_LOG_LEVEL": self.log_level,
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("MOU_ALERT_CONFIG", None)
        self.starts += 1
        with self.log_path.open("ab") as log:
            log.write(f"\n===== start {self.starts} =====\n".encode())
            log.flush()
            self.started_at = time.monotonic()
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", "--config", str(self.config),
                cwd=ROOT, env=env, stdin=asyncio.subprocess.DEVNULL,
                stdout=log, stderr=asyncio.subprocess.STDOUT,
                start_new_session=True,  # its own process group: the bot and its children
            )  # fmt: skip

    async def start_and_wait(self, api: BotApiStandin, timeout: float = 60.0) -> float:  # noqa: ASYNC109
        """Start and wait for the first getUpdates of this start; returns the seconds taken."""
        before = api.stats.requests["getupdates"]
        await self.start()
        await self.wait_until(
            api, lambda: api.stats.requests["getupdates"] > before, timeout, "first getUpdates"
        )
        return time.monotonic() - self.started_at

    async def wait_until(
        self,
        api: BotApiStandin,
        predicate: Any,
        timeout: float,  # noqa: ASYNC109
        what: str,
    ) -> None:
        """Like ``api.wait_until``, but fails at once (with the log) if the bot died."""

        def done() -> bool:
            return bool(predicate()) or not self.alive

        await api.wait_until(done, timeout, what=what)
        if not predicate():
            raise AssertionError(f"the bot exited while waiting for {what}:\n{self.tail()}")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.returncode is None

    async def kill(self) -> None:
        """SIGKILL to the bot and every process it started (its process group), as a crash
        or a power cut would: no clean-up of any kind runs."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        if self.proc.returncode is None:
            await self.proc.wait()

    async def kill_main_only(self) -> list[int]:
        """SIGKILL to the bot's main process alone (``kill -9 <pid>``); returns the pids of
        the children it leaves behind."""
        assert self.proc is not None
        children = descendants(self.proc.pid)
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()
        return children

    async def stop(self, timeout: float = 30.0) -> int:  # noqa: ASYNC109
        """SIGTERM and wait for the exit status (SIGKILL after ``timeout``)."""
        assert self.proc is not None
        if self.alive:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), timeout)
            except TimeoutError:
                await self.kill()
        assert self.proc.returncode is not None
        return self.proc.returncode

    def memory_kb(self) -> tuple[int, int]:
        """(resident, sum of peak resident) in KiB of the bot and its children (/proc, Linux)."""
        rss = peak = 0
        for pid in [self.pid, *descendants(self.pid)]:
            now, high = process_memory_kb(pid)
            rss, peak = rss + now, peak + high
        return rss, peak

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def tail(self, chars: int = 4000) -> str:
        return self.log()[-chars:]


async def kill_with_sends_in_flight(
    bot: BotProcess, api: BotApiStandin, held: int = 4, delay: float = 1.5
) -> None:
    """SIGKILL the bot while ``held`` of its sendMessage calls are inside the stand-in, which
    answers them only ``delay`` seconds later (after the bot is dead): Telegram accepts those
    messages but the bot never hears so. Returns once they are accepted."""
    before = api.stats.requests["sendmessage"]
    api.fail_next("sendMessage", Delay(delay), times=held)
    await bot.wait_until(
        api, lambda: api.stats.requests["sendmessage"] >= before + held, 60, "sends held"
    )
    await bot.kill()
    await asyncio.sleep(delay + 0.5)


@contextlib.asynccontextmanager
async def bot_process(
    api: BotApiStandin, config: Path, log_path: Path, *, log_level: str = "INFO"
) -> Any:
    """A started bot (first getUpdates seen) that is killed at the end whatever happens."""
    bot = BotProcess(config, api.token, log_path, log_level=log_level)
    try:
        await bot.start_and_wait(api)
        yield bot
    finally:
        await bot.kill()


def process_memory_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of one process in KiB; (0, 0) when it is gone."""
    fields = {"VmRSS": 0, "VmHWM": 0}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in fields:
                fields[name] = int(value.split()[0])
    return fields["VmRSS"], fields["VmHWM"]


def descendants(pid: int) -> list[int]:
    """Pids of every living process below ``pid`` (read from /proc)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def pid_alive(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def free_port() -> int:
    """A port nobody listens on (for "connection refused" feeds)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- seeding and reading the database ------------------------------------------------------------


async def seed_chats(
    repo: SqlRepository, api: BotApiStandin, ids: Iterable[int], topic: Topic
) -> list[int]:
    """Chats known to Telegram (the stand-in) and to the bot, each following ``topic``. Written
    in one transaction (as thousands of ``upsert_chat`` calls would, only faster)."""
    ids = list(ids)
    now = dt.datetime.now(dt.UTC)
    chats = [
        {
            "id": i,
            "type": "private" if i > 0 else "supergroup",
            "title": "",
            "language": "ko" if i % 2 else "en",
            "mode": "instant",
            "active": True,
            "created_at": now,
        }
        for i in ids
    ]
    subs = [
        {
            "chat_id": i,
            "country": topic.country or "",
            "sector": topic.sector or "",
            "active": True,
            "created_at": now,
        }
        for i in ids
    ]
    async with repo.engine.begin() as conn:
        await conn.execute(insert(CHATS), chats)
        await conn.execute(insert(SUBS), subs)
    for i in ids:
        api.add_chat(i, "private" if i > 0 else "supergroup")
    return ids


async def seed_story(repo: SqlRepository, key: str, title: str, countries: tuple[str, ...]) -> int:
    """One new MOU story recorded as the pipeline records it; returns the deliveries queued."""
    # A feed nobody serves (the bot polls it and fails quietly): tests reach no other host.
    feed = await repo.upsert_feed(f"http://127.0.0.1:{free_port()}/seeded.xml", "Seeded")
    now = dt.datetime.now(dt.UTC)
    item = NewItem(
        feed_id=feed.id,
        key=key,
        url=f"https://news.example/{key}",
        title=title,
        published=now,
        text_hash=hashlib.sha256(key.encode()).hexdigest(),
        outlet="연합뉴스",
    )
    extraction = Extraction(
        is_mou=True,
        status="signed",
        countries=countries,
        sectors=("ai",),
        parties=(("삼성전자", "Thales"),),
        summary=f"{title}. 양국 기업이 인공지능 협력 MOU를 맺었다.",
    )
    return (await repo.record_item(item, extraction, now)).deliveries


async def delivery_rows(repo: SqlRepository) -> list[tuple[int, int, str, int]]:
    """Every outbox row as (chat_id, story_id, status, attempts)."""
    d = DELIVERIES.c
    async with repo.engine.connect() as conn:
        rows = await conn.execute(select(d.chat_id, d.story_id, d.status, d.attempts))
        return [(r.chat_id, r.story_id, r.status, r.attempts) for r in rows]


async def item_count(repo: SqlRepository) -> int:
    async with repo.engine.connect() as conn:
        return int((await conn.scalar(select(func.count()).select_from(ITEMS))) or 0)


async def lease_runs_out(repo: SqlRepository) -> int:
    """Make the claims a killed worker held lapse now, as they do once their lease (20 s) has
    passed without the worker's heartbeat: the tests do not wait for it. Returns how many rows
    were held."""
    d = DELIVERIES.c
    now = dt.datetime.now(dt.UTC)
    async with repo.engine.begin() as conn:
        result = await conn.execute(
            update(DELIVERIES)
            .where(d.status == "pending", d.claimed_until > now)
            .values(claimed_until=now)
        )
    return int(result.rowcount)


def story_links(message: Outgoing) -> list[str]:
    """The article links of an alert (its headline is linked to the story's article)."""
    return [e.url for e in message.entities if e.url]


def sent_per_chat(api: BotApiStandin) -> Counter[int]:
    return Counter(api.stats.sent)


# --- synthetic MOU news ----------------------------------------------------------------------

PARTNER_COUNTRIES = (
    "FR", "DE", "US", "JP", "VN", "IN", "PL", "AE", "SA", "GB",
    "CA", "AU", "BR", "MX", "ID", "TH", "ES", "IT", "NL", "SE",
)  # fmt: skip
SECTOR_WORDS = ("인공지능", "반도체", "배터리", "수소", "바이오", "원전", "조선", "우주")
CITIES = ("서울", "부산", "대전", "광주", "인천", "울산", "세종", "창원")


@dataclass(frozen=True)
class FarmEntry:
    guid: str
    title: str
    body: str
    """Plain text, long enough that the bot never fetches a page for it."""
    published: dt.datetime


def mou_entry(n: int, published: dt.datetime, *, tag: str = "") -> FarmEntry:
    """The ``n``-th Korean MOU article: a distinct company, partner, country and sector, so
    each is a story of its own (the extractor reads every one as a signed MOU)."""
    code = PARTNER_COUNTRIES[n % len(PARTNER_COUNTRIES)]
    country = country_name(code, "ko")
    sector = SECTOR_WORDS[(n // len(PARTNER_COUNTRIES)) % len(SECTOR_WORDS)]
    city = CITIES[n % len(CITIES)]
    firm, partner = f"한결{n}테크{tag}", f"{country} 노바{n * 7 + 3}사"
    title = f"{firm}, {partner}와 {sector} 협력 MOU 체결"
    body = (
        f"{firm}는 {n % 27 + 1}일 {city}에서 {country}의 노바{n * 7 + 3}사와 {sector} 분야 "
        f"공동 연구개발을 위한 업무협약(MOU)을 체결했다고 밝혔다. 이번 협약에 따라 양사는 "
        f"{sector} 기술 공동 개발과 {country} 시장 진출에 협력하기로 했다. {firm} 대표는 "
        f'"{country}와의 협력으로 글로벌 시장을 넓히겠다"고 말했다. 회사는 {n + 2}개 과제를 '
        f"선정해 내년부터 시범 사업을 벌이고, {city} 연구소에 전담 인력 {n % 40 + 10}명을 "
        f"배치할 계획이다. 업계에서는 이번 협약이 {sector} 공급망 다변화에 도움이 될 것으로 "
        f"보고 있다. 노바{n * 7 + 3}사는 {country} 현지에서 {n % 9 + 2}개 공장을 운영하고 있다. "
        f"양사는 연말까지 세부 실행 계획을 마련하고 공동 실무단을 꾸려 분기마다 성과를 점검하기로 "
        f"했다. {firm}는 이번 협력을 계기로 해외 매출 비중을 높이고 현지 인재 채용도 늘릴 "
        f"방침이다. "
        f"{city}시와 관계 기관도 행정 지원에 나서기로 했으며, 정부는 유사한 해외 협력 사례가 "
        f"늘어날 것으로 기대하고 있다. 회사 측은 구체적인 투자 규모와 일정은 추후 공개하겠다고 "
        f"설명했다. 이날 행사에는 양국 관계자 {n % 30 + 20}명이 참석해 협약 내용을 함께 확인했다."
    )
    return FarmEntry(f"mou-{tag}{n}", title, body, published)


def plain_entry(n: int, published: dt.datetime, *, tag: str = "") -> FarmEntry:
    """News that is not about an agreement (most of a real feed)."""
    city = CITIES[n % len(CITIES)]
    title = f"{city} 지역 {n}번째 생활 소식{tag}"
    body = (
        f"{city}시는 {n % 27 + 1}일 시민 생활 편의를 위한 {n}번째 정책을 발표했다. "
        "시는 버스 노선을 조정하고 공원 조명을 교체하며 도서관 운영 시간을 늘린다. "
        "시 관계자는 시민 의견을 듣고 필요한 부분을 보완하겠다고 말했다. " * 4
    )
    return FarmEntry(f"news-{tag}{n}", title, body, published)


def rss(title: str, entries: Sequence[FarmEntry], base: str, *, extra: str = "") -> bytes:
    items = "".join(
        f"<item><title>{html.escape(e.title)}</title>"
        f"<link>{html.escape(f'{base}/a/{e.guid}.html')}</link>"
        f'<guid isPermaLink="false">{html.escape(e.guid)}</guid>'
        f"<pubDate>{format_datetime(e.published)}</pubDate>"
        f"<description>{html.escape(e.body)}</description></item>"
        for e in entries
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"{extra}><channel>'
        f"<title>{html.escape(title)}</title><link>{base}/</link><description>test</description>"
        f"{items}</channel></rss>"
    ).encode()


def atom(title: str, entries: Sequence[FarmEntry], base: str) -> bytes:
    items = "".join(
        f"<entry><title>{html.escape(e.title)}</title><id>urn:farm:{html.escape(e.guid)}</id>"
        f'<link href="{html.escape(f"{base}/a/{e.guid}.html")}"/>'
        f"<updated>{e.published.isoformat()}</updated>"
        f"<content>{html.escape(e.body)}</content></entry>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{html.escape(title)}</title><id>urn:farm:{html.escape(title)}</id>"
        f"<updated>{dt.datetime.now(dt.UTC).isoformat()}</updated>{items}</feed>"
    ).encode()


# --- a farm of feeds, healthy and faulty ---------------------------------------------------------

FAULTS = (
    "atom",  # an Atom feed (healthy)
    "cp949",  # EUC-KR bytes declared in the header (healthy)
    "redirect",  # three redirects to the feed (healthy)
    "duplicates",  # every entry twice (healthy)
    "redated",  # the same entries re-dated on every fetch, new ETag (healthy)
    "malformed",  # XML cut off mid-entry: recovered entries, error recorded
    "error500",  # HTTP 500
    "error503",  # HTTP 503 with Retry-After
    "timeout",  # never answers in time
    "trickle",  # one byte at a time: the total deadline ends it
    "oversized",  # a body over fetch.max_bytes
    "gzip_bomb",  # a small gzip body that inflates over fetch.max_bytes
    "redirect_loop",  # redirects to itself for ever
    "refused",  # nobody listens on the port
    "html",  # a web page, not a feed
    "empty",  # 200 with no body
    "binary",  # random bytes
    "entity_bomb",  # billion laughs
    "huge_attribute",  # one attribute of several MiB
)
HEALTHY_FAULTS = frozenset({"atom", "cp949", "redirect", "duplicates", "redated"})
# Not in FAULTS: "slow" answers normally after FeedFarm.slow seconds (to hold a cycle open).
"""Faults after which the feed still succeeds: these feeds must keep their schedule too."""

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
    b"<guid>bomb</guid></item></channel></rss>"
)


@dataclass
class FarmFeed:
    name: str
    fault: str = "ok"
    entries: list[FarmEntry] = field(default_factory=list)
    hits: list[float] = field(default_factory=list)
    """Monotonic times of the requests for the feed (a redirected one: of its first hop)."""
    fetches: int = 0


class FeedFarm:
    """Feeds on 127.0.0.1: ``/f/<name>.xml`` (healthy, or with one of :data:`FAULTS`).

    Healthy feeds answer 304 to their ETag while nothing changed. Served by aiohttp on the
    test's event loop, so a hanging or trickling feed costs no thread. ``hosts`` > 1 also
    serves on 127.0.1.1, 127.0.1.2, ... (loopback too): the fetcher limits requests per host,
    so feeds meant to be on different sites must be on different addresses.
    """

    def __init__(
        self,
        *,
        max_bytes: int = 10 * 1024 * 1024,
        hang: float = 3600.0,
        keep: int = 1000,
        hosts: int = 1,
    ) -> None:
        self.addresses = ["127.0.0.1", *(f"127.0.1.{k}" for k in range(1, hosts))]
        self.ports: list[int] = []
        self.hosts: dict[str, int] = {}
        """Feed name -> index of the address it is served on."""
        self.feeds: dict[str, FarmFeed] = {}
        self.max_bytes = max_bytes
        self.hang = hang
        self.keep = keep
        """A feed shows its newest ``keep`` entries (real feeds keep a few dozen)."""
        self.slow = 3.0
        """Seconds a ``slow`` feed takes to answer (healthy otherwise)."""
        self.refused_port = free_port()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.pages = 0

    async def __aenter__(self) -> FeedFarm:
        app = web.Application()
        app.router.add_get("/f/{name}.xml", self._feed)
        app.router.add_get("/r/{name}/{hop}", self._redirect)
        app.router.add_get("/a/{guid}.html", self._page)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        for address in self.addresses:
            site = web.TCPSite(self._runner, address, 0)
            await site.start()
            self.ports.append(self._runner.addresses[-1][1])
        self.port = self.ports[0]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(
        self, name: str, fault: str = "ok", entries: Iterable[FarmEntry] = (), *, host: int = 0
    ) -> str:
        """Serve a feed (on address number ``host``); returns its URL."""
        self.feeds[name] = FarmFeed(name, fault, list(entries))
        self.hosts[name] = host % len(self.addresses)
        return self.url(name)

    def url(self, name: str) -> str:
        feed, host = self.feeds[name], self.hosts[name]
        if feed.fault == "refused":
            return f"http://127.0.0.1:{self.refused_port}/f/{name}.xml"
        site = f"http://{self.addresses[host]}:{self.ports[host]}"
        if feed.fault in ("redirect", "redirect_loop"):
            return f"{site}/r/{name}/0"
        return f"{site}/f/{name}.xml"

    def publish(self, name: str, *entries: FarmEntry) -> None:
        self.feeds[name].entries.extend(entries)

    # --- handlers ------------------------------------------------------------------------------
    async def _redirect(self, request: web.Request) -> web.StreamResponse:
        name, hop = request.match_info["name"], int(request.match_info["hop"])
        feed = self.feeds[name]
        if hop == 0:  # a fetch of the feed starts here
            feed.hits.append(time.monotonic())
        if feed.fault == "redirect_loop":
            raise web.HTTPFound(f"/r/{name}/{max(1, hop)}")
        if hop >= 2:
            raise web.HTTPFound(f"/f/{name}.xml")
        raise web.HTTPFound(f"/r/{name}/{hop + 1}")

    async def _page(self, request: web.Request) -> web.StreamResponse:
        self.pages += 1
        return web.Response(text="<html><body><p>page</p></body></html>", content_type="text/html")

    async def _feed(self, request: web.Request) -> web.StreamResponse:
        feed = self.feeds.get(request.match_info["name"])
        if feed is None:
            raise web.HTTPNotFound()
        if feed.fault != "redirect":  # (counted at its first hop)
            feed.hits.append(time.monotonic())
        fault = feed.fault
        if fault == "redated":
            now = dt.datetime.now(dt.UTC)
            feed.entries = [FarmEntry(e.guid, e.title, e.body, now) for e in feed.entries]
        if fault in ("error500", "error503"):
            headers = {"Retry-After": "2"} if fault == "error503" else {}
            return web.Response(status=int(fault[-3:]), text="down", headers=headers)
        if fault == "timeout":
            await asyncio.sleep(self.hang)
            return web.Response(text="late")
        if fault == "slow":
            await asyncio.sleep(self.slow)
        if fault == "trickle":
            return await self._trickle(
                request, rss(feed.name, feed.entries[-self.keep :], self.base)
            )
        body, ctype, headers = self._body(feed)
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if fault not in ("oversized", "gzip_bomb") and request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        feed.fetches += 1
        return web.Response(body=body, headers={"Content-Type": ctype, "ETag": etag, **headers})

    def _body(self, feed: FarmFeed) -> tuple[bytes, str, dict[str, str]]:
        xml = "application/rss+xml; charset=utf-8"
        fault, entries, base = feed.fault, feed.entries[-self.keep :], self.base
        if fault == "atom":
            return atom(feed.name, entries, base), "application/atom+xml", {}
        if fault == "cp949":
            text = rss(feed.name, entries, base).decode().replace('"UTF-8"', '"EUC-KR"')
            return text.encode("cp949"), "application/rss+xml; charset=euc-kr", {}
        if fault == "duplicates":
            return rss(feed.name, [*entries, *entries], base), xml, {}
        if fault == "malformed":
            whole = rss(feed.name, entries, base)
            return whole[: max(200, len(whole) * 2 // 3)], xml, {}
        if fault == "oversized":
            return b"<rss>" + b" " * (self.max_bytes + 1024) + b"</rss>", xml, {}
        if fault == "gzip_bomb":
            bomb = gzip.compress(b"<rss>" + b" " * (self.max_bytes * 4) + b"</rss>", 9)
            return bomb, xml, {"Content-Encoding": "gzip"}
        if fault == "html":
            page = "<!DOCTYPE html><html><body><h1>Not a feed</h1></body></html>"
            return page.encode(), "text/html", {}
        if fault == "empty":
            return b"", xml, {}
        if fault == "binary":
            return hashlib.sha512(feed.name.encode()).digest() * 64, "application/octet-stream", {}
        if fault == "entity_bomb":
            return BILLION_LAUGHS, xml, {}
        if fault == "huge_attribute":
            attr = 'x="' + "A" * (self.max_bytes // 2) + '"'
            return rss(feed.name, entries, base, extra=" " + attr), xml, {}
        return rss(feed.name, entries, base), xml, {}

    async def _trickle(self, request: web.Request, body: bytes) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.content_length = len(body)
        await response.prepare(request)
        with contextlib.suppress(ConnectionError, asyncio.CancelledError):
            for i in range(len(body)):
                await response.write(body[i : i + 1])
                await asyncio.sleep(0.2)
        return response


async def story_urls(repo: SqlRepository) -> dict[int, str]:
    """Story id -> the article its alerts link to."""
    async with repo.engine.connect() as conn:
        rows = await conn.execute(select(STORIES.c.id, STORIES.c.url))
        return {r.id: r.url for r in rows}
