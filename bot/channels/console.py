"""The console channel: a terminal conversation, or JSON lines for scripts."""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from handlers.deps import Deps
from handlers.handle import handle
from handlers.messages import Attachment, Image, Inbound, Reply
from store.ingest.read import MAX_BYTES

CHANNEL = "console"


async def _read_line(stream: TextIO) -> str | None:
    line = await asyncio.to_thread(stream.readline)
    return line if line else None


def parse_jsonl(line: str) -> tuple[str | None, Inbound | None, str | None]:
    """(user, inbound, error) for one input line of `chat --jsonl`."""
    try:
        data: Any = json.loads(line)
    except ValueError as exc:
        return None, None, f"invalid JSON: {exc.msg}"
    if not isinstance(data, dict) or "user" not in data:
        return None, None, 'expected an object with "user" and "text", "button" or "file"'
    user = data["user"]
    if not isinstance(user, str | int) or isinstance(user, bool) or str(user) == "":
        return None, None, '"user" must be a non-empty string or a number'
    text, button, file = data.get("text"), data.get("button"), data.get("file")
    if isinstance(button, str):
        return str(user), Inbound(CHANNEL, str(user), payload=button), None
    if isinstance(file, str):
        attachment, error = read_attachment(file)
        caption = text if isinstance(text, str) else None
        inbound = Inbound(CHANNEL, str(user), caption, attachment=attachment)
        return str(user), (inbound if attachment else None), error
    if isinstance(text, str):
        return str(user), Inbound(CHANNEL, str(user), text=text), None
    return str(user), None, 'expected "text", "button" or "file" as a string'


def read_attachment(path: str) -> tuple[Attachment | None, str | None]:
    """A file sent as a chat channel would: its name and bytes, as for a Telegram
    document (a file over the size limit arrives empty, as it is not downloaded)."""
    file = Path(path)
    try:
        size = file.stat().st_size
        data = file.read_bytes() if size <= MAX_BYTES else b""
    except OSError as exc:
        return None, f"cannot read {path!r}: {exc.strerror or exc}"
    return Attachment(file.name, data), None


async def run_jsonl(deps: Deps, stdin: TextIO, stdout: TextIO) -> int:
    """One output line per input line, in order. Returns how many lines were answered."""
    count = 0
    while (line := await _read_line(stdin)) is not None:
        if not line.strip():
            continue
        user, inbound, error = parse_jsonl(line)
        if inbound is None:
            out: dict[str, Any] = {"user": user, "replies": [], "error": error}
        else:
            replies = await handle(deps, inbound)
            out = {"user": user, "replies": [r.to_json() for r in replies]}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
        count += 1
    return count


def render(replies: list[Reply]) -> str:
    lines: list[str] = []
    number = 0
    for reply in replies:
        if reply.image is not None:
            lines.append(f"[image: {_save_image(reply.image)}]")
        lines.append(reply.text)
        for button in reply.buttons:
            number += 1
            lines.append(f"  [{number}] {button.label}")
    return "\n".join(lines)


def _save_image(image: Image) -> str:
    """A terminal shows no pictures: write the PNG to a temporary file and name it."""
    with tempfile.NamedTemporaryFile(
        prefix="forsa-", suffix=f"-{image.name}", delete=False
    ) as handle:
        handle.write(image.data)
    return handle.name


def demo_clock_banner(now: datetime) -> str:
    """What the demo console says about its clock, in both languages."""
    shown = now.strftime("%d/%m/%Y %H:%M")
    return (
        f"Horloge de démonstration : {shown} (heure de Casablanca) — les appels de démo ALCI"
        " et OMP sont ouverts à cette date. --now AAAA-MM-JJTHH:MM pour une autre date.\n"
        f"ساعة العرض التجريبي: {shown} — طلبا ALCI و OMP مفتوحان في هذا التاريخ."
    )


async def run_interactive(deps: Deps, user: str, stdin: TextIO = sys.stdin) -> None:
    """A terminal conversation; type a button's number to press it, Ctrl-D to quit."""
    print("Forsa — console. Ctrl-D pour quitter / للخروج.")
    buttons: list[str] = []
    while True:
        print("> ", end="", flush=True)
        line = await _read_line(stdin)
        if line is None:
            print()
            return
        text = line.rstrip("\n")
        if text.strip().isdigit() and 0 < int(text) <= len(buttons):
            inbound = Inbound(CHANNEL, user, payload=buttons[int(text) - 1])
        else:
            inbound = Inbound(CHANNEL, user, text=text)
        replies = await handle(deps, inbound)
        buttons = [b.payload for r in replies for b in r.buttons]
        print(render(replies))
