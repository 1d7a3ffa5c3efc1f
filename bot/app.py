"""Building the runtime: the store, the clock and the handlers' dependencies."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources

from bot.config import Settings
from handlers.clock import Clock
from handlers.deps import Deps
from store import calls as call_store
from store.db import Database
from store.models import Call


def demo_calls() -> list[Call]:
    """The five seed calls, curated by hand (store/demo/calls.json)."""
    raw = (resources.files("store") / "demo" / "calls.json").read_text(encoding="utf-8")
    return [Call.from_json(item) for item in json.loads(raw)]


async def load_demo(db: Database, clock: Clock) -> int:
    """Publish the demo catalog (idempotent: same ids, same rows)."""
    calls = demo_calls()
    await call_store.save_calls(db, calls, published=True, now=clock.now())
    return len(calls)


@asynccontextmanager
async def open_deps(
    settings: Settings,
    clock: Clock,
    db_path: str | None = None,
    *,
    default_lang: str | None = None,
    console_staff: Sequence[str] = (),
) -> AsyncIterator[Deps]:
    """Deps complete from the settings, for every command and channel alike (the console
    tells the same reminder days as the running bot)."""
    db = await Database.open(db_path or settings.db_path)
    staff = dict(settings.staff)
    staff.update({("console", user): "admin" for user in console_staff})
    policy = settings.reminders.policy()
    try:
        yield Deps(
            db=db,
            clock=clock,
            max_text_chars=settings.max_text_chars,
            default_lang=default_lang or "fr",
            reminder_days=policy.offsets_days,
            staff_seed=staff,
            reminder_policy=policy,
            whatsapp_templates=frozenset(settings.twilio.templates),
        )
    finally:
        await db.close()
