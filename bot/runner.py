"""`python -m bot run`: every configured channel, the planner and one sender per channel,
until SIGTERM or SIGINT; then the message in flight is finished and everything closes."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from bot.channels.telegram import TelegramChannel
from bot.config import Settings
from bot.http import build_app, start_http
from bot.scheduler import build_scheduler
from bot.sender import Sender, SendRates
from handlers.deps import Deps

log = logging.getLogger(__name__)


def _stop_on_signals(stopping: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)


async def run_bot(settings: Settings, deps: Deps, stopping: asyncio.Event | None = None) -> int:
    """Run until `stopping` is set (by a signal, or by a test)."""
    if not settings.telegram.enabled:
        print(
            "No channel is configured (set TELEGRAM_BOT_TOKEN; WhatsApp comes later).\n"
            "Try the console: python -m bot chat --demo",
            file=sys.stderr,
        )
        return 1
    stopping = stopping or asyncio.Event()
    _stop_on_signals(stopping)
    policy = settings.reminders.policy()
    deps.reminder_days = policy.offsets_days
    telegram = TelegramChannel(settings.telegram, deps)
    await telegram.start()
    if telegram.username:
        deps.share_links["telegram"] = f"https://t.me/{telegram.username}?start={{call_id}}"
    http = await start_http(build_app(telegram), settings.http_host, settings.http_port)
    rates = SendRates(
        per_second=settings.telegram.rate_per_second,
        per_chat=settings.telegram.rate_per_chat,
        max_attempts=settings.reminders.max_attempts,
        max_in_flight=settings.reminders.in_flight,
    )
    sender = Sender(deps.db, deps.clock, telegram, rates, policy)
    scheduler = build_scheduler(
        deps.db, deps.clock, policy, settings.reminders.planner_interval_s, sender.wake
    )
    scheduler.start()
    sending = asyncio.create_task(sender.run(stopping))
    log.info("forsa running: telegram")
    try:
        await stopping.wait()
    finally:
        scheduler.shutdown(wait=False)
        await sending  # finishes the message in flight, sends nothing new
        await http.cleanup()
        await telegram.stop()
    return 0
