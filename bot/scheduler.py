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

from handlers.clock import CASABLANCA
from handlers.deps import Deps
from handlers.reminders import PlanReport, ReminderPolicy, plan
from handlers.staff import broadcast

log = logging.getLogger(__name__)


async def plan_once(deps: Deps, policy: ReminderPolicy, wake: Callable[[], None]) -> PlanReport:
    """Plan what is due now, report finished broadcasts to their authors, wake senders."""
    now = deps.clock.now()
    report = await plan(deps.db, policy, now)
    reports = await broadcast.report_finished(deps, now)
    if report.reminders or report.alerts or report.digests or reports:
        log.info(
            "planned %d reminders, %d alerts, %d digests, %d broadcast reports",
            report.reminders,
            report.alerts,
            report.digests,
            reports,
        )
    wake()
    return report


def build_scheduler(
    deps: Deps, policy: ReminderPolicy, interval_s: float, wake: Callable[[], None]
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=CASABLANCA)
    scheduler.add_job(
        plan_once,
        "interval",
        seconds=interval_s,
        args=(deps, policy, wake),
        id="plan",
        next_run_time=datetime.now(CASABLANCA),  # at start: catch up at once
        max_instances=1,
        coalesce=True,
        misfire_grace_time=None,
    )
    return scheduler
