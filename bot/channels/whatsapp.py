"""The WhatsApp channel: Twilio's Messaging API in front of the core.

Incoming: bot/http.py checks each webhook (size, form encoding, X-Twilio-Signature) and
hands its fields to `on_inbound` or `on_status`. A message is claimed by its MessageSid
(Twilio retries webhooks: the same message is answered once), Twilio gets its empty
TwiML at once, and the core answers in a background task whose replies go out through
the REST API with twilio's own async client.

Rendering: without approved interactive templates WhatsApp has no inline keyboard, so
buttons become numbered choices under the text ("1. Appels ouverts" ... "Répondez 1, 2
ou 3"), remembered in the store; the next message, when it is one of those numbers or a
choice's words, reaches the core as that choice's payload. Texts longer than Twilio's
1,600 characters are split between words.

WhatsApp's 24-hour rule: free text only within 24 hours of the user's last message. A
proactive message outside that window goes out as its approved template (a Content SID
and variables), or not at all: NotAllowed, which the sender records as a skipped row.

A PDF, DOCX or TXT document (staff forwarding terms of reference) is fetched from
Twilio's media URL, through the configured API base, with the account's credentials,
and reaches the core as an attachment; other media stay "no text".

Phone numbers never reach the logs: a short keyed hash stands for them.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import re
import time
from collections.abc import Coroutine, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp.helpers import encode_basic_auth
from rapidfuzz import fuzz, process
from twilio.base.exceptions import TwilioRestException, TwilioServiceException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.http.response import Response
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from bot.channels.base import (
    NotAllowed,
    PermanentSendError,
    RateLimited,
    SendContext,
    SendResult,
    TransientSendError,
    UnreachableUser,
)
from bot.channels.text import split_text
from bot.config import TwilioSettings
from handlers.deps import ContactLocks, Deps
from handlers.handle import handle
from handlers.messages import Attachment, Button, Inbound, Reply
from handlers.privacy import START_WORDS, STOP_WORDS
from store import contacts, delivery, inbound, outbox
from store.choices import load_choices, save_choices
from store.contacts import ContactStatus
from store.delivery import DeliveryStatus
from store.ingest.read import MAX_BYTES
from store.text import fold

if TYPE_CHECKING:  # bot/http.py imports this module
    from bot.http import MediaShelf

log = logging.getLogger(__name__)

CHANNEL = "whatsapp"
PROVIDER = "twilio"  # the namespace of MessageSids in store.inbound
PREFIX = "whatsapp:"  # Twilio's channel prefix on WhatsApp addresses
INBOUND_PATH = "/whatsapp/inbound"
STATUS_PATH = "/whatsapp/status"
MAX_BODY = 1600  # characters Twilio accepts in one message Body (error 21617 above)
WINDOW = timedelta(hours=24)  # WhatsApp's customer-service window
# A message sent a minute before the window closes may be delivered after it: keep off
# the edge rather than have Twilio fail it (63016).
WINDOW_MARGIN = timedelta(minutes=10)
# A user who wrote this recently may be answering numbered choices right now.
CONVERSATION_GAP = timedelta(minutes=10)
DEFAULT_RETRY_AFTER = 1.0  # seconds, when a 429 says nothing
MAX_RETRY_AFTER = 300.0
ANSWER_WAIT_MAX = 10.0  # seconds an answer waits out a 429 before giving up
ANSWER_ATTEMPTS = 3
REQUEST_TIMEOUT = 15.0  # seconds for one REST call
KEEP_MESSAGE_IDS = timedelta(days=7)  # Twilio stops retrying a webhook within hours
MAX_TEMPLATE_VARIABLE = 900  # characters; a template's body is limited to 1,024 in all
FUZZY_MIN_SCORE = 85  # rapidfuzz ratio for a typed choice with a typo or two
FUZZY_MIN_LENGTH = 4  # shorter words only count when they match a label exactly
# Twilio errors that say the user cannot be reached or opted out: stop messaging them.
# 21211 invalid To, 21610 unsubscribed (replied STOP to the sender), 63003 the channel
# cannot find the To address, 63014 blocked by the user's action, 63024 invalid
# recipient (not on WhatsApp). Not 63032 (Meta's per-message marketing limit, WhatsApp
# code 472): that message fails, the user is still there.
UNREACHABLE_CODES = frozenset({21211, 21610, 63003, 63014, 63024})
_ADDRESS = re.compile(r"\+[1-9][0-9]{6,14}")
_NUMBER = re.compile(r"(\d{1,3})\s*[.)]?")
_NOT_WORD = re.compile(r"[\W_]+")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_PHONE_LIKE = re.compile(r"\+?\d[\d ]{6,}\d")
# Twilio's statuses as delivery reports ("sending" is still on its way: queued).
_DELIVERY = {
    "accepted": DeliveryStatus.QUEUED,
    "scheduled": DeliveryStatus.QUEUED,
    "queued": DeliveryStatus.QUEUED,
    "sending": DeliveryStatus.QUEUED,
    "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED,
    "read": DeliveryStatus.READ,
    "undelivered": DeliveryStatus.UNDELIVERED,
    "failed": DeliveryStatus.FAILED,
}
# twilio's ClientBase reads TWILIO_EDGE / TWILIO_REGION from the process environment
# unless given a non-empty mapping; settings come from bot/config.py only: give it this.
_NO_ENVIRONMENT = {"FORSA": "settings come from bot/config.py"}
# Documents staff may send (terms of reference), by the media type Twilio reports: they
# are downloaded and handed to the core as attachments. Other media stay "no text".
DOCUMENT_TYPES = {
    "application/pdf": "document.pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "document.docx",
    "text/plain": "document.txt",
}
TWILIO_API = "https://api.twilio.com"  # the origin of the MediaUrl fields Twilio sends


class WhatsAppChannel:
    """WhatsApp for Forsa: answer Twilio's webhooks through the core, send proactively.

    Lifecycle: `await start()` ... `await stop()`. bot/http.py calls `signature_ok`, then
    `on_inbound` or `on_status`, for each webhook request.
    """

    name = CHANNEL

    def __init__(self, settings: TwilioSettings, deps: Deps) -> None:
        if not (settings.enabled and settings.auth_token and settings.public_url):
            raise ValueError("the WhatsApp channel needs the TWILIO_* and FORSA_PUBLIC_URL")
        self.settings = settings
        self.deps = deps
        self.validator = RequestValidator(settings.auth_token)
        self.status_callback = f"{settings.public_url}{STATUS_PATH}"
        self._http: _TwilioHttp | None = None
        self._client: Client | None = None
        # Spans choice mapping, the core and sending, so that two quick messages from one
        # user are answered in order and "2" sees the choices the first answer offered.
        self._chat_order = ContactLocks()
        self._tasks: set[asyncio.Task[None]] = set()
        # Twilio sends a picture (a staff chart) by fetching a public URL: bot/http.py
        # serves this shelf's PNGs and sets it. Without it, a picture is left out.
        self.media: MediaShelf | None = None

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        """Open the REST client; forget webhook ids too old to be retried."""
        self._http = _TwilioHttp(timeout=REQUEST_TIMEOUT)
        client = Client(
            self.settings.account_sid,
            self.settings.auth_token,
            http_client=self._http,
            environment=_NO_ENVIRONMENT,
        )
        client.api.base_url = self.settings.api_base_url  # the Messages API's host
        self._client = client
        await inbound.forget_before(self.deps.db, self.deps.clock.now() - KEEP_MESSAGE_IDS)
        log.info("whatsapp started (sender %s)", self.tag(self.settings.whatsapp_from or ""))

    async def stop(self) -> None:
        """Finish the answers in hand, then close the REST client. Safe to repeat."""
        await self.idle()
        if self._http is not None:
            await self._http.close()
        self._http = self._client = None

    async def idle(self) -> None:
        """Wait until every message taken in hand has been answered."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def share_link(self) -> str:
        """A link that opens a chat with us, "/start <call id>" typed in, for call cards."""
        number = (self.settings.whatsapp_from or "").removeprefix(f"{PREFIX}+")
        return f"https://wa.me/{number}?text=%2Fstart%20{{call_id}}"

    # --- webhooks -----------------------------------------------------------------------

    def public_url(self, path_qs: str) -> str:
        """The URL Twilio called, as configured: behind a reverse proxy, Host and
        X-Forwarded-* are the proxy's (or anyone's) word, the setting is ours."""
        return f"{self.settings.public_url}{path_qs}"

    def signature_ok(self, url: str, params: Mapping[str, str], signature: str | None) -> bool:
        """X-Twilio-Signature checked with twilio's RequestValidator and our auth token."""
        if not signature:
            return False
        return bool(self.validator.validate(url, params, signature))

    async def on_inbound(self, params: Mapping[str, str]) -> int:
        """A user's message (signature checked): 400 if malformed, else 200 at once while
        the core answers in the background. A redelivered MessageSid is dropped."""
        message_id = params.get("MessageSid") or params.get("SmsMessageSid")
        address = address_of(params.get("From", ""))
        if not message_id or address is None:
            return 400
        if not await inbound.claim_message(
            self.deps.db, PROVIDER, message_id, self.deps.clock.now()
        ):
            log.info("whatsapp message %s was redelivered: answered once already", message_id)
            return 200
        # A photo, voice note or location has no Body: the core's "no text" answer. A
        # document (staff publishing a call) is fetched in the background task.
        self._spawn(self._answer(address, params.get("Body", ""), _document(params)))
        return 200

    async def on_status(self, params: Mapping[str, str]) -> int:
        """A delivery report on a message we sent: recorded on its outbox row; an error
        that says the user cannot be reached marks them blocked."""
        message_id = params.get("MessageSid") or params.get("SmsSid")
        raw = (params.get("MessageStatus") or params.get("SmsStatus") or "").lower()
        if not message_id or not raw:
            return 400
        status = _DELIVERY.get(raw)
        if status is None:
            return 200  # "receiving", "canceled"...: nothing to record
        code = params.get("ErrorCode") or None
        now = self.deps.clock.now()
        contact_id = await delivery.record_status(self.deps.db, message_id, status, code, now)
        log.info("whatsapp message %s: %s%s", message_id, raw, f" ({code})" if code else "")
        if _error_number(code) in UNREACHABLE_CODES:
            if contact_id is None:  # an answer, not an outbox row: find them by number
                contact_id = await self._contact_at(params.get("To", ""))
            if contact_id is not None:
                await self._block(contact_id, f"whatsapp error {code}")
        return 200

    async def _contact_at(self, twilio_address: str) -> int | None:
        address = address_of(twilio_address)
        if address is None:
            return None
        return await delivery.contact_by_address(self.deps.db, CHANNEL, address)

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _answer(
        self, address: str, text: str, document: tuple[str, str] | None = None
    ) -> None:
        async with self._chat_order.hold(CHANNEL, address):
            try:
                if document is not None:
                    attachment = await self._download(address, *document)
                    message = Inbound(CHANNEL, address, text or None, attachment=attachment)
                else:
                    choices = await load_choices(self.deps.db, CHANNEL, address)
                    payload = match_choice(text, choices)
                    message = Inbound(CHANNEL, address, None if payload else text, payload)
                replies = await handle(self.deps, message)
                await self._deliver(address, replies, patient=True)
            except (RateLimited, TransientSendError, UnreachableUser, PermanentSendError) as exc:
                log.warning("whatsapp answer to %s failed: %s", self.tag(address), exc)
            except Exception:
                log.exception("whatsapp answer to %s failed", self.tag(address))

    async def _download(self, address: str, url: str, content_type: str) -> Attachment:
        """A media file through the configured API base URL, with the account's basic auth;
        empty when over MAX_BYTES or not fetched (the core then says so). Only Twilio's
        own media URLs are followed: a webhook field never makes us fetch anything else."""
        name = DOCUMENT_TYPES[content_type]
        if not url.startswith(f"{TWILIO_API}/"):
            log.warning("whatsapp media from %s not on Twilio: ignored", self.tag(address))
            return Attachment(name, b"")
        target = f"{self.settings.api_base_url}{url.removeprefix(TWILIO_API)}"
        auth = encode_basic_auth(self.settings.account_sid or "", self.settings.auth_token or "")
        timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT * 4)
        try:
            async with (
                aiohttp.ClientSession(timeout=timeout) as session,
                session.get(target, headers={"Authorization": auth}) as response,
            ):
                response.raise_for_status()
                data = await _read_capped(response, MAX_BYTES)
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("whatsapp media from %s not downloaded: %s", self.tag(address), exc)
            return Attachment(name, b"")
        return Attachment(name, data)

    async def _block(self, contact_id: int, reason: str) -> None:
        """Stop messaging a contact the provider cannot reach, until they write again.
        A user who said STOP stays stopped: writing again must not undo that."""
        db, now = self.deps.db, self.deps.clock.now()
        if await contacts.get_status(db, contact_id) != ContactStatus.ACTIVE:
            return
        await contacts.set_status(db, contact_id, ContactStatus.BLOCKED, reason, now)
        await outbox.skip_pending_for_contact(db, contact_id, "contact blocked", now)

    # --- sending ------------------------------------------------------------------------

    async def send(
        self, address: str, replies: list[Reply], context: SendContext | None = None
    ) -> SendResult:
        """Deliver replies to one user; free text within the 24-hour window (always for
        answers, `context` None), else the kind's approved template, else NotAllowed.

        Waits for an answer being sent to the same user: messages never interleave."""
        async with self._chat_order.hold(CHANNEL, address):
            if context is None:
                return SendResult(provider_id=await self._deliver(address, replies))
            if not self.in_window(context.last_inbound_at):
                return SendResult(provider_id=await self._send_template(address, context))
            answering = self._in_conversation(context.last_inbound_at) and bool(
                await load_choices(self.deps.db, CHANNEL, address)
            )
            if not answering:
                return SendResult(provider_id=await self._deliver(address, replies))
            # A reminder landing in the middle of a conversation must not renumber the
            # choices the user is answering: it goes without choices of its own.
            plain = [replace(reply, buttons=[]) for reply in replies]
            return SendResult(provider_id=await self._deliver(address, plain, keep_choices=True))

    def _in_conversation(self, last_inbound_at: datetime | None) -> bool:
        if last_inbound_at is None:
            return False
        if last_inbound_at.tzinfo is None:
            last_inbound_at = last_inbound_at.replace(tzinfo=UTC)
        return self.deps.clock.now() - last_inbound_at < CONVERSATION_GAP

    def in_window(self, last_inbound_at: datetime | None) -> bool:
        """May free text go to a user whose last message to us was at `last_inbound_at`?"""
        if last_inbound_at is None:
            return False
        if last_inbound_at.tzinfo is None:
            last_inbound_at = last_inbound_at.replace(tzinfo=UTC)  # the store writes UTC
        return self.deps.clock.now() - last_inbound_at < WINDOW - WINDOW_MARGIN

    async def _deliver(
        self,
        address: str,
        replies: list[Reply],
        patient: bool = False,
        keep_choices: bool = False,
    ) -> str | None:
        """Replies as free text with numbered choices; the last message's sid.

        `patient` (answers): a short 429 is waited out here, since nothing retries an
        answer later; the outbox sender retries proactive messages itself."""
        bodies, offered = render(replies)
        now = self.deps.clock.now()
        choices = [(b.label, b.payload) for b in offered]
        if not keep_choices:
            await save_choices(self.deps.db, CHANNEL, address, choices, now)
        sid = None
        messages = [*self._pictures(replies), *({"body": body} for body in bodies)]
        for content in messages:  # one at a time, so that Twilio queues them in order
            if patient:
                sid = await self._create_patiently(address, **content)
            else:
                sid = await self._create(address, **content)
        return sid

    def _pictures(self, replies: list[Reply]) -> list[dict[str, str]]:
        """A message per picture, titled with its reply's first line, when we can serve
        pictures; the full text follows in the usual messages."""
        if self.media is None:
            return []
        return [
            {
                "media_url": f"{self.settings.public_url}{self.media.put(reply.image.data)}",
                "body": (reply.text.strip().splitlines() or [reply.image.name])[0][:100],
            }
            for reply in replies
            if reply.image is not None
        ]

    async def _create_patiently(self, address: str, **content: str) -> str:
        attempts = 1
        while True:
            try:
                return await self._create(address, **content)
            except RateLimited as exc:
                if attempts >= ANSWER_ATTEMPTS or exc.retry_after > ANSWER_WAIT_MAX:
                    raise
                attempts += 1
                await asyncio.sleep(exc.retry_after)

    async def _send_template(self, address: str, context: SendContext) -> str:
        content_sid = self.settings.template(context.kind, context.lang)
        if content_sid is None:
            raise NotAllowed(
                "outside the WhatsApp 24-hour window and no template for"
                f" {context.kind}/{context.lang}"
            )
        # A template shows no numbered choices: a number typed next means nothing.
        variables = template_variables(context.template_vars)
        return await self._create(address, content_sid=content_sid, content_variables=variables)

    async def _create(self, address: str, **content: str) -> str:
        """POST one message to Twilio; its MessageSid, or a channel error."""
        if self._client is None:
            raise RuntimeError("WhatsAppChannel.start() was not called")
        try:
            message = await self._client.messages.create_async(
                to=f"{PREFIX}{address}",
                from_=self.settings.whatsapp_from,
                status_callback=self.status_callback,
                **content,
            )
        except _TooManyRequests as exc:
            raise RateLimited(exc.retry_after) from None
        except TwilioRestException as exc:
            raise send_error(exc.status, exc.code, exc.msg) from None
        except TwilioServiceException as exc:
            raise send_error(exc.status, exc.code, exc.detail or exc.title) from None
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise TransientSendError(f"twilio unreachable: {type(exc).__name__}") from None
        if not message.sid:
            raise TransientSendError("twilio answered without a message sid")
        return str(message.sid)

    def tag(self, address: str) -> str:
        """A short, stable, non-reversible label for a number (keyed with the auth token)."""
        key = (self.settings.auth_token or "").encode()
        return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:8]


# --- the REST client ----------------------------------------------------------------------


class _TooManyRequests(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"429, retry after {retry_after}s")
        self.retry_after = retry_after


class _TwilioHttp(AsyncTwilioHttpClient):
    """twilio's aiohttp client with four changes: a 429 keeps its Retry-After (twilio's
    exception drops the response headers), the timeout applies (the async client ignores
    its own), credentials go in an Authorization header (aiohttp deprecates its `auth`
    argument, which twilio uses), and nothing is logged (twilio logs every request)."""

    async def request(  # type: ignore[override]
        self, method: str, url: str, *args: Any, **kwargs: Any
    ) -> Response:
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        auth = kwargs.pop("auth", None)
        if auth is not None:
            kwargs["headers"] = {
                **(kwargs.get("headers") or {}),
                "Authorization": encode_basic_auth(*auth),
            }
        response = await super().request(method, url, *args, **kwargs)
        if response.status_code == 429:
            raise _TooManyRequests(retry_after_seconds(response.headers))
        return response

    def log_request(self, kwargs: dict[str, Any]) -> None:
        pass

    def log_response(self, status_code: int, response: Any) -> None:
        pass


def _document(params: Mapping[str, str]) -> tuple[str, str] | None:
    """(MediaUrl0, content type) when the message carries a document we can read."""
    if (params.get("NumMedia") or "0").strip() in ("", "0"):
        return None
    content_type = (params.get("MediaContentType0") or "").split(";")[0].strip().lower()
    url = params.get("MediaUrl0") or ""
    return (url, content_type) if url and content_type in DOCUMENT_TYPES else None


async def _read_capped(response: aiohttp.ClientResponse, limit: int) -> bytes:
    """The body, or b"" as soon as it passes `limit` bytes (no 50 MB file in memory)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > limit:
            return b""
        chunks.append(chunk)
    return b"".join(chunks)


def retry_after_seconds(headers: Mapping[str, str] | None) -> float:
    """Retry-After as seconds (a number or an HTTP date); 1 s when absent or unreadable."""
    raw = (headers or {}).get("Retry-After")
    if not raw:
        return DEFAULT_RETRY_AFTER
    try:
        seconds = float(raw)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(raw).timestamp() - time.time()
        except (TypeError, ValueError):
            return DEFAULT_RETRY_AFTER
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def send_error(status: int, code: int | None, message: str | None) -> Exception:
    """Twilio's error as the channel error the outbox sender understands."""
    text = f"twilio {code or status}: {redact(message or '')}".strip()
    if status == 429:
        return RateLimited(DEFAULT_RETRY_AFTER)
    if status >= 500:
        return TransientSendError(text)
    if code in UNREACHABLE_CODES:
        return UnreachableUser(text)
    return PermanentSendError(text)


def redact(text: str) -> str:
    """Twilio's error messages quote the number ("The 'To' number whatsapp:+2126...")."""
    return _PHONE_LIKE.sub("<number>", text)


def _error_number(code: str | None) -> int | None:
    try:
        return int(code) if code else None
    except ValueError:
        return None


# --- addresses and templates (pure) -------------------------------------------------------


def address_of(twilio_address: str) -> str | None:
    """ "whatsapp:+212600000000" -> "+212600000000"; None for anything else."""
    number = twilio_address.strip()
    if not number.startswith(PREFIX):
        return None
    number = number.removeprefix(PREFIX)
    return number if _ADDRESS.fullmatch(number) else None


def template_variables(values: Mapping[str, str]) -> str:
    """ContentVariables JSON. WhatsApp refuses template parameters that are empty or hold
    new lines, tabs or runs of spaces: each becomes one line, "—" when empty."""
    clean = {}
    for key, value in values.items():
        line = " ".join(str(value).split())[:MAX_TEMPLATE_VARIABLE]
        clean[str(key)] = line or "—"
    return json.dumps(clean, ensure_ascii=False)


# --- rendering (pure) ---------------------------------------------------------------------


def prompt(first: int, last: int, lang: str) -> str:
    """'Répondez 1, 2 ou 3' / 'أجب بـ 1 أو 2 أو 3'; a range beyond four choices."""
    numbers = [str(n) for n in range(first, last + 1)]
    if lang == "ar":
        if len(numbers) > 4:
            return f"أجب برقم من {first} إلى {last}"
        return "أجب بـ " + " أو ".join(numbers)
    if len(numbers) > 4:
        return f"Répondez par un numéro de {first} à {last}"
    if len(numbers) == 1:
        return f"Répondez {first}"
    return f"Répondez {', '.join(numbers[:-1])} ou {numbers[-1]}"


def script_language(text: str) -> str:
    """ "ar" when most letters of `text` are Arabic (a French text may name فرصة)."""
    arabic = len(_ARABIC_LETTER.findall(text))
    return "ar" if arabic > len(_LATIN_LETTER.findall(text)) else "fr"


def render(replies: Sequence[Reply]) -> tuple[list[str], list[Button]]:
    """Replies as WhatsApp message bodies, and the buttons they offer as numbered choices.

    Each reply's buttons are listed under its text, numbered on from the previous reply's,
    with a prompt in the text's script; then the text is split to fit Twilio's limit."""
    bodies: list[str] = []
    offered: list[Button] = []
    for reply in replies:
        text = reply.text.strip()
        buttons = [b for b in reply.buttons if b.payload and b.label.strip()]
        if buttons:
            first = len(offered) + 1
            lines = [f"{first + i}. {b.label.strip()}" for i, b in enumerate(buttons)]
            lang = script_language(text)
            ask = prompt(first, first + len(buttons) - 1, lang)
            text = "\n".join([text, "", *lines, "", ask] if text else [*lines, "", ask])
            offered.extend(buttons)
        bodies.extend(split_text(text, MAX_BODY))
    return bodies, offered


# --- typed choices (pure) -----------------------------------------------------------------


def match_choice(text: str, choices: Sequence[tuple[str, str]]) -> str | None:
    """The payload of the choice a typed message picks: its number ("2", "٢", "2."), or
    its words ("souss massa" for "✅ Souss-Massa", a typo allowed); None otherwise.

    STOP and START are never a choice: they always reach the core as words."""
    folded = fold(text).strip(" .!?")
    if not choices or not folded or folded in STOP_WORDS or folded in START_WORDS:
        return None
    number = _NUMBER.fullmatch(folded)
    if number:
        index = int(number.group(1))
        return choices[index - 1][1] if 1 <= index <= len(choices) else None
    return _by_words(_plain(folded), choices)


def _plain(folded: str) -> str:
    """Letters and digits only: emoji ticks and arrows in labels do not count."""
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def _by_words(typed: str, choices: Sequence[tuple[str, str]]) -> str | None:
    labels = [_plain(fold(label)) for label, _ in choices]
    for label, (_, payload) in zip(labels, choices, strict=True):
        if label and label == typed:
            return payload
    if len(typed) < FUZZY_MIN_LENGTH:
        return None
    best = process.extract(typed, labels, scorer=fuzz.ratio, limit=2)
    if not best or best[0][1] < FUZZY_MIN_SCORE:
        return None
    if len(best) > 1 and best[1][1] >= best[0][1] - 5:
        return None  # two labels alike ("Oriental" / "Orientale"): do not guess
    return choices[best[0][2]][1]
