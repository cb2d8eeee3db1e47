"""Admin for commissioners: the synonym list that both search engines use."""

from __future__ import annotations

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Search synonyms"
    menu_order = 215
    add_to_admin_menu = True
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]
    search_backend_name = None  # plain ORM search: the list is short
    list_per_page = 200


register_snippet(SynonymViewSet)
