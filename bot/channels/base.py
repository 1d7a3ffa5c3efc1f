"""What a channel is: it turns provider events into Inbound, renders Replies, and sends
proactive messages for the outbox sender.

The message shapes themselves live in handlers.messages, because the core returns them.
A channel's `send` raises one of the errors below so that the sender can treat every
provider alike: wait and retry, retry later, give up on the user, or give up on the row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from handlers.messages import Button, Inbound, Reply

__all__ = [
    "Button",
    "Channel",
    "Inbound",
    "NotAllowed",
    "PermanentSendError",
    "RateLimited",
    "Reply",
    "SendContext",
    "SendResult",
    "TransientSendError",
    "UnreachableUser",
]


class RateLimited(Exception):
    """The provider said "too many requests": wait `retry_after` seconds, then retry."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited, retry after {retry_after}s")
        self.retry_after = retry_after


class TransientSendError(Exception):
    """Network error or 5xx: retry with backoff, up to a limit."""


class UnreachableUser(Exception):
    """The user blocked the bot, deleted the chat, or opted out: stop messaging them."""


class PermanentSendError(Exception):
    """This message can never be sent (bad request, too long...): record it as failed."""


class NotAllowed(Exception):
    """The channel's rules forbid this message now (e.g. WhatsApp's 24-hour window with
    no approved template): record it as skipped with this reason, never send it."""


@dataclass(frozen=True)
class SendContext:
    """What a channel may need to know about a proactive message beyond its text."""

    kind: str  # "reminder", "new_call", "digest", "broadcast", "notice"
    lang: str  # "fr" or "ar": the language the body is written in
    last_inbound_at: datetime | None  # the user's last message to us (WhatsApp's window)
    template_vars: dict[str, str] = field(default_factory=dict)  # for approved templates


@dataclass(frozen=True)
class SendResult:
    provider_id: str | None = None  # the provider's message id, for status callbacks


class Channel(Protocol):
    """A messaging channel as the sender sees it."""

    name: str  # "telegram", "whatsapp", "console"

    async def send(
        self, address: str, replies: list[Reply], context: SendContext | None = None
    ) -> SendResult:
        """Deliver replies to one user; raise one of the errors above on failure.

        `context` is given for proactive messages (from the outbox), None for answers."""
        ...
