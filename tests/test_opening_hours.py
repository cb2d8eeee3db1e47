"""Opening hours in words, today and now (directory/opening_hours.py), and the service page's
contact box (directory/getting_in_touch.py): each way in once, directions, referral, open
today."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from directory import opening_hours
from directory.getting_in_touch import how_to_get_it, ways_to_get_in_touch
from directory.models import SchoolHoliday, ServiceSchedule
from directory.opening_hours import clock, opening_times, opening_today

LONDON = zoneinfo.ZoneInfo("Europe/London")
# Monday 2 March 2026.
MONDAY = datetime.date(2026, 3, 2)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def slot(day: str, opens: tuple[int, int], closes: tuple[int, int], note: str = ""):
    return ServiceSchedule(
        weekday=day,
        opens_at=datetime.time(*opens),
        closes_at=datetime.time(*closes),
        description=note,
    )


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (datetime.time(9, 30), "9:30am"),
        (datetime.time(12, 0), "12pm"),
        (datetime.time(17, 0), "5pm"),
        (datetime.time(0, 0), "midnight"),
        (datetime.time(12, 5), "12:05pm"),
    ],
)
def test_clock(value, words):
    assert clock(value) == words


def test_opening_times_join_consecutive_days_with_the_same_hours():
    schedules = [
        slot("sa", (10, 0), (12, 0)),
        slot("tu", (9, 0), (17, 0)),
        slot("mo", (9, 0), (17, 0)),
        slot("we", (9, 0), (17, 0)),
        slot("th", (13, 0), (15, 0), "Dads' group"),
        slot("th", (9, 0), (11, 0)),
    ]
    lines = [(line.text, line.description) for line in opening_times(schedules)]
    assert lines == [
        ("Monday to Wednesday 9am to 5pm", ""),
        ("Thursday 9am to 11am", ""),
        ("Thursday 1pm to 3pm", "Dads' group"),
        ("Saturday 10am to 12pm", ""),
    ]
    two_days = opening_times([slot("mo", (9, 0), (10, 0)), slot("tu", (9, 0), (10, 0))])
    assert [line.text for line in two_days] == ["Monday and Tuesday 9am to 10am"]
    gap = opening_times([slot("mo", (9, 0), (10, 0)), slot("we", (9, 0), (10, 0))])
    assert [line.text for line in gap] == ["Monday 9am to 10am", "Wednesday 9am to 10am"]


WEEKDAYS_9_TO_5 = [slot(day, (9, 0), (17, 0)) for day in ("mo", "tu", "we", "th", "fr")]
SPLIT_MONDAY = [
    slot("mo", (13, 0), (17, 0)),
    slot("mo", (9, 0), (12, 0)),
    slot("th", (9, 30), (11, 30)),
]


@pytest.mark.parametrize(
    ("schedules", "now", "headline", "detail"),
    [
        (WEEKDAYS_9_TO_5, at(MONDAY, 8), "Open today 9am to 5pm", ""),
        (WEEKDAYS_9_TO_5, at(MONDAY, 9), "Open now until 5pm", ""),
        (WEEKDAYS_9_TO_5, at(MONDAY, 16, 59), "Open now until 5pm", ""),
        # Closing time is the end: at 5pm it is closed.
        (
            WEEKDAYS_9_TO_5,
            at(MONDAY, 17),
            "Closed now – next open tomorrow at 9am",
            "Today: 9am to 5pm",
        ),
        (
            WEEKDAYS_9_TO_5,
            at(MONDAY + datetime.timedelta(days=4), 18),
            "Closed now – next open Monday at 9am",
            "Today: 9am to 5pm",
        ),
        (
            WEEKDAYS_9_TO_5,
            at(MONDAY + datetime.timedelta(days=5), 10),
            "Closed today – next open Monday at 9am",
            "",
        ),
        (SPLIT_MONDAY, at(MONDAY, 8), "Open today 9am to 12pm and 1pm to 5pm", ""),
        (SPLIT_MONDAY, at(MONDAY, 10), "Open now until 12pm", "Today: 9am to 12pm and 1pm to 5pm"),
        (
            SPLIT_MONDAY,
            at(MONDAY, 12, 30),
            "Closed now – next open today at 1pm",
            "Today: 9am to 12pm and 1pm to 5pm",
        ),
        (
            SPLIT_MONDAY,
            at(MONDAY, 18),
            "Closed now – next open Thursday at 9:30am",
            "Today: 9am to 12pm and 1pm to 5pm",
        ),
        (
            SPLIT_MONDAY,
            at(MONDAY + datetime.timedelta(days=1), 10),
            "Closed today – next open Thursday at 9:30am",
            "",
        ),
        # Once a week: after Monday's session, the next is Monday again.
        (
            [slot("mo", (9, 0), (10, 0))],
            at(MONDAY, 11),
            "Closed now – next open Monday at 9am",
            "Today: 9am to 10am",
        ),
    ],
)
def test_opening_today(schedules, now, headline, detail):
    today = opening_today(schedules, now)
    assert today.headline == headline
    assert today.detail == detail


def test_opening_today_is_in_the_councils_time_zone():
    # 8:30am in London in summer is 7:30 UTC: before opening, not half an hour after.
    summer_monday = datetime.datetime(2026, 6, 1, 7, 30, tzinfo=datetime.UTC)
    assert opening_today(WEEKDAYS_9_TO_5, summer_monday).headline == "Open today 9am to 5pm"
    # 11:30pm on Sunday UTC is already Monday in London in summer.
    late_sunday = datetime.datetime(2026, 5, 31, 23, 30, tzinfo=datetime.UTC)
    assert opening_today(WEEKDAYS_9_TO_5, late_sunday).headline == "Open today 9am to 5pm"


def test_opening_today_defaults_to_the_councils_time_now(monkeypatch):
    monkeypatch.setattr(opening_hours, "council_now", lambda: at(MONDAY, 10))
    assert opening_today(WEEKDAYS_9_TO_5).headline == "Open now until 5pm"


def test_nothing_is_said_without_schedules():
    assert opening_today([], at(MONDAY, 10)) is None


# -- the contact box ---------------------------------------------------------------------------


def contact_box(client, page) -> BeautifulSoup:
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    return soup.find("section", class_="contact-box")


@pytest.mark.django_db
def test_the_same_email_and_phone_are_listed_once(make_service, client, postcodes):
    page = make_service(
        email="Hub@Example.org",
        contacts=[
            {"name": "Hub team", "phone": "020 8314 6000", "email": "hub@example.org"},
            {"name": "Duty line", "phone": "0208 314 6000"},
            {"name": "Bookings", "phone": "020 8314 7000", "email": "book@example.org"},
        ],
        website="https://hub.example.org/",
    )
    ways = ways_to_get_in_touch(page)
    assert [phone.number for phone in ways.phones] == ["020 8314 6000", "020 8314 7000"]
    assert [email.address for email in ways.emails] == ["hub@example.org", "book@example.org"]
    box = contact_box(client, page)
    mails = [a["href"] for a in box.find_all("a", href=re.compile("^mailto:"))]
    assert mails == ["mailto:hub@example.org", "mailto:book@example.org"]
    calls = [a["href"] for a in box.find_all("a", href=re.compile("^tel:"))]
    assert calls == ["tel:+442083146000", "tel:+442083147000"]
    # The first number is the page's main button.
    assert "contact-action--primary" in box.find("a", href="tel:+442083146000")["class"]
    assert [a["href"] for a in box.find_all("a", string=re.compile("^Website"))] == [
        "https://hub.example.org/"
    ]


@pytest.mark.django_db
def test_directions_to_each_located_place(make_service, client, postcodes, settings):
    page = make_service(
        locations=[
            {"name": "Downham Family Hub", "address_1": "1 Moorside Road", "postcode": "SE6 4RU"},
            {"name": "Online only", "address_1": ""},
            {
                "name": "Lewisham library",
                "address_1": "199 Lewisham High Street",
                "postcode": "SE13 6LH",
            },
        ],
    )
    # As an import or an online geocoder may leave it: only the district's centre is known.
    page.locations.filter(name="Lewisham library").update(geocode_status="district")
    box = contact_box(client, page)
    links = {
        link.find(string=True): link["href"]
        for link in box.find_all("a")
        if link.get_text().startswith("Get directions")
    }
    hub = page.locations.get(name="Downham Family Hub")
    assert links["Get directions to Downham Family Hub"].endswith(
        f"destination={hub.latitude:.6f},{hub.longitude:.6f}"
    )
    # Only the district is known: the street address finds the door more exactly.
    assert links["Get directions to Lewisham library"].endswith(
        "destination=199%20Lewisham%20High%20Street%2C%20SE13%206LH"
    )
    assert len(links) == 2  # nowhere to go for a place without a position
    settings.DIRECTIONS_URL = "https://www.openstreetmap.org/directions?to={destination}"
    box = contact_box(client, page)
    assert box.find(
        "a",
        href=f"https://www.openstreetmap.org/directions?to={hub.latitude:.6f},{hub.longitude:.6f}",
    )


@pytest.mark.django_db
def test_how_to_get_it_in_one_sentence(make_service, client):
    families = make_service(self_referral=True, professional_referral=True)
    assert how_to_get_it(families) == "You can get in touch yourself: no referral needed."
    referral = make_service(
        self_referral=False,
        professional_referral=True,
        early_help_assessment=True,
        who_can_refer="GP or school",
    )
    sentence = (
        "You need a referral from a professional (GP or school) or through an early help "
        "assessment."
    )
    assert how_to_get_it(referral) == sentence
    assert sentence in contact_box(client, referral).get_text(" ", strip=True)
    unsaid = make_service(self_referral=False)
    assert how_to_get_it(unsaid) == ""


@pytest.mark.django_db
def test_the_box_says_whether_it_is_open_today(make_service, client, monkeypatch):
    page = make_service(
        schedules=[
            {"weekday": "mo", "opens_at": datetime.time(9, 30), "closes_at": datetime.time(11, 30)},
            {"weekday": "tu", "opens_at": datetime.time(9, 30), "closes_at": datetime.time(11, 30)},
        ],
    )
    monkeypatch.setattr(opening_hours, "council_now", lambda: at(MONDAY, 8))
    assert "Open today 9:30am to 11:30am" in contact_box(client, page).get_text(" ", strip=True)
    monkeypatch.setattr(
        opening_hours, "council_now", lambda: at(MONDAY + datetime.timedelta(days=2), 8)
    )
    text = contact_box(client, page).get_text(" ", strip=True)
    assert "Closed today – next open Monday at 9:30am" in text
    page.status = "temporarily closed"
    page.save_revision().publish()
    text = contact_box(client, page).get_text(" ", strip=True)
    assert "This service is temporarily closed." in text and "Open" not in text


# -- term time, and the week as the search index holds it ------------------------------------------


@pytest.fixture
def easter_holiday(db):
    """A school holiday from Friday 27 March to Friday 10 April 2026."""
    cache.delete("directory:school-holidays:v1")
    SchoolHoliday.objects.create(
        name="Easter holiday",
        first_day=datetime.date(2026, 3, 27),
        last_day=datetime.date(2026, 4, 10),
    )
    yield
    # Rolled-back rows send no signal: drop what this test cached.
    cache.delete("directory:school-holidays:v1")


def test_a_term_time_service_is_closed_in_the_school_holidays(easter_holiday):
    schedules = [slot("mo", (9, 30), (11, 30)), slot("we", (9, 30), (11, 30))]
    in_holiday = at(datetime.date(2026, 3, 30), 10)  # Monday
    today = opening_today(schedules, in_holiday, term_time_only=True)
    assert today.open_now is None and not today.is_open_today
    # Next open after the holiday, more than a week away: the date, not just the weekday.
    assert today.headline == (
        "Closed today for the school holidays – next open Monday 13 April at 9:30am"
    )
    # Not term time only: open as usual.
    assert opening_today(schedules, in_holiday).headline == "Open now until 11:30am"
    # The last day of term before the holiday.
    before = opening_today(schedules, at(datetime.date(2026, 3, 25), 12), term_time_only=True)
    assert before.headline == "Closed now – next open Monday 13 April at 9:30am"


def test_a_holiday_edited_in_the_admin_applies_at_once(easter_holiday):
    schedules = [slot("mo", (9, 30), (11, 30))]
    monday = at(datetime.date(2026, 4, 20), 10)
    assert opening_today(schedules, monday, term_time_only=True).open_now is not None
    SchoolHoliday.objects.create(name="INSET day", first_day=monday.date(), last_day=monday.date())
    assert opening_today(schedules, monday, term_time_only=True).open_now is None


def test_week_minutes_count_from_monday_midnight():
    schedules = [
        slot("mo", (9, 30), (11, 30)),
        slot("su", (10, 0), (12, 0)),
        slot("we", (0, 0), (23, 59)),
    ]
    assert sorted(opening_hours.week_minutes(schedules)) == [
        (570, 690),
        (2 * 1440, 2 * 1440 + 1439),
        (6 * 1440 + 600, 6 * 1440 + 720),
    ]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(MONDAY, 8), ("today",)),
        (at(MONDAY, 9, 30), ("now", "today")),
        (at(MONDAY, 11, 29), ("now", "today")),
        (at(MONDAY, 11, 30), ()),  # closed at 11:30, nothing later today
        (at(MONDAY + datetime.timedelta(days=1), 10), ()),
        (at(MONDAY + datetime.timedelta(days=6), 23, 0), ()),
    ],
)
def test_open_now_and_today_by_week_minutes(db, moment, expected):
    spans = opening_hours.week_minutes([slot("mo", (9, 30), (11, 30))])
    week_moment = opening_hours.week_moment(moment)
    assert opening_hours.open_when(spans, False, week_moment) == expected
    # The same answer the service page gives.
    today = opening_today([slot("mo", (9, 30), (11, 30))], moment)
    later_today = today.next_opening is not None and today.next_opening.days_ahead == 0
    assert ("now" in expected) == (today.open_now is not None)
    assert ("today" in expected) == (today.open_now is not None or later_today)


def test_the_search_moment_is_the_councils_time(db):
    # 09:30 UTC on a summer Monday is 10:30 in London.
    summer_monday = datetime.datetime(2026, 6, 1, 9, 30, tzinfo=datetime.UTC)
    assert opening_hours.week_moment(summer_monday).minute == 10 * 60 + 30
    assert not opening_hours.week_moment(summer_monday).school_holiday


def test_term_time_services_are_never_open_on_a_holiday(easter_holiday):
    spans = opening_hours.week_minutes([slot("mo", (9, 30), (11, 30))])
    holiday_monday = opening_hours.week_moment(at(datetime.date(2026, 3, 30), 10))
    assert holiday_monday.school_holiday
    assert opening_hours.open_when(spans, True, holiday_monday) == ()
    assert opening_hours.open_when(spans, False, holiday_monday) == ("now", "today")
