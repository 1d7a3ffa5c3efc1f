"""Who is staff, the audit trail, the answer everyone else gets, and the team commands.

Staff are named in the settings (`Deps.staff_seed`: FORSA_STAFF_TELEGRAM,
FORSA_STAFF_WHATSAPP, `chat --staff`) or added in chat by an admin (the `staff` table).
A staff command from anyone else gets exactly the answer an unknown message gets, so
the commands' existence is not revealed, and the attempt is audited.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from typing import Any

from handlers import smalltalk
from handlers.conversation import Turn
from handlers.messages import Reply
from store import staff as staff_store

log = logging.getLogger(__name__)

# Where staff flows keep their conversation state (publishing drafts, confirmations).
STATE_KEY = "staff"
CHANNELS = ("telegram", "whatsapp", "console")
_ADDRESS = {
    "telegram": re.compile(r"[1-9][0-9]{2,19}"),  # a private chat id
    "whatsapp": re.compile(r"\+[1-9][0-9]{6,14}"),  # E.164
    "console": re.compile(r"[\w.@-]{1,64}"),
}


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"


ROLES = frozenset(str(r) for r in Role)


async def staff_role(turn: Turn) -> str | None:
    """ "admin" or "editor" for staff, None for everyone else. Settings win over the table."""
    key = (turn.contact.channel, turn.contact.address)
    seeded = turn.deps.staff_seed.get(key)
    if seeded:
        return seeded
    return await staff_store.role_of(turn.deps.db, *key)


async def audit(turn: Turn, command: str, allowed: bool, detail: str = "") -> None:
    """Record a staff command (allowed or refused) by contact id, never by address."""
    role = await staff_role(turn)
    await staff_store.audit(
        turn.deps.db,
        contact_id=turn.contact.id,
        channel=turn.contact.channel,
        role=role,
        command=command[:64],
        allowed=allowed,
        detail=detail[:500],
        now=turn.now,
    )
    log.info(
        "staff command %s by contact %d (%s): %s",
        command[:64],
        turn.contact.id,
        role or "not staff",
        "allowed" if allowed else "refused",
    )


def neutral_refusal(turn: Turn) -> Reply:
    """What a non-staff user gets for a staff command: the off-topic answer, word for word."""
    return smalltalk.off_topic(turn)


def staff_state(turn: Turn) -> dict[str, Any]:
    """The staff flows' part of the conversation state (created when missing)."""
    value = turn.state.get(STATE_KEY)
    if not isinstance(value, dict):
        value = turn.state[STATE_KEY] = {}
    return value


def masked(address: str) -> str:
    """An address for the audit trail: its last three characters only."""
    return f"…{address[-3:]}"


# --- the team, managed by admins ---------------------------------------------------------


async def list_team(turn: Turn, args: str) -> Reply:
    """`/staff`: everyone on the team, settings first; `/staff ajouter|retirer ...` too."""
    verb, _, rest = args.strip().partition(" ")
    if verb.lower() in ("ajouter", "add"):
        return await add_member(turn, rest)
    if verb.lower() in ("retirer", "remove"):
        return await remove_member(turn, rest)
    members = [(ch, addr, role, True) for (ch, addr), role in turn.deps.staff_seed.items()]
    members += [
        (m.channel, m.address, m.role, False)
        for m in await staff_store.list_staff(turn.deps.db)
        if (m.channel, m.address) not in turn.deps.staff_seed
    ]
    lines = [turn.t("staff_list_head", count=len(members))]
    for channel, address, role, seeded in members:
        origin = turn.t("staff_origin_settings") if seeded else ""
        role_name = turn.t(f"staff_role_{role}")
        lines.append(
            turn.t(
                "staff_list_item", channel=channel, address=address, role=role_name, origin=origin
            )
        )
    lines.append(turn.t("staff_commands"))
    await audit(turn, "/staff", True, "list")
    return Reply("\n".join(lines))


async def add_member(turn: Turn, args: str) -> Reply:
    """`/staff_ajouter <channel> <id> <role>`: add someone, or change their role."""
    words = args.split()
    if len(words) != 3 or words[0].lower() not in CHANNELS or words[2].lower() not in ROLES:
        return Reply(turn.t("staff_usage_add"))
    channel, address, role = words[0].lower(), words[1], words[2].lower()
    if not _ADDRESS[channel].fullmatch(address):
        return Reply(turn.t("staff_bad_address", channel=channel, address=address))
    if (channel, address) in turn.deps.staff_seed:
        return Reply(turn.t("staff_from_settings", channel=channel, address=address))
    if role != Role.ADMIN and await _last_admin(turn, channel, address):
        return Reply(turn.t("staff_last_admin"))
    await staff_store.add_staff(turn.deps.db, channel, address, role, turn.contact.id, turn.now)
    await audit(turn, "staff_add", True, f"{channel} {masked(address)} {role}")
    role_name = turn.t(f"staff_role_{role}")
    return Reply(turn.t("staff_added", channel=channel, address=address, role=role_name))


async def remove_member(turn: Turn, args: str) -> Reply:
    """`/staff_retirer <channel> <id>`: never someone from the settings, never the last
    admin."""
    words = args.split()
    if len(words) != 2 or words[0].lower() not in CHANNELS:
        return Reply(turn.t("staff_usage_remove"))
    channel, address = words[0].lower(), words[1]
    if (channel, address) in turn.deps.staff_seed:
        return Reply(turn.t("staff_from_settings", channel=channel, address=address))
    if await staff_store.role_of(turn.deps.db, channel, address) is None:
        return Reply(turn.t("staff_not_member", channel=channel, address=address))
    if await _last_admin(turn, channel, address):
        return Reply(turn.t("staff_last_admin"))
    await staff_store.remove_staff(turn.deps.db, channel, address)
    await audit(turn, "staff_remove", True, f"{channel} {masked(address)}")
    return Reply(turn.t("staff_removed", channel=channel, address=address))


async def _last_admin(turn: Turn, channel: str, address: str) -> bool:
    """True when (channel, address) is the only admin left: losing it would lock the team
    out of its own management."""
    if any(role == Role.ADMIN for role in turn.deps.staff_seed.values()):
        return False
    if await staff_store.role_of(turn.deps.db, channel, address) != Role.ADMIN:
        return False
    return await staff_store.admins_in_table(turn.deps.db) <= 1
