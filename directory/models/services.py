"""Services as Wagtail pages, so commissioners get drafts, moderation, history and scheduling.

Field names follow Open Referral UK v3 where the standard has one (name, description, status,
url, email, minimum_age, maximum_age, assured_date as ``last_reviewed``, contacts, schedules,
service_areas, languages, locations).
"""

from __future__ import annotations

import datetime
from contextvars import ContextVar

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Subquery
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..age_bands import derive_age_bands
from ..choices import (
    ACCESS_ROUTES,
    AREA_WIDE_DELIVERY,
    DELIVERY_MODES,
    LANGUAGE_NAMES,
    LANGUAGES,
    WEEKDAYS,
)
from ..geocoding import InvalidPostcode, geocode_postcode, normalise_postcode
from ..getting_in_touch import tel_uri
from ..providers.forms import ServicePageForm
from ..structured_data import service_json_ld
from .identifiers import OrukIdField
from .tagging import VocabularyTaggableManager, set_tags
from .vocabularies import AgeBand, Circumstance, LevelOfNeed, Need

MAX_AGE = 120
# Set (directory.writer) to the levels of need by id while a batch of revisions is opened whose
# references are checked together afterwards.
REVISION_REFERENCES_CHECKED_IN_BULK: ContextVar[dict | None] = ContextVar(
    "revision_references_checked_in_bulk", default=None
)


class DirectoryIndexPage(Page):
    """The root of the catalogue: every ServicePage lives under it."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["directory.ServicePage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = "directory"

    def permissions_for_user(self, user):
        """Providers may add services here, but not change the directory page itself."""
        from ..providers.permissions import DirectoryPermissionTester

        return DirectoryPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = (
            ServicePage.objects.listed()
            .child_of(self)
            .order_by("title")
            .select_related("organisation")
        )
        return context


class ServiceNeed(TaggedItemBase):
    tag = models.ForeignKey(Need, on_delete=models.PROTECT, related_name="tagged_services")
    content_object = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="tagged_needs"
    )


class ServiceCircumstance(TaggedItemBase):
    tag = models.ForeignKey(Circumstance, on_delete=models.PROTECT, related_name="tagged_services")
    content_object = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="tagged_circumstances"
    )


class ServiceAgeBand(TaggedItemBase):
    tag = models.ForeignKey(AgeBand, on_delete=models.PROTECT, related_name="tagged_services")
    content_object = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="tagged_age_bands"
    )


class ServicePageQuerySet(PageQuerySet):
    def listed(self) -> ServicePageQuerySet:
        """The services families may see, the one meaning of "listed" for every public surface
        (search, menus, the directory page, shortlists, the Open Referral API).

        Published (Wagtail unpublishes a page when it expires), public (no view restriction on
        it or above it), and inside the directory page, so never in the deleted-services bin,
        which sits outside every site. The directory's path comes from a subquery the database
        runs once: no extra query, and no work per row beyond comparing paths.
        """
        directory_path = DirectoryIndexPage.objects.order_by("path").values("path")[:1]
        return self.live().public().filter(path__startswith=Subquery(directory_path))


class ServicePageManager(PageManager.from_queryset(ServicePageQuerySet)):  # type: ignore[misc]
    pass


# The permission behind every import and export screen and command (ServicePage.Meta).
IMPORT_SERVICES = "directory.import_services"


class ServicePage(Page):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"
        INACTIVE = "inactive", "Inactive"
        DEFUNCT = "defunct", "Closed for good"

    objects = ServicePageManager()

    oruk_id = OrukIdField()
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="services",
        help_text="Who runs the service.",
    )
    summary = models.CharField(
        max_length=300, help_text="One or two plain-English sentences: what it is and who for."
    )
    description = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul", "h3"])
    status = models.CharField(max_length=32, choices=Status.choices, default=Status.ACTIVE)
    alert = models.CharField(
        max_length=255, blank=True, help_text="A short-term notice, e.g. 'No sessions in August'."
    )
    website = models.URLField(
        blank=True, help_text="The service's own web page, if it has one (starting https://)."
    )
    email = models.EmailField(
        blank=True, help_text="An email address families can write to about this service."
    )

    # Who it is for
    minimum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text="Youngest child or young person, in years. Leave empty for no lower limit.",
    )
    maximum_age = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AGE)],
        help_text="Oldest, in years. Leave empty for no upper limit.",
    )
    for_expectant_parents = models.BooleanField(
        "for expectant parents", default=False, help_text="Offered during pregnancy."
    )
    for_parents_and_carers = models.BooleanField(
        default=False, help_text="Offered to parents and carers themselves."
    )
    eligibility = models.TextField(blank=True, help_text="Any other conditions, in plain English.")
    needs = VocabularyTaggableManager(
        through=ServiceNeed, blank=True, related_name="services", verbose_name="needs"
    )
    circumstances = VocabularyTaggableManager(
        through=ServiceCircumstance,
        blank=True,
        related_name="services",
        verbose_name="who it's especially for",
    )
    # Derived from the age range on every save; never edited.
    age_bands = VocabularyTaggableManager(
        through=ServiceAgeBand, blank=True, related_name="services", verbose_name="age bands"
    )
    levels = ParentalManyToManyField(
        LevelOfNeed,
        related_name="services",
        blank=False,
        verbose_name="levels of need",
        help_text="Tick each level of need the service helps at; at least one.",
    )

    # Cost
    # None: the cost is not known (an import whose feed did not say), never "free" by default.
    is_free = models.BooleanField("free", null=True, blank=True, default=True)
    fees_description = models.TextField(
        "cost details", blank=True, help_text="What it costs and any concessions."
    )

    # How to get it
    self_referral = models.BooleanField("families can refer themselves", default=False)
    professional_referral = models.BooleanField("professionals can refer", default=False)
    early_help_assessment = models.BooleanField("needs an early help assessment", default=False)
    front_door_referral = models.BooleanField(
        "referral through the council's front door", default=False
    )
    who_can_refer = models.CharField(
        max_length=255, blank=True, help_text="e.g. 'GP, health visitor or school'."
    )
    access_instructions = models.TextField(
        "how to get it", blank=True, help_text="Step by step, in plain English."
    )
    referral_url = models.URLField(
        "referral form link", blank=True, help_text="A web address for an online referral form."
    )

    # How it is delivered
    in_person = models.BooleanField(default=False)
    online = models.BooleanField(default=False)
    by_phone = models.BooleanField("by phone", default=False)
    home_visits = models.BooleanField(default=False)
    group_sessions = models.BooleanField(default=False)
    available_across_area = models.BooleanField(
        "available across the whole area",
        default=False,
        help_text="Tick if families anywhere in the area can use it, wherever it is based.",
    )
    term_time_only = models.BooleanField(default=False)
    schedule_notes = models.CharField(
        "opening notes", max_length=255, blank=True, help_text="e.g. 'Closed on bank holidays'."
    )

    # Commissioning (admin only)
    commissioned = models.BooleanField(
        default=False, help_text="Paid for by the council or another commissioner."
    )
    commissioner = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commissioned_services",
        limit_choices_to={"is_commissioner": True},
    )
    contract_reference = models.CharField(
        max_length=100, blank=True, help_text="The commissioner's reference for the contract."
    )
    contract_start = models.DateField(null=True, blank=True)
    contract_end = models.DateField(null=True, blank=True)

    # Keeping it true
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When the details were last checked with the provider."
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "months between reviews",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="How often to check the details with the provider: 1 to 36 months.",
    )
    # last_reviewed + review_interval_months, kept in a column so reports, reminders and search
    # can filter and sort on it. Empty when never reviewed (which counts as overdue).
    review_due = models.DateField(null=True, blank=True, editable=False, db_index=True)

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ServicePageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("needs", [index.SearchField("name")]),
        index.RelatedFields("circumstances", [index.SearchField("name")]),
        index.FilterField("oruk_id"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("alert")]),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), InlinePanel("contacts", label="Contact")],
            heading="Contact",
        ),
    ]
    who_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("for_expectant_parents"),
                FieldPanel("for_parents_and_carers"),
                FieldPanel("eligibility"),
            ],
            heading="Ages and eligibility",
        ),
        FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
        FieldPanel("needs"),
        FieldPanel("circumstances"),
        InlinePanel("languages", label="Language"),
    ]
    access_panels = [
        MultiFieldPanel(
            [
                FieldPanel("self_referral"),
                FieldPanel("professional_referral"),
                FieldPanel("early_help_assessment"),
                FieldPanel("front_door_referral"),
                FieldPanel("who_can_refer"),
                FieldPanel("access_instructions"),
                FieldPanel("referral_url"),
            ],
            heading="How to get it",
        ),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("fees_description")], heading="Cost"),
    ]
    where_panels = [
        MultiFieldPanel(
            [
                FieldPanel("in_person"),
                FieldPanel("group_sessions"),
                FieldPanel("online"),
                FieldPanel("by_phone"),
                FieldPanel("home_visits"),
                FieldPanel("available_across_area"),
            ],
            heading="How it is delivered",
        ),
        InlinePanel("locations", label="Location"),
        InlinePanel("service_areas", label="Named area served"),
        MultiFieldPanel(
            [
                FieldPanel("term_time_only"),
                FieldPanel("schedule_notes"),
                InlinePanel("schedules", label="Opening time"),
            ],
            heading="When",
        ),
    ]
    admin_panels = [
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("review_interval_months")],
            heading="Review",
        ),
        MultiFieldPanel(
            [
                FieldPanel("commissioned"),
                FieldPanel("commissioner"),
                FieldPanel("contract_reference"),
                FieldRowPanel([FieldPanel("contract_start"), FieldPanel("contract_end")]),
            ],
            heading="Commissioning",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Service"),
            ObjectList(who_panels, heading="Who it's for"),
            ObjectList(access_panels, heading="Access and cost"),
            ObjectList(where_panels, heading="Where and when"),
            ObjectList(admin_panels, heading="Review and commissioning"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    class Meta:
        verbose_name = "service"
        indexes = [models.Index(fields=["last_reviewed"])]
        permissions = [
            ("view_commissioning_reports", "Can see the commissioning reports"),
            ("import_services", "Can import and export services as spreadsheets"),
            ("restore_services", "Can restore deleted services"),
        ]

    def save(self, *args, **kwargs):
        self.review_due = self.compute_review_due()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"last_reviewed", "review_interval_months"} & set(
            update_fields
        ):
            kwargs["update_fields"] = {*update_fields, "review_due"}
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        """A revision's content, keeping the review date recorded since it was saved.

        "Still accurate" records a review on the page row without a new revision; without this,
        editing or publishing an older draft would put the old review date back.
        """
        obj = super().with_content_json(content)
        if self.last_reviewed and (
            obj.last_reviewed is None or obj.last_reviewed < self.last_reviewed
        ):
            obj.last_reviewed = self.last_reviewed
        obj.review_due = obj.compute_review_due()
        return obj

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        # Opening a revision checks each of its references with a query (about 20 a service);
        # the service writer opens a batch's revisions at once and checks them in bulk, and
        # gives the levels of need already read.
        levels = REVISION_REFERENCES_CHECKED_IN_BULK.get()
        if levels is None:
            return super().from_serializable_data(data, check_fks, strict_fks)
        wanted = data.get("levels") or []
        data = {**data, "levels": []}
        obj = super().from_serializable_data(data, check_fks=False, strict_fks=strict_fks)
        obj.levels = [levels[pk] for pk in wanted if pk in levels]
        return obj

    def permissions_for_user(self, user):
        """Wagtail's permissions, narrowed for provider accounts to their own services."""
        from ..providers.permissions import ServicePermissionTester

        return ServicePermissionTester(user, self)

    # -- validation -------------------------------------------------------------------------

    def _check_slug_is_unique(self) -> None:
        # The service writer (directory/writer) checks a whole batch's slugs against their
        # siblings in one query and marks the pages, saving Wagtail's two queries a page.
        if not getattr(self, "_slug_checked", False):
            super()._check_slug_is_unique()

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            errors["maximum_age"] = (
                f"The oldest age ({self.maximum_age}) is below the youngest ({self.minimum_age})."
            )
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = "The review date cannot be in the future."
        if self.contract_start and self.contract_end and self.contract_end < self.contract_start:
            errors["contract_end"] = "The contract cannot end before it starts."
        if self.commissioned and not self.commissioner_id:
            errors["commissioner"] = "Say who commissions this service."
        if self.is_free is False and not self.fees_description.strip():
            errors["fees_description"] = "Say what it costs, or tick 'free'."
        if errors:
            raise ValidationError(errors)
        self.refresh_age_bands()
        self.number_children()

    ORDERED_CHILDREN = ("locations", "contacts", "schedules", "service_areas", "languages")

    def number_children(self) -> None:
        """Keep child rows in the order given. The admin numbers them; code that assigns lists
        (demo, importers) does not, and unnumbered rows come back in any order on PostgreSQL."""
        for relation in self.ORDERED_CHILDREN:
            for position, child in enumerate(getattr(self, relation).all()):
                if child.sort_order is None:
                    child.sort_order = position

    def refresh_age_bands(self) -> None:
        """Derive the age band tags from the age range; never typed twice."""
        set_tags(
            self,
            "age_bands",
            derive_age_bands(
                self.minimum_age,
                self.maximum_age,
                expectant_parents=self.for_expectant_parents,
                parents_and_carers=self.for_parents_and_carers,
                # The service writer reads the vocabulary once for a batch of pages.
                bands=getattr(self, "_age_band_vocabulary", None),
            ),
        )

    # -- what templates, reports and the API read ---------------------------------------------

    @property
    def name(self) -> str:
        return self.title

    def compute_review_due(self) -> datetime.date | None:
        if not self.last_reviewed:
            return None
        return add_months(self.last_reviewed, self.review_interval_months or 12)

    @property
    def is_overdue_for_review(self) -> bool:
        due = self.compute_review_due()
        return due is None or due < timezone.localdate()

    @property
    def access_routes(self) -> list[tuple[str, str]]:
        return [
            (slug, label) for slug, (field, label) in ACCESS_ROUTES.items() if getattr(self, field)
        ]

    @property
    def delivery_modes(self) -> list[tuple[str, str]]:
        return [
            (slug, label) for slug, (field, label) in DELIVERY_MODES.items() if getattr(self, field)
        ]

    @property
    def is_sensitive(self) -> bool:
        """Whether any of its needs is sensitive: its page then offers "Exit this page"."""
        return any(need.is_sensitive for need in self.needs.all())

    @property
    def is_area_wide(self) -> bool:
        """Families anywhere in the area can use it, wherever it is based."""
        return self.available_across_area or any(
            slug in AREA_WIDE_DELIVERY for slug, _ in self.delivery_modes
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = service_json_ld(self, request)
        return context


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month, months later (clamped to the month's end)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class ServiceLocation(Orderable):
    """Where a service is delivered. Geocoded from its postcode when the postcode changes."""

    class GeocodeStatus(models.TextChoices):
        PENDING = "pending", "Not yet looked up"
        POSTCODE = "postcode", "From the postcode"
        DISTRICT = "district", "From the postcode district (approximate)"
        MANUAL = "manual", "Entered by hand"
        NOT_FOUND = "not_found", "Postcode not found: not on the map"

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="locations")
    oruk_id = OrukIdField()
    name = models.CharField(max_length=255, help_text="e.g. 'Downham Family Hub'.")
    address_1 = models.CharField("address", max_length=255, blank=True)
    address_2 = models.CharField("address line 2", max_length=255, blank=True)
    city = models.CharField("town", max_length=100, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    latitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Filled in from the postcode. Type it only for a place with no postcode.",
    )
    longitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Filled in from the postcode, with the latitude.",
    )
    # The postcode the coordinates came from: saved (and kept in revisions) so publishing a
    # draft does not look the same postcode up again.
    geocoded_postcode = models.CharField(max_length=8, blank=True, editable=False)
    geocode_status = models.CharField(
        max_length=16,
        choices=GeocodeStatus.choices,
        default=GeocodeStatus.PENDING,
        editable=False,
    )
    accessibility = models.TextField(
        blank=True, help_text="Step-free access, accessible toilet, hearing loop, parking, …"
    )
    # What a feed says about the place (Open Referral location.description, transportation and
    # the location's own schedules), shown with the address.
    description = models.TextField(
        blank=True, help_text="The place itself, e.g. 'The hall behind the church'."
    )
    transportation = models.TextField(
        "getting there", blank=True, help_text="Buses, trains, parking near by."
    )
    opening_hours = models.TextField(
        "opening times here",
        blank=True,
        help_text="When this place is open for the service, if not the service's own times.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address_1"),
        FieldPanel("address_2"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("postcode")]),
        FieldPanel("description"),
        FieldPanel("accessibility"),
        FieldPanel("transportation"),
        FieldPanel("opening_hours"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading="Map position (filled from the postcode; set by hand only without one)",
        ),
    ]

    class Meta(Orderable.Meta):
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self) -> str:
        return self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.address_1, self.address_2, self.city, self.postcode) if line]

    def clean(self) -> None:
        super().clean()
        if self.postcode:
            try:
                self.postcode = normalise_postcode(self.postcode)
            except InvalidPostcode as error:
                raise ValidationError({"postcode": str(error)}) from error
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError("Give both latitude and longitude, or neither.")
        self.geocode()

    def geocode(self) -> None:
        """Fill the coordinates from the postcode when it is new or changed. Never raises.

        Coordinates typed by hand are kept when the postcode cannot be found; coordinates that
        came from an earlier postcode are dropped when the postcode changes.
        """
        status = self.GeocodeStatus
        if self.postcode:
            try:
                self.postcode = normalise_postcode(self.postcode)
            except InvalidPostcode:
                if self.geocode_status in (status.POSTCODE, status.DISTRICT):
                    self.latitude = self.longitude = None  # they belonged to the old postcode
                self.geocode_status = status.NOT_FOUND
                self.geocoded_postcode = ""
                return
        else:
            self.geocode_status = status.MANUAL if self.has_coordinates else status.NOT_FOUND
            return
        changed = self.postcode != self.geocoded_postcode
        if not changed and self.has_coordinates and self.geocode_status != status.PENDING:
            return
        from_old_postcode = self.geocode_status in (status.POSTCODE, status.DISTRICT)
        result = geocode_postcode(self.postcode)
        if result:
            self.latitude, self.longitude = result.latitude, result.longitude
            self.geocode_status = result.precision
        elif self.has_coordinates and not from_old_postcode:
            self.geocode_status = status.MANUAL
        else:
            self.latitude = self.longitude = None
            self.geocode_status = status.NOT_FOUND
        self.geocoded_postcode = self.postcode

    def save(self, *args, **kwargs) -> None:
        if (
            self.geocode_status == self.GeocodeStatus.PENDING
            or self.postcode != self.geocoded_postcode
        ):
            self.geocode()
        super().save(*args, **kwargs)


class ServiceContact(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="contacts")
    oruk_id = OrukIdField()
    name = models.CharField(max_length=255, blank=True, help_text="A person or a team.")
    title = models.CharField("role", max_length=255, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    phone_description = models.CharField(
        max_length=255, blank=True, help_text="e.g. 'Text or call, Monday to Friday'."
    )
    email = models.EmailField(blank=True, help_text="Give a phone number, an email or both.")

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("phone_description")]),
        FieldPanel("email"),
    ]

    def clean(self) -> None:
        super().clean()
        if not (self.phone or self.email):
            raise ValidationError("Give a phone number or an email address for the contact.")
        if self.phone:
            digits = "".join(ch for ch in self.phone if ch.isdigit())
            if not 10 <= len(digits) <= 13:
                raise ValidationError({"phone": "Enter a UK phone number, such as 020 8314 6000."})

    @property
    def phone_uri(self) -> str:
        return tel_uri(self.phone)


class ServiceSchedule(Orderable):
    """A regular weekly opening: weekday, opens_at, closes_at (Open Referral 'byday')."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="schedules")
    oruk_id = OrukIdField()
    weekday = models.CharField(max_length=2, choices=WEEKDAYS)
    opens_at = models.TimeField()
    closes_at = models.TimeField()
    description = models.CharField(
        max_length=255, blank=True, help_text="e.g. 'Drop-in, no need to book'."
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        pass

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "Closing time must be after opening time."})

    @property
    def weekday_name(self) -> str:
        return dict(WEEKDAYS).get(self.weekday, self.weekday)


class ServiceArea(Orderable):
    """A named area the service covers, when not the whole area (Open Referral service_area)."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="service_areas")
    oruk_id = OrukIdField()
    name = models.CharField(max_length=255, help_text="e.g. 'Bellingham ward' or 'SE6'.")
    description = models.CharField(
        max_length=255,
        blank=True,
        help_text="Which part, if not all of it: 'north of the railway'.",
    )

    panels = [FieldPanel("name"), FieldPanel("description")]


class ServiceLanguage(Orderable):
    """A language the service is offered in, besides English (Open Referral language)."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="languages")
    oruk_id = OrukIdField()
    code = models.CharField("language", max_length=8, choices=LANGUAGES)
    note = models.CharField(max_length=255, blank=True, help_text="e.g. 'Interpreter on request'.")

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("note")])]

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.code, self.code)
