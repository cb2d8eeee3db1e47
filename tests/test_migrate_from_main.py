"""A database made before the features became apps (main at 53104bc; tests/data/README.md says
how) migrates with today's code: nothing is left unapplied, every content type and permission it
holds is still one today's models define (same app label, same codename), and its data is still
there, read through today's models by a process of their own."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from .processes import manage

pytestmark = pytest.mark.slow

BASE_DATABASE = Path(__file__).parent / "data" / "main-53104bc.sqlite3.gz"
# The apps made out of the catalogue, which must have no models of their own.
FEATURE_APPS = {"exchange", "commissioning", "demo"}
# The catalogue's models that the feature apps use, by table: their rows must survive.
TABLES = {
    "DeletedService": "directory_deletedservice",
    "FeedSource": "directory_feedsource",
    "ImportRun": "directory_importrun",
    "Organisation": "directory_organisation",
    "ProblemReport": "directory_problemreport",
    "ReviewReminder": "directory_reviewreminder",
    "ServiceExternalTerm": "directory_serviceexternalterm",
    "ServiceFeedLink": "directory_servicefeedlink",
    "ServicePage": "directory_servicepage",
}

# Run by today's code against the migrated database: what its models define and what they read.
READ_BACK = (
    f"NAMES = {sorted(TABLES)!r}\n"
    + """
import json
from django.apps import apps
from directory import models

content_types, permissions = [], []
for model in apps.get_models():
    opts = model._meta
    content_types.append((opts.app_label, opts.model_name))
    codenames = [f"{action}_{opts.model_name}" for action in opts.default_permissions]
    codenames += [codename for codename, _ in opts.permissions]
    permissions += [(opts.app_label, codename) for codename in codenames]
counts = {name: getattr(models, name).objects.count() for name in NAMES}
print(json.dumps({
    "content_types": content_types,
    "permissions": permissions,
    "counts": counts,
    "titles": sorted(models.ServicePage.objects.values_list("title", flat=True)),
    "binned": sorted(models.DeletedService.objects.values_list("page__title", flat=True)),
}))
"""
)


def _rows(path: Path, query: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return list(db.execute(query))


def _content_types(path: Path) -> set[tuple[str, str]]:
    return set(_rows(path, "SELECT app_label, model FROM django_content_type"))


def _permissions(path: Path) -> set[tuple[str, str]]:
    return set(
        _rows(
            path,
            "SELECT app_label, codename FROM auth_permission "
            "JOIN django_content_type ON django_content_type.id = content_type_id",
        )
    )


def _as_set(pairs: list[list[str]]) -> set[tuple[str, str]]:
    return {(first, second) for first, second in pairs}


@pytest.fixture
def main_database(tmp_path: Path) -> Path:
    path = tmp_path / "main-53104bc.sqlite3"
    with gzip.open(BASE_DATABASE) as packed, path.open("wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    return path


def test_a_database_made_at_main_migrates_and_keeps_its_data(main_database: Path) -> None:
    url = f"sqlite:///{main_database}"
    content_types, permissions = _content_types(main_database), _permissions(main_database)
    counts = {
        name: _rows(main_database, f"SELECT count(*) FROM {table}")[0][0]
        for name, table in TABLES.items()
    }
    titles = sorted(
        title
        for (title,) in _rows(
            main_database,
            "SELECT title FROM wagtailcore_page JOIN directory_servicepage ON page_ptr_id = id",
        )
    )
    assert all(counts.values()), counts  # every kind of row is there to lose

    migrated = manage("migrate", "--noinput", DATABASE_URL=url)
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    unapplied = manage("migrate", "--check", DATABASE_URL=url)
    assert unapplied.returncode == 0, unapplied.stdout + unapplied.stderr

    read = manage("shell", "-c", READ_BACK, DATABASE_URL=url)
    assert read.returncode == 0, read.stdout + read.stderr
    today = json.loads(read.stdout.strip().splitlines()[-1])

    # Every content type and permission of the old database is one today's models define:
    # none moved to another app label or changed its codename.
    assert content_types - _as_set(today["content_types"]) == set()
    assert permissions - _as_set(today["permissions"]) == set()
    assert not {label for label, _ in today["content_types"]} & FEATURE_APPS
    # Migrating kept them (and added only what is new).
    assert _content_types(main_database) >= content_types
    assert _permissions(main_database) >= permissions

    assert today["counts"] == counts
    assert today["titles"] == titles
    assert len(today["binned"]) == counts["DeletedService"]
