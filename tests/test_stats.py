"""Staff statistics (counts on a known store, text in French and Arabic, the chart, the
command line) and sending pictures: Telegram photos, WhatsApp MediaUrl and /media."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import WhatsAppChannel
from bot.http import MediaShelf, build_app, start_http
from handlers.clock import FixedClock, parse_now
from handlers.deps import Deps
from handlers.messages import Button, Image, Reply
from handlers.staff import broadcast, stats
from handlers.texts import t
from store import contacts, delivery, outbox
from store import subscriptions as subs
from store.broadcasts import Audience
from store.contacts import ContactStatus, get_or_create_contact
from store.db import Database
from store.delivery import DeliveryStatus
from store.outbox import Message, OutboxKind, RowStatus
from store.stats import ALL
from store.subscriptions import Frequency
from tests.conftest import DEMO_NOW, Chat
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio
from tests.test_cli import run

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
STAFF = "boss"
WINDOW_REASON = "outside the WhatsApp 24-hour window and no template for reminder/ar"


async def subscriber(
    deps: Deps,
    channel: str,
    address: str,
    subscriptions: list[tuple[list[str], list[str]]],
    *,
    lang: str = "fr",
    days_ago: int = 0,
) -> int:
    when = deps.clock.now() - timedelta(days=days_ago)
    contact = await get_or_create_contact(deps.db, channel, address, when)
    await contacts.set_language(deps.db, contact.id, lang)
    for regions, themes in subscriptions:
        await subs.add_subscription(deps.db, contact.id, regions, themes, Frequency.DAILY, when)
    return contact.id


def reminder(key: str) -> Message:
    body = [{"text": "⏰", "buttons": [], "template": {"1": "x"}}]
    return Message(OutboxKind.REMINDER, key, {"fr": body, "ar": body}, parse_now(DEMO_NOW))


async def known_store(deps: Deps) -> dict[str, int]:
    """Three active subscribers, one stopped this week, one blocked long ago, two
    forgotten (one this week), reminders sent, failed and skipped, and a broadcast."""
    db, now = deps.db, deps.clock.now()
    ids = {
        "a": await subscriber(
            deps, "telegram", "11", [(["oriental"], ["youth"]), (["oriental"], ["youth"])]
        ),
        "b": await subscriber(deps, "telegram", "12", [([], [])], days_ago=10),
        "c": await subscriber(
            deps,
            "whatsapp",
            "+212600000003",
            [(["souss-massa", "oriental"], ["environment"])],
            lang="ar",
        ),
        "d": await subscriber(deps, "telegram", "14", [([], [])]),
        "e": await subscriber(deps, "whatsapp", "+212600000005", [([], [])]),
    }
    await contacts.set_status(db, ids["d"], ContactStatus.STOPPED, "STOP", now)
    await contacts.set_status(
        db, ids["e"], ContactStatus.BLOCKED, "63024", now - timedelta(days=20)
    )
    for address, days_ago in (("16", 0), ("17", 30)):
        gone = await subscriber(deps, "telegram", address, [([], [])], days_ago=days_ago)
        await contacts.forget_contact(db, gone)
    for name, status, error in (
        ("a", RowStatus.SENT, None),
        ("b", RowStatus.FAILED, "Forbidden: bot was blocked by the user"),
        ("c", RowStatus.SKIPPED, WINDOW_REASON),
    ):
        await outbox.enqueue_for_contact(db, ids[name], reminder(f"r:{name}"), now)
        row = await db.fetchone(
            "SELECT id FROM outbox WHERE dedupe_key = ?", (f"r:{name}:{ids[name]}",)
        )
        assert row is not None
        await outbox.finish(db, row["id"], status, now, error=error, provider_id=f"SM{name}")
    await delivery.record_status(db, "SMa", DeliveryStatus.READ, None, now)
    old = reminder("r:old")
    await outbox.enqueue_for_contact(db, ids["a"], old, now - timedelta(days=8))
    await broadcast.start_broadcast(deps, None, "cli", {"fr": "Bonjour"}, Audience(), now)
    return ids


# --- counts -------------------------------------------------------------------------------


async def test_counts_on_a_known_store(deps: Deps) -> None:
    await known_store(deps)
    snap = await stats.snapshot(deps.db, deps.clock.now())
    assert snap.subscribers.active == 3
    assert dict(snap.subscribers.active_by_channel) == {"telegram": 2, "whatsapp": 1}
    assert dict(snap.subscribers.active_by_lang) == {"fr": 2, "ar": 1}
    assert (snap.subscribers.stopped, snap.subscribers.blocked) == (1, 1)
    # A counts once in the Oriental despite two subscriptions naming it.
    assert dict(snap.regions) == {"oriental": 2, "souss-massa": 1, ALL: 1}
    assert dict(snap.themes) == {"youth": 1, "environment": 1, ALL: 1}
    week = snap.week
    assert (week.subscriptions, week.subscribers) == (5, 4)  # b's is ten days old
    assert (week.stopped, week.blocked, week.forgotten) == (1, 0, 1)
    reminders = snap.kinds["reminder"]
    assert dict(reminders.by_status) == {"sent": 1, "failed": 1, "skipped": 1}
    assert dict(reminders.delivery) == {"read": 1}
    assert set(reminders.reasons) == {"Forbidden: bot was blocked by the user", WINDOW_REASON}
    assert dict(snap.kinds["broadcast"].by_status) == {"pending": 3}
    [(record, progress)] = snap.broadcasts
    assert (record.id, progress.pending) == (1, 3)
    assert record.excluded == {"stopped": 1, "blocked": 1, "window": 0}
    data = snap.to_json()
    assert json.loads(json.dumps(data)) == data  # plain JSON all the way down
    assert data["subscribers"]["active"] == 3 and data["broadcasts"][0]["pending"] == 3


async def test_text_in_french_and_arabic(deps: Deps) -> None:
    await known_store(deps)
    snap = await stats.snapshot(deps.db, deps.clock.now())
    french = stats.stats_text(snap, "fr")
    for expected in (
        "Statistiques Forsa — 3 janvier 2024 à 10h00",
        "Abonnés actifs : 3",
        "par canal : Telegram 2, WhatsApp 1",
        "par langue : français 2, arabe 1",
        "En pause : 1 désabonné(s) (STOP), 1 injoignable(s)",
        "Par région : Oriental 2",
        "Tout le Maroc 1",
        "nouveaux abonnements : 5 (4 personne(s))",
        "départs : 1 STOP, 0 injoignable(s), 1 effacé(s) (/oublier)",
        "compteur anonyme",
        "Rappels : envoyés 1, échecs 1, ignorés 1, en attente 0",
        "hors fenêtre WhatsApp sans modèle 1",
        "accusés WhatsApp : read 1",
        "Diffusions : envoyés 0, échecs 0, ignorés 0, en attente 3",
        "n°1 (en cours)",
    ):
        assert expected in french, expected
    arabic = stats.stats_text(snap, "ar")
    for expected in (
        "إحصائيات فرصة — 3 يناير 2024",
        "المشتركون النشطون: 3",
        "تيليغرام 2، واتساب 1",
        "الشرق 2",
        "التذكيرات: أُرسلت 1، فشلت 1، تم تجاوز 1",
        "خارج نافذة واتساب بدون نموذج 1",
        "رقم 1 (جارٍ)",
    ):
        assert expected in arabic, expected


async def test_an_empty_store_still_answers(deps: Deps) -> None:
    snap = await stats.snapshot(deps.db, deps.clock.now())
    assert "Abonnés actifs : 0" in stats.stats_text(snap, "fr")
    assert "rien à signaler" in stats.stats_text(snap, "fr")
    assert stats.render_chart(snap).startswith(PNG_MAGIC)


async def test_the_chart_is_a_real_png(deps: Deps) -> None:
    from PIL import Image as Picture  # matplotlib's own dependency

    await known_store(deps)
    png = await stats.chart_png(await stats.snapshot(deps.db, deps.clock.now()))
    assert png.startswith(PNG_MAGIC) and len(png) > 1024
    with Picture.open(io.BytesIO(png)) as picture:
        assert picture.format == "PNG" and picture.size == (960, 720)


# --- in chat --------------------------------------------------------------------------------


@pytest.fixture
def staff_chat(deps: Deps) -> Chat:
    deps.staff_seed.update({("console", STAFF): "editor"})
    return Chat(deps)


async def test_stats_in_chat_with_the_chart(staff_chat: Chat, deps: Deps) -> None:
    await known_store(deps)
    [reply] = await staff_chat.say("/stats", STAFF)
    assert "Abonnés actifs : 3" in reply.text and "étiquettes en français" in reply.text
    assert reply.image is not None and reply.image.data.startswith(PNG_MAGIC)
    assert [b.payload for b in reply.buttons] == ["staff:stats:refresh"]
    [arabic] = await staff_chat.say("إحصائيات", STAFF)
    assert "المشتركون النشطون: 3" in arabic.text and arabic.image is not None
    [again] = await staff_chat.press("staff:stats:refresh", STAFF)
    assert again.image is not None
    refused = await staff_chat.say("/stats", "someone")
    assert refused[0].text == t("fr", "off_topic") and refused[0].image is None
    pressed = await staff_chat.press("staff:stats:refresh", "someone")
    assert pressed[0].text == t("fr", "unknown_button") and pressed[0].image is None


# --- the command line ---------------------------------------------------------------------


async def test_cli_text_json_and_chart(tmp_path: Path) -> None:
    path = tmp_path / "forsa.db"
    db = await Database.open(path)
    try:
        await known_store(Deps(db=db, clock=FixedClock(parse_now(DEMO_NOW))))
    finally:
        await db.close()
    text = await asyncio.to_thread(run, "stats", db=path)
    assert text.returncode == 0, text.stderr
    assert "Abonnés actifs : 3" in text.stdout
    arabic = await asyncio.to_thread(run, "stats", "--lang", "ar", db=path)
    assert "المشتركون النشطون: 3" in arabic.stdout
    chart = tmp_path / "chart.png"
    data = await asyncio.to_thread(run, "stats", "--json", "--chart", str(chart), db=path)
    assert data.returncode == 0, data.stderr
    parsed = json.loads(data.stdout)
    assert parsed["subscribers"]["by_channel"] == {"telegram": 2, "whatsapp": 1}
    assert parsed["week"]["forgotten"] == 1
    assert chart.read_bytes().startswith(PNG_MAGIC) and chart.stat().st_size > 1024


# --- sending pictures ----------------------------------------------------------------------


def test_media_shelf_keeps_pictures_for_a_while() -> None:
    now = [0.0]
    shelf = MediaShelf(ttl=600, max_items=2, monotonic=lambda: now[0])
    first = shelf.put(b"one").removeprefix("/media/")
    assert first.endswith(".png") and len(first) > 30
    assert shelf.get(first) == b"one" and shelf.get("nothing.png") is None
    second, third = shelf.put(b"two"), shelf.put(b"three")
    assert shelf.get(first) is None  # the oldest made room
    now[0] = 601
    assert shelf.get(second.removeprefix("/media/")) is None
    assert shelf.get(third.removeprefix("/media/")) is None


@pytest.fixture
async def twilio() -> AsyncIterator[FakeTwilio]:
    async with FakeTwilio() as server:
        yield server


async def test_whatsapp_sends_a_picture_as_a_media_url(
    twilio: FakeTwilio, deps: Deps, unused_tcp_port: int
) -> None:
    png = b"%s-chart" % PNG_MAGIC
    whatsapp = WhatsAppChannel(twilio.settings(), deps)
    await whatsapp.start()
    runner = await start_http(build_app(None, whatsapp), "127.0.0.1", unused_tcp_port)
    try:
        reply = Reply("📊 Statistiques\nAbonnés actifs : 3", image=Image(png, "s.png"))
        await whatsapp.send("+212600000001", [reply])
        picture, text = twilio.messages_to("+212600000001")
        url = picture.params["MediaUrl"]
        assert url.startswith(f"{twilio.public_url}/media/") and url.endswith(".png")
        assert picture.body == "📊 Statistiques"
        assert text.body == "📊 Statistiques\nAbonnés actifs : 3"
        local = f"http://127.0.0.1:{unused_tcp_port}{url.removeprefix(twilio.public_url)}"
        async with aiohttp.ClientSession() as session:
            async with session.get(local) as served:
                assert served.status == 200 and served.content_type == "image/png"
                assert await served.read() == png
            async with session.get(f"http://127.0.0.1:{unused_tcp_port}/media/x.png") as none:
                assert none.status == 404
    finally:
        await runner.cleanup()
        await whatsapp.stop()


async def test_whatsapp_without_the_media_route_sends_the_text_only(
    twilio: FakeTwilio, deps: Deps
) -> None:
    whatsapp = WhatsAppChannel(twilio.settings(), deps)  # no HTTP app: nothing serves media
    await whatsapp.start()
    try:
        await whatsapp.send("+212600000001", [Reply("Texte", image=Image(PNG_MAGIC))])
        [only] = twilio.messages_to("+212600000001")
        assert only.body == "Texte" and "MediaUrl" not in only.params
    finally:
        await whatsapp.stop()


@pytest.fixture
async def telegram(deps: Deps) -> AsyncIterator[tuple[FakeTelegram, TelegramChannel]]:
    async with FakeTelegram() as api:
        _accept_photos(api)
        channel = TelegramChannel(api.settings(), deps)
        await channel.start()
        yield api, channel
        await channel.stop()


def _accept_photos(api: FakeTelegram) -> None:
    """The fake Bot API knows no sendPhoto: teach it one that records the call (its
    form parser keeps "<file>" for the upload) and answers a photo message."""

    async def send_photo(params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        message = api._deliver(
            params["chat_id"], params.get("caption", ""), params.get("reply_markup"), params
        )
        message["photo"] = [{"file_id": "p", "file_unique_id": "u", "width": 960, "height": 720}]
        return 200, {"ok": True, "result": message}

    api._methods["sendPhoto"] = send_photo
    api._by_lower["sendphoto"] = "sendPhoto"


async def test_telegram_sends_a_photo_with_a_short_caption(
    telegram: tuple[FakeTelegram, TelegramChannel],
) -> None:
    api, channel = telegram
    button = Button("Actualiser", "staff:stats:refresh")
    await channel.send("1001", [Reply("📊 Court", [button], image=Image(PNG_MAGIC))])
    [photo] = api.calls_to("sendPhoto")
    assert photo.params["photo"] == "<file>" and photo.params["caption"] == "📊 Court"
    assert "staff:stats:refresh" in json.dumps(photo.params["reply_markup"])
    assert api.calls_to("sendMessage") == []


async def test_telegram_sends_a_long_text_after_the_photo(
    telegram: tuple[FakeTelegram, TelegramChannel],
) -> None:
    api, channel = telegram
    long_text = "\n".join(f"Ligne {n} : " + "x" * 40 for n in range(40))
    await channel.send("1001", [Reply(long_text, image=Image(PNG_MAGIC))])
    [photo] = api.calls_to("sendPhoto")
    assert "caption" not in photo.params
    [text] = api.calls_to("sendMessage")
    assert text.params["text"] == long_text
    assert api.calls.index(photo) < api.calls.index(text)
