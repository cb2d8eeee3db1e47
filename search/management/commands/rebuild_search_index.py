"""manage.py rebuild_search_index: rebuild both engines' indexes from the live site."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.engines import EngineUnavailable
from search.indexing import rebuild_index
from search.tasks import check_search_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the live, public services: the database engine's "
        "entries, then (when ELASTICSEARCH_URL is set) a new Elasticsearch/OpenSearch index "
        "that replaces the old one atomically, so searches keep working throughout."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--database-only",
            action="store_true",
            help="Rebuild only the database engine's entries.",
        )
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help=(
                "Run the nightly index check instead: put right the services the index has "
                "wrong, and rebuild the search engine's index only when it does not match the "
                "live site or is not built as this release builds it."
            ),
        )

    def handle(
        self, *args: Any, database_only: bool = False, if_stale: bool = False, **options: Any
    ) -> None:
        if if_stale:
            self._check(database_only)
            return
        bars: dict[str, tqdm] = {}
        quiet = options["verbosity"] == 0

        def progress(stage: str, count: int) -> None:
            if stage.startswith("start-"):
                name = stage.removeprefix("start-")
                label = "Database entries" if name == "database" else "Search engine"
                bars[name] = tqdm(total=count, desc=label, unit=" services", disable=quiet)
            else:
                bars[stage].update(count)

        try:
            report = rebuild_index(progress=progress, elasticsearch=not database_only)
        except EngineUnavailable as error:
            raise CommandError(
                f"The database entries were rebuilt, but the search engine could not be: {error}"
            ) from error
        finally:
            for bar in bars.values():
                bar.close()
        self.stdout.write(f"Database engine: {report.entries} services indexed.")
        if report.elasticsearch_index:
            self.stdout.write(
                f"Search engine: {report.elasticsearch_documents} services in "
                f"{report.elasticsearch_index}, now behind the alias "
                f"{settings.ELASTICSEARCH_INDEX}."
            )

    def _check(self, database_only: bool) -> None:
        if database_only:
            raise CommandError("--if-stale checks both engines: leave out --database-only.")
        try:
            outcome = check_search_index.call()
        except EngineUnavailable as error:
            raise CommandError(f"The search engine could not be checked: {error}") from error
        put_right = outcome["missing"] + outcome["extra"] + outcome["engine_backlog"]
        self.stdout.write(f"Index check: {put_right} services put right.")
        if outcome["engine_rebuilt"]:
            self.stdout.write("Search engine: its index did not match the live site; rebuilt.")
        elif settings.ELASTICSEARCH_URL:
            self.stdout.write("Search engine: its index matches the live site; not rebuilt.")
