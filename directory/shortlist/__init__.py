"""A practitioner's shortlist of services, kept without login and handed over to a family.

The list lives in the session (a list of service ids, nothing about the family); it is shared
as a signed link that carries the ids itself, so no database row is made per family; it prints
cleanly and can be emailed to an address that is used once and never stored.
"""
