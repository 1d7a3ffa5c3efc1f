"""Following one call: its deadline reminders reach the user whatever their subscriptions."""

from __future__ import annotations

from handlers.callinfo import short_title
from handlers.conversation import Turn
from handlers.messages import Reply
from handlers.texts.format import format_days, format_deadline
from store import calls as call_store
from store import subscriptions as subs
from store.models import Status


async def follow(turn: Turn, call_id: str) -> Reply | None:
    call = await call_store.get_call(turn.deps.db, call_id)
    if call is None:
        return None
    turn.focus(call.id)
    if call.status(turn.now) is Status.CLOSED:
        return Reply(turn.t("follow_closed"))
    await subs.follow(turn.deps.db, turn.contact.id, call.id, turn.now)
    deadline = call.deadline_at()
    if deadline is None:
        return Reply(turn.t("followed_no_deadline", title=short_title(call)))
    days = " / ".join(format_days(d, turn.lang) for d in turn.deps.reminder_days)
    return Reply(
        turn.t(
            "followed",
            title=short_title(call),
            days=days,
            deadline=format_deadline(deadline, turn.lang),
        )
    )


async def unfollow(turn: Turn, call_id: str) -> Reply | None:
    if await subs.unfollow(turn.deps.db, turn.contact.id, call_id):
        return Reply(turn.t("unfollowed"))
    return None
