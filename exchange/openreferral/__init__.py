"""The Open Referral UK (v3) read API: our catalogue in the standard's shape, read-only."""
