"""The Telegram channel: python-telegram-bot 22 in front of the core.

An update (long polling, or a webhook request handed over by bot/http.py) becomes an
`Inbound` for `handlers.handle`; the replies come back as plain text (never parsed as
markup, so a call's text or a user's words cannot break formatting) with an inline
keyboard. `send` delivers proactive messages for the outbox sender and turns Telegram's
errors into the channel errors of bot/channels/base.py.

What is deliberately absent: no ConversationHandler and no persistence (conversation
state lives in our store), no job queue (the scheduler writes outbox rows), no PTB rate
limiter (the outbox sender paces proactive messages). Only private chats are answered.
A document (staff forwarding terms of reference) is downloaded, up to 10 MB, and reaches
the core as an attachment with its caption as text.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import hashlib
import hmac
import json
import logging
import warnings
from collections import deque
from dataclasses import dataclass

from telegram import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ChatType, MessageLimit
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.helpers import create_deep_linked_url
from telegram.warnings import PTBDeprecationWarning

from bot.channels.base import (
    PermanentSendError,
    RateLimited,
    SendContext,
    SendResult,
    TransientSendError,
    UnreachableUser,
)
from bot.channels.text import split_text
from bot.config import TelegramSettings
from handlers.deps import ContactLocks, Deps
from handlers.handle import handle
from handlers.messages import MAX_PAYLOAD_BYTES, Attachment, Button, Image, Inbound, Reply
from store.ingest.read import MAX_BYTES

log = logging.getLogger(__name__)

CHANNEL = "telegram"
MAX_TEXT = MessageLimit.MAX_TEXT_LENGTH  # 4096, counted in UTF-16 code units by Telegram
SHORT_LABEL = 18  # when every label is at most this long, buttons go two per row
CONCURRENT_UPDATES = 32  # users answered in parallel; one chat is still answered in order
FLOOD_WAIT_MAX = 10.0  # seconds we wait out a 429 ourselves instead of giving up
RECENT_UPDATES = 1024  # webhook update ids remembered to drop Telegram's redeliveries
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
# BadRequest descriptions that mean "this user cannot be reached", not "this message is bad".
UNREACHABLE_MARKERS = ("chat not found", "peer_id_invalid", "user not found")


@dataclass(frozen=True)
class MenuCommand:
    """One entry of Telegram's command menu; the name must match [a-z0-9_]{1,32}."""

    name: str
    fr: str
    ar: str


COMMANDS: tuple[MenuCommand, ...] = (
    MenuCommand("start", "Commencer", "ابدأ"),
    MenuCommand("aide", "Ce que Forsa sait faire", "ماذا يستطيع فرصة أن يفعل"),
    MenuCommand("langue", "Français ou arabe", "الفرنسية أو العربية"),
    MenuCommand("abonner", "Recevoir les nouveaux appels", "التوصل بالعروض الجديدة"),
    MenuCommand("mes_abonnements", "Voir mes abonnements", "عرض اشتراكاتي"),
    MenuCommand("mes_donnees", "Ce que Forsa garde sur moi", "ما يحتفظ به فرصة عني"),
    MenuCommand("stop", "Ne plus recevoir de messages", "إيقاف الرسائل"),
    MenuCommand("oublier", "Effacer mes données", "حذف بياناتي"),
)


class TelegramChannel:
    """Telegram for Forsa: receive updates, answer through the core, send proactively.

    Lifecycle: `await start()` ... `await stop()`. In webhook mode the HTTP server calls
    `process_webhook` for each request Telegram posts.
    """

    name = CHANNEL

    def __init__(self, settings: TelegramSettings, deps: Deps) -> None:
        if not settings.token:
            raise ValueError("the Telegram channel needs TELEGRAM_BOT_TOKEN")
        if settings.mode == "webhook" and not settings.webhook_url:
            raise ValueError("webhook mode needs TELEGRAM_WEBHOOK_URL")
        self.settings = settings
        self.deps = deps
        self.username: str | None = None  # learnt from getMe in start()
        self.application = self._build_application()
        # Separate from deps.locks (which handle() takes): this one spans handle + sending,
        # so two quick messages from one chat get their replies in order.
        self._chat_order = ContactLocks()
        self._recent_updates: deque[int] = deque(maxlen=RECENT_UPDATES)
        # httpx logs every request URL at INFO, and the URL contains the bot token.
        httpx_log = logging.getLogger("httpx")
        httpx_log.setLevel(max(httpx_log.getEffectiveLevel(), logging.WARNING))

    # --- wiring -------------------------------------------------------------------------

    def _build_application(self) -> Application:
        builder = (
            ApplicationBuilder()
            .token(self.settings.token or "")
            .base_url(self.settings.api_base_url)
            .base_file_url(self.settings.file_base_url)
            .job_queue(None)
            .concurrent_updates(CONCURRENT_UPDATES)
        )
        if self.settings.mode == "webhook":
            builder = builder.updater(None)  # updates arrive through process_webhook
        application = builder.build()
        private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
        other = private & ~filters.TEXT & ~filters.StatusUpdate.ALL
        application.add_handler(MessageHandler(private & filters.TEXT, self._on_text))
        application.add_handler(MessageHandler(private & filters.Document.ALL, self._on_document))
        application.add_handler(MessageHandler(other, self._on_other))
        application.add_handler(CallbackQueryHandler(self._on_button))
        application.add_error_handler(self._on_error)
        return application

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        """Connect (getMe), publish the command menu, then poll or register the webhook."""
        application = self.application
        try:
            await application.initialize()  # calls getMe
            self.username = application.bot.username
            await self._set_commands()
            await application.start()
            if application.updater is None:
                await application.bot.set_webhook(
                    url=self.settings.webhook_url or "",
                    secret_token=self.settings.webhook_secret,
                    allowed_updates=ALLOWED_UPDATES,
                )
            else:
                await application.updater.start_polling(
                    poll_interval=self.settings.poll_interval,
                    drop_pending_updates=False,
                    allowed_updates=ALLOWED_UPDATES,
                )
        except BaseException:
            with contextlib.suppress(Exception):
                await self.stop()
            raise
        log.info("telegram started (%s) as @%s", self.settings.mode, self.username)

    async def stop(self) -> None:
        """Stop polling, finish the updates in hand, close connections. Safe to repeat."""
        application = self.application
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()  # a no-op when not initialized
        # A failed getMe leaves the HTTP clients open without marking the app initialized.
        await application.bot.shutdown()

    async def _set_commands(self) -> None:
        """The "/" menu, in French by default and in Arabic for Arabic-language clients."""
        scope = BotCommandScopeAllPrivateChats()
        french = [BotCommand(c.name, c.fr) for c in COMMANDS]
        arabic = [BotCommand(c.name, c.ar) for c in COMMANDS]
        try:
            await self.application.bot.set_my_commands(french, scope=scope)
            await self.application.bot.set_my_commands(french, scope=scope, language_code="fr")
            await self.application.bot.set_my_commands(arabic, scope=scope, language_code="ar")
        except TelegramError as exc:
            log.warning("could not set the command menu: %s", exc)  # cosmetic: carry on

    # --- incoming -----------------------------------------------------------------------

    async def _on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A typed message or a command (/start <call id> included): the core answers."""
        message = update.effective_message
        if message is not None and message.text is not None:
            await self._answer(message.chat_id, text=self._without_mention(message.text))

    async def _on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A photo, sticker, voice note, location...: the core asks for text."""
        if update.effective_message is not None:
            await self._answer(update.effective_message.chat_id, text="")

    async def _on_document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A file (staff forwarding terms of reference): downloaded up to the size limit and
        handed to the core with its caption; the core decides who may publish it."""
        message = update.effective_message
        if message is None or message.document is None:
            return
        document = message.document
        data = await self._download(document)
        caption = self._without_mention(message.caption) if message.caption else None
        attachment = Attachment(document.file_name or "document", data)
        await self._answer(message.chat_id, text=caption, attachment=attachment)

    async def _download(self, document: Document) -> bytes:
        """The document's bytes; empty when it is over MAX_BYTES or cannot be fetched
        (the core then says so)."""
        if document.file_size is not None and document.file_size > MAX_BYTES:
            return b""
        try:
            file = await self.application.bot.get_file(document.file_id)
            data = bytes(await file.download_as_bytearray())
        except TelegramError as exc:
            log.warning("could not download a document: %s", exc)
            return b""
        return data if len(data) <= MAX_BYTES else b""

    async def _on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A pressed inline button: stop the client's spinner first, then answer its payload."""
        query = update.callback_query
        if query is None:
            return
        try:
            await query.answer()
        except TelegramError as exc:  # e.g. "query is too old" after a restart: answer anyway
            log.info("could not answer a callback query: %s", exc)
        chat = query.message.chat if query.message is not None else None
        if chat is None or chat.type != ChatType.PRIVATE or not query.data:
            return
        pressed = query.message.message_id if query.message is not None else None
        await self._answer(chat.id, payload=query.data, pressed=pressed)

    async def _answer(
        self,
        chat_id: int,
        text: str | None = None,
        payload: str | None = None,
        pressed: int | None = None,
        attachment: Attachment | None = None,
    ) -> None:
        address = str(chat_id)
        async with self._chat_order.hold(CHANNEL, address):
            inbound = Inbound(CHANNEL, address, text, payload, attachment)
            replies = await handle(self.deps, inbound)
            in_place = pressed is not None and len(replies) == 1 and replies[0].replaces_pressed
            if in_place and await self._edit(chat_id, pressed or 0, replies[0]):
                return
            await self._deliver(chat_id, replies, patient=True)

    async def _edit(self, chat_id: int, message_id: int, reply: Reply) -> bool:
        """Update the pressed message in place (a ticked choice); False to send instead."""
        parts = render(reply)
        if len(parts) != 1:
            return False
        text, markup = parts[0]
        try:
            await self.application.bot.edit_message_text(
                text, chat_id=chat_id, message_id=message_id, reply_markup=markup
            )
        except TelegramError as exc:
            log.info("could not edit a message, sending a new one: %s", exc)
            return False
        return True

    def _without_mention(self, text: str) -> str:
        """Drop our @username from a command ("/start@forsa_bot x" -> "/start x")."""
        first, space, rest = text.partition(" ")
        command, at, target = first.partition("@")
        mine = self.username is not None and target.lower() == self.username.lower()
        return f"{command}{space}{rest}" if command.startswith("/") and at and mine else text

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log a failed update without the user's identity (a keyed hash of the chat only)."""
        chat = update.effective_chat if isinstance(update, Update) else None
        who = self._tag(chat.id) if chat is not None else "-"
        error = context.error
        if isinstance(error, TelegramError):
            log.warning("telegram reply to chat %s failed: %s", who, error)
        else:
            log.error("telegram update for chat %s failed", who, exc_info=error)

    def _tag(self, chat_id: int | str) -> str:
        """A short, stable, non-reversible label for a chat (keyed with the bot token)."""
        key = (self.settings.token or "").encode()
        return hmac.new(key, str(chat_id).encode(), hashlib.sha256).hexdigest()[:8]

    # --- webhook ------------------------------------------------------------------------

    async def process_webhook(self, body: bytes, secret_header: str | None) -> int:
        """Check and queue one webhook request; return the HTTP status to answer.

        403: a secret is configured and the X-Telegram-Bot-Api-Secret-Token header is
        missing or wrong. 400: the body is not a JSON Update. 404: not in webhook mode.
        503: not started. 200: queued (or a redelivery of an update already queued).
        """
        if self.settings.mode != "webhook":
            return 404
        secret = self.settings.webhook_secret
        if secret and not _same_secret(secret_header, secret):
            return 403
        update = self._parse_update(body)
        if update is None:
            return 400
        if not self.application.running:
            return 503  # Telegram retries later
        if update.update_id in self._recent_updates:
            return 200
        self._recent_updates.append(update.update_id)
        await self.application.update_queue.put(update)
        return 200

    def _parse_update(self, body: bytes) -> Update | None:
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return None
        try:
            return Update.de_json(data, self.application.bot)
        except Exception:  # malformed input: KeyError, TypeError, AttributeError...
            return None

    # --- outgoing -----------------------------------------------------------------------

    async def send(
        self, address: str, replies: list[Reply], context: SendContext | None = None
    ) -> SendResult:
        """Deliver proactive replies (outbox sender); raise a base.py error on failure.

        A 429 on the first message raises RateLimited; once a part is out, short 429s are
        waited out here, so that a retry of the row does not repeat what was delivered.
        """
        chat_id: int | str = int(address) if address.lstrip("-").isdigit() else address
        try:
            last = await self._deliver(chat_id, replies, patient=False)
        except TelegramError as exc:
            raise send_error(exc) from exc
        return SendResult(provider_id=str(last.message_id) if last is not None else None)

    async def _deliver(
        self, chat_id: int | str, replies: list[Reply], patient: bool
    ) -> Message | None:
        """Send every part of every reply in order; return the last message sent."""
        last: Message | None = None
        for reply in replies:
            parts = render(reply)
            if reply.image is not None:
                # A short text rides along as the photo's caption; a long one follows it.
                fits = len(split_text(reply.text, MessageLimit.CAPTION_LENGTH)) == 1
                caption = parts[0] if fits and len(parts) == 1 else None
                later = patient or last is not None
                last = await self._send_photo(chat_id, reply.image, caption, later)
                if caption is not None:
                    continue
            for text, markup in parts:
                last = await self._send_part(chat_id, text, markup, patient or last is not None)
        return last

    async def _send_part(
        self, chat_id: int | str, text: str, markup: InlineKeyboardMarkup | None, patient: bool
    ) -> Message:
        try:
            return await self.application.bot.send_message(chat_id, text, reply_markup=markup)
        except RetryAfter as exc:
            delay = retry_after_seconds(exc)
            if not patient or delay > FLOOD_WAIT_MAX:
                raise
            await asyncio.sleep(delay)
            return await self.application.bot.send_message(chat_id, text, reply_markup=markup)

    async def _send_photo(
        self,
        chat_id: int | str,
        image: Image,
        caption: tuple[str, InlineKeyboardMarkup | None] | None,
        patient: bool,
    ) -> Message:
        """A picture (a staff chart), with the reply's text and keyboard as its caption."""
        text, markup = caption or (None, None)

        async def send() -> Message:
            return await self.application.bot.send_photo(
                chat_id, image.data, caption=text, reply_markup=markup, filename=image.name
            )

        try:
            return await send()
        except RetryAfter as exc:
            delay = retry_after_seconds(exc)
            if not patient or delay > FLOOD_WAIT_MAX:
                raise
            await asyncio.sleep(delay)
            return await send()

    # --- sharing ------------------------------------------------------------------------

    def deep_link(self, call_id: str) -> str | None:
        """t.me link that opens the bot on this call; None until start() learnt our name.

        Raises ValueError for an id Telegram cannot carry (over 64 chars, or outside
        A-Z a-z 0-9 _ -).
        """
        if self.username is None:
            return None
        return create_deep_linked_url(self.username, call_id)


# --- rendering (pure) -------------------------------------------------------------------


def render(reply: Reply) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """One reply as Telegram messages: its text split to fit, the keyboard on the last."""
    parts = split_text(reply.text, MAX_TEXT)
    if not parts:
        if reply.buttons:
            log.warning("dropped a reply with buttons but no text")
        return []
    markup = keyboard(reply.buttons)
    return [(part, markup if i == len(parts) - 1 else None) for i, part in enumerate(parts)]


def keyboard(buttons: list[Button]) -> InlineKeyboardMarkup | None:
    """Inline keyboard: one button per row, two when every label is short."""
    usable = [b for b in buttons if _payload_fits(b)]
    if not usable:
        return None
    per_row = 2 if all(len(b.label) <= SHORT_LABEL for b in usable) else 1
    keys = [InlineKeyboardButton(b.label, callback_data=b.payload) for b in usable]
    return InlineKeyboardMarkup([keys[i : i + per_row] for i in range(0, len(keys), per_row)])


def _payload_fits(button: Button) -> bool:
    size = len(button.payload.encode("utf-8"))
    if 0 < size <= MAX_PAYLOAD_BYTES:
        return True
    log.error("dropped button %r: payload of %d bytes (1 to 64 allowed)", button.label, size)
    return False


# --- errors (pure) ----------------------------------------------------------------------


def send_error(exc: TelegramError) -> Exception:
    """Telegram's error as the channel error the outbox sender understands."""
    if isinstance(exc, RetryAfter):
        return RateLimited(retry_after_seconds(exc))
    if isinstance(exc, Forbidden):  # blocked by the user, user deactivated
        return UnreachableUser(str(exc))
    if isinstance(exc, BadRequest):  # before NetworkError: BadRequest is a subclass
        if any(marker in exc.message.lower() for marker in UNREACHABLE_MARKERS):
            return UnreachableUser(str(exc))
        return PermanentSendError(str(exc))
    # NetworkError (TimedOut, 5xx, connection errors) and the rare others (Conflict,
    # InvalidToken): retried with backoff, then failed by the sender after its last attempt.
    return TransientSendError(str(exc))


def retry_after_seconds(exc: RetryAfter) -> float:
    """RetryAfter's delay as float seconds (PTB 22 gives an int or a timedelta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


def _same_secret(header: str | None, secret: str) -> bool:
    if header is None:
        return False
    return hmac.compare_digest(header.encode("utf-8", "replace"), secret.encode("utf-8"))
