from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Directory search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, signals

        signals.connect()
        checks.register()
