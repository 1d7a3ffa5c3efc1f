"""Staff broadcasts: compose in chat, choose the audience, check, confirm, follow.

`/diffuser` (`/broadcast`, `بث`) walks a staff member through: which language(s), the
text(s), the audience (regions, themes, language, channel, or everyone), then a
pre-flight that says who will get it on each channel and who will not, and why. Only
"Confirmer" writes anything: one `broadcasts` row and one outbox row per reachable
subscriber, in one transaction. From there a broadcast is ordinary outbox rows: the
same senders, rates, quiet hours and WhatsApp templates as reminders.

The draft lives in the conversation state ("bc"), so button payloads stay short
("staff:bc:r:oriental") and a restart in the middle loses nothing. Every entry point
checks the staff role itself (the router does too: defence in depth) and every action
is written to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from handlers.conversation import Turn
from handlers.deps import Deps
from handlers.messages import Button, Reply
from handlers.reminders import ReminderPolicy, in_quiet_hours, next_send_time
from handlers.staff import access
from handlers.texts import t
from handlers.texts.format import format_deadline
from store import broadcasts as store
from store import outbox
from store.broadcasts import Audience, BroadcastStatus, Preflight, Progress, Reach
from store.models import REGION_IDS, THEME_IDS
from store.outbox import Body, Message, OutboxKind
from store.vocab.places import find_places, region_name
from store.vocab.themes import find_themes, theme_name

LANGS = ("fr", "ar")
CHANNELS = ("telegram", "whatsapp")
REGIONS = tuple(r for r in REGION_IDS if r != "national")
# WhatsApp's free-text window, less the margin bot/channels/whatsapp.py keeps off its
# edge (WINDOW - WINDOW_MARGIN there; a test checks they agree). Handlers cannot import
# a channel, so the number is repeated here.
WHATSAPP_TEXT_WINDOW = timedelta(hours=24) - timedelta(minutes=10)
STATUS_WORDS = frozenset({"statut", "status", "etat", "état", "حالة", "الحالة"})
CANCEL_WORDS = frozenset({"annuler", "cancel", "stop", "الغاء", "إلغاء"})
ABANDON_WORDS = frozenset({"/annuler", "annuler", "/cancel", "الغاء", "إلغاء"})
PREFIX = "staff:bc:"
# A draft left waiting for its text longer than this is dropped when the next message
# comes: that message is someone's question, not the broadcast.
DRAFT_TTL = timedelta(hours=2)


# --- delivery rules --------------------------------------------------------------------


@dataclass(frozen=True)
class SendRules:
    """What the pre-flight must know about the senders: quiet hours and templates."""

    policy: ReminderPolicy
    template_langs: frozenset[str]  # languages with a WhatsApp broadcast template

    def reach(self, now: datetime) -> Reach:
        # Judged at the moment the rows fall due: a contact inside the window at 22:00
        # may be outside it at 08:00, when the quiet hours end.
        due = next_send_time(now, self.policy)
        return Reach(due, due - WHATSAPP_TEXT_WINDOW, self.template_langs)


def send_rules(deps: Deps) -> SendRules:
    """The running bot's quiet hours and WhatsApp broadcast templates (set from the
    settings at start-up; the defaults and no template otherwise)."""
    templates = deps.whatsapp_templates
    langs = frozenset(lang for kind, lang in templates if kind == OutboxKind.BROADCAST)
    return SendRules(deps.reminder_policy or ReminderPolicy(), langs)


# --- entry points ----------------------------------------------------------------------


async def on_command(turn: Turn, args: str) -> Reply:
    """`/diffuser` starts composing; `/diffuser statut [ID]`, `/diffuser annuler ID`."""
    if not await access.staff_role(turn):
        await access.audit(turn, "/diffuser", False, args[:100])
        return access.neutral_refusal(turn)
    words = args.split()
    first = words[0].lower() if words else ""
    number = _number(words[1]) if len(words) > 1 else None
    if first in STATUS_WORDS or (first in CANCEL_WORDS and number is None):
        # Without an id, "annuler" shows the latest broadcast and its stop button.
        return await _status(turn, number, "/diffuser statut")
    if first in CANCEL_WORDS and number is not None:
        return await _cancel(turn, number, "/diffuser annuler")
    turn.state["bc"] = {"step": "mode", "texts": {}, "audience": {}, "at": turn.now.isoformat()}
    await access.audit(turn, "/diffuser", True, "compose")
    return _mode_step(turn)


async def on_button(turn: Turn, rest: str) -> Reply | None:
    """Payloads "staff:bc:<rest>": m:<fr|ar|both>, a[:all|r|t|l|c], r:<region|all>,
    t:<theme|all>, l:<fr|ar|all>, c:<channel|all>, pre, ok, x, status:<id>, cancel:<id>."""
    action, _, value = rest.partition(":")
    if not await access.staff_role(turn):
        # The router refuses first; this is defence in depth. None: the generic
        # "no longer valid" answer any unknown button gets.
        await access.audit(turn, f"{PREFIX}{action}", False, value[:100])
        return None
    if action in ("status", "cancel"):
        number = _number(value)
        if number is None:
            return None
        if action == "status":
            return await _status(turn, number, f"{PREFIX}status")
        return await _cancel(turn, number, f"{PREFIX}cancel")
    draft = turn.state.get("bc")
    if not isinstance(draft, dict):
        return None  # a button of a broadcast already sent or abandoned
    return await _compose_button(turn, draft, action, value)


async def on_text(turn: Turn) -> Reply | None:
    """The text of the broadcast being composed; None when nothing is being composed."""
    draft = turn.state.get("bc")
    if not isinstance(draft, dict) or draft.get("step") not in LANGS:
        return None
    if _stale(draft, turn.now):
        turn.state.pop("bc", None)  # a question days later is not the broadcast's text
        return None
    if not await access.staff_role(turn):
        turn.state.pop("bc", None)  # no longer staff: the draft goes, the text is routed
        await access.audit(turn, "staff:bc:text", False)
        return None
    text = turn.text.strip()
    if text.lower() in ABANDON_WORDS:
        turn.state.pop("bc", None)
        return Reply(turn.t("bc_abandoned"))
    if not text:
        return _text_step(turn, draft["step"])
    # The text's language is the broadcast's, not the staff member's: answer in the
    # language they used before, not in the one they just typed the message in.
    turn.lang = turn.contact.lang or turn.deps.default_lang
    draft["texts"][draft["step"]] = text
    if draft["step"] == "fr" and draft.get("mode") == "both":
        draft["step"] = "ar"
        return _text_step(turn, "ar")
    draft["step"] = "audience"
    return _audience_step(turn, draft)


# --- composing ---------------------------------------------------------------------------


async def _compose_button(
    turn: Turn, draft: dict[str, Any], action: str, value: str
) -> Reply | None:
    audience = draft.setdefault("audience", {})
    if action == "m" and value in (*LANGS, "both"):
        draft["mode"], draft["texts"] = value, {}
        draft["step"] = "ar" if value == "ar" else "fr"
        return _text_step(turn, draft["step"])
    if action == "x":
        turn.state.pop("bc", None)
        await access.audit(turn, f"{PREFIX}x", True, "abandoned")
        return Reply(turn.t("bc_abandoned"))
    if not draft.get("texts"):
        return None  # audience buttons before any text: a stale message
    if action == "a":
        return _audience_button(turn, draft, value)
    if action in ("r", "t"):
        return _toggle(turn, audience, action, value)
    if action in ("l", "c") and value in (*LANGS, *CHANNELS, "all"):
        audience["lang" if action == "l" else "channel"] = None if value == "all" else value
        return _audience_step(turn, draft)
    if action == "pre":
        return await _preflight(turn, draft)
    if action == "ok":
        return await _confirm(turn, draft)
    return None


def _audience_button(turn: Turn, draft: dict[str, Any], value: str) -> Reply | None:
    if value == "all":
        draft["audience"] = {}
    elif value == "r":
        return _regions_step(turn, draft["audience"])
    elif value == "t":
        return _themes_step(turn, draft["audience"])
    elif value == "l":
        return _choice_step(turn, "bc_pick_lang", "l", [(x, f"bc_opt_{x}") for x in LANGS])
    elif value == "c":
        return _choice_step(turn, "bc_pick_channel", "c", [(c, f"channel_{c}") for c in CHANNELS])
    draft["step"] = "audience"
    return _audience_step(turn, draft)


def _toggle(turn: Turn, audience: dict[str, Any], action: str, value: str) -> Reply | None:
    key, known = ("regions", REGIONS) if action == "r" else ("themes", THEME_IDS)
    if value != "all" and value not in known:
        return None
    chosen: list[str] = audience.setdefault(key, [])
    if value == "all":
        chosen.clear()
    elif value in chosen:
        chosen.remove(value)
    else:
        chosen.append(value)
    step = _regions_step if action == "r" else _themes_step
    return replace(step(turn, audience), replaces_pressed=True)


def _mark(selected: bool, label: str) -> str:
    return f"✅ {label}" if selected else label


def _mode_step(turn: Turn) -> Reply:
    buttons = [
        Button(turn.t("bc_mode_fr"), f"{PREFIX}m:fr"),
        Button(turn.t("bc_mode_ar"), f"{PREFIX}m:ar"),
        Button(turn.t("bc_mode_both"), f"{PREFIX}m:both"),
        Button(turn.t("bc_abandon"), f"{PREFIX}x"),
    ]
    return Reply(turn.t("bc_start"), buttons)


def _text_step(turn: Turn, lang: str) -> Reply:
    return Reply(turn.t(f"bc_type_{lang}"), [Button(turn.t("bc_abandon"), f"{PREFIX}x")])


def _audience_step(turn: Turn, draft: dict[str, Any]) -> Reply:
    audience = Audience.from_json(draft.get("audience") or {})
    buttons = [
        Button(turn.t("bc_everyone"), f"{PREFIX}a:all"),
        Button(turn.t("bc_by_region"), f"{PREFIX}a:r"),
        Button(turn.t("bc_by_theme"), f"{PREFIX}a:t"),
        Button(turn.t("bc_by_lang"), f"{PREFIX}a:l"),
        Button(turn.t("bc_by_channel"), f"{PREFIX}a:c"),
        Button(turn.t("bc_check"), f"{PREFIX}pre"),
        Button(turn.t("bc_abandon"), f"{PREFIX}x"),
    ]
    text = turn.t("bc_audience", audience=describe_audience(turn.lang, audience))
    return Reply(f"{_texts_summary(turn, draft)}\n\n{text}", buttons)


def _regions_step(turn: Turn, audience: dict[str, Any]) -> Reply:
    chosen = audience.get("regions") or []
    buttons = [Button(_mark(not chosen, turn.t("sub_all_regions")), f"{PREFIX}r:all")]
    buttons += [
        Button(_mark(r in chosen, region_name(r, turn.lang)), f"{PREFIX}r:{r}") for r in REGIONS
    ]
    buttons.append(Button(turn.t("bc_done_choosing"), f"{PREFIX}a"))
    return Reply(turn.t("bc_pick_regions"), buttons)


def _themes_step(turn: Turn, audience: dict[str, Any]) -> Reply:
    chosen = audience.get("themes") or []
    buttons = [Button(_mark(not chosen, turn.t("sub_all_themes")), f"{PREFIX}t:all")]
    buttons += [
        Button(_mark(th in chosen, theme_name(th, turn.lang)), f"{PREFIX}t:{th}")
        for th in THEME_IDS
    ]
    buttons.append(Button(turn.t("bc_done_choosing"), f"{PREFIX}a"))
    return Reply(turn.t("bc_pick_themes"), buttons)


def _choice_step(turn: Turn, question: str, action: str, options: list[tuple[str, str]]) -> Reply:
    buttons = [Button(turn.t("bc_any"), f"{PREFIX}{action}:all")]
    buttons += [Button(turn.t(label), f"{PREFIX}{action}:{value}") for value, label in options]
    return Reply(turn.t(question), buttons)


def _texts_summary(turn: Turn, draft: dict[str, Any]) -> str:
    texts: dict[str, str] = draft.get("texts") or {}
    lines = [turn.t("bc_texts")]
    for lang in LANGS:
        if lang in texts:
            lines.append(f"[{lang.upper()}] {_preview(texts[lang])}")
    if len(texts) == 1:
        only = next(iter(texts))
        lines.append(turn.t("bc_one_version", language=turn.t(f"lang_{only}")))
    return "\n".join(lines)


def _preview(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def describe_audience(lang: str, audience: Audience) -> str:
    """ "tous les abonnés", or the filters in words ("régions : Oriental ; canal : ...")."""
    parts = []
    if audience.regions:
        names = ", ".join(region_name(r, lang) for r in audience.regions)
        parts.append(t(lang, "bc_aud_regions", names=names))
    if audience.themes:
        names = ", ".join(theme_name(th, lang) for th in audience.themes)
        parts.append(t(lang, "bc_aud_themes", names=names))
    if audience.lang:
        parts.append(t(lang, "bc_aud_lang", name=t(lang, f"lang_{audience.lang}")))
    if audience.channel:
        parts.append(t(lang, "bc_aud_channel", name=t(lang, f"channel_{audience.channel}")))
    return " ; ".join(parts) if parts else t(lang, "bc_aud_everyone")


def audience_from_names(
    regions: list[str], themes: list[str], lang: str | None, channel: str | None
) -> Audience:
    """An audience from region and theme ids or names ("oriental", "Souss-Massa",
    "جهة سوس", "jeunesse"), for the command line; ValueError names what is unknown."""
    region_ids: list[str] = []
    for value in regions:
        found = [value] if value in REGIONS else list(find_places(value).regions)
        found = [r for r in found if r in REGIONS]
        if not found:
            raise ValueError(f"unknown region {value!r} (ids: {', '.join(REGIONS)})")
        region_ids += [r for r in found if r not in region_ids]
    theme_ids: list[str] = []
    for value in themes:
        found = [value] if value in THEME_IDS else list(find_themes(value))
        if not found:
            raise ValueError(f"unknown theme {value!r} (ids: {', '.join(THEME_IDS)})")
        theme_ids += [th for th in found if th not in theme_ids]
    return Audience(tuple(region_ids), tuple(theme_ids), lang, channel)


# --- pre-flight and confirmation ---------------------------------------------------------


async def _preflight(turn: Turn, draft: dict[str, Any]) -> Reply:
    audience = Audience.from_json(draft.get("audience") or {})
    rules = send_rules(turn.deps)
    found = await store.preflight(turn.deps.db, audience, rules.reach(turn.now))
    draft["step"] = "preflight"
    await access.audit(turn, f"{PREFIX}pre", True, _counts_detail(found))
    text = preflight_text(turn.lang, audience, found, rules, turn.now)
    buttons = [Button(turn.t("bc_confirm"), f"{PREFIX}ok")] if found.receiving else []
    buttons += [
        Button(turn.t("bc_change_audience"), f"{PREFIX}a"),
        Button(turn.t("bc_abandon"), f"{PREFIX}x"),
    ]
    return Reply(text, buttons)


def preflight_text(
    lang: str, audience: Audience, found: Preflight, rules: SendRules, now: datetime
) -> str:
    """The pre-flight in words: who gets it on each channel, who does not and why."""
    lines = [t(lang, "bc_pre_title", audience=describe_audience(lang, audience))]
    lines.append(t(lang, "bc_pre_audience", n=found.audience))
    for channel in sorted(found.by_channel):
        name = t(lang, f"channel_{channel}") if channel in CHANNELS else channel
        lines.append(t(lang, "bc_pre_channel", channel=name, n=found.by_channel[channel]))
    lines.append(t(lang, "bc_pre_receiving", n=found.receiving))
    if found.stopped or found.blocked or found.outside:
        lines.append(t(lang, "bc_pre_excluded"))
    if found.stopped:
        lines.append(t(lang, "bc_pre_stopped", n=found.stopped))
    if found.blocked:
        lines.append(t(lang, "bc_pre_blocked", n=found.blocked))
    for text_lang, n in sorted(found.window.items()):
        lines.append(t(lang, "bc_pre_window", n=n, code=text_lang))
    if found.receiving and in_quiet_hours(now, rules.policy):
        when = format_deadline(next_send_time(now, rules.policy), lang)
        lines.append(t(lang, "bc_pre_quiet", n=found.receiving, when=when))
    if not found.receiving:
        lines.append(t(lang, "bc_pre_nobody"))
    return "\n".join(lines)


def _counts_detail(found: Preflight) -> str:
    channels = ",".join(f"{c}={n}" for c, n in sorted(found.by_channel.items()))
    return (
        f"audience={found.audience} {channels} stopped={found.stopped}"
        f" blocked={found.blocked} window={found.outside}"
    )


def bodies(texts: dict[str, str]) -> dict[str, Body]:
    """The outbox body for each recipient language: their version, or the only one.

    The WhatsApp template variable is the bare text; the header and the STOP line
    are the template's own words."""
    result: dict[str, Body] = {}
    for lang in LANGS:
        text_lang = lang if lang in texts else next(iter(texts))
        text = texts[text_lang]
        framed = f"{t(text_lang, 'bc_header')}\n{text}\n\n{t(text_lang, 'proactive_footer')}"
        result[lang] = [{"text": framed, "buttons": [], "template": {"1": text}}]
    return result


async def _confirm(turn: Turn, draft: dict[str, Any]) -> Reply | None:
    if draft.get("step") != "preflight":
        return None  # confirm only what was checked
    texts = {lang: text for lang, text in draft["texts"].items() if lang in LANGS and text}
    if not texts:
        return None
    audience = Audience.from_json(draft.get("audience") or {})
    rules = send_rules(turn.deps)
    if not (await store.preflight(turn.deps.db, audience, rules.reach(turn.now))).receiving:
        return await _preflight(turn, draft)  # nobody any more: show why, send nothing
    broadcast_id, found = await start_broadcast(
        turn.deps, turn.contact.id, "chat", texts, audience, turn.now
    )
    turn.state.pop("bc", None)
    await access.audit(
        turn, f"{PREFIX}ok", True, f"broadcast {broadcast_id}: {_counts_detail(found)}"
    )
    return Reply(
        turn.t("bc_started", id=broadcast_id, n=found.receiving),
        _follow_buttons(turn.lang, broadcast_id),
    )


async def start_broadcast(
    deps: Deps,
    author_contact_id: int | None,
    author: str,
    texts: dict[str, str],
    audience: Audience,
    now: datetime,
    rules: SendRules | None = None,
) -> tuple[int, Preflight]:
    """Record and enqueue a broadcast (chat and command line alike)."""
    rules = rules or send_rules(deps)
    return await store.create(
        deps.db,
        author_contact_id=author_contact_id,
        author=author,
        texts=texts,
        audience=audience,
        bodies=bodies(texts),
        reach=rules.reach(now),
        now=now,
    )


# --- following a broadcast ---------------------------------------------------------------


def _follow_buttons(lang: str, broadcast_id: int, sending: bool = True) -> list[Button]:
    buttons = [Button(t(lang, "bc_refresh"), f"{PREFIX}status:{broadcast_id}")]
    if sending:
        buttons.append(Button(t(lang, "bc_cancel"), f"{PREFIX}cancel:{broadcast_id}"))
    return buttons


async def _status(turn: Turn, broadcast_id: int | None, command: str) -> Reply:
    if broadcast_id is None:
        recent = await store.latest(turn.deps.db, 1)
        if not recent:
            await access.audit(turn, command, True, "none")
            return Reply(turn.t("bc_none"))
        broadcast_id = recent[0].id
    await access.audit(turn, command, True, f"broadcast {broadcast_id}")
    text, sending = await status_text(turn.deps, broadcast_id, turn.lang, turn.now)
    if text is None:
        return Reply(turn.t("bc_unknown", id=broadcast_id))
    return Reply(text, _follow_buttons(turn.lang, broadcast_id, sending))


async def status_text(
    deps: Deps, broadcast_id: int, lang: str, now: datetime
) -> tuple[str | None, bool]:
    """The broadcast's progress (or final counts) in words, and whether it is sending.

    Looking is also when a broadcast with nothing left pending becomes "done"."""
    await store.mark_done(deps.db, broadcast_id, now)
    broadcast = await store.get(deps.db, broadcast_id)
    if broadcast is None:
        return None, False
    counts = await store.progress(deps.db, broadcast_id)
    return _progress_text(lang, broadcast, counts), broadcast.status == BroadcastStatus.SENDING


def _progress_text(lang: str, broadcast: store.Broadcast, counts: Progress) -> str:
    key = "bc_progress" if broadcast.status == BroadcastStatus.SENDING else "bc_final"
    lines = [
        t(lang, key, id=broadcast.id, status=t(lang, f"bc_status_{broadcast.status}")),
        t(
            lang,
            "bc_counts",
            sent=counts.sent,
            pending=counts.pending,
            failed=counts.failed,
            blocked=counts.blocked,
            skipped=counts.skipped,
            total=counts.total,
        ),
    ]
    excluded = sum(broadcast.excluded.values())
    if excluded:
        lines.append(t(lang, "bc_counts_excluded", n=excluded, audience=broadcast.audience_size))
    if counts.delivery:
        found = ", ".join(f"{status} {n}" for status, n in sorted(counts.delivery.items()))
        lines.append(t(lang, "bc_delivery", counts=found))
    return "\n".join(lines)


async def _cancel(turn: Turn, broadcast_id: int, command: str) -> Reply:
    skipped = await store.cancel(turn.deps.db, broadcast_id, turn.now)
    await access.audit(
        turn, command, True, f"broadcast {broadcast_id}: {skipped if skipped is not None else '-'}"
    )
    if skipped is None:
        text, _ = await status_text(turn.deps, broadcast_id, turn.lang, turn.now)
        if text is None:
            return Reply(turn.t("bc_unknown", id=broadcast_id))
        return Reply(f"{turn.t('bc_not_running', id=broadcast_id)}\n{text}")
    return Reply(
        turn.t("bc_cancelled", id=broadcast_id, n=skipped),
        _follow_buttons(turn.lang, broadcast_id, sending=False),
    )


async def report_finished(deps: Deps, now: datetime) -> int:
    """Mark finished broadcasts done and send each chat author the final counts once
    (a notice through the outbox). For the planner's tick; returns the reports queued."""
    queued = 0
    for broadcast in await store.unfinished(deps.db):
        await store.mark_done(deps.db, broadcast.id, now)
        author = broadcast.author_contact_id
        if author is None or not await store.mark_reported(deps.db, broadcast.id, now):
            continue
        notice: dict[str, Body] = {}
        for lang in LANGS:
            text, _ = await status_text(deps, broadcast.id, lang, now)
            notice[lang] = [{"text": text or "", "template": {"1": text or ""}}]
        message = Message(
            kind=OutboxKind.NOTICE,
            dedupe_prefix=f"broadcast-report:{broadcast.id}",
            bodies=notice,
            due_at=next_send_time(now, send_rules(deps).policy),
        )
        queued += await outbox.enqueue_for_contact(deps.db, author, message, now)
    return queued


def _stale(draft: dict[str, Any], now: datetime) -> bool:
    try:
        started = datetime.fromisoformat(str(draft.get("at")))
    except ValueError:
        return True
    return now - started > DRAFT_TTL


def _number(value: str) -> int | None:
    value = value.strip().lstrip("#n°")
    return int(value) if value.isdigit() and len(value) < 10 else None
