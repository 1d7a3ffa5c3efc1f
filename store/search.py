"""Full-text search over a call's source lines (SQLite FTS5)."""

from __future__ import annotations

from dataclasses import dataclass

from store.calls import line_owner
from store.db import Database


@dataclass(frozen=True)
class LineHit:
    line: str
    rank: float


def _fts_query(terms: list[str]) -> str:
    # Each term quoted (FTS5 syntax characters in user text must not reach the parser),
    # prefix-matched so "experience" finds "experiences"; OR'ed and ranked by bm25.
    cleaned = []
    for term in terms:
        term = term.replace('"', " ").strip()
        if len(term) >= 3:
            cleaned.append(f'"{term}"*')
    return " OR ".join(dict.fromkeys(cleaned))


async def search_lines(
    db: Database, call_id: str, terms: list[str], limit: int = 3
) -> list[LineHit]:
    """The source lines of one call that best match the folded terms, best first."""
    query = _fts_query(terms)
    if not query:
        return []
    rows = await db.fetchall(
        "SELECT l.line, bm25(call_lines_fts) AS rank FROM call_lines_fts"
        " JOIN call_lines l ON l.id = call_lines_fts.rowid"
        " WHERE call_lines_fts MATCH ? ORDER BY rank LIMIT ?",
        (f"owner : {line_owner(call_id)} AND folded : ({query})", limit),
    )
    return [LineHit(row["line"], float(row["rank"])) for row in rows]
