"""Open Referral feeds pulled on a schedule, and imports run in the background."""
