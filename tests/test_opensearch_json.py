"""What the search engine is sent and how its answers are read (search.engines.opensearch_json):
orjson in place of the standard library's json, with the same meaning for every value a
document or query holds."""

from __future__ import annotations

import datetime
import decimal
import json
import uuid

import pytest
from opensearchpy.exceptions import SerializationError
from opensearchpy.serializer import JSONSerializer

from search.engines.opensearch_json import OrjsonSerializer

VALUES = [
    {"name": "Stay and Play", "ages": [0, 4], "free": True, "radius": 3.5, "alert": None},
    {"name": "Café for carers — ✓ Ünïcode", "emoji": "🙂", "quote": 'a "quoted" \\ word'},
    {"when": datetime.datetime(2026, 12, 7, 10, 30, 5, 123456, tzinfo=datetime.UTC)},
    {"when": datetime.datetime(2026, 12, 7, 10, 30), "day": datetime.date(2026, 12, 7)},
    {"id": uuid.UUID("12345678-1234-5678-1234-567812345678"), "cost": decimal.Decimal("2.50")},
    {7: "a key that is a number", "nested": {"deep": [{"a": [1, 2, {"b": None}]}]}},
    {"big": 2**53 + 1, "negative": -12, "small": 1e-7},
]


@pytest.mark.parametrize("value", VALUES)
def test_what_is_sent_means_what_the_standard_serializer_sends(value):
    standard, fast = JSONSerializer(), OrjsonSerializer()
    assert json.loads(fast.dumps(value)) == json.loads(standard.dumps(value))


@pytest.mark.parametrize("value", VALUES)
def test_an_answer_reads_as_the_standard_serializer_reads_it(value):
    text = JSONSerializer().dumps(value)
    fast = OrjsonSerializer()
    assert fast.loads(text) == fast.loads(text.encode()) == JSONSerializer().loads(text)


def test_text_already_serialised_is_sent_as_it_is():
    # The bulk helpers pass each action line already written.
    line = '{"index":{"_id":"7"}}'
    assert OrjsonSerializer().dumps(line) is line


@pytest.mark.parametrize("serializer", [JSONSerializer(), OrjsonSerializer()])
def test_what_cannot_be_written_or_read_is_refused_alike(serializer):
    with pytest.raises(SerializationError):
        serializer.dumps({"thing": object()})
    with pytest.raises(SerializationError):
        serializer.loads('{"cut short": ')
