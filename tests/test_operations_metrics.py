"""`[metrics] listen`: /metrics lists every mou_alert_* metric with the figures of a real run
(the ingest process's included) and /healthz answers 200, then 503 naming the database once
its file is removed from under the running bot."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from bot_support import ask, running_bot
from prometheus_client.parser import text_string_to_metric_families

from bot.health import HealthChecks, OpsServer
from bot.metrics import Metrics
from core.settings import (
    FeedConfig,
    MetricsSettings,
    ScheduleSettings,
    Settings,
    WebhookSettings,
    load_settings,
)
from devtools.reliability import free_port
from devtools.sample_feed.server import SampleFeedServer, load_sample_articles
from devtools.standin import ApiError, BotApiStandin
from feeds.ingest import IngestProcess
from subscriptions.monitoring import DatabaseProbe, outbox_backlog
from subscriptions.store import open_repository

FRANCE = 1001
ARTICLE = {a.slug: a for a in load_sample_articles()}["hanbit-ai-lumiere-labs-mou"]
METRICS = (
    "mou_alert_feeds",
    "mou_alert_feed_polls_total",
    "mou_alert_poll_cycle_seconds",
    "mou_alert_items_total",
    "mou_alert_mous_total",
    "mou_alert_stories_total",
    "mou_alert_deliveries_total",
    "mou_alert_outbox_due",
    "mou_alert_outbox_oldest_due_seconds",
    "mou_alert_telegram_flood_waits_total",
    "mou_alert_alert_latency_seconds",
)


@pytest.fixture
def feed_server() -> Iterator[SampleFeedServer]:
    with SampleFeedServer(articles=[], visible=0) as server:
        yield server


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            found[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return found


def value(
    found: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str
) -> float:
    return found[(name, tuple(sorted(labels.items())))]


@pytest.mark.slow
async def test_metrics_and_health_of_a_running_bot(
    standin: BotApiStandin, standin_settings: Settings, feed_server: SampleFeedServer
) -> None:
    port = free_port()
    feeds = tuple(FeedConfig(url, name) for url, name in feed_server.feed_urls().items())
    settings = dataclasses.replace(
        standin_settings,
        feeds=feeds,
        schedule=ScheduleSettings(poll_interval=1, adaptive=False),
        metrics=MetricsSettings(f"127.0.0.1:{port}"),
    )
    base = f"http://127.0.0.1:{port}"
    async with running_bot(standin, settings), httpx.AsyncClient(base_url=base) as http:
        assert (await ask(standin, FRANCE, "/subscribe France")).text.startswith("Now following")
        standin.fail_next("sendMessage", ApiError.too_many_requests(1), chat_id=FRANCE)
        feed_server.publish(ARTICLE)
        await standin.wait_until(
            lambda: any(ARTICLE.slug in m.source for m in standin.messages(FRANCE)),
            60,  # the first MOU-like article loads Kiwi in the ingest process
            what="the alert",
        )
        await asyncio.sleep(0.5)  # the delivery job records its report after the send
        answer = await http.get("/metrics")
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/plain")
        text = answer.text
        names = {line.split("{")[0].split(" ")[0] for line in text.splitlines()}
        for name in METRICS:
            assert {name, f"{name}_count"} & names, name
        found = samples(text)
        assert value(found, "mou_alert_feeds", state="ok") == len(feeds)
        assert value(found, "mou_alert_feeds", state="failing") == 0
        assert value(found, "mou_alert_feed_polls_total", outcome="new") >= 1
        assert value(found, "mou_alert_items_total") >= 1
        assert value(found, "mou_alert_mous_total") >= 1
        assert value(found, "mou_alert_stories_total") >= 1
        assert value(found, "mou_alert_deliveries_total", outcome="sent") == 1
        assert value(found, "mou_alert_telegram_flood_waits_total") == 1
        assert value(found, "mou_alert_alert_latency_seconds_count") == 1
        assert value(found, "mou_alert_poll_cycle_seconds_count") >= 1
        assert value(found, "mou_alert_outbox_due") == 0

        healthy = await http.get("/healthz")
        assert (healthy.status_code, healthy.text) == (200, "ok\n")

        db_file = Path(settings.database.url.removeprefix("sqlite+aiosqlite:///"))
        os.remove(db_file)
        sick = await http.get("/healthz")
        assert sick.status_code == 503
        assert sick.text.startswith(f"database: {db_file} is gone")
    async with httpx.AsyncClient(base_url=base) as http:
        with pytest.raises(httpx.ConnectError):  # stopped with the bot
            await http.get("/healthz")


async def test_a_replaced_database_file_and_a_dead_ingest_process_are_named(
    tmp_path: Path,
) -> None:
    db = tmp_path / "h.db"
    url = f"sqlite+aiosqlite:///{db}"
    repo = await open_repository(url)
    probe = DatabaseProbe(repo.engine, url)
    ingest_problem: list[str | None] = [None]
    checks = HealthChecks(database=probe.check, ingest=lambda: ingest_problem[0])
    try:
        assert await checks.problems() == []
        db.rename(tmp_path / "moved.db")
        db.write_bytes((tmp_path / "moved.db").read_bytes())  # same path, another file
        ingest_problem[0] = "process 7 exited (code -9)"
        assert await checks.problems() == [
            "ingest: process 7 exited (code -9)",
            f"database: {db} was replaced since the bot opened it",
        ]
    finally:
        await repo.close()


async def test_a_stuck_event_loop_gets_a_503_naming_it() -> None:
    async def fine() -> str | None:
        return None

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever)
    thread.start()
    server = OpsServer(
        ("127.0.0.1", 0),
        Metrics(),
        HealthChecks(database=fine, ingest=lambda: None),
        lambda: asyncio.sleep(0),
        loop,
        check_timeout=0.2,
    )
    try:
        assert await asyncio.to_thread(server.health) == (200, "ok\n")
        loop.call_soon_threadsafe(time.sleep, 1.0)  # a blocking call holds the loop
        status, text = await asyncio.to_thread(server.health)
        scraped = await asyncio.to_thread(server.scrape)  # the counters, without the gauges
        # The loop comes back and answers the late checks.
        late = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.05), loop)
        await asyncio.to_thread(late.result, 5)
    finally:
        server.close()
        loop.call_soon_threadsafe(loop.stop)
        await asyncio.to_thread(thread.join)
        loop.close()
    assert (status, text) == (503, "event loop: no answer within 0.2 s\n")
    assert b"mou_alert_items_total 0.0" in scraped


async def test_outbox_backlog_counts_due_rows_and_their_age(tmp_path: Path) -> None:
    from delivery_support import Outbox

    repo = await open_repository(f"sqlite+aiosqlite:///{tmp_path / 'o.db'}")
    try:
        box = Outbox(repo)
        await box.chat(7)
        now = dt.datetime.now(dt.UTC)
        empty = await outbox_backlog(repo.engine, now)
        assert (empty.due, empty.oldest_due_seconds) == (0, 0.0)
        await box.story(at=now - dt.timedelta(minutes=10))
        later = await outbox_backlog(repo.engine, now + dt.timedelta(minutes=5))
        assert later.due == 1 and later.oldest_due_seconds >= 300
    finally:
        await repo.close()


def test_metrics_listen_is_off_by_default_and_checked(tmp_path: Path) -> None:
    assert load_settings(None, {}).metrics.address is None
    config = tmp_path / "c.toml"
    config.write_text('[metrics]\nlisten = "127.0.0.1:9464"\n')
    assert load_settings(config, {}).metrics.address == ("127.0.0.1", 9464)
    config.write_text('[metrics]\nlisten = "9464"\n')
    with pytest.raises(Exception, match=r"metrics\.listen"):
        load_settings(config, {})


@pytest.mark.slow
async def test_the_ingest_process_health_names_a_dead_child(
    standin_settings: Settings, feed_server: SampleFeedServer
) -> None:
    repo = await open_repository(standin_settings.database.url)
    ingest = IngestProcess(standin_settings, repo)
    try:
        assert ingest.problem() is None  # not started yet: nothing is due
        await ingest.sync_feeds([FeedConfig(feed_server.feed_url("sample"), "샘플")])
        await ingest.poll_due(dt.datetime.now(dt.UTC))
        pid = ingest.pid
        assert pid is not None and ingest.problem() is None
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            if ingest.problem():
                break
            await asyncio.sleep(0.05)
        assert f"process {pid} exited (code -9)" in (ingest.problem() or "")
    finally:
        await ingest.aclose()
        await repo.close()


async def test_webhook_mode_serves_health_too(
    standin: BotApiStandin, standin_settings: Settings
) -> None:
    hook, metrics_port = free_port(), free_port()
    webhook = WebhookSettings(
        url=f"http://127.0.0.1:{hook}/hook", listen="127.0.0.1", port=hook, secret_token="s-T"
    )
    settings = dataclasses.replace(
        standin_settings,
        telegram=dataclasses.replace(standin_settings.telegram, webhook=webhook),
        metrics=MetricsSettings(f"127.0.0.1:{metrics_port}"),
    )
    base = f"http://127.0.0.1:{metrics_port}"
    async with running_bot(standin, settings), httpx.AsyncClient(base_url=base) as http:
        await standin.wait_until(lambda: standin.webhook_url == webhook.url, what="setWebhook")
        assert (await http.get("/healthz")).text == "ok\n"
        assert "mou_alert_deliveries_total" in (await http.get("/metrics")).text


def test_a_taken_metrics_port_is_reported_with_the_setting() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        loop = asyncio.new_event_loop()
        try:
            with pytest.raises(OSError, match=rf"\[metrics\] listen = 127\.0\.0\.1:{port} cannot"):
                OpsServer(
                    ("127.0.0.1", port),
                    Metrics(),
                    HealthChecks(database=lambda: asyncio.sleep(0), ingest=lambda: None),
                    lambda: asyncio.sleep(0),
                    loop,
                )
        finally:
            loop.close()
