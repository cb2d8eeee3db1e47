"""Wagtail's admin API (the explorer menu and choosers use it), answering a malformed ``id`` in
``find/`` with a 400 instead of Wagtail's 500."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wagtail import hooks
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

if TYPE_CHECKING:
    from wagtail.api.v2.views import BaseAPIViewSet as _APIViewSet
else:
    _APIViewSet = object  # a mixin: the real base comes with the endpoint's own class


class WholeNumberIdMixin(_APIViewSet):
    def find_object(self, queryset: Any, request: Any) -> Any:
        if not request.GET.get("id", "0").isdigit():
            raise BadRequestError("id must be a whole number")
        return super().find_object(queryset, request)


ENDPOINTS = {
    "pages": PagesAdminAPIViewSet,
    "images": ImagesAdminAPIViewSet,
    "documents": DocumentsAdminAPIViewSet,
}


# After Wagtail's images and documents apps register theirs.
@hooks.register("construct_admin_api", order=1)
def whole_number_ids(router: Any) -> None:
    for name, viewset in ENDPOINTS.items():
        router.register_endpoint(name, type(viewset.__name__, (WholeNumberIdMixin, viewset), {}))
