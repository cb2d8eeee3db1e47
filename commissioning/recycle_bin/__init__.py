"""Deleting a service moves it to a bin with its whole history; a commissioner can restore it.

``actions`` does the moving; ``admin`` turns Wagtail's delete (single and bulk) into a move to the
bin, registers the history entries, and adds the "Deleted services" screen (``views``).
"""
