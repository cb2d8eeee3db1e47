"""Search's own tables: the synonym list, the database engine's index, and the search log."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from .analysis import MAX_INDEXED_TERM_LENGTH, analyse, words

MAX_SYNONYM_WORDS = 6


class Synonym(models.Model):
    """Words and phrases that mean the same to someone searching: "DV, domestic abuse".

    Both engines expand a search with these at query time, so an edit applies to the next
    search with no reindexing.
    """

    terms = models.CharField(
        max_length=500,
        unique=True,
        help_text="Two or more words or phrases that mean the same, separated by commas, "
        "e.g. 'DV, domestic abuse, domestic violence'.",
    )
    note = models.CharField(max_length=255, blank=True, help_text="Why these go together.")

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def clean(self) -> None:
        super().clean()
        terms = self.term_list
        if len(terms) < 2:
            raise ValidationError({"terms": "Give at least two words or phrases, with commas."})
        for term in terms:
            if not analyse(term):
                raise ValidationError(
                    {"terms": f"'{term}' has no words a search can use (only 'the', 'and', …)."}
                )
            if len(words(term)) > MAX_SYNONYM_WORDS:
                raise ValidationError(
                    {"terms": f"'{term}' is too long: at most {MAX_SYNONYM_WORDS} words a phrase."}
                )
        self.terms = ", ".join(dict.fromkeys(terms))


class SearchEntry(models.Model):
    """One live, public service as the database engine searches it: the same document the
    Elasticsearch index holds, plus its words analysed for matching in SQL."""

    page = models.OneToOneField(
        "directory.ServicePage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # What a result shows and what facets count: see search.documents.build_document.
    document = models.JSONField()
    # {facet: [values]}: small, read for every candidate when counting facets.
    facets = models.JSONField()
    # Analysed terms of every searched field (search.analysis.analysed_fields).
    text = models.TextField()
    # Analysed terms of the name alone, to rank name matches first.
    name_text = models.TextField()
    # Distinct lowercased words, for "did you mean".
    words = models.TextField()
    sort_name = models.CharField(max_length=255)
    area_wide = models.BooleanField(default=False)
    minimum_age = models.PositiveSmallIntegerField(null=True)
    maximum_age = models.PositiveSmallIntegerField(null=True)
    # Offered to parents and carers themselves: kept for the age of a younger child too.
    parents_and_carers = models.BooleanField(default=False)
    # [[start, end], ...] minutes from Monday midnight; read with the facts for "Open now".
    opening = models.JSONField(default=list)
    term_time_only = models.BooleanField(default=False)
    # When the service is next due a review (empty: never reviewed). Overdue listings rank
    # below current ones, judged against the date of the search, not of indexing.
    review_due = models.DateField(null=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name_plural = "search entries"
        # Covering the columns searches narrow and order by, so SQL reads these small indexes
        # rather than the rows, whose documents fill several pages each. The page id rides
        # along on PostgreSQL (INCLUDE; SQLite's indexes hold the row id anyway), so the
        # candidates of a search by place or age come from the index alone: 14 -> 5 ms at
        # 10,000 services, where PostgreSQL otherwise read every row's page.
        indexes = [
            models.Index(
                fields=["area_wide", "minimum_age", "maximum_age", "parents_and_carers"],
                include=["page"],
                name="search_entry_place_and_ages",
            ),
            models.Index(fields=["sort_name", "review_due"], name="search_entry_order"),
        ]

    def __str__(self) -> str:
        return self.sort_name


class SearchEntryLocation(models.Model):
    """A located place of a service, with coordinates indexed for a bounding-box prefilter."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="locations")
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self) -> str:
        return f"{self.latitude:.5f}, {self.longitude:.5f}"


class SearchFacetValue(models.Model):
    """One value of one facet, such as ("need", "domestic-abuse"), numbered once: entries'
    facet rows carry the number, which SQL groups and compares faster than the two strings
    (facet counts over a few thousand results took twice as long grouping the strings)."""

    facet = models.CharField(max_length=32)
    value = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "value"], name="unique_facet_value")
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"

    @classmethod
    def numbers(cls) -> dict[tuple[str, str], int]:
        """{(facet, value): its number} of every value numbered so far."""
        rows = cls.objects.values_list("pk", "facet", "value")
        return {(facet, value): number for number, facet, value in rows}


class SearchEntryFacet(models.Model):
    """One facet value an entry carries: the database engine filters by these rows and counts
    facets over them in SQL (search.engines.sql_facets)."""

    # Not indexed alone: the unique constraint's index starts with it.
    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="facet_values", db_index=False
    )
    # Values are never deleted: one a vocabulary no longer uses keeps its number.
    value = models.ForeignKey(
        SearchFacetValue, on_delete=models.PROTECT, related_name="+", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "value"], name="unique_entry_facet_value")
        ]
        # Which entries carry a value: the filters.
        indexes = [models.Index(fields=["value", "entry"], name="search_facet_value_entries")]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.value_id}"


class SearchEntryTerm(models.Model):
    """One distinct analysed term of an entry's searched text (search.analysis.stored_terms),
    and whether its name holds it: the database engine finds the entries holding a word
    through these rows (search.engines.text_index), as a search engine reads its postings."""

    # Not indexed alone: the unique constraint's index starts with it.
    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="terms", db_index=False
    )
    term = models.CharField(max_length=MAX_INDEXED_TERM_LENGTH)
    in_name = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "term"], name="unique_entry_term")]
        # Which entries hold a term (in their name): covering, so no row is read.
        indexes = [models.Index(fields=["term", "in_name", "entry"], name="search_term_entries")]

    def __str__(self) -> str:
        return self.term


class SearchEntryOpening(models.Model):
    """One weekly session of an entry, [opens, closes) in minutes from Monday midnight, for
    "Open now" and "Open today", judged in SQL at the moment of each search."""

    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="openings", db_index=False
    )
    opens = models.PositiveIntegerField()
    closes = models.PositiveIntegerField()
    # The entry's: its sessions do not count on a school holiday.
    term_time_only = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["entry", "opens", "closes"])]

    def __str__(self) -> str:
        return f"{self.opens}-{self.closes}"


class SearchBacklog(models.Model):
    """A service whose Elasticsearch update failed (engine down), to write when it is back."""

    page_id = models.BigIntegerField(primary_key=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"service {self.page_id}"


class SearchLog(models.Model):
    """One public search, anonymously: nothing here can identify who searched.

    Of the words, only those the directory itself knows are kept (search.log); postcodes are
    cut to their district and coordinates rounded to about a kilometre. Purged after
    SEARCH_LOG_RETENTION_DAYS.
    """

    # Now, unless given: the demo's log writes months of searches at once with their own times.
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    # The words the directory knows, in the order typed; every other word is dropped.
    q = models.CharField(max_length=200, blank=True)
    other_words = models.PositiveSmallIntegerField(
        default=0, help_text="How many words were dropped because the directory does not know them."
    )
    named_needs = models.JSONField(
        default=list, blank=True, help_text="Slugs of the needs the words named (search.lexicon)."
    )
    # Outward code ("SE13") or blank; the demand report groups by it.
    postcode_district = models.CharField(max_length=4, blank=True, db_index=True)
    needs = models.JSONField(default=list, help_text="Need slugs chosen.")
    params = models.JSONField(default=dict)
    result_count = models.PositiveIntegerField()
    # How the words matched: all, all_corrected, any, any_corrected or blank (no words).
    match = models.CharField(max_length=16, blank=True)
    engine = models.CharField(max_length=16)
    fell_back = models.BooleanField(default=False)
    duration_ms = models.PositiveIntegerField()
    api = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["result_count", "created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.q or '(no words)'} → {self.result_count}"


# The generation one search reads (IndexGeneration.pinned), per thread and task.
_pinned_generation: ContextVar[tuple[int, str] | None] = ContextVar(
    "index_generation", default=None
)


class IndexGeneration(models.Model):
    """The index's generation: bumped in the same transaction as every write to the database
    engine's entries, so that each process's in-memory copies of them (search.engines.
    entry_facts) know when to read them again, whichever process wrote and whatever its clock
    says. One row.

    A counter, with a random token beside it: a write rolled back leaves the counter where it
    was, and the next write's number could match one a process saw inside the rolled-back
    transaction; the token never does."""

    value = models.BigIntegerField(default=0)
    token = models.CharField(max_length=32, default="")

    def __str__(self) -> str:
        return f"{self.value} ({self.token})"

    @classmethod
    def current(cls) -> tuple[int, str]:
        """The generation now: read once per search inside ``pinned()``, else each call."""
        pinned = _pinned_generation.get()
        if pinned is not None:
            return pinned
        # Every search asks once: SQL written by hand, as the ORM's compiling of this one-row
        # read cost ten times its running.
        with connection.cursor() as cursor:
            cursor.execute(_CURRENT_SQL)
            row = cursor.fetchone()
        return (row[0], row[1]) if row else (0, "")

    @classmethod
    @contextmanager
    def pinned(cls) -> Iterator[tuple[int, str]]:
        """Read the generation once for everything inside (one search: its lexicon, index
        vocabulary, facts and levels all ask), instead of one query each. Inside another
        ``pinned()`` (a page that searches, then draws its guidance) the outer reading holds."""
        outer = _pinned_generation.get()
        if outer is not None:
            yield outer
            return
        generation = cls.current()
        token = _pinned_generation.set(generation)
        try:
            yield generation
        finally:
            _pinned_generation.reset(token)

    @classmethod
    def bump(cls) -> None:
        """Call inside the transaction that writes the entries: readers then see the new
        generation exactly when they can see the new entries."""
        change = {"value": models.F("value") + 1, "token": uuid.uuid4().hex}
        if not cls.objects.filter(pk=1).update(**change):
            IndexGeneration.objects.bulk_create([IndexGeneration(pk=1)], ignore_conflicts=True)
            cls.objects.filter(pk=1).update(**change)


_CURRENT_SQL = f"SELECT value, token FROM {IndexGeneration._meta.db_table} WHERE id = 1"
