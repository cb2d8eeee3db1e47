from django.urls import path

from . import views

urlpatterns = [
    path("<int:service_id>/", views.report_problem, name="problem_report"),
    path("<int:service_id>/sent/", views.report_sent, name="problem_report_sent"),
]
