"""The numbered choices last offered to a contact, on channels without inline buttons.

Keyed by the contact (found from channel and address), so that forgetting a contact
forgets its choices too. Saving an empty list clears them: a number typed after a
message that offered nothing means nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from store.db import Database
from store.outbox import utc

Choice = tuple[str, str]  # (label, payload)


async def save_choices(
    db: Database, channel: str, address: str, choices: Sequence[Choice], now: datetime
) -> None:
    """Remember `choices` as the last offered to this contact (nothing if it is unknown)."""
    data = json.dumps([[label, payload] for label, payload in choices], ensure_ascii=False)
    await db.execute(
        "INSERT INTO offered_choices (contact_id, choices, offered_at)"
        " SELECT id, ?, ? FROM contacts WHERE channel = ? AND address = ?"
        " ON CONFLICT (contact_id) DO UPDATE SET choices = excluded.choices,"
        " offered_at = excluded.offered_at",
        (data, utc(now), channel, address),
    )


async def load_choices(db: Database, channel: str, address: str) -> list[Choice]:
    """The last choices offered to this contact, in their numbered order ([] if none)."""
    row = await db.fetchone(
        "SELECT o.choices FROM offered_choices o JOIN contacts c ON c.id = o.contact_id"
        " WHERE c.channel = ? AND c.address = ?",
        (channel, address),
    )
    if row is None:
        return []
    return [(str(label), str(payload)) for label, payload in json.loads(row["choices"])]
