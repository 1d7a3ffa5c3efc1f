"""Contacts: one row per (channel, address), with the language they speak to us in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from store.db import Database


@dataclass
class Contact:
    id: int
    channel: str
    address: str
    lang: str | None
    status: str = "active"


async def get_or_create_contact(
    db: Database, channel: str, address: str, now: datetime
) -> Contact:
    """The contact for this channel address, created on first contact."""
    stamp = now.isoformat()
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO contacts (channel, address, created_at, last_seen_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (channel, address)"
            " DO UPDATE SET last_seen_at = excluded.last_seen_at",
            (channel, address, stamp, stamp),
        )
        async with conn.execute(
            "SELECT id, lang, status FROM contacts WHERE channel = ? AND address = ?",
            (channel, address),
        ) as cursor:
            row = await cursor.fetchone()
    assert row is not None  # just upserted in the same transaction
    return Contact(
        id=row["id"], channel=channel, address=address, lang=row["lang"], status=row["status"]
    )


async def set_language(db: Database, contact_id: int, lang: str) -> None:
    await db.execute("UPDATE contacts SET lang = ? WHERE id = ?", (lang, contact_id))


class ContactStatus:
    ACTIVE = "active"
    STOPPED = "stopped"  # the user said STOP: no proactive message until they come back
    BLOCKED = "blocked"  # the channel says the user cannot be reached (blocked the bot)


async def get_status(db: Database, contact_id: int) -> str:
    row = await db.fetchone("SELECT status FROM contacts WHERE id = ?", (contact_id,))
    return str(row["status"]) if row else ContactStatus.ACTIVE


async def set_status(
    db: Database, contact_id: int, status: str, reason: str | None, now: datetime
) -> None:
    await db.execute(
        "UPDATE contacts SET status = ?, status_reason = ?, status_at = ? WHERE id = ?",
        (status, reason, now.isoformat(), contact_id),
    )


async def contact_record(db: Database, contact_id: int) -> dict[str, object] | None:
    """The contact's own row, as shown to them by /mes_donnees."""
    row = await db.fetchone(
        "SELECT channel, address, lang, status, created_at, last_seen_at FROM contacts"
        " WHERE id = ?",
        (contact_id,),
    )
    return dict(row) if row else None


async def forget_contact(db: Database, contact_id: int) -> None:
    """Delete the contact and, by cascade, its state, subscriptions, follows and outbox."""
    await db.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
