"""Feeds on a schedule and imports in the background (issue 17 items 5-6): commissioners add
feeds in the admin; a task pulls the ones that are due, each pull a run with its report; every
service shows the feed it came from; a local edit is kept (and shown) when the feed changes the
service afterwards; uploads in the admin run in the background with a progress page that works
with and without JavaScript. Feeds are served by a real local HTTP server.
"""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend
from wagtail.models import Revision

from directory.models import FeedSource, ImportRun, ServiceFeedLink, ServicePage
from exchange.feeds.runs import execute
from exchange.feeds.tasks import pull_due_feeds

from .oruk_records import record
from .processes import committed, run_worker_until_idle

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed(feed_server, site_structure, postcodes) -> dict[str, Any]:
    """A feed of two services at /services, and its source, published."""
    services = [record(name="Stay and play"), record(name="Toy library")]
    feed_server.routes["/services"] = json.dumps(services).encode()
    source = FeedSource.objects.create(
        name="Hither Green", url=feed_server.url + "/services", publish=True, every_hours=6
    )
    return {"services": services, "source": source, "server": feed_server}


def serve(feed: dict[str, Any]) -> None:
    feed["server"].routes["/services"] = json.dumps(feed["services"]).encode()


def test_commissioners_add_feeds_and_pull_them(client, commissioner, make_user, feed) -> None:
    client.force_login(commissioner)
    index = client.get(reverse("directory_feeds:index"))
    assert index.status_code == 200 and "Hither Green" in index.content.decode()
    response = client.post(
        reverse("directory_feeds:add"),
        {"name": "Second", "url": "ftp://example.org/feed", "every_hours": 24},
    )
    assert response.status_code == 400 and "http://" in response.content.decode()
    response = client.post(
        reverse("directory_feeds:add"),
        {"name": "Second", "url": "https://example.org/services", "every_hours": 24},
    )
    assert response.status_code == 302
    assert FeedSource.objects.get(name="Second").publish is False  # drafts unless chosen

    source = feed["source"]
    response = client.post(reverse("directory_feeds:pull", args=[source.pk]))
    run = ImportRun.objects.get(feed=source)
    assert response.url == reverse("directory_feeds:run", args=[run.pk])
    execute(run)  # (the test's transaction holds back on_commit: run it as the worker would)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.user == commissioner
    page = client.get(response.url).content.decode()
    assert "Imported 2 of 2 records" in page and "Stay and play" in page
    for service in feed["services"]:
        service_page = ServicePage.objects.get(oruk_id=service["id"])
        assert service_page.live and service_page.feed_link.feed == source
    # The service's edit page says where it came from.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[service_page.pk]))
    assert (
        "comes from the feed" in edit.content.decode() and "Hither Green" in edit.content.decode()
    )
    # Editors cannot see or change feeds.
    client.force_login(make_user("Editors", username="editor"))
    for url in (reverse("directory_feeds:index"), reverse("directory_feeds:add")):
        assert client.get(url).url == reverse("wagtailadmin_home")


def test_due_feeds_are_pulled_on_their_schedule(feed) -> None:
    source = feed["source"]
    runs = pull_due_feeds.call()
    assert len(runs) == 1
    run = ImportRun.objects.get(pk=runs[0])
    assert run.status == ImportRun.Status.DONE and run.kind == "feed"
    source.refresh_from_db()
    assert source.next_pull_at > timezone.now() + datetime.timedelta(hours=5)
    assert pull_due_feeds.call() == []  # not due again yet
    # Its time comes: pulled again, and an unchanged feed changes nothing.
    revisions = Revision.objects.count()
    FeedSource.objects.filter(pk=source.pk).update(next_pull_at=timezone.now())
    (again,) = pull_due_feeds.call()
    report = ImportRun.objects.get(pk=again).report
    assert report["unchanged_count"] == 2 and report["created_count"] == 0
    assert Revision.objects.count() == revisions
    # A disabled feed is left alone.
    FeedSource.objects.filter(pk=source.pk).update(enabled=False, next_pull_at=None)
    assert pull_due_feeds.call() == []


def test_a_local_edit_is_kept_when_the_feed_changes_and_the_conflict_shown(
    client, commissioner, feed
) -> None:
    source = feed["source"]
    pull_due_feeds.call()
    first, second = feed["services"]
    # An editor changes the first service here.
    page = ServicePage.objects.get(oruk_id=first["id"])
    page.alert = "Closed this week for repairs"
    page.summary = "Our own wording."
    page.save_revision(user=commissioner).publish()
    # A pull where the feed has not changed leaves the edit alone, without a conflict.
    FeedSource.objects.filter(pk=source.pk).update(next_pull_at=None)
    pull_due_feeds.call()
    page.refresh_from_db()
    assert page.summary == "Our own wording." and page.feed_link.conflict_at is None
    # Now the feed changes both services: the edited one keeps its edit, the other is updated.
    feed["services"][0]["name"] = "Stay and play (renamed by the feed)"
    feed["services"][1]["name"] = "Toy library (renamed by the feed)"
    serve(feed)
    FeedSource.objects.filter(pk=source.pk).update(next_pull_at=None)
    (run_id,) = pull_due_feeds.call()
    report = ImportRun.objects.get(pk=run_id).report
    assert report["conflicts_count"] == 1 and report["updated_count"] == 1
    page.refresh_from_db()
    assert page.title == "Stay and play" and page.summary == "Our own wording."
    assert ServicePage.objects.get(oruk_id=second["id"]).title.endswith("(renamed by the feed)")
    link = ServiceFeedLink.objects.get(page=page)
    assert link.conflict_at and "the local edit was kept" in link.conflict_note
    # Shown on the service's edit page and under Feeds and imports, with the way out.
    client.force_login(commissioner)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "the local edit was kept" in edit
    index = client.get(reverse("directory_feeds:index")).content.decode()
    assert "Use the feed&#x27;s version" in index or "Use the feed's version" in index
    response = client.post(reverse("directory_feeds:take_feed", args=[page.pk]))
    run = ImportRun.objects.filter(feed=source).order_by("-pk").first()
    execute(run)
    page.refresh_from_db()
    assert page.title == "Stay and play (renamed by the feed)"
    assert response.status_code == 302 and not ServiceFeedLink.objects.get(page=page).conflict_at


# -- uploads in the background -----------------------------------------------------------------


def _upload_feed(client, records: Any, action: str = "publish"):
    upload = SimpleUploadedFile("feed.json", json.dumps(records).encode(), "application/json")
    return client.post(reverse("directory_openreferral:import"), {"file": upload, "action": action})


def test_an_upload_runs_in_the_background_and_its_page_shows_progress(
    client, commissioner, site_structure, postcodes
) -> None:
    client.force_login(commissioner)
    records = [record(name=f"Service {n}") for n in range(3)]
    # A worker's queue: the request only hands the run over, whatever the file's size.
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        default_task_backend.clear()
        response = _upload_feed(client, records)
        run = ImportRun.objects.get()
        assert response.status_code == 302
        assert response.url == reverse("directory_feeds:run", args=[run.pk])
        assert run.status == ImportRun.Status.QUEUED and not ServicePage.objects.exists()
        waiting = client.get(response.url).content.decode()
        # Without JavaScript the page reloads itself; with it, a script polls the status.
        assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in waiting
        assert "<progress" in waiting and "import-run.js" in waiting
        status = client.get(reverse("directory_feeds:run_status", args=[run.pk])).json()
        assert status["status"] == "queued" and not status["finished"]
    run.refresh_from_db()
    assert bytes(run.upload)
    execute(run)  # the worker's turn
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.upload is None
    assert (run.done, run.total) == (3, 3)
    done = client.get(response.url).content.decode()
    assert "refresh" not in done and "Imported 3 of 3 records" in done
    assert ServicePage.objects.live().count() == 3
    status = client.get(reverse("directory_feeds:run_status", args=[run.pk])).json()
    assert status["finished"] and status["percent"] == 100


def test_a_bad_upload_is_refused_at_once_and_a_bad_record_reported_by_its_run(
    client, commissioner, site_structure, postcodes, django_capture_on_commit_callbacks
) -> None:
    client.force_login(commissioner)
    response = _upload_feed(client, {"not": "services"})
    assert response.status_code == 400 and "Expected a service record" in response.content.decode()
    good, bad = record(), record(status=7)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload_feed(client, [good, bad])
    page = client.get(response.url).content.decode()
    assert "Imported, with problems" in page and "$.status" in page and bad["id"] in page
    # Only checking: nothing saved.
    check = copy.deepcopy(record())
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload_feed(client, [check], action="check")
    assert "Checked: nothing was saved" in client.get(response.url).content.decode()
    assert not ServicePage.objects.filter(oruk_id=check["id"]).exists()


def test_a_feed_that_cannot_be_fetched_is_a_failed_run_saying_why(feed) -> None:
    feed["server"].routes.pop("/services")
    (run_id,) = pull_due_feeds.call()
    run = ImportRun.objects.get(pk=run_id)
    assert run.status == ImportRun.Status.FAILED and "404" in run.summary


@committed
def test_a_worker_process_pulls_a_feed_queued_from_the_admin(
    client, commissioner, feed, settings
) -> None:
    """The real queue and a real worker (``manage.py db_worker``), which fetches the feed over
    HTTP itself; the request only queued the run."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(commissioner)
    response = client.post(reverse("directory_feeds:pull", args=[feed["source"].pk]))
    run = ImportRun.objects.get(feed=feed["source"])
    assert response.status_code == 302 and run.status == ImportRun.Status.QUEUED
    assert not ServicePage.objects.exists()
    waiting = client.get(response.url).content.decode()
    assert "No background worker is running" in waiting  # (none yet)
    run_worker_until_idle(IMPORT_ALLOWED_HOSTS=feed["server"].host)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE, run.summary
    assert (run.done, run.total) == (2, 2)
    assert ServicePage.objects.live().count() == 2
