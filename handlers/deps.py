"""Everything a handler needs, passed explicitly: no module-level state."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handlers.clock import Clock
from handlers.understand.callnames import NameIndexCache
from handlers.understand.model import IntentModel, default_model
from store.db import Database

if TYPE_CHECKING:  # handlers.reminders imports the handlers that import this module
    from handlers.reminders import ReminderPolicy


class ContactLocks:
    """One message at a time per contact, so two quick messages never race on its state."""

    def __init__(self) -> None:
        self._locks: weakref.WeakValueDictionary[tuple[str, str], asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    @asynccontextmanager
    async def hold(self, channel: str, address: str) -> AsyncIterator[None]:
        key = (channel, address)
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        async with lock:
            yield


@dataclass(frozen=True)
class Deps:
    """Built once, complete, by `bot.app.open_deps` (or a test): nothing is set on it
    afterwards. The containers it holds (locks, caches, share links) change inside."""

    db: Database
    clock: Clock
    names: NameIndexCache = field(default_factory=NameIndexCache)
    # The trained intent model (immutable; one per process, shared).
    nlu: IntentModel = field(default_factory=default_model)
    locks: ContactLocks = field(default_factory=ContactLocks)
    # Longer messages are cut: nobody asks about a call in 2,000 characters, and it
    # bounds the work one message can cost.
    max_text_chars: int = 2000
    # Language for users we know nothing about yet (`chat --lang`).
    default_lang: str = "fr"
    # Days before a deadline when reminders go out (told to users who follow a call).
    reminder_days: tuple[int, ...] = (7, 1)
    # Per channel, a shareable link to a call ("https://t.me/forsabot?start={call_id}"),
    # set by channels that have one once they know their name.
    share_links: dict[str, str] = field(default_factory=dict)
    # Staff named in the settings (FORSA_STAFF_*, `chat --staff`): (channel, address) ->
    # "admin" | "editor". They cannot be removed in chat; more are added in the store.
    staff_seed: dict[tuple[str, str], str] = field(default_factory=dict)
    # The running bot's quiet hours and digest times, and the WhatsApp templates it has
    # ((kind, lang) pairs), for staff tools that say when and how a message will go out.
    # None / empty: the defaults (ReminderPolicy()) and no template.
    reminder_policy: ReminderPolicy | None = None
    whatsapp_templates: frozenset[tuple[str, str]] = frozenset()
