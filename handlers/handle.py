"""The one entry point every channel calls: `await handle(deps, inbound) -> [Reply]`.

Load the contact and its state, settle the reply language, understand the message,
route it to one answer module, save the state. Nothing here knows about Telegram,
WhatsApp or the terminal.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from handlers import buttons, routes
from handlers.conversation import Turn
from handlers.deps import Deps
from handlers.messages import Inbound, Reply
from handlers.texts import t
from handlers.understand.intents import Cues
from handlers.understand.language import detect_language
from store.contacts import ContactStatus, get_or_create_contact, set_language, set_status
from store.conversations import load_state, save_state

log = logging.getLogger(__name__)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


async def handle(deps: Deps, inbound: Inbound) -> list[Reply]:
    """Answer one incoming message; never raises, whatever the input."""
    async with deps.locks.hold(inbound.channel, inbound.address):
        try:
            return await _handle(deps, inbound)
        except Exception:
            # The user gets a plain apology, the log gets the traceback (without the
            # address: personal data stays out of logs).
            log.exception("failed to answer a %s message", inbound.channel)
            return [Reply(f"{t('fr', 'error')}\n{t('ar', 'error')}")]


def clean_text(text: str | None, limit: int) -> tuple[str, bool]:
    """NFC, no control or bidi-override characters, at most `limit` characters."""
    if not text:
        return "", False
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return text[:limit], len(text) > limit


async def _handle(deps: Deps, inbound: Inbound) -> list[Reply]:
    now = deps.clock.now()
    contact = await get_or_create_contact(deps.db, inbound.channel, inbound.address, now)
    if contact.status == ContactStatus.BLOCKED:
        # A message from someone the channel said was unreachable: they unblocked us.
        await set_status(deps.db, contact.id, ContactStatus.ACTIVE, None, now)
    state = await load_state(deps.db, contact.id)
    text, cut = clean_text(inbound.text, deps.max_text_chars)
    remembered = contact.lang or deps.default_lang
    turn = Turn(deps, contact, state, now, _reply_language(text, remembered, state, inbound))
    turn.text, turn.cues = text, Cues.of(text)
    turn.attachment = inbound.attachment
    if inbound.payload is not None:
        replies = await buttons.on_button(turn, inbound.payload)
    else:
        replies = await routes.on_text(turn)
        if cut:
            replies.insert(0, Reply(turn.t("too_long")))
    if turn.forgotten:
        return replies  # the contact row and everything hanging from it are gone
    if turn.lang != contact.lang:
        await set_language(deps.db, contact.id, turn.lang)
    await save_state(deps.db, contact.id, turn.state, now)
    return replies


def _reply_language(text: str, remembered: str, state: dict[str, object], inbound: Inbound) -> str:
    fixed = state.get("lang_fixed")
    if isinstance(fixed, str):
        return fixed
    if inbound.payload is not None or not text:
        return remembered
    return detect_language(text, remembered)
