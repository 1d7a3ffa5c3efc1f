"""The outbox: every proactive message is a row before it is sent.

Rows are enqueued with INSERT OR IGNORE on a unique `dedupe_key` (one per user, call and
kind), so planning twice, or again after a restart, never sends twice. The sender then
moves each row to exactly one end: sent, failed (with the error) or skipped (with the
reason).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from store.db import Database
from store.models import Call
from store.subscriptions import Frequency, match_sql


class RowStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


class OutboxKind(StrEnum):
    REMINDER = "reminder"
    NEW_CALL = "new_call"
    DIGEST = "digest"
    BROADCAST = "broadcast"
    NOTICE = "notice"


Body = list[dict[str, Any]]  # replies as JSON: [{"text": ..., "buttons": [...]}]


@dataclass(frozen=True)
class Message:
    """What to send, in each language; the contact's language picks one."""

    kind: OutboxKind
    dedupe_prefix: str  # the contact id is appended
    bodies: dict[str, Body]  # "fr" and "ar"
    due_at: datetime
    call_id: str | None = None
    deadline_utc: str | None = None

    def params(self, now: datetime) -> list[object]:
        return [
            str(self.kind),
            self.call_id,
            self.deadline_utc,
            self.dedupe_prefix,
            json.dumps(self.bodies["ar"], ensure_ascii=False),
            json.dumps(self.bodies["fr"], ensure_ascii=False),
            utc(self.due_at),
            utc(now),
        ]


@dataclass(frozen=True)
class OutboxItem:
    id: int
    contact_id: int
    channel: str
    address: str
    contact_status: str
    kind: OutboxKind
    call_id: str | None
    deadline_utc: str | None
    body: Body
    attempts: int
    lang: str  # the contact's language (the body is written in it)
    last_inbound_at: datetime | None  # the contact's last message to us


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


# Selected columns for INSERT OR IGNORE ... SELECT: one statement enqueues every
# recipient, however many, with the body in the recipient's language.
_INSERT = (
    "INSERT OR IGNORE INTO outbox (contact_id, channel, kind, call_id, deadline_utc,"
    " dedupe_key, body, due_at, created_at)"
    " SELECT c.id, c.channel, ?, ?, ?, ? || ':' || c.id,"
    " CASE WHEN c.lang = 'ar' THEN ? ELSE ? END, ?, ?"
)


def _subscribers_sql(call: Call, frequencies: tuple[str, ...]) -> tuple[str, list[object]]:
    where, params = match_sql(call)
    marks = ",".join("?" * len(frequencies))
    sql = (
        f"{_INSERT} FROM contacts c WHERE c.status = 'active' AND EXISTS (SELECT 1 FROM"
        f" subscriptions s WHERE s.contact_id = c.id AND s.frequency IN ({marks})"
        f" AND {where})"
    )
    return sql, [*frequencies, *params]


_FOLLOWERS_SQL = (
    f"{_INSERT} FROM contacts c JOIN follows f ON f.contact_id = c.id"
    " WHERE f.call_id = ? AND c.status = 'active'"
)


async def enqueue_reminder(
    db: Database, call: Call, offset_days: int, message: Message, now: datetime
) -> int:
    """Deadline reminder rows: subscribers are matched once per (call, offset, deadline)
    — claimed in the same transaction — followers every time (cheap, deduplicated)."""
    assert message.deadline_utc is not None
    enqueued = 0
    async with db.transaction() as conn:
        claim = await conn.execute(
            "INSERT OR IGNORE INTO reminder_plans (call_id, offset_days, deadline_utc,"
            " planned_at) VALUES (?, ?, ?, ?)",
            (call.id, offset_days, message.deadline_utc, utc(now)),
        )
        if claim.rowcount:
            sql, params = _subscribers_sql(call, tuple(str(f) for f in Frequency))
            enqueued += (await conn.execute(sql, [*message.params(now), *params])).rowcount
        cursor = await conn.execute(_FOLLOWERS_SQL, [*message.params(now), call.id])
        return enqueued + cursor.rowcount


async def calls_to_announce(db: Database) -> list[str]:
    rows = await db.fetchall(
        "SELECT id FROM calls WHERE published = 1 AND announced_at IS NULL ORDER BY published_at"
    )
    return [row["id"] for row in rows]


async def announce(db: Database, call: Call, message: Message | None, now: datetime) -> int:
    """Mark the call announced and, with a message, alert instant subscribers, atomically."""
    async with db.transaction() as conn:
        await conn.execute("UPDATE calls SET announced_at = ? WHERE id = ?", (utc(now), call.id))
        if message is None:
            return 0
        sql, params = _subscribers_sql(call, (str(Frequency.INSTANT),))
        return (await conn.execute(sql, [*message.params(now), *params])).rowcount


async def claim_period(db: Database, job: str, period: str, now: datetime) -> bool:
    """True the first time (job, period) is claimed: periodic jobs run once per period."""
    changed = await db.execute(
        "INSERT OR IGNORE INTO job_runs (job, period, done_at) VALUES (?, ?, ?)",
        (job, period, utc(now)),
    )
    return changed > 0


async def enqueue_period(
    db: Database, job: str, period: str, items: list[tuple[int, Message]], now: datetime
) -> int | None:
    """Claim (job, period) and enqueue its per-contact rows in one transaction.

    None when the period was already done (by an earlier tick or before a restart)."""
    single = f"{_INSERT} FROM contacts c WHERE c.id = ? AND c.status = 'active'"
    async with db.transaction() as conn:
        claim = await conn.execute(
            "INSERT OR IGNORE INTO job_runs (job, period, done_at) VALUES (?, ?, ?)",
            (job, period, utc(now)),
        )
        if not claim.rowcount:
            return None
        await conn.executemany(
            single, [[*message.params(now), contact_id] for contact_id, message in items]
        )
        return len(items)


async def enqueue_for_contact(
    db: Database, contact_id: int, message: Message, now: datetime
) -> int:
    sql = f"{_INSERT} FROM contacts c WHERE c.id = ?"
    return await db.execute(sql, [*message.params(now), contact_id])


async def due_items(db: Database, channel: str, now: datetime, limit: int) -> list[OutboxItem]:
    """Pending rows of one channel whose time has come, oldest first."""
    rows = await db.fetchall(
        "SELECT o.id, o.contact_id, o.channel, c.address, c.status AS contact_status,"
        " o.kind, o.call_id, o.deadline_utc, o.body, o.attempts, c.lang, c.last_seen_at"
        " FROM outbox o JOIN contacts c ON c.id = o.contact_id"
        " WHERE o.status = 'pending' AND o.channel = ? AND o.due_at <= ?"
        " ORDER BY o.due_at, o.id LIMIT ?",
        (channel, utc(now), limit),
    )
    return [
        OutboxItem(
            id=row["id"],
            contact_id=row["contact_id"],
            channel=row["channel"],
            address=row["address"],
            contact_status=row["contact_status"],
            kind=OutboxKind(row["kind"]),
            call_id=row["call_id"],
            deadline_utc=row["deadline_utc"],
            body=json.loads(row["body"]),
            attempts=row["attempts"],
            lang="ar" if row["lang"] == "ar" else "fr",
            last_inbound_at=datetime.fromisoformat(row["last_seen_at"]),
        )
        for row in rows
    ]


async def finish(
    db: Database,
    item_id: int,
    status: RowStatus,
    now: datetime,
    *,
    error: str | None = None,
    provider_id: str | None = None,
) -> None:
    """Move a pending row to its end state (only a pending row: a row ends once)."""
    await db.execute(
        "UPDATE outbox SET status = ?, error = ?, provider_id = ?, finished_at = ?,"
        " attempts = attempts + 1 WHERE id = ? AND status = 'pending'",
        (str(status), error, provider_id, utc(now), item_id),
    )


async def retry_later(db: Database, item_id: int, error: str, due_at: datetime) -> None:
    await db.execute(
        "UPDATE outbox SET attempts = attempts + 1, error = ?, due_at = ?"
        " WHERE id = ? AND status = 'pending'",
        (error, utc(due_at), item_id),
    )


async def skip_pending_for_contact(
    db: Database, contact_id: int, reason: str, now: datetime
) -> int:
    return await db.execute(
        "UPDATE outbox SET status = 'skipped', error = ?, finished_at = ?"
        " WHERE contact_id = ? AND status = 'pending'",
        (reason, utc(now), contact_id),
    )


async def next_due_at(db: Database, channel: str) -> datetime | None:
    row = await db.fetchone(
        "SELECT MIN(due_at) AS due FROM outbox WHERE status = 'pending' AND channel = ?",
        (channel,),
    )
    return datetime.fromisoformat(row["due"]) if row and row["due"] else None


async def status_counts(db: Database) -> dict[str, int]:
    rows = await db.fetchall("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
    return {row["status"]: row["n"] for row in rows}


async def pending_for_contact(db: Database, contact_id: int) -> int:
    row = await db.fetchone(
        "SELECT COUNT(*) AS n FROM outbox WHERE contact_id = ? AND status = 'pending'",
        (contact_id,),
    )
    return int(row["n"]) if row else 0
