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
            "SELECT id, lang FROM contacts WHERE channel = ? AND address = ?", (channel, address)
        ) as cursor:
            row = await cursor.fetchone()
    assert row is not None  # just upserted in the same transaction
    return Contact(id=row["id"], channel=channel, address=address, lang=row["lang"])


async def set_language(db: Database, contact_id: int, lang: str) -> None:
    await db.execute("UPDATE contacts SET lang = ? WHERE id = ?", (lang, contact_id))
