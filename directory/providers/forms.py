"""The service edit form: a provider picks only among their own organisations."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm

from ..models.organisations import Organisation
from .access import provider_organisation_ids

# Set by the council, not the provider: a provider sees them but cannot change them.
COMMISSIONING_FIELDS = (
    "commissioned",
    "commissioner",
    "contract_reference",
    "contract_start",
    "contract_end",
)


class ServicePageForm(WagtailAdminPageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = provider_organisation_ids(self.for_user) if self.for_user else None
        if allowed is None:
            return
        if "organisation" in self.fields:
            field = self.fields["organisation"]
            field.queryset = Organisation.objects.filter(pk__in=allowed)
            if len(allowed) == 1 and not self.initial.get("organisation"):
                self.initial["organisation"] = next(iter(allowed))
        for name in COMMISSIONING_FIELDS:
            if name in self.fields:
                self.fields[name].disabled = True
