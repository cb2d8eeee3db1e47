"""Benchmark the service writer (directory/writer): services a second, each with its revision
and history entries, on SQLite or PostgreSQL.

    .venv/bin/python bench/service_writer.py                      # 2,000 services, SQLite
    .venv/bin/python bench/service_writer.py --count 5000 --batch-size 200 \\
        --database-url postgres://directory:directory@127.0.0.1:5433/bench_writer

Makes a fresh database (a temporary SQLite file, or the PostgreSQL database named, which is
dropped and created again: give it a name of its own), with the site and the default
vocabularies, then writes ``--count`` realistic services from ``generate_services``'s factory
(1-3 geocoded locations or area-wide, a contact, opening times, languages, needs, levels) through
``ServiceWriter`` in batches, three ways, and prints services a second for each:

* ``publish``: every service created and published (page, revision, create and publish
  history entries, public search index, admin page search and reference index);
* ``unchanged``: the same values again: each service found, compared and left alone;
* ``update``: every service's summary changed, published again (new revision, edit and publish
  entries, child rows replaced);
* ``drafts``: the same number created as drafts, in an emptied directory.

The writer's own work is timed apart from the index updates it asks for after each batch: the
public search index (``search.signals.update_services``) and Wagtail's admin page search and
reference index (``directory.writer.indexes``) are django-tasks tasks, which a worker runs in
production. Here they are collected (django-tasks' dummy backend) and run afterwards, timed, so
the table shows the writer alone (planning: reading, applying, checking; writing: the batch's
transaction), the index tasks, and both together, as with the immediate backend.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))


def fresh_database(database_url: str) -> str:
    if not database_url:
        workdir = Path(tempfile.mkdtemp(prefix="bench-writer-"))
        import atexit

        atexit.register(shutil.rmtree, workdir, ignore_errors=True)
        return f"sqlite:///{workdir / 'db.sqlite3'}"
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return database_url


def database_cpu_seconds() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend, when the server runs on
    this machine and its /proc entry can be read (else None): with the writer's own CPU time, a
    figure a busy machine changes little."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = fresh_database(args.database_url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["ELASTICSEARCH_URL"] = ""
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # as in production: no SQL kept per query
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import PageLogEntry, Revision

    from demo.generation.bulk import _add_postcodes, _Lookups, load_vocabulary
    from demo.generation.synthetic import ServiceFactory
    from directory.models import ServicePage
    from directory.writer import ServiceValues, ServiceWriter

    print("Preparing the database…", file=sys.stderr)
    call_command("migrate", verbosity=0)
    call_command("setup_site", stdout=io.StringIO())
    from django.test.utils import override_settings

    # Collect the tasks instead of running them (see above).
    override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ).enable()
    factory = ServiceFactory(1, load_vocabulary(), timezone.localdate())
    generated = list(factory.services(args.count))
    lookups = _Lookups()

    class _Report:
        organisations = postcodes = 0

    lookups.add_organisations({service.organisation for service in generated}, _Report())
    _add_postcodes(generated)

    from django_tasks import default_task_backend

    def run(name: str, batch: list[ServiceValues], publish: bool) -> None:
        writer = ServiceWriter(publish=publish)
        default_task_backend.clear()
        started, cpu, db_cpu = time.perf_counter(), time.process_time(), database_cpu_seconds()
        outcomes: dict[str, int] = {}
        for start in range(0, len(batch), args.batch_size):
            for plan in writer.save(batch[start : start + args.batch_size]):
                assert plan.ok, plan.problems
                outcomes[plan.outcome] = outcomes.get(plan.outcome, 0) + 1
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        db_now = database_cpu_seconds()
        with_db = (
            f"{len(batch) / (cpu + db_now - db_cpu):>10.0f}"
            if db_now is not None and db_cpu is not None
            else f"{'':>10}"
        )
        started = time.perf_counter()
        for result in default_task_backend.results:
            result.task.func(*result.args, **result.kwargs)
        indexing = time.perf_counter() - started
        count = len(batch)
        print(
            f"{name:<10} {count:>7,} {count / seconds:>8.0f} "
            f"({writer.seconds['planning']:.1f} + {writer.seconds['writing']:.1f} s)"
            f"{count / indexing if indexing > 0.01 else 0:>10.0f} "
            f"{count / (seconds + indexing):>10.0f} {count / cpu:>10.0f}{with_db}   {outcomes}"
        )

    def values(summary_suffix: str = "") -> list[ServiceValues]:
        found = []
        for service in generated:
            item = lookups.values(service)
            item.fields["summary"] = item.fields["summary"][:280] + summary_suffix
            found.append(item)
        return found

    print(
        f"\nService writer, {args.count:,} services in batches of {args.batch_size}, "
        f"{connection.vendor}:"
    )
    print(
        "services a second: the writer (seconds planning + writing), the index tasks, both; "
        "and the writer's services per second of this process's CPU time, then of its and "
        "PostgreSQL's (the same on a busy machine)"
    )
    print(
        f"{'mode':<10} {'count':>7} {'writer':>8} {'':>15}{'indexes':>10} {'both':>10} "
        f"{'writer/CPU-s':>12} {'+db CPU-s':>9}"
    )
    run("publish", values(), publish=True)
    assert Revision.objects.filter(content_type__model="servicepage").count() == args.count
    published = PageLogEntry.objects.filter(
        action="wagtail.publish", content_type__model="servicepage"
    )
    assert published.count() == args.count
    run("unchanged", values(), publish=True)
    run("update", values(" (updated)"), publish=True)
    assert Revision.objects.filter(content_type__model="servicepage").count() == 2 * args.count
    ServicePage.objects.all().delete()
    for item in generated:  # new ids, so the drafts are new services
        item.oruk_id = item.oruk_id[:-4] + "dddd"
    for service in generated:
        for relation in ("locations", "contacts", "schedules", "languages"):
            for row in getattr(service, relation):
                row["oruk_id"] = row["oruk_id"][:-4] + "dddd"
    run("drafts", values(), publish=False)


if __name__ == "__main__":
    main()
