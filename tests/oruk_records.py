"""Open Referral UK service records as a feed serves them (``service_full``), small and valid,
for the importer's tests: ``record`` with fields overridden, ``attribute`` a taxonomy term."""

from __future__ import annotations

import uuid
from typing import Any


def record(**overrides: Any) -> dict[str, Any]:
    """A small valid service_full object from a Lewisham-like feed."""
    service_id = overrides.pop("id", str(uuid.uuid4()))
    body = {
        "id": service_id,
        "name": "Stay and play",
        "status": "active",
        "description": "Songs and play for under-fives.\n\nBring a snack.\nNo need to book.",
        "organization": {
            "id": "5d0b2d4c-0e5b-4f7e-9a53-0f1e2a3b4c5d",
            "name": "Hither Green Families",
            "description": "A local charity.",
        },
        "minimum_age": 0,
        "maximum_age": 5,
        "cost_options": [{"id": str(uuid.uuid4()), "amount": 0, "currency": "GBP"}],
        "service_at_locations": [
            {
                "id": str(uuid.uuid4()),
                "location": {
                    "id": str(uuid.uuid4()),
                    "location_type": "physical",
                    "name": "Hither Green Hub",
                    "addresses": [
                        {
                            "id": str(uuid.uuid4()),
                            "address_1": "1 Hither Green Lane",
                            "city": "London",
                            "state_province": "England",
                            "postal_code": "se13 6lh",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "schedules": [
            {
                "id": str(uuid.uuid4()),
                "freq": "WEEKLY",
                "byday": "MO,WE",
                "opens_at": "09:30:00",
                "closes_at": "11:30:00",
            }
        ],
        "contacts": [
            {
                "id": str(uuid.uuid4()),
                "name": "Front desk",
                "phones": [{"id": str(uuid.uuid4()), "number": "020 7946 0000"}],
            }
        ],
        "attributes": [
            attribute("Level of need", "Universal"),
            attribute("need", "Parenting programmes"),
        ],
    }
    body.update(overrides)
    return body


def attribute(taxonomy: str, name: str, **term: Any) -> dict[str, Any]:
    term_id = term.pop("id", str(uuid.uuid4()))
    return {
        "id": str(uuid.uuid4()),
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "name": name,
            "description": "",
            "taxonomy": taxonomy,
            **term,
        },
    }


def import_counts() -> tuple[int, ...]:
    """What an import writes, counted: a failed or repeated import leaves these unchanged."""
    from wagtail.models import Revision

    from directory.models import Circumstance, Need, Organisation, ServiceExternalTerm, ServicePage

    return (
        ServicePage.objects.count(),
        Organisation.objects.count(),
        Need.objects.count(),
        Circumstance.objects.count(),
        Revision.objects.count(),
        ServiceExternalTerm.objects.count(),
    )
