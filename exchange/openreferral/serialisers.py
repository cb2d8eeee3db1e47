"""Our catalogue as Open Referral UK v3 objects: one function per object.

They read rows from ``records`` (or model instances: the field names are the same).

Optional fields that are empty are left out rather than sent as "" or null: the standard types
them as strings with formats (uri, email) that an empty value would break. Objects we keep
inside another row (a location's address and accessibility, a contact's phone, a service's
cost and its taxonomy links) get ids derived from their owner's id, so they never change.
"""

from __future__ import annotations

import html
import re
from typing import Any

from django.utils.html import strip_tags

from directory.choices import LANGUAGE_NAMES
from directory.models import ServicePage
from directory.models.identifiers import derived_id

from .records import Row, ServiceRecord
from .taxonomies import Term

JSON = dict[str, Any]

COUNTRY = "GB"
# Open Referral wants a state or province on every address; England's councils have none, so
# the field carries the country part, as other UK publishers do.
STATE_PROVINCE = "England"

# Our status choices are the standard's enum values already; this keeps it that way.
STATUS = {choice: choice for choice in ServicePage.Status.values}

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|ul|ol|div)>|<br\s*/?>", re.IGNORECASE)


def _present(**fields: Any) -> JSON:
    """The fields that have a value (0 and False count as values)."""
    return {name: value for name, value in fields.items() if value not in ("", None, [])}


def plain_text(rich_text: str) -> str:
    """Rich text as plain text: one line per paragraph or list item, entities decoded."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", rich_text or "")))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


# -- organisations --------------------------------------------------------------------------


def organization(org: Row) -> JSON:
    return {
        "id": org.oruk_id,
        "name": org.name,
        "description": org.description,
        **_present(email=org.email, website=org.website, phone=org.phone),
    }


def organization_full(org: Row, services: list[JSON] | None = None) -> JSON:
    """The organisation with its identifiers and, when given, its services."""
    identifiers = []
    for scheme, kind, value in (
        ("GB-CHC", "Charity number", org.charity_number),
        ("GB-COH", "Company number", org.company_number),
    ):
        if value:
            identifiers.append(
                {
                    "id": derived_id("organization_identifier", org.oruk_id, scheme),
                    "organization_id": org.oruk_id,
                    "identifier_scheme": scheme,
                    "identifier_type": kind,
                    "identifier": value,
                }
            )
    body = organization(org)
    if identifiers:
        body["organization_identifiers"] = identifiers
    if services is not None:
        body["services"] = services
    return body


# -- locations ------------------------------------------------------------------------------


def location(place: Row) -> JSON:
    located = place.latitude is not None and place.longitude is not None
    body = {
        "id": place.oruk_id,
        "location_type": "physical",
        "name": place.name,
        **({"latitude": place.latitude, "longitude": place.longitude} if located else {}),
    }
    if place.address_1 or place.postcode:
        body["addresses"] = [
            {
                "id": derived_id("address", place.oruk_id),
                "location_id": place.oruk_id,
                "address_1": ", ".join(line for line in (place.address_1, place.address_2) if line)
                or place.name,
                "city": place.city,
                "state_province": STATE_PROVINCE,
                "postal_code": place.postcode,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ]
    if place.accessibility:
        body["accessibility"] = [
            {
                "id": derived_id("accessibility", place.oruk_id),
                "location_id": place.oruk_id,
                "description": place.accessibility,
            }
        ]
    return body


def virtual_location_id(service_id: str) -> str:
    return derived_id("virtual_location", service_id)


def virtual_location(service: Row) -> JSON | None:
    """Where a service with no building is delivered, if it is delivered online: HSDS's
    virtual location, its web address the service's. None for any other service (a phone line
    is a contact, not a place; the importer reads a virtual location as "online" too)."""
    if not service.online:
        return None
    return {
        "id": virtual_location_id(service.oruk_id),
        "location_type": "virtual",
        "name": "Online",
        "description": f"{service.title} is delivered online: there is no building to visit.",
        **_present(url=service.website),
    }


def locations_of(record: ServiceRecord) -> list[JSON]:
    """The service's buildings or, for an online service with none, its virtual location."""
    if record.locations:
        return [location(place) for place in record.locations]
    virtual = virtual_location(record.service)
    return [virtual] if virtual else []


def service_at_location_id(location_id: str) -> str:
    return derived_id("service_at_location", location_id)


def service_at_location(service: Row, place: JSON) -> JSON:
    """The link between a service and one of its locations (an object from ``locations_of``)."""
    return {
        "id": service_at_location_id(place["id"]),
        "service_id": service.oruk_id,
        "location_id": place["id"],
        "location": place,
    }


def service_at_location_listed(record: ServiceRecord, place: JSON) -> JSON:
    """A service_at_location_list item: the link, its location and the service's one-to-one
    fields."""
    return service_at_location(record.service, place) | {"service": service_summary(record)}


def service_at_location_full(record: ServiceRecord, place: JSON) -> JSON:
    """The link with the fully nested service. The profile's OpenAPI document (3.0) types this
    answer as a service, HSDS's as a service_at_location: it is the latter, also carrying the
    two fields a service must have (the service's name and status), so it is valid by both."""
    service = service_full(record)
    del service["service_at_locations"]
    return {
        **service_at_location(record.service, place),
        "name": service["name"],
        "status": service["status"],
        "service": service,
    }


# -- services -------------------------------------------------------------------------------


def cost_options(service: Row) -> list[JSON]:
    """Free: one option with amount 0 in GBP. Charged: one option describing the fees in words
    (we hold no amount, so none is invented). Not known: only the words, if there are any."""
    option = {"id": derived_id("cost_option", service.oruk_id), "service_id": service.oruk_id}
    if service.is_free is None:
        words = _present(amount_description=service.fees_description)
        return [option | words] if words else []
    if service.is_free:
        option |= {"option": "Free", "amount": 0, "currency": "GBP"}
        option |= _present(amount_description=service.fees_description)
    else:
        option |= _present(option="Fee", amount_description=service.fees_description)
    return [option]


def service_minimal(service: Row) -> JSON:
    """Only what a client needs to tell what changed (``minimal``), and the fields every
    service listing must have."""
    return {
        "id": service.oruk_id,
        "name": service.title,
        "status": STATUS.get(service.status, "active"),
        **_present(
            last_modified=(
                service.last_published_at.isoformat() if service.last_published_at else None
            )
        ),
    }


def service_summary(record: ServiceRecord) -> JSON:
    """The service's one-to-one fields and its organisation (service_list)."""
    service = record.service
    description = "\n\n".join(
        part for part in (service.summary, plain_text(service.description)) if part
    )
    fees = "Free" if service.is_free is True else service.fees_description
    body = {
        "id": service.oruk_id,
        "name": service.title,
        "status": STATUS.get(service.status, "active"),
        **_present(
            organization_id=record.organisation.oruk_id if record.organisation else None,
            description=description,
            url=service.website,
            email=service.email,
            fees=fees,
            minimum_age=service.minimum_age,
            maximum_age=service.maximum_age,
            assured_date=service.last_reviewed.isoformat() if service.last_reviewed else None,
            alert=service.alert,
            last_modified=(
                service.last_published_at.isoformat() if service.last_published_at else None
            ),
        ),
    }
    if record.organisation:
        body["organization"] = organization(record.organisation)
    return body


def attribute(service: Row, term: Term) -> JSON:
    return {
        "id": derived_id("attribute", service.oruk_id, term.id),
        "link_id": service.oruk_id,
        "link_type": "service",
        "taxonomy_term_id": term.id,
        "taxonomy_term": term.as_oruk(),
    }


def external_attribute(service: Row, term: Row) -> JSON:
    """A term of another publisher's taxonomy that an import kept, published back as it came."""
    return {
        "id": derived_id("attribute", service.oruk_id, term.term_id),
        "link_id": service.oruk_id,
        "link_type": "service",
        "taxonomy_term_id": term.term_id,
        "taxonomy_term": {
            "id": term.term_id,
            "name": term.term,
            "description": term.description,
            "taxonomy": term.taxonomy,
            "term": term.term,
            **_present(taxonomy_id=term.taxonomy_id, code=term.code, term_uri=term.term_uri),
        },
    }


def without_organization(service: JSON) -> JSON:
    """A service nested in its organisation: the organisation is not repeated inside it."""
    return {key: value for key, value in service.items() if key != "organization"}


def service_full(record: ServiceRecord) -> JSON:
    """The fully nested service. Expects a record read with ``nested``."""
    service = record.service
    body = service_summary(record)
    if record.organisation:
        body["organization"] = organization_full(record.organisation)
    body["service_at_locations"] = [
        service_at_location(service, place) for place in locations_of(record)
    ]
    body["contacts"] = [
        {
            "id": contact.oruk_id,
            "service_id": service.oruk_id,
            **_present(name=contact.name, title=contact.title, email=contact.email),
            "phones": (
                [
                    {
                        "id": derived_id("phone", contact.oruk_id),
                        "contact_id": contact.oruk_id,
                        "number": contact.phone,
                        **_present(description=contact.phone_description),
                    }
                ]
                if contact.phone
                else []
            ),
        }
        for contact in record.contacts
    ]
    body["schedules"] = [
        {
            "id": schedule.oruk_id,
            "service_id": service.oruk_id,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": schedule.weekday.upper(),
            "opens_at": schedule.opens_at.isoformat(),
            "closes_at": schedule.closes_at.isoformat(),
            **_present(description=schedule.description, notes=service.schedule_notes),
        }
        for schedule in record.schedules
    ]
    body["cost_options"] = cost_options(service)
    body["languages"] = [
        {
            "id": language.oruk_id,
            "service_id": service.oruk_id,
            "name": LANGUAGE_NAMES.get(language.code, language.code),
            "code": language.code,
            **_present(note=language.note),
        }
        for language in record.languages
    ]
    body["service_areas"] = [
        {
            "id": area.oruk_id,
            "service_id": service.oruk_id,
            "name": area.name,
            "service_area": area.name,
            **_present(description=area.description),
        }
        for area in record.service_areas
    ]
    body["attributes"] = [attribute(service, term) for term in record.terms] + [
        external_attribute(service, term) for term in record.external_terms
    ]
    return body
