"""APScheduler in the bot process: one interval job that plans what is due.

The job only calls handlers.reminders.plan with the store and the injected clock's
"now", then wakes the senders. Reminders and digests are rows, not scheduler jobs, so
nothing of APScheduler's memory needs to survive a restart; the first run happens at
start-up, which is what catches up on anything that fell due while the bot was down.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from handlers.clock import CASABLANCA, Clock
from handlers.reminders import PlanReport, ReminderPolicy, plan
from store.db import Database

log = logging.getLogger(__name__)


async def plan_once(
    db: Database, clock: Clock, policy: ReminderPolicy, wake: Callable[[], None]
) -> PlanReport:
    report = await plan(db, policy, clock.now())
    if report.reminders or report.alerts or report.digests:
        log.info(
            "planned %d reminders, %d alerts, %d digests",
            report.reminders,
            report.alerts,
            report.digests,
        )
    wake()
    return report


def build_scheduler(
    db: Database,
    clock: Clock,
    policy: ReminderPolicy,
    interval_s: float,
    wake: Callable[[], None],
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=CASABLANCA)
    scheduler.add_job(
        plan_once,
        "interval",
        seconds=interval_s,
        args=(db, clock, policy, wake),
        id="plan",
        next_run_time=datetime.now(CASABLANCA),  # at start: catch up at once
        max_instances=1,
        coalesce=True,
        misfire_grace_time=None,
    )
    return scheduler
