"""The base of every public endpoint: strict parameters, JSON only, cache headers, rate limit.

A Wagtail API v2 viewset (its router, pagination, ``fields`` syntax and error shape,
``{"message": ...}``), made stricter for the open web:

- every query parameter is known and checked; anything else, a malformed value, ``*``
  or nested ``fields``, a limit above ``WAGTAILAPI_LIMIT_MAX`` or an offset out of range
  is a 400 with a JSON message, never a 500;
- responses are JSON only (no browsable API), anonymous (no session or basic auth:
  an editor sees exactly what a partner sees) and carry no CORS header;
- a 200 is ``Cache-Control: public`` for the site's short max-age (coverage.caching),
  so a proxy or the page cache (coverage.page_cache) can serve it; errors are not cached;
- each reader address (coverage.search.client_address) has ``COVERAGE_API_RATE``
  requests a minute, then 429 with Retry-After.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from django.conf import settings
from django.urls import path
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from rest_framework import status
from rest_framework.exceptions import APIException, Throttled
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url, parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet

from coverage.caching import max_age

DEFAULT_RATE = "120/m"
# Beyond this an offset only walks the archive for a scraper; the filters reach any date.
MAX_OFFSET = 10_000
# Primary keys are 32-bit on both databases: a larger id cannot exist (and would overflow).
MAX_ID = 2**31 - 1


def api_rate() -> str:
    return getattr(settings, "COVERAGE_API_RATE", DEFAULT_RATE)


def bounded_int(request, name: str, *, default: int, maximum: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if not 0 <= value <= maximum:
        raise BadRequestError(
            _("%(name)s must be a whole number from 0 to %(maximum)d.")
            % {"name": name, "maximum": maximum}
        )
    return value


class JSONOnly(BaseContentNegotiation):
    """Every answer is JSON, whatever Accept or ``?format=`` asks (there is nothing else)."""

    def select_parser(self, request, parsers):
        return None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class BoundedPagination(WagtailPagination):
    """Wagtail's limit/offset pagination with both numbers bounded and checked."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        limit = bounded_int(request, "limit", default=min(20, limit_max), maximum=limit_max)
        offset = bounded_int(request, "offset", default=0, maximum=MAX_OFFSET)
        self.view = view
        self.total_count = queryset.count()
        return list(queryset[offset : offset + limit])


class PublicAPIViewSet(BaseAPIViewSet):
    """One model's public list and detail. Subclasses give the queryset and the fields."""

    renderer_classes: ClassVar[list] = [JSONRenderer]
    content_negotiation_class = JSONOnly
    authentication_classes: ClassVar[list] = []
    permission_classes: ClassVar[list] = [AllowAny]
    pagination_class = BoundedPagination

    # The path under /api/v2/ (DRF resets a viewset's ``name`` when it builds the view).
    endpoint_name: ClassVar[str] = ""
    # name -> function(obj, view) giving the value; meta fields go under "meta".
    fields: ClassVar[dict[str, Callable]] = {}
    meta_fields: ClassVar[dict[str, Callable]] = {}
    listing_fields: ClassVar[list[str]] = []
    # Costly or long fields, shown on the detail only unless asked for by ``fields``.
    detail_only_fields: ClassVar[list[str]] = []
    # ``order`` values -> order_by arguments; the first is the default.
    orderings: ClassVar[dict[str, tuple[str, ...]]] = {}
    filter_parameters: ClassVar[frozenset[str]] = frozenset()
    known_query_parameters = frozenset(["limit", "offset", "fields", "order"])

    @classmethod
    def get_urlpatterns(cls):
        # No find/ view: a lookup by path or id is the listing's filters or the detail.
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    # --- Requests ----------------------------------------------------------------------

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if is_ratelimited(
            request._request,
            group="coverage.api",
            key="ip",
            rate=api_rate(),
            method=is_ratelimited.ALL,
            increment=True,
        ):
            raise Throttled(wait=60)

    def handle_exception(self, exc):
        if isinstance(exc, Throttled):
            response = Response(
                {"message": _("Too many requests from your address; try again in a minute.")},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
            )
            response["Retry-After"] = "60"
            return response
        if isinstance(exc, APIException):
            return Response({"message": str(exc.detail)}, status=exc.status_code)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=max_age())
        else:
            add_never_cache_headers(response)
        return response

    def check_query_parameters(self, queryset=None):
        allowed = self.known_query_parameters | self.filter_parameters
        unknown = set(self.request.GET.keys()) - allowed
        if unknown:
            raise BadRequestError(
                _("Unknown query parameters: %(names)s. Known: %(known)s.")
                % {"names": ", ".join(sorted(unknown)), "known": ", ".join(sorted(allowed))}
            )

    def selected_fields(self, *, detail: bool) -> list[str]:
        """The fields to show: the defaults, plus or minus those named in ``fields``."""
        chosen = list(self.fields) if detail else list(self.listing_fields)
        raw = self.request.GET.get("fields")
        if raw is None:
            return chosen
        try:
            config = parse_fields_parameter(raw)
        except ValueError:
            config = None
        if not config or any(name in ("*", "_") or sub for name, _neg, sub in config):
            raise BadRequestError(
                _(
                    "fields must be a comma-separated list of field names, each optionally "
                    "preceded by '-' to leave it out."
                )
            )
        unknown = sorted({name for name, _neg, _sub in config} - set(self.fields))
        if unknown:
            raise BadRequestError(_("Unknown fields: %(names)s.") % {"names": ", ".join(unknown)})
        for name, negated, _sub in config:
            if negated and name in chosen:
                chosen.remove(name)
            elif not negated and name not in chosen:
                chosen.append(name)
        return [name for name in self.fields if name in chosen]

    def ordering(self) -> tuple[str, ...]:
        raw = self.request.GET.get("order")
        if raw is None:
            return next(iter(self.orderings.values()))
        if raw not in self.orderings:
            raise BadRequestError(
                _("order must be one of: %(values)s.") % {"values": ", ".join(self.orderings)}
            )
        return self.orderings[raw]

    # --- Data ----------------------------------------------------------------------------

    def get_queryset(self):
        """Everything this endpoint may show (see coverage.api.sources)."""
        raise NotImplementedError

    def filter_objects(self, queryset):
        """The listing's filters and order; subclasses with filters extend it."""
        return queryset.order_by(*self.ordering())

    def with_related(self, objects: list, names: list[str]) -> list:
        """The page's objects with what ``fields`` read fetched in fixed queries."""
        return objects

    def represent(self, obj, names: list[str]) -> dict:
        data = {
            "id": obj.pk,
            "meta": {name: get(obj, self) for name, get in self.meta_fields.items()},
        }
        for name in names:
            if name != "id":
                data[name] = self.fields[name](obj, self)
        return data

    def detail_url(self, obj) -> str:
        return get_object_detail_url(
            self.request.wagtailapi_router, self.request, type(obj), obj.pk
        )

    # --- Views ---------------------------------------------------------------------------

    def listing_view(self, request):
        self.check_query_parameters()
        names = self.selected_fields(detail=False)
        queryset = self.filter_objects(self.get_queryset())
        page = self.paginate_queryset(queryset)
        objects = self.with_related(page, names)
        return self.get_paginated_response([self.represent(obj, names) for obj in objects])

    def detail_view(self, request, pk):
        self.check_query_parameters()
        for name in self.filter_parameters | {"limit", "offset", "order"}:
            if name in request.GET:
                raise BadRequestError(_("%(name)s only applies to lists.") % {"name": name})
        names = self.selected_fields(detail=True)
        found = self.get_queryset().filter(pk=pk).first() if pk <= MAX_ID else None
        if found is None:
            from django.http import Http404

            raise Http404(_("Not found."))
        return Response(self.represent(self.with_related([found], names)[0], names))
