from django.core.management.base import BaseCommand

from directory.site_setup import ensure_site_structure


class Command(BaseCommand):
    help = "Create the home page, the services directory, the workflow and group permissions."

    def handle(self, *args, **options) -> None:
        structure = ensure_site_structure()
        self.stdout.write(
            f"Site ready: home page '{structure.home.title}', "
            f"directory at {structure.directory.url_path}"
        )
