"""Routing button payloads. Payloads are short ("call:<id>", "ask:deadline:<id>") and carry
no state: the store does, so they stay under Telegram's 64-byte limit."""

from __future__ import annotations

from handlers import callinfo, eligibility, follow, listing, privacy, smalltalk, staff, subscribe
from handlers.conversation import Turn
from handlers.listing import ListRequest
from handlers.messages import Reply
from handlers.routes import answer_about
from handlers.understand.intents import Intent
from store import calls as call_store


async def on_button(turn: Turn, payload: str) -> list[Reply]:
    """Answer a pressed button; an unknown or stale payload gets a polite menu."""
    kind, _, rest = payload.partition(":")
    handler = _HANDLERS.get(kind)
    reply = await handler(turn, rest) if handler else None
    return [reply or Reply(turn.t("unknown_button"), smalltalk.menu_buttons(turn))]


async def _call(turn: Turn, call_id: str) -> Reply | None:
    call = await call_store.get_call(turn.deps.db, call_id)
    if call is None:
        return None
    pending = turn.pending or {}
    if pending.get("type") == "which":
        intents = [Intent(i) for i in pending.get("intents", []) if i in set(Intent)]
        turn.set_pending(None)
        if intents:
            return await answer_about(turn, call, intents)
    turn.focus(call.id)
    return callinfo.card(turn, call)


async def _ask(turn: Turn, rest: str) -> Reply | None:
    field, _, call_id = rest.partition(":")
    if field not in set(Intent) or Intent(field) not in callinfo.FIELD_ANSWERS:
        return None
    call = await call_store.get_call(turn.deps.db, call_id)
    return await answer_about(turn, call, [Intent(field)]) if call else None


async def _eligibility(turn: Turn, rest: str) -> Reply | None:
    step, _, value = rest.partition(":")
    if step == "start":
        call = await call_store.get_call(turn.deps.db, value)
        return await eligibility.check(turn, call) if call else None
    pending = turn.pending or {}
    if pending.get("type") != "eligibility" or not value.isdigit():
        return None
    call = await call_store.get_call(turn.deps.db, str(pending.get("call")))
    if call is None or step not in ("degree", "experience", "status"):
        return None
    return await eligibility.answer_button(turn, call, step, int(value))


async def _language(turn: Turn, lang: str) -> Reply | None:
    return smalltalk.set_language(turn, lang) if lang in ("fr", "ar") else None


async def _list(turn: Turn, what: str) -> Reply | None:
    if what == "open":
        return await listing.list_open(turn, ListRequest())
    if what == "closed":
        return await listing.list_closed(turn, ListRequest())
    return None


async def _menu(turn: Turn, what: str) -> Reply | None:
    return smalltalk.help_reply(turn) if what == "help" else None


async def _subscription(turn: Turn, rest: str) -> Reply | None:
    return await subscribe.on_button(turn, rest)


async def _follow(turn: Turn, call_id: str) -> Reply | None:
    return await follow.follow(turn, call_id)


async def _unfollow(turn: Turn, call_id: str) -> Reply | None:
    return await follow.unfollow(turn, call_id)


async def _forget(turn: Turn, answer: str) -> Reply | None:
    return await privacy.forget_button(turn, answer)


_HANDLERS = {
    "sub": _subscription,
    "follow": _follow,
    "unfollow": _unfollow,
    "forget": _forget,
    "stop": privacy.stop_button,
    "call": _call,
    "ask": _ask,
    "elig": _eligibility,
    "lang": _language,
    "list": _list,
    "menu": _menu,
    "staff": staff.on_button,
}
