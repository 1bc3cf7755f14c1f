"""/api/v2/: the endpoints on Wagtail's API router, and the OpenAPI description."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter

from coverage.api.endpoints import (
    ArticlesAPIViewSet,
    AuthorsAPIViewSet,
    ImagesAPIViewSet,
    OrganisationsAPIViewSet,
    TopicsAPIViewSet,
)
from coverage.api.openapi import openapi_json

api_router = WagtailAPIRouter("coverage_api")
for endpoint in (
    ArticlesAPIViewSet,
    TopicsAPIViewSet,
    ImagesAPIViewSet,
    AuthorsAPIViewSet,
    OrganisationsAPIViewSet,
):
    api_router.register_endpoint(endpoint.endpoint_name, endpoint)

urlpatterns = [
    path("openapi.json", openapi_json, name="coverage_api_openapi"),
    path("", api_router.urls),
]
