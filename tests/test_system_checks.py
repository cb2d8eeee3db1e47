"""Django's system checks, those that read the database included, find nothing to say: every
manage.py command prints their warnings, and one nobody reads hides the next that matters."""

import pytest
from django.core import checks


@pytest.mark.django_db
def test_the_system_checks_find_nothing_on_this_database():
    # search.W001 (services missing from the search index) is about data, not the code.
    found = [
        message
        for message in checks.run_checks(databases=["default"], include_deployment_checks=False)
        if message.id != "search.W001" and not message.is_silenced()
    ]
    assert found == []
