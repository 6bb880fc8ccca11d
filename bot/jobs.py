"""The bot's recurring work on PTB's JobQueue: polling feeds, delivering the outbox, and the
daily digests. Jobs only call services; nothing here formats or stores anything itself."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext

from bot.alerts import format_feed_disabled
from bot.delivery.worker import DeliveryWorker, new_owner
from bot.services import Services, services_of
from bot.zones import zone_of
from feeds.ingest import IngestInterrupted
from feeds.schedule import JOB_KWARGS, tick
from subscriptions.models import Chat, Feed

log = logging.getLogger(__name__)

AnyApp = Application[Any, Any, Any, Any, Any, Any]
AnyContext = CallbackContext[Any, Any, Any, Any]

POLL_JOB = "poll-feeds"
DELIVERY_JOB = "deliver"
DIGEST_JOB = "digests"
DELIVERY_TICK = 2.0
"""Seconds between looks at the outbox (a poll that queued deliveries wakes it at once)."""
DIGEST_TICK = 60.0
DIGEST_GRACE = dt.timedelta(hours=1)
"""A digest whose time passed while the bot was down still goes out within this long."""
DEFAULT_DIGEST_TIME = dt.time(8, 0)
SINGLE = {"max_instances": 1, "coalesce": True}
"""APScheduler options: never two runs of a job at once, missed runs merged into one."""


def schedule_jobs(application: AnyApp, services: Services) -> None:
    """Register the poll, delivery and digest jobs; creates ``services.delivery`` when the
    caller did not."""
    queue = application.job_queue
    if queue is None:
        raise RuntimeError("the JobQueue is missing: install python-telegram-bot[job-queue]")
    if services.delivery is None:
        services.delivery = DeliveryWorker.from_settings(
            application.bot, services.repo, services.settings
        )
    if services.poller is not None:
        queue.run_repeating(
            poll_job,
            interval=tick(services.settings.schedule),
            first=0.5,
            name=POLL_JOB,
            job_kwargs=JOB_KWARGS,
        )
    # Two instances: a tick that finds the worker draining returns at once instead of being
    # skipped by the scheduler with a warning on every tick of a long fan-out.
    queue.run_repeating(
        delivery_job,
        interval=DELIVERY_TICK,
        first=1.0,
        name=DELIVERY_JOB,
        job_kwargs={"max_instances": 2, "coalesce": True},
    )
    queue.run_repeating(
        digest_job,
        interval=DIGEST_TICK,
        first=5.0,
        name=DIGEST_JOB,
        data=DigestLedger(),
        job_kwargs=SINGLE,
    )


def _running(context: AnyContext) -> Callable[[], bool]:
    """True while the application runs: ``Application.stop`` clears it before it waits for
    running jobs, so a long fan-out or a flood pause ends after the sends in flight."""
    app = context.application
    return lambda: bool(app.running)


async def poll_job(context: AnyContext) -> None:
    """One poll cycle; tells the admins about feeds it disabled and wakes the delivery job.
    Returns at once while another cycle runs."""
    services = services_of(context)
    if services.poller is None or services.poller.busy:
        return
    try:
        report = await services.poller.poll_due(dt.datetime.now(dt.UTC), _running(context))
    except IngestInterrupted:
        log.info("stopping: no longer waiting for the poll cycle")
        return
    except Exception:
        log.exception("poll cycle failed")
        return
    if report.skipped:
        return
    if services.metrics is not None:
        services.metrics.observe_cycle(report)
    if report.deliveries:
        assert context.job_queue is not None
        context.job_queue.run_once(delivery_job, 0, name=f"{DELIVERY_JOB}-now")
    for feed in report.disabled:
        await notify_admins_feed_disabled(services, feed)


async def notify_admins_feed_disabled(services: Services, feed: Feed) -> int:
    """Tell every admin (never a subscriber) that the poller gave up on ``feed``; returns
    how many were told."""
    worker = services.worker
    told = 0
    for admin in services.settings.telegram.admins:
        chat = await services.repo.get_chat(admin)
        lang = chat.language if chat else "en"
        text = format_feed_disabled(feed.name, feed.url, feed.last_error, feed.error_count, lang)
        told += await worker.send_notice(admin, text)
    return told


async def delivery_job(context: AnyContext) -> None:
    """Send what is due; returns at once when another run is already sending."""
    services = services_of(context)
    worker = services.worker
    if worker.busy:
        return
    report = await worker.drain(keep_going=_running(context))
    if services.metrics is not None:
        services.metrics.observe_delivery(report)
    if report.sent or report.dead or report.dropped or report.retried:
        log.info(
            "delivery: %d sent, %d retried, %d dead, %d dropped (blocked chats)",
            report.sent,
            report.retried,
            report.dead,
            report.dropped,
        )


@dataclass
class DigestLedger:
    """When each chat's digest is due; which were sent is in the database (``claim_digest``),
    so a restart or a second process never sends one twice."""

    owner: str = field(default_factory=new_owner)

    def due(self, chat: Chat, now_local: dt.datetime) -> dt.date | None:
        """The local day whose digest ``chat`` should get now (``now_local`` in the chat's
        zone), or None; a weekly digest only on its day of the week. Whether somebody sent
        it already is the database's to say (``claim_digest``)."""
        day = now_local.date()
        if chat.digest_day is not None and day.weekday() != chat.digest_day:
            return None
        slot = dt.datetime.combine(day, chat.digest_time or DEFAULT_DIGEST_TIME, now_local.tzinfo)
        if not slot <= now_local < slot + DIGEST_GRACE:
            return None
        return day


async def digest_job(context: AnyContext) -> None:
    """Each digest-mode chat gets one message a day at its time with the stories queued for
    it since the last one; nothing when there are none."""
    services = services_of(context)
    assert context.job is not None
    ledger: DigestLedger = context.job.data  # type: ignore[assignment]
    now = dt.datetime.now(dt.UTC)
    await resume_ended_pauses(services, now)
    await send_due_digests(services, ledger, now, keep_going=_running(context))


async def send_due_digests(
    services: Services,
    ledger: DigestLedger,
    now_local: dt.datetime,
    keep_going: Callable[[], bool] = lambda: True,
) -> int:
    """Send the digests due at ``now_local`` (any aware time: each chat's digest is due in
    its own time zone) that this process claims; returns how many stories went out. Paused
    chats wait, unclaimed. A claim is keyed by chat, kind (daily or weekly) and the chat's
    local day, so a restart or a second process never sends one twice."""
    worker = services.worker
    repo = services.repo
    now = now_local.astimezone(dt.UTC)
    sent = 0
    for chat in await repo.digest_chats():
        if chat.paused(now_local):
            continue
        day = ledger.due(chat, now_local.astimezone(zone_of(chat, services.settings.schedule.tz)))
        kind = "weekly" if chat.digest_day is not None else "daily"
        if day is None or not await repo.claim_digest(chat.id, day, ledger.owner, now, kind):
            continue
        try:
            report = await worker.send_digest(chat, day, keep_going)
        except Exception:
            log.exception("digest for chat %s failed; the next tick tries again", chat.id)
            await repo.release_digest(chat.id, day, ledger.owner, kind)
            continue
        await repo.finish_digest(chat.id, day, ledger.owner, now, kind)
        sent += report.sent
        if services.metrics is not None:
            services.metrics.observe_delivery(report)
    return sent


async def resume(services: Services, chat: Chat, now: dt.datetime) -> int:
    """End ``chat``'s pause: an instant-mode chat gets what was held as one message first
    (a digest-mode chat gets it in its next digest). The pause is lifted only after that
    send, so the outbox worker never sends the same rows one by one meanwhile. Returns how
    many stories the message carried (0 when another resume got there first)."""
    # /resume and the digest job's resume of an ended pause must not both send the message.
    async with services.resume_lock:
        current = await services.repo.get_chat(chat.id)
        if current is None or current.paused_until is None:
            return 0
        sent = 0
        if current.mode == "instant":
            worker = services.worker
            today = now.astimezone(zone_of(current, services.settings.schedule.tz)).date()
            sent = (await worker.send_digest(current, today, held=True)).sent
        await services.repo.set_pause(chat.id, None)
        return sent


async def resume_ended_pauses(services: Services, now: dt.datetime) -> int:
    """Resume every chat whose pause ran out (/pause 1d, 1w, HH:MM); returns how many."""
    try:
        ended = await services.repo.ended_pauses(now)
    except Exception:
        log.exception("reading ended pauses failed")
        return 0
    for chat in ended:
        try:
            await resume(services, chat, now)
        except Exception:
            log.exception("resuming chat %s failed; trying again next tick", chat.id)
    return len(ended)


__all__ = ["DigestLedger", "resume", "resume_ended_pauses", "schedule_jobs", "send_due_digests"]
