"""What handlers and jobs reach through ``context``: created in ``post_init``, closed in
``post_shutdown`` (see ``bot.app``). Handlers never build services themselves."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.settings import Settings
from subscriptions.repository import Repository

if TYPE_CHECKING:
    from telegram.ext import Application, CallbackContext

SERVICES_KEY = "services"


@dataclass
class Services:
    settings: Settings
    repo: Repository
    poller: Any = None
    """``feeds`` poller (None when no feeds are configured)."""
    delivery: Any = None
    """``bot.delivery`` outbox worker."""
    extras: dict[str, Any] = field(default_factory=dict)


def services_of(
    context: CallbackContext[Any, Any, Any, Any] | Application[Any, Any, Any, Any, Any, Any],
) -> Services:
    """The services of the running application (from a handler/job context or the app)."""
    app = getattr(context, "application", context)
    services = app.bot_data.get(SERVICES_KEY)
    if not isinstance(services, Services):
        raise RuntimeError("services are created in post_init; the application is not running")
    return services
