"""Bad input never crashes a conversation, and the store comes out unharmed."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.app import load_demo
from handlers.clock import FixedClock, parse_now
from handlers.deps import Deps
from handlers.handle import handle
from handlers.messages import Inbound, Reply
from store import calls as call_store
from store.db import Database
from tests.conftest import Chat

NASTY_TEXTS = [
    "",
    "   \n\t ",
    "a" * 10_000,
    "date limite ? " * 900,
    "\x00\x01\x02\x1b[31m hello \x7f",
    "'; DROP TABLE calls; --",
    'Robert"); DELETE FROM contacts WHERE ("1"="1',
    '"ALCI" OR 1=1 NEAR( * ) ^ {col}:x',
    "😀😀😀🎉",
    "؟؟؟",
    "\u202eevil bidi\u202c",
    "ـــــــ",
    "/start ../../etc/passwd",
    "/start " + "x" * 500,
    "0" * 64,
]


def _check(replies: list[Reply]) -> None:
    assert replies, "every message gets at least one reply"
    for reply in replies:
        assert isinstance(reply.text, str) and reply.text.strip()
        assert "Traceback" not in reply.text
        for button in reply.buttons:
            assert len(button.payload.encode()) <= 64


async def _store_is_intact(db: Database) -> None:
    assert len(await call_store.all_calls(db)) == 5
    row = await db.fetchone("PRAGMA integrity_check")
    assert row is not None and row[0] == "ok"


async def test_nasty_texts_get_sensible_replies(chat: Chat) -> None:
    for text in NASTY_TEXTS:
        _check(await chat.say(text))
    await _store_is_intact(chat.deps.db)


async def test_very_long_text_is_cut_and_said_so(chat: Chat) -> None:
    text = await chat.text("Enabel " + "x" * 9_000)
    assert "très long" in text


async def test_nasty_payloads(chat: Chat) -> None:
    for payload in [
        "",
        ":",
        "call:",
        "ask::",
        "elig:degree:abc",
        "lang:xx",
        "x" * 5000,
        "call:' OR 1=1 --",
        "elig:status:1",
        "ask:nothing:alci",
    ]:
        _check(await chat.press(payload))
    await _store_is_intact(chat.deps.db)


async def test_a_damaged_state_row_does_not_lock_the_user_out(chat: Chat) -> None:
    await chat.say("Enabel")
    await chat.deps.db.execute("UPDATE conversations SET state = 'not json{'")
    _check(await chat.say("et la date limite ?"))
    await chat.deps.db.execute("UPDATE conversations SET state = '[1, 2]'")
    _check(await chat.say("ALCI"))


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[asyncio.Runner, Deps]]:
    """One event loop and one store for every generated example (fast, and state
    accumulates across examples the way it does in real use)."""
    with asyncio.Runner() as runner:
        clock = FixedClock(parse_now("2024-01-03T10:00"))
        db = runner.run(Database.open(tmp_path_factory.mktemp("hyp") / "forsa.db"))
        runner.run(load_demo(db, clock))
        yield runner, Deps(db=db, clock=clock)
        runner.run(_store_is_intact(db))
        runner.run(db.close())


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=400), user=st.sampled_from(["a", "b", "c"]))
def test_any_unicode_text_gets_a_reply(
    live: tuple[asyncio.Runner, Deps], text: str, user: str
) -> None:
    runner, deps = live
    _check(runner.run(handle(deps, Inbound("console", user, text=text))))


@settings(max_examples=150, deadline=None)
@given(
    payload=st.text(max_size=80)
    | st.from_regex(r"(call|ask|elig|lang|list|menu):[a-z:0-9-]{0,40}")
)
def test_any_payload_gets_a_reply(live: tuple[asyncio.Runner, Deps], payload: str) -> None:
    runner, deps = live
    _check(runner.run(handle(deps, Inbound("console", "p", payload=payload))))


async def test_state_survives_a_restart(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "restart.db"
    db = await Database.open(path)
    await load_demo(db, clock)
    await handle(Deps(db=db, clock=clock), Inbound("console", "r", text="بالعربية عافاك"))
    await handle(Deps(db=db, clock=clock), Inbound("console", "r", text="Enabel"))
    await db.close()

    db = await Database.open(path)  # a new process would do exactly this
    replies = await handle(
        Deps(db=db, clock=clock), Inbound("console", "r", text="et la date limite ?")
    )
    await db.close()
    assert "17 يوليوز 2022" in replies[0].text


async def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    for _ in range(2):
        db = await Database.open(path)
        await db.close()
    with sqlite3.connect(path) as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert versions == sorted(set(versions)) and versions[0] == 1
    assert mode == "wal"
