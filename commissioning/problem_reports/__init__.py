"""'Report a problem with this page': the public form, the admin's queue, and the e-mail to the
service's provider accounts."""
