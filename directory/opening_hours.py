"""Opening hours from a service's weekly schedules: the week in words, and whether it is open
today, now, or when it next opens.

Plain functions over anything with ``weekday``, ``opens_at``, ``closes_at`` and ``description``
(``ServiceSchedule`` rows, or the same fields from a search document), so the service page, the
list and search all say it the same way. Times are the council's: Django's default time zone
(``TIME_ZONE``), whatever zone a request may have activated. A service open in term time only is
closed on the council's school holidays (``SchoolHoliday``).

Search filters by the same rules: a document holds its week as minute ranges (``week_minutes``)
and each search asks which of them meet its own moment (``WeekMoment``), so "Open now" is decided
when the search runs, never when the service was indexed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .choices import WEEKDAYS
from .models.school_holidays import SchoolHoliday

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


# -- school holidays ------------------------------------------------------------------------------

# Read on every search and service page, edited a few times a year: kept in the cache (shared
# through Redis when there is one), dropped whenever a holiday is saved or deleted, and at most
# a few minutes old in a process that missed that.
_HOLIDAYS_KEY = "directory:school-holidays:v1"
_HOLIDAYS_SECONDS = 300


def school_holidays() -> tuple[tuple[datetime.date, datetime.date], ...]:
    """(first day, last day) of every school holiday, in date order."""
    holidays = cache.get(_HOLIDAYS_KEY)
    if holidays is None:
        holidays = tuple(SchoolHoliday.objects.values_list("first_day", "last_day"))
        cache.set(_HOLIDAYS_KEY, holidays, _HOLIDAYS_SECONDS)
    return holidays


def _forget_school_holidays(**kwargs: Any) -> None:
    cache.delete(_HOLIDAYS_KEY)


post_save.connect(_forget_school_holidays, sender=SchoolHoliday)
post_delete.connect(_forget_school_holidays, sender=SchoolHoliday)


def is_school_holiday(day: datetime.date) -> bool:
    return any(first <= day <= last for first, last in school_holidays())


# -- today ----------------------------------------------------------------------------------------

# How far ahead "next open" looks: past the longest school holiday.
LOOK_AHEAD_DAYS = 70


def council_now() -> datetime.datetime:
    """The time now where the council is (settings.TIME_ZONE)."""
    return timezone.localtime(timezone.now(), timezone.get_default_timezone())


def _in_council_time(now: datetime.datetime | None) -> datetime.datetime:
    """``now`` (default: the time now) in the council's time zone; a naive one is taken to be
    in it already."""
    if now is None:
        return council_now()
    if timezone.is_aware(now):
        return timezone.localtime(now, timezone.get_default_timezone())
    return now


def _day_code(day: datetime.date) -> str:
    return WEEKDAY_ORDER[day.weekday()]


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True)
class NextOpening:
    """When a service next opens: the day (``days_ahead`` from today) and the session."""

    days_ahead: int
    session: Session
    day: datetime.date | None = None

    @property
    def day_words(self) -> str:
        if self.days_ahead == 0:
            return "today"
        if self.days_ahead == 1:
            return "tomorrow"
        name = WEEKDAY_NAMES[self.session.weekday]
        if self.days_ahead <= 7 or self.day is None:
            return name
        # More than a week away (after a school holiday): the weekday alone would mislead.
        return f"{name} {self.day.day} {self.day:%B}"

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
    # Term time only, and today is a school holiday.
    school_holiday: bool = False

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
        if self.school_holiday:
            closed = "Closed today for the school holidays"
        else:
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
    schedules: Iterable[Any],
    now: datetime.datetime | None = None,
    *,
    term_time_only: bool = False,
) -> OpeningToday | None:
    """Today's opening by the weekly schedules, at ``now`` (default: the council's time now).

    None when there are no schedules: nothing can be said. An aware ``now`` is converted to the
    council's time zone; a naive one is taken to be in it already. A term-time-only service has
    no sessions on a school holiday, and opens next on the first term day with one.
    """
    sessions = weekly_sessions(schedules)
    if not sessions:
        return None
    now = _in_council_time(now)

    def sessions_on(day: datetime.date) -> tuple[Session, ...]:
        if term_time_only and is_school_holiday(day):
            return ()
        return tuple(sessions.get(_day_code(day), ()))

    time_now = now.time().replace(tzinfo=None)
    today = sessions_on(now.date())
    open_now = next((s for s in today if s.opens <= time_now < s.closes), None)
    next_opening = None
    for days_ahead in range(LOOK_AHEAD_DAYS):
        day = now.date() + datetime.timedelta(days=days_ahead)
        candidates = [
            session for session in sessions_on(day) if days_ahead > 0 or session.opens > time_now
        ]
        if candidates:
            next_opening = NextOpening(days_ahead, candidates[0], day)
            break
    return OpeningToday(
        today=today,
        open_now=open_now,
        next_opening=next_opening,
        school_holiday=term_time_only and is_school_holiday(now.date()),
    )


# -- the filters "Open now" and "Open today" ------------------------------------------------------

MINUTES_IN_DAY = 24 * 60
# The filter's values and their labels; "today" means from now to the end of today, so a
# session already over does not count.
OPEN_CHOICES = {"now": "Open now", "today": "Open today"}


def _minutes(value: datetime.time) -> int:
    return value.hour * 60 + value.minute


def week_minutes(schedules: Iterable[Any]) -> list[tuple[int, int]]:
    """Every weekly session as [start, end) in minutes from Monday midnight, for the index."""
    return [
        (
            WEEKDAY_ORDER.index(session.weekday) * MINUTES_IN_DAY + _minutes(session.opens),
            WEEKDAY_ORDER.index(session.weekday) * MINUTES_IN_DAY + _minutes(session.closes),
        )
        for day_sessions in weekly_sessions(schedules).values()
        for session in day_sessions
    ]


@dataclass(frozen=True)
class WeekMoment:
    """The moment a search asks about: the minute of the week (Monday midnight is 0) in the
    council's time, and whether that day is a school holiday."""

    minute: int
    school_holiday: bool = False

    def window(self, when: str) -> tuple[int, int]:
        """[start, end) minutes a service must be open in to count as open ``when``."""
        if when == "now":
            return (self.minute, self.minute + 1)
        return (self.minute, (self.minute // MINUTES_IN_DAY + 1) * MINUTES_IN_DAY)


def week_moment(now: datetime.datetime | None = None) -> WeekMoment:
    now = _in_council_time(now)
    minute = now.weekday() * MINUTES_IN_DAY + now.hour * 60 + now.minute
    return WeekMoment(minute, is_school_holiday(now.date()))


def open_when(
    ranges: Iterable[Iterable[int]], term_time_only: bool, moment: WeekMoment
) -> tuple[str, ...]:
    """Which of ``OPEN_CHOICES`` a service with these week minutes is, at ``moment``."""
    if term_time_only and moment.school_holiday:
        return ()
    spans = [tuple(span) for span in ranges]
    found = []
    for when in OPEN_CHOICES:
        start, end = moment.window(when)
        if any(opens < end and start < closes for opens, closes in spans):
            found.append(when)
    return tuple(found)
