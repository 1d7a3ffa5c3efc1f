"""Staff members added in chat, and the audit trail of staff commands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from store.db import Database
from store.models import Call
from store.outbox import Message
from store.subscriptions import Frequency, match_sql


@dataclass(frozen=True)
class StaffMember:
    channel: str
    address: str
    role: str


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


async def role_of(db: Database, channel: str, address: str) -> str | None:
    """The role stored for this address, or None."""
    row = await db.fetchone(
        "SELECT role FROM staff WHERE channel = ? AND address = ?", (channel, address)
    )
    return str(row["role"]) if row else None


async def list_staff(db: Database) -> list[StaffMember]:
    rows = await db.fetchall("SELECT channel, address, role FROM staff ORDER BY channel, address")
    return [StaffMember(row["channel"], row["address"], row["role"]) for row in rows]


async def add_staff(
    db: Database, channel: str, address: str, role: str, added_by: int, now: datetime
) -> None:
    """Add a staff member or change their role."""
    await db.execute(
        "INSERT INTO staff (channel, address, role, added_by, added_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (channel, address) DO UPDATE SET role = excluded.role,"
        " added_by = excluded.added_by, added_at = excluded.added_at",
        (channel, address, role, added_by, _utc(now)),
    )


async def remove_staff(db: Database, channel: str, address: str) -> bool:
    changed = await db.execute(
        "DELETE FROM staff WHERE channel = ? AND address = ?", (channel, address)
    )
    return changed > 0


async def audit(
    db: Database,
    *,
    contact_id: int,
    channel: str,
    role: str | None,
    command: str,
    allowed: bool,
    detail: str,
    now: datetime,
) -> None:
    """Write one line of the audit trail."""
    await db.execute(
        "INSERT INTO audit_log (at, contact_id, channel, role, command, allowed, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (_utc(now), contact_id, channel, role, command, int(allowed), detail),
    )


async def admins_in_table(db: Database) -> int:
    row = await db.fetchone("SELECT COUNT(*) AS n FROM staff WHERE role = 'admin'")
    return int(row["n"]) if row else 0


# --- calls: what staff actions need beyond store.calls -----------------------------------


@dataclass(frozen=True)
class Audience:
    """Active subscribers a call matches, per channel, and how many get alerted at once."""

    by_channel: dict[str, int]
    instant: int

    @property
    def total(self) -> int:
        return sum(self.by_channel.values())


async def matching_subscribers(db: Database, call: Call) -> Audience:
    """Who publishing this call would reach: the same rule as the alerts (match_sql)."""
    where, params = match_sql(call)
    rows = await db.fetchall(
        "SELECT c.channel, COUNT(DISTINCT c.id) AS total,"
        " COUNT(DISTINCT CASE WHEN s.frequency = ? THEN c.id END) AS instant"
        " FROM contacts c JOIN subscriptions s ON s.contact_id = c.id"
        f" WHERE c.status = 'active' AND {where} GROUP BY c.channel ORDER BY c.channel",
        [str(Frequency.INSTANT), *params],
    )
    return Audience(
        by_channel={row["channel"]: int(row["total"]) for row in rows},
        instant=sum(int(row["instant"]) for row in rows),
    )


async def delete_draft(db: Database, call_id: str) -> bool:
    """Delete a call that was never published (its names, lines... go by cascade)."""
    changed = await db.execute("DELETE FROM calls WHERE id = ? AND published = 0", (call_id,))
    return changed > 0


async def enqueue_for_followers(
    db: Database, call_id: str, message: Message, now: datetime
) -> int:
    """One outbox row per active follower of the call (deduplicated on the message's
    prefix + contact id), in the follower's language."""
    sql = (
        "INSERT OR IGNORE INTO outbox (contact_id, channel, kind, call_id, deadline_utc,"
        " dedupe_key, body, due_at, created_at)"
        " SELECT c.id, c.channel, ?, ?, ?, ? || ':' || c.id,"
        " CASE WHEN c.lang = 'ar' THEN ? ELSE ? END, ?, ?"
        " FROM contacts c JOIN follows f ON f.contact_id = c.id"
        " WHERE f.call_id = ? AND c.status = 'active'"
    )
    return await db.execute(sql, [*message.params(now), call_id])


async def skip_pending_for_call(db: Database, call_id: str, reason: str, now: datetime) -> int:
    """Mark every pending reminder or alert of a call skipped (a call withdrawn)."""
    return await db.execute(
        "UPDATE outbox SET status = 'skipped', error = ?, finished_at = ?"
        " WHERE call_id = ? AND status = 'pending' AND kind IN ('reminder', 'new_call')",
        (reason, _utc(now), call_id),
    )


@dataclass(frozen=True)
class AuditEntry:
    at: str
    contact_id: int
    channel: str
    role: str | None
    command: str
    allowed: bool
    detail: str


async def audit_entries(db: Database, limit: int = 100) -> list[AuditEntry]:
    """The latest audit lines, newest first."""
    rows = await db.fetchall(
        "SELECT at, contact_id, channel, role, command, allowed, detail FROM audit_log"
        " ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [
        AuditEntry(
            r["at"],
            r["contact_id"],
            r["channel"],
            r["role"],
            r["command"],
            bool(r["allowed"]),
            r["detail"],
        )
        for r in rows
    ]
