"""Schema.org JSON-LD for service pages, so search engines and assistants can read them."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.html import strip_tags

from .models.services import WEEKDAYS

# schema.org names days in English, as the model's weekday choices do.
SCHEMA_DAYS = dict(WEEKDAYS)


def service_json_ld(page: Any, request: HttpRequest | None = None) -> str:
    """A schema.org Service (with its provider, places, hours and audience) as JSON text."""
    url = page.get_full_url(request) if request is not None else page.full_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": url,
        "identifier": page.oruk_id,
        "name": page.title,
        "description": page.summary,
        "url": page.website or url,
        "serviceType": [need.name for need in page.needs.all()],
        "isAccessibleForFree": page.is_free,
        "audience": {
            "@type": "PeopleAudience",
            **({"suggestedMinAge": page.minimum_age} if page.minimum_age is not None else {}),
            **({"suggestedMaxAge": page.maximum_age} if page.maximum_age is not None else {}),
        },
    }
    if page.organisation_id:
        organisation = page.organisation
        data["provider"] = {
            "@type": "Organization",
            "name": organisation.name,
            **({"url": organisation.website} if organisation.website else {}),
        }
    if page.email:
        data["email"] = page.email
    contacts = list(page.contacts.all())
    if contacts and contacts[0].phone:
        data["telephone"] = contacts[0].phone
    if not page.is_free and page.fees_description:
        data["offers"] = {"@type": "Offer", "description": page.fees_description}
    places = [
        {
            "@type": "Place",
            "name": location.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": ", ".join(filter(None, [location.address_1, location.address_2])),
                "addressLocality": location.city,
                "postalCode": location.postcode,
                "addressCountry": "GB",
            },
            **(
                {
                    "geo": {
                        "@type": "GeoCoordinates",
                        "latitude": location.latitude,
                        "longitude": location.longitude,
                    }
                }
                if location.has_coordinates
                else {}
            ),
        }
        for location in page.locations.all()
    ]
    if places:
        data["availableChannel"] = [
            {"@type": "ServiceChannel", "serviceLocation": place} for place in places
        ]
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[schedule.weekday]}",
            "opens": schedule.opens_at.strftime("%H:%M"),
            "closes": schedule.closes_at.strftime("%H:%M"),
        }
        for schedule in page.schedules.all()
    ]
    if hours:
        data["hoursAvailable"] = hours
    if page.last_reviewed:
        data["dateModified"] = page.last_reviewed.isoformat()
    if page.description:
        data["disambiguatingDescription"] = strip_tags(page.description)[:500]
    # Escape '<' so the JSON can never close the script element it sits in.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
