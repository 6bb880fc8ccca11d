"""Who may change a group's settings: its administrators, as Telegram's ``getChatMember`` says,
remembered for a short while so that a busy group does not cost one API call per command."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from telegram import ChatMember

ADMIN_STATUSES = frozenset({ChatMember.ADMINISTRATOR, ChatMember.OWNER})
GROUP_TYPES = frozenset({"group", "supergroup"})
CACHE_SECONDS = 60.0
"""A demoted administrator keeps the right this long at most."""
CACHE_SIZE = 10_000

StatusOf = Callable[[int, int], Awaitable[str]]
"""``(chat_id, user_id) -> status`` (``bot.get_chat_member(...).status``)."""


class ChatAdmins:
    """Answers "may this person change this chat's settings?"; one per running bot."""

    def __init__(
        self,
        ttl: float = CACHE_SECONDS,
        size: int = CACHE_SIZE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.size = size
        self.clock = clock
        self._cache: OrderedDict[tuple[int, int], tuple[float, bool]] = OrderedDict()

    async def may_change(
        self,
        chat_id: int,
        chat_type: str,
        user_id: int | None,
        status_of: StatusOf,
        *,
        sender_chat_id: int | None = None,
    ) -> bool:
        """Anyone in a private chat; in a group or supergroup its administrators only (an
        anonymous administrator writes as the group itself)."""
        if chat_type not in GROUP_TYPES:
            return True
        if sender_chat_id == chat_id:
            return True
        if user_id is None:
            return False
        key = (chat_id, user_id)
        now = self.clock()
        cached = self._cache.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        allowed = await status_of(chat_id, user_id) in ADMIN_STATUSES
        self._cache[key] = (now + self.ttl, allowed)
        self._cache.move_to_end(key)
        while len(self._cache) > self.size:
            self._cache.popitem(last=False)
        return allowed

    def forget(self, chat_id: int) -> None:
        """Drop what is known of ``chat_id`` (it migrated, or the bot left it)."""
        for key in [k for k in self._cache if k[0] == chat_id]:
            del self._cache[key]
