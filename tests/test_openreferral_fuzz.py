"""Fuzzing the Open Referral UK read API with schemathesis, from the OpenAPI document we serve.

Every operation of /api/openreferral/openapi.json gets a bounded number of generated requests
(valid and invalid parameters), derandomised so CI sees the same ones each run. Each response
is checked by schemathesis's default checks: no 5xx, a status code, content type and headers the
document declares, and a body valid by the response schema (the official Open Referral
schemas, which the document refers to by their published address and which are read here from
tests/data/oruk/, offline). Invalid parameters must be refused with a 4xx. Left out: the check
that every schema-valid request gets a 2xx ("positive data acceptance"), because the API answers
400 with a clear message to well-formed ids that name no taxonomy or term, and to an end_time not
after start_time, which the document cannot express.

The requests go through Django's WSGI handler in this thread, so they see the demo borough
loaded in this module's transaction.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.test.utils import override_settings
from django.urls import resolve
from hypothesis import HealthCheck, Phase, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from directory.openreferral.openapi import SCHEMAS

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(__file__).parent / "data" / "oruk"
OPENAPI_PATH = "/api/openreferral/openapi.json"
MAX_EXAMPLES = 30
# operation -> status code -> requests sent, filled by the fuzz test, checked after it.
CALLS: defaultdict[str, Counter[int]] = defaultdict(Counter)


def _inline_profile_refs(node: Any) -> Any:
    """The document with each reference to a published profile schema replaced by the schema
    itself (the files here are those schemas; no network in tests)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMAS):
            return _inline_profile_refs(json.loads((SCHEMA_DIR / ref[len(SCHEMAS) :]).read_text()))
        return {key: _inline_profile_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline_profile_refs(item) for item in node]
    return node


def _served_document() -> dict[str, Any]:
    """What GET /api/openreferral/openapi.json answers. Read when the module is collected (the
    document describes no data, so it needs no database), through the view itself."""
    request = RequestFactory().get(OPENAPI_PATH)
    with override_settings(OPENREFERRAL_RATE_LIMIT=0):
        response = resolve(OPENAPI_PATH).func(request)
    assert response.status_code == 200, response.content[:300]
    return _inline_profile_refs(json.loads(response.content))


@pytest.fixture
def same_connection(demo) -> Iterator[None]:
    """Keep the request handler from closing the test's connection between requests (Django's
    test client does the same), and turn the rate limit off."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with override_settings(OPENREFERRAL_RATE_LIMIT=0):
            yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_dict(_served_document())
schema.app = WSGIHandler()


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_every_generated_request_by_its_document(case, same_connection) -> None:
    # Plain bodies: schemathesis's WSGI client asks for gzip but checks the raw bytes (the API
    # compresses JSON when asked; tests/test_health_and_compression.py checks that).
    response = case.call_and_validate(
        excluded_checks=[positive_data_acceptance], headers={"Accept-Encoding": "identity"}
    )
    CALLS[case.operation.label][response.status_code] += 1


def test_every_operation_was_fuzzed(request) -> None:
    """Runs after the fuzzing above (pytest keeps the file's order): a run that sent nothing, or
    skipped an operation, must not pass as a clean one."""
    fuzz = test_api_answers_every_generated_request_by_its_document.__name__
    if not any(getattr(item, "originalname", "") == fuzz for item in request.session.items):
        pytest.skip("the fuzz test was not selected")
    operations = {result.ok().label for result in schema.get_all_operations()}
    assert set(CALLS) == operations, sorted(operations - set(CALLS))
    for label, statuses in CALLS.items():
        has_parameters = "{id}" in label or label.split()[-1] != "/"
        assert sum(statuses.values()) >= (10 if has_parameters else 1), (label, statuses)
        assert not [status for status in statuses if status >= 500], (label, statuses)
    print({label: dict(statuses) for label, statuses in sorted(CALLS.items())})
