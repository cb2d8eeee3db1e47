"""Shared set-up for the benchmarks: Django on a temporary SQLite database with the demo
borough loaded, or on a database given by URL that already holds it."""

from __future__ import annotations

import atexit
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))


def setup_demo_django(prefix: str, database_url: str = "") -> None:
    """Configure and start Django (database engine, quiet logs) and load the demo unless
    ``database_url`` is given. The temporary SQLite file is removed when the script ends."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'db.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["ELASTICSEARCH_URL"] = ""
    # No worker runs beside a benchmark: tasks (Wagtail's own search index among them) run at once.
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    os.environ.setdefault("LOG_LEVEL", "ERROR")

    import django

    django.setup()
    from django.core.management import call_command

    if not database_url:
        print("Preparing the demo borough…", file=sys.stderr)
        call_command("migrate", verbosity=0)
        call_command("setup_site", stdout=io.StringIO())
        call_command("load_demo", "--no-progress", stdout=io.StringIO())
