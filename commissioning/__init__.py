"""Commissioning tools on the catalogue: the dashboard's panels, reports (completeness, coverage
and demand), reviews (stages, reminders, "still accurate", the reviews report), problem reports
from the public, and the deleted-services bin. No models of its own: ProblemReport,
ReviewReminder and DeletedService are the catalogue's."""
