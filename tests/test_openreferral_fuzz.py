"""Fuzzing the Open Referral UK read API with schemathesis, from the OpenAPI document we serve.

Every operation of /api/openreferral/openapi.json gets a bounded number of generated requests
(valid and invalid parameters), derandomised so CI sees the same ones each run. Each response
is checked by schemathesis's default checks: no 5xx, a status code, content type and headers the
document declares, and a body valid by the response schema (the official Open Referral
schemas, which the document refers to by their published address and which are read here from
tests/data/oruk/, offline). Invalid parameters must be refused with a 4xx. Left out: the check
that every schema-valid request gets a 2xx ("positive data acceptance"), because the API answers
400 with a clear message to requests the document cannot describe as invalid: an end_time not
after start_time, a proximity without a postcode, a postcode we cannot place, a per_page over
1,000 without minimal.

The requests go through Django's WSGI handler in this thread, so they see the demo borough
loaded in this module's transaction.
"""

from __future__ import annotations

import json
from collections import Counter
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
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from exchange.openreferral.openapi import SCHEMAS

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(__file__).parent / "data" / "oruk"
OPENAPI_PATH = "/api/openreferral/openapi.json"
MAX_EXAMPLES = 30


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
OPERATIONS = {result.ok().label: result.ok() for result in schema.get_all_operations()}


def _cases(operation) -> st.SearchStrategy:
    """Valid and invalid requests; an operation with no parameters has no invalid ones."""
    if not list(operation.iter_parameters()):
        return operation.as_strategy(GenerationMode.POSITIVE)
    return st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_every_operation_answers_generated_requests_by_its_document(label, same_connection):
    """Each operation is fuzzed and counted on its own: what this test asserts depends on no
    other test, on no order and on nothing kept between tests."""
    operation = OPERATIONS[label]
    statuses: Counter[int] = Counter()

    @given(case=_cases(operation))
    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case) -> None:
        # Uncompressed: this transport does not undo gzip (tests/test_health_and_compression.py
        # covers the compression).
        response = case.call_and_validate(
            headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance]
        )
        statuses[response.status_code] += 1

    fuzz()
    has_parameters = "{id}" in label or bool(list(operation.iter_parameters()))
    assert sum(statuses.values()) >= (10 if has_parameters else 1), statuses
    assert not [status for status in statuses if status >= 500], statuses
