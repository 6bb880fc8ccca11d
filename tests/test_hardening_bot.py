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
    text = replies.subscribe_result("en", [], done.already, [], over_limit=done.over_limit, limit=3)
    assert "Not added: 🇨🇳 China. A chat can follow at most 3 topics" in text
    assert not await repo.add_subscription(7, Topic(country="CN"), limit=3)
    assert await repo.add_subscription(8, Topic(country="CN"), limit=3)  # another chat


@pytest.mark.parametrize("data", ["rm:²", "rm:" + "9" * 5000, "rm:٣", "rm:" + "1" * 19])
def test_forged_remove_button_data_is_ignored_not_raised(data: str) -> None:
    assert replies.parse_remove_button(data) is None


def test_the_token_is_redacted_in_its_encoded_forms_in_every_logger(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A Bot API server answered with the URL-encoded request path in its body."""
    import base64
    import logging

    from bot.app import token_redacted

    token = "123456:ABCdef-ghi_JKLmno"
    forms = [
        "123456%3AABCdef-ghi_JKLmno",
        "123456%3aABCdef-ghi_JKLmno",
        "123456%253AABCdef-ghi_JKLmno",
        "123456\\u003aABCdef-ghi_JKLmno",
        "123456&#58;ABCdef-ghi_JKLmno",
        base64.b64encode(token.encode()).decode(),
    ]
    with caplog.at_level(logging.DEBUG), token_redacted(token):
        for i, form in enumerate(forms):
            logging.getLogger(f"telegram.ext.x{i}").error("Bad Request: /bot%s/sendMessage", form)
        try:
            raise RuntimeError(f"answer body: /bot{forms[0]}/getMe")
        except RuntimeError:
            logging.getLogger("apscheduler").exception("job failed")
    assert "ABCdef" not in caplog.text and "JKLmno" not in caplog.text
    assert "MTIzNDU2OkFCQ2RlZi1naGlfSktMbW5v"[:20] not in caplog.text
    assert caplog.text.count("<token>") == len(forms) + 1
