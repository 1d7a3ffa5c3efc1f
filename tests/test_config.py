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


WHATSAPP = {
    "TWILIO_ACCOUNT_SID": "AC" + "a1" * 16,
    "TWILIO_AUTH_TOKEN": "secret-token",
    "TWILIO_WHATSAPP_FROM": "+14155238886",
    "FORSA_PUBLIC_URL": "https://forsa.example.org/",
}


def test_whatsapp_settings() -> None:
    assert not Settings.load({}, env_file=None).twilio.enabled
    # The public URL alone (used by other endpoints too) does not ask for WhatsApp.
    alone = Settings.load({"FORSA_PUBLIC_URL": "https://x.example"}, env_file=None)
    assert not alone.twilio.enabled
    env = {**WHATSAPP, "TWILIO_TEMPLATE_REMINDER_AR": "HX" + "0" * 32}
    twilio = Settings.load(env, env_file=None).twilio
    assert twilio.enabled
    assert twilio.whatsapp_from == "whatsapp:+14155238886"  # the prefix is added
    assert twilio.public_url == "https://forsa.example.org"
    assert twilio.api_base_url == "https://api.twilio.com"
    assert twilio.rate_per_second == 80
    assert twilio.template("reminder", "ar") == "HX" + "0" * 32
    assert twilio.template("reminder", "fr") is None
    custom = {
        **WHATSAPP,
        "TWILIO_API_BASE_URL": "http://127.0.0.1:9/",
        "TWILIO_RATE_PER_SECOND": "5",
    }
    fake = Settings.load(custom, env_file=None).twilio
    assert (fake.api_base_url, fake.rate_per_second) == ("http://127.0.0.1:9", 5)


@pytest.mark.parametrize("missing", sorted(WHATSAPP))
def test_whatsapp_needs_all_four(missing: str) -> None:
    env = {k: v for k, v in WHATSAPP.items() if k != missing}
    with pytest.raises(SettingsError, match=missing):
        Settings.load(env, env_file=None)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TWILIO_ACCOUNT_SID", "not-a-sid"),
        ("TWILIO_WHATSAPP_FROM", "Forsa"),
        ("FORSA_PUBLIC_URL", "forsa.example.org"),
        ("TWILIO_API_BASE_URL", "ftp://api.twilio.com"),
        ("TWILIO_RATE_PER_SECOND", "0"),
        ("TWILIO_TEMPLATE_NEW_CALL_FR", "new-call-template"),
    ],
)
def test_bad_whatsapp_values_are_named(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.load({**WHATSAPP, name: value}, env_file=None)


def test_every_template_kind_and_language_has_a_setting() -> None:
    from bot.config import TEMPLATE_SETTINGS
    from store.outbox import OutboxKind

    assert set(TEMPLATE_SETTINGS) == {(str(k), lang) for k in OutboxKind for lang in ("fr", "ar")}
    for (kind, lang), name in TEMPLATE_SETTINGS.items():
        assert name == f"TWILIO_TEMPLATE_{kind.upper()}_{lang.upper()}"
