"""The admin's "Services" screen: every service with its organisation, levels, status, review
date and completeness, filters, search and bulk actions; and the states the dashboard counts."""
