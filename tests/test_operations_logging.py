"""What the operator reads: `[logging]` (level, text or JSON), the libraries' chatter kept
down, and one WARNING (with the reason and the setting that changes it) when a feed starts
failing, one INFO when it recovers, nothing per cycle in between."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fixtures.feeds.httpserver import LocalServer, Reply

from core.logs import configure_logging
from core.settings import FetchSettings, LoggingSettings, Settings, load_settings
from devtools.standin import BotApiStandin
from extractors.extractor import Extractor
from feeds.cli import cmd_poll_once
from feeds.fetch import make_client
from feeds.pipeline import Poller
from subscriptions.store import SqlRepository, open_repository

SETTING = "allow_private_addresses = true"
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name in ("apscheduler", "httpx", "httpcore", "aiosqlite"):
        logging.getLogger(name).setLevel(logging.NOTSET)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


@pytest.fixture
async def repo(tmp_path: Path) -> AsyncIterator[SqlRepository]:
    repository = await open_repository(f"sqlite+aiosqlite:///{tmp_path / 'ops.db'}")
    yield repository
    await repository.close()


async def poller_for(repo: SqlRepository, allow_private: bool) -> tuple[Poller, httpx.AsyncClient]:
    settings = Settings(fetch=FetchSettings(timeout=2.0, allow_private_addresses=allow_private))
    client = make_client(settings.fetch)
    return Poller(repo, client, settings, extractor=Extractor(num_workers=1)), client


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


async def test_a_loopback_feed_warns_once_naming_the_setting_over_many_cycles(
    server: LocalServer, repo: SqlRepository, caplog: pytest.LogCaptureFixture
) -> None:
    url = server.route("/rss", Reply(200, RSS))
    await repo.upsert_feed(url, "로컬")
    poller, client = await poller_for(repo, allow_private=False)
    caplog.set_level(logging.INFO)
    try:
        attempts = 0
        for hours in range(0, 48, 4):  # every cycle finds it due again (backoff below 4 h)
            report = await poller.poll_due(NOW + dt.timedelta(hours=hours))
            attempts += len(report.errors)
    finally:
        poller.close()
        await client.aclose()
    assert attempts >= 6
    [warning] = warnings_of(caplog)
    assert "127.0.0.1 is a loopback address" in warning and SETTING in warning
    assert server.requests == []  # never requested
    cycles = [r for r in caplog.records if r.getMessage().startswith("poll cycle")]
    assert len(cycles) == attempts and all(r.levelno == logging.INFO for r in cycles)


async def test_a_feed_that_recovers_says_so_once_and_warns_again_when_it_fails_again(
    server: LocalServer, repo: SqlRepository, caplog: pytest.LogCaptureFixture
) -> None:
    replies = iter([Reply(500, b"x"), Reply(500, b"x"), Reply(200, RSS), Reply(200, RSS)])
    last = [Reply(503, b"x")]
    url = server.route("/rss", lambda _seen: next(replies, last[0]))
    await repo.upsert_feed(url, "흔들리는 피드")
    poller, client = await poller_for(repo, allow_private=True)
    caplog.set_level(logging.INFO)
    try:
        for day in range(6):
            await poller.poll_due(NOW + dt.timedelta(days=day))
    finally:
        poller.close()
        await client.aclose()
    warnings = warnings_of(caplog)
    assert len(warnings) == 2
    assert "HTTP 500" in warnings[0] and "HTTP 503" in warnings[1]
    recovered = [r.getMessage() for r in caplog.records if "recovered" in r.getMessage()]
    assert len(recovered) == 1 and "failing since" in recovered[0]


def test_poll_once_prints_the_reason_of_each_failing_feed(
    server: LocalServer, tmp_path: Path
) -> None:
    url = server.route("/rss", Reply(200, RSS))
    config = tmp_path / "c.toml"
    config.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "p.db"}"\n'
        f'[[feeds]]\nurl = "{url}"\nname = "로컬"\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    assert cmd_poll_once(load_settings(config, {}), out) == 1
    assert f"Failed: 로컬 <{url}>: 127.0.0.1 is a loopback address; set [fetch] {SETTING}" in (
        out.getvalue()
    )


def test_library_chatter_stays_at_warning_unless_debug() -> None:
    out = io.StringIO()
    configure_logging(LoggingSettings(level="INFO"), out)
    logging.getLogger("apscheduler.executors.default").info("Running job")
    logging.getLogger("httpx").info("HTTP Request: GET")
    logging.getLogger("feeds.pipeline").info("poll cycle: 1 feeds checked")
    assert out.getvalue().count("\n") == 1 and "poll cycle" in out.getvalue()

    debug = io.StringIO()
    configure_logging(LoggingSettings(level="DEBUG"), debug)
    logging.getLogger("apscheduler.executors.default").info("Running job")
    logging.getLogger("httpx").debug("HTTP Request: GET")
    assert "Running job" in debug.getvalue() and "HTTP Request" in debug.getvalue()


def test_json_lines_carry_level_logger_message_and_traceback() -> None:
    out = io.StringIO()
    configure_logging(LoggingSettings(level="INFO", format="json"), out)
    logging.getLogger("feeds.pipeline").warning("feed %s is failing: %s", "x", "오류")
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("bot.app").exception("stopped")
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["level"] == "WARNING" and first["logger"] == "feeds.pipeline"
    assert first["message"] == "feed x is failing: 오류"
    assert dt.datetime.fromisoformat(first["time"]).tzinfo is not None
    assert "ValueError: boom" in second["exception"]


def test_logging_settings_are_checked(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[logging]\nlevel = "debug"\nformat = "json"\n')
    s = load_settings(config, {})
    assert (s.logging.level, s.logging.format) == ("DEBUG", "json")
    assert load_settings(config, {"MOU_ALERT_LOG_LEVEL": "warning"}).logging.level == "WARNING"
    config.write_text('[logging]\nlevel = "LOUD"\nformat = "xml"\n')
    with pytest.raises(Exception) as err:
        load_settings(config, {})
    assert "logging.level" in str(err.value) and "logging.format" in str(err.value)


@pytest.mark.slow
async def test_mou_alert_run_warns_once_about_a_loopback_feed(
    standin: BotApiStandin, server: LocalServer, tmp_path: Path
) -> None:
    """The bar at a smaller scale: `mou-alert run` (its ingest process too), poll_interval 1
    instead of 5, until four failing cycles (the feed's backoff: 1, 2, 4 s) have passed."""
    url = server.route("/rss", Reply(200, RSS))
    config = tmp_path / "c.toml"
    config.write_text(
        f'[telegram]\ntoken = "{standin.token}"\nbase_url = "{standin.base_url}"\n'
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "run.db"}"\n'
        "[schedule]\npoll_interval = 1\nadaptive = false\n"
        f'[[feeds]]\nurl = "{url}"\nname = "로컬"\n',
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("MOU_ALERT_LOG_LEVEL",)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", "--config", str(config),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, env=env,
    )  # fmt: skip
    assert proc.stdout is not None
    lines: list[str] = []
    failed: list[str] = []
    cycle = "poll cycle: 1 feeds checked (0 unchanged, 1 failed)"
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 90  # the ingest process's start is slow on a busy machine
    try:
        while len(failed) < 4 and loop.time() < deadline:
            line = await asyncio.wait_for(proc.stdout.readline(), deadline - loop.time())
            if not line:
                break
            lines.append(line.decode().rstrip("\n"))
            failed += [lines[-1]] if cycle in lines[-1] else []
    finally:
        proc.terminate()
        rest, _ = await asyncio.wait_for(proc.communicate(), 60)
    lines += rest.decode().splitlines()
    output = "\n".join(lines)
    warnings = [line for line in lines if " WARNING " in line]
    assert len(failed) >= 4, output
    assert len(warnings) == 1 and SETTING in warnings[0], warnings
    assert not [line for line in lines if "apscheduler" in line and " INFO " in line]
    assert proc.returncode == 0
