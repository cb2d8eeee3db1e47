"""The review cycle: which services are due a check, reminding their providers, and recording
a "still accurate" review without a new revision of the content."""
