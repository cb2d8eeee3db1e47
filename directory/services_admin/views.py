"""The Services listing: Wagtail's page listing (search, sorting, pagination, bulk actions)
narrowed to the directory's services, with the columns and filters commissioners work by.

Provider accounts see only their own organisations' services, here and in every bulk action.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.models import WorkflowState

from ..models import LevelOfNeed, Need, Organisation, ServiceNeed, ServicePage
from ..models.reviews import due_days_before
from ..models.services import ServicePageQuerySet
from ..providers.access import provider_organisation_ids
from ..providers.visibility import without_hidden_pages
from .status import STATUSES, directory_services, status_filter


def visible_services(user: Any) -> ServicePageQuerySet:
    """The services this user may see in the Services screen: a provider's own organisations',
    everyone else's every service in the directory."""
    # By page id (directory.providers.visibility): a search can filter on that, not organisation.
    return without_hidden_pages(directory_services(), user)


def _visible_organisations(request: Any) -> QuerySet[Organisation]:
    organisations = Organisation.objects.order_by("name")
    allowed = provider_organisation_ids(request.user) if request else None
    return organisations if allowed is None else organisations.filter(pk__in=allowed)


class ServiceFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=list(STATUSES.items()),
        empty_label="Any status",
        method="filter_status",
    )
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation", queryset=_visible_organisations, empty_label="Any organisation"
    )
    level = django_filters.ModelChoiceFilter(
        label="Level of need",
        field_name="levels",
        queryset=LevelOfNeed.objects.order_by("rank"),
        empty_label="Any level",
    )
    need = django_filters.ModelChoiceFilter(
        label="Need (a category includes its needs)",
        queryset=Need.objects.select_related("parent").order_by(
            "parent__sort_order", "parent__name", "sort_order", "name"
        ),
        empty_label="Any need",
        method="filter_need",
    )

    class Meta:
        model = ServicePage
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(status_filter(value))

    def filter_need(self, queryset: QuerySet, name: str, value: Need) -> QuerySet:
        tagged = ServiceNeed.objects.filter(tag__in=value.descendant_ids())
        return queryset.filter(pk__in=tagged.values("content_object_id"))


def listed_service_ids(request: Any) -> list[int]:
    """The services the Services screen lists for this request's filters and search."""
    services = visible_services(request.user)
    filters = ServiceFilterSet(request.GET, queryset=services, request=request)
    if filters.is_valid():
        services = filters.qs
    query = request.GET.get("q", "").strip()
    if query:
        return [page.pk for page in services.autocomplete(query)]
    return list(services.values_list("pk", flat=True))


# What page.workflow_in_progress reads. Wagtail's prefetch_workflow_states() takes a queryset of
# plain pages (or .specific(), which would drop this listing's other prefetches); a ServicePage
# queryset reaches its workflow states through the specific relation.
ACTIVE_WORKFLOW_STATES = Prefetch(
    "_specific_workflow_states",
    queryset=WorkflowState.objects.active(),
    to_attr="_current_workflow_states",
)


def _levels(page: ServicePage) -> str:
    return ", ".join(level.name for level in page.levels.all())


class StatusColumn(Column):
    """Published or draft, waiting for approval, and changes not yet published, in words."""

    cell_template_name = "directory/services_admin/status_cell.html"

    def get_cell_context_data(self, instance: ServicePage, parent_context: Any) -> dict:
        context = super().get_cell_context_data(instance, parent_context)
        # From the workflow states the listing prefetches (annotate_queryset).
        context["in_approval"] = instance.workflow_in_progress
        return context


class ReviewDueColumn(Column):
    cell_template_name = "directory/services_admin/review_due_cell.html"

    def get_cell_context_data(self, instance: ServicePage, parent_context: Any) -> dict:
        context = super().get_cell_context_data(instance, parent_context)
        today = timezone.localdate()
        due = instance.review_due
        # Only what families can see falls due: a draft never published is not overdue.
        context.update(
            due=due,
            overdue=instance.live and (due is None or due < today),
            due_soon=instance.live
            and due is not None
            and 0 <= (due - today).days <= due_days_before(),
        )
        return context


class ServiceColumn(Column):
    """A column another app adds to the Services screen (``COLUMNS_HOOK``): ``prepare`` gives it
    what its cells read, for the whole page in a fixed number of queries."""

    def prepare(self, services: QuerySet[ServicePage]) -> QuerySet[ServicePage]:
        return services


# Other apps add columns to the Services screen with this hook: each function registered with it
# returns a Column (a ServiceColumn to prefetch what it reads), shown after the screen's own.
COLUMNS_HOOK = "register_services_listing_column"


def added_columns() -> list[Column]:
    return [make_column() for make_column in hooks.get_hooks(COLUMNS_HOOK)]


class ServiceIndexView(IndexView):
    page_title = "Services"
    header_icon = "list-ul"
    paginate_by = 50
    default_ordering = "title"
    search_box_placeholder = "Search services by name"

    # The viewset hands these to the view as its columns.
    base_columns = [
        BulkActionsColumn("bulk_actions"),
        # A plain link to the editor: Wagtail's page title column adds a "More" menu to each
        # row whose buttons cost several queries and most of the listing's rendering time.
        TitleColumn(
            "title",
            label="Service",
            sort_key="title",
            classname="title",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            get_title_id=lambda page: f"page_{page.pk}_title",
        ),
        Column(
            "organisation",
            label="Organisation",
            accessor="organisation.name",
            sort_key="organisation__name",
        ),
        Column("levels", label="Levels of need", accessor=_levels),
        StatusColumn("status", label="Status", sort_key="live"),
        ReviewDueColumn("review_due", label="Review due", sort_key="review_due"),
    ]

    @cached_property
    def filterset_class(self) -> type[WagtailFilterSet]:
        return ServiceFilterSet

    def get_base_queryset(self) -> QuerySet[ServicePage]:
        services = (
            visible_services(self.request.user)
            .prefetch_related(ACTIVE_WORKFLOW_STATES, "levels")
            .select_related("organisation")
        )
        for column in self.columns:
            if isinstance(column, ServiceColumn):
                services = column.prepare(services)
        return services

    def get_table_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_table_kwargs(),
            "caption": "Services in the directory",
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The bulk actions are the services' own (bulk_actions.py), not every page's.
        context["model_opts"] = ServicePage._meta
        return context
