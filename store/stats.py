"""Counts for the staff statistics: subscribers, arrivals and departures, deliveries.

Aggregates only: nothing here returns an address or a contact id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from store.db import Database
from store.outbox import utc

ALL = "*"  # a subscription to all of Morocco, or to every theme


@dataclass
class Subscribers:
    """Contacts with at least one subscription, by status, channel and language."""

    active_by_channel: Counter[str] = field(default_factory=Counter)
    active_by_lang: Counter[str] = field(default_factory=Counter)
    stopped: int = 0
    blocked: int = 0

    @property
    def active(self) -> int:
        return sum(self.active_by_channel.values())


@dataclass
class Week:
    """Arrivals and departures since a given instant."""

    subscriptions: int = 0  # subscriptions created
    subscribers: int = 0  # distinct contacts who created them
    stopped: int = 0  # contacts who said STOP (and have not come back)
    blocked: int = 0  # contacts the channel says cannot be reached
    forgotten: int = 0  # contacts who asked to be forgotten (an anonymous daily count)


@dataclass
class KindResults:
    """Outbox rows of one kind by outcome, why some did not go, and delivery reports."""

    by_status: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)  # error or skip reason
    delivery: Counter[str] = field(default_factory=Counter)  # WhatsApp delivery_status


async def subscribers(db: Database) -> Subscribers:
    rows = await db.fetchall(
        "SELECT c.channel, c.status, COALESCE(c.lang, 'fr') AS lang, COUNT(*) AS n"
        " FROM contacts c WHERE EXISTS (SELECT 1 FROM subscriptions s"
        " WHERE s.contact_id = c.id) GROUP BY 1, 2, 3"
    )
    found = Subscribers()
    for row in rows:
        n = int(row["n"])
        if row["status"] == "active":
            found.active_by_channel[row["channel"]] += n
            found.active_by_lang[row["lang"]] += n
        elif row["status"] == "stopped":
            found.stopped += n
        else:
            found.blocked += n
    return found


async def active_by(db: Database, column: str) -> Counter[str]:
    """Active subscribers per region or theme (`column`); ALL for "all of them".

    A contact counts once per region even with two subscriptions naming it."""
    if column not in ("regions", "themes"):
        raise ValueError(column)
    rows = await db.fetchall(
        f"SELECT COALESCE(j.value, '{ALL}') AS item, COUNT(DISTINCT s.contact_id) AS n"
        f" FROM subscriptions s JOIN contacts c ON c.id = s.contact_id"
        f" LEFT JOIN json_each(s.{column}) j WHERE c.status = 'active' GROUP BY 1"
    )
    return Counter({row["item"]: int(row["n"]) for row in rows})


async def week(db: Database, since: datetime) -> Week:
    """Arrivals and departures since `since` (stored times carry their offset)."""
    found = Week()
    row = await db.fetchone(
        "SELECT COUNT(*) AS n, COUNT(DISTINCT contact_id) AS people FROM subscriptions"
        " WHERE julianday(created_at) >= julianday(?)",
        (utc(since),),
    )
    if row:
        found.subscriptions, found.subscribers = int(row["n"]), int(row["people"])
    rows = await db.fetchall(
        "SELECT status, COUNT(*) AS n FROM contacts WHERE status IN ('stopped', 'blocked')"
        " AND julianday(status_at) >= julianday(?) GROUP BY status",
        (utc(since),),
    )
    for row in rows:
        setattr(found, row["status"], int(row["n"]))
    found.forgotten = await forgotten_since(db, since)
    return found


async def forgotten_since(db: Database, since: datetime) -> int:
    """Contacts forgotten on or after the local day of `since` (a daily count)."""
    row = await db.fetchone(
        "SELECT COALESCE(SUM(n), 0) AS n FROM forgotten_counts WHERE day >= ?",
        (since.date().isoformat(),),
    )
    return int(row["n"]) if row else 0


async def results_by_kind(db: Database, since: datetime) -> dict[str, KindResults]:
    """Outbox rows created since `since`, by kind: outcomes, reasons, delivery reports."""
    rows = await db.fetchall(
        "SELECT kind, status, CASE WHEN status IN ('failed', 'skipped')"
        " THEN substr(COALESCE(error, ''), 1, 80) END AS reason, delivery_status,"
        " COUNT(*) AS n FROM outbox WHERE created_at >= ? GROUP BY 1, 2, 3, 4",
        (utc(since),),
    )
    found: dict[str, KindResults] = {}
    for row in rows:
        results = found.setdefault(row["kind"], KindResults())
        n = int(row["n"])
        results.by_status[row["status"]] += n
        if row["reason"] is not None:
            results.reasons[row["reason"]] += n
        if row["delivery_status"]:
            results.delivery[row["delivery_status"]] += n
    return found
