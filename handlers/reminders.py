"""What must be sent, and when: deadline reminders, new-call alerts, digests.

The scheduler calls `plan(deps, policy, now)` every minute. Everything it decides is
written to the outbox with a unique key before anything is sent, so a second run, or a
run after a restart, adds nothing twice; what fell due while the bot was down is
planned on the first run after start (reminders only while the deadline is ahead).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from handlers.callinfo import organization, short_title
from handlers.clock import CASABLANCA
from handlers.texts import t
from handlers.texts.format import format_deadline, left_words
from store import calls as call_store
from store import outbox
from store import subscriptions as subs
from store.db import Database
from store.models import Call, Status
from store.outbox import Body, Message, OutboxKind
from store.subscriptions import Frequency
from store.vocab.places import region_name

log = logging.getLogger(__name__)

LANGS = ("fr", "ar")
# A new call is announced only while it is news; older ones are marked and left alone
# (e.g. a catalog loaded before anyone subscribed).
ANNOUNCE_WITHIN = timedelta(days=7)


@dataclass(frozen=True)
class ReminderPolicy:
    offsets_days: tuple[int, ...] = (7, 1)
    quiet_start: time = time(21, 0)
    quiet_end: time = time(8, 0)
    digest_time: time = time(9, 0)
    digest_weekday: int = 0  # Monday


@dataclass
class PlanReport:
    reminders: int = 0
    alerts: int = 0
    digests: int = 0
    details: list[str] = field(default_factory=list)


def in_quiet_hours(moment: datetime, policy: ReminderPolicy) -> bool:
    local = moment.astimezone(CASABLANCA).time()
    start, end = policy.quiet_start, policy.quiet_end
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def next_send_time(moment: datetime, policy: ReminderPolicy) -> datetime:
    """`moment`, or the end of the quiet hours it falls in (local time, DST-safe)."""
    if not in_quiet_hours(moment, policy):
        return moment
    local = moment.astimezone(CASABLANCA)
    day = local.date() if local.time() < policy.quiet_end else local.date() + timedelta(days=1)
    return datetime.combine(day, policy.quiet_end, tzinfo=CASABLANCA)


async def plan(db: Database, policy: ReminderPolicy, now: datetime) -> PlanReport:
    """Plan everything due at `now`. Safe to call as often as one likes."""
    report = PlanReport()
    report.reminders = await plan_deadline_reminders(db, policy, now)
    report.alerts = await announce_new_calls(db, policy, now)
    report.digests = await plan_digests(db, policy, now)
    return report


def _card_fields(call: Call, lang: str) -> dict[str, str]:
    return {"title": short_title(call), "org": organization(call)}


def _buttons(call: Call, lang: str) -> list[dict[str, str]]:
    return [
        {"label": t(lang, "docs_label"), "payload": f"ask:documents:{call.id}"},
        {"label": t(lang, "apply_label"), "payload": f"ask:submission:{call.id}"},
    ]


def reminder_bodies(call: Call, send_at: datetime) -> dict[str, Body]:
    deadline = call.deadline_at()
    assert deadline is not None
    bodies: dict[str, Body] = {}
    for lang in LANGS:
        fields = _card_fields(call, lang)
        when, left = format_deadline(deadline, lang), left_words(deadline, send_at, lang)
        text = t(lang, "reminder", deadline=when, left=left, **fields)
        footer = t(lang, "proactive_footer")
        bodies[lang] = [
            {
                "text": f"{text}\n{footer}",
                "buttons": _buttons(call, lang),
                # For channels that must use approved templates (WhatsApp outside 24 h).
                "template": {"1": fields["title"], "2": when, "3": left},
            }
        ]
    return bodies


async def plan_deadline_reminders(db: Database, policy: ReminderPolicy, now: datetime) -> int:
    """The "N days" reminder goes out on the calendar day N days before the deadline day
    (Casablanca time), or at the first run after that if the bot was down.

    Each offset owns the days between it and the next smaller one, so after downtime
    only the nearest reminder goes out: a call due tomorrow gets the "1 day" reminder,
    not a late "7 days" one as well. The smallest also covers the deadline day itself."""
    offsets = sorted(policy.offsets_days)
    today = now.astimezone(CASABLANCA).date()
    send_at = next_send_time(now, policy)
    enqueued = 0
    for index, offset in enumerate(offsets):
        if index:
            first_day = today + timedelta(days=offsets[index - 1] + 1)
            after = datetime.combine(first_day, time(0, 0), tzinfo=CASABLANCA)
            after -= timedelta(microseconds=1)
        else:
            after = now
        last_day = today + timedelta(days=offset)
        until = datetime.combine(last_day, time.max, tzinfo=CASABLANCA)
        for call in await call_store.calls_with_deadline_between(db, after, until):
            enqueued += await _remind(db, call, offset, send_at, now)
    return enqueued


async def _remind(db: Database, call: Call, offset: int, send_at: datetime, now: datetime) -> int:
    deadline = call.deadline_at()
    if deadline is None or send_at >= deadline:
        return 0  # quiet hours would push it past the deadline: nothing useful to say
    message = Message(
        kind=OutboxKind.REMINDER,
        dedupe_prefix=f"reminder:{offset}d:{call.id}:{_utc(deadline)}",
        bodies=reminder_bodies(call, send_at),
        due_at=send_at,
        call_id=call.id,
        deadline_utc=_utc(deadline),
    )
    return await outbox.enqueue_reminder(db, call, offset, message, now)


def _utc(moment: datetime) -> str:
    return outbox.utc(moment)


def _place(call: Call, lang: str) -> str:
    parts = list(call.cities) or [region_name(r, lang) for r in call.regions]
    return f" — {', '.join(parts)}" if parts else ""


def _status_text(call: Call, now: datetime, lang: str) -> str:
    deadline = call.deadline_at()
    if deadline is None:
        return t(lang, "status_unknown")
    return t(
        lang,
        "status_open",
        deadline=format_deadline(deadline, lang),
        left=left_words(deadline, now, lang),
    )


def alert_bodies(call: Call, now: datetime) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for lang in LANGS:
        fields = _card_fields(call, lang)
        status = _status_text(call, now, lang)
        text = t(lang, "new_call", place=_place(call, lang), status=status, **fields)
        buttons = [
            {"label": t(lang, "follow_label"), "payload": f"follow:{call.id}"},
            *_buttons(call, lang),
        ]
        bodies[lang] = [
            {
                "text": f"{text}\n{t(lang, 'proactive_footer')}",
                "buttons": buttons,
                "template": {"1": fields["title"], "2": fields["org"], "3": status},
            }
        ]
    return bodies


async def announce_new_calls(db: Database, policy: ReminderPolicy, now: datetime) -> int:
    """Alert instant subscribers of each newly published call, once per call."""
    sent = 0
    for call_id in await outbox.calls_to_announce(db):
        call = await call_store.get_call(db, call_id)
        published = await call_store.published_at(db, call_id)
        if call is None:
            continue
        is_news = published is not None and now - published <= ANNOUNCE_WITHIN
        if not is_news or call.status(now) is Status.CLOSED:
            await outbox.announce(db, call, None, now)
            continue
        deadline = call.deadline_at()
        message = Message(
            kind=OutboxKind.NEW_CALL,
            dedupe_prefix=f"new_call:{call.id}",
            bodies=alert_bodies(call, now),
            due_at=next_send_time(now, policy),
            call_id=call.id,
            deadline_utc=_utc(deadline) if deadline else None,
        )
        sent += await outbox.announce(db, call, message, now)
    return sent


async def plan_digests(db: Database, policy: ReminderPolicy, now: datetime) -> int:
    """The most recent daily digest, and the most recent weekly one, if not done yet.

    A digest covers the calls published in the day (or week) before its time. After
    downtime the latest one due is sent late, once; older missed ones are not."""
    local = now.astimezone(CASABLANCA)
    daily_at = datetime.combine(local.date(), policy.digest_time, tzinfo=CASABLANCA)
    if daily_at > local:
        daily_at -= timedelta(days=1)
    weekly_at = daily_at - timedelta(days=(daily_at.weekday() - policy.digest_weekday) % 7)
    due = next_send_time(now, policy)
    total = await _digest(db, Frequency.DAILY, daily_at.date().isoformat(), daily_at, 1, now, due)
    week = weekly_at.isocalendar()
    total += await _digest(
        db, Frequency.WEEKLY, f"{week.year}-W{week.week:02d}", weekly_at, 7, now, due
    )
    return total


async def _digest(
    db: Database,
    frequency: Frequency,
    period: str,
    at: datetime,
    days: int,
    now: datetime,
    due: datetime,
) -> int:
    calls = [
        c
        for c in await call_store.calls_published_between(db, at - timedelta(days=days), at)
        if c.status(now) is not Status.CLOSED
    ]
    items: list[tuple[int, Message]] = []
    if calls:
        by_contact = await subs.subscriptions_by_frequency(db, frequency)
        for contact_id, subscriptions in by_contact.items():
            matching = [
                c for c in calls if any(subs.subscription_matches(s, c) for s in subscriptions)
            ]
            if matching:
                items.append((contact_id, _digest_message(frequency, period, matching, now, due)))
    done = await outbox.enqueue_period(db, f"digest:{frequency}", period, items, now)
    return done or 0


def _digest_message(
    frequency: Frequency, period: str, calls: list[Call], now: datetime, due: datetime
) -> Message:
    bodies: dict[str, Body] = {}
    for lang in LANGS:
        lines = [t(lang, f"digest_{frequency}")]
        for call in calls[:10]:
            fields = _card_fields(call, lang)
            lines.append(t(lang, "digest_item", status=_status_text(call, now, lang), **fields))
        lines.append(t(lang, "proactive_footer"))
        buttons = [
            {
                "label": (call.aliases[0] if call.aliases else call.organization or call.title)[
                    :40
                ],
                "payload": f"call:{call.id}",
            }
            for call in calls[:5]
        ]
        titles = "; ".join(_card_fields(call, lang)["title"] for call in calls[:5])
        bodies[lang] = [
            {
                "text": "\n".join(lines),
                "buttons": buttons,
                "template": {"1": str(len(calls)), "2": titles},
            }
        ]
    return Message(
        kind=OutboxKind.DIGEST,
        dedupe_prefix=f"digest:{frequency}:{period}",
        bodies=bodies,
        due_at=due,
    )
