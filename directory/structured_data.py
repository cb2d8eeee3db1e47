"""Schema.org JSON-LD for service pages, so search engines and assistants can read them."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .choices import WEEKDAYS

# schema.org names days in English, as the model's weekday choices do.
SCHEMA_DAYS = dict(WEEKDAYS)
# Where a block of rich text ends, a paragraph break; where a line or list item ends, a line.
PARAGRAPH_END = re.compile(r"</(?:p|h[1-6]|ul|ol|blockquote)\s*>", re.IGNORECASE)
LINE_END = re.compile(r"</li\s*>|<br\s*/?>", re.IGNORECASE)


def page_address(page: Any, request: HttpRequest | None = None) -> str:
    """The page's full address as people reach it: on the request's host and scheme (behind the
    proxy too), else under settings.WAGTAILADMIN_BASE_URL; never Wagtail's placeholder host."""
    parts = page.get_url_parts(request)
    path = parts[2] if parts else page.url_path
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def plain_paragraphs(rich_text: str) -> str:
    """Rich text as plain text that keeps its paragraphs apart (a blank line between them, a
    line per list item), instead of running them together."""
    text = " ".join((rich_text or "").split())  # line breaks in the HTML source mean nothing
    text = LINE_END.sub("\n", PARAGRAPH_END.sub("\n\n", text))
    text = html.unescape(strip_tags(text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def service_json_ld(page: Any, request: HttpRequest | None = None) -> str:
    """A schema.org Service (with its provider, places, hours and audience) as JSON text."""
    url = page_address(page, request)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": url,
        "identifier": page.oruk_id,
        "name": page.title,
        "description": page.summary,
        "url": page.website or url,
        "serviceType": [need.name for need in page.needs.all()],
        **({"isAccessibleForFree": page.is_free} if page.is_free is not None else {}),
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
    if page.is_free is not True and page.fees_description:
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
        data["disambiguatingDescription"] = Truncator(plain_paragraphs(page.description)).chars(500)
    # Escape '<' so the JSON can never close the script element it sits in.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
