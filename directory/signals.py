"""Signals the catalogue sends for changes that are not page publications."""

from django.dispatch import Signal

# Sent with ``page_ids`` (a list of ServicePage ids) when derived data of live services
# changes without a publish, e.g. age bands re-derived after the age band vocabulary is edited.
services_changed = Signal()
