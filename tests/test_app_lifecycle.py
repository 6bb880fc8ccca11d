"""How the bot starts, fails and stops: webhook mode, the error handler, the token kept out of
logs, and ``mou-alert run`` stopped by SIGTERM."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import signal
import socket
import sys
from pathlib import Path

import pytest
from bot_support import ask, running_bot

from bot.app import file_url, token_redacted
from core.settings import Settings, TelegramSettings, WebhookSettings
from devtools.standin import BotApiStandin
from devtools.standin.errors import ApiError

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_file_url_sits_beside_the_api_url() -> None:
    assert file_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert file_url("http://127.0.0.1:8081/bot/") == "http://127.0.0.1:8081/file/bot"
    assert file_url("http://proxy.local/tg") == "http://proxy.local/tg/file"


def test_token_is_redacted_from_messages_arguments_and_tracebacks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    token = "123456:SECRET-token"
    log = logging.getLogger("mou-alert.test")
    with caplog.at_level(logging.DEBUG), token_redacted(token):
        log.info("calling https://api.example/bot%s/getMe", token)
        try:
            raise RuntimeError(f"failed at /bot{token}/sendMessage")
        except RuntimeError:
            log.exception("request failed")
    assert "SECRET" not in caplog.text
    assert "/bot<token>/getMe" in caplog.text and "/bot<token>/sendMessage" in caplog.text
    log.warning("after: %s", token)  # outside the block nothing is changed any more
    assert caplog.records[-1].getMessage().endswith(token)


async def test_a_failing_handler_gets_a_generic_reply_and_a_log_line(
    standin: BotApiStandin, standin_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with running_bot(standin, standin_settings):
        await ask(standin, 5, "/start", language_code="ko")
        standin.fail_next("sendMessage", ApiError.bad_request("something odd"), chat_id=5)
        before = len(standin.messages(5))
        standin.user_sends(5, "/help")
        [apology] = (await standin.wait_for_messages(5, before + 1))[before:]
        assert apology.text == "죄송합니다. 처리 중 문제가 생겼습니다. 잠시 후 다시 시도해 주세요."
        later = await ask(standin, 5, "/help")  # and the bot carries on
        assert later.text.startswith("명령어")
    assert "error while handling an update" in caplog.text
    assert "omething odd" in caplog.text  # PTB capitalises Telegram's description
    token_secret = standin.token.split(":", 1)[1]
    bot_records = [r for r in caplog.records if not r.name.startswith("aiohttp")]
    assert bot_records and not any(token_secret in r.getMessage() for r in bot_records)
    assert not any(token_secret in (r.exc_text or "") for r in bot_records)


async def test_webhook_mode(standin: BotApiStandin, standin_settings: Settings) -> None:
    port = free_port()
    webhook = WebhookSettings(
        url=f"http://127.0.0.1:{port}/mou-alert/hook",
        listen="127.0.0.1",
        port=port,
        secret_token="s3cret-Token",
    )
    telegram = dataclasses.replace(standin_settings.telegram, webhook=webhook)
    settings = dataclasses.replace(standin_settings, telegram=telegram)
    async with running_bot(standin, settings):
        await standin.wait_until(lambda: standin.webhook_url == webhook.url, what="setWebhook")
        welcome = await ask(standin, 77, "/start")
        assert welcome.text.startswith("MOU Alert")
    assert standin.webhook_url == webhook.url  # left registered for the next start


async def test_mou_alert_run_stops_cleanly_on_sigterm(
    standin: BotApiStandin, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\nbase_url = "{standin.base_url}"\n'
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "bot.db"}"\n'
        "[schedule]\npoll_interval = 1\nadaptive = false\n"
    )
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": standin.token, "MOU_ALERT_LOG_LEVEL": "DEBUG"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", "--config", str(config),
        cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        await standin.wait_until(lambda: "ko" in standin.commands, 30, what="bot start")
        welcome = await ask(standin, 88, "/start")
        assert welcome.text.startswith("MOU Alert")
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = await asyncio.wait_for(proc.communicate(), 30)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    output = (stdout + stderr).decode()
    assert proc.returncode == 0, output[-3000:]
    assert "stopped cleanly" in output
    assert standin.token.split(":", 1)[1] not in output


async def test_a_rejected_token_exits_with_status_1(standin: BotApiStandin, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\nbase_url = "{standin.base_url}"\n'
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "bot.db"}"\n'
    )
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "999:WRONG-token-value"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", "--config", str(config),
        cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _stdout, stderr = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 1
    text = stderr.decode()
    assert "Telegram rejected the bot token" in text and "WRONG-token-value" not in text


def test_settings_without_a_token_cannot_build_the_application() -> None:
    from bot.app import build_application

    with pytest.raises(ValueError, match="sandbox"):
        build_application(Settings(telegram=TelegramSettings(token=None)))


async def test_a_database_that_cannot_open_exits_with_status_1(
    standin: BotApiStandin, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the database folder should be")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\nbase_url = "{standin.base_url}"\n'
        f'[database]\nurl = "sqlite+aiosqlite:///{blocker / "bot.db"}"\n'
    )
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": standin.token}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", "--config", str(config),
        cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _stdout, stderr = await asyncio.wait_for(proc.communicate(), 60)
    text = stderr.decode()
    assert proc.returncode == 1, text[-2000:]
    assert "the bot stopped on an error" in text
    assert standin.token.split(":", 1)[1] not in text
