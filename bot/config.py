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

from dotenv import dotenv_values

from handlers.reminders import ReminderPolicy

DEFAULT_DB = "data/forsa.db"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


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
    reminders: ReminderSettings = field(default_factory=ReminderSettings)

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
            reminders=_reminders(get),
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
