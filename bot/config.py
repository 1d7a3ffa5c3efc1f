"""Settings: the only place that reads the environment (and `.env`, if present).

Every setting is mirrored, with its meaning, in `.env.example`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

from handlers.reminders import ReminderPolicy

DEFAULT_DB = "data/forsa.db"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_ACCOUNT_SID = re.compile(r"AC[0-9a-fA-F]{32}")
_CONTENT_SID = re.compile(r"HX[0-9a-fA-F]{32}")
_WHATSAPP_ADDRESS = re.compile(r"whatsapp:\+[1-9][0-9]{6,14}")
# Staff named in the settings, per channel: the address pattern of that channel.
STAFF_SETTINGS: dict[str, tuple[str, re.Pattern[str]]] = {
    "telegram": ("FORSA_STAFF_TELEGRAM", re.compile(r"[1-9][0-9]{2,19}")),
    "whatsapp": ("FORSA_STAFF_WHATSAPP", re.compile(r"\+[1-9][0-9]{6,14}")),
}
STAFF_ROLES = ("admin", "editor")
# Setting any of these asks for WhatsApp; then all of them and FORSA_PUBLIC_URL are needed.
_TWILIO_CREDENTIALS = ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_WHATSAPP_FROM")
# Approved WhatsApp templates (Content SIDs), per outbox kind and language. Spelt out so
# that every variable read here can be found (and checked against .env.example).
TEMPLATE_SETTINGS: dict[tuple[str, str], str] = {
    ("reminder", "fr"): "TWILIO_TEMPLATE_REMINDER_FR",
    ("reminder", "ar"): "TWILIO_TEMPLATE_REMINDER_AR",
    ("new_call", "fr"): "TWILIO_TEMPLATE_NEW_CALL_FR",
    ("new_call", "ar"): "TWILIO_TEMPLATE_NEW_CALL_AR",
    ("digest", "fr"): "TWILIO_TEMPLATE_DIGEST_FR",
    ("digest", "ar"): "TWILIO_TEMPLATE_DIGEST_AR",
    ("broadcast", "fr"): "TWILIO_TEMPLATE_BROADCAST_FR",
    ("broadcast", "ar"): "TWILIO_TEMPLATE_BROADCAST_AR",
    ("notice", "fr"): "TWILIO_TEMPLATE_NOTICE_FR",
    ("notice", "ar"): "TWILIO_TEMPLATE_NOTICE_AR",
}


class SettingsError(ValueError):
    """A setting is present but unusable; the message names it."""


@dataclass(frozen=True)
class TelegramSettings:
    token: str | None = None
    api_base_url: str = "https://api.telegram.org/bot"
    file_base_url: str = "https://api.telegram.org/file/bot"
    mode: str = "polling"  # "polling" | "webhook"
    webhook_url: str | None = None  # public URL Telegram posts updates to (webhook mode)
    webhook_secret: str | None = None  # checked against X-Telegram-Bot-Api-Secret-Token
    rate_per_second: float = 30.0  # overall; Telegram's free limit
    rate_per_chat: float = 1.0  # messages per second to one chat
    poll_interval: float = 0.0

    @property
    def enabled(self) -> bool:
        return bool(self.token)


@dataclass(frozen=True)
class TwilioSettings:
    """WhatsApp through Twilio. Enabled when the account, token, sender and public URL are
    all set (Settings.load refuses a partial set)."""

    account_sid: str | None = None
    auth_token: str | None = None  # signs Twilio's webhooks and authenticates our calls
    whatsapp_from: str | None = None  # our sender, "whatsapp:+14155238886"
    public_url: str | None = None  # what Twilio calls, without a trailing "/"
    api_base_url: str = "https://api.twilio.com"
    rate_per_second: float = 80.0  # overall, for proactive messages
    rate_per_chat: float = 1.0  # messages per second to one user
    templates: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (kind, lang)

    @property
    def enabled(self) -> bool:
        return bool(self.account_sid)

    def template(self, kind: str, lang: str) -> str | None:
        """The Content SID approved for this outbox kind and language, if configured."""
        return self.templates.get((kind, lang))


@dataclass(frozen=True)
class ReminderSettings:
    offsets_days: tuple[int, ...] = (7, 1)  # reminders this many days before a deadline
    quiet_start: time = time(21, 0)  # proactive messages wait from here...
    quiet_end: time = time(8, 0)  # ...until here (local time)
    digest_hour: time = time(9, 0)  # daily digests, and weekly ones on digest_weekday
    digest_weekday: int = 0  # Monday
    planner_interval_s: float = 60.0  # how often the scheduler looks for due work
    max_attempts: int = 5  # network errors / 5xx before a row is marked failed
    in_flight: int = 1  # sends at once; each may be repeated after a crash

    def policy(self) -> ReminderPolicy:
        return ReminderPolicy(
            offsets_days=self.offsets_days,
            quiet_start=self.quiet_start,
            quiet_end=self.quiet_end,
            digest_time=self.digest_hour,
            digest_weekday=self.digest_weekday,
        )


@dataclass(frozen=True)
class Settings:
    db_path: str = DEFAULT_DB
    log_level: str = "INFO"
    max_text_chars: int = 2000
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    twilio: TwilioSettings = field(default_factory=TwilioSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    # Staff who cannot be removed in chat: (channel, address) -> "admin" | "editor".
    staff: Mapping[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, env_file: str | None = ".env") -> Settings:
        """From `env` (default: the process environment), with `.env` filling the gaps."""
        values: dict[str, str] = {}
        if env_file and Path(env_file).is_file():
            values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
        values.update(os.environ if env is None else env)
        get = _Reader(values)
        return cls(
            db_path=get.str("FORSA_DB") or DEFAULT_DB,
            log_level=(get.str("FORSA_LOG_LEVEL") or "INFO").upper(),
            max_text_chars=get.int("FORSA_MAX_TEXT_CHARS", 2000),
            http_host=get.str("FORSA_HTTP_HOST") or "127.0.0.1",
            http_port=get.int("FORSA_HTTP_PORT", 8080),
            telegram=_telegram(get),
            twilio=_twilio(get),
            reminders=_reminders(get),
            staff=_staff(get),
        )


def _telegram(get: _Reader) -> TelegramSettings:
    base = (get.str("TELEGRAM_API_BASE_URL") or "https://api.telegram.org").rstrip("/")
    mode = (get.str("TELEGRAM_MODE") or "polling").lower()
    if mode not in ("polling", "webhook"):
        raise SettingsError("TELEGRAM_MODE must be polling or webhook")
    secret = get.str("TELEGRAM_WEBHOOK_SECRET")
    if mode == "webhook" and not (secret and _SECRET.fullmatch(secret)):
        # Without it anyone who finds the URL could post fake updates.
        raise SettingsError(
            "TELEGRAM_WEBHOOK_SECRET is required in webhook mode: 1-256 of A-Z a-z 0-9 _ -"
        )
    return TelegramSettings(
        token=get.str("TELEGRAM_BOT_TOKEN"),
        api_base_url=f"{base}/bot",
        file_base_url=f"{base}/file/bot",
        mode=mode,
        webhook_url=get.str("TELEGRAM_WEBHOOK_URL"),
        webhook_secret=secret,
        poll_interval=get.float("TELEGRAM_POLL_INTERVAL", 0.0),
        rate_per_second=get.float("TELEGRAM_RATE_PER_SECOND", 30.0),
        rate_per_chat=get.float("TELEGRAM_RATE_PER_CHAT", 1.0),
    )


def _twilio(get: _Reader) -> TwilioSettings:
    credentials = {name: get.str(name) for name in _TWILIO_CREDENTIALS}
    public_url = get.str("FORSA_PUBLIC_URL")
    # FORSA_PUBLIC_URL alone does not ask for WhatsApp: other endpoints may use it.
    if not any(credentials.values()):
        return TwilioSettings()
    missing = [name for name, value in credentials.items() if not value]
    missing += [] if public_url else ["FORSA_PUBLIC_URL"]
    if missing:
        raise SettingsError(f"WhatsApp (Twilio) also needs {', '.join(missing)}")
    sid = credentials["TWILIO_ACCOUNT_SID"] or ""
    if not _ACCOUNT_SID.fullmatch(sid):
        raise SettingsError("TWILIO_ACCOUNT_SID must look like AC followed by 32 hex digits")
    rate = get.float("TWILIO_RATE_PER_SECOND", 80.0)
    if rate <= 0:
        raise SettingsError("TWILIO_RATE_PER_SECOND must be more than 0")
    api = get.str("TWILIO_API_BASE_URL") or "https://api.twilio.com"
    return TwilioSettings(
        account_sid=sid,
        auth_token=credentials["TWILIO_AUTH_TOKEN"],
        whatsapp_from=_whatsapp_from(credentials["TWILIO_WHATSAPP_FROM"] or ""),
        public_url=_base_url("FORSA_PUBLIC_URL", public_url or ""),
        api_base_url=_base_url("TWILIO_API_BASE_URL", api),
        rate_per_second=rate,
        templates=_templates(get),
    )


def _whatsapp_from(raw: str) -> str:
    """Our WhatsApp sender; a bare "+14155238886" gets Twilio's "whatsapp:" prefix."""
    value = f"whatsapp:{raw}" if raw.startswith("+") else raw
    if not _WHATSAPP_ADDRESS.fullmatch(value):
        raise SettingsError(
            f"TWILIO_WHATSAPP_FROM must look like whatsapp:+14155238886, got {raw!r}"
        )
    return value


def _base_url(name: str, raw: str) -> str:
    """An http(s) origin, optionally with a path prefix; no query, no trailing slash."""
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SettingsError(f"{name} must be an http(s) URL like https://forsa.example.org")
    return raw.rstrip("/")


def _templates(get: _Reader) -> dict[tuple[str, str], str]:
    found = {}
    for key, name in TEMPLATE_SETTINGS.items():
        sid = get.str(name)
        if sid is None:
            continue
        if not _CONTENT_SID.fullmatch(sid):
            raise SettingsError(f"{name} must be a Content SID: HX followed by 32 hex digits")
        found[key] = sid
    return found


def _reminders(get: _Reader) -> ReminderSettings:
    offsets = get.str("FORSA_REMINDER_DAYS") or "7,1"
    try:
        days = tuple(sorted({int(x) for x in offsets.split(",") if x.strip()}, reverse=True))
    except ValueError as exc:
        raise SettingsError("FORSA_REMINDER_DAYS must be numbers like 7,1") from exc
    return ReminderSettings(
        offsets_days=days,
        quiet_start=get.time("FORSA_QUIET_START", time(21, 0)),
        quiet_end=get.time("FORSA_QUIET_END", time(8, 0)),
        digest_hour=get.time("FORSA_DIGEST_TIME", time(9, 0)),
        digest_weekday=get.int("FORSA_DIGEST_WEEKDAY", 0),
        planner_interval_s=get.float("FORSA_PLANNER_INTERVAL", 60.0),
        max_attempts=get.int("FORSA_SEND_MAX_ATTEMPTS", 5),
        in_flight=max(1, get.int("FORSA_SEND_IN_FLIGHT", 1)),
    )


def _staff(get: _Reader) -> dict[tuple[str, str], str]:
    """FORSA_STAFF_TELEGRAM="123456:admin,789:editor", FORSA_STAFF_WHATSAPP="+2126…:admin"."""
    found: dict[tuple[str, str], str] = {}
    for channel, (name, pattern) in STAFF_SETTINGS.items():
        for position, entry in enumerate((get.str(name) or "").split(","), start=1):
            if not entry.strip():
                continue
            address, _, role = entry.strip().rpartition(":")
            address = address.strip().removeprefix("whatsapp:")
            role = role.strip().lower()
            if not pattern.fullmatch(address) or role not in STAFF_ROLES:
                # The entry itself is not echoed: it may hold a phone number.
                raise SettingsError(
                    f"{name}: entry {position} is not ID:ROLE (ROLE admin or editor)"
                )
            found[(channel, address)] = role
    return found


class _Reader:
    """Typed access to raw values, with errors that name the setting."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = values

    def str(self, name: str) -> str | None:
        value = self._values.get(name, "").strip()
        return value or None

    def int(self, name: str, default: int) -> int:
        return int(self._number(name, default))

    def float(self, name: str, default: float) -> float:
        return float(self._number(name, default))

    def _number(self, name: str, default: float) -> float:
        raw = self.str(name)
        if raw is None:
            return default
        try:
            return float(raw)
        except ValueError as exc:
            raise SettingsError(f"{name} must be a number, got {raw!r}") from exc

    def time(self, name: str, default: time) -> time:
        raw = self.str(name)
        if raw is None:
            return default
        try:
            return time.fromisoformat(raw)
        except ValueError as exc:
            raise SettingsError(f"{name} must be a time like 08:00, got {raw!r}") from exc
