"""Planning reminders, alerts and digests, and draining the outbox (tier 1: real SQLite,
a recording channel, a fixed clock; no scheduler and no wall-clock waits)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.app import demo_calls
from bot.channels.base import (
    PermanentSendError,
    RateLimited,
    SendContext,
    SendResult,
    TransientSendError,
    UnreachableUser,
)
from bot.sender import Sender, SendRates
from handlers.clock import FixedClock, parse_now
from handlers.deps import Deps
from handlers.messages import Reply
from handlers.reminders import ReminderPolicy, next_send_time, plan
from store import calls as call_store
from store import outbox
from store import subscriptions as subs
from store.contacts import get_or_create_contact
from store.db import Database
from store.subscriptions import Frequency

POLICY = ReminderPolicy()
ALCI = "alci-guide-participation-2024"  # deadline 2024-01-06, Fès-Meknès + TTH


@dataclass
class RecordingChannel:
    """An in-process channel: records what it sends, fails on demand."""

    name: str = "console"
    sent: list[tuple[str, str]] = field(default_factory=list)
    failures: dict[str, list[Exception]] = field(default_factory=dict)

    async def send(
        self, address: str, replies: list[Reply], context: SendContext | None = None
    ) -> SendResult:
        queue = self.failures.get(address)
        if queue:
            raise queue.pop(0)
        self.sent.append((address, replies[0].text))
        return SendResult(provider_id=str(len(self.sent)))

    def texts(self, address: str) -> list[str]:
        return [text for to, text in self.sent if to == address]


async def subscriber(
    db: Database,
    now: datetime,
    address: str,
    regions: list[str],
    themes: list[str] | None = None,
    frequency: Frequency = Frequency.INSTANT,
) -> int:
    contact = await get_or_create_contact(db, "console", address, now)
    await subs.add_subscription(db, contact.id, regions, themes or [], frequency, now)
    return contact.id


def sender(deps: Deps, channel: RecordingChannel, **rates: float) -> Sender:
    fast = SendRates(per_second=1e9, per_chat=1e9, **rates)  # type: ignore[arg-type]
    return Sender(deps.db, deps.clock, channel, fast, POLICY)


async def test_new_call_reaches_matching_subscribers_only(deps: Deps, clock: FixedClock) -> None:
    db = deps.db
    await subscriber(db, clock.now(), "souss", ["souss-massa"])
    await subscriber(db, clock.now(), "oriental", ["oriental"])
    await subscriber(db, clock.now(), "souss-daily", ["souss-massa"], frequency=Frequency.DAILY)
    await plan(db, POLICY, clock.now())  # the demo catalog: announced once, now
    channel = RecordingChannel()
    await sender(deps, channel).drain()
    channel.sent.clear()

    clock.advance(timedelta(hours=1))
    new = replace(demo_calls()[2], id="md-new-2024", deadline="2024-02-01T17:00:00+01:00")
    await call_store.save_call(db, new, published=True, now=clock.now())
    report = await plan(db, POLICY, clock.now())
    assert report.alerts == 1
    await sender(deps, channel).drain()
    assert len(channel.texts("souss")) == 1 and "Nouvel appel" in channel.texts("souss")[0]
    assert channel.texts("oriental") == [] and channel.texts("souss-daily") == []
    assert (await plan(db, POLICY, clock.now())).alerts == 0  # announced once


async def test_reminders_at_seven_and_one_day_then_never_again(
    deps: Deps, clock: FixedClock
) -> None:
    db = deps.db
    await subscriber(db, clock.now(), "fes", ["fes-meknes"])
    await subscriber(db, clock.now(), "souss", ["souss-massa"])
    follower = await get_or_create_contact(db, "console", "follower", clock.now())
    await subs.follow(db, follower.id, ALCI, clock.now())
    channel = RecordingChannel()
    await plan(db, POLICY, clock.now())  # 2024-01-03 10:00: 3 days before the deadline
    await sender(deps, channel).drain()
    assert any("Rappel" in t and "3 jours" in t for t in channel.texts("fes"))
    assert any("Rappel" in t for t in channel.texts("follower"))
    assert not any("Rappel" in t for t in channel.texts("souss"))

    clock.set(parse_now("2024-01-04T12:00"))  # 2 days left: still the 7-day window
    await plan(db, POLICY, clock.now())
    await sender(deps, channel).drain()
    assert sum("Rappel" in t for t in channel.texts("fes")) == 1
    clock.set(parse_now("2024-01-05T09:00"))  # the day before the deadline day
    await plan(db, POLICY, clock.now())
    await sender(deps, channel).drain()
    assert sum("Rappel" in t for t in channel.texts("fes")) == 2
    assert any("1 jour restant" in t for t in channel.texts("fes"))
    before = len(channel.sent)
    for _ in range(3):
        await plan(db, POLICY, clock.now())
        await sender(deps, channel).drain()
    assert len(channel.sent) == before  # nothing twice


async def test_catch_up_after_downtime_sends_only_the_nearest_reminder(
    deps: Deps, clock: FixedClock
) -> None:
    await subscriber(deps.db, clock.now(), "fes", ["fes-meknes"])
    clock.set(parse_now("2024-01-06T09:00"))  # down for days; deadline tonight
    await plan(deps.db, POLICY, clock.now())
    channel = RecordingChannel()
    await sender(deps, channel).drain()
    reminders = [t for t in channel.texts("fes") if "Rappel" in t]
    assert len(reminders) == 1 and "dernier jour" in reminders[0]


async def test_no_reminder_for_closed_or_passed_calls(deps: Deps, clock: FixedClock) -> None:
    await subscriber(deps.db, clock.now(), "all", [])
    alci = await call_store.get_call(deps.db, ALCI)
    assert alci is not None
    await call_store.close_call(deps.db, alci, clock.now())
    await plan(deps.db, POLICY, clock.now())
    channel = RecordingChannel()
    await sender(deps, channel).drain()
    assert not any("ALCI" in t or "Alternatives" in t for t in channel.texts("all"))


async def test_quiet_hours_hold_proactive_messages_until_morning(
    deps: Deps, clock: FixedClock
) -> None:
    clock.set(parse_now("2024-01-03T22:30"))
    assert next_send_time(clock.now(), POLICY) == parse_now("2024-01-04T08:00")
    await subscriber(deps.db, clock.now(), "fes", ["fes-meknes"])
    await plan(deps.db, POLICY, clock.now())
    channel = RecordingChannel()
    await sender(deps, channel).drain()
    assert channel.sent == []
    clock.set(parse_now("2024-01-04T08:01"))
    await sender(deps, channel).drain()
    assert any("Rappel" in t for t in channel.texts("fes"))


async def test_a_moved_deadline_moves_its_reminders(deps: Deps, clock: FixedClock) -> None:
    await subscriber(deps.db, clock.now(), "fes", ["fes-meknes"])
    clock.set(parse_now("2024-01-03T22:00"))  # planned for 08:00, not sent yet
    await plan(deps.db, POLICY, clock.now())
    alci = await call_store.get_call(deps.db, ALCI)
    assert alci is not None
    alci.deadline = "2024-01-20T23:59:59+01:00"  # extended
    await call_store.save_call(deps.db, alci, published=True, now=clock.now())
    clock.set(parse_now("2024-01-04T09:00"))
    channel = RecordingChannel()
    await sender(deps, channel).drain()
    assert not any("6 janvier" in t for t in channel.texts("fes"))
    rows = await deps.db.fetchall("SELECT kind, error FROM outbox WHERE status = 'skipped'")
    assert ("reminder", "deadline changed") in {(r["kind"], r["error"]) for r in rows}
    clock.set(parse_now("2024-01-13T10:00"))  # 7 days before the new deadline day
    await plan(deps.db, POLICY, clock.now())
    await sender(deps, channel).drain()
    assert any("20 janvier 2024" in t for t in channel.texts("fes"))


async def test_restart_plans_nothing_twice(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "r.db"
    for _ in range(2):
        db = await Database.open(path)
        await call_store.save_calls(db, demo_calls(), published=True, now=clock.now())
        if not await subs.list_subscriptions(db, 1):
            await subscriber(db, clock.now(), "fes", ["fes-meknes"])
        await plan(db, POLICY, clock.now())
        await db.close()
    db = await Database.open(path)
    rows = await db.fetchall("SELECT dedupe_key FROM outbox")
    await db.close()
    keys = [row["dedupe_key"] for row in rows]
    assert len(keys) == len(set(keys)) and any(k.startswith("reminder:7d") for k in keys)


async def test_digests_daily_and_weekly(deps: Deps, clock: FixedClock) -> None:
    db = deps.db
    await subscriber(db, clock.now(), "daily", [], frequency=Frequency.DAILY)
    await subscriber(db, clock.now(), "weekly", [], frequency=Frequency.WEEKLY)
    clock.set(parse_now("2024-01-04T09:05"))  # the demo calls were published yesterday
    report = await plan(db, POLICY, clock.now())
    assert report.digests == 1
    assert (await plan(db, POLICY, clock.now())).digests == 0
    clock.set(parse_now("2024-01-08T09:00"))  # Monday
    assert (await plan(db, POLICY, clock.now())).digests >= 1
    channel = RecordingChannel()
    await sender(deps, channel).drain()
    assert any("jour" in t for t in channel.texts("daily"))
    assert any("semaine" in t for t in channel.texts("weekly"))


async def _one_pending(deps: Deps, clock: FixedClock, address: str) -> None:
    await subscriber(deps.db, clock.now(), address, ["fes-meknes"])
    await plan(deps.db, POLICY, clock.now())


async def test_rate_limited_row_is_retried_after_the_pause(deps: Deps, clock: FixedClock) -> None:
    await _one_pending(deps, clock, "fes")
    channel = RecordingChannel(failures={"fes": [RateLimited(0.05)]})
    started = asyncio.get_running_loop().time()
    await sender(deps, channel).drain()
    assert channel.failures["fes"] == []  # the 429 happened...
    assert len([t for t in channel.texts("fes") if "Rappel" in t]) == 1  # ...then it went
    assert asyncio.get_running_loop().time() - started >= 0.05  # after retry_after


async def test_network_errors_back_off_then_fail(deps: Deps, clock: FixedClock) -> None:
    await _one_pending(deps, clock, "fes")
    errors: list[Exception] = [TransientSendError("502")] * 10
    channel = RecordingChannel(failures={"fes": list(errors)})
    the_sender = sender(deps, channel, max_attempts=3)
    for _ in range(3):
        await the_sender.drain()
        clock.advance(timedelta(minutes=10))
    counts = await outbox.status_counts(deps.db)
    assert counts.get("failed", 0) >= 1
    row = await deps.db.fetchone("SELECT error, attempts FROM outbox WHERE status = 'failed'")
    assert row is not None and row["error"] == "502" and row["attempts"] == 3


async def test_blocked_user_is_marked_and_skipped_from_then_on(
    deps: Deps, clock: FixedClock
) -> None:
    await _one_pending(deps, clock, "fes")
    channel = RecordingChannel(failures={"fes": [UnreachableUser("Forbidden: bot was blocked")]})
    await sender(deps, channel).drain()
    row = await deps.db.fetchone("SELECT status FROM contacts WHERE address = 'fes'")
    assert row is not None and row["status"] == "blocked"
    counts = await outbox.status_counts(deps.db)
    assert counts.get("pending", 0) == 0 and counts.get("failed", 0) >= 1
    clock.set(parse_now("2024-01-05T12:00"))
    await plan(deps.db, POLICY, clock.now())
    assert (await outbox.status_counts(deps.db)).get("pending", 0) == 0


async def test_permanent_error_and_stopped_contact(deps: Deps, clock: FixedClock) -> None:
    # Subscribers are matched once per reminder: both subscribe before the planner runs.
    await subscriber(deps.db, clock.now(), "bad", ["fes-meknes"])
    await subscriber(deps.db, clock.now(), "stopped", ["fes-meknes"])
    await plan(deps.db, POLICY, clock.now())
    await deps.db.execute("UPDATE contacts SET status = 'stopped' WHERE address = 'stopped'")
    channel = RecordingChannel(failures={"bad": [PermanentSendError("message too long")] * 5})
    await sender(deps, channel).drain()
    rows = await deps.db.fetchall(
        "SELECT c.address, o.status, o.error FROM outbox o JOIN contacts c ON c.id = o.contact_id"
    )
    by_address = {(r["address"], r["status"], r["error"]) for r in rows}
    assert ("bad", "failed", "message too long") in by_address
    assert ("stopped", "skipped", "contact stopped") in by_address


@pytest.mark.parametrize("when", ["2024-03-20T21:30", "2025-03-10T07:59"])
def test_quiet_hours_in_casablanca_time_across_ramadan(when: str) -> None:
    # March 2024 and 2025 were UTC+0 in Morocco (Ramadan): local time still decides.
    moment = parse_now(when)
    assert next_send_time(moment, POLICY).hour == 8


async def test_the_scheduler_job_plans_and_wakes_the_senders(deps: Deps) -> None:
    from bot.scheduler import plan_once

    woken: list[int] = []
    report = await plan_once(deps, POLICY, lambda: woken.append(1))
    assert woken == [1] and report.alerts >= 0


def test_console_names_the_file_of_an_image() -> None:
    from bot.channels.console import render
    from handlers.messages import Image

    png = b"\\x89PNG\\r\\n\\x1a\\n" + b"0" * 64
    shown = render([Reply("Statistiques", image=Image(png, "stats.png"))])
    path = Path(shown.split("[image: ")[1].split("]")[0])
    assert path.read_bytes() == png and shown.endswith("Statistiques")
    path.unlink()


async def test_an_alert_written_before_a_deadline_moved_goes_out_with_the_new_date(
    deps: Deps, clock: FixedClock
) -> None:
    await plan(deps.db, POLICY, clock.now())  # the demo catalog: announced to nobody
    await subscriber(deps.db, clock.now(), "souss", ["souss-massa"])
    clock.set(parse_now("2024-01-03T21:30"))  # published in the quiet hours
    new = replace(demo_calls()[2], id="md-late-2024", deadline="2024-02-01T17:00:00+01:00")
    await call_store.save_call(deps.db, new, published=True, now=clock.now())
    assert (await plan(deps.db, POLICY, clock.now())).alerts == 1
    new.deadline = "2024-02-15T17:00:00+01:00"  # staff extend it before the morning
    await call_store.save_call(deps.db, new, published=True, now=clock.now())
    clock.set(parse_now("2024-01-04T08:01"))
    channel = RecordingChannel()
    await sender(deps, channel).drain()
    [alert] = [t for t in channel.texts("souss") if "Nouvel appel" in t]
    assert "15 février 2024" in alert and "1 février" not in alert


async def test_a_weekly_digest_missed_on_monday_goes_out_on_tuesday(
    deps: Deps, clock: FixedClock
) -> None:
    await subscriber(deps.db, clock.now(), "weekly", [], frequency=Frequency.WEEKLY)
    clock.set(parse_now("2024-01-09T10:00"))  # Tuesday: the bot was down on Monday
    assert (await plan(deps.db, POLICY, clock.now())).digests == 1
    assert (await plan(deps.db, POLICY, clock.now())).digests == 0
