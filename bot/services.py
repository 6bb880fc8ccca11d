"""What handlers and jobs reach through ``context``: created in ``post_init``, closed in
``post_shutdown`` (see ``bot.app``). Handlers never build services themselves."""

from __future__ import annotations

import asyncio
import inspect
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.admins import ChatAdmins
from core.settings import Settings
from subscriptions.repository import Repository

if TYPE_CHECKING:
    from telegram.ext import Application, CallbackContext

SERVICES_KEY = "services"
log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    repo: Repository
    poller: Any = None
    """The feed poller (``poll_due``, ``sync_feeds``): ``bot.ingest.IngestProcess`` in the
    running bot, which fetches and extracts in a process of its own."""
    delivery: Any = None
    """``bot.delivery`` outbox worker."""
    admins: ChatAdmins = field(default_factory=ChatAdmins)
    """Who may change a group's settings (its administrators, cached briefly)."""
    extras: dict[str, Any] = field(default_factory=dict)

    async def close(self) -> None:
        """Close everything in reverse order of creation; one failure does not stop the rest."""
        for name, part in (
            ("delivery", self.delivery),
            ("poller", self.poller),
            ("repo", self.repo),
        ):
            closer = getattr(part, "aclose", None) or getattr(part, "close", None)
            if closer is None:
                continue
            try:
                if inspect.iscoroutinefunction(closer):
                    await closer()
                else:  # e.g. the poller's extraction thread, which may finish a batch first
                    await asyncio.to_thread(closer)
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
