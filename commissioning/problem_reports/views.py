"""The public 'Report a problem with this page' form: works without JavaScript, rate limited
per client address (Django's cache, via directory.rate_limits), nothing kept about the person."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from directory.models import ProblemReport, ServicePage
from directory.rate_limits import within_limit

from .forms import ProblemReportForm, form_token
from .notify import notify_providers

# Reports sent per client address in an hour: plenty for a person, few for a robot.
PER_ADDRESS = (10, 60 * 60)


def _address_key(request: HttpRequest) -> str:
    """The client address, hashed with the site's secret: the cache never holds the address."""
    address = request.META.get("REMOTE_ADDR", "unknown")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:24]
    return f"problem-report:address:{digest}"


def _service(service_id: int) -> ServicePage:
    return get_object_or_404(ServicePage.objects.live().public(), pk=service_id)


@require_http_methods(["GET", "POST"])
def report_problem(request: HttpRequest, service_id: int) -> HttpResponse:
    service = _service(service_id)
    status = 200
    if request.method == "POST":
        form = ProblemReportForm(request.POST)
        if not within_limit(_address_key(request), *PER_ADDRESS):
            form.is_valid()  # so the page can show what was typed
            form.add_error(
                None,
                "You have sent several reports in the last hour. Please wait a while and try "
                "again.",
            )
            status = 429
        elif form.is_valid():
            report = ProblemReport.objects.create(
                service=service,
                kind=form.cleaned_data["kind"],
                details=form.cleaned_data["details"].strip(),
                reply_email=form.cleaned_data["reply_email"],
            )
            notify_providers(report)
            return redirect("problem_report_sent", service_id=service.pk)
        else:
            status = 400
    else:
        form = ProblemReportForm()
    context = {"service": service, "form": form, "token": form_token()}
    return render(request, "commissioning/problem_reports/form.html", context, status=status)


def report_sent(request: HttpRequest, service_id: int) -> HttpResponse:
    return render(
        request, "commissioning/problem_reports/sent.html", {"service": _service(service_id)}
    )
