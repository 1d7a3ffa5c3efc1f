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
from store.subscriptions import match_sql


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


async def enqueue_for_subscribers(
    db: Database, call: Call, message: Message, frequencies: tuple[str, ...], now: datetime
) -> int:
    """One row per active contact with a subscription matching the call; rows enqueued."""
    where, params = match_sql(call)
    marks = ",".join("?" * len(frequencies))
    sql = (
        f"{_INSERT} FROM contacts c WHERE c.status = 'active' AND EXISTS (SELECT 1 FROM"
        f" subscriptions s WHERE s.contact_id = c.id AND s.frequency IN ({marks})"
        f" AND {where})"
    )
    return await db.execute(sql, [*message.params(now), *frequencies, *params])


async def enqueue_for_followers(
    db: Database, call_id: str, message: Message, now: datetime
) -> int:
    sql = (
        f"{_INSERT} FROM contacts c JOIN follows f ON f.contact_id = c.id"
        " WHERE f.call_id = ? AND c.status = 'active'"
    )
    return await db.execute(sql, [*message.params(now), call_id])


async def enqueue_for_contact(
    db: Database, contact_id: int, message: Message, now: datetime
) -> int:
    sql = f"{_INSERT} FROM contacts c WHERE c.id = ?"
    return await db.execute(sql, [*message.params(now), contact_id])


async def due_items(db: Database, channel: str, now: datetime, limit: int) -> list[OutboxItem]:
    """Pending rows of one channel whose time has come, oldest first."""
    rows = await db.fetchall(
        "SELECT o.id, o.contact_id, o.channel, c.address, c.status AS contact_status,"
        " o.kind, o.call_id, o.deadline_utc, o.body, o.attempts"
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
