"""The admin's "Services" screen: every service with its organisation, levels, status and review
date, filters, search and bulk actions; and the states the dashboard counts. Other apps add
columns (``views.COLUMNS_HOOK``) and bulk actions (Wagtail's ``register_bulk_action``)."""
