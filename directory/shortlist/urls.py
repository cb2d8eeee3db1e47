from django.urls import path

from . import views

urlpatterns = [
    path("", views.shortlist, name="shortlist"),
    path("print/", views.print_list, name="shortlist_print"),
    path("email/", views.email, name="shortlist_email"),
    path("shared/<str:token>/", views.shared, name="shortlist_shared"),
    path("shared/<str:token>/print/", views.shared_print, name="shortlist_shared_print"),
    path("shared/<str:token>/keep/", views.keep_shared, name="shortlist_keep"),
    path("<slug:action>/", views.change, name="shortlist_change"),
]
