"""``mou-alert poll --once``: one poll cycle of every enabled feed, without Telegram."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from typing import TextIO

from core.settings import Settings
from extractors.gazetteer import country_name, flag
from feeds.fetch import make_client
from feeds.pipeline import CycleReport, Poller


async def poll_once(settings: Settings) -> CycleReport | None:
    """Upsert the configured feeds, refresh every enabled one; None when there are none."""
    from subscriptions.store import open_repository

    repo = await open_repository(settings.database.url)
    client = make_client(settings.fetch)
    poller = Poller(repo, client, settings)
    try:
        await poller.sync_feeds(settings.feeds)
        if not await repo.list_feeds():
            return None
        return await poller.poll_all(dt.datetime.now(dt.UTC))
    finally:
        poller.close()
        await client.aclose()
        await repo.close()


def print_report(report: CycleReport, out: TextIO) -> None:
    print(f"Polled {report.summary()}.", file=out)
    new = [i for i in report.items if not i.record.duplicate]
    if new:
        print(f"\nNew items ({len(new)}):", file=out)
        for item in new:
            backlog = "" if item.alert else "  (older than 24 h: stored, no alert)"
            print(f"  [{item.feed}] {item.title}{backlog}", file=out)
    if report.mous:
        print(f"\nMOUs ({len(report.mous)}):", file=out)
        for item in report.mous:
            ex = item.extraction
            countries = ", ".join(f"{flag(c)} {country_name(c, 'en')}" for c in ex.countries)
            story = (
                f"new story {item.record.story_id}"
                if item.record.new_story
                else f"reprint of story {item.record.story_id}"
            )
            print(f"  - {item.title}", file=out)
            print(f"    countries: {countries or 'none (domestic)'}", file=out)
            print(f"    sectors:   {', '.join(ex.sectors) or 'none'}", file=out)
            print(f"    {story}, {item.record.deliveries} deliveries queued", file=out)
            print(f"    {item.url}", file=out)
    print(f"\nDeliveries queued: {report.deliveries}", file=out)
    for problem in report.errors:
        print(f"Failed: {problem.name} <{problem.url}>: {problem.error}", file=out)
    for feed in report.disabled:
        print(f"Disabled after 7 days of failures: {feed.name} <{feed.url}>", file=out)


def cmd_poll_once(settings: Settings, out: TextIO | None = None) -> int:
    """Exit 0 after a cycle, 1 when there is no feed or every feed failed."""
    out = out or sys.stdout
    report = asyncio.run(poll_once(settings))
    if report is None:
        print(
            f"No feeds to poll: add [[feeds]] tables to {settings.source} (see "
            "config.example.toml) or /addfeed in the bot.",
            file=out,
        )
        return 1
    print_report(report, out)
    return 1 if report.feeds_due and len(report.errors) == report.feeds_due else 0
