"""What handlers and jobs reach through ``context``: created in ``post_init``, closed in
``post_shutdown`` (see ``bot.app``). Handlers never build services themselves."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.admins import ChatAdmins
from core.settings import Settings
from subscriptions.repository import Repository

if TYPE_CHECKING:
    from telegram.ext import Application, CallbackContext

    from bot.delivery.worker import DeliveryWorker
    from bot.health import OpsServer
    from bot.metrics import Metrics
    from feeds.ingest import FeedIngest

SERVICES_KEY = "services"
log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    repo: Repository
    poller: FeedIngest | None = None
    """The feed poller: ``feeds.ingest.IngestProcess`` in the running bot, which fetches and
    extracts in a process of its own."""
    delivery: DeliveryWorker | None = None
    """The outbox worker (``bot.delivery.worker``); ``schedule_jobs`` creates it if absent."""
    admins: ChatAdmins = field(default_factory=ChatAdmins)
    """Who may change a group's settings (its administrators, cached briefly)."""
    resume_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    """Held while a chat's pause ends (``bot.jobs.resume``): /resume and the end of a timed
    pause never both send the held message."""
    metrics: Metrics | None = None
    """Counters and gauges for /metrics when ``[metrics] listen`` is set, else None."""
    ops: OpsServer | None = None
    """The server of /metrics and /healthz, when configured."""

    @property
    def worker(self) -> DeliveryWorker:
        """The outbox worker of a running bot."""
        if self.delivery is None:
            raise RuntimeError("the delivery worker is created in post_init (schedule_jobs)")
        return self.delivery

    async def close(self) -> None:
        """Close everything in reverse order of creation; one failure does not stop the rest."""
        closers: list[tuple[str, Callable[[], Awaitable[None]] | None]] = [
            ("ops", self.ops.aclose if self.ops else None),
            ("delivery", self.delivery.aclose if self.delivery else None),
            ("poller", self.poller.aclose if self.poller else None),
            ("repo", self.repo.close),
        ]
        for name, closer in closers:
            if closer is None:
                continue
            try:
                await closer()
            except Exception:
                log.exception("closing %s failed", name)


def services_of(
    context: CallbackContext[Any, Any, Any, Any] | Application[Any, Any, Any, Any, Any, Any],
) -> Services:
    """The services of the running application (from a handler/job context or the app)."""
    app = getattr(context, "application", context)
    services = app.bot_data.get(SERVICES_KEY)
    if not isinstance(services, Services):
        raise RuntimeError("services are created in post_init; the application is not running")
    return services
