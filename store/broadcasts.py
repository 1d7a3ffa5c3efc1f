"""Broadcasts: one staff message to a chosen audience of subscribers, as outbox rows.

The audience is the contacts with at least one subscription matching the chosen regions
and themes (a subscription to all of Morocco, or to every theme, matches any choice),
optionally narrowed to one language and one channel. Who of them can be reached is
decided once, in SQL, by the same rules the sender applies: active contacts only, and
on WhatsApp free text only inside the 24-hour window unless a broadcast template exists
for the contact's language. The pre-flight counts and the enqueue share that SQL, so
what the staff member confirmed is what gets written — in one INSERT ... SELECT.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from store.db import Database
from store.outbox import Body, utc


class BroadcastStatus(StrEnum):
    SENDING = "sending"
    DONE = "done"
    CANCELLED = "cancelled"


CANCELLED_REASON = "broadcast cancelled"
BLOCKED_REASON = "contact blocked"  # the sender's and the channels' word for it
WHATSAPP = "whatsapp"


@dataclass(frozen=True)
class Audience:
    """Who a broadcast is for; empty regions/themes and None mean "any"."""

    regions: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    lang: str | None = None
    channel: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "regions": list(self.regions),
            "themes": list(self.themes),
            "lang": self.lang,
            "channel": self.channel,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Audience:
        return cls(
            regions=tuple(data.get("regions") or ()),
            themes=tuple(data.get("themes") or ()),
            lang=data.get("lang") or None,
            channel=data.get("channel") or None,
        )


@dataclass(frozen=True)
class Reach:
    """The delivery rules at the time the rows will be due."""

    due_at: datetime  # now, or the end of the quiet hours
    window_opens_after: datetime  # WhatsApp contacts seen after this get free text
    template_langs: frozenset[str]  # languages with an approved broadcast template


@dataclass
class Preflight:
    """What would happen if the broadcast were confirmed now."""

    audience: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)  # will be sent to
    stopped: int = 0  # said STOP
    blocked: int = 0  # the channel said they cannot be reached
    window: dict[str, int] = field(default_factory=dict)  # WhatsApp, by language: no template

    @property
    def receiving(self) -> int:
        return sum(self.by_channel.values())

    @property
    def outside(self) -> int:
        """WhatsApp contacts outside the 24-hour window, with no template for them."""
        return sum(self.window.values())

    @property
    def excluded(self) -> dict[str, int]:
        return {"stopped": self.stopped, "blocked": self.blocked, "window": self.outside}


@dataclass(frozen=True)
class Broadcast:
    id: int
    author_contact_id: int | None
    author: str
    texts: dict[str, str]  # "fr" and/or "ar"
    audience: Audience
    audience_size: int
    excluded: dict[str, int]
    enqueued: int
    status: BroadcastStatus
    created_at: str
    reported_at: str | None


@dataclass
class Progress:
    """A broadcast's outbox rows by outcome (each row is in exactly one of the five)."""

    sent: int = 0
    failed: int = 0
    skipped: int = 0
    blocked: int = 0  # failed or skipped because the contact cannot be reached
    pending: int = 0
    delivery: dict[str, int] = field(default_factory=dict)  # WhatsApp delivery reports

    @property
    def total(self) -> int:
        return self.sent + self.failed + self.skipped + self.blocked + self.pending


def _key_range(broadcast_id: int) -> tuple[str, str]:
    """Bounds of the broadcast's dedupe keys: ';' sorts right after ':'."""
    return f"broadcast:{broadcast_id}:", f"broadcast:{broadcast_id};"


def _audience_sql(audience: Audience) -> tuple[str, list[object]]:
    """WHERE over `c` (contacts): subscribers matching the audience, in any status."""
    sub: list[str] = []
    params: list[object] = []
    for column, values in (("regions", audience.regions), ("themes", audience.themes)):
        if values:
            marks = ",".join("?" * len(values))
            sub.append(
                f" AND (s.{column} = '[]' OR EXISTS (SELECT 1 FROM json_each(s.{column}) j"
                f" WHERE j.value IN ({marks})))"
            )
            params.extend(values)
    where = f"EXISTS (SELECT 1 FROM subscriptions s WHERE s.contact_id = c.id{''.join(sub)})"
    if audience.lang:
        where += " AND COALESCE(c.lang, 'fr') = ?"
        params.append(audience.lang)
    if audience.channel:
        where += " AND c.channel = ?"
        params.append(audience.channel)
    return where, params


def _in_window_sql() -> str:
    # last_seen_at carries its UTC offset; julianday() compares instants, not strings.
    return "julianday(c.last_seen_at) > julianday(?)"


def _reachable_sql(reach: Reach) -> tuple[str, list[object]]:
    """WHERE over `c`: active, and on WhatsApp inside the window or with a template."""
    langs = sorted(reach.template_langs)
    marks = ",".join("?" * len(langs))
    template = f" OR COALESCE(c.lang, 'fr') IN ({marks})" if langs else ""
    sql = f"c.status = 'active' AND (c.channel <> ? OR {_in_window_sql()}{template})"
    return sql, [WHATSAPP, utc(reach.window_opens_after), *langs]


def _preflight_sql(audience: Audience, reach: Reach) -> tuple[str, list[object]]:
    where, params = _audience_sql(audience)
    sql = (
        "SELECT c.channel, c.status, COALESCE(c.lang, 'fr') AS lang,"
        f" SUM({_in_window_sql()}) AS in_window, COUNT(*) AS n"
        f" FROM contacts c WHERE {where} GROUP BY 1, 2, 3"
    )
    return sql, [utc(reach.window_opens_after), *params]


def _tally(rows: list[Any], reach: Reach) -> Preflight:
    """Pre-flight counts from (channel, status, lang, in_window, n) groups."""
    found = Preflight()
    for row in rows:
        n, status = int(row["n"]), row["status"]
        found.audience += n
        if status == "stopped":
            found.stopped += n
        elif status != "active":
            found.blocked += n
        else:
            _count_active(found, row["channel"], row["lang"], n, int(row["in_window"]), reach)
    return found


def _count_active(
    found: Preflight, channel: str, lang: str, n: int, inside: int, reach: Reach
) -> None:
    # Mirrors _reachable_sql: on WhatsApp, outside the window without a template, nothing.
    reachable = inside if channel == WHATSAPP and lang not in reach.template_langs else n
    found.by_channel[channel] = found.by_channel.get(channel, 0) + reachable
    if n > reachable:
        found.window[lang] = found.window.get(lang, 0) + n - reachable


async def preflight(db: Database, audience: Audience, reach: Reach) -> Preflight:
    """Count the audience by channel, status, language and WhatsApp window."""
    sql, params = _preflight_sql(audience, reach)
    return _tally(await db.fetchall(sql, params), reach)


async def create(
    db: Database,
    *,
    author_contact_id: int | None,
    author: str,
    texts: dict[str, str],
    audience: Audience,
    bodies: dict[str, Body],
    reach: Reach,
    now: datetime,
) -> tuple[int, Preflight]:
    """Record the broadcast and enqueue one outbox row per reachable contact, atomically.

    The counts are taken again inside the transaction, so the record matches the rows
    even if someone subscribed since the pre-flight."""
    where, params = _audience_sql(audience)
    reachable, reach_params = _reachable_sql(reach)
    async with db.transaction() as conn:
        sql, pre_params = _preflight_sql(audience, reach)
        async with conn.execute(sql, pre_params) as rows:
            found = _tally(list(await rows.fetchall()), reach)
        cursor = await conn.execute(
            "INSERT INTO broadcasts (author_contact_id, author, text_fr, text_ar, audience,"
            " audience_size, excluded, enqueued, due_at, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
            (
                author_contact_id,
                author,
                texts.get("fr"),
                texts.get("ar"),
                json.dumps(audience.to_json(), ensure_ascii=False),
                found.audience,
                json.dumps(found.excluded),
                utc(reach.due_at),
                utc(now),
            ),
        )
        broadcast_id = int(cursor.lastrowid or 0)
        inserted = await conn.execute(
            "INSERT OR IGNORE INTO outbox (contact_id, channel, kind, dedupe_key, body,"
            " due_at, created_at) SELECT c.id, c.channel, 'broadcast', ? || c.id,"
            " CASE WHEN c.lang = 'ar' THEN ? ELSE ? END, ?, ?"
            f" FROM contacts c WHERE {where} AND {reachable}",
            [
                _key_range(broadcast_id)[0],
                json.dumps(bodies["ar"], ensure_ascii=False),
                json.dumps(bodies["fr"], ensure_ascii=False),
                utc(reach.due_at),
                utc(now),
                *params,
                *reach_params,
            ],
        )
        await conn.execute(
            "UPDATE broadcasts SET enqueued = ? WHERE id = ?", (inserted.rowcount, broadcast_id)
        )
    return broadcast_id, found


def _broadcast(row: Any) -> Broadcast:
    texts = {lang: row[f"text_{lang}"] for lang in ("fr", "ar") if row[f"text_{lang}"]}
    return Broadcast(
        id=row["id"],
        author_contact_id=row["author_contact_id"],
        author=row["author"],
        texts=texts,
        audience=Audience.from_json(json.loads(row["audience"])),
        audience_size=row["audience_size"],
        excluded=json.loads(row["excluded"]),
        enqueued=row["enqueued"],
        status=BroadcastStatus(row["status"]),
        created_at=row["created_at"],
        reported_at=row["reported_at"],
    )


async def get(db: Database, broadcast_id: int) -> Broadcast | None:
    row = await db.fetchone("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,))
    return _broadcast(row) if row else None


async def latest(db: Database, limit: int = 5) -> list[Broadcast]:
    """The most recent broadcasts, newest first."""
    rows = await db.fetchall("SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?", (limit,))
    return [_broadcast(row) for row in rows]


async def unfinished(db: Database) -> list[Broadcast]:
    """Broadcasts still sending, or finished without their final report sent."""
    rows = await db.fetchall(
        "SELECT * FROM broadcasts WHERE status = 'sending'"
        " OR (reported_at IS NULL AND author_contact_id IS NOT NULL) ORDER BY id"
    )
    return [_broadcast(row) for row in rows]


async def progress(db: Database, broadcast_id: int) -> Progress:
    """The broadcast's rows by outcome, and WhatsApp's delivery reports on the sent ones."""
    low, high = _key_range(broadcast_id)
    rows = await db.fetchall(
        "SELECT o.status, o.delivery_status,"
        " (o.status = 'skipped' AND o.error = ?) OR (o.status = 'failed'"
        " AND c.status = 'blocked') AS blocked, COUNT(*) AS n"
        " FROM outbox o JOIN contacts c ON c.id = o.contact_id"
        " WHERE o.dedupe_key >= ? AND o.dedupe_key < ? GROUP BY 1, 2, 3",
        (BLOCKED_REASON, low, high),
    )
    found = Progress()
    for row in rows:
        n = int(row["n"])
        outcome = "blocked" if row["blocked"] else str(row["status"])
        setattr(found, outcome, getattr(found, outcome) + n)
        if row["delivery_status"]:
            status = str(row["delivery_status"])
            found.delivery[status] = found.delivery.get(status, 0) + n
    return found


async def cancel(db: Database, broadcast_id: int, now: datetime) -> int | None:
    """Skip the broadcast's pending rows; None when it is not sending any more.

    A message already handed to the sender may still go out; its row stays skipped."""
    low, high = _key_range(broadcast_id)
    async with db.transaction() as conn:
        changed = await conn.execute(
            "UPDATE broadcasts SET status = 'cancelled', finished_at = ?"
            " WHERE id = ? AND status = 'sending'",
            (utc(now), broadcast_id),
        )
        if not changed.rowcount:
            return None
        skipped = await conn.execute(
            "UPDATE outbox SET status = 'skipped', error = ?, finished_at = ?"
            " WHERE dedupe_key >= ? AND dedupe_key < ? AND status = 'pending'",
            (CANCELLED_REASON, utc(now), low, high),
        )
        return skipped.rowcount


async def mark_done(db: Database, broadcast_id: int, now: datetime) -> bool:
    """A sending broadcast with no pending row left is done."""
    low, high = _key_range(broadcast_id)
    changed = await db.execute(
        "UPDATE broadcasts SET status = 'done', finished_at = ? WHERE id = ?"
        " AND status = 'sending' AND NOT EXISTS (SELECT 1 FROM outbox WHERE dedupe_key >= ?"
        " AND dedupe_key < ? AND status = 'pending')",
        (utc(now), broadcast_id, low, high),
    )
    return changed > 0


async def mark_reported(db: Database, broadcast_id: int, now: datetime) -> bool:
    """Claim the final report of a finished broadcast (True once)."""
    changed = await db.execute(
        "UPDATE broadcasts SET reported_at = ? WHERE id = ? AND reported_at IS NULL"
        " AND status <> 'sending'",
        (utc(now), broadcast_id),
    )
    return changed > 0
