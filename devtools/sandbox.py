"""``mou-alert run`` without a token: the whole bot offline, talked to from the terminal.

The Bot API stand-in runs on 127.0.0.1, the sample feeds (``devtools.sample_feed``) are served
locally and publish one article at a time, the real bot runs against both with a throw-away
database, and the person types as a Telegram user in a private chat. See ``docs/sandbox.md``.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import signal
import sys
import tempfile
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TextIO

from core.logs import configure_logging
from core.settings import DatabaseSettings, FeedConfig, Settings, TelegramSettings
from devtools.sample_feed.history import load_history_in_child
from devtools.sample_feed.server import SampleFeedServer
from devtools.standin import BotApiStandin
from devtools.terminal import render_outgoing

SANDBOX_USER_ID = 10001
"""The person at the terminal: a Telegram user in a private chat, and an admin of the bot."""
SANDBOX_POLL_INTERVAL = 2
RELEASE_EVERY = 45.0
"""Seconds between sample articles appearing on their own (``:publish`` releases one now)."""
WAIT_TIMEOUT = 60.0
STARTUP_TIMEOUT = 60.0

Serve = Callable[..., Coroutine[Any, Any, None]]

HELP = """\
Type as a Telegram user: /start, /subscribe France, /subscribe 인공지능, /list,
/summary France 1y, /search 수소, /export France 1y, /subscribe org:삼성전자,
/latest, /mode digest 08:00, /pause 1d, /resume, /lang ko, /feeds, /stats ...
Sandbox commands:
  :N          press button N of the latest message with buttons (e.g. :1)
  :publish    the sample feed publishes its next article now (one appears every {every:.0f} s)
  :wait [N]   wait for N more bot messages (default 1; for scripts piped to stdin)
  :help       this help        /quit, :quit, Ctrl-D or Ctrl-C: leave
"""


def sandbox_settings(
    settings: Settings, api: BotApiStandin, feeds: dict[str, str], data_dir: Path
) -> Settings:
    """The person's settings pointed at the stand-in and the sample feeds, offline."""
    return dataclasses.replace(
        settings,
        telegram=TelegramSettings(
            token=api.token,
            base_url=api.base_url,
            admins=(*settings.telegram.admins, SANDBOX_USER_ID),
        ),
        database=DatabaseSettings(f"sqlite+aiosqlite:///{data_dir / 'sandbox.db'}"),
        schedule=dataclasses.replace(
            settings.schedule, adaptive=False, poll_interval=SANDBOX_POLL_INTERVAL
        ),
        fetch=dataclasses.replace(settings.fetch, allow_private_addresses=True),
        feeds=tuple(FeedConfig(url, name) for url, name in feeds.items()),
        source=f"{settings.source} (sandbox)",
    )


class TerminalChat:
    """The person's side of one private chat: lines in, bot messages out."""

    def __init__(
        self,
        api: BotApiStandin,
        feed: SampleFeedServer,
        out: TextIO,
        *,
        language_code: str = "en",
        color: bool = False,
        echo: bool = False,
    ) -> None:
        self.api = api
        self.feed = feed
        self.out = out
        self.language_code = language_code
        self.color = color
        self.echo = echo
        self.chat_id = SANDBOX_USER_ID
        self._mark = 0
        """How many bot messages (and uploads) there were when the person last did
        something."""

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    async def show_bot_messages(self) -> None:
        async for item in self.api.watch(self.chat_id):
            self.say(render_outgoing(item, color=self.color))

    async def handle(self, line: str) -> bool:
        """One line typed by the person; False when they want to leave."""
        line = line.strip()
        if not line:
            return True
        if self.echo:
            self.say(f"you: {line}")
        if line in {"/quit", ":quit", ":q"}:
            return False
        if line.startswith(":"):
            await self._sandbox_command(line[1:].strip())
            return True
        self._mark = self._received()
        self.api.user_sends(self.chat_id, line, first_name="You", language_code=self.language_code)
        return True

    async def _sandbox_command(self, command: str) -> None:
        word, _, rest = command.partition(" ")
        if word.isdigit():
            self._press(int(word))
        elif word == "publish":
            self._mark = self._received()
            released = self.feed.release()
            self.say(f"(feed) published: {released[0].title}" if released else "(feed) no more")
        elif word == "wait":
            await self._wait(int(rest) if rest.strip().isdigit() else 1)
        elif word == "help":
            self.say(HELP.format(every=RELEASE_EVERY))
        else:
            self.say(f"(sandbox) unknown command :{word}; :help lists them")

    def _press(self, number: int) -> None:
        with_buttons = [m for m in self.api.messages(self.chat_id) if m.buttons]
        if not with_buttons:
            self.say("(sandbox) no message with buttons yet")
            return
        latest = with_buttons[-1]
        button = next((b for b in latest.buttons if b.number == number), None)
        if button is None or button.callback_data is None:
            hint = "a link: open it in a browser" if button else f"no button {number}"
            self.say(f"(sandbox) {hint}")
            return
        self._mark = self._received()
        query_id = self.api.press_button(self.chat_id, latest.message_id, button.callback_data)
        asyncio.get_running_loop().create_task(self._show_answer(query_id))

    async def _show_answer(self, query_id: str) -> None:
        answers = self.api.callback_answers
        with contextlib.suppress(TimeoutError):
            await self.api.wait_until(lambda: query_id in answers, 10)
            if answers[query_id].get("text"):
                self.say(f"bot (notice): {answers[query_id]['text']}")

    def _received(self) -> int:
        """Messages sent or edited, photos and documents: what ``:wait`` counts."""
        return len(self.api.messages(self.chat_id)) + len(self.api.uploads(self.chat_id))

    async def _wait(self, count: int) -> None:
        target = self._mark + count
        try:
            await self.api.wait_until(
                lambda: self._received() >= target, WAIT_TIMEOUT, what="bot messages"
            )
        except TimeoutError:
            self.say(f"(sandbox) nothing more after {WAIT_TIMEOUT:.0f} s")
        self._mark = self._received()


async def _until_first(bot: asyncio.Task[None], *aws: Awaitable[object]) -> None:
    """Wait for the first of ``aws`` or the bot task to finish; cancel the rest of ``aws``
    (never the bot: it is stopped through its event)."""
    tasks = [asyncio.ensure_future(a) for a in aws]
    try:
        await asyncio.wait([bot, *tasks], return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()


async def run_chat(
    settings: Settings,
    lines: AsyncIterator[str],
    out: TextIO,
    *,
    data_dir: Path,
    serve: Serve | None = None,
    quit_event: asyncio.Event | None = None,
    language_code: str = "en",
    color: bool = False,
    echo: bool = False,
    release_every: float | None = RELEASE_EVERY,
    history: bool = True,
) -> int:
    """Run the sandbox until the lines end, ``/quit`` or ``quit_event``; 0 unless the bot
    failed to start or crashed."""
    if serve is None:
        from bot.app import serve as app_serve

        serve = app_serve
    quit_event = quit_event or asyncio.Event()
    feed = SampleFeedServer(visible=0, release_every=release_every).start()
    try:
        async with BotApiStandin() as api:
            chat = TerminalChat(api, feed, out, language_code=language_code, color=color, echo=echo)
            stop = asyncio.Event()
            offline = sandbox_settings(settings, api, feed.feed_urls(), data_dir)
            if history:
                chat.say("(sandbox) storing the sample history for /summary, /search, /export ...")
                if not await asyncio.to_thread(load_history_in_child, offline.database.url):
                    chat.say("(sandbox) the sample history could not be stored; starting without")
            bot = asyncio.create_task(serve(offline, stop=stop))
            printer = asyncio.create_task(chat.show_bot_messages())
            chat.say(
                "mou-alert sandbox: no Telegram token, so the bot talks to a local stand-in.\n"
                "Nothing is kept: the database is thrown away when you leave."
            )
            polling = api.wait_until(
                lambda: api.stats.requests["getupdates"] > 0, STARTUP_TIMEOUT, what="the bot"
            )
            await _until_first(bot, polling, quit_event.wait())
            if not bot.done() and not quit_event.is_set():
                chat.say(HELP.format(every=release_every or RELEASE_EVERY))
                await _until_first(bot, _read(chat, lines), quit_event.wait())
            stop.set()
            failed = await _finish(bot, chat)
            await asyncio.sleep(0.1)  # let the last replies reach the terminal
            printer.cancel()
            return 1 if failed else 0
    finally:
        feed.stop()


async def _read(chat: TerminalChat, lines: AsyncIterator[str]) -> None:
    async for line in lines:
        if not await chat.handle(line):
            return


async def _finish(bot: asyncio.Task[None], chat: TerminalChat) -> bool:
    """Wait for the bot to stop; True (and a message) when it failed."""
    try:
        await asyncio.wait_for(asyncio.shield(bot), 30)
    except TimeoutError:
        chat.say("(sandbox) the bot did not stop within 30 s; leaving anyway")
        bot.cancel()
        return True
    except Exception as exc:  # the bot crashed: say so plainly, no traceback to the person
        logging.getLogger(__name__).debug("bot failed", exc_info=True)
        chat.say(f"(sandbox) the bot stopped with an error: {type(exc).__name__}: {exc}")
        return True
    return False


async def stdin_lines(stream: TextIO) -> AsyncIterator[str]:
    """Lines from ``stream`` read on a daemon thread, so the event loop never blocks and an
    unfinished read never holds up the exit."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def reader() -> None:
        try:
            for line in iter(stream.readline, ""):
                loop.call_soon_threadsafe(queue.put_nowait, line)
        except (OSError, ValueError, RuntimeError):
            pass  # the stream or the loop closed under us
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(queue.put_nowait, None)

    threading.Thread(target=reader, name="sandbox-stdin", daemon=True).start()
    while (line := await queue.get()) is not None:
        yield line


def language_from_environment(environ: dict[str, str] | os._Environ[str]) -> str:
    lang = environ.get("LC_ALL") or environ.get("LC_MESSAGES") or environ.get("LANG") or ""
    return "ko" if lang.lower().startswith("ko") else "en"


async def _main(settings: Settings, data_dir: Path) -> int:
    quit_event = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, quit_event.set)
    interactive = sys.stdin.isatty()
    return await run_chat(
        settings,
        stdin_lines(sys.stdin),
        sys.stdout,
        data_dir=data_dir,
        quit_event=quit_event,
        language_code=language_from_environment(os.environ),
        color=sys.stdout.isatty() and "NO_COLOR" not in os.environ,
        echo=not interactive,
    )


def run_sandbox(settings: Settings) -> int:
    """``mou-alert run`` with no token. Exit status 0 after Ctrl-D, Ctrl-C or ``/quit``."""
    if "MOU_ALERT_LOG_LEVEL" not in os.environ:  # the terminal belongs to the chat
        # In the settings, so that the ingest process is quiet too.
        quiet = dataclasses.replace(settings.logging, level="WARNING")
        settings = dataclasses.replace(settings, logging=quiet)
        configure_logging(quiet)
        logging.getLogger("apscheduler").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="mou-alert-sandbox-") as tmp:
        return asyncio.run(_main(settings, Path(tmp)))
