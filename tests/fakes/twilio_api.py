"""A fake Twilio on 127.0.0.1: the Messages REST API for twilio's own client to talk to,
and Twilio's side of the webhooks (signed inbound messages and status callbacks).

Usage, from any test::

    from tests.fakes.twilio_api import FakeTwilio

    async def test_something(deps, unused_tcp_port):
        async with FakeTwilio() as api:                      # 127.0.0.1:<free port>
            channel = WhatsAppChannel(api.settings(), deps)  # REST calls come here
            await channel.start()
            runner = await start_http(build_app(None, channel), "127.0.0.1", unused_tcp_port)
            api.connect(f"http://127.0.0.1:{unused_tcp_port}")  # where webhooks go
            try:
                assert await api.send_inbound("+212600000001", "salut") == 200
                [reply] = await api.wait_for_messages("+212600000001", 1)
                assert reply.body.startswith("Bonjour")
            finally:
                await runner.cleanup()
                await channel.stop()

or take the `twilio_api` fixture below (with `pytest_plugins`, or imported into a test
module).

What it does:
- serves POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, with HTTP
  basic auth checked (401, code 20003, otherwise); any other path answers Twilio's 404;
- checks what Twilio checks and answers 400 with Twilio's error code: To missing (21604)
  or not a WhatsApp number (21211), From missing (21603) or not our sender (63007),
  neither Body nor ContentSid (21619), Body over 1,600 characters (21617), a ContentSid
  that is not HX… (21655), ContentVariables that are not a JSON object (21656);
- records every request (`calls`) and every accepted message (`messages`,
  `messages_to(number)`): To, From, Body or ContentSid + ContentVariables, StatusCallback;
  answers 201 with the JSON Twilio returns (a new "SM…" sid, status "queued");
- injects failures: `fail_next(k, status=429|500|400..., code=..., retry_after=..., to=...)`
  answers the next k message requests (to one number, or any) with that error, 429 with a
  Retry-After header when `retry_after` is given;
- plays Twilio's webhooks against the app under test: `inbound_params` / `status_params`
  build realistic fields, `sign` computes X-Twilio-Signature with twilio's own
  RequestValidator over the *public* URL (what the Twilio console holds), and
  `post_webhook` / `send_inbound` / `send_status` post them to the address given to
  `connect` (the app behind its reverse proxy);
- serves media like Twilio: `inbound_params(..., documents=[(content_type, bytes)])` puts
  each file at its MediaUrl (https://api.twilio.com/... in the webhook, as Twilio sends
  it; the channel fetches it through its API base URL) behind the same basic auth, and
  records each download in `media_downloads`;
- waits without sleeping: `wait_for(predicate)` and `wait_for_messages` wake on an
  asyncio.Condition notified at every request.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any, TypeVar
from urllib.parse import urlencode

import aiohttp
import pytest
from aiohttp import web
from multidict import MultiDict
from twilio.request_validator import RequestValidator

from bot.config import TwilioSettings

DEFAULT_ACCOUNT_SID = "AC" + "0" * 31 + "1"
DEFAULT_AUTH_TOKEN = "fake-twilio-auth-token-0123456789"
DEFAULT_FROM = "whatsapp:+14155238886"  # Twilio's WhatsApp sandbox number
DEFAULT_PUBLIC_URL = "https://forsa.example.org"  # the URL the Twilio console holds
API_VERSION = "2010-04-01"
MAX_BODY = 1600
FORM = "application/x-www-form-urlencoded"
AUTO = "auto"  # post_webhook: sign the request as Twilio would

JSON = dict[str, Any]
Params = Mapping[str, str] | Sequence[tuple[str, str]]
T = TypeVar("T")

_CONTENT_SID = re.compile(r"HX[0-9a-fA-F]{32}")
_WHATSAPP = re.compile(r"whatsapp:\+[1-9][0-9]{6,14}")
STATUS_TEXT = {
    400: "Bad Request",
    401: "Authenticate",
    404: "The requested resource was not found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


@dataclass
class ApiCall:
    """One request the fake received: path, decoded form fields, answered status."""

    path: str
    params: dict[str, str]
    status: int | None = None


@dataclass
class SentMessage:
    """A message the fake accepted (answered 201 to)."""

    sid: str
    to: str  # "whatsapp:+212600000001"
    from_: str
    body: str | None
    content_sid: str | None
    content_variables: dict[str, str] | None
    status_callback: str | None
    params: dict[str, str]

    @property
    def number(self) -> str:
        """The recipient without Twilio's channel prefix: "+212600000001"."""
        return self.to.removeprefix("whatsapp:")

    @property
    def text(self) -> str:
        return self.body or ""

    @property
    def choices(self) -> list[tuple[int, str]]:
        """The numbered choices listed in the body: [(1, "Appels ouverts"), ...]."""
        found = re.findall(r"^(\d{1,3})\. (.+)$", self.text, flags=re.M)
        return [(int(n), label) for n, label in found]

    def number_of(self, fragment: str) -> int:
        """The number of the first choice whose label holds `fragment` (AssertionError
        when none does)."""
        for n, label in self.choices:
            if fragment in label:
                return n
        raise AssertionError(f"no choice with {fragment!r} in {self.choices}")


@dataclass
class _Fault:
    status: int
    code: int
    message: str
    retry_after: int | None
    to: str | None
    remaining: int


class FakeTwilio:
    """The fake Twilio; an async context manager (start on enter, stop on exit)."""

    def __init__(
        self,
        account_sid: str = DEFAULT_ACCOUNT_SID,
        auth_token: str = DEFAULT_AUTH_TOKEN,
        whatsapp_from: str = DEFAULT_FROM,
        public_url: str = DEFAULT_PUBLIC_URL,
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.whatsapp_from = whatsapp_from
        self.public_url = public_url
        self.calls: list[ApiCall] = []
        self.messages: list[SentMessage] = []  # accepted, in order
        self.port = 0
        self.webhook_base: str | None = None  # where the app under test listens (connect)
        self.media: dict[str, tuple[str, bytes]] = {}  # URL path -> (content type, bytes)
        self.media_downloads: list[str] = []  # URL paths fetched, in order
        self._faults: list[_Fault] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> FakeTwilio:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application()
        app.router.add_post(
            f"/{API_VERSION}/Accounts/{{account}}/Messages.json", self._create_message
        )
        app.router.add_get(
            f"/{API_VERSION}/Accounts/{{account}}/Messages/{{message}}/Media/{{media}}",
            self._get_media,
        )
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTwilio:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        """For TWILIO_API_BASE_URL / TwilioSettings.api_base_url."""
        return f"http://127.0.0.1:{self.port}"

    def settings(self, **overrides: Any) -> TwilioSettings:
        """TwilioSettings pointing at this fake (no templates unless given)."""
        values: dict[str, Any] = {
            "account_sid": self.account_sid,
            "auth_token": self.auth_token,
            "whatsapp_from": self.whatsapp_from,
            "public_url": self.public_url,
            "api_base_url": self.url,
        }
        return TwilioSettings(**(values | overrides))

    def env(self) -> dict[str, str]:
        """The same settings as environment variables, for `python -m bot run`."""
        return {
            "TWILIO_ACCOUNT_SID": self.account_sid,
            "TWILIO_AUTH_TOKEN": self.auth_token,
            "TWILIO_WHATSAPP_FROM": self.whatsapp_from,
            "TWILIO_API_BASE_URL": self.url,
            "FORSA_PUBLIC_URL": self.public_url,
        }

    # --- what was sent --------------------------------------------------------------------

    def messages_to(self, number: str) -> list[SentMessage]:
        """Accepted messages to one number ("+212…" or "whatsapp:+212…"), in order."""
        wanted = number.removeprefix("whatsapp:")
        return [m for m in self.messages if m.number == wanted]

    def message(self, sid: str) -> SentMessage:
        return next(m for m in self.messages if m.sid == sid)

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0) -> T:
        """Wait until predicate() is truthy (checked at every request); return it."""
        try:
            async with asyncio.timeout(timeout), self._changed:
                return await self._changed.wait_for(predicate)
        except TimeoutError:
            raise AssertionError(
                f"timed out after {timeout}s; {len(self.messages)} messages sent"
            ) from None

    async def wait_for_messages(
        self, number: str, count: int, timeout: float = 5.0
    ) -> list[SentMessage]:
        """Wait until `number` has received at least `count` messages; return them all."""
        await self.wait_for(lambda: len(self.messages_to(number)) >= count, timeout)
        return self.messages_to(number)

    # --- failure injection ----------------------------------------------------------------

    def fail_next(
        self,
        count: int = 1,
        *,
        status: int = 429,
        code: int | None = None,
        message: str | None = None,
        retry_after: int | None = None,
        to: str | None = None,
    ) -> None:
        """Answer the next `count` message requests (to `to`, or any) with an error.

        `code` is Twilio's error code (default 20429 for 429, 20500 for 5xx, 21211 for
        other 4xx); 429 carries a Retry-After header when `retry_after` is given."""
        default_code = {429: 20429}.get(status, 20500 if status >= 500 else 21211)
        self._faults.append(
            _Fault(
                status=status,
                code=code or default_code,
                message=message or STATUS_TEXT.get(status, f"Error {status}"),
                retry_after=retry_after,
                to=None if to is None else f"whatsapp:{to.removeprefix('whatsapp:')}",
                remaining=count,
            )
        )

    # --- webhooks: Twilio calling the app ---------------------------------------------------

    def connect(self, base_url: str) -> None:
        """Post webhooks to `base_url` (the app); they are signed for `public_url`."""
        self.webhook_base = base_url.rstrip("/")

    def inbound_params(
        self,
        number: str,
        text: str = "",
        *,
        sid: str | None = None,
        media: int = 0,
        documents: Sequence[tuple[str, bytes]] = (),
    ) -> dict[str, str]:
        """The fields of Twilio's webhook for a WhatsApp message from `number`: `media`
        photos (not served), or `documents` [(content type, bytes)] served at their URL."""
        sid = sid or _sid("SM")
        if documents:
            return self._with_documents(self.inbound_params(number, text, sid=sid), documents)
        params = {
            "SmsMessageSid": sid,
            "NumMedia": str(media),
            "ProfileName": "Test",
            "MessageType": "image" if media and not text else "text",
            "SmsSid": sid,
            "WaId": number.lstrip("+"),
            "SmsStatus": "received",
            "Body": text,
            "To": self.whatsapp_from,
            "NumSegments": "1",
            "ReferralNumMedia": "0",
            "MessageSid": sid,
            "AccountSid": self.account_sid,
            "From": f"whatsapp:{number}",
            "ApiVersion": API_VERSION,
        }
        for index in range(media):
            params[f"MediaContentType{index}"] = "image/jpeg"
            params[f"MediaUrl{index}"] = (
                f"https://api.twilio.com/{API_VERSION}/Accounts/{self.account_sid}"
                f"/Messages/{sid}/Media/{_sid('ME')}"
            )
        return params

    def _with_documents(
        self, params: dict[str, str], documents: Sequence[tuple[str, bytes]]
    ) -> dict[str, str]:
        params = {**params, "NumMedia": str(len(documents)), "MessageType": "document"}
        for index, (content_type, data) in enumerate(documents):
            path = (
                f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{params['MessageSid']}"
                f"/Media/{_sid('ME')}"
            )
            self.media[path] = (content_type, data)
            params[f"MediaContentType{index}"] = content_type
            params[f"MediaUrl{index}"] = f"https://api.twilio.com{path}"
        return params

    def status_params(
        self, sid: str, status: str, error_code: int | str | None = None, *, to: str | None = None
    ) -> dict[str, str]:
        """The fields of Twilio's status callback for message `sid` (sent by this fake, or
        any sid when `to` is given)."""
        recipient = to or self.message(sid).to
        recipient = f"whatsapp:{recipient.removeprefix('whatsapp:')}"
        params = {
            "ChannelPrefix": "whatsapp",
            "ApiVersion": API_VERSION,
            "MessageStatus": status,
            "SmsSid": sid,
            "SmsStatus": status,
            "ChannelInstallSid": "XE" + "0" * 32,
            "To": recipient,
            "From": self.whatsapp_from,
            "MessageSid": sid,
            "AccountSid": self.account_sid,
            "ChannelToAddress": recipient.removeprefix("whatsapp:"),
        }
        if error_code is not None:
            params["ErrorCode"] = str(error_code)
        return params

    def sign(
        self,
        path: str,
        params: Params,
        *,
        token: str | None = None,
        public_url: str | None = None,
    ) -> str:
        """X-Twilio-Signature for a request to `public_url` + `path` with these fields."""
        url = f"{public_url or self.public_url}{path}"
        validator = RequestValidator(token or self.auth_token)
        return str(validator.compute_signature(url, _multi(params)))

    async def post_webhook(
        self,
        path: str,
        params: Params,
        *,
        signature: str | None = AUTO,
        body: bytes | str | None = None,
        content_type: str = FORM,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[int, str]:
        """POST a webhook to the connected app; (status, response text).

        `signature`: AUTO signs as Twilio would, None sends no header, a string is sent
        as is. `body` replaces the encoded fields (to send something malformed)."""
        if self.webhook_base is None:
            raise RuntimeError("call connect(app_url) first")
        sent_headers = {"Content-Type": content_type, **(headers or {})}
        if signature == AUTO:
            signature = self.sign(path, params)
        if signature is not None:
            sent_headers["X-Twilio-Signature"] = signature
        data = urlencode(list(_pairs(params))) if body is None else body
        async with (
            aiohttp.ClientSession() as session,
            session.post(f"{self.webhook_base}{path}", data=data, headers=sent_headers) as r,
        ):
            return r.status, await r.text()

    async def send_inbound(self, number: str, text: str = "", **fields: Any) -> int:
        """The user at `number` writes `text`: Twilio's signed webhook; the app's status."""
        status, _ = await self.post_webhook(
            "/whatsapp/inbound", self.inbound_params(number, text, **fields)
        )
        return status

    async def send_status(
        self, sid: str, status: str, error_code: int | str | None = None, **fields: Any
    ) -> int:
        """Twilio reports on message `sid`: a signed status callback; the app's status."""
        params = self.status_params(sid, status, error_code, **fields)
        code, _ = await self.post_webhook("/whatsapp/status", params)
        return code

    # --- the REST side ----------------------------------------------------------------------

    async def _create_message(self, request: web.Request) -> web.Response:
        params = dict(await request.post()) if request.content_type == FORM else {}
        fields = {k: str(v) for k, v in params.items()}
        call = ApiCall(request.path, fields)
        self.calls.append(call)
        answer = self._refusal(request, fields) or self._accept(request, fields)
        call.status = answer.status
        async with self._changed:
            self._changed.notify_all()
        return answer

    async def _get_media(self, request: web.Request) -> web.Response:
        """A media file, behind the account's basic auth (as Twilio's HTTP auth setting)."""
        if _basic_auth(request) != (self.account_sid, self.auth_token):
            return _error(401, 20003, "Authenticate")
        found = self.media.get(request.path)
        if found is None:
            return await self._not_found(request)
        self.media_downloads.append(request.path)
        async with self._changed:
            self._changed.notify_all()
        content_type, data = found
        return web.Response(body=data, headers={"Content-Type": content_type})

    async def _not_found(self, request: web.Request) -> web.Response:
        self.calls.append(ApiCall(request.path, {}, 404))
        return _error(404, 20404, f"The requested resource {request.path} was not found")

    def _refusal(self, request: web.Request, fields: dict[str, str]) -> web.Response | None:
        """Authentication, then injected faults, then Twilio's own checks."""
        if _basic_auth(request) != (self.account_sid, self.auth_token):
            return _error(401, 20003, "Authenticate")
        if request.match_info["account"] != self.account_sid:
            return _error(404, 20404, "The requested resource was not found")
        fault = self._take_fault(fields.get("To"))
        if fault is not None:
            extra = {} if fault.retry_after is None else {"Retry-After": str(fault.retry_after)}
            return _error(fault.status, fault.code, fault.message, headers=extra)
        return self._invalid(fields)

    def _take_fault(self, to: str | None) -> _Fault | None:
        for fault in self._faults:
            if fault.remaining > 0 and fault.to in (None, to):
                fault.remaining -= 1
                return fault
        return None

    def _invalid(self, fields: dict[str, str]) -> web.Response | None:
        to, sender = fields.get("To"), fields.get("From")
        body, content_sid = fields.get("Body"), fields.get("ContentSid")
        if not to:
            return _error(400, 21604, "A 'To' phone number is required.")
        if not _WHATSAPP.fullmatch(to):
            return _error(400, 21211, "Invalid 'To' Phone Number")
        if not sender:
            return _error(400, 21603, "A 'From' phone number is required.")
        if sender != self.whatsapp_from:
            return _error(400, 63007, "Twilio could not find a Channel with the From address")
        if not body and not content_sid:
            return _error(400, 21619, "A text message body or media urls must be specified.")
        if body is not None and len(body) > MAX_BODY:
            return _error(400, 21617, "The concatenated message body exceeds the 1600 limit")
        if content_sid is not None and not _CONTENT_SID.fullmatch(content_sid):
            return _error(400, 21655, "The ContentSid is Invalid")
        if "ContentVariables" in fields and _variables(fields["ContentVariables"]) is None:
            return _error(400, 21656, "The ContentVariables Parameter is invalid")
        return None

    def _accept(self, request: web.Request, fields: dict[str, str]) -> web.Response:
        sid = _sid("SM")
        variables = fields.get("ContentVariables")
        self.messages.append(
            SentMessage(
                sid=sid,
                to=fields["To"],
                from_=fields["From"],
                body=fields.get("Body"),
                content_sid=fields.get("ContentSid"),
                content_variables=_variables(variables) if variables is not None else None,
                status_callback=fields.get("StatusCallback"),
                params=fields,
            )
        )
        return web.json_response(self._message_json(sid, fields), status=201)

    def _message_json(self, sid: str, fields: dict[str, str]) -> JSON:
        now = format_datetime(datetime.now(UTC))
        base = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{sid}"
        return {
            "account_sid": self.account_sid,
            "api_version": API_VERSION,
            "body": fields.get("Body", ""),
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": fields["From"],
            "messaging_service_sid": None,
            "num_media": "0",
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            "status": "queued",
            "subresource_uris": {"media": f"{base}/Media.json"},
            "to": fields["To"],
            "uri": f"{base}.json",
        }


@pytest.fixture
async def twilio_api() -> AsyncIterator[FakeTwilio]:
    """A started FakeTwilio, stopped after the test."""
    async with FakeTwilio() as api:
        yield api


# --- wire format ----------------------------------------------------------------------------


def _sid(prefix: str) -> str:
    return prefix + uuid.uuid4().hex


def _error(
    status: int, code: int, message: str, headers: Mapping[str, str] | None = None
) -> web.Response:
    body = {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
    return web.json_response(body, status=status, headers=dict(headers or {}))


def _basic_auth(request: web.Request) -> tuple[str, str] | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:]).decode().partition(":")
    except ValueError:
        return None
    return user, password


def _variables(raw: str) -> dict[str, str] | None:
    """ContentVariables: a JSON object of strings, or None when it is not one."""
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        return None
    return {str(k): v for k, v in value.items()}


def _pairs(params: Params) -> list[tuple[str, str]]:
    return list(params.items()) if isinstance(params, Mapping) else list(params)


def _multi(params: Params) -> MultiDict[str]:
    """What RequestValidator reads: a MultiDict keeps repeated keys."""
    return MultiDict(_pairs(params))
