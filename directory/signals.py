"""Signals the catalogue sends for changes that are not page publications."""

from django.dispatch import Signal

# Sent with ``page_ids`` (a list of ServicePage ids) when services change without a publish
# signal: age bands re-derived after the age band vocabulary is edited, a batch written by the
# service writer, a review recorded. The search app keeps its index up to date from it.
services_changed = Signal()
