"""Subscribing in conversation: regions, themes, rhythm, confirm — and managing it after.

The draft lives in the conversation state (not in button payloads), so payloads stay
short ("sub:r:oriental") and a restart in the middle of the flow loses nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from handlers.conversation import Turn
from handlers.messages import Button, Reply
from handlers.texts.format import format_days
from store import calls as call_store
from store import subscriptions as subs
from store.calls import CallFilter
from store.models import REGION_IDS, THEME_IDS
from store.subscriptions import Frequency, Subscription
from store.vocab.places import find_places, region_name
from store.vocab.themes import find_themes, theme_name

_REGIONS = tuple(r for r in REGION_IDS if r != "national")


def _draft(turn: Turn) -> dict[str, Any]:
    draft = turn.state.get("sub")
    if not isinstance(draft, dict):
        draft = turn.state["sub"] = {"regions": [], "themes": [], "step": "regions"}
    return draft


def start(turn: Turn) -> Reply:
    """Begin a subscription; regions and themes named in the sentence come pre-selected."""
    places = find_places(turn.text)
    regions = [r for r in places.regions if r in _REGIONS]
    if "national" in places.regions:
        regions = []
    turn.state["sub"] = {
        "regions": regions,
        "themes": list(find_themes(turn.text)),
        "step": "regions",
    }
    return _regions_step(turn)


def _mark(selected: bool, label: str) -> str:
    return f"✅ {label}" if selected else label


def _regions_step(turn: Turn) -> Reply:
    chosen = _draft(turn)["regions"]
    buttons = [Button(_mark(not chosen, turn.t("sub_all_regions")), "sub:r:all")]
    buttons += [
        Button(_mark(r in chosen, region_name(r, turn.lang)), f"sub:r:{r}") for r in _REGIONS
    ]
    buttons.append(Button(turn.t("sub_next"), "sub:next"))
    return Reply(turn.t("sub_regions"), buttons)


def _themes_step(turn: Turn) -> Reply:
    chosen = _draft(turn)["themes"]
    buttons = [Button(_mark(not chosen, turn.t("sub_all_themes")), "sub:t:all")]
    buttons += [
        Button(_mark(t in chosen, theme_name(t, turn.lang)), f"sub:t:{t}") for t in THEME_IDS
    ]
    buttons.append(Button(turn.t("sub_next"), "sub:next"))
    return Reply(turn.t("sub_themes"), buttons)


def _frequency_step(turn: Turn) -> Reply:
    buttons = [Button(turn.t(f"freq_{f}"), f"sub:f:{f}") for f in Frequency]
    return Reply(turn.t("sub_frequency"), buttons)


def describe(turn: Turn, regions: list[str] | tuple[str, ...], themes: Any) -> tuple[str, str]:
    region_text = ", ".join(region_name(r, turn.lang) for r in regions)
    theme_text = ", ".join(theme_name(t, turn.lang) for t in themes)
    return region_text or turn.t("sub_all_regions"), theme_text or turn.t("sub_all_themes")


def _confirm_step(turn: Turn) -> Reply:
    draft = _draft(turn)
    regions, themes = describe(turn, draft["regions"], draft["themes"])
    text = turn.t(
        "sub_confirm",
        regions=regions,
        themes=themes,
        frequency=turn.t(f"freq_{draft['frequency']}"),
    )
    return Reply(
        text, [Button(turn.t("sub_ok"), "sub:ok"), Button(turn.t("sub_cancel"), "sub:no")]
    )


async def on_button(turn: Turn, rest: str) -> Reply | None:
    """sub:r:<region>|all, sub:t:<theme>|all, sub:next, sub:f:<freq>, sub:ok, sub:no."""
    action, _, value = rest.partition(":")
    if action == "new":
        turn.text = ""
        return start(turn)
    if action in ("del", "freq", "setf"):
        return await manage_button(turn, action, value)
    if "sub" not in turn.state:
        return None
    draft = _draft(turn)
    if action == "r" and (value in _REGIONS or value == "all"):
        _toggle(draft, "regions", value)
        return replace(_regions_step(turn), replaces_pressed=True)
    if action == "t" and (value in THEME_IDS or value == "all"):
        _toggle(draft, "themes", value)
        return replace(_themes_step(turn), replaces_pressed=True)
    if action == "next":
        return _advance(turn, draft)
    if action == "f" and value in set(Frequency):
        draft["frequency"], draft["step"] = value, "confirm"
        return _confirm_step(turn)
    if action == "ok" and draft.get("frequency"):
        return await _save(turn, draft)
    if action == "no":
        turn.state.pop("sub", None)
        return Reply(turn.t("sub_cancelled"))
    return None


def _toggle(draft: dict[str, Any], key: str, value: str) -> None:
    if value == "all":
        draft[key] = []
    elif value in draft[key]:
        draft[key].remove(value)
    else:
        draft[key].append(value)


def _advance(turn: Turn, draft: dict[str, Any]) -> Reply:
    if draft.get("step") == "regions":
        draft["step"] = "themes"
        return _themes_step(turn)
    draft["step"] = "frequency"
    return _frequency_step(turn)


def on_text_during_flow(turn: Turn) -> Reply | None:
    """Typed region or theme names while choosing them tick them; anything else is None."""
    draft = turn.state.get("sub")
    if not isinstance(draft, dict):
        return None
    step = draft.get("step")
    if step == "regions":
        named = [r for r in find_places(turn.text).regions if r in _REGIONS]
        if named:
            draft["regions"] = sorted(set(draft["regions"]) | set(named))
            return _regions_step(turn)
    if step == "themes":
        named = list(find_themes(turn.text))
        if named:
            draft["themes"] = sorted(set(draft["themes"]) | set(named))
            return _themes_step(turn)
    return None


async def _save(turn: Turn, draft: dict[str, Any]) -> Reply:
    db = turn.deps.db
    frequency = Frequency(draft["frequency"])
    await subs.add_subscription(
        db, turn.contact.id, draft["regions"], draft["themes"], frequency, turn.now
    )
    turn.state.pop("sub", None)
    flt = CallFilter(regions=tuple(draft["regions"]), themes=tuple(draft["themes"]))
    _, count = await call_store.open_calls(db, turn.now, flt, 1)
    open_text = turn.t("sub_open_now", count=count) if count else turn.t("sub_open_none")
    days = " / ".join(format_days(d, turn.lang) for d in turn.deps.reminder_days)
    return Reply(turn.t("sub_done", open=open_text, days=days))


async def my_subscriptions(turn: Turn) -> Reply:
    """The user's subscriptions and followed calls, with buttons to change them."""
    db = turn.deps.db
    found = await subs.list_subscriptions(db, turn.contact.id)
    followed = await call_store.get_calls(db, await subs.followed_calls(db, turn.contact.id))
    lines = [turn.t("my_subs") if found else turn.t("my_subs_none")]
    buttons: list[Button] = []
    for n, sub in enumerate(found, start=1):
        lines.append(_subscription_line(turn, n, sub))
        buttons.append(Button(turn.t("sub_delete", n=n), f"sub:del:{sub.id}"))
        buttons.append(Button(turn.t("sub_change", n=n), f"sub:freq:{sub.id}"))
    if followed:
        lines.append(turn.t("my_follows"))
        for call in followed:
            name = (call.aliases[0] if call.aliases else call.organization) or call.title
            lines.append(f"• {call.title[:80]}")
            buttons.append(Button(turn.t("unfollow", name=name[:30]), f"unfollow:{call.id}"))
    buttons.append(Button(turn.t("sub_new"), "sub:new"))
    return Reply("\n".join(lines), buttons)


def _subscription_line(turn: Turn, n: int, sub: Subscription) -> str:
    regions, themes = describe(turn, sub.regions, sub.themes)
    frequency = turn.t(f"freq_{sub.frequency}")
    return turn.t("my_subs_item", n=n, regions=regions, themes=themes, frequency=frequency)


async def manage_button(turn: Turn, action: str, value: str) -> Reply | None:
    """sub:del:<id>, sub:freq:<id>, sub:setf:<id>:<freq>."""
    db, contact_id = turn.deps.db, turn.contact.id
    if action == "del" and value.isdigit():
        if await subs.delete_subscription(db, contact_id, int(value)):
            return Reply(turn.t("sub_deleted"), [Button(turn.t("sub_new"), "sub:new")])
        return None
    if action == "freq" and value.isdigit():
        buttons = [Button(turn.t(f"freq_{f}"), f"sub:setf:{value}:{f}") for f in Frequency]
        return Reply(turn.t("sub_frequency"), buttons)
    sub_id, _, frequency = value.partition(":")
    if action == "setf" and sub_id.isdigit() and frequency in set(Frequency):
        changed = await subs.set_frequency(
            db, contact_id, int(sub_id), Frequency(frequency), turn.now
        )
        if changed:
            return Reply(turn.t("sub_freq_changed", frequency=turn.t(f"freq_{frequency}")))
    return None
