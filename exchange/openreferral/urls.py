"""Routes of the Open Referral UK read API, mounted at /api/openreferral/.

Paths work with or without a trailing slash; anything else under the prefix is a JSON 404.
"""

from django.urls import path, re_path

from . import views

app_name = "openreferral"

urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(r"^services/(?P<id>[^/]+)/?$", views.service, name="service"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(
        r"^service_at_locations/(?P<id>[^/]+)/?$",
        views.service_at_location,
        name="service_at_location",
    ),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(r"^organizations/(?P<id>[^/]+)/?$", views.organization, name="organization"),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(r"^taxonomies/(?P<id>[^/]+)/?$", views.taxonomy, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(r"^taxonomy_terms/(?P<id>[^/]+)/?$", views.taxonomy_term, name="taxonomy_term"),
    re_path(r"^(?P<path>.*)$", views.not_found),
]
