"""What an Open Referral import did, record by record, for people and for storing.

Errors are records that were not imported (each with its id, a JSON path in the record as it
was published, and the reason); warnings are repairs and parts not kept, with the same detail;
``repairs`` counts the routine ones (empty values, trimmed spaces) instead of listing thousands;
``unplaced`` lists the fields the catalogue has no place for, with how many records had them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from directory.wording import counted

# Warnings and errors shown in full on a page and in a stored report; the rest are counted.
SHOWN = 500


@dataclass(frozen=True)
class Problem:
    index: int  # the record's position in the feed, from 0
    record_id: str  # its id as published ("" when it had none)
    path: str  # a JSON path inside the record, "$" for the record as a whole
    message: str

    def __str__(self) -> str:
        where = f"record {self.index}" + (f" ({self.record_id})" if self.record_id else "")
        return f"{where} at {self.path}: {self.message}"


@dataclass(frozen=True)
class UnknownTerm:
    taxonomy: str
    name: str
    created: bool  # created "to review" (needs, circumstances); else kept as it came

    def __str__(self) -> str:
        action = "created, to review" if self.created else "not created; kept on the service"
        return f"{self.taxonomy}: {self.name} ({action})"


@dataclass
class ImportReport:
    publish: bool
    dry_run: bool = False
    strict: bool = False
    records: int = 0
    versions: Counter[str] = field(default_factory=Counter)  # ORUK version -> records
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    organisations_created: list[str] = field(default_factory=list)
    organisations_updated: list[str] = field(default_factory=list)
    unknown_terms: list[UnknownTerm] = field(default_factory=list)
    other_terms: int = 0  # terms of other taxonomies kept on services
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    # Services a feed changed that had been edited here since: the local edit was kept.
    conflicts: list[Problem] = field(default_factory=list)
    repairs: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)  # said once, with how many services
    unplaced: Counter[str] = field(default_factory=Counter)  # JSON path -> records
    source_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    # Lists for templates (which read ``counter.items`` as the count of a key named "items").
    @property
    def repair_list(self) -> list[tuple[str, int]]:
        return self.repairs.most_common()

    @property
    def note_list(self) -> list[tuple[str, int]]:
        return self.notes.most_common()

    @property
    def unplaced_list(self) -> list[tuple[str, int]]:
        return sorted(self.unplaced.items())

    @property
    def bad_records(self) -> int:
        return len({error.index for error in self.errors})

    @property
    def written(self) -> int:
        return len(self.created) + len(self.updated)

    @property
    def ok(self) -> bool:
        """Nothing went wrong: every record imported (or checked) without an error."""
        return not self.errors and not self.source_errors

    @property
    def wrote_nothing_because_of_errors(self) -> bool:
        return bool(self.source_errors) or (self.strict and bool(self.errors))

    def summary(self) -> str:
        if self.source_errors:
            return "Nothing was imported: " + " ".join(self.source_errors)
        bad, total = self.bad_records, self.records
        if self.strict and self.errors:
            return (
                f"Nothing was imported: {bad:,} of {total:,} records have problems "
                f"({len(self.errors):,} in all), and --strict imports all or nothing."
            )
        versions = ", ".join(f"ORUK v{v}: {n:,}" for v, n in sorted(self.versions.items()))
        good = total - bad
        counts = (
            f"{len(self.created):,} created, {len(self.updated):,} updated, "
            f"{len(self.unchanged):,} unchanged"
        )
        if self.dry_run:
            # Only a check: say once that nothing was saved, and what importing would give.
            text = (
                f"Checked {counted(total, 'record')} ({versions}): "
                f"{'all ' if not bad else ''}{good:,} can be imported. Nothing was saved; "
                f"importing would give {counts}"
            )
            if bad:
                text += f"; {bad:,} would not be imported (see the problems)"
        else:
            state = "published" if self.publish else "saved as drafts"
            text = (
                f"Imported {good:,} of {counted(total, 'record')} ({state}; {versions}): {counts}"
            )
            if bad:
                text += f"; {bad:,} not imported (see the problems)"
        if self.conflicts:
            text += f"; {len(self.conflicts):,} edited here since the last pull, edits kept"
        organisations = (
            f"{len(self.organisations_created):,} organisations created, "
            f"{len(self.organisations_updated):,} updated"
        )
        if self.dry_run:
            organisations = f"it would also give {organisations}"
        return (
            text + f". {organisations[0].upper()}{organisations[1:]}; "
            f"{len(self.unknown_terms):,} unknown terms; {self.other_terms:,} terms of other "
            f"taxonomies kept; {len(self.warnings):,} warnings."
        )

    def lines(self) -> list[str]:
        """The summary, then every error, unknown term, repair, field not kept and warning."""
        lines = [self.summary()]
        lines += [f"Error: {error}" for error in self.errors]
        lines += [f"Kept the local edit: {conflict}" for conflict in self.conflicts]
        lines += [f"Unknown term: {term}" for term in self.unknown_terms]
        lines += [f"Repaired: {count:,} {kind}" for kind, count in self.repairs.most_common()]
        lines += [f"Note: {count:,} {kind}" for kind, count in self.notes.most_common()]
        lines += [
            f"Not kept (the catalogue has no place for it): {path} in {count:,} records"
            for path, count in sorted(self.unplaced.items())
        ]
        lines += [f"Warning: {warning}" for warning in self.warnings]
        return lines

    def as_json(self) -> dict[str, Any]:
        """For storing with a run: everything, the long lists cut at SHOWN."""
        # (asdict would rebuild each Counter from its (key, count) pairs, counting the pairs.)
        data = asdict(self)
        for item in fields(self):
            if isinstance(getattr(self, item.name), Counter):
                data[item.name] = dict(getattr(self, item.name))
        for name in ("created", "updated", "unchanged", "warnings", "errors", "conflicts"):
            data[f"{name}_count"] = len(data[name])
            data[name] = data[name][:SHOWN]
        # What the report's page shows, as the properties would give it.
        data |= {
            "summary": self.summary(),
            "ok": self.ok,
            "wrote_nothing_because_of_errors": self.wrote_nothing_because_of_errors,
            "repair_list": self.repair_list,
            "note_list": self.note_list,
            "unplaced_list": self.unplaced_list,
        }
        return data
