"""Which services are reviewed: those in the directory, never those in the deleted-services bin."""

from __future__ import annotations

from django.db.models import QuerySet

from directory.models import DirectoryIndexPage, ServicePage


def reviewable_services(*, live_only: bool = True) -> QuerySet[ServicePage]:
    """Services in the directory (never those in the deleted-services bin); by default only
    live ones, which are the listings families see and so the ones providers are reminded of."""
    directory = DirectoryIndexPage.objects.first()
    if directory is None:
        return ServicePage.objects.none()
    services = ServicePage.objects.descendant_of(directory)
    return services.live() if live_only else services
