"""Inbound message ids already taken in hand: providers retry webhooks, we answer once."""

from __future__ import annotations

from datetime import datetime

from store.db import Database
from store.outbox import utc


async def claim_message(db: Database, provider: str, message_id: str, now: datetime) -> bool:
    """True the first time this provider message id is seen, False for a redelivery."""
    changed = await db.execute(
        "INSERT OR IGNORE INTO inbound_messages (provider, message_id, received_at)"
        " VALUES (?, ?, ?)",
        (provider, message_id, utc(now)),
    )
    return changed > 0


async def forget_before(db: Database, before: datetime) -> int:
    """Drop ids received before `before`: providers stop retrying within hours."""
    return await db.execute("DELETE FROM inbound_messages WHERE received_at < ?", (utc(before),))
