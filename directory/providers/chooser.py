"""The page chooser's views that Wagtail's ``construct_page_chooser_queryset`` hook does not
reach (served by ``directory.admin_urls``). Browsing and searching are narrowed by that hook
(``admin``); a hidden parent page's URL answers 404 (``middleware``)."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse
from wagtail.admin.views import chooser

from .visibility import hidden_page_ids


class ChosenMultipleView(chooser.ChosenMultipleView):
    """Answers with each chosen page's title and URLs: none for another organisation's."""

    def get(self, request: Any) -> HttpResponse:
        ids = request.GET.getlist("id")
        if not all(pk.isdigit() for pk in ids):
            raise BadRequest("Page ids are whole numbers.")  # Wagtail's own view fails with 500
        if hidden_page_ids(request.user, ids):
            raise Http404
        return super().get(request)


class ExternalLinkView(chooser.ExternalLinkView):
    """Wagtail offers to turn a pasted URL into a link to the page it routes to, giving that
    page's id and draft title: not for another organisation's service, which stays a plain
    external link."""

    def post(self, request: Any) -> HttpResponse:
        response = super().post(request)
        answer = json.loads(response.content)
        matched = answer.get("internal") or answer.get("result") or {}
        if "id" in matched and hidden_page_ids(request.user, [matched["id"]]):
            return self.render_chosen_response(self.get_result_data())
        return response
