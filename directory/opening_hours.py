"""Opening hours from a service's weekly schedules: the week in words, and whether it is open
today, now, or when it next opens.

Plain functions over anything with ``weekday``, ``opens_at``, ``closes_at`` and ``description``
(``ServiceSchedule`` rows, or the same fields from a search document), so the service page, the
list and search all say it the same way. Times are the council's: Django's default time zone
(``TIME_ZONE``), whatever zone a request may have activated.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from .models.services import WEEKDAYS

# The model's weekday choices are the one source of day codes, order and names.
WEEKDAY_ORDER = [code for code, _ in WEEKDAYS]
WEEKDAY_NAMES = dict(WEEKDAYS)


def clock(value: datetime.time | None) -> str:
    """A time as people write it: '9:30am', '12pm', '5pm', 'midnight'."""
    if value is None:
        return ""
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{suffix}"


@dataclass(frozen=True, order=True)
class Session:
    """One weekly opening: a day, from and to, and any note ('Drop-in')."""

    weekday: str
    opens: datetime.time
    closes: datetime.time
    description: str = ""

    @property
    def times(self) -> str:
        return f"{clock(self.opens)} to {clock(self.closes)}"


def weekly_sessions(schedules: Iterable[Any]) -> dict[str, list[Session]]:
    """Sessions by day code, each day's in time order; days without any are left out."""
    by_day: dict[str, list[Session]] = {}
    for schedule in schedules:
        if schedule.weekday not in WEEKDAY_NAMES or not (schedule.opens_at and schedule.closes_at):
            continue
        by_day.setdefault(schedule.weekday, []).append(
            Session(
                schedule.weekday,
                schedule.opens_at,
                schedule.closes_at,
                (schedule.description or "").strip(),
            )
        )
    return {day: sorted(sessions) for day, sessions in by_day.items()}


# -- the week -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpeningLine:
    """One line of opening times: 'Monday to Friday 9am to 5pm', with any note."""

    days: str
    times: str
    description: str = ""

    @property
    def text(self) -> str:
        return f"{self.days} {self.times}"

    def __str__(self) -> str:
        return self.text


def _days_in_words(days: list[str]) -> str:
    names = [WEEKDAY_NAMES[day] for day in days]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} to {names[-1]}"


def opening_times(schedules: Iterable[Any]) -> list[OpeningLine]:
    """Weekly sessions in weekday order, reading naturally.

    Consecutive days with exactly the same sessions are joined ('Monday to Friday 9am to 5pm');
    a day with two sessions gets a line for each.
    """
    by_day = weekly_sessions(schedules)
    runs: list[tuple[list[str], tuple]] = []
    previous_index = None
    for index, day in enumerate(WEEKDAY_ORDER):
        if day not in by_day:
            continue
        slots = tuple((s.opens, s.closes, s.description) for s in by_day[day])
        if runs and runs[-1][1] == slots and previous_index == index - 1:
            runs[-1][0].append(day)
        else:
            runs.append(([day], slots))
        previous_index = index
    return [
        OpeningLine(_days_in_words(days), f"{clock(opens)} to {clock(closes)}", description)
        for days, slots in runs
        for opens, closes, description in slots
    ]


# -- today ----------------------------------------------------------------------------------------


def council_now() -> datetime.datetime:
    """The time now where the council is (settings.TIME_ZONE)."""
    return timezone.localtime(timezone.now(), timezone.get_default_timezone())


def _day_code(day: datetime.date) -> str:
    return WEEKDAY_ORDER[day.weekday()]


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True)
class NextOpening:
    """When a service next opens: the day (``days_ahead`` from today) and the session."""

    days_ahead: int
    session: Session

    @property
    def day_words(self) -> str:
        if self.days_ahead == 0:
            return "today"
        if self.days_ahead == 1:
            return "tomorrow"
        return WEEKDAY_NAMES[self.session.weekday]

    def __str__(self) -> str:
        return f"{self.day_words} at {clock(self.session.opens)}"


@dataclass(frozen=True)
class OpeningToday:
    """Whether a service is open today and now, by its weekly schedules.

    ``headline`` is the one line a family needs: 'Open now until 5pm', 'Open today 9:30am to
    11:30am', 'Closed now – next open today at 1pm' or 'Closed today – next open Tuesday at
    9:30am'; ``detail`` adds today's hours when the headline does not give them all.
    """

    today: tuple[Session, ...]
    open_now: Session | None
    next_opening: NextOpening | None

    @property
    def is_open_today(self) -> bool:
        return bool(self.today)

    @property
    def today_times(self) -> str:
        """Today's sessions: '9am to 12pm and 1pm to 5pm'; empty on a closed day."""
        return _joined([session.times for session in self.today]) if self.today else ""

    @property
    def headline(self) -> str:
        if self.open_now is not None:
            return f"Open now until {clock(self.open_now.closes)}"
        upcoming = self.next_opening
        if upcoming is not None and upcoming.days_ahead == 0 and upcoming.session == self.today[0]:
            return f"Open today {self.today_times}"
        closed = "Closed now" if self.today else "Closed today"
        return closed if upcoming is None else f"{closed} – next open {upcoming}"

    @property
    def detail(self) -> str:
        """Today's hours, when the headline does not already give them all."""
        if not self.today or self.headline.startswith("Open today"):
            return ""
        if self.open_now is not None and len(self.today) == 1:
            return ""
        return f"Today: {self.today_times}"


def opening_today(
    schedules: Iterable[Any], now: datetime.datetime | None = None
) -> OpeningToday | None:
    """Today's opening by the weekly schedules, at ``now`` (default: the council's time now).

    None when there are no schedules: nothing can be said. An aware ``now`` is converted to the
    council's time zone; a naive one is taken to be in it already.
    """
    sessions = weekly_sessions(schedules)
    if not sessions:
        return None
    if now is None:
        now = council_now()
    elif timezone.is_aware(now):
        now = timezone.localtime(now, timezone.get_default_timezone())
    today_code = _day_code(now.date())
    time_now = now.time().replace(tzinfo=None)
    today = tuple(sessions.get(today_code, ()))
    open_now = next((s for s in today if s.opens <= time_now < s.closes), None)
    next_opening = None
    for days_ahead in range(8):
        code = _day_code(now.date() + datetime.timedelta(days=days_ahead))
        candidates = [
            session
            for session in sessions.get(code, ())
            if days_ahead > 0 or session.opens > time_now
        ]
        if candidates:
            next_opening = NextOpening(days_ahead, candidates[0])
            break
    return OpeningToday(today=today, open_now=open_now, next_opening=next_opening)
