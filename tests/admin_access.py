"""What the admin does with someone who may not open a page: Wagtail sends them back to the
dashboard with "Sorry, you do not have permission to access this area." Tests assert exactly
that, so a view that answered anything else (a 500, a login page, the page itself) fails."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.urls import reverse

PERMISSION_DENIED = "Sorry, you do not have permission to access this area."


def assert_turned_away(response: HttpResponse) -> None:
    assert (response.status_code, response.headers.get("Location")) == (
        302,
        reverse("wagtailadmin_home"),
    ), f"{response.status_code} {response.headers.get('Location')}"
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert PERMISSION_DENIED in messages, messages
