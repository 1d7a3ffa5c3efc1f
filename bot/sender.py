"""Drains the outbox of one channel at the channel's rate.

Each pending, due row ends as sent, failed (with the error) or skipped (with the
reason). A row is marked only after the provider answered: a crash between the two
sends that message again on restart. With one request in flight (the default) that is
at most one message; nothing else is repeated, because every other row is marked.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from bot.channels.base import (
    Channel,
    NotAllowed,
    PermanentSendError,
    RateLimited,
    SendContext,
    TransientSendError,
    UnreachableUser,
)
from handlers.clock import Clock
from handlers.messages import Button, Reply
from handlers.reminders import ReminderPolicy, alert_bodies, in_quiet_hours
from store import calls as call_store
from store import contacts, outbox
from store.contacts import ContactStatus
from store.db import Database
from store.models import Call, Status
from store.outbox import OutboxItem, OutboxKind, RowStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendRates:
    per_second: float = 30.0  # overall, for this channel
    per_chat: float = 1.0  # to one user
    # Requests to the provider at once. Each one in flight at a crash may be sent again
    # at restart (it was sent, not yet marked), so the default keeps that to one message.
    max_in_flight: int = 1
    max_attempts: int = 5  # network errors / 5xx before a row fails


class RateGate:
    """At most `per_second` sends in any sliding second, overall; `per_chat` per user.

    A send counts from when it starts until one second after the provider answered:
    the provider counts arrivals, which happen somewhere in between, so counting from
    the start alone lets a slow request and a fast one land in the same second (and
    earn a 429). Uses monotonic wall time, not the injected clock: rates are about the
    real world.
    """

    _IN_FLIGHT = float("inf")

    def __init__(self, rates: SendRates, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._rates = rates
        self._now = monotonic
        self._slots: list[list[float]] = []  # [answered at], or [inf] while in flight
        self._last_by_chat: dict[str, float] = {}
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    def chat_ready(self, address: str) -> bool:
        last = self._last_by_chat.get(address)
        return last is None or self._now() - last >= 1.0 / self._rates.per_chat

    def pause(self, seconds: float) -> None:
        """Provider said 429: nobody starts before `seconds` from now."""
        self._paused_until = max(self._paused_until, self._now() + seconds)

    async def acquire(self, address: str) -> list[float]:
        """Wait for a slot; give it back with `release` once the provider answered."""
        async with self._lock:
            while True:
                now = self._now()
                self._slots = [s for s in self._slots if now - s[0] < 1.0]
                wait = self._paused_until - now
                if len(self._slots) >= self._rates.per_second:
                    answered = [s[0] for s in self._slots if s[0] != self._IN_FLIGHT]
                    wait = max(wait, 1.0 - (now - min(answered)) if answered else 0.005)
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            slot = [self._IN_FLIGHT]
            self._slots.append(slot)
            self._last_by_chat[address] = now
            return slot

    def release(self, slot: list[float]) -> None:
        slot[0] = self._now()


def to_replies(body: list[dict[str, object]]) -> list[Reply]:
    replies = []
    for item in body:
        buttons = [
            Button(str(b["label"]), str(b["payload"]))
            for b in item.get("buttons", [])  # type: ignore[union-attr]
        ]
        replies.append(Reply(str(item.get("text", "")), buttons))
    return replies


@dataclass
class DrainReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    retried: int = 0
    deferred: int = 0  # left pending for a later pass (rate, quiet hours, 429)
    errors: list[str] = field(default_factory=list)


class Sender:
    """One per channel. `drain()` sends what is due now; `run()` loops until stopped."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        channel: Channel,
        rates: SendRates,
        policy: ReminderPolicy,
    ) -> None:
        self.db = db
        self.clock = clock
        self.channel = channel
        self.rates = rates
        self.policy = policy
        self.gate = RateGate(rates)
        self._wake = asyncio.Event()
        self._calls: dict[str, Call | None] = {}

    def wake(self) -> None:
        """New rows may be due (the planner ran, a staff member broadcast)."""
        self._wake.set()

    async def run(self, stopping: asyncio.Event, idle_seconds: float = 5.0) -> None:
        """Drain, then wait for a wake-up, a timeout or the stop signal; repeat."""
        while not stopping.is_set():
            try:
                report = await self.drain(stopping)
            except Exception:
                log.exception("%s sender pass failed", self.channel.name)
                report = DrainReport()
            if report.deferred and not stopping.is_set():
                # Rows wait for a chat's or the provider's rate: look again shortly.
                await asyncio.sleep(min(1.0 / self.rates.per_chat, idle_seconds))
                continue
            self._wake.clear()
            waiters = [
                asyncio.create_task(self._wake.wait()),
                asyncio.create_task(stopping.wait()),
            ]
            await asyncio.wait(waiters, timeout=idle_seconds, return_when=asyncio.FIRST_COMPLETED)
            for task in waiters:
                task.cancel()

    async def drain(self, stopping: asyncio.Event | None = None, batch: int = 500) -> DrainReport:
        """Send every row due now, at the channel's rate. Returns what happened."""
        report = DrainReport()
        while stopping is None or not stopping.is_set():
            now = self.clock.now()
            if in_quiet_hours(now, self.policy):
                return report  # proactive messages wait for the morning
            items = await outbox.due_items(self.db, self.channel.name, now, batch)
            # Calls are looked up once per batch (a broadcast is thousands of rows about
            # one call), and afresh for the next: staff may move a deadline meanwhile.
            self._calls = {}
            ready = _one_per_chat([i for i in items if self.gate.chat_ready(i.address)])
            report.deferred = len(items) - len(ready)
            if not ready:
                return report
            await self._send_all(ready, report, stopping)
        return report

    async def _send_all(
        self, items: list[OutboxItem], report: DrainReport, stopping: asyncio.Event | None
    ) -> None:
        slots = asyncio.Semaphore(self.rates.max_in_flight)

        async def one(item: OutboxItem) -> None:
            async with slots:
                if stopping is not None and stopping.is_set():
                    return  # stays pending: the next start sends it
                await self._send_one(item, report)

        await asyncio.gather(*(one(item) for item in items))

    async def _send_one(self, item: OutboxItem, report: DrainReport) -> None:
        reason = await self._skip_reason(item)
        if reason:
            await outbox.finish(
                self.db, item.id, RowStatus.SKIPPED, self.clock.now(), error=reason
            )
            report.skipped += 1
            return
        slot = await self.gate.acquire(item.address)
        try:
            try:
                replies = to_replies(item.body)
                result = await self.channel.send(item.address, replies, _context(item))
            finally:
                self.gate.release(slot)
        except RateLimited as exc:
            self.gate.pause(exc.retry_after)  # the row stays pending, retried after the pause
        except TransientSendError as exc:
            await self._transient(item, str(exc) or type(exc).__name__, report)
        except UnreachableUser as exc:
            await self._unreachable(item, str(exc) or "unreachable", report)
        except NotAllowed as exc:
            # The channel's rules forbid it now (no WhatsApp template outside 24 h):
            # recorded with the reason, for staff statistics; never forced through.
            await outbox.finish(
                self.db, item.id, RowStatus.SKIPPED, self.clock.now(), error=str(exc)
            )
            report.skipped += 1
        except PermanentSendError as exc:
            await outbox.finish(
                self.db, item.id, RowStatus.FAILED, self.clock.now(), error=str(exc)
            )
            report.failed += 1
        else:
            await outbox.finish(
                self.db, item.id, RowStatus.SENT, self.clock.now(), provider_id=result.provider_id
            )
            report.sent += 1

    async def _transient(self, item: OutboxItem, error: str, report: DrainReport) -> None:
        now = self.clock.now()
        if item.attempts + 1 >= self.rates.max_attempts:
            await outbox.finish(self.db, item.id, RowStatus.FAILED, now, error=error)
            report.failed += 1
            return
        backoff = timedelta(seconds=min(2 ** (item.attempts + 1), 300))
        await outbox.retry_later(self.db, item.id, error, now + backoff)
        report.retried += 1

    async def _unreachable(self, item: OutboxItem, error: str, report: DrainReport) -> None:
        now = self.clock.now()
        await outbox.finish(self.db, item.id, RowStatus.FAILED, now, error=error)
        await contacts.set_status(self.db, item.contact_id, ContactStatus.BLOCKED, error, now)
        await outbox.skip_pending_for_contact(self.db, item.contact_id, "contact blocked", now)
        report.failed += 1

    async def _skip_reason(self, item: OutboxItem) -> str | None:
        """Why a due row must not go out any more, or None. A new-call alert whose
        deadline moved since it was written is written again from the call as it is."""
        if item.contact_status != ContactStatus.ACTIVE:
            return f"contact {item.contact_status}"
        if item.kind not in (OutboxKind.REMINDER, OutboxKind.NEW_CALL) or not item.call_id:
            return None
        if item.call_id not in self._calls:
            self._calls[item.call_id] = await call_store.get_call(self.db, item.call_id)
        call = self._calls[item.call_id]
        now = self.clock.now()
        if call is None or call.status(now) is Status.CLOSED:
            return "call closed or withdrawn"
        deadline = call.deadline_at()
        if (outbox.utc(deadline) if deadline else None) == item.deadline_utc:
            return None
        if item.kind is OutboxKind.REMINDER:
            return "deadline changed"  # the planner plans the new deadline's reminders
        item.body[:] = alert_bodies(call, now)[item.lang]
        return None


def _context(item: OutboxItem) -> SendContext:
    template = item.body[0].get("template", {}) if item.body else {}
    return SendContext(
        kind=str(item.kind),
        lang=item.lang,
        last_inbound_at=item.last_inbound_at,
        template_vars={str(k): str(v) for k, v in dict(template).items()},
    )


def _one_per_chat(items: list[OutboxItem]) -> list[OutboxItem]:
    """At most one row per chat in a pass: the per-chat rate spaces the rest."""
    seen: set[str] = set()
    chosen = []
    for item in items:
        if item.address not in seen:
            seen.add(item.address)
            chosen.append(item)
    return chosen
