"""Per-chat bounds and forged input at the bot (issue 11)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot import replies
from bot.subscribing import subscribe_topics
from subscriptions.models import Topic
from subscriptions.store import SqlRepository, open_repository


@pytest.fixture
async def repo(tmp_path: Path) -> AsyncIterator[SqlRepository]:
    repository = await open_repository(f"sqlite+aiosqlite:///{tmp_path / 'b.db'}")
    yield repository
    await repository.close()


async def test_subscriptions_stop_at_the_per_chat_limit_with_a_clear_reply(
    repo: SqlRepository,
) -> None:
    countries = ["FR", "DE", "JP", "US", "VN"]
    for code in countries:  # one /subscribe each, as the flood did
        await subscribe_topics(repo, 7, [Topic(country=code)], limit=3)
    assert len(await repo.list_subscriptions(7)) == 3
    done = await subscribe_topics(repo, 7, [Topic(country="FR"), Topic(country="CN")], limit=3)
    assert done.already == [Topic(country="FR")] and done.over_limit == [Topic(country="CN")]
    text = replies.subscribe_result("en", [], done.already, [], done.over_limit, 3)
    assert "Not added: 🇨🇳 China. A chat can follow at most 3 topics" in text
    assert not await repo.add_subscription(7, Topic(country="CN"), limit=3)
    assert await repo.add_subscription(8, Topic(country="CN"), limit=3)  # another chat


@pytest.mark.parametrize("data", ["rm:²", "rm:" + "9" * 5000, "rm:٣", "rm:" + "1" * 19])
def test_forged_remove_button_data_is_ignored_not_raised(data: str) -> None:
    assert replies.parse_remove_button(data) is None
