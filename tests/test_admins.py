"""Who may change a chat's settings: anyone in a private chat, a group's administrators, asked
of Telegram once and remembered for a while."""

from __future__ import annotations

from bot.admins import ChatAdmins


class Telegram:
    def __init__(self, statuses: dict[tuple[int, int], str]) -> None:
        self.statuses = statuses
        self.asked: list[tuple[int, int]] = []

    async def status_of(self, chat_id: int, user_id: int) -> str:
        self.asked.append((chat_id, user_id))
        return self.statuses.get((chat_id, user_id), "member")


async def test_groups_need_an_administrator_and_the_answer_is_cached() -> None:
    now = [0.0]
    admins = ChatAdmins(ttl=60, clock=lambda: now[0])
    tg = Telegram({(-1, 7): "administrator", (-1, 8): "creator"})
    assert await admins.may_change(5, "private", 5, tg.status_of)
    assert await admins.may_change(-1, "supergroup", 7, tg.status_of)
    assert await admins.may_change(-1, "group", 8, tg.status_of)
    assert not await admins.may_change(-1, "group", 9, tg.status_of)
    assert not await admins.may_change(-1, "group", None, tg.status_of)
    assert await admins.may_change(-1, "group", 9, tg.status_of, sender_chat_id=-1)  # anonymous
    assert len(tg.asked) == 3
    tg.statuses[(-1, 7)] = "member"  # demoted: known within the cache's lifetime
    assert await admins.may_change(-1, "group", 7, tg.status_of)
    now[0] = 61.0
    assert not await admins.may_change(-1, "group", 7, tg.status_of)
    admins.forget(-1)
    assert not await admins.may_change(-1, "group", 9, tg.status_of)
    assert len(tg.asked) == 5


async def test_the_cache_is_bounded() -> None:
    admins = ChatAdmins(size=3)
    tg = Telegram({})
    for user in range(10):
        await admins.may_change(-1, "group", user, tg.status_of)
    assert len(admins._cache) == 3
