"""The public form, and what keeps robots out without a third-party service.

- A honeypot: a field people never see (hidden from sight and from screen readers) and leave
  empty; robots that fill in every field fill it in.
- A minimum time: the form carries the time it was shown, signed with the site's secret, and a
  report sent back sooner than a person could type one (or with the time missing, altered or
  more than a day old) is refused.
"""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.core import signing

from directory.models import ProblemReport

SIGNING_SALT = "directory.problem-report-form"
MIN_SECONDS = 3
MAX_AGE_SECONDS = 24 * 60 * 60


def form_token() -> str:
    """The signed time the form was shown."""
    return signing.dumps(time.time(), salt=SIGNING_SALT)


class ProblemReportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is wrong?",
        choices=ProblemReport.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what is wrong with this page."},
    )
    details = forms.CharField(
        label="Tell us more (optional)",
        help_text="For example the right phone number, or where it has moved to. Please do not "
        "include anything about you or your family.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": "Keep it to 2,000 characters or fewer."},
    )
    reply_email = forms.EmailField(
        label="Your email address (optional)",
        help_text="Only if you would like a reply. We delete it when we have dealt with your "
        "report.",
        required=False,
        error_messages={
            "invalid": "Enter an email address like name@example.com, or leave it empty."
        },
    )
    # Not for people: see the module's docstring.
    website = forms.CharField(required=False)
    shown = forms.CharField(required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("website"):
            raise forms.ValidationError("Your report could not be sent. Please try again.")
        try:
            shown_at = signing.loads(
                data.get("shown") or "", salt=SIGNING_SALT, max_age=MAX_AGE_SECONDS
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                "This form has expired. Please check your report and send it again."
            ) from None
        if time.time() - float(shown_at) < MIN_SECONDS:
            raise forms.ValidationError(
                "That was sent very quickly. Please check your report and send it again."
            )
        return data
