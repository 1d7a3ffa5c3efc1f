"""Tier 2: the real python-telegram-bot Application against a fake Bot API on 127.0.0.1.

Clock at 2024-01-03 10:00 with the demo catalog (see tests/test_conversations.py).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram.error import InvalidToken

from bot.channels.base import (
    PermanentSendError,
    RateLimited,
    TransientSendError,
    UnreachableUser,
)
from bot.channels.telegram import COMMANDS, TelegramChannel, keyboard, split_text
from handlers.deps import Deps
from handlers.messages import Button, Reply
from tests.fakes.telegram_api import FakeTelegram, SentMessage

USER = 1001
ARABIC = re.compile(r"[\u0600-\u06ff]")
SECRET = "s3cret-token_1"


@pytest.fixture
async def api() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def bot(api: FakeTelegram, deps: Deps) -> AsyncIterator[TelegramChannel]:
    """A channel long-polling the fake."""
    channel = TelegramChannel(api.settings(), deps)
    await channel.start()
    yield channel
    await channel.stop()


@pytest.fixture
async def hook(api: FakeTelegram, deps: Deps) -> AsyncIterator[TelegramChannel]:
    """A channel in webhook mode (updates come through process_webhook)."""
    settings = api.settings(
        mode="webhook", webhook_url="https://forsa.example/telegram", webhook_secret=SECRET
    )
    channel = TelegramChannel(settings, deps)
    await channel.start()
    yield channel
    await channel.stop()


async def say(api: FakeTelegram, text: str, chat: int = USER) -> SentMessage:
    """The user writes; wait for the bot's next message and return it."""
    before = len(api.sent_messages(chat))
    await api.push_text(chat, text)
    return (await api.wait_for_messages(chat, before + 1))[-1]


# --- a conversation by long polling ---------------------------------------------------


async def test_conversation_greeting_listing_and_button(
    api: FakeTelegram, bot: TelegramChannel
) -> None:
    greeting = await say(api, "salut")
    assert greeting.text.startswith("Bonjour")
    assert greeting.buttons == ["list:open", "menu:help", "lang:ar"]
    assert "parse_mode" not in greeting.params  # plain text, never markup

    listing = await say(api, "offres ouvertes")
    assert "ALCI" in listing.text and "OMP" in listing.text
    assert "Enabel" not in listing.text

    await api.push_callback(USER, "call:enabel-iot-oujda-2022", message_id=listing.message_id)
    card = (await api.wait_for_messages(USER, 3))[-1]
    assert "Enabel" in card.text and "17 juillet 2022" in card.text
    assert "ask:deadline:enabel-iot-oujda-2022" in card.buttons
    answered = api.calls_to("answerCallbackQuery")
    assert len(answered) == 1 and answered[0].status == 200
    assert api.calls.index(answered[0]) < api.calls.index(api.calls_to("sendMessage")[-1])


async def test_a_stale_button_is_still_answered(api: FakeTelegram, bot: TelegramChannel) -> None:
    too_old = "Bad Request: query is too old and response timeout expired or query ID is invalid"
    api.fail_next(method="answerCallbackQuery", status=400, description=too_old)
    await api.push_callback(USER, "call:omp-consultant-gestion-2025")
    [card] = await api.wait_for_messages(USER, 1)
    assert "Observatoire" in card.text


async def test_arabic_text_gets_arabic(api: FakeTelegram, bot: TelegramChannel) -> None:
    text = (await say(api, "ما هي العروض المفتوحة؟")).text
    assert len(ARABIC.findall(text)) > 15


async def test_start_with_a_deep_link_opens_the_call(
    api: FakeTelegram, bot: TelegramChannel
) -> None:
    card = await say(api, "/start omp-consultant-gestion-2025")
    assert "Observatoire" in card.text and "21 janvier 2025" in card.text
    card = await say(api, "/start@forsa_test_bot omp-consultant-gestion-2025", chat=1002)
    assert "Observatoire" in card.text


async def test_non_text_messages_get_a_polite_answer(
    api: FakeTelegram, bot: TelegramChannel
) -> None:
    await api.push_photo(USER, caption="mon CV")
    await api.push_message(USER, {"location": {"latitude": 34.68, "longitude": -1.91}})
    first, second = await api.wait_for_messages(USER, 2)
    assert "pas reçu de texte" in first.text and "pas reçu de texte" in second.text
    assert "list:open" in first.buttons


async def test_group_chats_are_ignored(api: FakeTelegram, bot: TelegramChannel) -> None:
    await api.push_text(-500, "salut", user_id=USER, chat_type="group")
    await api.push_text(USER, "salut")
    await api.wait_for_messages(USER, 1)
    await bot.stop()  # finishes every update in hand
    assert [m.chat_id for m in api.sent_messages()] == [USER]


async def test_replies_to_one_chat_keep_their_order(
    api: FakeTelegram, bot: TelegramChannel
) -> None:
    for text in ("salut", "offres ouvertes", "merci"):
        await api.push_text(USER, text)
    messages = await api.wait_for_messages(USER, 3)
    assert messages[0].text.startswith("Bonjour")
    assert "ALCI" in messages[1].text
    assert "plaisir" in messages[2].text


async def test_command_menu_in_french_and_arabic(api: FakeTelegram, bot: TelegramChannel) -> None:
    assert set(api.commands) == {"", "fr", "ar"}
    names = [c["command"] for c in api.commands["fr"]]
    for wanted in ("start", "aide", "langue", "abonner", "mes_abonnements", "stop", "oublier"):
        assert wanted in names
    assert all(re.fullmatch(r"[a-z0-9_]{1,32}", c.name) for c in COMMANDS)
    assert all(ARABIC.search(c["description"]) for c in api.commands["ar"])
    assert api.commands[""] == api.commands["fr"]


async def test_menu_commands_reach_the_core(api: FakeTelegram, bot: TelegramChannel) -> None:
    assert (await say(api, "/aide")).text.startswith("Voici ce que je sais faire")
    assert (await say(api, "/langue")).buttons == ["lang:fr", "lang:ar"]
    assert "telegram" in (await say(api, "/mes_donnees")).text
    subscribe = await say(api, "/abonner")
    assert "sub:next" in subscribe.buttons and len(subscribe.keyboard[0]) == 1  # long labels


async def test_username_and_deep_link(api: FakeTelegram, deps: Deps) -> None:
    channel = TelegramChannel(api.settings(), deps)
    assert channel.deep_link("omp-consultant-gestion-2025") is None
    await channel.start()
    try:
        assert channel.username == "forsa_test_bot"
        link = channel.deep_link("omp-consultant-gestion-2025")
        assert link == "https://t.me/forsa_test_bot?start=omp-consultant-gestion-2025"
        with pytest.raises(ValueError):
            channel.deep_link("x" * 65)
    finally:
        await channel.stop()


# --- long texts ---------------------------------------------------------------------------


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_split_keeps_short_text_whole() -> None:
    assert split_text("Bonjour !") == ["Bonjour !"]
    assert split_text("  \n ") == []


def test_split_prefers_paragraphs_then_lines_then_spaces() -> None:
    assert split_text("aaaa bbbb\n\ncccc", limit=10) == ["aaaa bbbb", "cccc"]
    assert split_text("aaaa\nbbbb cccc", limit=10) == ["aaaa\nbbbb", "cccc"]
    assert split_text("aaa bbb ccc", limit=7) == ["aaa bbb", "ccc"]
    # a paragraph break too early would leave a tiny part: a later line break wins
    assert split_text("a\n\nbbbbbb\ncccccc", limit=10) == ["a\n\nbbbbbb", "cccccc"]


def test_split_long_french_text_at_paragraphs() -> None:
    paragraphs = [f"Paragraphe {i} : " + "mot " * 400 for i in range(6)]
    text = "\n\n".join(p.strip() for p in paragraphs)
    parts = split_text(text)
    assert len(parts) > 1 and all(len(p) <= 4096 for p in parts)
    assert all(p.startswith("Paragraphe") for p in parts)
    assert "\n\n".join(parts) == text


def test_split_never_breaks_urls() -> None:
    urls = [f"https://example.org/appels/{i}/termes-de-reference.pdf?v={i}" for i in range(300)]
    text = " ".join(f"Voir {url} pour le dossier." for url in urls)
    parts = split_text(text)
    assert len(parts) > 1 and all(len(p) <= 4096 for p in parts)
    found = [u for p in parts for u in re.findall(r"https://\S+\d", p)]
    assert found == urls


def test_split_arabic_keeps_words_whole() -> None:
    text = " ".join(["آخر أجل لإرسال الملف هو الشروط المرجعية"] * 800)
    parts = split_text(text)
    assert len(parts) > 1 and all(_utf16(p) <= 4096 for p in parts)
    assert [w for p in parts for w in p.split()] == text.split()


def test_split_cuts_a_giant_token_hard_and_counts_utf16() -> None:
    token = "x" * 9000
    assert split_text(token) == [token[:4096], token[4096:8192], token[8192:]]
    emoji = "😀" * 3000  # two UTF-16 units each, as Telegram counts
    parts = split_text(emoji)
    assert [len(p) for p in parts] == [2048, 952] and "".join(parts) == emoji
    accented = "e\u0301" * 10  # never cut between a letter and its accent
    assert all(not p.startswith("\u0301") for p in split_text(accented, limit=5))


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab é😀\n"), max_size=300),
    limit=st.integers(min_value=2, max_value=40),
)
def test_split_loses_nothing_but_whitespace(text: str, limit: int) -> None:
    parts = split_text(text, limit)
    assert all(0 < _utf16(p) <= limit and p == p.strip() for p in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


def test_keyboard_layout_and_oversized_payloads() -> None:
    short = keyboard([Button("ALCI", "call:a"), Button("OMP", "call:b"), Button("X", "x")])
    assert short is not None and [len(row) for row in short.inline_keyboard] == [2, 1]
    long = keyboard([Button("Recevoir les nouveaux appels par région", "sub:1"), Button("B", "b")])
    assert long is not None and [len(row) for row in long.inline_keyboard] == [1, 1]
    dropped = keyboard([Button("ok", "ok"), Button("too big", "x" * 65)])
    assert dropped is not None and [b.callback_data for b in dropped.inline_keyboard[0]] == ["ok"]
    assert keyboard([]) is None


async def test_long_reply_is_split_end_to_end(api: FakeTelegram, bot: TelegramChannel) -> None:
    text = "\n\n".join(f"Appel {i} : " + "détail " * 200 for i in range(5))
    result = await bot.send(str(USER), [Reply(text, [Button("Suite", "list:open")])])
    parts = api.sent_messages(USER)
    assert len(parts) == 3 and all(len(p.text) <= 4096 for p in parts)
    assert [p.buttons for p in parts] == [[], [], ["list:open"]]
    assert result.provider_id == str(parts[-1].message_id)


# --- send() and its errors ----------------------------------------------------------------


async def test_send_returns_the_last_message_id(api: FakeTelegram, bot: TelegramChannel) -> None:
    result = await bot.send(str(USER), [Reply("Rappel : ALCI ferme dans 3 jours."), Reply("2")])
    assert [m.text for m in api.sent_messages(USER)] == ["Rappel : ALCI ferme dans 3 jours.", "2"]
    assert result.provider_id == str(api.sent_messages(USER)[-1].message_id)


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_send_maps_telegram_errors(api: FakeTelegram, bot: TelegramChannel) -> None:
    reply = [Reply("Rappel")]
    api.fail_next(status=429, retry_after=7)
    with pytest.raises(RateLimited) as limited:
        await bot.send(str(USER), reply)
    assert limited.value.retry_after == 7.0
    api.block(1002)
    with pytest.raises(UnreachableUser):
        await bot.send("1002", reply)
    api.forget(1003)
    with pytest.raises(UnreachableUser):
        await bot.send("1003", reply)
    api.fail_next(status=400, description="Bad Request: can't parse entities")
    with pytest.raises(PermanentSendError):
        await bot.send(str(USER), reply)
    for status in (500, 502):
        api.fail_next(status=status)
        with pytest.raises(TransientSendError):
            await bot.send(str(USER), reply)
    assert api.sent_messages() == []
    await bot.send(str(USER), reply)
    assert len(api.sent_messages(USER)) == 1


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_a_flood_wait_after_the_first_part_is_waited_out(
    api: FakeTelegram, bot: TelegramChannel
) -> None:
    # Once a part is out, raising RateLimited would make the sender repeat it on retry.
    api.rate_limit(per_chat=True)  # the second part, right after the first, gets a 429
    text = "premier " * 400 + "\n\n" + "second " * 400
    await bot.send(str(USER), [Reply(text)])
    assert [m.text.split()[0] for m in api.sent_messages(USER)] == ["premier", "second"]
    assert [c.status for c in api.calls_to("sendMessage")] == [200, 429, 200]


# --- webhook mode -------------------------------------------------------------------------


async def test_webhook_registers_without_polling(api: FakeTelegram, hook: TelegramChannel) -> None:
    assert api.webhook_url == "https://forsa.example/telegram"
    assert api.webhook_secret == SECRET
    assert api.calls_to("getUpdates") == []


async def test_webhook_checks_secret_and_body(api: FakeTelegram, hook: TelegramChannel) -> None:
    body = json.dumps(api.make_text_update(USER, "salut")).encode()
    assert await hook.process_webhook(body, None) == 403
    assert await hook.process_webhook(body, "wrong") == 403
    assert hook.application.update_queue.qsize() == 0
    assert await hook.process_webhook(b"{not json", SECRET) == 400
    assert await hook.process_webhook(b"[1, 2]", SECRET) == 400
    assert await hook.process_webhook(b'{"message": {}}', SECRET) == 400
    assert await hook.process_webhook(b'{"update_id": 9, "message": 5}', SECRET) == 400
    assert await hook.process_webhook("é".encode("latin-1"), SECRET) == 400
    assert await hook.process_webhook(body, SECRET) == 200
    [reply] = await api.wait_for_messages(USER, 1)
    assert reply.text.startswith("Bonjour")


async def test_webhook_ignores_redeliveries(api: FakeTelegram, hook: TelegramChannel) -> None:
    body = json.dumps(api.make_text_update(USER, "salut")).encode()
    assert await hook.process_webhook(body, SECRET) == 200
    assert await hook.process_webhook(body, SECRET) == 200  # Telegram retried
    other = json.dumps(api.make_text_update(USER, "merci")).encode()
    assert await hook.process_webhook(other, SECRET) == 200
    await api.wait_for_messages(USER, 2)
    await hook.stop()
    assert len(api.sent_messages(USER)) == 2
    assert await hook.process_webhook(other, SECRET) == 503  # stopped: Telegram retries


async def test_webhook_button_press(api: FakeTelegram, hook: TelegramChannel) -> None:
    update = api.make_callback_update(USER, "call:omp-consultant-gestion-2025")
    assert await hook.process_webhook(json.dumps(update).encode(), SECRET) == 200
    [card] = await api.wait_for_messages(USER, 1)
    assert "Observatoire" in card.text
    assert len(api.calls_to("answerCallbackQuery")) == 1


async def test_webhook_over_http(api: FakeTelegram, deps: Deps) -> None:
    """The way bot/http.py will wire it: an aiohttp route handing the body to the channel."""
    channel: TelegramChannel | None = None

    async def telegram_route(request: web.Request) -> web.Response:
        assert channel is not None
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        return web.Response(status=await channel.process_webhook(await request.read(), secret))

    app = web.Application()
    app.router.add_post("/telegram", telegram_route)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/telegram"
    channel = TelegramChannel(
        api.settings(mode="webhook", webhook_url=url, webhook_secret=SECRET), deps
    )
    await channel.start()
    try:
        assert await api.post_webhook(api.make_text_update(USER, "salut")) == 200
        assert await api.post_webhook(api.make_text_update(USER, "x"), secret="nope") == 403
        [reply] = await api.wait_for_messages(USER, 1)
        assert reply.text.startswith("Bonjour")
    finally:
        await channel.stop()
        await runner.cleanup()


async def test_polling_channel_refuses_webhook_requests(bot: TelegramChannel) -> None:
    assert await bot.process_webhook(b"{}", None) == 404


# --- lifecycle ----------------------------------------------------------------------------


async def test_stop_is_safe_twice_before_start_and_after_a_failed_start(
    api: FakeTelegram, deps: Deps
) -> None:
    never_started = TelegramChannel(api.settings(), deps)
    await never_started.stop()
    await never_started.stop()
    rejected = TelegramChannel(replace(api.settings(), token="999:wrong"), deps)
    with pytest.raises(InvalidToken):
        await rejected.start()
    await rejected.stop()
    await rejected.stop()
    channel = TelegramChannel(api.settings(), deps)
    await channel.start()
    await channel.stop()
    await channel.stop()
    assert not channel.application.running


async def test_settings_are_checked(deps: Deps) -> None:
    api = FakeTelegram()
    with pytest.raises(ValueError):
        TelegramChannel(replace(api.settings(), token=None), deps)
    with pytest.raises(ValueError):
        TelegramChannel(api.settings(mode="webhook"), deps)


# --- the fake itself (the lead's end-to-end tests lean on it) ------------------------------


async def _call(
    api: FakeTelegram, method: str, token: str | None = None, **params: object
) -> tuple[int, dict[str, Any]]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{api.base_url}{token or api.token}/{method}", json=params) as response,
    ):
        return response.status, await response.json()


async def test_fake_get_updates_offsets_and_long_polling(api: FakeTelegram) -> None:
    first = await api.push_text(USER, "un")
    status, body = await _call(api, "getUpdates", timeout=0)
    assert status == 200 and [u["update_id"] for u in body["result"]] == [first["update_id"]]
    waiting = asyncio.create_task(
        _call(api, "getUpdates", offset=first["update_id"] + 1, timeout=30)
    )
    second = await api.push_text(USER, "deux")
    _, body = await asyncio.wait_for(waiting, 5)
    assert [u["message"]["text"] for u in body["result"]] == ["deux"]
    assert api.pending_updates == [second]  # the offset confirmed the first one
    assert second["message"]["message_id"] == first["message"]["message_id"] + 1
    stuck = asyncio.create_task(
        _call(api, "getUpdates", offset=second["update_id"] + 1, timeout=30)
    )
    await api.wait_for(lambda: len(api.calls_to("getUpdates")) == 3)
    await api.stop()  # wakes the long poll instead of waiting 30 s
    _, body = await asyncio.wait_for(stuck, 5)
    assert body["result"] == []


async def test_fake_reads_json_and_form_parameters(api: FakeTelegram) -> None:
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    await _call(api, "sendMessage", chat_id=USER, text="123", reply_markup=markup)
    form = aiohttp.FormData(
        {"chat_id": str(USER), "text": "true", "reply_markup": json.dumps(markup)}
    )
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{api.base_url}{api.token}/sendMessage", data=form) as response,
    ):
        assert response.status == 200
    first, second = api.sent_messages(USER)
    assert (first.text, second.text) == ("123", "true")
    assert first.buttons == second.buttons == ["a"]
    assert second.message_id == first.message_id + 1


async def test_fake_checks_token_method_and_message(api: FakeTelegram) -> None:
    assert (await _call(api, "getMe", token="1:bad"))[0] == 401
    assert (await _call(api, "getMyShortName"))[0] == 404
    assert (await _call(api, "sendMessage", chat_id=USER, text=" "))[0] == 400
    assert (await _call(api, "sendMessage", chat_id=USER, text="x" * 4097))[0] == 400
    big = {"inline_keyboard": [[{"text": "A", "callback_data": "a" * 65}]]}
    assert (await _call(api, "sendMessage", chat_id=USER, text="x", reply_markup=big))[0] == 400
    assert api.sent_messages() == []
    assert [c.status for c in api.calls] == [401, 404, 400, 400, 400]


async def test_fake_faults_per_chat_and_count(api: FakeTelegram) -> None:
    api.fail_next(2, status=429, retry_after=3, chat_id=USER)
    status, body = await _call(api, "sendMessage", chat_id=USER, text="a")
    assert status == 429 and body["parameters"] == {"retry_after": 3}
    assert (await _call(api, "sendMessage", chat_id=1002, text="b"))[0] == 200
    assert (await _call(api, "sendMessage", chat_id=USER, text="c"))[0] == 429
    assert (await _call(api, "sendMessage", chat_id=USER, text="d"))[0] == 200
    api.block(USER)
    _, body = await _call(api, "sendMessage", chat_id=USER, text="e")
    assert body["description"] == "Forbidden: bot was blocked by the user"
    api.unblock(USER)
    api.forget(1003)
    _, body = await _call(api, "sendMessage", chat_id=1003, text="f")
    assert body["description"] == "Bad Request: chat not found"
    assert [m.text for m in api.sent_messages()] == ["b", "d"]


async def test_fake_rate_limits_with_an_injected_clock() -> None:
    now = [100.0]
    async with FakeTelegram(clock=lambda: now[0]) as api:
        api.rate_limit(per_second=2)
        statuses = [(await _call(api, "sendMessage", chat_id=c, text="x"))[0] for c in (1, 2, 3)]
        assert statuses == [200, 200, 429]
        now[0] += 1.0
        assert (await _call(api, "sendMessage", chat_id=3, text="x"))[0] == 200
        api.rate_limit(per_chat=True)
        now[0] += 0.5
        assert (await _call(api, "sendMessage", chat_id=3, text="x"))[0] == 429
        assert (await _call(api, "sendMessage", chat_id=4, text="x"))[0] == 200


async def test_fake_holds_a_message_in_flight(api: FakeTelegram) -> None:
    hold = api.hold_send(2)
    assert (await _call(api, "sendMessage", chat_id=USER, text="un"))[0] == 200
    in_flight = asyncio.create_task(_call(api, "sendMessage", chat_id=USER, text="deux"))
    assert (await hold.wait_arrived())["text"] == "deux"
    assert [m.text for m in api.sent_messages(USER)] == ["un"]  # not delivered yet
    hold.release()
    status, body = await asyncio.wait_for(in_flight, 5)
    assert status == 200 and body["result"]["message_id"] == 2
    assert [m.text for m in api.sent_messages(USER)] == ["un", "deux"]
    failed = api.hold_send(1)
    in_flight = asyncio.create_task(_call(api, "sendMessage", chat_id=USER, text="trois"))
    await failed.wait_arrived()
    failed.fail(500)
    assert (await asyncio.wait_for(in_flight, 5))[0] == 500
    assert len(api.sent_messages(USER)) == 2


async def test_ticking_a_region_edits_the_question_in_place(deps: Deps) -> None:
    async with FakeTelegram() as api:
        channel = TelegramChannel(api.settings(), deps)
        await channel.start()
        try:
            await api.push_text(3003, "/abonner")
            [question] = await api.wait_for_messages(3003, 1)
            await api.push_callback(3003, "sub:r:oriental", message_id=question.message_id)
            await api.wait_for_calls("editMessageText", 1)
            edit = api.calls_to("editMessageText")[0]
            assert str(edit.params["message_id"]) == str(question.message_id)
            assert "✅ Oriental" in json.dumps(edit.params, ensure_ascii=False)
            assert len(api.sent_messages(3003)) == 1  # no new message for a tick
        finally:
            await channel.stop()
