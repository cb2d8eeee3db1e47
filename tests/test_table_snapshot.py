"""The rows the suite copies instead of loading the demo again (tests/table_snapshot.py) come
back exactly: dates, times, flags and JSON as they were, Wagtail's full-text index with them,
and ids that later rows do not collide with."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import Revision, Site

from directory.models import ServicePage

from .table_snapshot import TableSnapshot

pytestmark = pytest.mark.django_db


def _state(page: ServicePage) -> dict:
    return {
        "fields": {
            name: getattr(page, name)
            for name in ("title", "live", "last_reviewed", "review_due", "minimum_age", "is_free")
        },
        "needs": sorted(page.needs.names()),
        "levels": sorted(level.slug for level in page.levels.all()),
        "schedules": [(row.weekday, row.opens_at, row.closes_at) for row in page.schedules.all()],
        "locations": [
            (row.postcode, row.latitude, row.longitude, row.geocode_status)
            for row in page.locations.all()
        ],
        "revision": page.latest_revision.content["title"],
    }


def test_rows_put_back_read_as_they_were_written(make_service, postcodes):
    before = TableSnapshot.take()
    page = make_service(
        title="Toddler splash",
        last_reviewed=datetime.date(2026, 3, 31),
        is_free=False,
        fees_description="£2 a session",
        levels=["universal", "targeted"],
        schedules=[
            {"weekday": "mo", "opens_at": datetime.time(9, 30), "closes_at": datetime.time(11)}
        ],
        locations=[{"name": "Leisure centre", "postcode": "SE13 6LH"}],
    )
    written = _state(page)
    rows = TableSnapshot.take().changed_since(before)
    assert {"directory_servicepage", "wagtailcore_revision", "directory_serviceschedule"} <= set(
        rows.rows
    )

    TableSnapshot({table: before.rows[table] for table in rows.rows}).restore()
    assert not ServicePage.objects.filter(pk=page.pk).exists()
    assert not ServicePage.objects.search("splash")

    rows.restore()
    restored = ServicePage.objects.get(pk=page.pk)
    assert _state(restored) == written
    assert list(ServicePage.objects.live().search("splash")) == [restored]
    assert TableSnapshot.take().changed_since(before).rows == rows.rows

    # New rows take ids above the restored ones.
    later = make_service(title="Story time", slug="story-time")
    assert later.pk > restored.pk
    assert later.latest_revision_id > Revision.objects.filter(object_id=str(restored.pk)).get().pk


def test_rows_put_back_are_not_shadowed_by_what_was_cached_from_the_old_rows(make_service):
    # Restoring bypasses the models' signals, so Wagtail would not forget its site root paths:
    # a Site id that no longer exists made the admin's home page answer 500 on PostgreSQL.
    make_service(title="Toddler splash")
    before = TableSnapshot.take()
    site = Site.objects.get(is_default_site=True)
    site_id = site.pk
    site.delete()
    moved = Site.objects.create(
        hostname="localhost", root_page=site.root_page, is_default_site=True
    )
    assert [path.site_id for path in Site.get_site_root_paths()] == [moved.pk]

    TableSnapshot({"wagtailcore_site": before.rows["wagtailcore_site"]}).restore()
    assert [path.site_id for path in Site.get_site_root_paths()] == [site_id]
    assert site.root_page.get_site().pk == site_id
