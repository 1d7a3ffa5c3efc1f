"""Which calls are open (or closed), filtered by place, theme, kind and period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from handlers.callinfo import (
    call_label,
    deadline_shown,
    left_text,
    organization,
    short_title,
    status_line,
    undated_note,
)
from handlers.clock import CASABLANCA
from handlers.conversation import Turn
from handlers.messages import Button, Reply
from handlers.texts.format import format_deadline
from store import calls as call_store
from store.calls import CallFilter
from store.models import Call, Kind
from store.vocab.places import region_name
from store.vocab.themes import theme_name

PAGE = 8
BUTTONS = 5


@dataclass(frozen=True)
class ListRequest:
    regions: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    kind: Kind | None = None
    period: str | None = None  # "week" | "month"

    def is_filtered(self) -> bool:
        return bool(self.regions or self.themes or self.kind or self.period)


def _period_end(now: datetime, period: str | None) -> datetime | None:
    local = now.astimezone(CASABLANCA)
    if period == "week":
        last = local.date() + timedelta(days=6 - local.weekday())
    elif period == "month":
        following = (local.replace(day=28) + timedelta(days=4)).replace(day=1)
        last = following.date() - timedelta(days=1)
    else:
        return None
    return datetime.combine(last, time(23, 59, 59), tzinfo=CASABLANCA)


def _filters_text(turn: Turn, req: ListRequest) -> str:
    parts: list[str] = []
    if req.cities:
        parts.append(turn.t("filter_city", name=", ".join(req.cities)))
    elif req.regions:
        names = ", ".join(region_name(r, turn.lang) for r in req.regions)
        parts.append(turn.t("filter_region", name=names))
    if req.themes:
        names = ", ".join(theme_name(th, turn.lang) for th in req.themes)
        parts.append(turn.t("filter_theme", name=names))
    if req.kind:
        parts.append(turn.t(f"filter_kind_{req.kind}"))
    if req.period:
        parts.append(turn.t(f"filter_{req.period}"))
    return "".join(parts)


def _call_filter(turn: Turn, req: ListRequest) -> CallFilter:
    return CallFilter(
        regions=req.regions,
        themes=req.themes,
        kind=req.kind,
        deadline_before=_period_end(turn.now, req.period),
    )


_ONE_CALL_SCAN = 20  # more matches than this is a listing anyway


async def only_call(turn: Turn, req: ListRequest) -> Call | None:
    """The one published call (open or closed) the filter matches, if exactly one does:
    "quand a lieu l'atelier de Saïdia ?" is about the Saïdia call, not a listing."""
    flt, db, now = _call_filter(turn, req), turn.deps.db, turn.now
    found: dict[str, Call] = {}
    for page in (call_store.open_calls, call_store.closed_calls, call_store.undated_calls):
        calls, _ = await page(db, now, flt, _ONE_CALL_SCAN, count=False)
        # A town named narrows the region's calls to the ones held there.
        found.update((c.id, c) for c in calls if not req.cities or set(req.cities) & set(c.cities))
    return next(iter(found.values())) if len(found) == 1 else None


def _buttons(calls: list[Call]) -> list[Button]:
    return [Button(call_label(c), f"call:{c.id}") for c in calls[:BUTTONS]]


async def list_open(turn: Turn, req: ListRequest) -> Reply:
    """Open calls soonest first, then calls without a deadline, then closed ones in view."""
    db, flt, filters = turn.deps.db, _call_filter(turn, req), _filters_text(turn, req)
    calls, total = await call_store.open_calls(db, turn.now, flt, PAGE)
    if calls:
        lines = [turn.t("list_open", filters=filters, count=total)]
    else:
        lines = [turn.t("list_open_none", filters=filters)]
    for call in calls:
        deadline = call.deadline_at()
        assert deadline is not None
        lines.append(
            turn.t(
                "list_item_open",
                title=short_title(call),
                org=organization(call),
                deadline=deadline_shown(turn, call),
                left=left_text(turn, call),
            )
        )
    if total > len(calls):
        lines.append(turn.t("list_more", count=total - len(calls)))
    shown = list(calls)
    if not req.period:
        undated, _ = await call_store.undated_calls(db, turn.now, flt, 3, count=False)
        if undated:
            lines.append(turn.t("list_undated"))
            lines += [_undated_item(turn, c) for c in undated]
            shown += undated
    if req.regions or req.themes or req.kind:
        closed, _ = await call_store.closed_calls(db, turn.now, flt, 3, count=False)
        if closed:
            items = ", ".join(_closed_label(turn, c) for c in closed)
            lines.append(turn.t("list_also_closed", filters="", items=items))
    if not shown:
        lines.append(turn.t("list_suggest" if req.is_filtered() else "list_subscribe_hint"))
    if len(shown) == 1:
        turn.focus(shown[0].id)  # "et qui peut postuler ?" is about the one call listed
    return Reply("\n".join(lines), _buttons(shown))


def _undated_item(turn: Turn, call: Call) -> str:
    return turn.t(
        "list_item_undated",
        title=short_title(call),
        org=organization(call),
        note=undated_note(turn, call),
    )


def _closed_label(turn: Turn, call: Call) -> str:
    deadline = call.deadline_at()
    name = call.organization or short_title(call)
    if deadline is None:
        return name
    return turn.t("closed_label", name=name, date=format_deadline(deadline, turn.lang))


async def list_closed(turn: Turn, req: ListRequest) -> Reply:
    db, flt, filters = turn.deps.db, _call_filter(turn, req), _filters_text(turn, req)
    calls, total = await call_store.closed_calls(db, turn.now, flt, PAGE)
    if not calls:
        return Reply(turn.t("list_closed_none", filters=filters))
    lines = [turn.t("list_closed", filters=filters, count=total)]
    for call in calls:
        status = status_line(turn, call).rstrip(".")
        lines.append(
            turn.t(
                "list_item_closed", title=short_title(call), org=organization(call), status=status
            )
        )
    if total > len(calls):
        lines.append(turn.t("list_more", count=total - len(calls)))
    return Reply("\n".join(lines), _buttons(calls))
