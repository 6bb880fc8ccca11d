"""``BotApiStandin``: the local Bot API server and the control API tests and the sandbox use."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
from collections.abc import AsyncIterator, Callable, Iterable
from types import TracebackType
from typing import Any

import httpx
from aiohttp import web

from devtools.standin import users
from devtools.standin.errors import ApiError
from devtools.standin.faults import Fault
from devtools.standin.http import build_app
from devtools.standin.limits import Limits
from devtools.standin.state import SENDING_METHODS, Outgoing, Stats, StoredMessage, World

DEFAULT_BOT_ID = 7000000001


class BotApiStandin:
    """A Bot API server on 127.0.0.1 for the real python-telegram-bot ``Application``::

        async with BotApiStandin() as api:
            app = Application.builder().token(api.token).base_url(api.base_url).build()
            api.user_sends(42, "/start")
            [welcome] = await api.wait_for_messages(42, 1)

    ``limits=Limits()`` enforces Telegram's sending limits (off by default so functional tests
    are not paced); ``strict_html=False`` lets an unescaped ``&`` through as Telegram does;
    ``clock`` (monotonic seconds) drives the limits and retry_after windows, so a test can
    move time instead of sleeping.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        limits: Limits | None = None,
        strict_html: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token or f"{DEFAULT_BOT_ID}:STANDIN-{secrets.token_hex(12)}"
        self.host = host
        self._port = port
        self._limits = limits
        self._strict_html = strict_html
        self._clock = clock
        self._world: World | None = None
        self._runner: web.AppRunner | None = None
        self._webhook_task: asyncio.Task[None] | None = None

    # --- life cycle --------------------------------------------------------------------------
    async def start(self) -> None:
        self._world = World(
            self.token, limits=self._limits, strict_html=self._strict_html, clock=self._clock
        )
        self._runner = web.AppRunner(build_app(self._world), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self._port)
        await site.start()
        self._port = self._runner.addresses[0][1]
        self._webhook_task = asyncio.create_task(self._push_webhook_updates())

    async def stop(self) -> None:
        if self._world is not None:
            self._world.closing = True
            self._world.updates_changed.notify()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotApiStandin:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def world(self) -> World:
        if self._world is None:
            raise RuntimeError("the stand-in is not started")
        return self._world

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """For ``telegram.base_url`` / ``ApplicationBuilder.base_url`` (token appended)."""
        return f"http://{self.host}:{self._port}/bot"

    @property
    def bot_id(self) -> int:
        return self.world.bot.id

    @property
    def bot_username(self) -> str:
        return self.world.bot.username or ""

    # --- people -----------------------------------------------------------------------------
    def user_sends(self, chat_id: int, text: str, **kwargs: Any) -> int:
        """Queue a message from a user; returns its message_id. Keyword arguments: user_id,
        first_name, username, language_code ("en", "ko", None), chat_type ("private",
        "group", "supergroup"), chat_title, reply_to_message_id."""
        return users.user_sends(self.world, chat_id, text, **kwargs).message_id

    def press_button(
        self,
        chat_id: int,
        message_id: int,
        callback_data: str | None = None,
        *,
        number: int | None = None,
        user_id: int | None = None,
    ) -> str:
        """Press a button (by its callback_data, or its ``number`` from 1); returns the
        callback query id (see :attr:`callback_answers`)."""
        return users.press_button(
            self.world, chat_id, message_id, callback_data, number=number, user_id=user_id
        )

    def member_update(self, chat_id: int, new_status: str, **kwargs: Any) -> int:
        """Queue ``my_chat_member`` (``kicked``, ``left``, ``member``, ``administrator``);
        keyword arguments: old_status, user_id, chat_type, chat_title."""
        return users.member_update(self.world, chat_id, new_status, **kwargs)

    def set_member(self, chat_id: int, user_id: int, status: str) -> None:
        """A person's status in a group, as ``getChatMember`` answers it (``administrator``,
        ``creator``, ``member``: everyone's by default, ``left``, ``kicked``)."""
        users.set_member(self.world, chat_id, user_id, status)

    def block(self, chat_id: int, *, notify: bool = True) -> None:
        """The user blocks the bot (or a group kicks it): sends now fail with 403."""
        self.add_chat(chat_id)
        if notify:
            self.member_update(chat_id, "kicked")
        else:
            self.world.chats[chat_id].blocked = True

    def unblock(self, chat_id: int, *, notify: bool = True) -> None:
        if notify:
            self.member_update(chat_id, "member")
        else:
            self.add_chat(chat_id).blocked = False

    def migrate(self, chat_id: int, new_chat_id: int | None = None, *, notify: bool = True) -> int:
        """Upgrade a group to a supergroup; sends to the old id fail with migrate_to_chat_id."""
        return users.migrate(self.world, chat_id, new_chat_id, notify=notify)

    def add_chat(self, chat_id: int, chat_type: str | None = None, **kwargs: Any) -> Any:
        """Make a chat known without an update (fan-out tests register thousands)."""
        return users.add_chat(self.world, chat_id, chat_type, **kwargs)

    # --- faults and limits -------------------------------------------------------------------
    def fail_next(
        self, method: str, error: Fault, *, times: int = 1, chat_id: int | None = None
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with ``error``: an :class:`ApiError`
        (e.g. ``ApiError.too_many_requests(3)``), ``Delay(s)`` or ``Disconnect()``."""
        self.world.faults.fail_next(method, error, times=times, chat_id=chat_id)

    def flood(
        self,
        share: float,
        *,
        retry_after: int = 1,
        duration: float = 5.0,
        methods: Iterable[str] = SENDING_METHODS,
        seed: int = 0,
    ) -> None:
        """For ``duration`` seconds answer a ``share`` of sending calls with 429."""
        self.world.faults.start_flood(
            share, retry_after=retry_after, duration=duration, methods=methods, seed=seed
        )

    def stop_flood(self) -> None:
        self.world.faults.stop_flood()

    def set_limits(self, limits: Limits | None) -> None:
        """``Limits()`` for Telegram's limits, None for none."""
        self.world.set_limits(limits)

    # --- what happened ----------------------------------------------------------------------
    @property
    def stats(self) -> Stats:
        return self.world.stats

    def messages(self, chat_id: int | None = None) -> list[Outgoing]:
        """What the bot sent and edited (in order), in one chat or all; photos and documents
        are in :meth:`uploads`."""
        if chat_id is None:
            return [o for o in self.world.outgoing if o.upload is None]
        return list(self.world.outgoing_by_chat.get(chat_id, ()))

    def uploads(self, chat_id: int) -> list[Outgoing]:
        """The photos and documents the bot sent to a chat, in order (``Outgoing.upload``)."""
        return list(self.world.uploads_by_chat.get(chat_id, ()))

    async def wait_for_uploads(
        self,
        chat_id: int,
        count: int,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> list[Outgoing]:
        await self.wait_until(
            lambda: len(self.uploads(chat_id)) >= count, timeout, what=f"{count} upload(s)"
        )
        return self.uploads(chat_id)

    def message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        """A message as it stands now (after edits)."""
        return self.world.messages.get((chat_id, message_id))

    @property
    def callback_answers(self) -> dict[str, dict[str, Any]]:
        return self.world.callback_answers

    @property
    def commands(self) -> dict[str, list[tuple[str, str]]]:
        """Default-scope commands by language code ("" for all languages)."""
        return {
            lang: [(c["command"], c["description"]) for c in cmds]
            for (scope, lang), cmds in self.world.commands.items()
            if scope == "default"
        }

    def commands_for(
        self, scope: str = "default", language_code: str = ""
    ) -> list[tuple[str, str]]:
        """Commands of a scope key such as ``chat:42`` or ``all_private_chats``."""
        cmds = self.world.commands.get((scope, language_code), [])
        return [(c["command"], c["description"]) for c in cmds]

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates the bot has not confirmed yet."""
        return list(self.world.updates)

    @property
    def webhook_url(self) -> str:
        return self.world.webhook.url

    async def wait_until(
        self,
        predicate: Callable[[], bool],
        timeout: float = 5.0,  # noqa: ASYNC109 (a deadline for the whole wait, as documented)
        *,
        what: str = "condition",
    ) -> None:
        """Wait for ``predicate()`` to hold, re-checked whenever the bot does something."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            left = deadline - loop.time()
            if left <= 0:
                raise TimeoutError(f"stand-in: timed out after {timeout} s waiting for {what}")
            await self.world.changed.wait(left)

    async def wait_for_messages(
        self,
        chat_id: int,
        count: int,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> list[Outgoing]:
        """Wait until the bot has sent or edited ``count`` times in ``chat_id`` (in total);
        returns them all."""
        try:
            await self.wait_until(
                lambda: len(self.messages(chat_id)) >= count,
                timeout,
                what=f"{count} message(s) in chat {chat_id}",
            )
        except TimeoutError as err:
            got = [m.text[:80] for m in self.messages(chat_id)]
            raise TimeoutError(f"{err}; got {len(got)}: {got}") from None
        return self.messages(chat_id)

    async def wait_for_updates_consumed(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until the bot has confirmed every queued update."""
        await self.wait_until(lambda: not self.world.updates, timeout, what="updates consumed")

    async def watch(self, chat_id: int | None = None) -> AsyncIterator[Outgoing]:
        """Every message the bot sends or edits from now on, as it happens."""
        seen = len(self.world.outgoing)
        while True:
            while seen < len(self.world.outgoing):
                item = self.world.outgoing[seen]
                seen += 1
                if chat_id is None or item.chat_id == chat_id:
                    yield item
            await self.world.outgoing_changed.wait(None)

    # --- webhook mode -----------------------------------------------------------------------
    async def _push_webhook_updates(self) -> None:
        """While a webhook is set, POST queued updates to it one by one, like Telegram."""
        world = self.world
        async with httpx.AsyncClient(timeout=10.0) as client:
            while True:
                if not world.webhook.url or not world.updates:
                    await world.updates_changed.wait(None)
                    continue
                update = world.updates[0]
                headers = {}
                if world.webhook.secret_token:
                    headers["X-Telegram-Bot-Api-Secret-Token"] = world.webhook.secret_token
                try:
                    response = await client.post(world.webhook.url, json=update, headers=headers)
                    delivered = response.is_success
                except httpx.HTTPError:
                    delivered = False
                if delivered and world.updates and world.updates[0] is update:
                    world.updates.pop(0)
                    world.updates_changed.notify()
                    world.changed.notify()
                elif not delivered:
                    await asyncio.sleep(0.2)


__all__ = ["ApiError", "BotApiStandin"]
