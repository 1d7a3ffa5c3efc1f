"""Subscriptions (regions x themes x frequency) and followed calls.

An empty region list means all of Morocco, an empty theme list every theme. A call
matches a subscription when they share a region (or either side is national or says
nothing about place) and share a theme (or either side names none).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from store.db import Database
from store.models import Call


class Frequency(StrEnum):
    INSTANT = "instant"
    DAILY = "daily"
    WEEKLY = "weekly"


@dataclass(frozen=True)
class Subscription:
    id: int
    regions: tuple[str, ...]
    themes: tuple[str, ...]
    frequency: Frequency


async def add_subscription(
    db: Database,
    contact_id: int,
    regions: list[str],
    themes: list[str],
    frequency: Frequency,
    now: datetime,
) -> int:
    async with db.transaction() as conn:
        cursor = await conn.execute(
            "INSERT INTO subscriptions (contact_id, regions, themes, frequency, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                contact_id,
                json.dumps(sorted(regions)),
                json.dumps(sorted(themes)),
                str(frequency),
                now.isoformat(),
                now.isoformat(),
            ),
        )
        return int(cursor.lastrowid or 0)


async def list_subscriptions(db: Database, contact_id: int) -> list[Subscription]:
    rows = await db.fetchall(
        "SELECT id, regions, themes, frequency FROM subscriptions WHERE contact_id = ?"
        " ORDER BY id",
        (contact_id,),
    )
    return [
        Subscription(
            id=row["id"],
            regions=tuple(json.loads(row["regions"])),
            themes=tuple(json.loads(row["themes"])),
            frequency=Frequency(row["frequency"]),
        )
        for row in rows
    ]


async def delete_subscription(db: Database, contact_id: int, subscription_id: int) -> bool:
    return (
        await db.execute(
            "DELETE FROM subscriptions WHERE id = ? AND contact_id = ?",
            (subscription_id, contact_id),
        )
        > 0
    )


async def delete_all_subscriptions(db: Database, contact_id: int) -> int:
    return await db.execute("DELETE FROM subscriptions WHERE contact_id = ?", (contact_id,))


async def set_frequency(
    db: Database, contact_id: int, subscription_id: int, frequency: Frequency, now: datetime
) -> bool:
    return (
        await db.execute(
            "UPDATE subscriptions SET frequency = ?, updated_at = ?"
            " WHERE id = ? AND contact_id = ?",
            (str(frequency), now.isoformat(), subscription_id, contact_id),
        )
        > 0
    )


def match_sql(call: Call) -> tuple[str, list[object]]:
    """A WHERE fragment over `s` (subscriptions) matching this call, and its parameters."""
    clauses: list[str] = []
    params: list[object] = []
    regions = [r for r in call.regions if r != "national"]
    if regions and "national" not in call.regions:
        marks = ",".join("?" * len(regions))
        clauses.append(
            "(s.regions = '[]' OR EXISTS (SELECT 1 FROM json_each(s.regions) j"
            f" WHERE j.value IN ({marks})))"
        )
        params.extend(regions)
    if call.themes:
        marks = ",".join("?" * len(call.themes))
        clauses.append(
            "(s.themes = '[]' OR EXISTS (SELECT 1 FROM json_each(s.themes) j"
            f" WHERE j.value IN ({marks})))"
        )
        params.extend(call.themes)
    return (" AND ".join(clauses) or "1"), params


async def follow(db: Database, contact_id: int, call_id: str, now: datetime) -> bool:
    """Follow a call; False when already followed."""
    return (
        await db.execute(
            "INSERT OR IGNORE INTO follows (contact_id, call_id, created_at) VALUES (?, ?, ?)",
            (contact_id, call_id, now.isoformat()),
        )
        > 0
    )


async def unfollow(db: Database, contact_id: int, call_id: str) -> bool:
    return (
        await db.execute(
            "DELETE FROM follows WHERE contact_id = ? AND call_id = ?", (contact_id, call_id)
        )
        > 0
    )


async def followed_calls(db: Database, contact_id: int) -> list[str]:
    rows = await db.fetchall(
        "SELECT call_id FROM follows WHERE contact_id = ? ORDER BY created_at", (contact_id,)
    )
    return [row["call_id"] for row in rows]


async def subscriptions_by_frequency(
    db: Database, frequency: Frequency
) -> dict[int, list[Subscription]]:
    """Active contacts' subscriptions of one frequency, by contact id (for digests)."""
    rows = await db.fetchall(
        "SELECT s.id, s.contact_id, s.regions, s.themes, s.frequency FROM subscriptions s"
        " JOIN contacts c ON c.id = s.contact_id"
        " WHERE s.frequency = ? AND c.status = 'active'",
        (str(frequency),),
    )
    found: dict[int, list[Subscription]] = {}
    for row in rows:
        found.setdefault(row["contact_id"], []).append(
            Subscription(
                id=row["id"],
                regions=tuple(json.loads(row["regions"])),
                themes=tuple(json.loads(row["themes"])),
                frequency=Frequency(row["frequency"]),
            )
        )
    return found


def subscription_matches(sub: Subscription, call: Call) -> bool:
    """The same rule as match_sql, for a call already in memory."""
    regions = [r for r in call.regions if r != "national"]
    region_ok = (
        not sub.regions
        or not regions
        or "national" in call.regions
        or bool(set(sub.regions) & set(regions))
    )
    theme_ok = not sub.themes or not call.themes or bool(set(sub.themes) & set(call.themes))
    return region_ok and theme_ok
