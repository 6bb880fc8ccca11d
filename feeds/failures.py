"""What the operator reads about failing feeds: one WARNING when a feed starts failing, with the
reason in words (and the setting that changes it, where there is one), one INFO when it
recovers, and nothing in between, however many cycles it keeps failing."""

from __future__ import annotations

import logging

from subscriptions.models import Feed

log = logging.getLogger("feeds.pipeline")


class FailureLog:
    """Remembers which feeds this process has reported failing; one per poller."""

    def __init__(self) -> None:
        self._failing: set[int] = set()

    @property
    def failing(self) -> frozenset[int]:
        return frozenset(self._failing)

    def failed(self, feed: Feed, error: str) -> None:
        if feed.id in self._failing:
            log.debug("feed %s <%s> still failing: %s", feed.name, feed.url, error)
            return
        self._failing.add(feed.id)
        log.warning("feed %s <%s> is failing: %s", feed.name, feed.url, error)

    def succeeded(self, before: Feed) -> None:
        """``before``: the feed's state as loaded for this refresh."""
        if before.id not in self._failing and before.failing_since is None:
            return
        self._failing.discard(before.id)
        since = f" (failing since {before.failing_since:%Y-%m-%d %H:%M} UTC)"
        log.info(
            "feed %s <%s> recovered%s",
            before.name,
            before.url,
            since if before.failing_since else "",
        )


__all__ = ["FailureLog"]
