"""The one typed settings object, loaded once in ``main()`` from TOML and the environment."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/mou-alert.db"


class ConfigError(Exception):
    """A config file that cannot be used; ``problems`` lists every reason at once."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"invalid configuration in {source}:\n{lines}")


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    listen: str = "0.0.0.0"
    port: int = 8443
    secret_token: str | None = None


@dataclass(frozen=True)
class TelegramSettings:
    token: str | None = None
    base_url: str = DEFAULT_BASE_URL
    admins: tuple[int, ...] = ()
    webhook: WebhookSettings | None = None

    def __repr__(self) -> str:  # the token must never reach a log line
        token = "<set>" if self.token else None
        return (
            f"TelegramSettings(token={token!r}, base_url={self.base_url!r}, "
            f"admins={self.admins!r}, webhook={self.webhook!r})"
        )


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = DEFAULT_DATABASE_URL


@dataclass(frozen=True)
class ScheduleSettings:
    timezone: str = "Asia/Seoul"
    poll_interval: int = 600
    adaptive: bool = True

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    allow_private_addresses: bool = False


LogFormat = Literal["text", "json"]
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


@dataclass(frozen=True)
class LoggingSettings:
    level: str = "INFO"
    """One of LOG_LEVELS; below DEBUG, APScheduler's and httpx's chatter stays at WARNING."""
    format: LogFormat = "text"
    """text: one readable line per record; json: one JSON object per line (for a collector)."""


@dataclass(frozen=True)
class MetricsSettings:
    listen: str | None = None
    """host:port serving /metrics and /healthz; None (the default) serves nothing."""

    @property
    def address(self) -> tuple[str, int] | None:
        if self.listen is None:
            return None
        host, _, port = self.listen.rpartition(":")
        return host.strip("[]"), int(port)


@dataclass(frozen=True)
class FeedConfig:
    url: str
    name: str


@dataclass(frozen=True)
class Settings:
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)
    metrics: MetricsSettings = field(default_factory=MetricsSettings)
    feeds: tuple[FeedConfig, ...] = ()
    source: str = "<defaults>"


class _Reader:
    """Reads typed values out of nested TOML tables, collecting problems instead of raising."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.problems: list[str] = []

    def table(self, name: str) -> Mapping[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, Mapping):
            self.problems.append(f"[{name}] must be a table")
            return {}
        return value

    def get(self, table: Mapping[str, Any], where: str, key: str, kind: type, default: Any) -> Any:
        if key not in table:
            return default
        value = table[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problems.append(
                f"{where}.{key} must be {kind.__name__}, got {type(value).__name__}"
            )
            return default
        return value


def load_settings(path: Path | str | None, environ: Mapping[str, str]) -> Settings:
    """Load settings from ``path`` (None: defaults only) with environment overrides.

    ``TELEGRAM_BOT_TOKEN`` overrides ``telegram.token``, ``DATABASE_URL`` overrides
    ``database.url`` and ``MOU_ALERT_LOG_LEVEL`` overrides ``logging.level``.
    Raises :class:`ConfigError` listing every problem found.
    """
    source = str(path) if path else "<defaults>"
    data: Mapping[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(source, [f"file not found: {path}"]) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(source, [f"not valid TOML: {exc}"]) from None
    r = _Reader(data)
    known = {"telegram", "database", "schedule", "fetch", "logging", "metrics", "feeds"}
    r.problems.extend(f"unknown section or key: {k}" for k in data if k not in known)

    tg = r.table("telegram")
    token = environ.get("TELEGRAM_BOT_TOKEN") or r.get(tg, "telegram", "token", str, None) or None
    base_url = r.get(tg, "telegram", "base_url", str, DEFAULT_BASE_URL).rstrip("/")
    if not base_url.startswith(("http://", "https://")):
        r.problems.append("telegram.base_url must start with http:// or https://")
    admins_raw = r.get(tg, "telegram", "admins", list, [])
    admins = tuple(a for a in admins_raw if isinstance(a, int) and not isinstance(a, bool))
    if len(admins) != len(admins_raw):
        r.problems.append("telegram.admins must be a list of numeric Telegram user ids")
    webhook = None
    wh = tg.get("webhook")
    if wh is not None:
        if not isinstance(wh, Mapping) or not isinstance(wh.get("url"), str):
            r.problems.append("telegram.webhook must be a table with a url")
        else:
            webhook = WebhookSettings(
                url=wh["url"],
                listen=r.get(wh, "telegram.webhook", "listen", str, "0.0.0.0"),
                port=r.get(wh, "telegram.webhook", "port", int, 8443),
                secret_token=r.get(wh, "telegram.webhook", "secret_token", str, None),
            )

    db = r.table("database")
    db_url = environ.get("DATABASE_URL") or r.get(db, "database", "url", str, DEFAULT_DATABASE_URL)

    sc = r.table("schedule")
    timezone = r.get(sc, "schedule", "timezone", str, "Asia/Seoul")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        r.problems.append(f"schedule.timezone: unknown time zone {timezone!r}")
        timezone = "Asia/Seoul"
    poll_interval = r.get(sc, "schedule", "poll_interval", int, 600)
    if poll_interval < 1:
        r.problems.append("schedule.poll_interval must be at least 1 second")
    adaptive = r.get(sc, "schedule", "adaptive", bool, True)

    fe = r.table("fetch")
    fetch = FetchSettings(
        timeout=r.get(fe, "fetch", "timeout", float, 20.0),
        max_bytes=r.get(fe, "fetch", "max_bytes", int, 10 * 1024 * 1024),
        allow_private_addresses=r.get(fe, "fetch", "allow_private_addresses", bool, False),
    )

    logging_settings = _logging(r, environ)
    metrics = _metrics(r)

    feeds: list[FeedConfig] = []
    raw_feeds = data.get("feeds", [])
    if not isinstance(raw_feeds, list):
        r.problems.append("feeds must be an array of tables ([[feeds]])")
        raw_feeds = []
    for i, f in enumerate(raw_feeds):
        where = f"feeds[{i}]"
        if not isinstance(f, Mapping):
            r.problems.append(f"{where} must be a table")
            continue
        url = r.get(f, where, "url", str, "")
        if not url.startswith(("http://", "https://")):
            r.problems.append(f"{where}.url must be an http(s) URL")
            continue
        feeds.append(FeedConfig(url=url, name=r.get(f, where, "name", str, url)))

    if r.problems:
        raise ConfigError(source, r.problems)
    return Settings(
        telegram=TelegramSettings(token, base_url, admins, webhook),
        database=DatabaseSettings(db_url),
        schedule=ScheduleSettings(timezone, poll_interval, adaptive),
        fetch=fetch,
        logging=logging_settings,
        metrics=metrics,
        feeds=tuple(feeds),
        source=source,
    )


def _logging(r: _Reader, environ: Mapping[str, str]) -> LoggingSettings:
    lg = r.table("logging")
    level = environ.get("MOU_ALERT_LOG_LEVEL") or r.get(lg, "logging", "level", str, "INFO")
    if level.upper() not in LOG_LEVELS:
        r.problems.append(f"logging.level must be one of {', '.join(LOG_LEVELS)}, got {level!r}")
        level = "INFO"
    fmt = r.get(lg, "logging", "format", str, "text")
    if fmt not in ("text", "json"):
        r.problems.append(f'logging.format must be "text" or "json", got {fmt!r}')
        fmt = "text"
    return LoggingSettings(level=level.upper(), format=cast(LogFormat, fmt))


def _metrics(r: _Reader) -> MetricsSettings:
    listen = r.get(r.table("metrics"), "metrics", "listen", str, None)
    if listen is None:
        return MetricsSettings()
    settings = MetricsSettings(listen)
    try:
        host, port = settings.address or ("", 0)
        if not host or not 0 < port < 65536:
            raise ValueError
    except ValueError:
        r.problems.append(
            f'metrics.listen must be "host:port", e.g. "127.0.0.1:9464", got {listen!r}'
        )
        return MetricsSettings()
    return settings
