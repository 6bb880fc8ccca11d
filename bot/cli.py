"""``mou-alert`` command line: one entry point, each subcommand implemented where it belongs."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from core.settings import ConfigError, Settings, load_settings


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
    _add_config(run)

    ex = sub.add_parser("extract", help="run the MOU extractor on articles")
    ex.add_argument("--json", action="store_true", help="one JSON object per article")
    ex.add_argument("paths", nargs="+", help=".txt/.html article, .jsonl(.gz) corpus, or -")

    ev = sub.add_parser("eval", help="score the extractor against gold labels")
    ev.add_argument("gold", type=Path, help="gold.jsonl in the ../shared/corpus format")
    ev.add_argument("paths", nargs="+", help="articles, as for extract")

    poll = sub.add_parser("poll", help="poll the configured feeds without Telegram")
    poll.add_argument("--once", action="store_true", required=True, help="run one cycle")
    _add_config(poll)

    db = sub.add_parser("db", help="database maintenance")
    db.add_argument("action", choices=["upgrade"], help="upgrade: apply all migrations")
    _add_config(db)
    return parser


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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=os.environ.get("MOU_ALERT_LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command == "extract":
            from extractors.cli import cmd_extract

            return cmd_extract(args.paths, as_json=args.json)
        if args.command == "eval":
            from extractors.cli import cmd_eval

            return cmd_eval(args.gold, args.paths)
        settings = _settings(args)
        if args.command == "run" and not settings.telegram.token:
            from devtools.sandbox import run_sandbox

            return run_sandbox(settings)
        if args.command == "run":
            from bot.app import run

            return run(settings)
        if args.command == "poll":
            from feeds.cli import cmd_poll_once

            return cmd_poll_once(settings)
        if args.command == "db":
            from subscriptions.migrate import cmd_upgrade

            return cmd_upgrade(settings)
    except ConfigError as exc:
        print(f"mou-alert: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
