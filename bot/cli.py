"""``mou-alert`` command line: one entry point, each subcommand implemented where it belongs."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from core.logs import configure_logging
from core.settings import LOG_LEVELS, ConfigError, LoggingSettings, Settings, load_settings


def _add_config(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config",
        type=Path,
        default=None,
        help="TOML settings file (default: $MOU_ALERT_CONFIG, else ./config.toml if present)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mou-alert", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the Telegram bot (no token: the offline sandbox)")
    run.add_argument(
        "--accept-data-loss",
        action="store_true",
        help="start even when the SQLite database was damaged by an unclean stop",
    )
    _add_config(run)

    ex = sub.add_parser("extract", help="run the MOU extractor on articles")
    ex.add_argument("--json", action="store_true", help="one JSON object per article")
    ex.add_argument("paths", nargs="+", help=".txt/.html article, .jsonl(.gz) corpus, or -")

    ev = sub.add_parser("eval", help="score the extractor against gold labels")
    ev.add_argument("gold", type=Path, help="gold.jsonl in the ../shared/corpus format")
    ev.add_argument("paths", nargs="+", help="articles, as for extract")
    ev.add_argument(
        "--figures-only",
        action="store_true",
        help="print the figures without the misses (for a blind set, whose misses stay unread)",
    )

    poll = sub.add_parser("poll", help="poll the configured feeds without Telegram")
    poll.add_argument("--once", action="store_true", required=True, help="run one cycle")
    _add_config(poll)

    back = sub.add_parser(
        "backfill", help="store old articles (corpora, saved feeds) as history; alerts nobody"
    )
    back.add_argument(
        "paths", nargs="+", help=".jsonl(.gz) corpus, saved RSS/Atom (.xml), .txt/.html article"
    )
    _add_config(back)

    exp = sub.add_parser("export", help="write stored MOUs as CSV or JSON Lines")
    exp.add_argument("--topic", help='a topic as /subscribe takes it ("France", "org:탈레스")')
    exp.add_argument("--search", help="words the headline, parties or summary must hold")
    exp.add_argument("--since", type=_date, help="only MOUs from this day on (YYYY-MM-DD)")
    exp.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    exp.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    _add_config(exp)

    db = sub.add_parser(
        "db",
        help="database maintenance (reads the same configuration as run)",
        description="upgrade: apply all migrations. check: SQLite integrity (WAL, quick_check). "
        "backup PATH: a consistent copy of the "
        "SQLite database, safe while the bot runs. copy --to URL: every row into another "
        "database (e.g. PostgreSQL), migrated first; running it again adds nothing.",
    )
    db.add_argument("action", choices=["upgrade", "check", "backup", "copy"])
    db.add_argument("path", nargs="?", type=Path, help="backup: the new file to write")
    db.add_argument("--to", metavar="URL", help="copy: the target database URL")
    _add_config(db)
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def resolve_config_path(
    arg: Path | None, environ: os._Environ[str] | dict[str, str]
) -> Path | None:
    if arg is not None:
        return arg
    if environ.get("MOU_ALERT_CONFIG"):
        return Path(environ["MOU_ALERT_CONFIG"])
    default = Path("config.toml")
    return default if default.exists() else None


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(resolve_config_path(args.config, os.environ), os.environ)


def _db(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "backup":
        if args.path is None or args.to:
            print("usage: mou-alert db backup PATH", file=sys.stderr)
            return 2
        from subscriptions.backup import cmd_backup

        return cmd_backup(settings, args.path)
    if args.action == "copy":
        if not args.to or args.path is not None:
            print("usage: mou-alert db copy --to URL", file=sys.stderr)
            return 2
        from subscriptions.transfer import cmd_copy

        return cmd_copy(settings, args.to)
    if args.path is not None or args.to:
        print(f"usage: mou-alert db {args.action}", file=sys.stderr)
        return 2
    if args.action == "check":
        from subscriptions.integrity import cmd_check

        return cmd_check(settings.database.url)
    from subscriptions.migrate import cmd_upgrade

    return cmd_upgrade(settings)


def _env_level(environ: os._Environ[str] | dict[str, str]) -> str:
    level = environ.get("MOU_ALERT_LOG_LEVEL", "INFO").upper()
    return level if level in LOG_LEVELS else "INFO"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Until the settings are read: the environment's level, text lines.
    configure_logging(LoggingSettings(level=_env_level(os.environ)))
    try:
        if args.command == "extract":
            from extractors.cli import cmd_extract

            return cmd_extract(args.paths, as_json=args.json)
        if args.command == "eval":
            from extractors.cli import cmd_eval

            return cmd_eval(args.gold, args.paths, misses=not args.figures_only)
        settings = _settings(args)
        configure_logging(settings.logging)
        if args.command == "run" and not settings.telegram.token:
            from devtools.sandbox import run_sandbox

            return run_sandbox(settings)
        if args.command == "run":
            from bot.app import run

            return run(settings, accept_data_loss=args.accept_data_loss)
        if args.command == "poll":
            from feeds.cli import cmd_poll_once

            return cmd_poll_once(settings)
        if args.command == "backfill":
            from feeds.backfill import cmd_backfill

            return cmd_backfill(settings, args.paths)
        if args.command == "export":
            from bot.export_cli import cmd_export

            return cmd_export(settings, args)
        if args.command == "db":
            return _db(args, settings)
    except ConfigError as exc:
        print(f"mou-alert: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
