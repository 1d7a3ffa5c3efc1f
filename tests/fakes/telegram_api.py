"""A fake Telegram Bot API server on 127.0.0.1, for the real python-telegram-bot to talk to.

Usage, from any test::

    from tests.fakes.telegram_api import FakeTelegram

    async def test_something(deps):
        async with FakeTelegram() as api:              # listens on 127.0.0.1:<free port>
            channel = TelegramChannel(api.settings(), deps)
            await channel.start()
            try:
                await api.push_text(1001, "salut")     # the user writes (long polling)
                [reply] = await api.wait_for_messages(1001, 1)
                assert reply.text.startswith("Bonjour") and "list:open" in reply.buttons
            finally:
                await channel.stop()

or register the `telegram_api` fixture below (`pytest_plugins = ["tests.fakes.telegram_api"]`
in the root conftest) and take `telegram_api` as a test argument.

What it does:
- routes GET/POST `/bot<token>/<method>` (a wrong token answers 401, an unknown method 404)
  for getMe, getUpdates (long polling with offset semantics), sendMessage,
  answerCallbackQuery, editMessageText, editMessageReplyMarkup, sendChatAction,
  setMyCommands, deleteMyCommands, setWebhook, deleteWebhook, getWebhookInfo, close, logOut,
  getFile, and GET `/file/bot<token>/<file_path>` for file downloads (`push_document` puts
  a file there and sends it as a document);
  parameters may come as JSON, form data or a query string;
- records every call in order (`calls`, `calls_to(method)`), and every delivered message
  (`sent_messages(chat_id)`); a message counts as delivered only once the fake answers 200;
- checks what Telegram checks: empty or over-long text, callback_data over 64 bytes;
- builds realistic updates (`push_text`, `push_callback`, `push_message`, or `make_*` to
  build one without queueing it, e.g. for `post_webhook`); update ids increase, and
  message ids increase per chat (the user's and the bot's messages share the counter);
- injects failures: `fail_next` (429 with retry_after, 400, 403, 500, 502... for the next
  k calls, globally or for one chat), `block` (403 bot blocked), `forget` (400 chat not
  found), `rate_limit` (N sendMessage per rolling second overall, and/or 1 per second per
  chat, answering 429 retry_after=1 above it), `hold_send` (keep the Nth sendMessage's
  response pending until `release()`, to simulate a crash while a message is in flight);
- waits without sleeping: `wait_for(predicate)`, `wait_for_messages`, `wait_for_calls` wake
  on an asyncio.Condition notified at every call and every answer.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
import pytest
from aiohttp import web

from bot.config import TelegramSettings

DEFAULT_TOKEN = "123456:TEST-fake-token"
DEFAULT_USERNAME = "forsa_test_bot"
MAX_TEXT = 4096  # UTF-16 code units
MAX_CALLBACK_DATA = 64  # bytes

JSON = dict[str, Any]
Answer = tuple[int, JSON]
T = TypeVar("T")

# Parameters that are strings on the wire: never JSON-decode them ("123" stays text).
STRING_PARAMS = frozenset(
    {
        "text", "caption", "data", "callback_query_id", "url", "secret_token", "action",
        "language_code", "parse_mode", "inline_message_id", "description", "name",
        "short_description", "ip_address", "message_effect_id", "business_connection_id",
    }
)  # fmt: skip
STATUS_TEXT = {
    400: "Bad Request: injected failure",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


@dataclass
class ApiCall:
    """One request the fake received: canonical method name, decoded parameters, status."""

    method: str
    params: JSON
    status: int | None = None  # None while the request is pending (long poll, hold)


@dataclass
class SentMessage:
    """A message the fake delivered (answered 200 to). Edits update text and markup."""

    chat_id: int | str
    message_id: int
    text: str
    reply_markup: JSON | None
    params: JSON
    date: int
    edited: bool = False

    @property
    def keyboard(self) -> list[list[tuple[str, str]]]:
        """Inline keyboard rows as (label, callback_data)."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [[(b.get("text", ""), b.get("callback_data", "")) for b in row] for row in rows]

    @property
    def buttons(self) -> list[str]:
        """Every button's callback_data, row by row."""
        return [data for row in self.keyboard for _, data in row]

    @property
    def labels(self) -> list[str]:
        return [label for row in self.keyboard for label, _ in row]


@dataclass
class Hold:
    """The response to one sendMessage kept pending; see FakeTelegram.hold_send."""

    chat_id: int | str | None
    skip: int  # matching sendMessage calls still to let through before this one
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    params: JSON | None = None
    _outcome: asyncio.Future[int | None] | None = None

    def release(self) -> None:
        """Answer 200: the message is delivered (recorded) now."""
        self._settle(None)

    def fail(self, status: int = 500) -> None:
        """Answer an error instead: the message is not delivered."""
        self._settle(status)

    async def wait_arrived(self, timeout: float = 5.0) -> JSON:
        """Wait until the held request has arrived; return its parameters."""
        async with asyncio.timeout(timeout):
            await self.arrived.wait()
        assert self.params is not None
        return self.params

    def _settle(self, outcome: int | None) -> None:
        if self._outcome is None:
            self._outcome = asyncio.get_running_loop().create_future()
        if not self._outcome.done():
            self._outcome.set_result(outcome)

    async def _wait(self) -> int | None:
        if self._outcome is None:
            self._outcome = asyncio.get_running_loop().create_future()
        return await self._outcome


@dataclass
class _Fault:
    method: str
    chat_id: int | str | None
    status: int
    description: str
    retry_after: int | None
    remaining: int


class FakeTelegram:
    """The fake Bot API server; an async context manager (start on enter, stop on exit)."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        username: str = DEFAULT_USERNAME,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.username = username
        self.bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1
        self.clock = clock  # for rate limits; inject one to control time
        self.calls: list[ApiCall] = []
        self.messages: list[SentMessage] = []  # delivered, in order
        self.commands: dict[str, list[JSON]] = {}  # language code ("" = default) -> commands
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content)
        self.downloads: list[str] = []  # file paths downloaded, in order
        self.blocked: set[int | str] = set()
        self.unknown_chats: set[int | str] = set()
        self.port = 0
        self._updates: list[JSON] = []  # queued, not yet confirmed by an offset
        self._update_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._message_ids: dict[int | str, int] = {}
        self._faults: list[_Fault] = []
        self._holds: list[Hold] = []
        self._per_second: int | None = None
        self._per_chat = False
        self._sent_times: deque[float] = deque()
        self._last_sent: dict[int | str, float] = {}
        self._changed = asyncio.Condition()
        self._stopping = False
        self._runner: web.AppRunner | None = None
        self._methods: dict[str, Callable[[JSON], Awaitable[Answer]]] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "answerCallbackQuery": self._true,
            "editMessageText": self._edit_message,
            "editMessageReplyMarkup": self._edit_message,
            "sendChatAction": self._true,
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": self._true,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "getFile": self._get_file,
            "close": self._true,
            "logOut": self._true,
        }
        self._by_lower = {name.lower(): name for name in self._methods}

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> FakeTelegram:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        """Wake long polls and held requests, then close the server."""
        self._stopping = True
        for hold in self._holds:
            hold.fail(503)
        await self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """For ApplicationBuilder.base_url / TelegramSettings.api_base_url."""
        return f"{self.url}/bot"

    @property
    def file_base_url(self) -> str:
        return f"{self.url}/file/bot"

    def settings(self, **overrides: Any) -> TelegramSettings:
        """TelegramSettings pointing at this server (polling mode unless overridden)."""
        values: dict[str, Any] = {
            "token": self.token,
            "api_base_url": self.base_url,
            "file_base_url": self.file_base_url,
        }
        return TelegramSettings(**(values | overrides))

    # --- what was called ----------------------------------------------------------------

    def calls_to(self, method: str) -> list[ApiCall]:
        """The calls of one method (any capitalisation), in order."""
        wanted = self._by_lower.get(method.lower(), method)
        return [c for c in self.calls if c.method == wanted]

    def sent_messages(self, chat_id: int | str | None = None) -> list[SentMessage]:
        """Delivered messages, to one chat or to all, in order."""
        if chat_id is None:
            return list(self.messages)
        key = _chat_key(chat_id)
        return [m for m in self.messages if m.chat_id == key]

    @property
    def pending_updates(self) -> list[JSON]:
        """Updates queued and not yet confirmed by a getUpdates offset."""
        return list(self._updates)

    # --- waiting ------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0) -> T:
        """Wait until predicate() is truthy (checked at every call and answer); return it."""
        try:
            async with asyncio.timeout(timeout):
                async with self._changed:
                    return await self._changed.wait_for(predicate)
        except TimeoutError:
            seen = ", ".join(f"{c.method}:{c.status}" for c in self.calls[-20:])
            raise AssertionError(f"timed out after {timeout}s; last calls: {seen}") from None

    async def wait_for_messages(
        self, chat_id: int | str, count: int, timeout: float = 5.0
    ) -> list[SentMessage]:
        """Wait until at least `count` messages were delivered to the chat; return them all."""
        await self.wait_for(lambda: len(self.sent_messages(chat_id)) >= count, timeout)
        return self.sent_messages(chat_id)

    async def wait_for_calls(
        self, method: str, count: int = 1, timeout: float = 5.0
    ) -> list[ApiCall]:
        """Wait until `method` was answered at least `count` times; return its calls."""

        def answered() -> bool:
            return sum(c.status is not None for c in self.calls_to(method)) >= count

        await self.wait_for(answered, timeout)
        return self.calls_to(method)

    # --- what the user does -------------------------------------------------------------

    async def push_text(
        self, chat_id: int, text: str, user_id: int | None = None, **user: Any
    ) -> JSON:
        """Queue a text message (a command gets its bot_command entity); return the update."""
        return await self.push_update(self.make_text_update(chat_id, text, user_id, **user))

    async def push_callback(
        self, chat_id: int, data: str, message_id: int | None = None, user_id: int | None = None
    ) -> JSON:
        """Queue a button press on a bot message (default: the last one sent to the chat)."""
        return await self.push_update(
            self.make_callback_update(chat_id, data, message_id, user_id)
        )

    async def push_message(
        self, chat_id: int, content: JSON, user_id: int | None = None, **user: Any
    ) -> JSON:
        """Queue any message, e.g. content={"sticker": {...}} or {"location": {...}}."""
        return await self.push_update(self.make_message_update(chat_id, content, user_id, **user))

    async def push_photo(self, chat_id: int, caption: str | None = None) -> JSON:
        """Queue a photo (optionally with a caption)."""
        photo = {"file_id": "photo-1", "file_unique_id": "p1", "width": 90, "height": 90}
        content: JSON = {"photo": [photo]}
        if caption is not None:
            content["caption"] = caption
        return await self.push_message(chat_id, content)

    async def push_document(
        self,
        chat_id: int,
        data: bytes,
        file_name: str,
        caption: str | None = None,
        *,
        mime_type: str = "application/octet-stream",
        file_size: int | None = None,
    ) -> JSON:
        """Queue a document message; its bytes are served by getFile + /file/bot<token>/.
        `file_size` overrides the announced size (to announce a file as too large)."""
        file_id = f"doc-{len(self.files) + 1}"
        self.files[file_id] = (f"documents/file_{len(self.files) + 1}", data)
        document = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(data) if file_size is None else file_size,
        }
        content: JSON = {"document": document}
        if caption is not None:
            content["caption"] = caption
        return await self.push_message(chat_id, content)

    async def push_update(self, update: JSON) -> JSON:
        """Queue a raw update for getUpdates (an update_id is given if missing)."""
        update.setdefault("update_id", next(self._update_ids))
        self._updates.append(update)
        await self._notify()
        return update

    def make_text_update(
        self,
        chat_id: int,
        text: str,
        user_id: int | None = None,
        *,
        chat_type: str = "private",
        first_name: str = "Test",
        language_code: str | None = None,
    ) -> JSON:
        """A message update with this text, not queued (for post_webhook, for instance)."""
        content: JSON = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self.make_message_update(
            chat_id,
            content,
            user_id,
            chat_type=chat_type,
            first_name=first_name,
            language_code=language_code,
        )

    def make_message_update(
        self,
        chat_id: int,
        content: JSON,
        user_id: int | None = None,
        *,
        chat_type: str = "private",
        first_name: str = "Test",
        language_code: str | None = None,
    ) -> JSON:
        """A message update from a user, with `content` (text, photo, sticker...), not queued."""
        user: JSON = {"id": user_id or _default_user(chat_id), "is_bot": False}
        user["first_name"] = first_name
        if language_code:
            user["language_code"] = language_code
        chat: JSON = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name
        else:
            chat["title"] = "Test group"
        message = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **content,
        }
        return {"update_id": next(self._update_ids), "message": message}

    def make_callback_update(
        self, chat_id: int, data: str, message_id: int | None = None, user_id: int | None = None
    ) -> JSON:
        """A callback_query update (a pressed inline button), not queued."""
        sent = [m for m in self.sent_messages(chat_id) if message_id in (None, m.message_id)]
        pressed = sent[-1] if sent else None
        message: JSON = {
            "message_id": pressed.message_id if pressed else (message_id or 1),
            "date": pressed.date if pressed else int(time.time()),
            "chat": _chat(chat_id),
            "from": self._bot_user(),
            "text": pressed.text if pressed else "…",
        }
        if pressed and pressed.reply_markup:
            message["reply_markup"] = pressed.reply_markup
        query = {
            "id": str(next(self._callback_ids)),
            "from": {"id": user_id or _default_user(chat_id), "is_bot": False, "first_name": "T"},
            "chat_instance": f"ci-{chat_id}",
            "data": data,
            "message": message,
        }
        return {"update_id": next(self._update_ids), "callback_query": query}

    async def post_webhook(
        self, update: JSON, url: str | None = None, secret: str | None = None
    ) -> int:
        """POST an update the way Telegram does in webhook mode; return the HTTP status.

        Defaults to the URL and secret the bot registered with setWebhook.
        """
        secret = secret if secret is not None else self.webhook_secret
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        async with (
            aiohttp.ClientSession() as session,
            session.post(url or self.webhook_url, json=update, headers=headers) as response,
        ):
            return response.status

    # --- failure injection --------------------------------------------------------------

    def fail_next(
        self,
        count: int = 1,
        *,
        status: int = 429,
        retry_after: int = 1,
        chat_id: int | str | None = None,
        method: str = "sendMessage",
        description: str | None = None,
    ) -> None:
        """Answer the next `count` calls of `method` (to `chat_id`, or any) with an error.

        429 carries parameters.retry_after; other statuses use Telegram's usual wording
        unless `description` is given (e.g. "Bad Request: message is too long").
        """
        if status == 429:
            text = description or f"Too Many Requests: retry after {retry_after}"
        else:
            text = description or STATUS_TEXT.get(status, f"Error {status}")
        self._faults.append(
            _Fault(
                method=self._by_lower.get(method.lower(), method),
                chat_id=_chat_key(chat_id),
                status=status,
                description=text,
                retry_after=retry_after if status == 429 else None,
                remaining=count,
            )
        )

    def block(self, chat_id: int | str) -> None:
        """The user blocked the bot: 403 to every call for this chat."""
        self.blocked.add(_chat_key(chat_id))

    def unblock(self, chat_id: int | str) -> None:
        self.blocked.discard(_chat_key(chat_id))

    def forget(self, chat_id: int | str) -> None:
        """Telegram does not know this chat: 400 "chat not found"."""
        self.unknown_chats.add(_chat_key(chat_id))

    def rate_limit(self, per_second: int | None = None, per_chat: bool = False) -> None:
        """Limit sendMessage like Telegram: at most `per_second` delivered in any rolling
        second overall (None: no limit) and, if `per_chat`, one per second to a chat."""
        self._per_second = per_second
        self._per_chat = per_chat

    def hold_send(self, nth: int = 1, chat_id: int | str | None = None) -> Hold:
        """Keep the response to the nth next sendMessage (to `chat_id`, or any) pending.

        Counted among requests that would otherwise succeed. The message is delivered
        (recorded, 200) on `hold.release()`; `hold.fail(status)` answers an error instead.
        `await hold.wait_arrived()` waits for the request. Stopping the fake fails it (503).
        """
        hold = Hold(chat_id=_chat_key(chat_id), skip=nth - 1)
        self._holds.append(hold)
        return hold

    # --- the HTTP side ------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.Response:
        name = request.match_info["method"]
        method = self._by_lower.get(name.lower(), name)
        try:
            params = await _read_params(request)
        except ValueError:
            self.calls.append(ApiCall(method, {}, 400))
            return _response(_error(400, "Bad Request: can't parse request body"))
        call = ApiCall(method, params)
        self.calls.append(call)
        await self._notify()
        if request.match_info["token"] != self.token:
            answer = _error(401, STATUS_TEXT[401])
        elif method not in self._methods:
            answer = _error(404, STATUS_TEXT[404])
        else:
            answer = self._refusal(method, params) or await self._methods[method](params)
        call.status = answer[0]
        await self._notify()
        return _response(answer)

    def _refusal(self, method: str, params: JSON) -> Answer | None:
        chat = _chat_key(params.get("chat_id"))
        if chat is not None and chat in self.blocked:
            return _error(403, STATUS_TEXT[403])
        if chat is not None and chat in self.unknown_chats:
            return _error(400, "Bad Request: chat not found")
        for fault in self._faults:
            if fault.remaining > 0 and fault.method == method and fault.chat_id in (None, chat):
                fault.remaining -= 1
                extra = {"retry_after": fault.retry_after} if fault.retry_after else {}
                return _error(fault.status, fault.description, **extra)
        return None

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # --- methods ------------------------------------------------------------------------

    async def _true(self, params: JSON) -> Answer:
        return _ok(True)

    async def _get_file(self, params: JSON) -> Answer:
        file_id = str(params.get("file_id", ""))
        if file_id not in self.files:
            return _error(400, "Bad Request: invalid file_id")
        path, data = self.files[file_id]
        return _ok(
            {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_size": len(data),
                "file_path": path,
            }
        )

    async def _download(self, request: web.Request) -> web.Response:
        """A file download, as Telegram serves them at /file/bot<token>/<file_path>."""
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        path = request.match_info["path"]
        for file_path, data in self.files.values():
            if file_path == path:
                self.downloads.append(path)
                await self._notify()
                return web.Response(body=data, content_type="application/octet-stream")
        return web.Response(status=404)

    async def _get_me(self, params: JSON) -> Answer:
        return _ok(self._bot_user())

    async def _get_updates(self, params: JSON) -> Answer:
        if self.webhook_url:
            return _error(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = _int(params.get("offset"), 0)
        if offset > 0:  # confirms every update before it
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        allowed = params.get("allowed_updates") or None
        limit = min(max(_int(params.get("limit"), 100), 1), 100)

        def available() -> list[JSON]:
            return [
                u
                for u in self._updates
                if u["update_id"] >= offset and (allowed is None or set(u) & set(allowed))
            ]

        timeout = float(params.get("timeout") or 0)
        if timeout > 0 and not available():
            try:
                async with asyncio.timeout(timeout), self._changed:
                    await self._changed.wait_for(lambda: self._stopping or bool(available()))
            except TimeoutError:
                pass
        return _ok(available()[:limit])

    async def _send_message(self, params: JSON) -> Answer:
        chat = _chat_key(params.get("chat_id"))
        text = params.get("text")
        if chat is None:
            return _error(400, "Bad Request: chat_id is empty")
        if not isinstance(text, str) or not text.strip():
            return _error(400, "Bad Request: message text is empty")
        if _utf16_len(text) > MAX_TEXT:
            return _error(400, "Bad Request: message is too long")
        markup = params.get("reply_markup")
        if not _valid_markup(markup):
            return _error(400, "Bad Request: BUTTON_DATA_INVALID")
        refusal = self._rate_refusal(chat)
        if refusal is not None:
            return refusal
        hold = self._claim_hold(chat)
        if hold is not None:
            hold.params = params
            hold.arrived.set()
            await self._notify()
            status = await hold._wait()
            if status is not None:
                return _error(status, STATUS_TEXT.get(status, f"Error {status}"))
        return _ok(self._deliver(chat, text, markup, params))

    async def _edit_message(self, params: JSON) -> Answer:
        chat = _chat_key(params.get("chat_id"))
        message_id = _int(params.get("message_id"), 0)
        found = [m for m in self.sent_messages(chat) if m.message_id == message_id] if chat else []
        if not found:
            return _error(400, "Bad Request: message to edit not found")
        message = found[0]
        if not _valid_markup(params.get("reply_markup")):
            return _error(400, "Bad Request: BUTTON_DATA_INVALID")
        if "text" in params:
            message.text = str(params["text"])
        message.reply_markup = params.get("reply_markup")
        message.edited = True
        return _ok(self._message_json(message))

    async def _set_my_commands(self, params: JSON) -> Answer:
        commands = params.get("commands")
        if not isinstance(commands, list):
            return _error(400, "Bad Request: commands must be an array")
        self.commands[str(params.get("language_code") or "")] = commands
        return _ok(True)

    async def _set_webhook(self, params: JSON) -> Answer:
        self.webhook_url = str(params.get("url") or "")
        self.webhook_secret = params.get("secret_token")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return _ok(True)

    async def _delete_webhook(self, params: JSON) -> Answer:
        self.webhook_url, self.webhook_secret = "", None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return _ok(True)

    async def _get_webhook_info(self, params: JSON) -> Answer:
        info = {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        return _ok(info)

    # --- helpers ------------------------------------------------------------------------

    def _rate_refusal(self, chat: int | str) -> Answer | None:
        now = self.clock()
        while self._sent_times and now - self._sent_times[0] >= 1.0:
            self._sent_times.popleft()
        too_many = self._per_second is not None and len(self._sent_times) >= self._per_second
        last = self._last_sent.get(chat)
        too_fast = self._per_chat and last is not None and now - last < 1.0
        if too_many or too_fast:
            return _error(429, "Too Many Requests: retry after 1", retry_after=1)
        return None

    def _claim_hold(self, chat: int | str) -> Hold | None:
        for hold in self._holds:
            if hold.arrived.is_set() or hold.chat_id not in (None, chat):
                continue
            if hold.skip > 0:
                hold.skip -= 1
                continue
            return hold
        return None

    def _deliver(self, chat: int | str, text: str, markup: JSON | None, params: JSON) -> JSON:
        now = self.clock()
        self._sent_times.append(now)
        self._last_sent[chat] = now
        message = SentMessage(
            chat_id=chat,
            message_id=self._next_message_id(chat),
            text=text,
            reply_markup=markup if isinstance(markup, dict) else None,
            params=params,
            date=int(time.time()),
        )
        self.messages.append(message)
        return self._message_json(message)

    def _message_json(self, message: SentMessage) -> JSON:
        data: JSON = {
            "message_id": message.message_id,
            "date": message.date,
            "chat": _chat(message.chat_id),
            "from": self._bot_user(),
            "text": message.text,
        }
        if message.reply_markup:
            data["reply_markup"] = message.reply_markup
        return data

    def _bot_user(self) -> JSON:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Forsa",
            "username": self.username,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _next_message_id(self, chat: int | str) -> int:
        self._message_ids[chat] = self._message_ids.get(chat, 0) + 1
        return self._message_ids[chat]


@pytest.fixture
async def telegram_api() -> AsyncIterator[FakeTelegram]:
    """A started FakeTelegram, stopped after the test."""
    async with FakeTelegram() as api:
        yield api


# --- wire format --------------------------------------------------------------------------


async def _read_params(request: web.Request) -> JSON:
    """Query string, then a JSON body or form data (PTB sends form data, JSON-encoding
    every non-string value)."""
    params: JSON = {k: _decode(k, v) for k, v in request.query.items()}
    if not request.body_exists:
        return params
    if request.content_type == "application/json":
        body = json.loads(await request.text())
        if not isinstance(body, dict):
            raise ValueError("JSON body must be an object")
        params.update(body)
        return params
    form = await request.post()
    for key, value in form.items():
        params[key] = _decode(key, value) if isinstance(value, str) else "<file>"
    return params


def _decode(name: str, raw: str) -> Any:
    if name in STRING_PARAMS:
        return raw
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    return value if isinstance(value, dict | list | bool | int | float) else raw


def _ok(result: Any) -> Answer:
    return 200, {"ok": True, "result": result}


def _error(status: int, description: str, **parameters: Any) -> Answer:
    body: JSON = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return status, body


def _response(answer: Answer) -> web.Response:
    status, body = answer
    return web.json_response(body, status=status)


def _chat_key(value: Any) -> int | str | None:
    if value is None or isinstance(value, int):
        return value
    text = str(value)
    return int(text) if text.lstrip("-").isdigit() else text


def _chat(chat_id: int | str) -> JSON:
    if isinstance(chat_id, int) and chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Test"}
    return {"id": chat_id, "type": "group", "title": "Test group"}


def _default_user(chat_id: int) -> int:
    return chat_id if chat_id > 0 else 1


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _valid_markup(markup: Any) -> bool:
    """callback_data of inline buttons must be 1 to 64 bytes."""
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return True
    for row in markup["inline_keyboard"]:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 0 < len(str(data).encode()) <= MAX_CALLBACK_DATA:
                return False
    return True
