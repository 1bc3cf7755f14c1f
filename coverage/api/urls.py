"""/api/v2/: the endpoints on Wagtail's API router, and the OpenAPI description."""

from django.urls import path

from coverage.api.openapi import openapi_json
from coverage.api.router import api_router

urlpatterns = [
    path("openapi.json", openapi_json, name="coverage_api_openapi"),
    path("", api_router.urls),
]
