"""The demo search log: each row is what the search page (or the API) logs for that search."""

from __future__ import annotations

import pytest
from django.utils import timezone

from demo.searches import demo_searches, load_demo_searches
from search.models import SearchLog

# Everything a row holds but its id, when it was written and how long the search took.
COMPARED = [
    field.name
    for field in SearchLog._meta.fields
    if field.name not in {"id", "created_at", "duration_ms"}
]


def _logged(row: SearchLog) -> dict:
    values = {name: getattr(row, name) for name in COMPARED}
    values["params"] = {key: value for key, value in row.params.items() if key != "demo"}
    return values


@pytest.mark.django_db
def test_demo_rows_are_what_a_real_search_logs(demo_in_test, client) -> None:
    now = timezone.now()
    assert load_demo_searches(now=now) > 0
    searches = demo_searches(now)
    rows = list(SearchLog.objects.filter(params__demo=True).order_by("pk"))
    assert len(rows) == len(searches)
    assert [row.created_at for row in rows] == [search.created_at for search in searches]

    # The first of each kind (words or a need, with or without a postcode and a level, on
    # the page or the API), every other one of those: about 75 requests.
    firsts, kinds = [], set()
    for search, row in zip(searches, rows, strict=True):
        params = search.params
        kind = (
            params.get("q", ""),
            tuple(params.getlist("need")),
            "postcode" in params,
            "level" in params,
            search.api,
        )
        if kind not in kinds:
            kinds.add(kind)
            firsts.append((search, row))
    sample = firsts[::2]
    # It reaches the API, levels, places and none, and searches finding nothing.
    assert len(sample) >= 50
    assert any(row.api for _, row in sample) and any(not row.api for _, row in sample)
    assert any(row.params.get("level") for _, row in sample)
    assert any(row.postcode_district for _, row in sample)
    assert any(not row.postcode_district for _, row in sample)
    assert any(row.result_count == 0 for _, row in sample)
    assert any(row.needs for _, row in sample) and any(row.q for _, row in sample)

    for search, row in sample:
        before = SearchLog.objects.count()
        response = client.get("/api/search" if search.api else "/search/", search.params)
        assert response.status_code == 200
        assert SearchLog.objects.count() == before + 1
        logged = SearchLog.objects.order_by("-pk").first()
        assert _logged(logged) == _logged(row), search.params.urlencode()
