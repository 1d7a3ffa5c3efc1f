"""Staff statistics: who is subscribed, who came and went this week, what got delivered.

`/stats` (`/statistiques`, `إحصائيات`) answers with the figures as text, in the staff
member's language, and the same figures as a bar chart (a PNG made with matplotlib's
Agg backend). The chart's labels are French whatever the language: matplotlib neither
joins Arabic letters nor lays them out right to left, so Arabic labels would be
unreadable.
"""

from __future__ import annotations

import asyncio
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from handlers.conversation import Turn
from handlers.messages import Button, Image, Reply
from handlers.staff import access
from handlers.texts import t
from handlers.texts.format import format_deadline
from store import broadcasts as broadcast_store
from store import stats as store
from store.broadcasts import Broadcast, Progress
from store.db import Database
from store.stats import ALL, KindResults, Subscribers, Week
from store.vocab.places import region_name
from store.vocab.themes import theme_name

WEEK = timedelta(days=7)
KINDS = ("reminder", "new_call", "digest", "notice", "broadcast")
OUTCOMES = ("sent", "failed", "skipped", "pending")
RECENT_BROADCASTS = 5
TOP_REASONS = 3
CHART_NAME = "forsa-stats.png"
# The sender's and the channels' skip reasons, as the catalog says them.
_REASON_KEYS = {
    "contact stopped": "reason_stopped",
    "contact blocked": "reason_blocked",
    "call closed or withdrawn": "reason_closed",
    "deadline changed": "reason_deadline",
    broadcast_store.CANCELLED_REASON: "reason_cancelled",
}
_WINDOW_REASON = "outside the WhatsApp 24-hour window"


@dataclass
class Snapshot:
    """Every figure of the statistics at one instant."""

    at: datetime
    subscribers: Subscribers
    regions: Counter[str]
    themes: Counter[str]
    week: Week
    kinds: dict[str, KindResults]
    broadcasts: list[tuple[Broadcast, Progress]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        subs = self.subscribers
        return {
            "at": self.at.isoformat(),
            "subscribers": {
                "active": subs.active,
                "by_channel": dict(subs.active_by_channel),
                "by_lang": dict(subs.active_by_lang),
                "stopped": subs.stopped,
                "blocked": subs.blocked,
            },
            "by_region": dict(self.regions),
            "by_theme": dict(self.themes),
            "week": vars(self.week).copy(),
            "deliveries": {
                kind: {
                    "by_status": dict(r.by_status),
                    "reasons": dict(r.reasons),
                    "delivery": dict(r.delivery),
                }
                for kind, r in self.kinds.items()
            },
            "broadcasts": [_broadcast_json(b, p) for b, p in self.broadcasts],
        }


def _broadcast_json(broadcast: Broadcast, progress: Progress) -> dict[str, Any]:
    return {
        "id": broadcast.id,
        "status": str(broadcast.status),
        "audience": broadcast.audience_size,
        "excluded": broadcast.excluded,
        "enqueued": broadcast.enqueued,
        "sent": progress.sent,
        "failed": progress.failed,
        "blocked": progress.blocked,
        "skipped": progress.skipped,
        "pending": progress.pending,
        "delivery": progress.delivery,
    }


async def snapshot(db: Database, now: datetime) -> Snapshot:
    """Gather every figure (a dozen aggregate queries)."""
    since = now - WEEK
    recent = []
    for broadcast in await broadcast_store.latest(db, RECENT_BROADCASTS):
        if await broadcast_store.mark_done(db, broadcast.id, now):
            broadcast = await broadcast_store.get(db, broadcast.id) or broadcast
        recent.append((broadcast, await broadcast_store.progress(db, broadcast.id)))
    return Snapshot(
        at=now,
        subscribers=await store.subscribers(db),
        regions=await store.active_by(db, "regions"),
        themes=await store.active_by(db, "themes"),
        week=await store.week(db, since),
        kinds=await store.results_by_kind(db, since),
        broadcasts=recent,
    )


# --- entry points ----------------------------------------------------------------------


async def on_command(turn: Turn, args: str) -> Reply:
    """`/stats`: the figures as text and as a chart."""
    return await _answer(turn, "/stats")


async def on_button(turn: Turn, rest: str) -> Reply | None:
    """Payloads "staff:stats:<rest>": "refresh"."""
    if not await access.staff_role(turn):
        # The router refuses first (defence in depth): the generic answer, via None.
        await access.audit(turn, f"staff:stats:{rest[:40]}", False)
        return None
    if rest != "refresh":
        return None
    return await _answer(turn, "staff:stats:refresh")


async def _answer(turn: Turn, command: str) -> Reply:
    if not await access.staff_role(turn):
        await access.audit(turn, command, False)
        return access.neutral_refusal(turn)
    snap = await snapshot(turn.deps.db, turn.now)
    png = await chart_png(snap)
    await access.audit(turn, command, True)
    text = f"{stats_text(snap, turn.lang)}\n\n{turn.t('stats_chart_note')}"
    return Reply(
        text,
        [Button(turn.t("stats_refresh"), "staff:stats:refresh")],
        image=Image(png, CHART_NAME),
    )


# --- text --------------------------------------------------------------------------------


def stats_text(snap: Snapshot, lang: str) -> str:
    """Every figure in words, in `lang`."""
    lines = [t(lang, "stats_title", date=format_deadline(snap.at, lang))]
    lines += _subscriber_lines(snap, lang)
    lines += ["", t(lang, "stats_week")]
    week = snap.week
    lines.append(t(lang, "stats_week_new", subs=week.subscriptions, contacts=week.subscribers))
    lines.append(
        t(
            lang,
            "stats_week_lost",
            stopped=week.stopped,
            blocked=week.blocked,
            forgotten=week.forgotten,
        )
    )
    lines.append(t(lang, "stats_forgotten_note"))
    lines += ["", t(lang, "stats_delivery"), *_delivery_lines(snap, lang)]
    if snap.broadcasts:
        lines += ["", t(lang, "stats_broadcasts")]
        lines += [_broadcast_line(b, p, lang) for b, p in snap.broadcasts]
    return "\n".join(lines)


def _items(counts: Counter[str], name: Any, lang: str) -> str:
    separator = "، " if lang == "ar" else ", "
    return separator.join(f"{name(key)} {n}" for key, n in counts.most_common()) or "—"


def _subscriber_lines(snap: Snapshot, lang: str) -> list[str]:
    subs = snap.subscribers

    def region(key: str) -> str:
        return t(lang, "sub_all_regions") if key == ALL else region_name(key, lang)

    def theme(key: str) -> str:
        return t(lang, "sub_all_themes") if key == ALL else theme_name(key, lang)

    return [
        t(lang, "stats_subscribers", n=subs.active),
        t(lang, "stats_by_channel", items=_items(subs.active_by_channel, _channel(lang), lang)),
        t(lang, "stats_by_lang", items=_items(subs.active_by_lang, _language(lang), lang)),
        t(lang, "stats_paused", stopped=subs.stopped, blocked=subs.blocked),
        t(lang, "stats_by_region", items=_items(snap.regions, region, lang)),
        t(lang, "stats_by_theme", items=_items(snap.themes, theme, lang)),
    ]


def _channel(lang: str) -> Any:
    def name(channel: str) -> str:
        known = channel in ("telegram", "whatsapp")
        return t(lang, f"channel_{channel}") if known else channel

    return name


def _language(lang: str) -> Any:
    return lambda code: t(lang, f"lang_{code}") if code in ("fr", "ar") else code


def reason_text(reason: str, lang: str) -> str:
    """A skip or failure reason in the catalog's words; provider errors as they came."""
    if reason in _REASON_KEYS:
        return t(lang, _REASON_KEYS[reason])
    if reason.startswith(_WINDOW_REASON):
        return t(lang, "reason_window")
    return reason[:60] or "?"


def _delivery_lines(snap: Snapshot, lang: str) -> list[str]:
    lines = []
    for kind in KINDS:
        results = snap.kinds.get(kind)
        if results is None:
            continue
        counts = {outcome: results.by_status.get(outcome, 0) for outcome in OUTCOMES}
        lines.append(t(lang, "stats_kind_line", kind=t(lang, f"stats_kind_{kind}"), **counts))
        reasons: Counter[str] = Counter()
        for reason, n in results.reasons.items():
            reasons[reason_text(reason, lang)] += n
        if reasons:
            top = Counter(dict(reasons.most_common(TOP_REASONS)))
            lines.append(t(lang, "stats_reasons", items=_items(top, str, lang)))
        if results.delivery:
            lines.append(t(lang, "stats_reports", items=_items(results.delivery, str, lang)))
    return lines or [t(lang, "stats_nothing_sent")]


def _broadcast_line(broadcast: Broadcast, progress: Progress, lang: str) -> str:
    return t(
        lang,
        "stats_broadcast_line",
        id=broadcast.id,
        status=t(lang, f"bc_status_{broadcast.status}"),
        sent=progress.sent,
        failed=progress.failed,
        blocked=progress.blocked,
        skipped=progress.skipped,
        pending=progress.pending,
        excluded=sum(broadcast.excluded.values()),
    )


# --- chart -------------------------------------------------------------------------------


async def chart_png(snap: Snapshot) -> bytes:
    """The chart, drawn in a worker thread (a few hundred milliseconds of CPU)."""
    return await asyncio.to_thread(render_chart, snap)


def render_chart(snap: Snapshot) -> bytes:
    """Four bar charts as one PNG: regions, themes, language and channel, deliveries."""
    # Imported here: matplotlib costs half a second to import, and only /stats needs it.
    # Figure + the Agg canvas, not pyplot: no global state, no display, thread-safe.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(12, 9), dpi=80)
    FigureCanvasAgg(figure)
    (regions, themes), (audience, deliveries) = figure.subplots(2, 2)
    _barh(regions, t("fr", "chart_regions"), snap.regions, _region_fr)
    _barh(themes, t("fr", "chart_themes"), snap.themes, _theme_fr)
    _audience_bars(audience, snap.subscribers)
    _delivery_bars(deliveries, snap.kinds)
    for axes in (regions, themes, deliveries):
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # people, not fractions
    audience.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.suptitle(f"Forsa — {format_deadline(snap.at, 'fr')}")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _region_fr(key: str) -> str:
    return t("fr", "sub_all_regions") if key == ALL else region_name(key, "fr")


def _theme_fr(key: str) -> str:
    return t("fr", "sub_all_themes") if key == ALL else theme_name(key, "fr")


def _barh(axes: Any, title: str, counts: Counter[str], name: Any) -> None:
    axes.set_title(title)
    items = sorted(counts.items(), key=lambda item: item[1])
    if not items:
        axes.text(0.5, 0.5, "—", ha="center", va="center")
        return
    bars = axes.barh([name(key) for key, _ in items], [n for _, n in items], color="#2b7bb9")
    axes.bar_label(bars, padding=2)
    axes.tick_params(axis="y", labelsize=8)


def _audience_bars(axes: Any, subs: Subscribers) -> None:
    axes.set_title(t("fr", "chart_audience"))
    labels = [_channel("fr")(c) for c in subs.active_by_channel]
    labels += [_language("fr")(code) for code in subs.active_by_lang]
    values = [*subs.active_by_channel.values(), *subs.active_by_lang.values()]
    colors = ["#2b7bb9"] * len(subs.active_by_channel) + ["#e39b2d"] * len(subs.active_by_lang)
    if not values:
        axes.text(0.5, 0.5, "—", ha="center", va="center")
        return
    bars = axes.bar(labels, values, color=colors)
    axes.bar_label(bars, padding=2)


def _delivery_bars(axes: Any, kinds: dict[str, KindResults]) -> None:
    axes.set_title(t("fr", "chart_delivery"))
    shown = [kind for kind in KINDS if kind in kinds]
    if not shown:
        axes.text(0.5, 0.5, "—", ha="center", va="center")
        return
    names = [t("fr", f"stats_kind_{kind}") for kind in shown]
    left = [0] * len(shown)
    colors = {"sent": "#3a9d5d", "failed": "#c0392b", "skipped": "#999999", "pending": "#e39b2d"}
    for outcome in OUTCOMES:
        values = [kinds[kind].by_status.get(outcome, 0) for kind in shown]
        label = t("fr", f"chart_{outcome}")
        axes.barh(names, values, left=left, color=colors[outcome], label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.legend(fontsize=8, loc="lower right")
