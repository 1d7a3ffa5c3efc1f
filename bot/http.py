"""The one HTTP app of the bot process (aiohttp): health, Telegram's webhook mode,
Twilio's WhatsApp webhooks, and the pictures Twilio fetches to send (/media).

Webhook handlers are thin: check, hand off to the channel, answer fast.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qsl

from aiohttp import web
from multidict import MultiDict

from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import INBOUND_PATH, STATUS_PATH, WhatsAppChannel

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000
TELEGRAM_PATH = "/telegram/webhook"
# Twilio's message webhooks are a few hundred bytes (a Body is at most 1,600 characters).
TWILIO_MAX_BODY_BYTES = 64 * 1024
TWILIO_MAX_FIELDS = 200
FORM = "application/x-www-form-urlencoded"
SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'

TwilioHandler = Callable[[MultiDict[str]], Awaitable[int]]


def build_app(
    telegram: TelegramChannel | None = None, whatsapp: WhatsAppChannel | None = None
) -> web.Application:
    """Health always; each configured channel's webhooks."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_get("/healthz", _health)
    if telegram is not None and telegram.settings.mode == "webhook":
        app.router.add_post(TELEGRAM_PATH, _telegram_handler(telegram))
    if whatsapp is not None:
        app.router.add_post(INBOUND_PATH, _twilio_handler(whatsapp, whatsapp.on_inbound))
        app.router.add_post(STATUS_PATH, _twilio_handler(whatsapp, whatsapp.on_status))
        # WhatsApp pictures go out as a MediaUrl Twilio fetches: served from here.
        whatsapp.media = MediaShelf()
        app.router.add_get(MEDIA_ROUTE, _media_handler(whatsapp.media))
    return app


# --- pictures for Twilio -------------------------------------------------------------------

MEDIA_ROUTE = "/media/{name}"
MEDIA_TTL_S = 600.0  # Twilio fetches a MediaUrl within seconds; ten minutes is ample
MEDIA_MAX_ITEMS = 64  # a few staff charts at once; bounds the memory


class MediaShelf:
    """PNGs kept in memory for a few minutes under an unguessable name, for Twilio to
    fetch (WhatsApp messages carry a picture as a public URL, not as an upload).

    The URL is the only key: no signature can be asked of Twilio's fetch, so the name is
    24 random bytes, and the picture is gone after MEDIA_TTL_S."""

    def __init__(
        self,
        ttl: float = MEDIA_TTL_S,
        max_items: int = MEDIA_MAX_ITEMS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._max_items = max_items
        self._now = monotonic
        self._items: dict[str, tuple[float, bytes]] = {}  # name -> (expires, png)

    def put(self, data: bytes) -> str:
        """Keep a PNG; its path ("/media/<name>.png") under the public URL."""
        self._prune()
        name = f"{secrets.token_urlsafe(24)}.png"
        self._items[name] = (self._now() + self._ttl, data)
        while len(self._items) > self._max_items:
            del self._items[next(iter(self._items))]  # the oldest
        return f"/media/{name}"

    def get(self, name: str) -> bytes | None:
        self._prune()
        found = self._items.get(name)
        return found[1] if found else None

    def _prune(self) -> None:
        now = self._now()
        for name in [n for n, (expires, _) in self._items.items() if expires <= now]:
            del self._items[name]


def _media_handler(shelf: MediaShelf) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handler(request: web.Request) -> web.Response:
        data = shelf.get(request.match_info["name"])
        if data is None:
            return web.Response(status=404)
        return web.Response(
            body=data, content_type="image/png", headers={"Cache-Control": "no-store"}
        )

    return handler


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


def _twilio_handler(
    whatsapp: WhatsAppChannel, accept: TwilioHandler
) -> Callable[[web.Request], Awaitable[web.Response]]:
    """Size and form first (400), then the signature (403), then the channel (400/200).

    Nothing reaches the channel, and so nothing is stored, before the signature holds."""

    async def handler(request: web.Request) -> web.Response:
        params = await _twilio_form(request)
        if params is None:
            return web.Response(status=400, text="expected a small form-encoded body")
        url = whatsapp.public_url(request.raw_path)  # as sent: Twilio signed it so
        if not whatsapp.signature_ok(url, params, request.headers.get(SIGNATURE_HEADER)):
            log.warning("refused a %s request: missing or wrong Twilio signature", request.path)
            return web.Response(status=403)
        status = await accept(params)
        if status != 200:
            return web.Response(status=status, text="missing fields")
        return web.Response(text=EMPTY_TWIML, content_type="text/xml")

    return handler


async def _twilio_form(request: web.Request) -> MultiDict[str] | None:
    """The form fields of a Twilio webhook, or None when it is too big or not a form."""
    too_big = (request.content_length or 0) > TWILIO_MAX_BODY_BYTES
    if too_big or request.content_type != FORM:
        return None
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge:  # no Content-Length and over the app's limit
        return None
    if len(body) > TWILIO_MAX_BODY_BYTES:
        return None
    try:
        pairs = parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=True,
            max_num_fields=TWILIO_MAX_FIELDS,
        )
    except ValueError:  # UnicodeDecodeError included
        return None
    return MultiDict(pairs)


async def start_http(app: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(app, access_log=None)  # access logs would hold chat URLs
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner
