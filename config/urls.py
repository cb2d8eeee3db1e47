from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.health import healthz
from home.views import favicon
from search import views as search_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    # Wagtail admin views served by the project's own subclasses (see directory/admin_urls.py).
    path("admin/", include("directory.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Browsers and crawlers ask for /favicon.ico whatever the page links to.
    path("favicon.ico", favicon),
    path("search/", search_views.search, name="search"),
    path("api/search", search_views.search_api, name="search_api"),
    path("api/search/suggest", search_views.suggest_api, name="search_suggest"),
    path("my-list/", include("directory.shortlist.urls")),
    path("report-a-problem/", include("commissioning.problem_reports.urls")),
    path("still-accurate/", include("commissioning.reviews.public_urls")),
    path("needs/", search_views.needs_index, name="needs"),
    path("needs/<slug:slug>/", search_views.pathway, name="pathway"),
    path("api/openreferral/", include("exchange.openreferral.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
