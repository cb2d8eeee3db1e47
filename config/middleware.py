"""Compressing the JSON APIs' answers for clients that ask (Accept-Encoding: gzip).

Only JSON: an HTML page carries a CSRF token, and compressing a secret alongside text an
attacker can put in the same response (a search's words) lets them guess it from the sizes
(BREACH). The JSON APIs carry no secrets. A page of 1,000 Open Referral services shrinks about
tenfold.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware


def is_json(response: HttpResponseBase) -> bool:
    media_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


class GZipJSONMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not is_json(response):
            return response
        return super().process_response(request, response)
