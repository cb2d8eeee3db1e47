"""Commissioning reports: how complete the listings are, and where provision is thin."""
