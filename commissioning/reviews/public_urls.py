"""The review reminder e-mail's one-click "still accurate" link (no login)."""

from django.urls import path

from .views import confirm_by_link

urlpatterns = [
    path("<int:service_id>/<str:token>/", confirm_by_link, name="review_confirm"),
]
