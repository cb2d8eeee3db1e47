from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico: the site's icon (an SVG, which every current browser reads)."""
    return redirect(static("favicon.svg"))
