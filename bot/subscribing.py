"""Adding topics to a chat under ``[limits] subscriptions_per_chat``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from subscriptions.models import Topic
from subscriptions.repository import Repository


@dataclass
class Subscribed:
    added: list[Topic] = field(default_factory=list)
    already: list[Topic] = field(default_factory=list)
    over_limit: list[Topic] = field(default_factory=list)
    """Not added: the chat follows ``limit`` topics already."""


async def subscribe_topics(
    repo: Repository,
    chat_id: int,
    topics: Sequence[Topic],
    limit: int,
    *,
    international: bool = False,
) -> Subscribed:
    """Each topic added, already followed, or refused at the limit (the repository checks the
    count in the same transaction as the insert). Every path that adds a subscription comes
    through here, so the limit holds for commands and buttons alike."""
    outcome = Subscribed()
    have = {s.topic for s in await repo.list_subscriptions(chat_id)}
    for topic in topics:
        if topic in have:
            outcome.already.append(topic)
        elif await repo.add_subscription(chat_id, topic, limit=limit, international=international):
            outcome.added.append(topic)
            have.add(topic)
        else:
            outcome.over_limit.append(topic)
    return outcome
