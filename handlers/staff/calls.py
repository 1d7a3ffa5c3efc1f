"""Staff actions on a published call: close it, extend its deadline, withdraw it.

`/fermer ID`, `/prolonger ID DATE` and `/retirer ID` act at once; without an id they
act on the call under discussion, after a confirmation button. The same functions serve
the command line (`python -m bot calls extend|withdraw`).

- Closing marks the call closed whatever its deadline: the planner stops reminding, the
  sender drops what was already queued.
- Extending moves the deadline: followers get one `notice` each, reminders already
  queued for the old date are dropped by the sender ("deadline changed") and the
  planner plans the new ones, because its claims are keyed by deadline.
- Withdrawing unpublishes a call published by mistake: it disappears for users, and its
  queued reminders and alerts are skipped at once; followers are not told (nothing
  they need to know was ever true).
"""

from __future__ import annotations

from datetime import datetime

from handlers.callinfo import organization, short_title
from handlers.conversation import Turn
from handlers.messages import Button, Reply
from handlers.staff import access
from handlers.texts import t
from handlers.texts.format import format_deadline, left_words
from store import calls as call_store
from store import staff as staff_store
from store.db import Database
from store.ingest.dates import parse_deadline
from store.models import Call
from store.outbox import Body, Message, OutboxKind, utc

LANGS = ("fr", "ar")


# --- shared with the command line -------------------------------------------------------


def parse_date(text: str) -> datetime | None:
    """A date typed by staff ("30/01/2025 17h", "2025-01-30", "30 يناير 2025") as the
    closing instant in Casablanca time (end of day without an hour), or None."""
    text = " ".join(text.split())
    if not text:
        return None
    # The deadline reader wants a cue before a date: give it one.
    return parse_deadline(f"avant le {text}")


async def close(db: Database, call: Call, now: datetime) -> None:
    """Close a call for good and drop what was queued for it."""
    await call_store.close_call(db, call, now)
    await staff_store.skip_pending_for_call(db, call.id, "call closed by staff", now)


async def extend(db: Database, call: Call, deadline: datetime, phrase: str, now: datetime) -> int:
    """Move the deadline (reopening a call closed by staff); tell its followers.

    Returns how many followers were told (0 for a draft: nobody follows it)."""
    published = bool(await call_store.is_published(db, call.id))
    call.deadline, call.deadline_text = deadline.isoformat(), phrase
    call.closed_manually = False
    await call_store.save_call(db, call, published=published, now=now)
    if not published:
        return 0
    message = Message(
        kind=OutboxKind.NOTICE,
        dedupe_prefix=f"notice:extend:{call.id}:{utc(deadline)}",
        bodies=extension_bodies(call, deadline, now),
        due_at=now,
        call_id=call.id,
    )
    return await staff_store.enqueue_for_followers(db, call.id, message, now)


def extension_bodies(call: Call, deadline: datetime, now: datetime) -> dict[str, Body]:
    """The followers' notice in each language, with its WhatsApp template variable."""
    bodies: dict[str, Body] = {}
    for lang in LANGS:
        text = t(
            lang,
            "notice_extended",
            title=short_title(call),
            org=organization(call),
            deadline=format_deadline(deadline, lang),
            left=left_words(deadline, now, lang),
        )
        buttons = [
            {"label": t(lang, "docs_label"), "payload": f"ask:documents:{call.id}"},
            {"label": t(lang, "apply_label"), "payload": f"ask:submission:{call.id}"},
        ]
        bodies[lang] = [
            {
                "text": f"{text}\n{t(lang, 'proactive_footer')}",
                "buttons": buttons,
                "template": {"1": text},
            }
        ]
    return bodies


async def withdraw(db: Database, call_id: str, now: datetime) -> bool:
    """Unpublish a call and skip its queued reminders and alerts; False if it was not
    published."""
    if not await call_store.is_published(db, call_id):
        return False
    await call_store.set_published(db, call_id, False, now)
    await staff_store.skip_pending_for_call(db, call_id, "call withdrawn by staff", now)
    return True


# --- chat commands ------------------------------------------------------------------------


async def close_command(turn: Turn, args: str) -> Reply:
    """`/fermer ID` closes at once; `/fermer` alone asks about the call under discussion."""
    return await _close_or_withdraw(turn, args, "close")


async def withdraw_command(turn: Turn, args: str) -> Reply:
    """`/retirer ID` withdraws at once; `/retirer` alone asks about the call under
    discussion."""
    return await _close_or_withdraw(turn, args, "withdraw")


async def _close_or_withdraw(turn: Turn, args: str, action: str) -> Reply:
    usage = "staff_usage_close" if action == "close" else "staff_usage_withdraw"
    if not args.strip():
        call = await _current(turn)
        return _confirm(turn, call, action) if call else Reply(turn.t(usage))
    call, _ = await _named(turn, args)
    if call is None:
        return _unknown(turn, args, usage)
    return await (_close_now(turn, call) if action == "close" else _withdraw_now(turn, call))


async def extend_command(turn: Turn, args: str) -> Reply:
    """`/prolonger ID DATE`, or `/prolonger DATE` for the call under discussion."""
    call, phrase = await _named(turn, args)
    if call is None and args.strip()[:1].isdigit():
        # A date first ("30/01/2025 17h"): the call under discussion is meant.
        call, phrase = await _current(turn), args.strip()
    if call is None:
        return _unknown(turn, args, "staff_usage_extend")
    if not phrase:
        return Reply(turn.t("staff_usage_extend"))
    deadline = parse_date(phrase)
    if deadline is None:
        return Reply(turn.t("staff_bad_date", value=phrase[:100]))
    if deadline <= turn.now:
        return Reply(turn.t("staff_extend_past", deadline=format_deadline(deadline, turn.lang)))
    told = await extend(turn.deps.db, call, deadline, phrase, turn.now)
    await access.audit(turn, "extend", True, f"call={call.id} deadline={deadline.isoformat()}")
    return Reply(
        turn.t(
            "staff_extended",
            title=short_title(call),
            deadline=format_deadline(deadline, turn.lang),
            count=told,
        )
    )


async def on_button(turn: Turn, action: str) -> Reply | None:
    """Confirmation buttons: "staff:close", "staff:withdraw", "staff:keep"."""
    target = access.staff_state(turn).pop("confirm", None)
    if action == "keep":
        return Reply(turn.t("staff_kept"))
    if not isinstance(target, dict) or target.get("action") != action:
        return None  # a stale button: the generic "no longer valid" answer
    call = await call_store.get_call(turn.deps.db, str(target.get("call")), include_drafts=True)
    if call is None:
        return None
    return await (_close_now(turn, call) if action == "close" else _withdraw_now(turn, call))


async def _close_now(turn: Turn, call: Call) -> Reply:
    if call.closed_manually:
        return Reply(turn.t("staff_already_closed", title=short_title(call)))
    await close(turn.deps.db, call, turn.now)
    await access.audit(turn, "close", True, f"call={call.id}")
    return Reply(turn.t("staff_closed", title=short_title(call)))


async def _withdraw_now(turn: Turn, call: Call) -> Reply:
    if not await withdraw(turn.deps.db, call.id, turn.now):
        return Reply(turn.t("staff_not_published", title=short_title(call)))
    await access.audit(turn, "withdraw", True, f"call={call.id}")
    return Reply(turn.t("staff_withdrawn", title=short_title(call)))


def _confirm(turn: Turn, call: Call, action: str) -> Reply:
    access.staff_state(turn)["confirm"] = {"action": action, "call": call.id}
    key, label = (
        ("staff_confirm_close", "staff_btn_close")
        if action == "close"
        else ("staff_confirm_withdraw", "staff_btn_withdraw")
    )
    buttons = [
        Button(turn.t(label), f"staff:{action}"),
        Button(turn.t("staff_btn_keep"), "staff:keep"),
    ]
    return Reply(turn.t(key, title=short_title(call)), buttons)


async def _named(turn: Turn, args: str) -> tuple[Call | None, str]:
    """The call whose id is the first word (drafts included: staff may act on them), and
    the rest of the arguments."""
    first, _, rest = args.strip().partition(" ")
    if not first:
        return None, ""
    call = await call_store.get_call(turn.deps.db, first, include_drafts=True)
    return call, rest.strip()


async def _current(turn: Turn) -> Call | None:
    """The call under discussion (the last card the staff member looked at)."""
    current = turn.current_call
    return (
        await call_store.get_call(turn.deps.db, current, include_drafts=True) if current else None
    )


def _unknown(turn: Turn, args: str, usage: str) -> Reply:
    words = args.split()
    if not words:
        return Reply(turn.t(usage))
    return Reply(f"{turn.t('staff_unknown_call', id=words[0][:64])}\n{turn.t(usage)}")
