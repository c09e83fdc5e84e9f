"""How urgently an order should be picked, as one number (higher goes first)."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone, tzinfo

from desktop.domain.lifecycle import PriorityClass

CLASS_POINTS = {PriorityClass.URGENT: 1000.0, PriorityClass.EXPEDITED: 500.0, PriorityClass.NORMAL: 0.0}
DUE_POINTS = 3000.0  # at the promised ship-by moment
DUE_HALF_LIFE_HOURS = 2.0
OVERDUE_POINTS_PER_HOUR = 200.0
GIFT_POINTS = 150.0
AGE_POINTS_PER_HOUR = 5.0
AGE_CAP_HOURS = 48.0


def _utc(moment: datetime) -> datetime:
    # Naive datetimes are taken as UTC, the database's convention.
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def priority_score(
    priority_class: str,
    promised_ship_by: datetime | None,
    gift: bool,
    created_at: datetime,
    now: datetime,
) -> float:
    """The picking priority of an order; higher is more urgent.

    score = class + due + gift + age, where

    * class: urgent 1000, expedited 500, normal 0 (case-insensitive; anything else is a ValueError);
    * due, with h = hours until ``promised_ship_by``: ``3000 * 0.5 ** (h / 2)`` while h >= 0 (3000 at
      the deadline, halving every two hours before it: 1500 two hours ahead, under 100 ten hours
      ahead), and ``3000 + 200 * overdue_hours`` once it has passed; 0 without a promise. An order
      due within about an hour therefore outranks an urgent order with no near deadline, and one
      overdue by five hours or more outranks an urgent order due right now;
    * gift: 150 for a holiday-gift order (less than one class step);
    * age: 5 per hour since ``created_at``, capped at 48 hours (240), so old orders rise slowly
      and ties between otherwise equal orders go to the oldest.

    Naive datetimes are read as UTC.
    """
    key = priority_class.strip().lower() if isinstance(priority_class, str) else priority_class
    if key not in CLASS_POINTS:
        raise ValueError(f"unknown priority class {priority_class!r}; expected urgent, expedited or normal")
    now = _utc(now)
    score = CLASS_POINTS[key]
    if promised_ship_by is not None:
        hours_left = (_utc(promised_ship_by) - now).total_seconds() / 3600.0
        if hours_left >= 0:
            score += DUE_POINTS * 0.5 ** (hours_left / DUE_HALF_LIFE_HOURS)
        else:
            score += DUE_POINTS + OVERDUE_POINTS_PER_HOUR * -hours_left
    if gift:
        score += GIFT_POINTS
    age_hours = (now - _utc(created_at)).total_seconds() / 3600.0
    score += AGE_POINTS_PER_HOUR * min(max(age_hours, 0.0), AGE_CAP_HOURS)
    return score


# ─── carrier pick-up cut-offs ───────────────────────────────────────────────────

CUTOFF_POINTS = 2000.0  # at the last moment a cart can still make the carrier's pick-up
CUTOFF_HALF_LIFE_HOURS = 1.0


def next_pickup(pickup_local: time, zone: tzinfo, now: datetime, lead: timedelta) -> tuple[datetime, bool]:
    """The next carrier pick-up the order can still make, and whether it is today's.

    ``lead`` is what picking and packing take: an order released at 17:30 for an 18:00 pick-up with a
    45-minute lead has missed today's and waits for tomorrow's.
    """
    local_now = _utc(now).astimezone(zone)
    today = datetime.combine(local_now.date(), pickup_local, tzinfo=zone)
    if local_now + lead <= today:
        return today.astimezone(timezone.utc), True
    return (today + timedelta(days=1)).astimezone(timezone.utc), False


def cutoff_points(pickup: datetime | None, now: datetime, lead: timedelta) -> float:
    """What an order's carrier pick-up adds to its priority; higher the closer its last chance.

    ``CUTOFF_POINTS * 0.5 ** (h / 1)`` with h = hours from now until the latest start (pick-up minus
    lead): 2000 at the last moment, 1000 an hour before, about 0 for tomorrow's pick-up. An order that
    has missed today's pick-up is asked with tomorrow's, so it counts less than one that can still make
    today's — it is not made "more overdue" by the carrier leaving.
    """
    if pickup is None:
        return 0.0
    hours = max((_utc(pickup) - lead - _utc(now)).total_seconds() / 3600.0, 0.0)
    return CUTOFF_POINTS * 0.5 ** (hours / CUTOFF_HALF_LIFE_HOURS)
