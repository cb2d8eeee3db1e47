"""Model validation: ages, postcodes, review dates, contacts, schedules, commissioning."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from directory.models import ServiceContact, ServiceLocation, ServicePage, ServiceSchedule
from directory.models.services import add_months

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def errors_of(make_service, **fields):
    with pytest.raises(ValidationError) as caught:
        make_service(**fields)
    return caught.value.message_dict


def test_minimum_age_above_maximum_is_refused(make_service):
    errors = errors_of(make_service, minimum_age=10, maximum_age=4)
    assert "below the youngest" in errors["maximum_age"][0]


def test_ages_beyond_a_lifetime_are_refused(make_service):
    assert "maximum_age" in errors_of(make_service, minimum_age=0, maximum_age=500)


def test_review_date_in_the_future_is_refused(make_service):
    errors = errors_of(make_service, last_reviewed=TODAY + datetime.timedelta(days=3))
    assert "future" in errors["last_reviewed"][0]


def test_review_interval_is_bounded(make_service):
    assert "review_interval_months" in errors_of(make_service, review_interval_months=0)
    assert "review_interval_months" in errors_of(make_service, review_interval_months=120)


def test_contract_dates_and_commissioner(make_service):
    errors = errors_of(
        make_service, contract_start=TODAY, contract_end=TODAY - datetime.timedelta(days=1)
    )
    assert "contract_end" in errors
    assert "commissioner" in errors_of(make_service, commissioned=True)


def test_charged_service_must_say_what_it_costs(make_service):
    assert "fees_description" in errors_of(make_service, is_free=False)
    page = make_service(is_free=False, fees_description="£3 a session")
    assert page.fees_description == "£3 a session"


def test_review_due_and_overdue(make_service):
    fresh = make_service(last_reviewed=TODAY - datetime.timedelta(days=10))
    stale = make_service(
        title="Old listing",
        last_reviewed=TODAY - datetime.timedelta(days=400),
        review_interval_months=12,
    )
    never = make_service(title="Never reviewed", last_reviewed=None)
    assert fresh.review_due == add_months(fresh.last_reviewed, 12)
    assert not fresh.is_overdue_for_review
    assert stale.is_overdue_for_review
    assert never.is_overdue_for_review


def test_add_months_clamps_to_month_end():
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2025, 11, 15), 14) == datetime.date(2027, 1, 15)


def test_location_postcode_is_validated_and_normalised(site_structure):
    location = ServiceLocation(name="Hub", postcode="not a postcode")
    with pytest.raises(ValidationError) as caught:
        location.clean()
    assert "postcode" in caught.value.message_dict
    location = ServiceLocation(name="Hub", postcode="se136lh")
    location.clean()
    assert location.postcode == "SE13 6LH"


def test_location_needs_both_coordinates_or_neither():
    with pytest.raises(ValidationError):
        ServiceLocation(name="Hub", latitude=51.4).clean()


def test_contact_needs_a_way_to_get_in_touch_and_a_real_phone_number():
    with pytest.raises(ValidationError):
        ServiceContact(name="Team").clean()
    with pytest.raises(ValidationError) as caught:
        ServiceContact(name="Team", phone="123").clean()
    assert "phone" in caught.value.message_dict
    contact = ServiceContact(name="Team", phone="020 8314 6000")
    contact.clean()
    assert contact.phone_uri == "tel:+442083146000"


def test_schedule_must_close_after_it_opens():
    with pytest.raises(ValidationError):
        ServiceSchedule(
            weekday="mo", opens_at=datetime.time(12), closes_at=datetime.time(9)
        ).clean()


def test_every_catalogue_object_has_a_stable_uuid(make_service, postcodes):
    page = make_service(locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    first = page.oruk_id
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.oruk_id == first and len(first) == 36
    assert len(page.organisation.oruk_id) == 36
    assert len(page.locations.get().oruk_id) == 36
    assert ServicePage.objects.filter(oruk_id=first).count() == 1


def test_area_wide_delivery(make_service):
    assert make_service(online=True, in_person=False).is_area_wide
    assert not make_service(title="Hub only").is_area_wide
    assert make_service(title="Borough", available_across_area=True).is_area_wide


def test_child_rows_keep_the_order_they_were_given(make_service):
    days = ["fr", "mo", "we", "tu"]
    page = make_service(
        schedules=[{"weekday": day, "opens_at": "09:00", "closes_at": "10:00"} for day in days]
    )
    fresh = ServicePage.objects.get(pk=page.pk)
    assert [schedule.weekday for schedule in fresh.schedules.all()] == days
    assert [schedule.sort_order for schedule in fresh.schedules.all()] == [0, 1, 2, 3]
