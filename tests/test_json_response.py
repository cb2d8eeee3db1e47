"""The JSON APIs' responses (directory.json_response): orjson in place of Django's JsonResponse,
with the same values accepted and the same meaning for each."""

from __future__ import annotations

import datetime
import decimal
import json
import uuid

import pytest
from django.http import JsonResponse
from django.utils.translation import gettext_lazy

from directory.json_response import FastJsonResponse

VALUES = [
    {"count": 3, "results": [{"name": "Stay and Play", "distance_miles": 0.42, "free": True}]},
    {"label": gettext_lazy("Targeted"), "cost": decimal.Decimal("2.50"), "none": None},
    {"at": datetime.datetime(2026, 12, 7, 10, 30, 5, 123456, tzinfo=datetime.UTC)},
    {
        "day": datetime.date(2026, 12, 7),
        "time": datetime.time(9, 30),
        "naive": datetime.datetime(2026, 1, 2),
    },
    {"id": uuid.UUID("12345678-1234-5678-1234-567812345678"), "for": datetime.timedelta(hours=2)},
    {"words": 'Café — ✓ Ünïcode 🙂 "quoted" \\ </script>', 7: "a number as a key"},
]


@pytest.mark.parametrize("value", VALUES)
def test_the_same_json_as_djangos_response(value):
    fast, django = FastJsonResponse(value), JsonResponse(value)
    assert fast["Content-Type"] == django["Content-Type"] == "application/json"
    assert json.loads(fast.content) == json.loads(django.content)


def test_only_a_dict_unless_told_otherwise_as_django_does():
    with pytest.raises(TypeError):
        FastJsonResponse([1, 2])
    assert json.loads(FastJsonResponse([1, 2], safe=False).content) == [1, 2]


def test_status_and_headers_are_kept():
    response = FastJsonResponse({"error": "Bad"}, status=400, headers={"Retry-After": "5"})
    assert response.status_code == 400 and response["Retry-After"] == "5"


def test_a_value_json_cannot_hold_is_refused():
    with pytest.raises(TypeError):
        FastJsonResponse({"thing": object()})
