"""Shared fixtures: a real SQLite file per test, the demo catalog, a fixed clock, and a
guard that fails any attempt to reach a host other than this machine."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import load_demo
from handlers.clock import FixedClock, parse_now
from handlers.deps import Deps
from handlers.handle import handle
from handlers.messages import Inbound, Reply
from store.db import Database

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
# The examples in ../shared/examples/conversations.md are written for this instant.
DEMO_NOW = "2024-01-03T10:00:00"


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False
    return True  # AF_UNIX paths and the like stay on this machine


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tier 3: any connection beyond loopback fails the test."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded(method):  # type: ignore[no-untyped-def]
        def connect(self: socket.socket, address: object) -> object:
            if not _is_loopback(address):
                raise AssertionError(f"test tried to reach a real host: {address!r}")
            return method(self, address)

        return connect

    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))


class Chat:
    """Drives the core entry point the way a channel would."""

    def __init__(self, deps: Deps, channel: str = "console") -> None:
        self.deps = deps
        self.channel = channel

    async def say(self, text: str, user: str = "u1") -> list[Reply]:
        return await handle(self.deps, Inbound(self.channel, user, text=text))

    async def press(self, payload: str, user: str = "u1") -> list[Reply]:
        return await handle(self.deps, Inbound(self.channel, user, payload=payload))

    async def text(self, text: str, user: str = "u1") -> str:
        """All reply texts of one message, joined."""
        return "\n".join(r.text for r in await self.say(text, user))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(parse_now(DEMO_NOW))


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "forsa.db")
    yield database
    await database.close()


@pytest.fixture
async def deps(db: Database, clock: FixedClock) -> Deps:
    await load_demo(db, clock)
    return Deps(db=db, clock=clock)


@pytest.fixture
def chat(deps: Deps) -> Chat:
    return Chat(deps)
