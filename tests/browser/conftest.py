"""Real-browser tests: Debian's Chromium driven by Playwright, on the demo borough served by
pytest-django's live server.

- `browser` (session): headless Chromium from /usr/bin/chromium; the tests skip when it or the
  playwright package is missing, and CI (REQUIRE_BACKENDS=...,browser) fails them instead.
- `demo_site` (session): the demo borough, loaded and committed once, so that the live server's
  thread sees it on PostgreSQL as well as SQLite; the database is put back as it was afterwards.
- `site_url`: the live server's address, with the demo loaded.
- `viewport`: phone (390x844) and desktop (1280x900) by default; a test picks others with
  `@pytest.mark.parametrize("viewport", ["narrow"], indirect=True)`.
- `context_options`: override in a module to change the browser context (e.g. no JavaScript).
- `page`: a fresh browser context and page per test; requests leave only for the live server.

Every test in this folder is marked `browser` (see pytest_collection_modifyitems below).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import override_settings

from .support import (
    ADMIN_PASSWORD,
    AXE_JS,
    AXE_PATH,
    CHROMIUM,
    CHROMIUM_ARGS,
    VIEWPORTS,
    Viewport,
    axe_source,
)

HERE = Path(__file__).resolve().parent


def _in_this_folder(item: pytest.Item) -> bool:
    return HERE in Path(item.path).resolve().parents


def pytest_collection_modifyitems(config, items) -> None:
    """Mark every test here `browser`: tests/scheduling.py then runs them after all the others.

    Last, because the demo borough they share stays in the database until the end of the
    session (loading it takes most of the browser suite's time, so it is loaded once): any
    database test running after them would see it.
    """
    for item in items:
        if _in_this_folder(item):
            item.add_marker(pytest.mark.browser)


# -- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's package), shared by the whole session."""
    from django.db import connections

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("needs the playwright package: `make install-dev` (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        pytest.skip(f"needs Chromium at {CHROMIUM}: `apt-get install chromium` (as root)")
    # Playwright's synchronous API runs an asyncio event loop in this thread, so Django takes
    # every database call made here while the browser is open (the test database's creation,
    # the demo's loading) for one made from async code, and refuses it. None is: the loop only
    # talks to the browser.
    with pytest.MonkeyPatch.context() as monkeypatch, sync_playwright() as playwright:
        monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
            # Django keeps the connections opened while the loop ran for that context alone:
            # left open, PostgreSQL would refuse to drop the test database at the end
            # ("being accessed by other users").
            connections.close_all()


# -- the site ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_site(
    django_db_setup, django_db_blocker, migrated_rows, demo_rows, live_server
) -> Iterator[None]:
    """The demo borough in the test database, committed, for the whole session.

    The live server answers from another thread, with its own database connection on
    PostgreSQL: it sees only committed rows, so the usual rolled-back transaction of a `db`
    test cannot be used. pytest-django's `transactional_db` commits, but empties every table
    after each test. So the demo's rows (loaded once per test process: `demo_rows` in
    tests/conftest.py) are put in once and committed, and at the end of the session every
    table is given back the rows the migrations made (`migrated_rows`), so that a later run
    with --reuse-db starts clean.

    Database access stays unblocked while the browser tests run, for the live server's thread.
    The search engine is the database's: the demo is not indexed in any ELASTICSEARCH_URL.

    It asks for `live_server` (after `django_db_setup`, so that on SQLite the server shares the
    in-memory test database's connection) because pytest-django creates the test database only
    for sessions with a test that uses `db`, `transactional_db` or `live_server`.
    """
    from django.core.cache import cache
    from django.db import DEFAULT_DB_ALIAS, connections, transaction

    connection = connections[DEFAULT_DB_ALIAS]
    assert _is_test_database(connection), (
        f"refusing to load the demo into {connection.settings_dict['NAME']}: not a test database"
    )
    with (
        django_db_blocker.unblock(),
        override_settings(ELASTICSEARCH_URL=""),
        pytest.MonkeyPatch.context() as monkeypatch,
    ):
        # The live server answers each browser connection in a thread of its own, kept while
        # the browser keeps the connection alive: with CONN_MAX_AGE those threads would hold
        # database connections open after the session, and PostgreSQL then refuses to drop
        # the test database ("being accessed by other users").
        monkeypatch.setitem(connections.settings[DEFAULT_DB_ALIAS], "CONN_MAX_AGE", 0)
        try:
            with transaction.atomic():
                demo_rows.restore()
            yield
        finally:
            with transaction.atomic():
                migrated_rows.restore()
            cache.clear()


def _is_test_database(connection: Any) -> bool:
    """Whether the connection is to a database Django created for the tests (its default
    names: SQLite in memory, "test_" and the name elsewhere, or the one set in TEST)."""
    name = str(connection.settings_dict["NAME"])
    test_name = (connection.settings_dict.get("TEST") or {}).get("NAME")
    if test_name:
        return name == str(test_name)
    if connection.vendor == "sqlite":
        return connection.is_in_memory_db()
    return name.startswith("test_")


@pytest.fixture(autouse=True)
def _live_server_helper(request: pytest.FixtureRequest) -> Iterator[None]:
    """Replaces pytest-django's helper of the same name for the tests in this folder.

    pytest-django's version gives every test that uses `live_server` the `transactional_db`
    fixture, which empties the database after each test: here the demo would then have to be
    loaded again for every test. This one asks for `demo_site` instead, which commits the demo
    once and keeps database access open. The rest is as pytest-django does it: the live server's
    host is added to ALLOWED_HOSTS for the test.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    if "browser" in request.fixturenames:
        request.getfixturevalue("browser")  # no Chromium: skip before loading the demo
    request.getfixturevalue("demo_site")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def site_url(demo_site, live_server) -> str:
    """The live server's address (no trailing slash), serving the demo borough."""
    return live_server.url


# -- pages ---------------------------------------------------------------------------------------


@pytest.fixture(params=["phone", "desktop"])
def viewport(request: pytest.FixtureRequest) -> Viewport:
    """Phone and desktop widths; parametrize indirectly with a name from support.VIEWPORTS for
    others."""
    return VIEWPORTS[request.param]


@pytest.fixture
def context_options() -> dict[str, Any]:
    """Extra options for the browser context (Playwright's Browser.new_context); a module may
    override this fixture, e.g. to return {"java_script_enabled": False}."""
    return {}


@pytest.fixture
def page(browser, site_url, viewport, context_options) -> Iterator[Any]:
    """A page in a fresh browser context (no cookies, no session) at the viewport's size.

    Requests go only to the live server: anything else (the map's tile server, say) is
    aborted, so results do not depend on the network. The path AXE_PATH on the live server is
    answered with axe-core from node_modules (see support.run_axe).
    """
    context = browser.new_context(
        viewport={"width": viewport.width, "height": viewport.height},
        base_url=site_url,
        locale="en-GB",
        timezone_id="Europe/London",
        reduced_motion="reduce",
        **context_options,
    )
    context.set_default_timeout(10_000)
    site = urlsplit(site_url).netloc

    def route(route: Any) -> None:
        url = urlsplit(route.request.url)
        if url.netloc != site:
            route.abort()
        elif url.path == AXE_PATH and AXE_JS.exists():
            route.fulfill(status=200, content_type="text/javascript", body=axe_source())
        else:
            route.continue_()

    context.route("**/*", route)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


# -- admin users and the search log --------------------------------------------------------------


@pytest.fixture
def admin_user() -> Iterator[Any]:
    """Makes a user in one of the site's groups (directory.site_setup) who logs in with
    support.ADMIN_PASSWORD (support.log_in_to_admin); the users are removed afterwards."""
    from django.contrib.auth.models import Group, User

    made = []

    def make(group_name: str, username: str) -> Any:
        user = User.objects.create_user(username, password=ADMIN_PASSWORD)
        user.groups.add(Group.objects.get(name=group_name))
        made.append(user)
        return user

    yield make
    for user in made:
        user.delete()


@pytest.fixture
def demo_search_log() -> Iterator[None]:
    """The demo's anonymous search log, for the commissioning reports; taken away afterwards
    if the test added it."""
    from demo.searches import load_demo_searches
    from search.models import SearchLog

    already = SearchLog.objects.filter(params__demo=True).exists()
    load_demo_searches(progress=False)
    yield
    if not already:
        SearchLog.objects.filter(params__demo=True).delete()
