from django.urls import path

from . import views

urlpatterns = [
    path("", views.shortlist, name="shortlist"),
    path("print/", views.print_list, name="shortlist_print"),
    path("email/", views.email, name="shortlist_email"),
    path("s/<str:token>/", views.shared, name="shortlist_shared"),
    path("s/<str:token>/print/", views.shared_print, name="shortlist_shared_print"),
    path("s/<str:token>/keep/", views.keep_shared, name="shortlist_keep"),
    # Links handed out before the short tokens: they keep working until they expire.
    path("shared/<str:token>/", views.shared),
    path("shared/<str:token>/print/", views.shared_print),
    path("shared/<str:token>/keep/", views.keep_shared),
    path("<slug:action>/", views.change, name="shortlist_change"),
]
