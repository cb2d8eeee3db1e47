"""Shared fixtures: the site's page tree and a factory for realistic services."""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.signal_handlers import post_save_signal_handler as modelsearch_on_save
from wagtail.signal_handlers import disable_reference_index_auto_update

from directory.models import (
    DirectoryIndexPage,
    LevelOfNeed,
    Organisation,
    Postcode,
    ServiceContact,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
)
from directory.site_setup import SiteStructure, ensure_site_structure
from directory.writer.indexes import refresh_admin_indexes_task
from home.models import HomePage

from .table_snapshot import TableSnapshot

# The order test files run in: longest first, browser tests last (tests/scheduling.py).
pytest_plugins = ["tests.scheduling"]

# CI sets REQUIRE_BACKENDS=postgres,opensearch,redis,browser: a skipped test needing one of
# those backends (browser: Chromium and axe-core, tests/browser/) then fails the run instead of
# passing silently.
REQUIRED_BACKENDS = {
    name.strip() for name in os.environ.get("REQUIRE_BACKENDS", "").split(",") if name.strip()
}
BACKEND_MARKERS = ("postgres", "opensearch", "redis", "browser")


def _on_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if "postgres" in item.keywords and not _on_postgres():
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: run `make postgres-test`"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    required = [
        marker
        for marker in BACKEND_MARKERS
        if marker in REQUIRED_BACKENDS and marker in item.keywords
    ]
    if report.skipped and required:
        report.outcome = "failed"
        report.longrepr = (
            f"{item.nodeid} needs {', '.join(required)}, which REQUIRE_BACKENDS says must run "
            f"here, but it was skipped: {report.longrepr}"
        )


@pytest.fixture(autouse=True)
def _cache_forgets_earlier_tests() -> None:
    """Each test starts with an empty cache. A test's rows are rolled back without the models'
    signals, so what it cached would outlive them: Wagtail's site root paths naming a Site that
    is gone made the next test's admin answer 500 (only on PostgreSQL, whose ids are never
    reused, and only when pytest-xdist put such a test before it in the same process)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup, django_db_blocker) -> TableSnapshot:
    """Every table as a new site starts, taken before any test of this process writes: the
    migrations' rows (Wagtail's root page, the groups, the vocabularies, the content types) and
    the site's pages as `setup_site` makes them (ensure_site_structure), committed once.

    Every test's database therefore has the home, directory and site pages from the start:
    making them costs 0.4 s, which each test that asked for them paid before."""
    from django.db import transaction

    with django_db_blocker.unblock():
        with transaction.atomic():
            ensure_site_structure()
        return TableSnapshot.take()


@pytest.fixture
def _django_db_helper(_migrated_rows_put_back, _django_db_helper) -> None:
    """pytest-django's own (which this overrides and uses), set up after, so torn down before,
    `_migrated_rows_put_back`."""
    return _django_db_helper


@pytest.fixture
def _migrated_rows_put_back(request, migrated_rows, django_db_blocker) -> Iterator[None]:
    """After a test whose writes were committed (``transaction=True``, tests/processes.py),
    give every table back the rows every test starts with (`migrated_rows`).

    Django's TransactionTestCase empties every table after such a test; it puts the rows back
    only at the start of the next test that asks for them (``serialized_rollback``), and without
    that asking it runs the post-migrate hooks, which make content types and permissions again
    under new ids. Whatever ran next in the same process (another module's tests, with
    pytest-xdist; the browser tests, always) found no Wagtail root page, no groups, no
    vocabularies, and demo rows pointing at content types that had gone.
    """
    yield
    marker = request.node.get_closest_marker("django_db")
    committed = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames
        for name in ("transactional_db", "live_server", "django_db_reset_sequences")
    )
    if not committed:
        return
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        migrated_rows.restore()
    ContentType.objects.clear_cache()


def refresh_planner_statistics() -> None:
    """After a bulk load inside a test's transaction, let PostgreSQL's planner see the rows.

    Autovacuum may already have analysed these tables while they were empty (earlier tests'
    rows were rolled back), and a planner that believes a table holds one row picks nested loops
    that take minutes on the demo's thousands. ANALYZE counts the transaction's own rows.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def load_demo_rows() -> TableSnapshot:
    """Load the demo borough (the builder `manage.py load_demo` runs, without the demo search
    log) and return the rows it wrote, leaving the database as it was. Not indexed in any
    ELASTICSEARCH_URL: modules that want the engine build their own index from these rows."""
    from django.db import transaction
    from django.test import override_settings

    from demo.builder import load_demo

    with transaction.atomic():
        before = TableSnapshot.take()
        with override_settings(ELASTICSEARCH_URL=""):
            ensure_site_structure()
            load_demo(stdout=io.StringIO(), progress=False)
        rows = TableSnapshot.take().changed_since(before)
        transaction.set_rollback(True)
    return rows


@pytest.fixture(scope="session")
def demo_rows(migrated_rows, django_db_blocker) -> TableSnapshot:
    """The demo borough's rows, loaded once per test process (see load_demo_rows)."""
    with django_db_blocker.unblock():
        return load_demo_rows()


@pytest.fixture(scope="module")
def demo(demo_rows, django_db_blocker) -> Iterator[None]:
    """The demo borough for one test module, put in inside a transaction that is rolled back
    after the module (modules using it need ``pytestmark = pytest.mark.django_db``)."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_rows.restore()
            refresh_planner_statistics()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo_in_test(db, demo_rows) -> None:
    """The demo borough inside this test's own transaction, for a module whose other tests
    want an empty directory."""
    demo_rows.restore()
    refresh_planner_statistics()


@pytest.fixture
def site_structure(db) -> SiteStructure:
    """The site's home and directory pages (made for every test: migrated_rows), or made again
    when something before this removed them."""
    home, directory = HomePage.objects.first(), DirectoryIndexPage.objects.first()
    if home is None or directory is None:
        return ensure_site_structure()
    return SiteStructure(home=home, directory=directory)


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(
        name="Riverside Family Trust",
        email="hello@riverside.example",
        website="https://riverside.example",
    )


@pytest.fixture
def make_user(site_structure) -> Callable[..., Any]:
    """A user in one of the site's groups (directory.site_setup), optionally a provider account
    of some organisations. Log in with ``client.force_login(user)``."""
    from django.contrib.auth.models import Group, User

    def make(group_name: str, username: str = "", organisations: tuple = ()) -> User:
        username = username or f"{group_name.lower()}-{uuid.uuid4().hex[:6]}"
        user = User.objects.create_user(username=username, email=f"{username}@example.org")
        user.groups.add(Group.objects.get(name=group_name))
        for organisation in organisations:
            organisation.users.add(user)
        return user

    return make


@pytest.fixture
def commissioner(make_user):
    from directory.site_setup import COMMISSIONERS

    return make_user(COMMISSIONERS, "commissioner")


@pytest.fixture
def postcodes(db) -> list[Postcode]:
    """A few real Lewisham postcodes with their centroids."""
    rows = [
        ("SE13 6LH", 51.4521, -0.0123),
        ("SE13 5AB", 51.4610, -0.0080),
        ("SE6 4RU", 51.4381, -0.0190),
        ("SE4 1UA", 51.4620, -0.0340),
    ]
    return [
        Postcode.objects.create(postcode=code, outward=code.split()[0], latitude=lat, longitude=lng)
        for code, lat, lng in rows
    ]


@contextlib.contextmanager
def admin_indexes_left_to_the_end() -> Iterator[None]:
    """Wagtail updates its admin page search and its reference index ("usage") on every save of
    a page, and making a published service saves it three times (the page, its revision, the
    publish). `make_service` updates them once afterwards instead, as the importers do
    (directory.writer.indexes): the same indexes, and a service made in a test costs about a
    quarter less (136 -> 100 ms on SQLite, 248 -> 176 ms on PostgreSQL). The public search
    index is still updated by the publish itself."""
    connected = post_save.disconnect(modelsearch_on_save, sender=ServicePage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if connected:
            post_save.connect(modelsearch_on_save, sender=ServicePage)


@pytest.fixture
def make_service(site_structure, organisation) -> Callable[..., ServicePage]:
    """Create and publish a ServicePage. Keyword arguments override fields; `needs`,
    `circumstances`, `levels`, `locations`, `contacts` and `schedules` take lists."""

    def make(**overrides: Any) -> ServicePage:
        needs = overrides.pop("needs", ["Parenting programmes"])
        circumstances = overrides.pop("circumstances", [])
        levels = overrides.pop("levels", ["universal"])
        locations = overrides.pop("locations", [])
        contacts = overrides.pop(
            "contacts", [{"name": "Family hub team", "phone": "020 8314 6000"}]
        )
        schedules = overrides.pop("schedules", [])
        publish = overrides.pop("publish", True)
        fields = {
            "title": "Stay and Play",
            "summary": "Play sessions for babies and toddlers with their parents or carers.",
            "organisation": organisation,
            "minimum_age": 0,
            "maximum_age": 4,
            "self_referral": True,
            "in_person": True,
            "last_reviewed": timezone.localdate() - datetime.timedelta(days=30),
        }
        fields.update(overrides)
        page = ServicePage(**fields, live=publish)
        page.needs.set(needs)
        page.circumstances.set(circumstances)
        page.levels.set(LevelOfNeed.objects.filter(slug__in=levels))
        page.locations = [ServiceLocation(**location) for location in locations]
        page.contacts = [ServiceContact(**contact) for contact in contacts]
        page.schedules = [ServiceSchedule(**schedule) for schedule in schedules]
        with admin_indexes_left_to_the_end():
            site_structure.directory.add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
        refresh_admin_indexes_task.enqueue([page.pk])
        page.refresh_from_db()
        return page

    return make


# -- search engines ---------------------------------------------------------------------------


def opensearch_url() -> str:
    """The node started by scripts/opensearch.sh, or '' when none was given."""
    return os.environ.get("OPENSEARCH_URL", "").rstrip("/")


@pytest.fixture
def elasticsearch(settings) -> Iterator[str]:
    """Turn the Elasticsearch engine on against the real node, with an index of this test's
    own; skipped (a failure in CI) when no node was started."""
    from search.engines import elastic_client, elastic_index

    url = opensearch_url()
    if not url:
        pytest.skip("needs OpenSearch: set OPENSEARCH_URL=$(scripts/opensearch.sh start)")
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX = f"test-services-{uuid.uuid4().hex[:10]}"
    settings.SEARCH_ENGINE_RETRY_SECONDS = 30
    elastic_client.reset()
    yield url
    elastic_client.reset()
    with contextlib.suppress(Exception):
        elastic_index.drop_all()
    elastic_client.reset()


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.opensearch)])
def engine_name(request) -> str:
    """Run the test once on each engine. Ask for it before creating services, so the
    Elasticsearch index receives them as they are published."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch")
    return request.param


@pytest.fixture
def feed_server(settings) -> Iterator[Any]:
    """A real HTTP server on loopback (tests/feed_server.py), its host allowed for imports."""
    from .feed_server import FeedServer

    with FeedServer() as server:
        settings.IMPORT_ALLOWED_HOSTS = [server.host]
        yield server
