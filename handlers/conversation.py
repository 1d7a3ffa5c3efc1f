"""One turn of conversation: who is speaking, in which language, what they said.

`Turn` is what the handle entry point builds once per message (the aiogram-middleware
job: user loading and language) and hands to every answer function.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from handlers.deps import Deps
from handlers.messages import Attachment
from handlers.texts import t
from handlers.understand.intents import Cues
from store.contacts import Contact


@dataclass
class Turn:
    deps: Deps
    contact: Contact
    state: dict[str, Any]
    now: datetime
    lang: str
    text: str = ""
    cues: Cues = field(default_factory=lambda: Cues.of(""))
    forgotten: bool = False  # the user asked to be forgotten: save nothing more
    attachment: Attachment | None = None  # a file sent with the message (staff publishing)

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    @property
    def current_call(self) -> str | None:
        value = self.state.get("call")
        return value if isinstance(value, str) else None

    def focus(self, call_id: str) -> None:
        """Make this call the one follow-ups ("et la date limite ?") refer to."""
        self.state["call"] = call_id

    @property
    def pending(self) -> dict[str, Any] | None:
        value = self.state.get("pending")
        return value if isinstance(value, dict) else None

    def set_pending(self, pending: dict[str, Any] | None) -> None:
        if pending is None:
            self.state.pop("pending", None)
        else:
            self.state["pending"] = pending

    @property
    def profile(self) -> dict[str, Any]:
        value = self.state.setdefault("profile", {})
        if not isinstance(value, dict):
            value = self.state["profile"] = {}
        return value
