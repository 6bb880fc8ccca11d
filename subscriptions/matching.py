"""Which chats an MOU alerts: the rule, pure. ``SqlRepository.recipients`` is the same rule in
SQL (three index scans) for countries and sectors, and ``subscriptions.recording`` applies
``Topic.matches`` to organisation and keyword topics; the tests hold them to the same answers."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from subscriptions.models import Chat, Subscription


def matching_chats(
    countries: Iterable[str],
    sectors: Iterable[str],
    subscriptions: Iterable[Subscription],
    active: Collection[int],
    *,
    parties: tuple[tuple[str, ...], ...] = (),
    title: str = "",
    summary: str = "",
) -> list[int]:
    """Chats in ``active`` with at least one subscription the extraction matches, each once,
    in the order of their first matching subscription. A combination (a country AND another
    part) matches only when both parts do; an empty topic matches nothing. Organisations
    match ``parties``; keywords the ``title``, the parties and the ``summary``. An
    international-only subscription skips MOUs without a foreign country."""
    codes = tuple(countries)
    ids = tuple(sectors)
    found: dict[int, None] = {}
    for sub in subscriptions:
        if (
            sub.chat_id in active
            and sub.chat_id not in found
            and sub.wants(codes, ids, parties, title, summary)
        ):
            found[sub.chat_id] = None
    return list(found)


def active_ids(chats: Iterable[Chat]) -> set[int]:
    return {c.id for c in chats if c.active}
