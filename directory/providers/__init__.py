"""Provider accounts: staff at a provider organisation see and edit only that organisation's
services, anywhere in the Wagtail admin.

Who is restricted is decided in ``access``, and what they may not see in ``visibility`` (other
organisations' services). Wagtail is told through its own extension points first:

- ``policy``: the page permission policy, which most admin listings, searches, reports, the
  admin API and the site history ask;
- ``permissions``: the page permission tester (edit, publish, delete, ...), through
  ``ServicePage.permissions_for_user``;
- ``admin``: hooks for the explorer and page chooser querysets, the dashboard panels and page
  count, page bulk actions and the page viewset whose filters name people (``filters``);
- ``forms``: the edit form offers only the provider's organisations.

Where Wagtail has no hook: ``middleware`` answers 404 to any admin URL naming a hidden page, and
``directory.admin_urls`` serves Wagtail's reports (``reports``) and two chooser views
(``chooser``) as subclasses. Changes still need the Commissioners' approval, because the
Providers group has no publish permission.
"""
