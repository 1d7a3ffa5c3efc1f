"""`python -m bot run`: every configured channel, the HTTP server, the planner and one
sender per channel, until SIGTERM or SIGINT; then the message in flight is finished and
everything closes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_SUBMITTED,
    JobEvent,
)
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.channels.base import Channel
from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import WhatsAppChannel
from bot.config import Settings
from bot.http import build_app, start_http
from bot.scheduler import build_scheduler
from bot.sender import Sender, SendRates
from handlers.deps import Deps

log = logging.getLogger(__name__)

PLANNER_GRACE_S = 10.0  # how long a stop waits for a planner pass under way

NO_CHANNEL = (
    "No channel is configured: set TELEGRAM_BOT_TOKEN for Telegram, or TWILIO_ACCOUNT_SID,\n"
    "TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_FROM and FORSA_PUBLIC_URL for WhatsApp.\n"
    "Try the console: python -m bot chat --demo"
)


def _stop_on_signals(stopping: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)


async def run_bot(settings: Settings, deps: Deps, stopping: asyncio.Event | None = None) -> int:
    """Run until `stopping` is set (by a signal, or by a test)."""
    if not (settings.telegram.enabled or settings.twilio.enabled):
        print(NO_CHANNEL, file=sys.stderr)
        return 1
    stopping = stopping or asyncio.Event()
    _stop_on_signals(stopping)
    async with contextlib.AsyncExitStack() as stack:  # closes in reverse: http, then the channels
        telegram = await _start_telegram(settings, deps, stack)
        whatsapp = await _start_whatsapp(settings, deps, stack)
        http = await start_http(
            build_app(telegram, whatsapp), settings.http_host, settings.http_port
        )
        stack.push_async_callback(http.cleanup)
        channels: list[Channel] = [c for c in (telegram, whatsapp) if c is not None]
        await _send_until_stopped(settings, deps, channels, stopping)
    return 0


async def _send_until_stopped(
    settings: Settings, deps: Deps, channels: list[Channel], stopping: asyncio.Event
) -> None:
    """One sender per channel, at its own rate, and the planner waking them all; at the
    stop, the planner pass and the messages in flight finish, nothing new starts."""
    policy = settings.reminders.policy()
    senders = [
        Sender(deps.db, deps.clock, channel, _rates(settings, channel), policy)
        for channel in channels
    ]

    def wake_all() -> None:
        for sender in senders:
            sender.wake()

    scheduler = build_scheduler(deps, policy, settings.reminders.planner_interval_s, wake_all)
    planning = PlannerPasses(scheduler)
    scheduler.start()
    sending = [asyncio.create_task(sender.run(stopping)) for sender in senders]
    log.info("forsa running: %s", ", ".join(c.name for c in channels))
    try:
        await stopping.wait()
    finally:
        await planning.stop()
        await asyncio.gather(*sending)


class PlannerPasses:
    """Lets a stop wait for the planner pass under way instead of cancelling it in the
    middle (harmless, its transaction rolls back, but it logs a traceback)."""

    def __init__(self, scheduler: AsyncIOScheduler) -> None:
        self.scheduler = scheduler
        self.running = 0
        self.idle = asyncio.Event()
        self.idle.set()
        events = EVENT_JOB_SUBMITTED | EVENT_JOB_EXECUTED | EVENT_JOB_ERROR
        scheduler.add_listener(self._on_event, events)

    def _on_event(self, event: JobEvent) -> None:
        self.running += 1 if event.code == EVENT_JOB_SUBMITTED else -1
        if self.running > 0:
            self.idle.clear()
        else:
            self.running = 0
            self.idle.set()

    async def stop(self) -> None:
        """No new pass; wait (a while) for the current one; shut the scheduler down."""
        self.scheduler.pause()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(PLANNER_GRACE_S):
                await self.idle.wait()
        self.scheduler.shutdown(wait=False)


async def _start_telegram(
    settings: Settings, deps: Deps, stack: contextlib.AsyncExitStack
) -> TelegramChannel | None:
    if not settings.telegram.enabled:
        return None
    telegram = TelegramChannel(settings.telegram, deps)
    await telegram.start()
    stack.push_async_callback(telegram.stop)
    if telegram.username:
        deps.share_links["telegram"] = f"https://t.me/{telegram.username}?start={{call_id}}"
    return telegram


async def _start_whatsapp(
    settings: Settings, deps: Deps, stack: contextlib.AsyncExitStack
) -> WhatsAppChannel | None:
    if not settings.twilio.enabled:
        return None
    whatsapp = WhatsAppChannel(settings.twilio, deps)
    await whatsapp.start()
    stack.push_async_callback(whatsapp.stop)  # after the HTTP server: no new message then
    deps.share_links["whatsapp"] = whatsapp.share_link()
    return whatsapp


def _rates(settings: Settings, channel: Channel) -> SendRates:
    """The channel's own pace; retries and in-flight sends are common settings."""
    if channel.name == "whatsapp":
        per_second, per_chat = settings.twilio.rate_per_second, settings.twilio.rate_per_chat
    else:
        per_second, per_chat = settings.telegram.rate_per_second, settings.telegram.rate_per_chat
    return SendRates(
        per_second=per_second,
        per_chat=per_chat,
        max_attempts=settings.reminders.max_attempts,
        max_in_flight=settings.reminders.in_flight,
    )
