"""Opting out and personal data (Moroccan law 09-08): STOP, START, /mes_donnees, /oublier.

STOP works whatever else is going on; the answer to a stopped user is still given (they
asked), only proactive messages stop.
"""

from __future__ import annotations

import json

from handlers.callinfo import short_title
from handlers.conversation import Turn
from handlers.messages import Button, Reply
from store import calls as call_store
from store import contacts, outbox
from store import subscriptions as subs
from store.contacts import ContactStatus
from store.text import fold

STOP_WORDS = frozenset(
    {
        "stop",
        "/stop",
        "arret",
        "arreter",
        "توقف",
        "وقف",
        "stop all",
        "unsubscribe",
        "/arret",
        "desabonner",
        "/desabonner",
        "se desabonner",
        "باراكا",
        "baraka",
    }
)
START_WORDS = frozenset({"start", "/reprendre", "reprendre", "استئناف", "ابدا", "رجع"})
MY_DATA_WORDS = frozenset(
    {"/mes_donnees", "/mydata", "mes donnees", "بياناتي", "معلوماتي", "mes informations"}
)
FORGET_WORDS = frozenset(
    {
        "/oublier",
        "/forget",
        "امسح بياناتي",
        "oublie moi",
        "oubliez moi",
        "effacer mes donnees",
        "supprimer mes donnees",
        "مسح بياناتي",
        "حذف بياناتي",
    }
)


def _said(turn: Turn, words: frozenset[str]) -> bool:
    return fold(turn.text).strip(" !.?؟") in words


async def on_text(turn: Turn) -> Reply | None:
    """Answer STOP, START, my-data and forget commands; None for anything else."""
    if _said(turn, STOP_WORDS):
        return _about(await stop(turn), "unsubscribe")
    if _said(turn, START_WORDS):
        return _about(await restart(turn), "restart")
    if _said(turn, MY_DATA_WORDS):
        return _about(await my_data(turn), "my_data")
    if _said(turn, FORGET_WORDS):
        return _about(confirm_forget(turn), "forget_me")
    return None


def _about(reply: Reply, about: str) -> Reply:
    reply.about = about
    return reply


def confirm_forget(turn: Turn) -> Reply:
    return Reply(
        turn.t("forget_confirm"),
        [Button(turn.t("forget_yes"), "forget:yes"), Button(turn.t("forget_no"), "forget:no")],
    )


def confirm_stop(turn: Turn) -> Reply:
    """A stop read from a sentence ("plus de messages svp") is confirmed first: a wrong
    reading must not silence someone who did not ask."""
    return Reply(
        turn.t("stop_confirm"),
        [Button(turn.t("stop_yes"), "stop:yes"), Button(turn.t("stop_no"), "stop:no")],
    )


async def stop_button(turn: Turn, answer: str) -> Reply | None:
    if answer == "no":
        return Reply(turn.t("stop_kept"))
    return await stop(turn) if answer == "yes" else None


async def stop(turn: Turn) -> Reply:
    db = turn.deps.db
    await contacts.set_status(db, turn.contact.id, ContactStatus.STOPPED, "user", turn.now)
    await outbox.skip_pending_for_contact(db, turn.contact.id, "user said STOP", turn.now)
    turn.contact.status = ContactStatus.STOPPED
    return Reply(turn.t("stopped"))


async def restart(turn: Turn) -> Reply:
    await contacts.set_status(turn.deps.db, turn.contact.id, ContactStatus.ACTIVE, None, turn.now)
    turn.contact.status = ContactStatus.ACTIVE
    return Reply(turn.t("restarted"))


async def my_data(turn: Turn) -> Reply:
    """Everything stored about the user, in plain words."""
    db, contact_id = turn.deps.db, turn.contact.id
    record = await contacts.contact_record(db, contact_id) or {}
    lines = [
        turn.t("my_data"),
        turn.t(
            "my_data_contact",
            channel=record.get("channel"),
            address=record.get("address"),
            language=record.get("lang") or turn.lang,
            status=record.get("status"),
        ),
        turn.t("my_data_dates", created=record.get("created_at"), seen=record.get("last_seen_at")),
    ]
    profile = turn.state.get("profile")
    if profile:
        lines.append(turn.t("my_data_profile", profile=json.dumps(profile, ensure_ascii=False)))
    if turn.current_call:
        call = await call_store.get_call(db, turn.current_call)
        if call:
            lines.append(turn.t("my_data_call", call=short_title(call)))
    found = await subs.list_subscriptions(db, contact_id)
    lines.append(turn.t("my_data_subs", count=len(found)))
    lines.append(turn.t("my_data_follows", count=len(await subs.followed_calls(db, contact_id))))
    lines.append(turn.t("my_data_outbox", count=await outbox.pending_for_contact(db, contact_id)))
    lines.append(turn.t("my_data_forget"))
    return Reply("\n".join(lines))


async def forget_button(turn: Turn, answer: str) -> Reply | None:
    if answer == "no":
        return Reply(turn.t("forget_kept"))
    if answer != "yes":
        return None
    await contacts.forget_contact(turn.deps.db, turn.contact.id)
    turn.forgotten = True
    return Reply(turn.t("forgotten"))
