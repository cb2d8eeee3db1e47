"""Time the admin's everyday steps on the demo borough: opening a service's editor, saving a
draft, submitting for approval, the Services screen and the dashboard.

    .venv/bin/python bench/admin_speed.py                  # builds a temporary demo database
    .venv/bin/python bench/admin_speed.py --repeat 10 --services 5
    .venv/bin/python bench/admin_speed.py --profile edit   # where an editor open's time goes
    .venv/bin/python bench/admin_speed.py --steps edit,save --database-url sqlite:////tmp/db

Builds a fresh SQLite database with the demo directory (or uses --database-url), logs in an
editor, and through Django's test client (DEBUG off) requests each step --repeat times per
service after a warm-up, for --services demo services (those with the most contacts,
locations and opening times first: the heaviest forms). The save and submit post back the
editor's own form as a browser would (tests/admin_forms.py). Prints each step's median and
p95 in milliseconds with its SQL query count, beside the targets (editor open < 1 s, save and
submit < 1.5 s), and the median CPU time of this process per request, which other work on a
shared machine does not inflate as it does wall time. --profile STEP runs that step once under
cProfile and prints the 30 most expensive calls by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from demo_database import setup_demo_django  # noqa: E402  (bench/ is the script's folder)
from workload import percentile  # noqa: E402

TARGET_MS = {"editor open": 1000, "save draft": 1500, "submit for approval": 1500}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="", help="Use this database (demo loaded).")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--services", type=int, default=3)
    parser.add_argument(
        "--steps",
        default="edit,save,submit,services,dashboard",
        help="Which steps to time, comma-separated (default: all).",
    )
    parser.add_argument(
        "--profile",
        choices=["edit", "save", "submit", "services", "dashboard"],
        help="Profile one step with cProfile instead of timing them all.",
    )
    args = parser.parse_args()

    os.environ.setdefault("DEBUG", "false")
    setup_demo_django("bench-admin-", args.database_url)
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from wagtail.models import WorkflowState

    from directory.models import ServicePage
    from directory.site_setup import EDITORS
    from tests.admin_forms import form_values

    user, _ = User.objects.get_or_create(username="bench-editor")
    user.groups.add(Group.objects.get(name=EDITORS))
    services = list(
        ServicePage.objects.live()
        .annotate(
            children=Count("contacts", distinct=True)
            + Count("locations", distinct=True)
            + Count("schedules", distinct=True)
        )
        .order_by("-children", "title")[: args.services]
    )
    connection.queries_log.clear()  # loading the demo filled the query log to its limit

    with override_settings(ALLOWED_HOSTS=["testserver"]):
        client = Client()
        client.force_login(user)

        def edit_url(page: ServicePage) -> str:
            return f"/admin/pages/{page.pk}/edit/"

        def open_editor(page: ServicePage):
            return client.get(edit_url(page))

        def post(page: ServicePage, action: str | None):
            data = form_values(open_editor(page).content, "#page-edit-form")
            data["summary"] = [data["summary"][0].rstrip(".") + "."]
            if action:
                data[action] = ["on"]

            def send():
                return client.post(edit_url(page), data)

            return send

        def withdraw(page: ServicePage) -> None:
            """Put a submitted service back, so the next submission starts a workflow again."""
            WorkflowState.objects.filter(
                object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
            ).update(status=WorkflowState.STATUS_CANCELLED)

        steps: dict[str, Callable[[ServicePage], Callable[[], object]]] = {
            "edit": lambda page: lambda: open_editor(page),
            "save": lambda page: post(page, None),
            "submit": lambda page: post(page, "action-submit"),
            "services": lambda page: lambda: client.get("/admin/directory-services/"),
            "dashboard": lambda page: lambda: client.get("/admin/"),
        }
        labels = {
            "edit": "editor open",
            "save": "save draft",
            "submit": "submit for approval",
            "services": "Services screen",
            "dashboard": "dashboard",
        }

        if args.profile:
            page = services[0]
            request = steps[args.profile](page)
            request()  # warm up
            withdraw(page)
            request = steps[args.profile](page)
            profiler = cProfile.Profile()
            profiler.enable()
            response = request()
            profiler.disable()
            withdraw(page)
            print(f"{labels[args.profile]} of '{page.title}': HTTP {response.status_code}")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            return

        rows = []
        for key in args.steps.split(","):
            label = labels[key]
            timings: list[float] = []
            cpu: list[float] = []
            queries = 0
            for page in services:
                for round_number in range(args.repeat + 1):  # round 0 warms caches
                    request = steps[key](page)
                    with CaptureQueriesContext(connection) as captured:
                        started, started_cpu = time.perf_counter(), time.process_time()
                        response = request()
                        elapsed = (time.perf_counter() - started) * 1000
                        elapsed_cpu = (time.process_time() - started_cpu) * 1000
                    assert response.status_code in (200, 302), (label, response.status_code)
                    if key in ("save", "submit"):
                        assert response.status_code == 302, (label, response.content[:2000])
                    withdraw(page)
                    if round_number:
                        timings.append(elapsed)
                        cpu.append(elapsed_cpu)
                        queries = max(queries, len(captured))
            rows.append((label, queries, timings, cpu))

    print(
        f"Demo: {ServicePage.objects.live().count()} live services; {len(services)} services "
        f"({', '.join(page.title for page in services)}), {args.repeat} runs each"
    )
    load = os.getloadavg()[0]
    print(f"Load average {load:.1f} on {os.cpu_count()} CPUs (wall time includes waiting for one)")
    print(f"{'step':<22}{'queries':>9}{'p50 ms':>9}{'p95 ms':>9}{'CPU p50':>9}{'target':>9}")
    for label, queries, timings, cpu in rows:
        target = TARGET_MS.get(label)
        print(
            f"{label:<22}{queries:>9}{statistics.median(timings):>9.0f}"
            f"{percentile(timings, 0.95):>9.0f}{statistics.median(cpu):>9.0f}"
            f"{(f'< {target}' if target else ''):>9}"
        )


if __name__ == "__main__":
    main()
