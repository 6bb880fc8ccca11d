"""The outbox worker: sends due deliveries and settles each row only once Telegram answered.

A row is marked sent after Telegram accepted the message (with its message id), so a crash at
any point loses nothing: the row stays pending and at most the messages in flight at the crash
are sent again. What Telegram answers decides the rest (``bot.delivery.answers``); a resend takes
another variant of the message (``bot.delivery.variants``). No single row can stop the
worker.

Claims. The worker claims the rows it is about to send under its own ``owner`` id for a short
``lease`` and renews the claims every ``heartbeat`` while it works (``renew_claims``), so no
other worker (another process on the same PostgreSQL database) takes a row it holds, however
long pacing or a flood pause keeps it. It starts a send only while the send, bounded by
``send_timeout``, ends before its claims could lapse; a row whose claim did lapse and was taken
by another worker is dropped, not sent. Unsent claims are given back when a run ends or the
worker closes (``release_claims``); a killed worker's claims lapse after ``lease`` seconds.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import secrets
import socket
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import TelegramError

from bot.alerts import format_digest
from bot.delivery.answers import (
    Action,
    Deactivate,
    Dead,
    Migrate,
    Pause,
    Resend,
    Retry,
    Variant,
    backoff,
    classify,
)
from bot.delivery.sending import BotSender, Sender, dedicated_bot
from bot.delivery.variants import Render, alert_render, digest_render
from bot.keyboards import alert_keyboard
from bot.pacing import Pacer, Stamp
from bot.zones import zone_of
from core.settings import Settings
from subscriptions.models import Chat, DeliveryJob
from subscriptions.repository import Repository

log = logging.getLogger(__name__)


def new_owner() -> str:
    """A claim owner id: host, process and a random part (two workers in one process differ)."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}:worker:{secrets.token_hex(4)}"


@dataclass
class Outgoing:
    """One message to send and the outbox rows it settles."""

    chat_id: int
    delivery_ids: tuple[int, ...]
    attempts: int
    render: Render
    variant: Variant = "html"
    migrations: int = 0
    keyboard: InlineKeyboardMarkup | None = None
    """Buttons under the message (an alert's Mute and More like this)."""
    published: dt.datetime | None = None
    """The article's published time (alerts): the alert latency is measured from it."""


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    dead: int = 0
    dropped: int = 0
    """Pending rows dropped because their chat blocked the bot or is gone."""
    migrated: int = 0
    pauses: int = 0
    fallbacks: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    """Seconds from each sent alert's published time to Telegram's accept (for the metrics;
    not summed into the worker's totals)."""

    def add(self, other: DeliveryReport) -> None:
        for name in ("sent", "retried", "dead", "dropped", "migrated", "pauses", "fallbacks"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        del self.errors[:-20]


@dataclass
class _Run:
    """State of one drain (or one digest): what it did and what it learned about chats."""

    report: DeliveryReport
    keep_going: Callable[[], bool]
    gone: set[int] = field(default_factory=set)
    moved: dict[int, int] = field(default_factory=dict)
    sending: set[int] = field(default_factory=set)
    """Chats with a send in flight: one at a time per chat keeps their order, and a block or
    migration is known before the chat's next message leaves."""
    halt: bool = False
    """End early: the database is failing."""
    network_streak: int = 0
    claims: bool = False
    """The rows were claimed (a drain; a digest's are not): keep the claims alive."""
    held: set[int] = field(default_factory=set)
    """Claimed rows not yet settled: given back when the run ends."""
    unsure: set[int] = field(default_factory=set)
    """Rows whose message may have reached Telegram without being marked sent (in flight, or
    the database failed settling them): never given back early, they wait for the lease."""
    held_until: float = float("-inf")
    """Clock time the claims are sure to hold until (last renewal's start + lease)."""
    renew_at: float = float("-inf")


class DeliveryWorker:
    """Sends the outbox. One per bot; ``drain`` is not re-entrant (see ``busy``)."""

    def __init__(
        self,
        repo: Repository,
        sender: Sender,
        *,
        tz: ZoneInfo,
        pacer: Pacer | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        batch_size: int = 60,
        max_in_flight: int = 8,
        max_attempts: int = 8,
        backoff_base: float = 10.0,
        backoff_cap: float = 1800.0,
        network_streak_limit: int = 3,
        outage_pause: float = 2.0,
        max_sleep: float = 0.5,
        lease: float = 20.0,
        heartbeat: float = 5.0,
        send_timeout: float = 10.0,
        owner: str | None = None,
        alert_buttons: bool = False,
    ) -> None:
        if lease <= heartbeat + send_timeout:
            raise ValueError("the lease must outlast a heartbeat interval plus a send timeout")
        self.repo = repo
        self.sender = sender
        self.tz = tz
        self.pacer = pacer or Pacer(clock=clock)
        self.clock = clock
        self.now = now
        self.sleep = sleep
        self.batch_size = batch_size
        self.max_in_flight = max_in_flight
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.network_streak_limit = network_streak_limit
        self.max_sleep = max_sleep
        """Longest single sleep, so a stop request is seen within it."""
        self.lease = lease
        """Seconds a claim holds without renewal: how long a killed worker's rows wait."""
        self.heartbeat = heartbeat
        self.send_timeout = send_timeout
        """Longest a send may take: one still unanswered by then is abandoned and retried."""
        self.owner = owner or new_owner()
        self.alert_buttons = alert_buttons
        """Put Mute / More like this buttons under alerts (the running bot; a sender that
        takes ``keyboard=``)."""
        # Claim no more than can be sent while the claim surely holds: the overall rate for
        # the batch, one group's rate (the slowest chat) for the rows of one chat.
        budget = lease - send_timeout
        lim = self.pacer.limits
        self.claim_limit = max(1, min(batch_size, int(budget * lim.overall / lim.overall_window)))
        self.per_chat = max(1, int(budget * lim.per_group / lim.per_group_window))
        self.total = DeliveryReport()
        self.outage_pause = outage_pause
        self._outages = 0
        """Consecutive outage pauses (grows the next one); reset by a successful send."""
        self._lock = asyncio.Lock()
        self._stop = False

    @classmethod
    def from_settings(
        cls, bot: Bot, repo: Repository, settings: Settings, **options: Any
    ) -> DeliveryWorker:
        """The worker of a running bot: its own plain ``Bot`` on ``bot``'s token and server
        (closed by :meth:`aclose`), times shown in the schedule's time zone."""
        max_in_flight = int(options.get("max_in_flight", 8))
        sender = BotSender(dedicated_bot(bot, pool_size=max_in_flight + 1), owns_bot=True)
        options.setdefault("alert_buttons", True)
        return cls(repo, sender, tz=settings.schedule.tz, **options)

    # --- control -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    def request_stop(self) -> None:
        """Finish the sends in flight, start no new one; the rest stays pending."""
        self._stop = True

    async def aclose(self) -> None:
        """Stop, wait for a drain to wind down, give back any claim left, close the sender."""
        self.request_stop()
        async with self._lock:
            pass
        try:
            await self.repo.release_claims(self.owner)
        except Exception:
            log.exception("releasing delivery claims failed; they lapse in %.0f s", self.lease)
        closer = getattr(self.sender, "aclose", None)
        if closer is not None:
            await closer()

    # --- entry points ------------------------------------------------------------------------

    async def drain(self, keep_going: Callable[[], bool] = lambda: True) -> DeliveryReport:
        """Send due rows until none is left, ``keep_going()`` turns false or a stop is
        requested. Claimed rows not sent when it stops are given back (due again at once);
        only rows whose message may already be with Telegram wait for their lease."""
        run = _Run(DeliveryReport(), keep_going, claims=True)
        lease = dt.timedelta(seconds=self.lease)
        async with self._lock:
            try:
                while self._may_start(run):
                    started = self.clock()
                    try:
                        jobs = await self.repo.due_deliveries(
                            self.now(),
                            limit=self.claim_limit,
                            owner=self.owner,
                            lease=lease,
                            per_chat=self.per_chat,
                        )
                    except Exception:
                        log.exception("reading due deliveries failed; trying again later")
                        break
                    if not jobs:
                        break
                    run.held.update(j.id for j in jobs)
                    run.held_until = started + self.lease
                    run.renew_at = started + self.heartbeat
                    keyboards = await self._alert_keyboards(jobs)
                    batch = [
                        Outgoing(
                            j.chat.id,
                            (j.id,),
                            j.attempts,
                            alert_render(j, self.tz),
                            keyboard=keyboards.get(j.id),
                            published=j.story.published,
                        )
                        for j in jobs
                    ]
                    await self._send_all(batch, run)
            finally:
                await self._release(run)
        self.total.add(run.report)
        return run.report

    async def _alert_keyboards(
        self, jobs: Sequence[DeliveryJob]
    ) -> dict[int, InlineKeyboardMarkup | None]:
        """Each alert's buttons (by delivery id), from one read of the chats' subscriptions;
        none when that read fails: an alert without buttons beats no alert."""
        if not self.alert_buttons:
            return {}
        try:
            subs = await self.repo.subscriptions_of([j.chat.id for j in jobs])
        except Exception:
            log.exception("reading subscriptions for alert buttons failed; sending without")
            return {}
        return {
            j.id: alert_keyboard(j.story, subs.get(j.chat.id, []), j.chat.language) for j in jobs
        }

    async def _release(self, run: _Run) -> None:
        """Give back the claims of rows not sent, except those that may be with Telegram."""
        unsent = sorted(run.held - run.unsure)
        if not unsent:
            return
        try:
            await self.repo.release_claims(self.owner, unsent)
        except Exception:
            log.exception("releasing delivery claims failed; they lapse in %.0f s", self.lease)
        run.held.difference_update(unsent)

    async def _renew(self, queue: deque[Outgoing], run: _Run) -> None:
        """The heartbeat: extend this worker's claims; drop queued messages whose rows it no
        longer holds (its claim lapsed and another worker took them)."""
        started = self.clock()
        try:
            held = await self.repo.renew_claims(
                self.owner, self.now(), dt.timedelta(seconds=self.lease)
            )
        except Exception:
            log.exception("renewing delivery claims failed; ending this run")
            run.halt = True
            return
        run.held_until = started + self.lease
        run.renew_at = started + self.heartbeat
        for out in [o for o in queue if not held.issuperset(o.delivery_ids)]:
            log.warning("delivery %s was taken over by another worker", out.delivery_ids)
            queue.remove(out)
            run.held.difference_update(out.delivery_ids)

    def _claims_hold(self, run: _Run) -> bool:
        """A send started now ends (or is abandoned) before this worker's claims may lapse."""
        return not run.claims or self.clock() + self.send_timeout <= run.held_until

    async def send_digest(
        self,
        chat: Chat,
        day: dt.date,
        keep_going: Callable[[], bool] = lambda: True,
        *,
        held: bool = False,
    ) -> DeliveryReport:
        """Send a digest-mode chat its pending stories as one message (more if they do not
        fit in one); nothing when there are none. ``held``: what a pause kept, on resume."""
        run = _Run(DeliveryReport(), keep_going)
        jobs = await self.repo.pending_digest(chat.id)
        if not jobs:
            return run.report
        tz = zone_of(chat, self.tz)
        kind = "held" if held else "weekly" if chat.digest_day is not None else "digest"
        parts = format_digest([j.story for j in jobs], chat.language, tz, day, kind=kind)
        batch, start = [], 0
        for part in parts:
            chunk = jobs[start : start + part.count]
            start += part.count
            attempts = max(j.attempts for j in chunk)
            ids = tuple(j.id for j in chunk)
            batch.append(Outgoing(chat.id, ids, attempts, digest_render(part)))
        await self._send_all(batch, run)
        self.total.add(run.report)
        return run.report

    async def send_notice(self, chat_id: int, text: str) -> bool:
        """Send one HTML notice (to an admin) under the same pacing; False when it failed
        (logged, nothing retried: a notice is not an alert)."""
        async with self.pacer.turn(chat_id, self.sleep, self.max_sleep):
            try:
                await self.sender.send(chat_id, text, html=True)
            except Exception as exc:
                action = classify(exc, "html")
                if isinstance(action, Pause):
                    self.pacer.pause(action.seconds)
                log.warning("notice to %s not sent: %s", chat_id, exc)
                return False
        return True

    # --- the send loop -------------------------------------------------------------------------

    def _may_start(self, run: _Run) -> bool:
        return not self._stop and not run.halt and run.keep_going()

    async def _send_all(self, batch: Sequence[Outgoing], run: _Run) -> None:
        """Send ``batch`` under the pacer with up to ``max_in_flight`` sends at once."""
        queue = deque(batch)
        in_flight: set[asyncio.Task[list[Outgoing]]] = set()
        try:
            while queue or in_flight:
                if run.claims and queue and self.clock() >= run.renew_at:
                    await self._renew(queue, run)
                self._forget_gone_chats(queue, run)
                wait: float | None = None
                ready = [o for o in queue if o.chat_id not in run.sending]
                if ready and len(in_flight) < self.max_in_flight and self._may_start(run):
                    if not self._claims_hold(run):  # a slow renewal: try it again shortly
                        wait = self.max_sleep
                    else:
                        out = min(ready, key=lambda o: self.pacer.ready_at(o.chat_id))
                        stamp = self.pacer.try_acquire(out.chat_id)
                        if stamp is not None:
                            queue.remove(out)
                            run.sending.add(out.chat_id)
                            in_flight.add(asyncio.create_task(self._attempt(out, run, stamp)))
                            continue
                        wait = min(self.max_sleep, max(0.0, self.pacer.delay(out.chat_id)))
                elif not in_flight:
                    return  # stopping (or nothing sendable): what is left stays pending
                for requeued in reversed(await self._wait(in_flight, wait)):
                    queue.appendleft(requeued)
        finally:
            for task in in_flight:  # cancelled from outside: their rows stay unsure
                task.cancel()

    async def _wait(
        self, in_flight: set[asyncio.Task[list[Outgoing]]], seconds: float | None
    ) -> list[Outgoing]:
        """Wait for a send to finish or ``seconds`` to pass (None: for a send); return what
        the finished sends put back in the queue."""
        waiters: set[asyncio.Future[Any]] = set(in_flight)
        timer = asyncio.ensure_future(self.sleep(seconds)) if seconds is not None else None
        if timer is not None:
            waiters.add(timer)
        done, _ = await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        if timer is not None and not timer.done():
            timer.cancel()
        requeued: list[Outgoing] = []
        for task in [t for t in in_flight if t in done]:
            in_flight.discard(task)
            requeued.extend(task.result())
        return requeued

    @staticmethod
    def _forget_gone_chats(queue: deque[Outgoing], run: _Run) -> None:
        """Drop queued messages to deactivated chats (their rows are already settled) and
        point messages to a migrated group at its new id."""
        if not run.gone and not run.moved:
            return
        for out in list(queue):
            if out.chat_id in run.gone:
                queue.remove(out)
                run.held.difference_update(out.delivery_ids)
            elif out.chat_id in run.moved:
                out.chat_id = run.moved[out.chat_id]

    async def _attempt(self, out: Outgoing, run: _Run, stamp: Stamp) -> list[Outgoing]:
        """Send one message and settle its rows. Never raises; returns what to resend."""
        try:
            return await self._attempt_once(out, run, stamp)
        finally:
            self.pacer.settle(stamp)
            run.sending.discard(out.chat_id)

    async def _attempt_once(self, out: Outgoing, run: _Run, stamp: Stamp) -> list[Outgoing]:
        try:
            try:
                text, html = out.render(out.variant)
            except Exception as exc:  # a formatting bug must not take the worker down
                log.exception("cannot format delivery %s", out.delivery_ids)
                await self._settle(out, Dead(f"formatting failed: {exc!r}"), run)
                return []
            run.unsure.update(out.delivery_ids)
            try:
                async with asyncio.timeout(self.send_timeout):
                    extra = {"keyboard": out.keyboard} if out.keyboard is not None else {}
                    message_id = await self.sender.send(out.chat_id, text, html=html, **extra)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.pacer.settle(stamp)
                if not isinstance(exc, TelegramError | TimeoutError):  # not an answer: a bug
                    log.exception("sending delivery %s failed", out.delivery_ids)
                requeued = await self._settle(out, classify(exc, out.variant), run)
                run.unsure.difference_update(out.delivery_ids)
                if not requeued:
                    run.held.difference_update(out.delivery_ids)
                return requeued
            self.pacer.settle(stamp)  # answered: from now on it counts in the limits' windows
            run.network_streak = 0
            self._outages = 0
            accepted = self.now()
            await self.repo.mark_sent(list(out.delivery_ids), message_id, accepted)
            run.unsure.difference_update(out.delivery_ids)
            run.held.difference_update(out.delivery_ids)
            run.report.sent += len(out.delivery_ids)
            if out.published is not None and out.published <= accepted:
                run.report.latencies.append((accepted - out.published).total_seconds())
            return []
        except asyncio.CancelledError:
            raise
        except Exception:
            # The database failed: the rows stay claimed (unsure: the message may have gone)
            # and come back when the lease lapses.
            log.exception("settling delivery %s failed; ending this run", out.delivery_ids)
            run.halt = True
            return []

    async def _settle(self, out: Outgoing, action: Action, run: _Run) -> list[Outgoing]:
        ids = list(out.delivery_ids)
        report = run.report
        if isinstance(action, Pause):
            log.warning("flood control: pausing all sends for %.1f s", action.seconds)
            self.pacer.pause(action.seconds)
            report.pauses += 1
            return [out]
        if isinstance(action, Migrate):
            if out.migrations >= 3:
                action = Dead("chat migrated too many times")
            else:
                log.info("chat %s migrated to %s", out.chat_id, action.new_chat_id)
                await self.repo.migrate_chat(out.chat_id, action.new_chat_id)
                run.moved[out.chat_id] = action.new_chat_id
                report.migrated += 1
                return [replace(out, chat_id=action.new_chat_id, migrations=out.migrations + 1)]
        if isinstance(action, Deactivate):
            log.info("chat %s is gone for the bot (%s)", out.chat_id, action.reason)
            report.dropped += await self.repo.deactivate_chat(out.chat_id, action.reason)
            run.gone.add(out.chat_id)
            return []
        if isinstance(action, Resend):
            report.fallbacks += 1
            return [replace(out, variant=action.variant)]
        if isinstance(action, Retry):
            self._note_failure(action, run)
            if out.attempts + 1 < self.max_attempts:
                delay = backoff(out.attempts, self.backoff_base, self.backoff_cap)
                next_attempt = self.now() + dt.timedelta(seconds=delay)
                for i in ids:
                    await self.repo.mark_retry(i, action.error, next_attempt)
                report.retried += len(ids)
                return []
            action = Dead(f"gave up after {out.attempts + 1} attempts: {action.error}")
        assert isinstance(action, Dead)
        log.warning("delivery %s dead: %s", ids, action.error)
        for i in ids:
            await self.repo.mark_dead(i, action.error)
        report.dead += len(ids)
        report.errors.append(action.error)
        return []

    def _note_failure(self, action: Retry, run: _Run) -> None:
        run.report.errors.append(action.error)
        if action.network:
            run.network_streak += 1
            if run.network_streak >= self.network_streak_limit:
                # Telegram looks unreachable: hold every send for a growing while rather than
                # burn an attempt of every row; the next send after the pause is the probe.
                pause = backoff(self._outages, self.outage_pause, self.backoff_cap)
                self._outages += 1
                log.warning(
                    "%d network errors in a row; holding delivery for %.0f s",
                    run.network_streak,
                    pause,
                )
                self.pacer.pause(pause)


__all__ = ["DeliveryReport", "DeliveryWorker", "new_owner"]
