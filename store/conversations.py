"""Per-contact conversation state (current call, pending questions, stated profile).

Kept as JSON in the store so it survives restarts and is shared by every channel.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from store.db import Database


async def load_state(db: Database, contact_id: int) -> dict[str, Any]:
    row = await db.fetchone("SELECT state FROM conversations WHERE contact_id = ?", (contact_id,))
    if row is None:
        return {}
    try:
        state = json.loads(row["state"])
    except ValueError:
        return {}  # a damaged row must not lock the user out: start afresh
    return state if isinstance(state, dict) else {}


async def save_state(db: Database, contact_id: int, state: dict[str, Any], now: datetime) -> None:
    await db.execute(
        "INSERT INTO conversations (contact_id, state, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (contact_id) DO UPDATE SET state = excluded.state,"
        " updated_at = excluded.updated_at",
        (contact_id, json.dumps(state, ensure_ascii=False), now.isoformat()),
    )
