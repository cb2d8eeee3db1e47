"""Create the first admin user once and print how to log in (for the README start command)."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from directory.site_setup import COMMISSIONERS


class Command(BaseCommand):
    help = "Create a superuser 'admin' if there is none, and print its login."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))
        parser.add_argument(
            "--login-file",
            default=str(Path(settings.BASE_DIR) / ".admin-login"),
            help="Where the generated password is kept (git-ignored) so it can be shown again.",
        )

    def handle(self, *args, username: str, login_file: str, **options) -> None:
        user_model = get_user_model()
        login_path = Path(login_file)
        user = user_model.objects.filter(username=username).first()
        if user is None:
            password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
            user = user_model.objects.create_superuser(
                username=username, email=f"{username}@localhost", password=password
            )
            group, _ = Group.objects.get_or_create(name=COMMISSIONERS)
            user.groups.add(group)
            login_path.write_text(password + "\n")
            login_path.chmod(0o600)
        elif login_path.exists():
            password = login_path.read_text().strip()
        else:
            password = "(unchanged: set by you; reset it with manage.py changepassword)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
                f"username: {username}  password: {password}"
            )
        )
