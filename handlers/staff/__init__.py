"""Staff tools: publish, close, extend and withdraw calls; broadcast; statistics; the team.

The router below is the only way in. `routes.on_text` asks it first about every typed
message and `buttons` hands it every "staff:..." payload. For anyone who is not staff a
staff command gets the off-topic answer and a staff button the "no longer valid" one —
exactly what an unknown command or payload gets — and the attempt goes to the audit
trail. A document from a non-staff user gets the usual "no text" answer.

Ordinary messages cost nothing here: no store access unless the text starts with a
command, carries a file, or the user is in the middle of a staff flow.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from handlers import smalltalk
from handlers.conversation import Turn
from handlers.messages import Reply
from handlers.staff import access, broadcast, calls, publish, stats

Action = Callable[[Turn, str], Awaitable[Reply]]
ButtonAction = Callable[[Turn, str], Awaitable[Reply | None]]


@dataclass(frozen=True)
class Command:
    name: str  # as written to the audit trail
    run: Action
    aliases: tuple[str, ...]  # lowercase first words, "/" included where typed
    admin_only: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("/publier", publish.on_command, ("/publier", "/publish", "/نشر")),
    Command("/fermer", calls.close_command, ("/fermer", "/close", "/اغلاق", "/إغلاق")),
    Command("/prolonger", calls.extend_command, ("/prolonger", "/extend", "/تمديد")),
    Command("/retirer", calls.withdraw_command, ("/retirer", "/withdraw", "/سحب")),
    Command("/diffuser", broadcast.on_command, ("/diffuser", "/broadcast", "بث", "/بث")),
    Command(
        "/stats",
        stats.on_command,
        ("/stats", "/statistiques", "إحصائيات", "احصائيات", "/إحصائيات"),
    ),
    Command("/staff", access.list_team, ("/staff", "/equipe", "/équipe"), admin_only=True),
    Command(
        "/staff_ajouter", access.add_member, ("/staff_ajouter", "/staff_add"), admin_only=True
    ),
    Command(
        "/staff_retirer",
        access.remove_member,
        ("/staff_retirer", "/staff_remove"),
        admin_only=True,
    ),
)
_BY_ALIAS = {alias: command for command in COMMANDS for alias in command.aliases}


def parse_command(text: str) -> tuple[Command | None, str]:
    """The staff command a message starts with, and the rest of the message."""
    first, _, rest = text.strip().partition(" ")
    if "\n" in first:  # "/publier\n<pasted text>"
        first, _, more = first.partition("\n")
        rest = f"{more} {rest}".strip()
    return _BY_ALIAS.get(first.lower()), rest.strip()


async def on_text(turn: Turn) -> list[Reply] | None:
    """Answer a staff command, a staff document or a step of a staff flow; None to let
    the core answer."""
    if turn.attachment is not None:
        return [await _document(turn)]
    command, args = parse_command(turn.text)
    if command is not None:
        replies = [await _run(turn, command, args)]
    else:
        reply = await broadcast.on_text(turn) or await _publish_flow(turn)
        _tidy(turn)
        return [reply] if reply else None
    _tidy(turn)
    return replies


async def on_button(turn: Turn, rest: str) -> Reply | None:
    """A "staff:<kind>:<rest>" payload; None (the generic answer) for non-staff."""
    kind, _, value = rest.partition(":")
    if await access.staff_role(turn) is None:
        await access.audit(turn, f"staff:{kind}"[:64], False)
        return None
    handler = _BUTTONS.get(kind)
    reply = await handler(turn, value) if handler else None
    _tidy(turn)
    return reply


async def _run(turn: Turn, command: Command, args: str) -> Reply:
    role = await access.staff_role(turn)
    if role is None:
        await access.audit(turn, command.name, False)
        return access.neutral_refusal(turn)
    if command.admin_only and role != access.Role.ADMIN:
        await access.audit(turn, command.name, False, "admins only")
        return Reply(turn.t("staff_admin_only"))
    return await command.run(turn, args)


async def _document(turn: Turn) -> Reply:
    """Staff publish by sending the file; anyone else gets the usual "no text" answer."""
    assert turn.attachment is not None
    if await access.staff_role(turn) is None:
        await access.audit(turn, "document", False)
        return smalltalk.empty(turn)
    return await publish.on_document(turn, turn.attachment)


async def _publish_flow(turn: Turn) -> Reply | None:
    """Typed text in the middle of publishing (a correction, a field's new value)."""
    if access.STATE_KEY not in turn.state:
        return None
    if await access.staff_role(turn) is None:
        turn.state.pop(access.STATE_KEY, None)  # removed from the team meanwhile
        return None
    return await publish.on_text(turn)


def _tidy(turn: Turn) -> None:
    """Drop an empty staff state, so that the next message skips the staff checks."""
    if turn.state.get(access.STATE_KEY) == {}:
        turn.state.pop(access.STATE_KEY)


def _call_action(action: str) -> ButtonAction:
    async def run(turn: Turn, _value: str) -> Reply | None:
        return await calls.on_button(turn, action)

    return run


_BUTTONS: dict[str, ButtonAction] = {
    "pub": publish.on_button,
    "close": _call_action("close"),
    "withdraw": _call_action("withdraw"),
    "keep": _call_action("keep"),
    "bc": broadcast.on_button,
    "st": stats.on_button,
    "stats": stats.on_button,
}
