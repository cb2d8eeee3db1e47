from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directory"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Before any admin view asks Wagtail for the page permission policy.
        from .providers import checks, policy  # noqa: F401
