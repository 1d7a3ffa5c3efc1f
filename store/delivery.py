"""Delivery reports: what the provider says happened to a sent outbox row.

Providers post status callbacks in any order and sometimes late ("sent" after "read"),
so a row only ever moves forward: queued < sent < delivered / undelivered / failed
< read. A report of the same rank as the current one (delivered, then failed) is kept
out too: the first word stands.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from store.db import Database
from store.outbox import utc


class DeliveryStatus(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    FAILED = "failed"
    READ = "read"


RANK = {
    DeliveryStatus.QUEUED: 0,
    DeliveryStatus.SENT: 1,
    DeliveryStatus.DELIVERED: 2,
    DeliveryStatus.UNDELIVERED: 2,
    DeliveryStatus.FAILED: 2,
    DeliveryStatus.READ: 3,
}
# The same ranks in SQL, for the "only forward" condition of the update.
_RANK_SQL = (
    "CASE delivery_status"
    + "".join(f" WHEN '{status}' THEN {rank}" for status, rank in RANK.items())
    + " ELSE -1 END"
)


async def record_status(
    db: Database,
    provider_id: str,
    status: DeliveryStatus,
    error_code: str | None,
    now: datetime,
) -> int | None:
    """Record a delivery report on the row sent as `provider_id`, if it moves it forward.

    Returns the row's contact id (whether or not the report was newer), or None when no
    row was sent with that id (an answer to a message, not an outbox row)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE outbox SET delivery_status = ?, delivery_error_code = ?,"
            f" delivery_updated_at = ? WHERE provider_id = ? AND {_RANK_SQL} < ?",
            (str(status), error_code, utc(now), provider_id, RANK[status]),
        )
        async with conn.execute(
            "SELECT contact_id FROM outbox WHERE provider_id = ? LIMIT 1", (provider_id,)
        ) as cursor:
            row = await cursor.fetchone()
    return int(row["contact_id"]) if row else None


async def delivery_of(db: Database, provider_id: str) -> tuple[str | None, str | None]:
    """(delivery status, error code) of the row sent as `provider_id`."""
    row = await db.fetchone(
        "SELECT delivery_status, delivery_error_code FROM outbox WHERE provider_id = ?",
        (provider_id,),
    )
    return (row["delivery_status"], row["delivery_error_code"]) if row else (None, None)


async def contact_by_address(db: Database, channel: str, address: str) -> int | None:
    """The id of the contact at this channel address, without creating one."""
    row = await db.fetchone(
        "SELECT id FROM contacts WHERE channel = ? AND address = ?", (channel, address)
    )
    return int(row["id"]) if row else None
