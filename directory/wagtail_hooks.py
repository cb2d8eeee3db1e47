"""Admin for commissioners: vocabularies, organisations and postcodes, with live service counts."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.html import format_html
from django_filters import CharFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .age_band_refresh import refresh_all_age_bands
from .geocoding import InvalidPostcode, normalise_postcode
from .models import (
    AgeBand,
    Circumstance,
    LevelOfNeed,
    Need,
    Organisation,
    Postcode,
    SchoolHoliday,
    ServicePage,
)
from .models.services import ServiceLocation
from .safe_export import FormulaSafeSnippetIndexView

LIVE_SERVICES = Column("live_services", label="Live services", sort_key="live_services")


class LiveServiceCountViewSet(SnippetViewSet):
    """A listing whose rows show how many live services use them (the 'Live services' column)."""

    # The relation from a row to its services' tag rows, and from there to the ServicePage.
    services_relation = "tagged_services"
    page_path = "tagged_services__content_object"
    search_backend_name = None  # plain ORM search over search_fields: these lists are small
    index_view_class = FormulaSafeSnippetIndexView  # its CSV and XLSX exports
    list_per_page = 200  # a vocabulary is read as a whole

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        live = Q(**{f"{self.page_path}__live": True})
        return self.model._default_manager.annotate(
            live_services=Count(self.services_relation, filter=live, distinct=True)
        )


class NeedViewSet(LiveServiceCountViewSet):
    model = Need
    icon = "tag"
    menu_label = "Needs"
    list_display = [
        "name",
        Column("parent", label="Category"),
        "sensitive",
        "needs_review",
        LIVE_SERVICES,
    ]
    list_filter = ["parent", "sensitive", "needs_review"]
    search_fields = ["name", "description"]
    ordering = ["parent__sort_order", "sort_order", "name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Need]:
        return super().get_queryset(request).select_related("parent")


class LevelOfNeedViewSet(LiveServiceCountViewSet):
    model = LevelOfNeed
    icon = "list-ol"
    menu_label = "Levels of need"
    list_display = ["name", "description", LIVE_SERVICES]
    search_fields = ["name"]
    services_relation = page_path = "services"


class AgeBandViewSet(LiveServiceCountViewSet):
    model = AgeBand
    icon = "group"
    menu_label = "Age bands"
    list_display = ["name", "kind", "min_age", "max_age", LIVE_SERVICES]
    search_fields = ["name"]
    sort_order_field = "sort_order"


class CircumstanceViewSet(LiveServiceCountViewSet):
    model = Circumstance
    icon = "user"
    menu_label = "Circumstances"
    list_display = ["name", "needs_review", LIVE_SERVICES]
    list_filter = ["needs_review"]
    search_fields = ["name", "description"]
    sort_order_field = "sort_order"


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = "Vocabularies"
    menu_icon = "folder-open-inverse"
    menu_order = 210
    items = (NeedViewSet, LevelOfNeedViewSet, AgeBandViewSet, CircumstanceViewSet)


class OrganisationViewSet(LiveServiceCountViewSet):
    model = Organisation
    icon = "site"
    menu_label = "Organisations"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "email", "is_commissioner", LIVE_SERVICES]
    list_filter = ["is_commissioner"]
    search_fields = ["name", "description", "email"]
    list_export = ["oruk_id", "name", "email", "phone", "website", "charity_number"]
    services_relation = page_path = "services"
    list_per_page = 50


class PostcodeFilterSet(WagtailFilterSet):
    # A prefix filter on the indexed column: icontains would scan millions of rows.
    postcode = CharFilter(label="Postcode or district starts with", method="filter_prefix")

    class Meta:
        model = Postcode
        fields: list[str] = []

    def filter_prefix(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        compact = value.replace(" ", "").upper()
        try:
            prefix = normalise_postcode(compact, allow_outward=True)
        except InvalidPostcode:
            prefix = compact
        return queryset.filter(postcode__startswith=prefix)


class PostcodeViewSet(SnippetViewSet):
    model = Postcode
    icon = "site"
    menu_label = "Postcodes"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["postcode", "outward", "latitude", "longitude"]
    filterset_class = PostcodeFilterSet
    ordering = ["postcode"]
    list_per_page = 50


class SchoolHolidayViewSet(SnippetViewSet):
    """The council's school holidays: term-time-only services are closed on them."""

    model = SchoolHoliday
    icon = "date"
    menu_label = "School holidays"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "first_day", "last_day"]
    ordering = ["-first_day"]


register_snippet(VocabularyGroup)
register_snippet(OrganisationViewSet)
register_snippet(PostcodeViewSet)
register_snippet(SchoolHolidayViewSet)


@hooks.register("insert_global_admin_css")
def directory_admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("directory/admin.css"))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_ungeocoded_locations(request: HttpRequest, page) -> None:
    """Tell the editor when a location could not be put on the map; the page is saved anyway."""
    page = page.specific
    if not isinstance(page, ServicePage):
        return
    for location in page.locations.all():
        if location.geocode_status == ServiceLocation.GeocodeStatus.NOT_FOUND:
            messages.warning(
                request,
                f"'{location.name}': the postcode {location.postcode or '(none)'} was not found, "
                "so this location is not on the map and will not appear in searches near a "
                "postcode. Check the postcode, or enter the map position by hand.",
            )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def rederive_age_bands(request: HttpRequest, instance) -> None:
    """Age bands are derived from ages, so a changed band re-tags every service at once."""
    models = {type(item) for item in instance} if isinstance(instance, list) else {type(instance)}
    if AgeBand in models:
        changed = refresh_all_age_bands()
        if changed:
            messages.info(request, f"Age bands updated on {changed} services.")


# Admin screens of the catalogue that live in their own modules; feature apps (exchange,
# commissioning, demo) register theirs from their own wagtail_hooks.py.
from . import admin_api  # noqa: E402, F401
from .providers import admin as providers_admin  # noqa: E402, F401
from .services_admin import admin as services_admin  # noqa: E402, F401
