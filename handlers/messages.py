"""The shapes every channel speaks: one incoming message in, replies out."""

from __future__ import annotations

from dataclasses import dataclass, field

# Telegram's callback_data holds at most 64 bytes; every payload we make must fit.
MAX_PAYLOAD_BYTES = 64


@dataclass(frozen=True)
class Button:
    label: str
    payload: str


@dataclass(frozen=True)
class Image:
    """A picture to send with a reply (a staff chart): PNG bytes and a file name."""

    data: bytes
    name: str = "chart.png"


@dataclass
class Reply:
    text: str
    buttons: list[Button] = field(default_factory=list)
    image: Image | None = None
    # The same question with updated choices (a ticked region): channels that can edit
    # the message whose button was pressed do so instead of sending a new one.
    replaces_pressed: bool = False
    # What the reply answers ("deadline", "list_open", "off_topic"…) and about which call:
    # set by the router, read by `nlu eval --conversations` (channels ignore it).
    about: str | None = None
    about_call: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "buttons": [{"label": b.label, "payload": b.payload} for b in self.buttons],
        }


@dataclass(frozen=True)
class Attachment:
    """A file the user sent (a terms-of-reference PDF forwarded by staff)."""

    name: str  # the file name as sent, e.g. "TDR_consultant.pdf"
    data: bytes


@dataclass(frozen=True)
class Inbound:
    """One user event: typed text, a pressed button's payload, or a file."""

    channel: str  # "console", "telegram", "whatsapp"
    address: str  # the user's id on that channel
    text: str | None = None
    payload: str | None = None
    attachment: Attachment | None = None
