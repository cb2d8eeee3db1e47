"""``manage.py load_demo``: a fictional family support directory for Lewisham, for demos."""

from typing import TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from background.worker import uses_worker
from demo.builder import DemoDataError, load_demo
from demo.searches import load_demo_searches


class Command(BaseCommand):
    help = (
        "Create a fictional demo directory of family support services in the London Borough "
        "of Lewisham. Safe to run more than once: pages that exist are kept unless --refresh."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Put back the demo version of demo pages that were edited since (publishes).",
        )

    def handle(self, *args, **options) -> None:
        try:
            summary = load_demo(
                stdout=cast(TextIO, self.stdout),  # Django's wrapper writes lines as a stream
                progress=not options["no_progress"],
                refresh=options["refresh"],
            )
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        for line in summary.lines():
            self.stdout.write(line)
        if uses_worker() and summary.services_created + summary.services_updated:
            self.stdout.write(
                "Wagtail's admin page search and usage index for them are queued for the "
                "background worker (manage.py db_worker)."
            )
        searches = load_demo_searches(progress=not options["no_progress"])
        self.stdout.write(f"Demo search log: {searches} anonymous searches added")
        self.stdout.write(self.style.SUCCESS("Demo directory loaded."))
