"""Logging set up once per process from ``[logging]``: the bot's and the ingest child's alike.

Below DEBUG the libraries' routine chatter is turned down to WARNING: APScheduler logs two lines
for every job run (every two seconds for the delivery job) and httpx one for every request,
which buried the lines an operator needs. At DEBUG everything shows.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import Any, TextIO

from core.settings import LoggingSettings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
CHATTY = ("apscheduler", "httpx", "httpcore", "aiosqlite")
"""Libraries logging per job run, per request or per statement at INFO or DEBUG."""


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, and the
    traceback as ``exception`` when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.processName != "MainProcess":
            entry["process"] = record.processName
        if record.exc_info:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(settings: LoggingSettings, stream: TextIO | None = None) -> None:
    """Replace the root handlers with one writing ``settings.format`` to ``stream`` (stderr)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(
        JsonFormatter() if settings.format == "json" else logging.Formatter(TEXT_FORMAT)
    )
    logging.basicConfig(level=settings.level, handlers=[handler], force=True)
    quiet = logging.getLevelName(settings.level) > logging.DEBUG
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING if quiet else logging.NOTSET)


__all__ = ["JsonFormatter", "configure_logging"]
