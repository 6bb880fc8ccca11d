"""Bot API errors, worded exactly as Telegram words them (``description`` and HTTP status)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ApiError(Exception):
    """One failed Bot API call: becomes ``{"ok": false, "error_code": ..., ...}``."""

    error_code: int
    description: str
    parameters: dict[str, Any] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = dict(self.parameters)
        return body

    @property
    def retry_after(self) -> int | None:
        value = self.parameters.get("retry_after")
        return int(value) if value is not None else None

    # --- the errors the bot has to handle, as Telegram sends them ----------------------------
    @classmethod
    def too_many_requests(cls, retry_after: int) -> ApiError:
        return cls(
            429,
            f"Too Many Requests: retry after {retry_after}",
            {"retry_after": retry_after},
        )

    @classmethod
    def blocked(cls) -> ApiError:
        return cls(403, "Forbidden: bot was blocked by the user")

    @classmethod
    def kicked(cls, chat_type: str) -> ApiError:
        kind = "supergroup chat" if chat_type == "supergroup" else "group chat"
        if chat_type == "channel":
            kind = "channel chat"
        return cls(403, f"Forbidden: bot was kicked from the {kind}")

    @classmethod
    def chat_not_found(cls) -> ApiError:
        return cls(400, "Bad Request: chat not found")

    @classmethod
    def migrated(cls, new_chat_id: int) -> ApiError:
        return cls(
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            {"migrate_to_chat_id": new_chat_id},
        )

    @classmethod
    def bad_request(cls, what: str) -> ApiError:
        return cls(400, f"Bad Request: {what}")

    @classmethod
    def cant_parse_entities(cls, why: str) -> ApiError:
        return cls(400, f"Bad Request: can't parse entities: {why}")

    @classmethod
    def message_too_long(cls) -> ApiError:
        return cls(400, "Bad Request: message is too long")

    @classmethod
    def not_found(cls) -> ApiError:
        return cls(404, "Not Found: method not found")

    @classmethod
    def unauthorized(cls) -> ApiError:
        return cls(401, "Unauthorized")

    @classmethod
    def conflict(cls, why: str) -> ApiError:
        return cls(409, f"Conflict: {why}")

    @classmethod
    def server_error(cls) -> ApiError:
        return cls(500, "Internal Server Error")
