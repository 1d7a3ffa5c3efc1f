"""The bot's one HTTP app: health, Telegram's webhook mode with its secret header, and
the WhatsApp routes when WhatsApp is configured (their behaviour: test_whatsapp.py)."""

from __future__ import annotations

import json

import aiohttp

from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import WhatsAppChannel
from bot.http import TELEGRAM_PATH, build_app, start_http
from handlers.deps import Deps
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio

SECRET = "webhook-secret_1"


async def test_health_and_telegram_webhook(deps: Deps, unused_tcp_port: int) -> None:
    async with FakeTelegram() as api:
        settings = api.settings(
            mode="webhook", webhook_url="https://forsa.example/tg", webhook_secret=SECRET
        )
        channel = TelegramChannel(settings, deps)
        await channel.start()
        runner = await start_http(build_app(channel), "127.0.0.1", unused_tcp_port)
        base = f"http://127.0.0.1:{unused_tcp_port}"
        update = json.dumps(api.make_text_update(2002, "salut"))
        try:
            async with aiohttp.ClientSession() as http:
                async with http.get(f"{base}/healthz") as resp:
                    assert resp.status == 200 and (await resp.json())["ok"] is True
                async with http.post(f"{base}{TELEGRAM_PATH}", data=update) as resp:
                    assert resp.status == 403  # no secret header
                headers = {"X-Telegram-Bot-Api-Secret-Token": "wrong"}
                async with http.post(f"{base}{TELEGRAM_PATH}", data=update, headers=headers):
                    pass
                headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
                async with http.post(f"{base}{TELEGRAM_PATH}", data="{", headers=headers) as r:
                    assert r.status == 400
                async with http.post(f"{base}{TELEGRAM_PATH}", data=update, headers=headers) as r:
                    assert r.status == 200
            [reply] = await api.wait_for_messages(2002, 1)
            assert reply.text.startswith("Bonjour")
            assert len(api.sent_messages(2002)) == 1  # the forged requests did nothing
        finally:
            await runner.cleanup()
            await channel.stop()


async def test_whatsapp_routes_exist_only_with_whatsapp(deps: Deps, unused_tcp_port: int) -> None:
    base = f"http://127.0.0.1:{unused_tcp_port}"
    runner = await start_http(build_app(), "127.0.0.1", unused_tcp_port)
    try:
        async with aiohttp.ClientSession() as http, http.post(f"{base}/whatsapp/inbound") as r:
            assert r.status == 404
    finally:
        await runner.cleanup()
    async with FakeTwilio() as api:
        whatsapp = WhatsAppChannel(api.settings(), deps)
        await whatsapp.start()
        runner = await start_http(build_app(None, whatsapp), "127.0.0.1", unused_tcp_port)
        try:
            async with aiohttp.ClientSession() as http:
                async with http.get(f"{base}/healthz") as resp:
                    assert resp.status == 200
                async with http.get(f"{base}/whatsapp/inbound") as resp:
                    assert resp.status == 405
                async with http.post(f"{base}/whatsapp/status", data={"a": "b"}) as resp:
                    assert resp.status == 403  # well-formed, unsigned
                async with http.post(f"{base}/telegram/webhook", data="{}") as resp:
                    assert resp.status == 404  # Telegram is not configured
        finally:
            await runner.cleanup()
            await whatsapp.stop()
