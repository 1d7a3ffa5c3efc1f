"""What a channel is: it turns provider events into Inbound and renders Replies.

The message shapes themselves live in handlers.messages, because the core returns them.
"""

from __future__ import annotations

from handlers.messages import Button, Inbound, Reply

__all__ = ["Button", "Inbound", "Reply"]
