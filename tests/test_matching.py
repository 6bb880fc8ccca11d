"""The pure matching rule: each chat at most once, inactive chats never, combinations need
both parts. (tests/test_storage_repository.py holds the SQL version to the same answers.)"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from subscriptions.matching import active_ids, matching_chats
from subscriptions.models import Chat, Subscription, Topic


def sub(
    i: int, chat_id: int, country: str | None = None, sector: str | None = None
) -> Subscription:
    return Subscription(id=i, chat_id=chat_id, topic=Topic(country, sector))


SUBS = [
    sub(1, 10, "FR"),
    sub(2, 10, sector="ai"),
    sub(3, 10, "FR", "ai"),
    sub(4, 20, "FR", "bio_health"),
    sub(5, 30, "DE", "ai"),
    sub(6, 40, sector="ai"),
    sub(7, 50, "FR"),
]
ALL = {10, 20, 30, 40, 50}


def test_each_chat_once_however_many_subscriptions_match() -> None:
    assert matching_chats(("FR",), ("ai",), SUBS, ALL) == [10, 40, 50]


def test_combination_needs_both_parts() -> None:
    assert 20 not in matching_chats(("FR",), ("ai",), SUBS, ALL)
    assert 20 in matching_chats(("FR", "DE"), ("bio_health",), SUBS, ALL)
    assert 30 not in matching_chats(("FR",), ("ai",), SUBS, ALL)
    assert 30 in matching_chats(("DE",), ("ai", "energy"), SUBS, ALL)


def test_inactive_chats_never_match() -> None:
    assert matching_chats(("FR",), ("ai",), SUBS, ALL - {10, 50}) == [40]
    chats = [Chat(10), Chat(20, active=False)]
    assert active_ids(chats) == {10}


def test_nothing_extracted_matches_nothing() -> None:
    assert matching_chats((), (), SUBS, ALL) == []
    assert matching_chats(("JP",), ("robotics",), SUBS, ALL) == []
    assert matching_chats(("FR",), ("ai",), [sub(9, 10)], ALL) == []  # an empty topic


codes = st.sampled_from(["FR", "DE", "US"])
sectors = st.sampled_from(["ai", "energy"])
topics = st.builds(Topic, st.none() | codes, st.none() | sectors)


@given(
    st.lists(st.tuples(st.integers(1, 6), topics), max_size=20),
    st.lists(codes, max_size=2),
    st.lists(sectors, max_size=2),
    st.sets(st.integers(1, 6)),
)
def test_matches_exactly_the_chats_with_a_matching_active_subscription(
    pairs: list[tuple[int, Topic]],
    found_countries: list[str],
    found_sectors: list[str],
    active: set[int],
) -> None:
    subs = [Subscription(i, chat_id, topic) for i, (chat_id, topic) in enumerate(pairs)]
    result = matching_chats(found_countries, found_sectors, subs, active)
    assert len(result) == len(set(result))
    expected = {
        s.chat_id
        for s in subs
        if s.chat_id in active
        and (s.topic.country or s.topic.sector)
        and (s.topic.country is None or s.topic.country in found_countries)
        and (s.topic.sector is None or s.topic.sector in found_sectors)
    }
    assert set(result) == expected
