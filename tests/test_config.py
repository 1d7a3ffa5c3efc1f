"""Settings: every variable of .env.example is read, bad values are named."""

from __future__ import annotations

import re
from datetime import time

import pytest

from bot.config import Settings, SettingsError
from tests.conftest import REPO


def test_defaults_without_environment() -> None:
    settings = Settings.load({}, env_file=None)
    assert settings.db_path == "data/forsa.db"
    assert not settings.telegram.enabled
    assert settings.reminders.offsets_days == (7, 1)
    assert settings.reminders.quiet_start == time(21, 0)


def test_values_from_environment() -> None:
    settings = Settings.load(
        {
            "TELEGRAM_BOT_TOKEN": "1:abc",
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9999/",
            "FORSA_REMINDER_DAYS": "1, 3,14",
            "FORSA_QUIET_START": "22:30",
            "TELEGRAM_RATE_PER_SECOND": "100",
        },
        env_file=None,
    )
    assert settings.telegram.enabled
    assert settings.telegram.api_base_url == "http://127.0.0.1:9999/bot"
    assert settings.reminders.offsets_days == (14, 3, 1)
    assert settings.reminders.policy().quiet_start == time(22, 30)
    assert settings.telegram.rate_per_second == 100


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FORSA_HTTP_PORT", "eighty"),
        ("FORSA_QUIET_END", "8h"),
        ("FORSA_REMINDER_DAYS", "a,b"),
        ("TELEGRAM_MODE", "carrier-pigeon"),
    ],
)
def test_bad_values_are_named(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.load({name: value}, env_file=None)


def test_env_example_documents_every_setting() -> None:
    example = (REPO / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^([A-Z_]+)=", example, flags=re.M))
    source = (REPO / "bot" / "config.py").read_text(encoding="utf-8")
    read = set(re.findall(r'"((?:FORSA|TELEGRAM|TWILIO)_[A-Z_]+)"', source))
    assert read <= documented, read - documented


def test_webhook_mode_requires_a_secret() -> None:
    env = {"TELEGRAM_MODE": "webhook", "TELEGRAM_WEBHOOK_URL": "https://x.example/tg"}
    with pytest.raises(SettingsError, match="TELEGRAM_WEBHOOK_SECRET"):
        Settings.load(env, env_file=None)
    with pytest.raises(SettingsError, match="TELEGRAM_WEBHOOK_SECRET"):
        Settings.load({**env, "TELEGRAM_WEBHOOK_SECRET": "no spaces allowed"}, env_file=None)
    ok = Settings.load({**env, "TELEGRAM_WEBHOOK_SECRET": "s3cret_-x"}, env_file=None)
    assert ok.telegram.webhook_secret == "s3cret_-x"
