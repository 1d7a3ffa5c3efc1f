"""The one clock. Everything that needs "now" asks a Clock, so tests and --now agree."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

CASABLANCA = ZoneInfo("Africa/Casablanca")


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware datetime in Africa/Casablanca."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(CASABLANCA)


class StartedClock:
    """Starts at a given instant and then runs on at wall-clock speed (`--now`)."""

    def __init__(self, start: datetime) -> None:
        self._start = start.astimezone(CASABLANCA)
        self._origin = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._origin)


class FixedClock:
    """Stands still until told to move: for tests and benchmarks."""

    def __init__(self, start: datetime) -> None:
        self._now = start.astimezone(CASABLANCA)

    def now(self) -> datetime:
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when.astimezone(CASABLANCA)

    def advance(self, delta: timedelta) -> None:
        self._now += delta


def parse_now(value: str) -> datetime:
    """An ISO 8601 instant; without an offset it is read as Casablanca local time."""
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=CASABLANCA)
    return parsed.astimezone(CASABLANCA)
