"""The suite runs on SQLite everywhere and again on PostgreSQL in CI."""

import pytest
from django.db import connection

from directory.models import ServicePage


@pytest.mark.postgres
@pytest.mark.django_db
def test_running_on_postgresql_with_its_full_text_search(make_service):
    assert connection.vendor == "postgresql"
    make_service(title="Toddler group", summary="Songs and play for toddlers.")
    make_service(title="Money advice", summary="Help with debt.", needs=["Money and debt advice"])
    # PostgreSQL's English configuration stems words: "toddler" finds "toddlers".
    found = ServicePage.objects.live().search("toddler")
    assert [page.title for page in found] == ["Toddler group"]
