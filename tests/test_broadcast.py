"""Staff broadcasts: composing in chat, the pre-flight, confirming, sending through the
outbox, progress, final counts, cancelling, 10,000 subscribers, and the command line
(tier 1: real SQLite, recording channels, a fixed clock)."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.channels import whatsapp as whatsapp_module
from bot.channels.base import (
    PermanentSendError,
    SendContext,
    SendResult,
    UnreachableUser,
)
from bot.sender import Sender, SendRates
from handlers.clock import FixedClock, parse_now
from handlers.conversation import Turn
from handlers.deps import Deps
from handlers.messages import MAX_PAYLOAD_BYTES, Reply
from handlers.reminders import ReminderPolicy
from handlers.staff import broadcast
from handlers.staff.broadcast import SendRules
from handlers.texts import t
from store import broadcasts as store
from store import contacts, outbox
from store import subscriptions as subs
from store.broadcasts import Audience, BroadcastStatus
from store.contacts import ContactStatus, get_or_create_contact
from store.conversations import load_state, save_state
from store.db import Database
from store.staff import audit_entries
from store.subscriptions import Frequency
from tests.conftest import DEMO_NOW, Chat
from tests.test_cli import run

POLICY = ReminderPolicy()
FAST = SendRates(per_second=1e9, per_chat=1e9)
STAFF = "boss"  # a console user named staff in the settings


@dataclass
class RecordingChannel:
    """An in-process channel: records what it sends, fails on demand."""

    name: str
    sent: list[tuple[str, str, SendContext | None]] = field(default_factory=list)
    failures: dict[str, Exception] = field(default_factory=dict)

    async def send(
        self, address: str, replies: list[Reply], context: SendContext | None = None
    ) -> SendResult:
        if address in self.failures:
            raise self.failures[address]
        self.sent.append((address, replies[0].text, context))
        return SendResult(provider_id=f"{self.name}-{len(self.sent)}")


@pytest.fixture
def staff_chat(deps: Deps) -> Chat:
    deps.staff_seed.update({("console", STAFF): "admin"})
    return Chat(deps)


async def person(
    deps: Deps,
    channel: str,
    address: str,
    *,
    lang: str = "fr",
    status: str = ContactStatus.ACTIVE,
    seen_hours_ago: float = 1.0,
    regions: tuple[str, ...] = (),
    themes: tuple[str, ...] = (),
    subscribed: bool = True,
) -> int:
    """A contact who last wrote `seen_hours_ago`, with one subscription."""
    now = deps.clock.now()
    contact = await get_or_create_contact(
        deps.db, channel, address, now - timedelta(hours=seen_hours_ago)
    )
    await contacts.set_language(deps.db, contact.id, lang)
    if subscribed:
        await subs.add_subscription(
            deps.db, contact.id, list(regions), list(themes), Frequency.WEEKLY, now
        )
    if status != ContactStatus.ACTIVE:
        await contacts.set_status(deps.db, contact.id, status, "test", now)
    return contact.id


async def known_mix(deps: Deps) -> dict[str, int]:
    """Twelve subscribers (and one contact without a subscription) in every situation."""
    ids = {
        "tg_oriental": await person(deps, "telegram", "101", regions=("oriental",)),
        "tg_all_1": await person(deps, "telegram", "102"),
        "tg_ar": await person(deps, "telegram", "103", lang="ar", themes=("youth",)),
        "tg_stopped": await person(deps, "telegram", "104", status=ContactStatus.STOPPED),
        "tg_blocked": await person(deps, "telegram", "105", status=ContactStatus.BLOCKED),
        "wa_in_1": await person(deps, "whatsapp", "+212600000001", seen_hours_ago=2),
        "wa_in_ar": await person(
            deps, "whatsapp", "+212600000002", lang="ar", seen_hours_ago=23.5
        ),
        "wa_out_1": await person(deps, "whatsapp", "+212600000003", seen_hours_ago=30),
        "wa_out_2": await person(
            deps, "whatsapp", "+212600000004", seen_hours_ago=72, regions=("oriental",)
        ),
        "wa_out_ar": await person(deps, "whatsapp", "+212600000005", lang="ar", seen_hours_ago=48),
        "wa_stopped": await person(
            deps, "whatsapp", "+212600000006", status=ContactStatus.STOPPED
        ),
        "wa_souss": await person(deps, "whatsapp", "+212600000007", regions=("souss-massa",)),
        "nobody": await person(deps, "telegram", "199", subscribed=False),
    }
    return ids


def rules(*template_langs: str) -> SendRules:
    return SendRules(POLICY, frozenset(template_langs))


async def drain(deps: Deps, *channels: RecordingChannel) -> None:
    for channel in channels:
        sender = Sender(deps.db, deps.clock, channel, FAST, POLICY)
        async with asyncio.timeout(60):
            while (await sender.drain()).deferred:
                await asyncio.sleep(0)


async def broadcast_rows(db: Database, broadcast_id: int) -> list[dict[str, object]]:
    rows = await db.fetchall(
        "SELECT o.*, c.address, c.lang FROM outbox o JOIN contacts c ON c.id = o.contact_id"
        " WHERE o.dedupe_key LIKE ? ORDER BY o.id",
        (f"broadcast:{broadcast_id}:%",),
    )
    return [dict(row) for row in rows]


def payloads(replies: list[Reply]) -> list[str]:
    return [b.payload for r in replies for b in r.buttons]


# --- composing in chat ----------------------------------------------------------------------


async def test_compose_check_and_confirm_in_chat(staff_chat: Chat, deps: Deps) -> None:
    await known_mix(deps)
    start = await staff_chat.say("/diffuser", STAFF)
    assert payloads(start)[:3] == ["staff:bc:m:fr", "staff:bc:m:ar", "staff:bc:m:both"]
    asked = await staff_chat.press("staff:bc:m:both", STAFF)
    assert "français" in asked[0].text
    asked = await staff_chat.say("Atelier à Oujda le 5 mars.\nInscriptions ouvertes.", STAFF)
    assert "arabe" in asked[0].text
    menu = await staff_chat.say("ورشة في وجدة يوم 5 مارس.", STAFF)
    # Typing the Arabic text did not switch the staff member's interface to Arabic.
    assert "À qui l'envoyer" in menu[0].text and "[AR] ورشة" in menu[0].text
    assert "staff:bc:pre" in payloads(menu)
    regions = await staff_chat.press("staff:bc:a:r", STAFF)
    assert "staff:bc:r:oriental" in payloads(regions)
    ticked = await staff_chat.press("staff:bc:r:oriental", STAFF)
    assert ticked[0].replaces_pressed and "✅ Oriental" in [b.label for b in ticked[0].buttons]
    menu = await staff_chat.press("staff:bc:a", STAFF)
    assert "régions : Oriental" in menu[0].text
    check = (await staff_chat.press("staff:bc:pre", STAFF))[0]
    # Oriental or all of Morocco: 101, 102, 103 (all regions), 104, 105 and every WhatsApp
    # contact but the Souss-Massa one. No template: outside-window ones are excluded.
    assert "Abonnés concernés : 11" in check.text
    assert "Telegram : 3 le recevront" in check.text
    assert "WhatsApp : 2 le recevront" in check.text
    assert "2 désabonné(s)" in check.text and "1 injoignable(s)" in check.text
    assert "2 sur WhatsApp" in check.text and "broadcast/fr" in check.text
    assert "1 sur WhatsApp" in check.text and "broadcast/ar" in check.text
    assert "Heures calmes" not in check.text
    assert await store.latest(deps.db) == []  # nothing written before confirming
    done = (await staff_chat.press("staff:bc:ok", STAFF))[0]
    assert "Diffusion n°1 lancée : 5 message(s)" in done.text
    assert payloads([done]) == ["staff:bc:status:1", "staff:bc:cancel:1"]
    rows = await broadcast_rows(deps.db, 1)
    assert len(rows) == 5 and {r["kind"] for r in rows} == {"broadcast"}
    by_address = {r["address"]: json.loads(str(r["body"]))[0] for r in rows}
    assert "Atelier à Oujda" in by_address["101"]["text"]
    assert "ورشة في وجدة" in by_address["103"]["text"]  # an Arabic speaker: the Arabic one
    assert by_address["103"]["template"] == {"1": "ورشة في وجدة يوم 5 مارس."}
    record = await store.get(deps.db, 1)
    assert record is not None and record.status == BroadcastStatus.SENDING
    assert record.audience == Audience(regions=("oriental",))
    assert record.excluded == {"stopped": 2, "blocked": 1, "window": 3}
    assert (record.audience_size, record.enqueued) == (11, 5)
    commands = [e.command for e in await audit_entries(deps.db)]
    assert {"/diffuser", "staff:bc:pre", "staff:bc:ok"} <= set(commands)
    # The draft is gone: pressing confirm again does nothing.
    again = await staff_chat.press("staff:bc:ok", STAFF)
    assert "plus valable" in again[0].text
    assert len(await store.latest(deps.db)) == 1


async def test_one_version_goes_to_everyone(deps: Deps) -> None:
    bodies = broadcast.bodies({"fr": "Réunion demain."})
    assert "Réunion demain." in bodies["ar"][0]["text"]
    assert bodies["ar"][0]["template"] == {"1": "Réunion demain."}
    assert "STOP" in bodies["fr"][0]["text"]
    arabic = broadcast.bodies({"ar": "اجتماع غدا"})
    assert "اجتماع غدا" in arabic["fr"][0]["text"] and "فرصة" in arabic["fr"][0]["text"]


async def test_every_payload_fits_telegram(staff_chat: Chat) -> None:
    replies = await staff_chat.say("/diffuser", STAFF)
    replies += await staff_chat.press("staff:bc:m:fr", STAFF)
    replies += await staff_chat.say("Bonjour", STAFF)
    for step in ("r", "t", "l", "c"):
        replies += await staff_chat.press(f"staff:bc:a:{step}", STAFF)
    replies += await staff_chat.press("staff:bc:pre", STAFF)
    assert len(payloads(replies)) > 40
    assert all(len(p.encode()) <= MAX_PAYLOAD_BYTES for p in payloads(replies))


async def test_abandoning_writes_nothing(staff_chat: Chat, deps: Deps) -> None:
    await staff_chat.say("/broadcast", STAFF)
    await staff_chat.press("staff:bc:m:ar", STAFF)
    gone = await staff_chat.say("annuler", STAFF)
    assert "abandonnée" in gone[0].text
    # The next text is an ordinary message again.
    answer = await staff_chat.text("bonjour", STAFF)
    assert "abandonnée" not in answer
    assert await store.latest(deps.db) == []


async def test_language_and_channel_filters(staff_chat: Chat, deps: Deps) -> None:
    await known_mix(deps)
    await staff_chat.say("/diffuser", STAFF)
    await staff_chat.press("staff:bc:m:fr", STAFF)
    await staff_chat.say("Bonjour", STAFF)
    await staff_chat.press("staff:bc:l:ar", STAFF)
    await staff_chat.press("staff:bc:c:whatsapp", STAFF)
    check = (await staff_chat.press("staff:bc:pre", STAFF))[0]
    assert "langue : arabe ; canal : WhatsApp" in check.text
    assert "Abonnés concernés : 2" in check.text and "WhatsApp : 1 le recevront" in check.text


async def test_nobody_to_send_to_offers_no_confirmation(staff_chat: Chat, deps: Deps) -> None:
    await staff_chat.say("/diffuser", STAFF)
    await staff_chat.press("staff:bc:m:fr", STAFF)
    await staff_chat.say("Bonjour", STAFF)
    check = await staff_chat.press("staff:bc:pre", STAFF)
    assert "Personne ne recevrait" in check[0].text
    assert "staff:bc:ok" not in payloads(check)
    forced = await staff_chat.press("staff:bc:ok", STAFF)  # an old button, say
    assert "Personne ne recevrait" in forced[0].text
    assert await store.latest(deps.db) == []


async def test_not_staff_gets_the_ordinary_answers(chat: Chat, deps: Deps) -> None:
    assert await chat.text("/diffuser") == t("fr", "off_topic")
    pressed = await chat.press("staff:bc:status:1")
    assert pressed[0].text == t("fr", "unknown_button")
    assert await chat.text("/diffuser statut") == t("fr", "off_topic")
    assert await store.latest(deps.db) == []
    refused = [e for e in await audit_entries(deps.db) if not e.allowed]
    assert len(refused) >= 3


async def staff_turn(deps: Deps, address: str, text: str = "") -> Turn:
    contact = await get_or_create_contact(deps.db, "console", address, deps.clock.now())
    state = await load_state(deps.db, contact.id)
    turn = Turn(deps, contact, state, deps.clock.now(), "fr")
    turn.text = text
    return turn


async def test_entry_points_check_the_role_themselves(deps: Deps) -> None:
    """Defence in depth: called directly (not through the router), a non-staff user gets
    the neutral answers, nothing is composed, and the attempt is audited."""
    turn = await staff_turn(deps, "intruder")
    refused = await broadcast.on_command(turn, "")
    assert refused.text == turn.t("off_topic")
    assert "bc" not in turn.state
    assert await broadcast.on_button(turn, "status:1") is None
    turn.state["bc"] = {"step": "fr", "texts": {}, "audience": {}, "at": turn.now.isoformat()}
    turn.text = "Bonjour"
    assert await broadcast.on_text(turn) is None and "bc" not in turn.state
    entries = await audit_entries(deps.db)
    assert len(entries) == 3 and not any(e.allowed for e in entries)


# --- the pre-flight -----------------------------------------------------------------------


async def test_preflight_counts_a_known_mix(deps: Deps) -> None:
    await known_mix(deps)
    now = deps.clock.now()
    found = await store.preflight(deps.db, Audience(), rules().reach(now))
    assert found.audience == 12
    assert found.by_channel == {"telegram": 3, "whatsapp": 3}  # 2 in the window + Souss
    assert (found.stopped, found.blocked) == (2, 1)
    assert found.window == {"fr": 2, "ar": 1}
    assert found.receiving + found.stopped + found.blocked + found.outside == found.audience
    # With an Arabic broadcast template, the silent Arabic speaker gets it as a template.
    found = await store.preflight(deps.db, Audience(), rules("ar").reach(now))
    assert found.by_channel["whatsapp"] == 4 and found.window == {"fr": 2}
    found = await store.preflight(deps.db, Audience(), rules("fr", "ar").reach(now))
    assert found.by_channel["whatsapp"] == 6 and found.window == {}


async def test_preflight_filters(deps: Deps) -> None:
    await known_mix(deps)
    reach = rules().reach(deps.clock.now())
    youth = await store.preflight(deps.db, Audience(themes=("youth",)), reach)
    assert youth.audience == 12  # everyone else takes every theme
    souss = await store.preflight(deps.db, Audience(regions=("souss-massa",)), reach)
    assert souss.audience == 10  # all but the two Oriental-only subscribers
    arabic = await store.preflight(deps.db, Audience(lang="ar"), reach)
    assert arabic.audience == 3 and arabic.by_channel == {"telegram": 1, "whatsapp": 1}
    telegram = await store.preflight(deps.db, Audience(channel="telegram"), reach)
    assert telegram.audience == 5 and telegram.by_channel == {"telegram": 3}


async def test_quiet_hours_and_the_window_at_sending_time(deps: Deps, clock: FixedClock) -> None:
    await known_mix(deps)
    clock.set(parse_now("2024-01-03T22:00:00"))  # quiet: rows wait until 08:00
    found = await store.preflight(deps.db, Audience(), rules().reach(clock.now()))
    # Those who wrote 2 and 23.5 hours before 10:00 are inside the window at 22:00, but
    # not at 08:00 the next day: judged when the rows will go, they are excluded. Only
    # the one who wrote at 09:00 is still inside then.
    assert found.by_channel["whatsapp"] == 1 and found.window == {"fr": 3, "ar": 2}
    text = broadcast.preflight_text("fr", Audience(), found, rules(), clock.now())
    assert "Heures calmes : les 4 messages partiront le 4 janvier 2024 à 8h00" in text
    arabic = broadcast.preflight_text("ar", Audience(), found, rules(), clock.now())
    assert "ساعات الهدوء" in arabic and "4 يناير 2024" in arabic


# --- sending, progress, final counts, cancelling ----------------------------------------------


async def test_sent_through_the_outbox_with_progress_and_final_counts(deps: Deps) -> None:
    ids = await known_mix(deps)
    now = deps.clock.now()
    texts = {"fr": "Bonjour", "ar": "مرحبا"}
    author = await person(deps, "console", STAFF, subscribed=False)
    broadcast_id, found = await broadcast.start_broadcast(
        deps, author, "chat", texts, Audience(), now, rules()
    )
    assert found.receiving == 6
    telegram, whatsapp = RecordingChannel("telegram"), RecordingChannel("whatsapp")
    telegram.failures["101"] = UnreachableUser("Forbidden: bot was blocked by the user")
    whatsapp.failures["+212600000007"] = PermanentSendError("twilio 21617: too long")
    await contacts.set_status(deps.db, ids["tg_all_1"], ContactStatus.STOPPED, "STOP", now)
    text, sending = await broadcast.status_text(deps, broadcast_id, "fr", now)
    assert sending and "en attente 6" in str(text)
    await drain(deps, telegram, whatsapp)
    counts = await store.progress(deps.db, broadcast_id)
    assert (counts.sent, counts.failed, counts.blocked, counts.skipped) == (3, 1, 1, 1)
    assert counts.pending == 0
    assert [a for a, _, _ in telegram.sent] == ["103"]
    assert telegram.sent[0][1].startswith("📢 رسالة من فريق فرصة:\nمرحبا")
    context = whatsapp.sent[0][2]
    assert context is not None and context.kind == "broadcast"
    assert context.template_vars == {"1": "Bonjour"}
    text, sending = await broadcast.status_text(deps, broadcast_id, "fr", now)
    assert not sending
    assert "terminée. Résultat final" in str(text)
    assert "envoyés 3, en attente 0, échecs 1, injoignables 1, ignorés 1 (sur 6)" in str(text)
    assert "6 exclu(s) avant l'envoi, sur 12" in str(text)
    # The author hears the final counts once, through the outbox.
    assert await broadcast.report_finished(deps, now) == 1
    assert await broadcast.report_finished(deps, now) == 0
    notice = await deps.db.fetchone(
        "SELECT body FROM outbox WHERE contact_id = ? AND kind = 'notice'", (author,)
    )
    assert notice is not None and "Résultat final" in notice["body"]


async def test_whatsapp_delivery_reports_are_counted(deps: Deps) -> None:
    from store.delivery import DeliveryStatus, record_status

    await person(deps, "whatsapp", "+212600000001")
    await person(deps, "whatsapp", "+212600000002")
    now = deps.clock.now()
    broadcast_id, _ = await broadcast.start_broadcast(
        deps, None, "cli", {"fr": "Bonjour"}, Audience(), now, rules()
    )
    whatsapp = RecordingChannel("whatsapp")
    await drain(deps, whatsapp)
    await record_status(deps.db, "whatsapp-1", DeliveryStatus.DELIVERED, None, now)
    await record_status(deps.db, "whatsapp-2", DeliveryStatus.READ, None, now)
    counts = await store.progress(deps.db, broadcast_id)
    assert counts.delivery == {"delivered": 1, "read": 1}
    text, _ = await broadcast.status_text(deps, broadcast_id, "fr", now)
    assert "Accusés WhatsApp : delivered 1, read 1" in str(text)


async def test_cancel_skips_what_is_pending(
    staff_chat: Chat, deps: Deps, clock: FixedClock
) -> None:
    await known_mix(deps)
    clock.set(parse_now("2024-01-03T21:30:00"))  # quiet hours: everything waits
    await staff_chat.say("/diffuser", STAFF)
    await staff_chat.press("staff:bc:m:fr", STAFF)
    await staff_chat.say("Bonsoir", STAFF)
    check = await staff_chat.press("staff:bc:pre", STAFF)
    assert "Heures calmes" in check[0].text
    await staff_chat.press("staff:bc:ok", STAFF)
    progress = await staff_chat.text("/diffuser statut", STAFF)
    assert "Diffusion n°1 — en cours" in progress and "en attente 4" in progress
    telegram = RecordingChannel("telegram")
    await drain(deps, telegram)  # quiet hours: the sender waits
    assert telegram.sent == []
    stopped = (await staff_chat.press("staff:bc:cancel:1", STAFF))[0]
    assert "arrêtée : 4 message(s)" in stopped.text
    clock.set(parse_now("2024-01-04T08:05:00"))
    await drain(deps, telegram, RecordingChannel("whatsapp"))
    assert telegram.sent == []
    rows = await broadcast_rows(deps.db, 1)
    assert {(r["status"], r["error"]) for r in rows} == {("skipped", "broadcast cancelled")}
    final = await staff_chat.text("/diffuser statut 1", STAFF)
    assert "arrêtée. Résultat final" in final and "ignorés 4" in final
    again = await staff_chat.text("/diffuser annuler 1", STAFF)
    assert "n'est plus en cours" in again
    assert "n°7" in await staff_chat.text("/diffuser statut 7", STAFF)


async def test_status_without_any_broadcast(staff_chat: Chat) -> None:
    assert "Aucune diffusion" in await staff_chat.text("/diffuser statut", STAFF)


def test_the_window_matches_the_whatsapp_channel() -> None:
    expected = whatsapp_module.WINDOW - whatsapp_module.WINDOW_MARGIN
    assert expected == broadcast.WHATSAPP_TEXT_WINDOW


# --- 10,000 subscribers ------------------------------------------------------------------------


async def bulk_subscribers(db: Database, now: datetime, count: int) -> None:
    """`count` subscribers in one transaction (test data: plain SQL is fine here).

    Every tenth stopped, every tenth (+1) blocked; a third on WhatsApp, half of those
    silent for three days; a quarter speak Arabic."""
    recent, old = now - timedelta(hours=1), now - timedelta(days=3)
    rows = []
    for i in range(count):
        channel = "whatsapp" if i % 3 == 0 else "telegram"
        address = f"+2126{i:08d}" if channel == "whatsapp" else str(5_000_000 + i)
        seen = old if channel == "whatsapp" and i % 2 else recent
        status = {0: "stopped", 1: "blocked"}.get(i % 10, "active")
        lang = "ar" if i % 4 == 0 else "fr"
        rows.append((channel, address, lang, now.isoformat(), seen.isoformat(), status))
    async with db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO contacts (channel, address, lang, created_at, last_seen_at, status)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        await conn.execute(
            "INSERT INTO subscriptions (contact_id, regions, themes, frequency, created_at,"
            " updated_at) SELECT id, '[]', '[]', 'weekly', ?, ? FROM contacts",
            (now.isoformat(), now.isoformat()),
        )


async def test_ten_thousand_subscribers_add_up(
    deps: Deps, capsys: pytest.CaptureFixture[str]
) -> None:
    now = deps.clock.now()
    await bulk_subscribers(deps.db, now, 10_000)
    send_rules = rules("ar")  # an Arabic broadcast template, no French one
    started = time.perf_counter()
    found = await store.preflight(deps.db, Audience(), send_rules.reach(now))
    preflight_s = time.perf_counter() - started
    assert found.audience == 10_000
    assert (found.stopped, found.blocked) == (1_000, 1_000)
    started = time.perf_counter()
    broadcast_id, confirmed = await broadcast.start_broadcast(
        deps, None, "cli", {"fr": "Bonjour", "ar": "مرحبا"}, Audience(), now, send_rules
    )
    enqueue_s = time.perf_counter() - started
    record = await store.get(deps.db, broadcast_id)
    assert record is not None and record.enqueued == confirmed.receiving == found.receiving
    telegram, whatsapp = RecordingChannel("telegram"), RecordingChannel("whatsapp")
    for i in range(2, 10_000, 97):  # a few unreachable and a few failing
        if i % 3 and i % 10 > 1:
            telegram.failures[str(5_000_000 + i)] = UnreachableUser("Forbidden")
    for i in range(3, 10_000, 101):
        if i % 3 == 0 and i % 10 > 1 and i % 2 == 0:  # active, inside the window
            whatsapp.failures[f"+2126{i:08d}"] = PermanentSendError("twilio 63016")
    # Five people say STOP between the confirmation and the sending.
    failing = set(telegram.failures) | set(whatsapp.failures)
    queued = [
        r for r in await broadcast_rows(deps.db, broadcast_id) if r["address"] not in failing
    ]
    for row in queued[-5:]:
        await contacts.set_status(deps.db, int(str(row["contact_id"])), "stopped", "STOP", now)
    started = time.perf_counter()
    await drain(deps, telegram, whatsapp)
    drain_s = time.perf_counter() - started
    counts = await store.progress(deps.db, broadcast_id)
    excluded = sum(record.excluded.values())
    assert counts.pending == 0
    assert counts.sent + counts.failed + counts.skipped + counts.blocked + excluded == 10_000
    assert counts.skipped == 5 and counts.blocked == len(telegram.failures)
    assert counts.failed == len(whatsapp.failures)
    assert counts.sent == len(telegram.sent) + len(whatsapp.sent)
    assert len({a for a, _, _ in telegram.sent + whatsapp.sent}) == counts.sent  # no repeat
    with capsys.disabled():
        print(
            f"\n10,000 subscribers: pre-flight {preflight_s * 1000:.0f} ms,"
            f" record + enqueue {confirmed.receiving} rows {enqueue_s * 1000:.0f} ms,"
            f" drain {drain_s:.1f} s; sent {counts.sent}, failed {counts.failed},"
            f" blocked {counts.blocked}, skipped {counts.skipped}, excluded {excluded}"
            f" ({record.excluded})"
        )
    assert preflight_s < 2 and enqueue_s < 5  # generous: a slow CI machine


# --- the command line ---------------------------------------------------------------------


async def cli_store(path: Path) -> None:
    db = await Database.open(path)
    deps = Deps(db=db, clock=FixedClock(parse_now(DEMO_NOW)))
    await known_mix(deps)
    await db.close()


async def test_cli_preflight_send_status_cancel(tmp_path: Path) -> None:
    path = tmp_path / "forsa.db"
    await cli_store(path)
    dry = await asyncio.to_thread(
        run,
        "broadcast",
        "--fr",
        "Bonjour",
        "--region",
        "Oriental",
        "--dry-run",
        "--yes",
        db=path,
    )
    assert dry.returncode == 0, dry.stderr
    assert "Abonnés concernés : 11" in dry.stdout and "dry run: nothing sent" in dry.stdout
    unconfirmed = await asyncio.to_thread(run, "broadcast", "--fr", "Bonjour", db=path)
    assert "add --yes" in unconfirmed.stdout
    sent = await asyncio.to_thread(
        run,
        "broadcast",
        "--fr",
        "Bonjour",
        "--ar",
        "مرحبا",
        "--channel",
        "telegram",
        "--yes",
        db=path,
    )
    assert sent.returncode == 0, sent.stderr
    assert "broadcast 1: 3 message(s) queued" in sent.stdout
    status = await asyncio.to_thread(run, "broadcast", "status", "1", db=path)
    assert "Diffusion n°1 — en cours" in status.stdout and "en attente 3" in status.stdout
    cancel = await asyncio.to_thread(run, "broadcast", "cancel", "1", db=path)
    assert "broadcast 1 cancelled: 3 pending message(s) skipped" in cancel.stdout
    again = await asyncio.to_thread(run, "broadcast", "cancel", "1", db=path)
    assert again.returncode == 1 and "not sending" in again.stderr
    db = await Database.open(path)
    try:
        assert [r["status"] for r in await broadcast_rows(db, 1)] == ["skipped"] * 3
        assert await outbox.status_counts(db) == {"skipped": 3}
    finally:
        await db.close()


async def test_cli_refuses_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "forsa.db"
    none = await asyncio.to_thread(run, "broadcast", db=path)
    assert none.returncode == 2 and "--fr TEXT" in none.stderr
    region = await asyncio.to_thread(
        run, "broadcast", "--fr", "x", "--region", "Atlantis", db=path
    )
    assert region.returncode == 2 and "unknown region" in region.stderr
    verb = await asyncio.to_thread(run, "broadcast", "restart", "1", db=path)
    assert verb.returncode == 2
    missing = await asyncio.to_thread(run, "broadcast", "status", "9", db=path)
    assert missing.returncode == 1 and "no broadcast 9" in missing.stderr


async def test_state_survives_between_messages(staff_chat: Chat, deps: Deps) -> None:
    """The draft is conversation state in the store, not memory: a restart keeps it."""
    await staff_chat.say("/diffuser", STAFF)
    await staff_chat.press("staff:bc:m:fr", STAFF)
    contact = await get_or_create_contact(deps.db, "console", STAFF, deps.clock.now())
    state = await load_state(deps.db, contact.id)
    assert state["bc"]["step"] == "fr"
    state["bc"]["texts"] = {}
    await save_state(deps.db, contact.id, state, deps.clock.now())
    menu = await staff_chat.say("Bonjour", STAFF)
    assert "À qui l'envoyer" in menu[0].text


async def test_a_forgotten_draft_does_not_swallow_a_question(
    staff_chat: Chat, deps: Deps, clock: FixedClock
) -> None:
    await staff_chat.say("/diffuser", STAFF)
    await staff_chat.press("staff:bc:m:fr", STAFF)
    clock.advance(broadcast.DRAFT_TTL + timedelta(minutes=1))
    answer = await staff_chat.text("offres ouvertes", STAFF)
    assert "À qui l'envoyer" not in answer
    assert "plus valable" in (await staff_chat.press("staff:bc:a", STAFF))[0].text
