"""The Telegram application, built in one place, and the ways to run it.

``serve`` runs the bot until an event is set (tests, the sandbox and ``run`` use it); ``run`` is
``mou-alert run`` with a token: long polling or a webhook until SIGTERM or Ctrl-C (without a
token, ``bot/cli.py`` starts the offline sandbox from ``devtools`` instead).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot.handlers import register_handlers
from bot.i18n import COMMANDS
from bot.pacing import Pacer
from bot.ratelimit import PacedRateLimiter
from bot.services import SERVICES_KEY, Services
from core.settings import Settings

log = logging.getLogger(__name__)
AnyApp = Application[Any, Any, Any, Any, Any, Any]

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]
RATE_LIMIT_RETRIES = 3
"""Command replies retry a RetryAfter this many times, after the pause Telegram asked for."""
POLL_TIMEOUT = 10
"""Seconds one getUpdates long poll may wait for an update."""
BOOTSTRAP_RETRIES = 5
"""Start-up calls (deleteWebhook/setWebhook) retried this often when the network hiccups."""


def file_url(base_url: str) -> str:
    """The file endpoint beside a Bot API base URL (``.../bot`` -> ``.../file/bot``)."""
    base = base_url.rstrip("/")
    return base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file"


def build_application(settings: Settings) -> AnyApp:
    """The one place the application is put together: Bot API server, rate limiter, the
    JobQueue's time zone, lifecycle hooks and every handler."""
    if not settings.telegram.token:
        raise ValueError("build_application needs telegram.token (no token: the sandbox)")

    async def post_init(app: AnyApp) -> None:
        await start_services(app, settings)

    app = (
        ApplicationBuilder()
        .token(settings.telegram.token)
        .base_url(settings.telegram.base_url)
        .base_file_url(file_url(settings.telegram.base_url))
        .rate_limiter(PacedRateLimiter(Pacer(), max_retries=RATE_LIMIT_RETRIES))
        .defaults(Defaults(tzinfo=settings.schedule.tz))
        .post_init(post_init)
        .post_shutdown(stop_services)
        .build()
    )
    register_handlers(app)
    return app


async def start_services(app: AnyApp, settings: Settings) -> None:
    """``post_init``: the store, feed poller, delivery worker, command menus and jobs."""
    from bot.delivery.worker import DeliveryWorker
    from bot.jobs import schedule_jobs
    from feeds.ingest import IngestProcess
    from subscriptions.store import open_repository

    repo = await open_repository(settings.database.url)
    services = Services(settings=settings, repo=repo)
    app.bot_data[SERVICES_KEY] = services  # from here on, post_shutdown closes what exists
    poller = services.poller = IngestProcess(settings, services.repo)
    await poller.sync_feeds(settings.feeds)
    # Alerts and command replies share one flood budget and each other's 429 pauses.
    limiter = app.bot.rate_limiter
    pacer = limiter.pacer if isinstance(limiter, PacedRateLimiter) else Pacer()
    services.delivery = DeliveryWorker.from_settings(app.bot, services.repo, settings, pacer=pacer)
    await set_commands(app)
    address = settings.metrics.address
    if address is not None:
        from bot.health import start_ops_server
        from bot.metrics import Metrics

        services.metrics = Metrics()
        services.ops = await start_ops_server(
            address, services.metrics, repo, settings.database.url, services.poller
        )
    schedule_jobs(app, services)


async def stop_services(app: AnyApp) -> None:
    """``post_shutdown``: runs after the application stopped (so the jobs, and the sends they
    had in flight, have finished); closes the worker, the poller, the HTTP client, the store."""
    services = app.bot_data.pop(SERVICES_KEY, None)
    if isinstance(services, Services):
        await services.close()


async def set_commands(app: AnyApp) -> None:
    """The command menu, in English by default and in Korean for Korean-speaking users."""
    await app.bot.set_my_commands([BotCommand(name, en) for name, en, _ko in COMMANDS])
    await app.bot.set_my_commands(
        [BotCommand(name, ko) for name, _en, ko in COMMANDS], language_code="ko"
    )


# --- keeping the token out of logs -----------------------------------------------------------


@contextlib.contextmanager
def token_redacted(token: str | None) -> Iterator[None]:
    """While running, every log record (message, arguments and traceback) has the token
    replaced, whichever logger or handler it goes to: httpx and PTB put request URLs, which
    contain the token, into their messages and exceptions."""
    if not token:
        yield
        return
    previous = logging.getLogRecordFactory()
    formatter = logging.Formatter()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        message = record.getMessage()
        if token in message:
            record.msg, record.args = message.replace(token, "<token>"), None
        if record.exc_info and not record.exc_text:
            text = formatter.formatException(record.exc_info)
            if token in text:
                record.exc_text = text.replace(token, "<token>")
        return record

    logging.setLogRecordFactory(factory)
    try:
        yield
    finally:
        logging.setLogRecordFactory(previous)


# --- running ---------------------------------------------------------------------------------


async def serve(settings: Settings, *, stop: asyncio.Event) -> None:
    """Run the bot (long polling, or the webhook when configured) until ``stop`` is set.

    The same order as PTB's ``run_polling``: initialize, post_init, updater, start; then
    updater stop, application stop (waits for running jobs), shutdown, post_shutdown.
    """
    with token_redacted(settings.telegram.token):
        app = build_application(settings)
        try:
            async with app:  # initialize (getMe) ... shutdown
                try:
                    assert app.post_init is not None
                    await app.post_init(app)
                    await _start_updates(app, settings)
                    await app.start()
                    log.info("bot @%s is running", app.bot.username)
                    await stop.wait()
                finally:
                    log.info("stopping: letting jobs and sends in flight finish")
                    if app.updater is not None and app.updater.running:
                        await app.updater.stop()
                    if app.running:
                        await app.stop()
        finally:
            await stop_services(app)


async def _start_updates(app: AnyApp, settings: Settings) -> None:
    assert app.updater is not None
    webhook = settings.telegram.webhook
    if webhook is None:
        await app.updater.start_polling(
            timeout=POLL_TIMEOUT,
            allowed_updates=ALLOWED_UPDATES,
            bootstrap_retries=BOOTSTRAP_RETRIES,
        )
        return
    await app.updater.start_webhook(
        listen=webhook.listen,
        port=webhook.port,
        url_path=urlsplit(webhook.url).path.lstrip("/"),
        webhook_url=webhook.url,
        secret_token=webhook.secret_token,
        allowed_updates=ALLOWED_UPDATES,
        bootstrap_retries=BOOTSTRAP_RETRIES,
    )


async def _serve_until_signal(settings: Settings) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        with token_redacted(settings.telegram.token):
            try:
                await serve(settings, stop=stop)
            except InvalidToken:
                log.error("Telegram rejected the bot token; check telegram.token")
                return 1
            except TelegramError as exc:
                log.error("could not start the bot: %s", exc)
                return 1
            except Exception:
                log.exception("the bot stopped on an error")
                return 1
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    log.info("stopped cleanly")
    return 0


def run(settings: Settings) -> int:
    """``mou-alert run`` with a token: the real bot until a signal."""
    return asyncio.run(_serve_until_signal(settings))
