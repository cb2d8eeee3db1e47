"""The Wagtail page editor works in a real browser under the production Content-Security-Policy.

The policy is read from config.settings.production itself (in a subprocess, as a deployment
loads it) and put in force on the live server; the test then logs in as an editor, opens a
demo service whose needs have commas in their names, adds a contact and a location, changes
its needs and submits it for approval, with no console error, no blocked script and no
uncaught exception on the way. Public pages keep the strict policy.

The demo borough is shared by the whole browser session, so the submission is undone at the end.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from directory.site_setup import EDITORS

from .support import ADMIN_PASSWORD, ROOT

pytestmark = pytest.mark.browser

POLICY_SETTINGS = (
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "ADMIN_URL_PREFIXES",
    "ADMIN_CONTENT_SECURITY_POLICY_ADDITIONS",
    "MIDDLEWARE",
)
# Violations are reported to the console; this catches any the console might not show.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture(scope="module")
def production_policy() -> dict[str, Any]:
    """The policy settings as config.settings.production defines them."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {POLICY_SETTINGS}}}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k7#Qv9!xR2mZ8pL4sT6wY1nB3cF5hJ0dG" * 2,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def under_production_policy(production_policy, settings):
    from django.conf import settings as live

    # The middleware chain is built once; it must be the one production runs.
    csp_middleware = [m for m in production_policy["MIDDLEWARE"] if "csp" in m.lower()]
    assert csp_middleware == [m for m in live.MIDDLEWARE if "csp" in m.lower()]
    policy = {name: value for name, value in production_policy.items() if name != "MIDDLEWARE"}
    with override_settings(**policy):
        yield production_policy


@pytest.fixture
def editor_login(admin_user):
    return admin_user(EDITORS, "browser-editor").get_username()


@pytest.fixture
def service_with_comma_terms():
    """A live demo service needing "Speech, language and communication"; its submission is
    undone afterwards (workflow, revisions and the page's draft state)."""
    from wagtail.models import Revision, WorkflowState

    from directory.models import ServicePage

    page = (
        ServicePage.objects.live()
        .filter(needs__name="Speech, language and communication")
        .order_by("title")
        .first()
    )
    assert page is not None
    started = timezone.now()
    kept = {
        "latest_revision_id": page.latest_revision_id,
        "has_unpublished_changes": page.has_unpublished_changes,
        "draft_title": page.draft_title,
    }
    yield page
    WorkflowState.objects.filter(base_content_type_id=page.content_type_id).filter(
        object_id=str(page.pk), created_at__gte=started
    ).delete()
    Revision.page_revisions.filter(object_id=str(page.pk), created_at__gte=started).delete()
    ServicePage.objects.filter(pk=page.pk).update(**kept)


def watch_for_errors(page) -> list[str]:
    problems: list[str] = []

    def on_console(message) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.add_init_script(RECORD_VIOLATIONS)
    return problems


@pytest.mark.parametrize("viewport", ["desktop"], indirect=True)
def test_editor_adds_a_contact_and_a_location_edits_needs_and_submits(
    page, under_production_policy, editor_login, service_with_comma_terms
):
    from wagtail.models import WorkflowState

    from directory.models import Need, ServicePage

    service = service_with_comma_terms
    problems = watch_for_errors(page)

    login = page.goto("/admin/login/")
    admin_policy = login.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin_policy, admin_policy
    assert "object-src 'none'" in admin_policy and "frame-ancestors 'self'" in admin_policy
    page.fill("#id_username", editor_login)
    page.fill("#id_password", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"/admin/pages/{service.pk}/edit/")
    page.wait_for_load_state("networkidle")

    # A contact, on the first tab.
    contacts = int(page.input_value("#id_contacts-TOTAL_FORMS"))
    page.click("#id_contacts-ADD")
    page.fill(f"#id_contacts-{contacts}-name", "Speech and language drop-in line")
    page.fill(f"#id_contacts-{contacts}-phone", "020 7946 0123")
    assert int(page.input_value("#id_contacts-TOTAL_FORMS")) == contacts + 1

    # A location.
    page.get_by_role("tab", name="Where and when").click()
    locations = int(page.input_value("#id_locations-TOTAL_FORMS"))
    page.click("#id_locations-ADD")
    page.fill(f"#id_locations-{locations}-name", "Catford Library")
    page.fill(f"#id_locations-{locations}-postcode", "SE6 4RU")

    # Needs: the comma term is one ticked box; tick another and untick one.
    page.get_by_role("tab", name="Who it's for").click()
    speech = page.get_by_role("checkbox", name="Speech, language and communication", exact=True)
    assert speech.is_checked()
    page.get_by_role("checkbox", name="Parental mental health", exact=True).check()
    removed = next(
        need.name
        for need in service.needs.all()
        if need.name != "Speech, language and communication"
    )
    page.get_by_role("checkbox", name=removed, exact=True).uncheck()

    # Submit to Commissioner approval, from the footer's action menu.
    page.locator(".w-dropdown-button").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Commissioner approval")).click()
    page.wait_for_load_state("networkidle")

    state = WorkflowState.objects.filter(object_id=str(service.pk)).order_by("-created_at").first()
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS, page.content()[
        :3000
    ]
    submitted = ServicePage.objects.get(pk=service.pk).get_latest_revision_as_object()
    assert "Speech and language drop-in line" in [c.name for c in submitted.contacts.all()]
    assert "Catford Library" in [location.name for location in submitted.locations.all()]
    needs = {need.name for need in submitted.needs.all()}
    assert "Speech, language and communication" in needs and "Parental mental health" in needs
    assert removed not in needs
    assert Need.objects.filter(name__in=needs).count() == len(needs)

    violations = page.evaluate("() => window.__cspViolations")
    assert not violations, violations
    assert not problems, "\n".join(problems)


def test_public_pages_keep_the_strict_policy(page, under_production_policy, site_url):
    problems = watch_for_errors(page)
    response = page.goto("/search/?q=speech")
    policy = response.headers["content-security-policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy
    assert page.evaluate("() => window.__cspViolations") == []
    assert not problems, "\n".join(problems)
