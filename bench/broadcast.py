"""Broadcast capacity: enqueueing for 100,000 subscribers, Telegram's 30/s, sender capacity.

Three figures in one run, each on a fresh SQLite file, clock fixed at 2024-01-03 10:00
Casablanca (outside quiet hours):

1. enqueue: 100,000 contacts with subscriptions spread over regions, themes and
   frequencies; one new call is published and `store.outbox.announce` (one INSERT ...
   SELECT that picks the recipients in SQL) enqueues its alert. Seconds, rows, peak RSS.
   The row count is checked against `store.subscriptions.subscription_matches`, the
   same rule in Python.
2. telegram: 3,000 Telegram subscribers (300 with --quick), drained by the product's
   `Sender` through the product's `TelegramChannel` to the fake Bot API of
   tests/fakes/telegram_api.py, which enforces Telegram's 30 messages per rolling second
   and answers 429 retry_after=1 above it. Achieved rate as a fraction of 30/s (sends
   delivered / seconds from Sender.run's start to the last delivery / 30: the first
   second's burst of 30 adds ~1% at 3,000 messages, ~10% with --quick), 429s, duplicates
   and losses. --in-flight and --rtt-ms (a simulated network) show how they interact.
3. capacity: 20,000 rows drained by `Sender` through an in-process channel whose send()
   does nothing, with no rate limit: messages per second of the whole loop, database
   reads and writes included.

    .venv/bin/python bench/broadcast.py [--quick] [--profile] [--only 1,2,3]
        [--in-flight N] [--rtt-ms MS] [--subscribers N] [--rows N]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import dataclasses
import io
import json
import logging
import os
import pstats
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.qa import SqlTimer, machine  # noqa: E402
from bot.app import demo_calls  # noqa: E402
from bot.channels.base import SendResult  # noqa: E402
from bot.channels.telegram import TelegramChannel  # noqa: E402
from bot.sender import DrainReport, Sender, SendRates  # noqa: E402
from handlers.clock import FixedClock, parse_now  # noqa: E402
from handlers.deps import Deps  # noqa: E402
from handlers.messages import Reply  # noqa: E402
from handlers.reminders import ReminderPolicy, alert_bodies  # noqa: E402
from store import outbox  # noqa: E402
from store.calls import save_call  # noqa: E402
from store.db import Database  # noqa: E402
from store.models import THEME_IDS, Call  # noqa: E402
from store.outbox import Message, OutboxKind  # noqa: E402
from store.subscriptions import Frequency, Subscription, subscription_matches  # noqa: E402
from tests.fakes.telegram_api import FakeTelegram  # noqa: E402

NOW = "2024-01-03T10:00:00"  # Africa/Casablanca, a Wednesday morning
ENQUEUE_SUBSCRIBERS = 100_000
TELEGRAM_SUBSCRIBERS = 3_000
QUICK_TELEGRAM_SUBSCRIBERS = 300
CAPACITY_ROWS = 20_000
TELEGRAM_RATE = 30  # messages per second: Telegram's free broadcast limit
TARGET_RATE_FRACTION = 0.9
TARGET_CAPACITY = 1_000.0  # messages per second: Telegram's paid-broadcast rate

REGIONS = (
    "national",
    "rabat-sale-kenitra",
    "casablanca-settat",
    "marrakech-safi",
    "fes-meknes",
    "tanger-tetouan-al-hoceima",
    "oriental",
    "souss-massa",
    "beni-mellal-khenifra",
    "draa-tafilalet",
    "guelmim-oued-noun",
    "laayoune-sakia-el-hamra",
    "dakhla-oued-ed-dahab",
)
REGION_WEIGHTS = (14, 12, 12, 8, 8, 8, 7, 7, 5, 5, 3, 3, 2)  # as bench/catalog.py

# The broadcast call: the OMP demo call, re-published under a new id for eight regions
# and six themes, so that it needs both json_each clauses of match_sql and matches most
# instant subscribers (about 80%: not all, the match is part of the work measured).
CALL_ID = "bench-broadcast-2024"
CALL_REGIONS = [
    "rabat-sale-kenitra",
    "casablanca-settat",
    "marrakech-safi",
    "fes-meknes",
    "tanger-tetouan-al-hoceima",
    "oriental",
    "souss-massa",
    "beni-mellal-khenifra",
]
CALL_THEMES = [
    "citizen-participation",
    "local-governance",
    "human-rights",
    "civil-society-strengthening",
    "women-gender",
    "youth",
]


def broadcast_call() -> Call:
    omp = next(c for c in demo_calls() if c.id == "omp-consultant-gestion-2025")
    return dataclasses.replace(omp, id=CALL_ID, regions=CALL_REGIONS, themes=CALL_THEMES)


def alert_message(call: Call, now: datetime) -> Message:
    """The message `handlers.reminders.announce_new_calls` builds for a new call."""
    deadline = call.deadline_at()
    return Message(
        kind=OutboxKind.NEW_CALL,
        dedupe_prefix=f"new_call:{call.id}",
        bodies=alert_bodies(call, now),
        due_at=now,
        call_id=call.id,
        deadline_utc=outbox.utc(deadline) if deadline else None,
    )


# --- test data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Subscriber:
    channel: str
    address: str
    lang: str | None
    status: str
    subscriptions: tuple[Subscription, ...]


def spread_subscribers(count: int, seed: int) -> Iterator[Subscriber]:
    """A realistic population: several channels and languages, a few stopped or blocked
    contacts, one or two subscriptions each over regions, themes and frequencies.

    Generated lazily (and again for each pass, identically) so that 100,000 of them never
    sit in memory: the peak RSS is then the product's, not the test data's."""
    rng = random.Random(seed)
    for i in range(count):
        channel = "telegram" if rng.random() < 0.85 else "whatsapp"
        address = str(100_000_000 + i) if channel == "telegram" else f"+2126{i:08d}"
        lang = rng.choices(("fr", "ar", None), (45, 45, 10))[0]
        status = rng.choices(("active", "stopped", "blocked"), (97, 2, 1))[0]
        subs = []
        for _ in range(1 if rng.random() < 0.8 else 2):
            regions: tuple[str, ...] = ()
            if rng.random() >= 0.45:  # 45% all of Morocco
                picked = rng.choices(REGIONS[1:], REGION_WEIGHTS[1:], k=rng.randint(1, 2))
                regions = tuple(sorted(set(picked)))
            themes: tuple[str, ...] = ()
            if rng.random() >= 0.4:  # 40% every theme
                themes = tuple(sorted(rng.sample(THEME_IDS, rng.randint(1, 3))))
            frequency = rng.choices(list(Frequency), (75, 18, 7))[0]
            subs.append(Subscription(0, regions, themes, frequency))
        yield Subscriber(channel, address, lang, status, tuple(subs))


def matching_subscribers(count: int, channel: str, rng: random.Random) -> list[Subscriber]:
    """Active instant subscribers of one channel, every one matching the broadcast call
    (by "all of Morocco"/"every theme" or by a shared region and theme)."""
    people = []
    for i in range(count):
        regions = () if rng.random() < 0.5 else (rng.choice(CALL_REGIONS),)
        themes = () if rng.random() < 0.5 else (rng.choice(CALL_THEMES),)
        sub = Subscription(0, regions, themes, Frequency.INSTANT)
        lang = rng.choice(("fr", "ar"))
        people.append(Subscriber(channel, str(200_000_000 + i), lang, "active", (sub,)))
    return people


def expected_recipients(people: Iterable[Subscriber], call: Call) -> int:
    """How many rows announce() should enqueue: the product's in-Python matching rule."""
    return sum(
        p.status == "active"
        and any(
            s.frequency is Frequency.INSTANT and subscription_matches(s, call)
            for s in p.subscriptions
        )
        for p in people
    )


async def insert_subscribers(
    db: Database, people: Callable[[], Iterable[Subscriber]], now: datetime
) -> None:
    """Bulk test-data generation, in one transaction; `people()` is read twice.

    SQL lives in store/, but the store inserts one contact (get_or_create_contact) and one
    subscription (add_subscription) per transaction, which would take minutes for 100,000:
    this raw SQL on the store's own tables is benchmark set-up, not product code."""
    stamp = now.isoformat()
    async with db.transaction() as conn:
        async with conn.execute("SELECT COALESCE(MAX(id), 0) FROM contacts") as cursor:
            row = await cursor.fetchone()
        first = int(row[0]) + 1 if row else 1
        await conn.executemany(
            "INSERT INTO contacts (id, channel, address, lang, created_at, last_seen_at, status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (first + i, p.channel, p.address, p.lang, stamp, stamp, p.status)
                for i, p in enumerate(people())
            ),
        )
        await conn.executemany(
            "INSERT INTO subscriptions (contact_id, regions, themes, frequency, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                (
                    first + i,
                    json.dumps(list(s.regions)),
                    json.dumps(list(s.themes)),
                    str(s.frequency),
                    stamp,
                    stamp,
                )
                for i, p in enumerate(people())
                for s in p.subscriptions
            ),
        )


@asynccontextmanager
async def fresh_db(prefix: str) -> AsyncIterator[tuple[Database, Path]]:
    with tempfile.TemporaryDirectory(prefix=f"forsa-bench-{prefix}-") as tmp:
        path = Path(tmp) / "forsa.db"
        db = await Database.open(path)
        try:
            yield db, path
        finally:
            await db.close()


async def enqueue_alert(db: Database, call: Call, now: datetime) -> int:
    await save_call(db, call, published=True, now=now)
    return await outbox.announce(db, call, alert_message(call, now), now)


def rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- (1) enqueue for 100,000 subscribers -----------------------------------------------------


@dataclass
class EnqueueResult:
    subscribers: int
    subscriptions: int
    instant: int  # active contacts with at least one instant subscription
    setup_s: float
    seconds: float
    rows: int
    expected: int
    rss_before_mb: float
    rss_peak_mb: float
    db_mb: float


async def bench_enqueue(count: int, seed: int) -> EnqueueResult:
    now = parse_now(NOW)
    call = broadcast_call()
    expected = expected_recipients(spread_subscribers(count, seed), call)
    subscriptions = sum(len(p.subscriptions) for p in spread_subscribers(count, seed))
    instant = sum(
        p.status == "active" and any(s.frequency is Frequency.INSTANT for s in p.subscriptions)
        for p in spread_subscribers(count, seed)
    )
    async with fresh_db("enqueue") as (db, path):
        t0 = time.perf_counter()
        await insert_subscribers(db, lambda: spread_subscribers(count, seed), now)
        await save_call(db, call, published=True, now=now)
        setup_s = time.perf_counter() - t0
        rss_before = rss_mb()
        t0 = time.perf_counter()
        rows = await outbox.announce(db, call, alert_message(call, now), now)
        seconds = time.perf_counter() - t0
        rss_peak = rss_mb()
        db_mb = sum(p.stat().st_size for p in path.parent.iterdir()) / 1e6
    return EnqueueResult(
        count,
        subscriptions,
        instant,
        setup_s,
        seconds,
        rows,
        expected,
        rss_before,
        rss_peak,
        db_mb,
    )


# --- (2) 3,000 subscribers through the fake Bot API at 30/s ---------------------------------


class TimedChannel:
    """Passes sends to a channel and notes when each one was delivered (bench-side).

    With `rtt` > 0 each send first waits half of it and, once answered, the other half:
    a simulated network between the bot and Telegram (the fake answers in ~1 ms)."""

    def __init__(self, inner: Any, rtt: float = 0.0) -> None:
        self.inner = inner
        self.name = inner.name
        self.rtt = rtt
        self.delivered: list[float] = []

    async def send(self, address: str, replies: list[Reply], context: Any = None) -> SendResult:
        if self.rtt:
            await asyncio.sleep(self.rtt / 2)
        if context is None:
            result = await self.inner.send(address, replies)
        else:
            result = await self.inner.send(address, replies, context)
        self.delivered.append(time.perf_counter())
        if self.rtt:
            await asyncio.sleep(self.rtt / 2)
        return result


@dataclass
class TelegramResult:
    subscribers: int
    rows: int
    drain_s: float
    first_to_last_s: float
    delivered: int
    rate_429: int
    duplicates: int
    lost_chats: int
    rows_not_sent: int
    max_in_any_second: int
    counts: dict[str, int]
    in_flight: int
    rtt: float

    @property
    def fraction(self) -> float:
        return self.delivered / self.drain_s / TELEGRAM_RATE if self.drain_s else 0.0


async def bench_telegram(count: int, seed: int, in_flight: int, rtt: float) -> TelegramResult:
    clock = FixedClock(parse_now(NOW))
    now = clock.now()
    call = broadcast_call()
    people = matching_subscribers(count, "telegram", random.Random(seed))
    async with fresh_db("telegram") as (db, _), FakeTelegram() as fake:
        await insert_subscribers(db, lambda: people, now)
        rows = await enqueue_alert(db, call, now)
        fake.rate_limit(per_second=TELEGRAM_RATE, per_chat=False)  # one message per chat
        telegram = TelegramChannel(fake.settings(), Deps(db=db, clock=clock))
        await telegram.application.initialize()  # getMe; sending needs no polling
        channel = TimedChannel(telegram, rtt)
        sender = Sender(
            db,
            clock,
            channel,
            SendRates(per_second=TELEGRAM_RATE, per_chat=1, max_in_flight=in_flight),
            ReminderPolicy(),
        )
        stopping = asyncio.Event()
        give_up = time.perf_counter() + 60 + 5 * count / TELEGRAM_RATE
        t0 = time.perf_counter()
        # The product's loop (drain; when rows wait for a rate, look again shortly),
        # stopped once every row has ended.
        running = asyncio.create_task(sender.run(stopping))
        try:
            while (await outbox.status_counts(db)).get("pending"):
                if running.done():
                    running.result()  # raises what stopped it
                    raise RuntimeError("the sender stopped with rows pending")
                if time.perf_counter() > give_up:
                    raise RuntimeError("the outbox did not drain in time")
                await asyncio.sleep(0.1)
            stopping.set()
            await running
            ended = channel.delivered[-1] if channel.delivered else time.perf_counter()
            drain_s = ended - t0
        finally:
            stopping.set()
            if not running.done():
                running.cancel()
            await telegram.application.shutdown()
        counts = await outbox.status_counts(db)
    messages = fake.sent_messages()
    per_chat = Counter(m.chat_id for m in messages)
    addresses = {int(p.address) for p in people}
    times = channel.delivered
    return TelegramResult(
        subscribers=count,
        rows=rows,
        drain_s=drain_s,
        first_to_last_s=times[-1] - times[0] if len(times) > 1 else 0.0,
        delivered=len(messages),
        rate_429=sum(c.status == 429 for c in fake.calls_to("sendMessage")),
        duplicates=sum(n - 1 for n in per_chat.values() if n > 1),
        lost_chats=len(addresses - set(per_chat)),
        rows_not_sent=sum(n for status, n in counts.items() if status != "sent"),
        max_in_any_second=max_in_window(times, 1.0),
        counts=counts,
        in_flight=in_flight,
        rtt=rtt,
    )


def max_in_window(times: list[float], width: float) -> int:
    """The most timestamps in any window of `width` seconds (times sorted)."""
    best, start = 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] >= width:
            start += 1
        best = max(best, end - start + 1)
    return best


# --- (3) sender capacity with a channel that does nothing ------------------------------------


class NullChannel:
    """Accepts everything at once: what is left is the sender's own work."""

    name = "bench"

    async def send(self, address: str, replies: list[Reply], context: Any = None) -> SendResult:
        return SendResult()


@dataclass
class CapacityResult:
    rows: int
    in_flight: int
    seconds: float
    report: DrainReport
    counts: dict[str, int]
    profile: str | None = None
    details: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.report.sent / self.seconds if self.seconds else 0.0


async def bench_capacity(count: int, seed: int, in_flight: int, profile: bool) -> CapacityResult:
    clock = FixedClock(parse_now(NOW))
    now = clock.now()
    call = broadcast_call()
    people = matching_subscribers(count, NullChannel.name, random.Random(seed))
    rates = SendRates(per_second=1e9, per_chat=1e9, max_in_flight=in_flight)
    async with fresh_db("capacity") as (db, _):
        await insert_subscribers(db, lambda: people, now)
        rows = await enqueue_alert(db, call, now)
        sender = Sender(db, clock, NullChannel(), rates, ReminderPolicy())
        t0 = time.perf_counter()
        report = await sender.drain()
        seconds = time.perf_counter() - t0
        counts = await outbox.status_counts(db)
        result = CapacityResult(rows, in_flight, seconds, report, counts)
        if profile:
            result.profile = await profile_capacity(db, clock, call, rates, count, seed)
    return result


async def profile_capacity(
    db: Database, clock: FixedClock, call: Call, rates: SendRates, count: int, seed: int
) -> str:
    """A second batch of rows (a second call) drained under cProfile, with SQL timings."""
    now = clock.now()
    second = dataclasses.replace(call, id=f"{CALL_ID}-profile")
    await enqueue_alert(db, second, now)
    timer = SqlTimer(db)
    sender = Sender(db, clock, NullChannel(), rates, ReminderPolicy())
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    report = await sender.drain()
    profiler.disable()
    seconds = time.perf_counter() - t0
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(18)
    by_tottime = out.getvalue()
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("cumulative").print_stats(r"sender|outbox|calls\.py|models|db\.py")
    return "\n".join(
        [
            f"## (3) under cProfile: {report.sent:,} rows in {seconds:.2f} s"
            f" ({report.sent / seconds:,.0f} msg/s with the profiler on)",
            "SQL runs on aiosqlite's worker thread: the main thread sees it as waiting.",
            "",
            f"### Database calls (wall time, awaited; {rates.max_in_flight} in flight share one"
            " connection)",
            timer.report(),
            "",
            "### Main thread, by own time",
            _trim(by_tottime),
            "",
            "### Main thread, product functions by cumulative time",
            _trim(out.getvalue()),
        ]
    )


def _trim(text: str) -> str:
    lines = text.strip().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return "\n".join(lines[start:])


# --- output ---------------------------------------------------------------------------------


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load average n/a"
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def verdict(ok: bool) -> str:
    return "yes" if ok else "NO"


def table(enq: EnqueueResult | None, tg: TelegramResult | None, cap: CapacityResult | None) -> str:
    lines = [
        "| figure | measured | target | met |",
        "|:-------|:---------|:-------|:---:|",
    ]
    if enq is not None:
        lines.append(
            f"| (1) enqueue one alert for {enq.subscribers:,} subscribers"
            f" (`outbox.announce`) | {enq.seconds:.2f} s, {enq.rows:,} rows,"
            f" peak RSS {enq.rss_peak_mb:.0f} MB | — | — |"
        )
    if tg is not None:
        clean = tg.rate_429 == 0 and tg.duplicates == 0 and tg.lost_chats + tg.rows_not_sent == 0
        lines.append(
            f"| (2) {tg.subscribers:,} subscribers via fake Bot API ({tg.in_flight} in flight"
            f"{f', RTT {tg.rtt * 1e3:.0f} ms' if tg.rtt else ''}), rate / 30 msg/s"
            f" | {tg.fraction:.3f} ({tg.delivered:,} in {tg.drain_s:.1f} s)"
            f" | ≥ {TARGET_RATE_FRACTION} | {verdict(tg.fraction >= TARGET_RATE_FRACTION)} |"
        )
        lines.append(
            f"| (2) 429s / duplicates / losses | {tg.rate_429} / {tg.duplicates} /"
            f" {tg.lost_chats + tg.rows_not_sent} | 0 / 0 / 0 | {verdict(clean)} |"
        )
    if cap is not None:
        lines.append(
            f"| (3) sender capacity, channel that does nothing | {cap.rate:,.0f} msg/s"
            f" ({cap.report.sent:,} in {cap.seconds:.2f} s) | ≫ {TARGET_CAPACITY:,.0f} msg/s"
            f" | {verdict(cap.rate >= TARGET_CAPACITY)} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_TELEGRAM_SUBSCRIBERS} Telegram subscribers instead of"
        f" {TELEGRAM_SUBSCRIBERS:,} (~10 s instead of ~100 s)",
    )
    parser.add_argument("--subscribers", type=int, default=ENQUEUE_SUBSCRIBERS, help="for (1)")
    parser.add_argument("--rows", type=int, default=CAPACITY_ROWS, help="for (3)")
    parser.add_argument(
        "--only",
        default="1,2,3",
        type=lambda s: {int(x) for x in s.split(",") if x.strip()},
        help="which figures, comma-separated (default 1,2,3)",
    )
    parser.add_argument(
        "--in-flight",
        type=int,
        default=SendRates().max_in_flight,
        help="requests at once in (2) (default: the product's, %(default)s)",
    )
    parser.add_argument(
        "--rtt-ms",
        type=float,
        default=0.0,
        help="simulated network round trip added to each send in (2) (default 0)",
    )
    parser.add_argument(
        "--capacity-in-flight", type=int, default=8, help="requests at once in (3) (default 8)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--profile", action="store_true", help="cProfile a second drain of (3), with SQL times"
    )
    return parser.parse_args(argv)


async def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    started = time.perf_counter()
    print(f"machine: {machine()}")
    print(f"at start: {load_average()}; clock {NOW} Africa/Casablanca", flush=True)
    enq = tg = cap = None
    if 1 in args.only:
        enq = await bench_enqueue(args.subscribers, args.seed)
        print(
            f"(1) {enq.subscribers:,} contacts, {enq.subscriptions:,} subscriptions inserted in"
            f" {enq.setup_s:.1f} s (set-up, not the figure; db {enq.db_mb:.0f} MB after);"
            f" announce enqueued {enq.rows:,} rows in {enq.seconds:.2f} s (for"
            f" {enq.instant:,} active instant subscribers; subscription_matches expects"
            f" {enq.expected:,}: {'same' if enq.rows == enq.expected else 'DIFFERENT'});"
            f" peak RSS {enq.rss_before_mb:.0f} MB before, {enq.rss_peak_mb:.0f} MB after",
            flush=True,
        )
    if 2 in args.only:
        count = QUICK_TELEGRAM_SUBSCRIBERS if args.quick else TELEGRAM_SUBSCRIBERS
        tg = await bench_telegram(count, args.seed, args.in_flight, args.rtt_ms / 1e3)
        print(
            f"(2) {tg.rows:,} rows, {tg.in_flight} in flight, simulated RTT"
            f" {tg.rtt * 1e3:.0f} ms; Sender.run start to last delivery {tg.drain_s:.1f} s"
            f" (first to last delivery {tg.first_to_last_s:.1f} s); outbox {tg.counts};"
            f" 429s {tg.rate_429}; most deliveries in any rolling second (seen by the"
            f" sender) {tg.max_in_any_second}",
            flush=True,
        )
    if 3 in args.only:
        cap = await bench_capacity(args.rows, args.seed, args.capacity_in_flight, args.profile)
        print(
            f"(3) {cap.rows:,} rows, {cap.in_flight} in flight, drained in {cap.seconds:.2f} s:"
            f" {cap.rate:,.0f} msg/s; outbox {cap.counts}",
            flush=True,
        )
    print()
    print(table(enq, tg, cap))
    print()
    print(f"at end: {load_average()}; whole run {time.perf_counter() - started:.0f} s")
    if cap is not None and cap.profile:
        print()
        print(cap.profile)


if __name__ == "__main__":
    asyncio.run(main())
