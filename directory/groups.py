"""The names of the site's user groups (created by ``directory.site_setup``)."""

COMMISSIONERS = "Commissioners"
EDITORS = "Editors"
MODERATORS = "Moderators"
# Staff at provider organisations: they edit only their organisations' services (see
# directory/providers/), and only through the approval workflow (no publish permission).
PROVIDERS = "Providers"
