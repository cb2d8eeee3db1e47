import pytest


@pytest.mark.django_db
def test_published_service_is_served(make_service, client):
    page = make_service(
        locations=[{"name": "Hub", "postcode": "se136lh"}],
    )
    assert page.live
    assert page.url.startswith("/services/")
