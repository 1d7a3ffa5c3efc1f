"""The one HTTP app of the bot process (aiohttp): health, and Telegram's webhook mode.

Webhook handlers are thin: check, hand off to the channel, answer fast.
"""

from __future__ import annotations

from aiohttp import web

from bot.channels.telegram import TelegramChannel

MAX_BODY_BYTES = 1_000_000
TELEGRAM_PATH = "/telegram/webhook"


def build_app(telegram: TelegramChannel | None) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_get("/healthz", _health)
    if telegram is not None and telegram.settings.mode == "webhook":
        app.router.add_post(TELEGRAM_PATH, _telegram_handler(telegram))
    return app


async def _health(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


def _telegram_handler(telegram: TelegramChannel):  # type: ignore[no-untyped-def]
    async def handler(request: web.Request) -> web.Response:
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=400, text="body too large")
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        status = await telegram.process_webhook(body, secret)
        return web.Response(status=status)

    return handler


async def start_http(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app, access_log=None)  # access logs would hold chat URLs
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner
