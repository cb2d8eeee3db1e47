"""The Content-Security-Policy: the site's strict policy everywhere, loosened on the admin.

Wagtail's and Django's admin screens run inline scripts and styles of their own (the page
editor's panels, "Add contact", the rich text editor), which a policy of `script-src 'self'`
blocks. So under ADMIN_URL_PREFIXES the policy gets ADMIN_CONTENT_SECURITY_POLICY_ADDITIONS on
top (django-csp's "update"); every other directive still holds there, and public pages keep the
strict policy unchanged.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.ADMIN_URL_PREFIXES))


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if is_admin_path(request.path_info):
            additions = settings.ADMIN_CONTENT_SECURITY_POLICY_ADDITIONS
            update = {key: list(values) for key, values in (parts.update or {}).items()}
            for directive, sources in additions.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts
