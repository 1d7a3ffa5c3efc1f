"""WhatsApp over Twilio, end to end on 127.0.0.1: the real aiohttp app receives webhooks
signed with twilio's own RequestValidator, and twilio's own async client sends the
replies to the fake Messages API of tests/fakes/twilio_api.py, which records them.

The planner and the outbox Sender are driven directly with the fixed clock of the `deps`
fixture. Replies are answered in a background task: `channel.idle()` waits for them, so
no test sleeps.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bot.channels.whatsapp as whatsapp_module
from bot.app import demo_calls
from bot.channels.base import (
    NotAllowed,
    PermanentSendError,
    RateLimited,
    SendContext,
    TransientSendError,
    UnreachableUser,
)
from bot.channels.whatsapp import (
    MAX_BODY,
    WhatsAppChannel,
    match_choice,
    prompt,
    render,
    template_variables,
)
from bot.config import Settings
from bot.http import build_app, start_http
from bot.runner import run_bot
from bot.sender import Sender, SendRates
from handlers.clock import FixedClock, parse_now
from handlers.deps import Deps
from handlers.handle import handle
from handlers.messages import Button, Inbound, Reply
from handlers.reminders import ReminderPolicy, plan
from store import calls as call_store
from store import outbox
from store import subscriptions as subs
from store.contacts import get_or_create_contact, get_status
from store.delivery import delivery_of
from store.outbox import Message, OutboxKind
from store.subscriptions import Frequency
from tests.conftest import DEMO_NOW, REPO
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio, SentMessage

POLICY = ReminderPolicy()
FAST = SendRates(per_second=1e9, per_chat=1e9)  # rates are the sender's tests' business
AMINA, OMAR, SARA = "+212600000001", "+212600000002", "+212600000003"
OMP = "omp-consultant-gestion-2025"  # national, deadline 2025-01-21 23:59:59 (UTC+1)
MD = "md-pac-souss-massa-2016"
REMINDER_FR = "HX" + "1" * 32
NEW_CALL_FR = "HX" + "2" * 32
TEMPLATES = {("reminder", "fr"): REMINDER_FR, ("new_call", "fr"): NEW_CALL_FR}


# --- fixtures and helpers -------------------------------------------------------------------


@pytest.fixture
async def api() -> AsyncIterator[FakeTwilio]:
    async with FakeTwilio() as server:
        yield server


@pytest.fixture
async def channel(
    api: FakeTwilio, deps: Deps, unused_tcp_port: int
) -> AsyncIterator[WhatsAppChannel]:
    """The channel with two templates (reminder and new_call, in French), behind the
    bot's HTTP app; the fake posts its webhooks there, signed for the public URL."""
    whatsapp = WhatsAppChannel(api.settings(templates=TEMPLATES), deps)
    await whatsapp.start()
    runner = await start_http(build_app(None, whatsapp), "127.0.0.1", unused_tcp_port)
    api.connect(f"http://127.0.0.1:{unused_tcp_port}")
    yield whatsapp
    await runner.cleanup()
    await whatsapp.stop()


@pytest.fixture
def inbounds(monkeypatch: pytest.MonkeyPatch) -> list[Inbound]:
    """Every Inbound the channel hands to the core, in order."""
    seen: list[Inbound] = []
    real = whatsapp_module.handle

    async def spy(deps: Deps, message: Inbound) -> list[Reply]:
        seen.append(message)
        return await real(deps, message)

    monkeypatch.setattr(whatsapp_module, "handle", spy)
    return seen


async def say(api: FakeTwilio, channel: WhatsAppChannel, number: str, text: str) -> SentMessage:
    """The user writes `text`; return the last message of the answer."""
    before = len(api.messages_to(number))
    assert await api.send_inbound(number, text) == 200
    await channel.idle()
    answer = api.messages_to(number)[before:]
    assert answer, f"no answer to {text!r}"
    return answer[-1]


async def pick(
    api: FakeTwilio, channel: WhatsAppChannel, number: str, fragment: str
) -> SentMessage:
    """The user answers with the number of the last message's choice holding `fragment`."""
    last = api.messages_to(number)[-1]
    return await say(api, channel, number, str(last.number_of(fragment)))


async def count(deps: Deps, table: str) -> int:
    row = await deps.db.fetchone(f"SELECT COUNT(*) AS n FROM {table}")
    return int(row["n"]) if row else 0


async def contact_id(deps: Deps, number: str) -> int:
    return (await get_or_create_contact(deps.db, "whatsapp", number, deps.clock.now())).id


async def publish_copy_of_md(deps: Deps, call_id: str) -> None:
    """A new Souss-Massa call, open until 1 February 2024, published now."""
    md = next(c for c in demo_calls() if c.id == MD)
    new = replace(md, id=call_id, deadline="2024-02-01T17:00:00+01:00")
    await call_store.save_call(deps.db, new, published=True, now=deps.clock.now())


async def drain(sender: Sender) -> None:
    async with asyncio.timeout(10):
        while (await sender.drain()).deferred:
            await asyncio.sleep(0.01)


def notice(text: str, key: str, deps: Deps) -> Message:
    body = [{"text": text, "buttons": []}]
    return Message(OutboxKind.NOTICE, key, {"fr": body, "ar": body}, deps.clock.now())


# --- 1. a conversation --------------------------------------------------------------------


async def test_a_conversation_with_numbered_choices(
    api: FakeTwilio, channel: WhatsAppChannel, inbounds: list[Inbound]
) -> None:
    hello = await say(api, channel, AMINA, "salut")
    assert hello.body and hello.body.startswith("Bonjour")
    assert hello.choices == [(1, "Appels ouverts"), (2, "Aide"), (3, "العربية")]
    assert hello.body.endswith("Répondez 1, 2 ou 3")
    assert hello.from_ == api.whatsapp_from and hello.to == f"whatsapp:{AMINA}"
    assert hello.status_callback == f"{api.public_url}/whatsapp/status"

    listing = await say(api, channel, AMINA, "1")
    assert inbounds[-1] == Inbound("whatsapp", AMINA, None, "list:open")
    assert listing.text.startswith("Appels ouverts (2)")
    assert [label for _, label in listing.choices] == ["ALCI", "OMP", "Expertise France"]

    card = await say(api, channel, AMINA, "Expertise Frnce")  # a choice's words, a typo
    assert inbounds[-1].payload == "call:ef-pagof-remacto-2024"
    assert "REMACTO" in card.text or "Expertise France" in card.text

    await say(api, channel, AMINA, "9")  # no such choice: plain text for the core
    assert inbounds[-1] == Inbound("whatsapp", AMINA, "9", None)

    shared = await say(api, channel, AMINA, f"/start {OMP}")  # a wa.me share link's text
    assert "Observatoire Marocain des Prisons" in shared.text


async def test_arabic_gets_arabic_choices_and_arabic_digits_pick_them(
    api: FakeTwilio, channel: WhatsAppChannel, inbounds: list[Inbound]
) -> None:
    hello = await say(api, channel, OMAR, "مرحبا")
    assert hello.text.startswith("مرحبا")
    assert hello.text.endswith("أجب بـ 1 أو 2 أو 3")
    await say(api, channel, OMAR, "٢")
    assert inbounds[-1].payload == "menu:help"


async def test_choices_survive_a_restart(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps, inbounds: list[Inbound]
) -> None:
    await say(api, channel, AMINA, "salut")
    await channel.stop()
    again = WhatsAppChannel(api.settings(), deps)  # a new process would read the store
    await again.start()
    try:
        await again.on_inbound(api.inbound_params(AMINA, "1"))
        await again.idle()
    finally:
        await again.stop()
    assert inbounds[-1].payload == "list:open"
    await channel.start()  # the fixture stops it again


# --- 2. a subscription made on WhatsApp receives an alert through the Sender -----------------


async def test_a_subscription_made_by_numbers_receives_a_new_call_alert(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps, clock: FixedClock
) -> None:
    await plan(deps.db, POLICY, clock.now())  # the demo catalog is announced to nobody
    regions = await say(api, channel, AMINA, "/abonner")
    assert regions.text.startswith("Abonnement — étape 1/3")
    ticked = await pick(api, channel, AMINA, "Souss-Massa")
    assert "✅ Souss-Massa" in [label for _, label in ticked.choices]
    assert "2/3" in (await pick(api, channel, AMINA, "Suivant")).text
    assert "3/3" in (await pick(api, channel, AMINA, "Suivant")).text
    confirm = await pick(api, channel, AMINA, "Chaque nouvel appel")
    assert "Souss-Massa" in confirm.text
    done = await pick(api, channel, AMINA, "Confirmer")
    assert done.text.startswith("C'est fait")
    [mine] = await subs.list_subscriptions(deps.db, await contact_id(deps, AMINA))
    assert (mine.regions, mine.frequency) == (("souss-massa",), "instant")

    clock.advance(timedelta(hours=1))  # well inside WhatsApp's 24-hour window
    await publish_copy_of_md(deps, "md-souss-2024")
    assert (await plan(deps.db, POLICY, clock.now())).alerts == 1
    before = len(api.messages_to(AMINA))
    await drain(Sender(deps.db, deps.clock, channel, FAST, POLICY))
    [alert] = api.messages_to(AMINA)[before:]
    assert alert.text.startswith("🆕 Nouvel appel") and "1 février 2024" in alert.text
    assert alert.choices[0][1].startswith("🔔")
    row = await deps.db.fetchone("SELECT status, provider_id FROM outbox")
    assert row is not None and (row["status"], row["provider_id"]) == ("sent", alert.sid)

    followed = await say(api, channel, AMINA, "1")  # 🔔 follow, by its number
    assert followed.text.startswith("C'est noté")


# --- 3. the 24-hour window and templates ----------------------------------------------------


def reminder_context(deps: Deps, hours_ago: float | None, lang: str = "fr") -> SendContext:
    last = None if hours_ago is None else deps.clock.now() - timedelta(hours=hours_ago)
    variables = {"1": "Consultant-e chargé de projet", "2": "21 janvier 2025", "3": "7\njours"}
    return SendContext("reminder", lang, last, variables)


async def test_outside_the_window_a_reminder_goes_as_its_template(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    text = [Reply("⏰ Rappel : …", [Button("Pièces", "ask:documents:x")])]
    inside = await channel.send(AMINA, text, reminder_context(deps, hours_ago=1))
    free = api.message(inside.provider_id or "")
    assert free.body and free.body.startswith("⏰ Rappel") and free.content_sid is None

    for hours_ago in (25, 23.95, None):  # outside, at the edge (a margin), never wrote
        result = await channel.send(AMINA, text, reminder_context(deps, hours_ago))
        sent = api.message(result.provider_id or "")
        assert sent.body is None and sent.content_sid == REMINDER_FR
        assert sent.content_variables == {
            "1": "Consultant-e chargé de projet",
            "2": "21 janvier 2025",
            "3": "7 jours",  # WhatsApp refuses new lines in template parameters
        }
        assert sent.status_callback == f"{api.public_url}/whatsapp/status"


async def test_without_a_template_the_message_is_not_allowed_and_nothing_is_sent(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    with pytest.raises(NotAllowed, match="no template for reminder/ar"):
        await channel.send(AMINA, [Reply("تذكير")], reminder_context(deps, 30, lang="ar"))
    digest = replace(reminder_context(deps, 30), kind="digest")
    with pytest.raises(NotAllowed, match="24-hour window and no template for digest/fr"):
        await channel.send(AMINA, [Reply("Résumé")], digest)
    assert api.messages == [] and api.calls == []


async def follower_of_omp(api: FakeTwilio, channel: WhatsAppChannel, number: str) -> None:
    card = await say(api, channel, number, "OMP")
    assert "Observatoire" in card.text
    followed = await pick(api, channel, number, "Me rappeler")
    assert followed.text.startswith("C'est noté")


async def test_sender_sends_a_reminder_outside_the_window_as_a_template(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps, clock: FixedClock
) -> None:
    await follower_of_omp(api, channel, AMINA)
    clock.set(parse_now("2025-01-14T08:00"))  # 7 days before OMP's deadline; a year silent
    assert (await plan(deps.db, POLICY, clock.now())).reminders == 1
    before = len(api.messages_to(AMINA))
    await drain(Sender(deps.db, deps.clock, channel, FAST, POLICY))
    [reminder] = api.messages_to(AMINA)[before:]
    assert reminder.content_sid == REMINDER_FR and reminder.body is None
    assert set(reminder.content_variables or {}) == {"1", "2", "3"}
    variables = reminder.content_variables or {}
    assert "consultant" in variables["1"].lower()
    assert "21 janvier 2025" in variables["2"] and "7 jours" in variables["3"]


async def test_sender_records_a_reminder_without_template_as_skipped(
    api: FakeTwilio, deps: Deps, clock: FixedClock, unused_tcp_port: int
) -> None:
    bare = WhatsAppChannel(api.settings(), deps)  # no template at all
    await bare.start()
    runner = await start_http(build_app(None, bare), "127.0.0.1", unused_tcp_port)
    api.connect(f"http://127.0.0.1:{unused_tcp_port}")
    try:
        await follower_of_omp(api, bare, AMINA)
        clock.set(parse_now("2025-01-14T08:00"))
        await plan(deps.db, POLICY, clock.now())
        before = len(api.messages_to(AMINA))
        await drain(Sender(deps.db, deps.clock, bare, FAST, POLICY))
    finally:
        await runner.cleanup()
        await bare.stop()
    assert len(api.messages_to(AMINA)) == before  # never sent as free text
    row = await deps.db.fetchone("SELECT status, error FROM outbox")
    assert row is not None and row["status"] == "skipped"
    assert "no template for reminder/fr" in row["error"]


# --- 4. status callbacks ----------------------------------------------------------------------


async def sent_notices(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps, numbers: list[str]
) -> dict[str, str]:
    """Each number writes, then gets one notice through the Sender: number -> its sid."""
    for number in numbers:
        await say(api, channel, number, "salut")
        message = notice("Maintenance ce soir.", f"notice:test:{number}", deps)
        await outbox.enqueue_for_contact(
            deps.db, await contact_id(deps, number), message, deps.clock.now()
        )
    await drain(Sender(deps.db, deps.clock, channel, FAST, POLICY))
    return {number: api.messages_to(number)[-1].sid for number in numbers}


async def test_status_callbacks_move_rows_forward_only(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    sids = await sent_notices(api, channel, deps, [AMINA, OMAR])
    for status in ("sent", "delivered", "read", "delivered", "sent"):  # two late ones
        assert await api.send_status(sids[AMINA], status) == 200
    assert await delivery_of(deps.db, sids[AMINA]) == ("read", None)
    for status in ("read", "queued", "sent", "delivered"):  # out of order from the start
        assert await api.send_status(sids[OMAR], status) == 200
    assert await delivery_of(deps.db, sids[OMAR]) == ("read", None)
    rows = await deps.db.fetchall("SELECT status FROM outbox")
    assert {row["status"] for row in rows} == {"sent"}  # the sender's verdict stays
    assert await api.send_status("SM" + "f" * 32, "delivered", to=AMINA) == 200  # unknown sid


async def test_an_unreachable_recipient_is_marked_blocked(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    sids = await sent_notices(api, channel, deps, [SARA])
    sara = await contact_id(deps, SARA)
    later = notice("Demain.", "notice:later", deps)
    await outbox.enqueue_for_contact(deps.db, sara, later, deps.clock.now())
    assert await api.send_status(sids[SARA], "sent") == 200
    assert await api.send_status(sids[SARA], "failed", 63024) == 200
    assert await delivery_of(deps.db, sids[SARA]) == ("failed", "63024")
    assert await get_status(deps.db, sara) == "blocked"
    rows = await deps.db.fetchall("SELECT dedupe_key, status, error FROM outbox")
    states = {row["dedupe_key"]: (row["status"], row["error"]) for row in rows}
    assert states[f"notice:later:{sara}"] == ("skipped", "contact blocked")
    await say(api, channel, SARA, "salut")  # writing again makes them reachable again
    assert await get_status(deps.db, sara) == "active"


async def test_an_opt_out_on_an_answer_blocks_and_a_stopped_user_stays_stopped(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    answer = await say(api, channel, AMINA, "salut")  # an answer: no outbox row
    assert await api.send_status(answer.sid, "undelivered", 21610) == 200
    assert await get_status(deps.db, await contact_id(deps, AMINA)) == "blocked"

    stopped = await say(api, channel, OMAR, "STOP")
    assert await get_status(deps.db, await contact_id(deps, OMAR)) == "stopped"
    assert await api.send_status(stopped.sid, "failed", 63024) == 200
    # Blocked would be lifted by any message; STOP only by START.
    assert await get_status(deps.db, await contact_id(deps, OMAR)) == "stopped"


async def test_status_callbacks_are_checked_too(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    sids = await sent_notices(api, channel, deps, [AMINA])
    params = api.status_params(sids[AMINA], "failed", 63024)
    assert (await api.post_webhook("/whatsapp/status", params, signature=None))[0] == 403
    forged = api.sign("/whatsapp/status", params, token="not-the-token")
    assert (await api.post_webhook("/whatsapp/status", params, signature=forged))[0] == 403
    assert await delivery_of(deps.db, sids[AMINA]) == (None, None)
    assert await get_status(deps.db, await contact_id(deps, AMINA)) == "active"
    partial = {k: v for k, v in params.items() if k not in ("MessageStatus", "SmsStatus")}
    assert (await api.post_webhook("/whatsapp/status", partial))[0] == 400


# --- 5. what the webhooks refuse ----------------------------------------------------------------


async def nothing_stored(api: FakeTwilio, deps: Deps) -> None:
    assert await count(deps, "contacts") == 0
    assert await count(deps, "inbound_messages") == 0
    assert api.messages == []


async def test_forged_and_unsigned_requests_get_403_and_touch_nothing(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps, unused_tcp_port: int
) -> None:
    path = "/whatsapp/inbound"
    params = api.inbound_params(AMINA, "salut")
    local = f"http://127.0.0.1:{unused_tcp_port}"
    forgeries = {
        "unsigned": None,
        "empty": "",
        "another token": api.sign(path, params, token="guessed-token"),
        # Signed for the address the request reached, not the public one: what an app
        # trusting Host would accept. Behind a proxy that check is worthless.
        "host url": api.sign(path, params, public_url=local),
        "spoofed host": api.sign(path, params, public_url="https://evil.example"),
        "tampered body": api.sign(path, {**params, "Body": "autre chose"}),
    }
    spoof = {
        "Host": "evil.example",
        "X-Forwarded-Host": "evil.example",
        "X-Forwarded-Proto": "https",
    }
    for name, signature in forgeries.items():
        status, _ = await api.post_webhook(path, params, signature=signature, headers=spoof)
        assert status == 403, name
    await channel.idle()
    await nothing_stored(api, deps)

    status, twiml = await api.post_webhook(path, params)  # the real thing, for contrast
    assert status == 200 and twiml.endswith("<Response/>")
    # A console URL with a query string is signed with it, as sent.
    tagged = api.inbound_params(OMAR, "salut")
    assert (await api.post_webhook(f"{path}?from=sandbox%20A", tagged))[0] == 200
    await channel.idle()
    assert len(api.messages_to(AMINA)) == len(api.messages_to(OMAR)) == 1


async def test_oversized_and_malformed_bodies_get_400(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    path = "/whatsapp/inbound"
    huge = api.inbound_params(AMINA, "x" * 70_000)
    assert (await api.post_webhook(path, huge))[0] == 400  # signed, but over 64 KB
    params = api.inbound_params(AMINA, "salut")
    assert (await api.post_webhook(path, params, content_type="application/json"))[0] == 400
    assert (await api.post_webhook(path, params, body=b"Body=\xff\xfe&From=x"))[0] == 400
    assert (await api.post_webhook(path, params, body="a&&b"))[0] == 400
    for missing in ("From", "MessageSid"):
        partial = {k: v for k, v in params.items() if k != missing and k != f"Sms{missing}"}
        assert (await api.post_webhook(path, partial))[0] == 400, missing
    sms = {**params, "From": AMINA}  # not a WhatsApp address
    assert (await api.post_webhook(path, sms))[0] == 400
    await channel.idle()
    await nothing_stored(api, deps)


async def test_a_redelivered_message_sid_is_answered_once(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    params = api.inbound_params(AMINA, "salut")
    statuses = await asyncio.gather(
        *(api.post_webhook("/whatsapp/inbound", params) for _ in range(3))
    )
    assert [status for status, _ in statuses] == [200, 200, 200]  # Twilio must stop retrying
    assert (await api.post_webhook("/whatsapp/inbound", params))[0] == 200
    await channel.idle()
    assert len(api.messages_to(AMINA)) == 1
    assert await count(deps, "inbound_messages") == 1


# --- 6. STOP, media, long replies ---------------------------------------------------------------


async def test_stop_on_whatsapp_stops_proactive_messages(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps, clock: FixedClock
) -> None:
    await plan(deps.db, POLICY, clock.now())  # the demo catalog is announced to nobody
    await say(api, channel, AMINA, "salut")
    amina = await contact_id(deps, AMINA)
    await subs.add_subscription(deps.db, amina, [], [], Frequency.INSTANT, clock.now())
    stopped = await say(api, channel, AMINA, "ARRET")
    assert await get_status(deps.db, amina) == "stopped" and "START" in stopped.text
    sender = Sender(deps.db, deps.clock, channel, FAST, POLICY)

    clock.advance(timedelta(minutes=30))
    await publish_copy_of_md(deps, "md-while-stopped")
    await plan(deps.db, POLICY, clock.now())
    before = len(api.messages_to(AMINA))
    await drain(sender)
    assert len(api.messages_to(AMINA)) == before

    await say(api, channel, AMINA, "START")
    assert await get_status(deps.db, amina) == "active"
    clock.advance(timedelta(minutes=30))
    await publish_copy_of_md(deps, "md-after-start")
    await plan(deps.db, POLICY, clock.now())
    await drain(sender)
    assert api.messages_to(AMINA)[-1].text.startswith("🆕 Nouvel appel")


async def test_a_photo_without_text_gets_the_core_no_text_answer(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    assert await api.send_inbound(AMINA, "", media=1) == 200
    await channel.idle()
    [answer] = api.messages_to(AMINA)
    [expected] = await handle(deps, Inbound("console", "someone", text=""))
    assert answer.text.startswith(expected.text)


async def test_long_replies_are_split_between_words_with_the_choices_last(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps
) -> None:
    url = "https://www.example.org/appels/2024/termes-de-reference-consultant.pdf"
    words = [f"mot{i}" for i in range(700)]
    words[300] = url
    text = " ".join(words[:350]) + "\n\n" + " ".join(words[350:])
    result = await channel.send(AMINA, [Reply(text, [Button("Pièces", "ask:documents:x")])])
    parts = api.messages_to(AMINA)
    assert len(parts) >= 3 and all(len(p.text) <= MAX_BODY for p in parts)
    assert result.provider_id == parts[-1].sid  # the row follows the last part
    assert sum(url in p.text for p in parts) == 1
    assert " ".join(" ".join(p.text for p in parts).split()[: len(words)]) == " ".join(words)
    assert [p.choices for p in parts[:-1]] == [[]] * (len(parts) - 1)
    assert parts[-1].choices == [(1, "Pièces")]


# --- 7. errors, the REST client, logs --------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ({"status": 429, "retry_after": 3}, RateLimited),
        ({"status": 429}, RateLimited),
        ({"status": 500}, TransientSendError),
        ({"status": 503}, TransientSendError),
        ({"status": 400, "code": 63024}, UnreachableUser),
        ({"status": 400, "code": 21610}, UnreachableUser),
        ({"status": 400, "code": 21211}, UnreachableUser),
        ({"status": 400, "code": 21617}, PermanentSendError),
        ({"status": 400, "code": 63032}, PermanentSendError),
    ],
)
async def test_twilio_errors_become_channel_errors(
    api: FakeTwilio, channel: WhatsAppChannel, fault: dict[str, int], expected: type
) -> None:
    api.fail_next(**fault, to=AMINA, message=f"The 'To' number whatsapp:{AMINA} is bad")
    with pytest.raises(expected) as caught:
        await channel.send(AMINA, [Reply("Bonjour")])
    if isinstance(caught.value, RateLimited):
        assert caught.value.retry_after == fault.get("retry_after", 1.0)
    assert AMINA.lstrip("+") not in str(caught.value)  # Twilio quotes the number
    await channel.send(AMINA, [Reply("Bonjour")])  # one failure only
    assert len(api.messages_to(AMINA)) == 1


async def test_an_answer_waits_out_a_short_429(api: FakeTwilio, channel: WhatsAppChannel) -> None:
    api.fail_next(2, status=429, retry_after=0, to=AMINA)
    hello = await say(api, channel, AMINA, "salut")
    assert hello.text.startswith("Bonjour")
    refused = [c for c in api.calls if c.status == 429]
    assert len(refused) == 2 and len(api.messages_to(AMINA)) == 1


async def test_wrong_credentials_and_no_network(api: FakeTwilio, deps: Deps) -> None:
    wrong = WhatsAppChannel(api.settings(auth_token="wrong-token"), deps)
    await wrong.start()
    try:
        with pytest.raises(PermanentSendError, match="20003"):
            await wrong.send(AMINA, [Reply("Bonjour")])
    finally:
        await wrong.stop()
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    offline = WhatsAppChannel(api.settings(api_base_url=closed), deps)
    await offline.start()
    try:
        with pytest.raises(TransientSendError):
            await offline.send(AMINA, [Reply("Bonjour")])
    finally:
        await offline.stop()


async def test_phone_numbers_and_the_token_never_reach_the_logs(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps, caplog: pytest.LogCaptureFixture
) -> None:
    # Everything of ours and of the libraries on the way, at DEBUG. (Not aiosqlite's
    # DEBUG: it prints every SQL statement with its parameters.)
    for name in ("bot", "handlers", "store", "twilio", "aiohttp"):
        caplog.set_level(logging.DEBUG, logger=name)
    await say(api, channel, AMINA, "salut")
    api.fail_next(status=400, code=21211, to=OMAR)
    assert await api.send_inbound(OMAR, "bonjour") == 200  # its answer fails
    await channel.idle()
    await api.send_status(api.messages_to(AMINA)[-1].sid, "failed", 63024)
    await api.post_webhook("/whatsapp/inbound", api.inbound_params(SARA, "x"), signature=None)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "whatsapp answer to" in logged  # the failure was logged, by its tag
    for secret in (AMINA, OMAR, SARA, AMINA.lstrip("+"), api.auth_token):
        assert secret not in logged


# --- 8. pure parts ------------------------------------------------------------------------------


CHOICES = [
    ("✅ Tout le Maroc", "sub:r:all"),
    ("Souss-Massa", "sub:r:souss-massa"),
    ("Oriental", "sub:r:oriental"),
    ("Suivant ➡", "sub:next"),
    ("Oui", "elig:status:1"),
    ("Stop", "would:be:wrong"),
]


@pytest.mark.parametrize(
    ("typed", "payload"),
    [
        ("2", "sub:r:souss-massa"),
        (" 2. ", "sub:r:souss-massa"),
        ("3)", "sub:r:oriental"),
        ("٤", "sub:next"),
        ("7", None),
        ("0", None),
        ("tout le maroc", "sub:r:all"),
        ("SOUSS MASSA", "sub:r:souss-massa"),
        ("souss-masa", "sub:r:souss-massa"),
        ("suivant", "sub:next"),
        ("oui", "elig:status:1"),
        ("ou", None),  # short words must match exactly
        ("stop", None),  # STOP always reaches the core as a word
        ("appels dans l'Oriental", None),  # a question, not a choice
        ("", None),
    ],
)
def test_typed_choices(typed: str, payload: str | None) -> None:
    assert match_choice(typed, CHOICES) == payload


def test_no_choices_means_plain_text() -> None:
    assert match_choice("1", []) is None


def test_two_alike_labels_are_not_guessed() -> None:
    alike = [("Consultant junior", "a"), ("Consultant senior", "b")]
    assert match_choice("consultant nior", alike) is None  # as near to both
    assert match_choice("consultant junior", alike) == "a"


@pytest.mark.parametrize(
    ("first", "last", "lang", "text"),
    [
        (1, 1, "fr", "Répondez 1"),
        (1, 2, "fr", "Répondez 1 ou 2"),
        (1, 3, "fr", "Répondez 1, 2 ou 3"),
        (4, 5, "fr", "Répondez 4 ou 5"),
        (1, 14, "fr", "Répondez par un numéro de 1 à 14"),
        (1, 3, "ar", "أجب بـ 1 أو 2 أو 3"),
        (1, 6, "ar", "أجب برقم من 1 إلى 6"),
    ],
)
def test_prompts(first: int, last: int, lang: str, text: str) -> None:
    assert prompt(first, last, lang) == text


def test_render_numbers_on_across_replies() -> None:
    bodies, offered = render(
        [
            Reply("Premier", [Button("A", "a"), Button("B", "b")]),
            Reply("Sans choix"),
            Reply("Dernier", [Button("C", "c")]),
        ]
    )
    assert bodies == [
        "Premier\n\n1. A\n2. B\n\nRépondez 1 ou 2",
        "Sans choix",
        "Dernier\n\n3. C\n\nRépondez 3",
    ]
    assert [b.payload for b in offered] == ["a", "b", "c"]


def test_template_variables_are_single_lines() -> None:
    raw = template_variables({"1": "a\nb\tc     d", "2": "", "3": "x" * 5000})
    assert raw.startswith('{"1": "a b c d", "2": "—", "3": "xxx')
    assert len(raw) < 1000


# --- 9. the runner: both channels, each with its sender; WhatsApp alone in a process -----------


async def test_both_channels_run_together_each_with_its_own_sender(
    api: FakeTwilio, deps: Deps, clock: FixedClock
) -> None:
    await plan(deps.db, POLICY, clock.now())  # the demo catalog is announced to nobody
    for channel_name, address in (("telegram", "5001"), ("whatsapp", AMINA)):
        contact = await get_or_create_contact(deps.db, channel_name, address, clock.now())
        await subs.add_subscription(deps.db, contact.id, [], [], Frequency.INSTANT, clock.now())
    await publish_copy_of_md(deps, "md-both-2024")  # planned by the runner's first pass
    async with FakeTelegram() as telegram_api:
        settings = Settings(
            http_port=free_port(), telegram=telegram_api.settings(), twilio=api.settings()
        )
        stopping = asyncio.Event()
        running = asyncio.create_task(run_bot(settings, deps, stopping))
        try:
            [alert] = await api.wait_for_messages(AMINA, 1, timeout=10)
            [tg_alert] = await telegram_api.wait_for_messages(5001, 1, timeout=10)
            assert alert.text.startswith("🆕 Nouvel appel")
            assert tg_alert.text.startswith("🆕 Nouvel appel")
            assert deps.share_links["whatsapp"] == (
                "https://wa.me/14155238886?text=%2Fstart%20{call_id}"
            )
            api.connect(f"http://127.0.0.1:{settings.http_port}")
            assert await api.send_inbound(AMINA, "1") == 200  # 🔔 of the alert
            [_, followed] = await api.wait_for_messages(AMINA, 2, timeout=10)
            assert followed.text.startswith("C'est noté")
        finally:
            stopping.set()
            assert await asyncio.wait_for(running, 10) == 0
    assert await outbox.status_counts(deps.db) == {"sent": 2}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_run_with_only_whatsapp_answers_and_stops_on_sigterm(tmp_path: Path) -> None:
    db, log = tmp_path / "forsa.db", tmp_path / "bot.log"
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FORSA_", "TELEGRAM_", "TWILIO_")) and "proxy" not in k.lower()
    }
    async with FakeTwilio() as api:
        env |= api.env() | {
            "PYTHONPATH": str(REPO),
            "PYTHONUNBUFFERED": "1",
            "FORSA_HTTP_PORT": str(port),
        }
        with log.open("ab") as out:
            process = await asyncio.create_subprocess_exec(
                *(sys.executable, "-m", "bot", "run", "--demo", "--db", str(db)),
                *("--now", DEMO_NOW),
                cwd=tmp_path,  # no developer's .env
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=out,
            )
        try:
            api.connect(f"http://127.0.0.1:{port}")
            await wait_for_health(port, log)
            assert await api.send_inbound(AMINA, "salut") == 200
            [hello] = await api.wait_for_messages(AMINA, 1, timeout=10)
            assert hello.text.startswith("Bonjour") and hello.choices
            process.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(process.wait(), 10) == 0, log.read_text()
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    logged = log.read_text()
    assert "forsa running: whatsapp" in logged and "Traceback" not in logged
    assert AMINA not in logged and AMINA.lstrip("+") not in logged
    assert api.auth_token not in logged


async def wait_for_health(port: int, log: Path, timeout: float = 15.0) -> None:
    async with asyncio.timeout(timeout), aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientConnectionError:
                pass
            if "Traceback" in log.read_text():
                raise AssertionError(log.read_text())
            await asyncio.sleep(0.05)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40), labels=st.lists(st.text(max_size=20), max_size=8))
def test_any_text_picks_one_of_the_choices_or_none(text: str, labels: list[str]) -> None:
    choices = [(label, f"p{i}") for i, label in enumerate(labels)]
    assert match_choice(text, choices) in {None, *(payload for _, payload in choices)}


@settings(max_examples=100, deadline=None)
@given(
    texts=st.lists(st.text(min_size=1, max_size=3000), min_size=1, max_size=3),
    labels=st.lists(st.text(min_size=1, max_size=30), max_size=6),
)
def test_rendered_bodies_always_fit(texts: list[str], labels: list[str]) -> None:
    buttons = [Button(label, f"p{i}") for i, label in enumerate(labels)]
    bodies, offered = render([Reply(text, buttons) for text in texts])
    assert all(0 < len(body.encode("utf-16-le")) // 2 <= MAX_BODY for body in bodies)
    assert len(offered) == len(texts) * len([b for b in buttons if b.label.strip()])


async def test_a_reminder_mid_conversation_keeps_the_choices_being_answered(
    api: FakeTwilio, channel: WhatsAppChannel, deps: Deps, clock: FixedClock
) -> None:
    menu = await say(api, channel, AMINA, "salut")
    assert menu.choices
    context = SendContext("reminder", "fr", clock.now(), {"1": "x", "2": "y", "3": "z"})
    reply = Reply("⏰ Rappel", [Button("Pièces", "ask:documents:alci-guide-participation-2024")])
    await channel.send(AMINA, [reply], context)
    [sent] = api.messages_to(AMINA)[-1:]
    assert sent.text.startswith("⏰ Rappel") and not sent.choices
    listing = await say(api, channel, AMINA, "1")  # still the menu's first choice
    assert listing.text.startswith("Appels ouverts")
