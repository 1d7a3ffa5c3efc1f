"""What a channel is: it turns provider events into Inbound, renders Replies, and sends
proactive messages for the outbox sender.

The message shapes themselves live in handlers.messages, because the core returns them.
A channel's `send` raises one of the errors below so that the sender can treat every
provider alike: wait and retry, retry later, give up on the user, or give up on the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from handlers.messages import Button, Inbound, Reply

__all__ = [
    "Button",
    "Channel",
    "Inbound",
    "PermanentSendError",
    "RateLimited",
    "Reply",
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


@dataclass(frozen=True)
class SendResult:
    provider_id: str | None = None  # the provider's message id, for status callbacks


class Channel(Protocol):
    """A messaging channel as the sender sees it."""

    name: str  # "telegram", "whatsapp", "console"

    async def send(self, address: str, replies: list[Reply]) -> SendResult:
        """Deliver replies to one user; raise one of the errors above on failure."""
        ...
