"""The service writer: the one place service pages are created and updated from plain values.

Used by the Open Referral importer, the spreadsheet importer, the demo loader and the generator.
See ``writer.ServiceWriter`` (planning and writing in batches), ``values.ServiceValues`` (what
an importer gives) and ``rows.RowWriter`` (the bulk queries).
"""

from .values import Problem, ServiceValues
from .writer import DEFAULT_BATCH_SIZE, Planned, ServiceWriter

__all__ = ["DEFAULT_BATCH_SIZE", "Planned", "Problem", "ServiceValues", "ServiceWriter"]
