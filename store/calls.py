"""The call catalog: saving, loading, listing by status/region/theme/kind, and names."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

import aiosqlite

from store.db import Database
from store.models import Call, Kind
from store.text import fold, tokens
from store.vocab import organizations

# Title and organisation words that name no call in particular.
_GENERIC_WORDS = frozenset(
    """appel appels offre offres consultant consultante consultants consultation recrutement
    recrutement expert experte mission termes reference references tdr projet programme
    chargee charge charges de des du la le les un une pour et en au aux dans sur d l a
    association organisation atelier guide territoriales territorial collectivites maroc
    marocain marocaine avec par son sa ses leur cadre the of for and""".split()
)

NAME_WEIGHT_ALIAS = 3.0
NAME_WEIGHT_ORGANIZATION = 1.5
NAME_WEIGHT_TITLE = 1.0


@dataclass(frozen=True)
class CallFilter:
    """What a listing asks for; None means any."""

    regions: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    kind: Kind | None = None
    deadline_before: datetime | None = None


def _utc(value: str | None) -> str | None:
    if not value:
        return None
    return datetime.fromisoformat(value).astimezone(UTC).isoformat()


def call_names(call: Call) -> dict[str, float]:
    """Folded names and title words of a call, with how strongly each names it.

    A whole alias, organisation name or reference names the call; a single word of a
    longer name or of the title only hints at it.
    """
    names: dict[str, float] = {}

    def add(name: str, weight: float) -> None:
        if name and len(name) > 1 and name not in _GENERIC_WORDS:
            names[name] = max(names.get(name, 0.0), weight)

    for alias in call.aliases:
        add(fold(alias), NAME_WEIGHT_ALIAS)
    if call.reference:
        add(fold(call.reference), NAME_WEIGHT_ALIAS)
        add(fold(call.reference).replace(" ", ""), NAME_WEIGHT_ALIAS)
    # The organisation's other names, in the other language too ("M&D" is written
    # «الهجرة والتنمية» by Arabic speakers).
    known_as = organizations.other_names(call.organization) if call.organization else ()
    for name in (call.organization or "", *known_as):
        add(fold(name), NAME_WEIGHT_ALIAS)
    for text in (*call.aliases, call.organization or "", *known_as):
        for word in tokens(text):
            if len(word) > 3:
                add(word, NAME_WEIGHT_ORGANIZATION)
    for word in tokens(call.title):
        if len(word) > 3:
            add(word, NAME_WEIGHT_TITLE)
    return names


async def save_call(db: Database, call: Call, *, published: bool, now: datetime) -> None:
    """Insert or replace a call with its regions, themes, names and searchable lines."""
    await save_calls(db, [call], published=published, now=now)


async def save_calls(db: Database, calls: list[Call], *, published: bool, now: datetime) -> None:
    """Save several calls in one transaction: all or none.

    Rows are gathered first and written with one statement per table, because each
    statement is a round trip to aiosqlite's thread: 10,000 calls load in seconds.
    """
    stamp = now.astimezone(UTC).isoformat()
    ids = [(call.id,) for call in calls]
    async with db.transaction() as conn:
        await conn.executemany(_UPSERT_CALL, [_call_row(call, published, stamp) for call in calls])
        for table in ("call_regions", "call_themes", "call_names", "call_lines"):
            await conn.executemany(f"DELETE FROM {table} WHERE call_id = ?", ids)
        await conn.executemany(
            "INSERT INTO call_regions VALUES (?, ?)",
            [(c.id, region) for c in calls for region in set(c.regions)],
        )
        await conn.executemany(
            "INSERT INTO call_themes VALUES (?, ?)",
            [(c.id, theme) for c in calls for theme in set(c.themes)],
        )
        await conn.executemany(
            "INSERT INTO call_names VALUES (?, ?, ?)",
            [(c.id, name, weight) for c in calls for name, weight in call_names(c).items()],
        )
        await conn.executemany(
            "INSERT INTO call_lines (call_id, owner, line, folded) VALUES (?, ?, ?, ?)",
            [
                (c.id, line_owner(c.id), line, fold(line))
                for c in calls
                for line in _source_lines(c.source_text)
            ],
        )


_UPSERT_CALL = (
    "INSERT INTO calls (id, data, kind, deadline_utc, last_key_date, published,"
    " closed_manually, created_at, updated_at, published_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ?6 = 1 THEN ?9 END)"
    " ON CONFLICT (id) DO UPDATE SET data = excluded.data, kind = excluded.kind,"
    " deadline_utc = excluded.deadline_utc, last_key_date = excluded.last_key_date,"
    " published = excluded.published, closed_manually = excluded.closed_manually,"
    " updated_at = excluded.updated_at,"
    " published_at = COALESCE(calls.published_at, excluded.published_at)"
)


def _call_row(call: Call, published: bool, stamp: str) -> tuple[object, ...]:
    data = asdict(call)
    data["kind"] = str(call.kind)
    return (
        call.id,
        json.dumps(data, ensure_ascii=False),
        str(call.kind),
        _utc(call.deadline),
        max((k.date for k in call.key_dates), default=None),
        int(published),
        int(call.closed_manually),
        stamp,
        stamp,
    )


def line_owner(call_id: str) -> str:
    """The FTS token standing for one call (ids hold hyphens that FTS would split)."""
    return "k" + hashlib.sha1(call_id.encode()).hexdigest()[:16]


def _source_lines(text: str) -> list[str]:
    lines = [" ".join(raw.split()) for raw in text.splitlines()]
    return [line for line in lines if len(line) > 2]


def _row_to_call(row: aiosqlite.Row) -> Call:
    return Call.from_json(json.loads(row["data"]))


async def get_call(db: Database, call_id: str, *, include_drafts: bool = False) -> Call | None:
    row = await db.fetchone("SELECT data, published FROM calls WHERE id = ?", (call_id,))
    if row is None or (not row["published"] and not include_drafts):
        return None
    return _row_to_call(row)


async def is_published(db: Database, call_id: str) -> bool | None:
    """True/False for a stored call, None for an unknown id."""
    row = await db.fetchone("SELECT published FROM calls WHERE id = ?", (call_id,))
    return None if row is None else bool(row["published"])


async def get_calls(db: Database, call_ids: list[str]) -> list[Call]:
    """Published calls by id, in the order asked."""
    if not call_ids:
        return []
    marks = ",".join("?" * len(call_ids))
    rows = await db.fetchall(
        f"SELECT id, data FROM calls WHERE +published = 1 AND id IN ({marks})", call_ids
    )
    by_id = {row["id"]: _row_to_call(row) for row in rows}
    return [by_id[i] for i in call_ids if i in by_id]


async def all_calls(db: Database, *, include_drafts: bool = False) -> list[Call]:
    where = "" if include_drafts else "WHERE published = 1"
    rows = await db.fetchall(f"SELECT data FROM calls {where} ORDER BY id")
    return [_row_to_call(row) for row in rows]


async def set_published(db: Database, call_id: str, published: bool, now: datetime) -> bool:
    """Publish or unpublish; the first publication time is kept for new-call alerts."""
    changed = await db.execute(
        "UPDATE calls SET published = ?, published_at = COALESCE(published_at,"
        " CASE WHEN ? = 1 THEN ? END) WHERE id = ?",
        (int(published), int(published), now.astimezone(UTC).isoformat(), call_id),
    )
    return changed > 0


async def close_call(db: Database, call: Call, now: datetime) -> None:
    """Mark a call closed whatever its deadline says (staff decision)."""
    call.closed_manually = True
    published = await is_published(db, call.id)
    await save_call(db, call, published=bool(published), now=now)


def _filter_sql(flt: CallFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if flt.regions:
        marks = ",".join("?" * (len(flt.regions) + 1))
        clauses.append(f"c.id IN (SELECT call_id FROM call_regions WHERE region IN ({marks}))")
        params.extend([*flt.regions, "national"])
    if flt.themes:
        marks = ",".join("?" * len(flt.themes))
        clauses.append(f"c.id IN (SELECT call_id FROM call_themes WHERE theme IN ({marks}))")
        params.extend(flt.themes)
    if flt.kind:
        clauses.append("c.kind = ?")
        params.append(str(flt.kind))
    return "".join(f" AND {clause}" for clause in clauses), params


async def open_calls(
    db: Database, now: datetime, flt: CallFilter, limit: int, *, count: bool = True
) -> tuple[list[Call], int]:
    """Published calls still open at `now`, soonest deadline first, and how many in all."""
    extra, params = _filter_sql(flt)
    where = (
        "c.published = 1 AND c.closed_manually = 0 AND c.deadline_utc >= ?"
        + (" AND c.deadline_utc <= ?" if flt.deadline_before else "")
        + extra
    )
    head = [now.astimezone(UTC).isoformat()]
    if flt.deadline_before:
        head.append(flt.deadline_before.astimezone(UTC).isoformat())
    return await _page(db, where, [*head, *params], "c.deadline_utc ASC", limit, count)


async def undated_calls(
    db: Database, now: datetime, flt: CallFilter, limit: int, *, count: bool = True
) -> tuple[list[Call], int]:
    """Published calls with no deadline whose key dates (if any) are still ahead."""
    extra, params = _filter_sql(flt)
    where = (
        "c.published = 1 AND c.closed_manually = 0 AND c.deadline_utc IS NULL"
        " AND (c.last_key_date IS NULL OR c.last_key_date >= ?)" + extra
    )
    today = now.date().isoformat()
    return await _page(db, where, [today, *params], "c.last_key_date ASC", limit, count)


async def closed_calls(
    db: Database, now: datetime, flt: CallFilter, limit: int, *, count: bool = True
) -> tuple[list[Call], int]:
    """Published calls closed at `now`, most recently closed first."""
    extra, params = _filter_sql(flt)
    where = (
        "c.published = 1 AND (c.closed_manually = 1 OR c.deadline_utc < ?"
        " OR (c.deadline_utc IS NULL AND c.last_key_date < ?))" + extra
    )
    stamp = now.astimezone(UTC).isoformat()
    today = now.date().isoformat()
    order = "COALESCE(c.deadline_utc, c.last_key_date) DESC"
    return await _page(db, where, [stamp, today, *params], order, limit, count)


async def _page(
    db: Database, where: str, params: list[object], order: str, limit: int, count: bool
) -> tuple[list[Call], int]:
    """A page of calls and, when asked (it costs a second query), how many match in all."""
    rows = await db.fetchall(
        f"SELECT c.data FROM calls c WHERE {where} ORDER BY {order} LIMIT ?", [*params, limit]
    )
    calls = [_row_to_call(row) for row in rows]
    if not count:
        return calls, len(calls)
    count_row = await db.fetchone(f"SELECT COUNT(*) AS n FROM calls c WHERE {where}", params)
    return calls, int(count_row["n"]) if count_row else 0


async def catalog_version(db: Database) -> int:
    row = await db.fetchone("SELECT version FROM catalog_version WHERE id = 1")
    return int(row["version"]) if row else 0


async def changed_since(db: Database, version: int) -> list[str] | None:
    """Ids of the calls changed after `version`, or None when that is no longer known."""
    oldest = await db.fetchone("SELECT MIN(version) AS v FROM catalog_changes")
    if oldest is None or oldest["v"] is None or oldest["v"] > version + 1:
        return None
    rows = await db.fetchall(
        "SELECT DISTINCT call_id FROM catalog_changes WHERE version > ?", (version,)
    )
    return [row["call_id"] for row in rows]


async def name_rows_of(db: Database, call_ids: list[str]) -> list[tuple[str, str, float]]:
    """The name rows of some published calls (for an incremental index update)."""
    marks = ",".join("?" * len(call_ids))
    rows = await db.fetchall(
        "SELECT n.call_id, n.name, n.weight FROM call_names n"
        f" JOIN calls c ON c.id = n.call_id WHERE c.published = 1 AND n.call_id IN ({marks})",
        call_ids,
    )
    return [(row["call_id"], row["name"], row["weight"]) for row in rows]


async def name_rows(db: Database) -> list[tuple[str, str, float]]:
    """(call_id, name, weight) for every published call: the name index's source."""
    rows = await db.fetchall(
        "SELECT n.call_id, n.name, n.weight FROM call_names n"
        " JOIN calls c ON c.id = n.call_id WHERE c.published = 1"
    )
    return [(row["call_id"], row["name"], row["weight"]) for row in rows]


async def calls_with_deadline_between(
    db: Database, after: datetime, until: datetime
) -> list[Call]:
    """Published, not closed by staff, deadline in (after, until]: reminder candidates."""
    rows = await db.fetchall(
        "SELECT data FROM calls WHERE published = 1 AND closed_manually = 0"
        " AND deadline_utc > ? AND deadline_utc <= ? ORDER BY deadline_utc",
        (after.astimezone(UTC).isoformat(), until.astimezone(UTC).isoformat()),
    )
    return [_row_to_call(row) for row in rows]


async def calls_published_between(db: Database, after: datetime, until: datetime) -> list[Call]:
    """Calls first published in [after, until), for digests."""
    rows = await db.fetchall(
        "SELECT data FROM calls WHERE published = 1 AND closed_manually = 0"
        " AND published_at >= ? AND published_at < ? ORDER BY published_at",
        (after.astimezone(UTC).isoformat(), until.astimezone(UTC).isoformat()),
    )
    return [_row_to_call(row) for row in rows]


async def published_at(db: Database, call_id: str) -> datetime | None:
    row = await db.fetchone("SELECT published_at FROM calls WHERE id = ?", (call_id,))
    return datetime.fromisoformat(row["published_at"]) if row and row["published_at"] else None
