"""The API's endpoints on Wagtail's router: read by the URLs and the OpenAPI description."""

from wagtail.api.v2.router import WagtailAPIRouter

from coverage.api.endpoints import (
    ArticlesAPIViewSet,
    AuthorsAPIViewSet,
    ImagesAPIViewSet,
    OrganisationsAPIViewSet,
    TopicsAPIViewSet,
)

api_router = WagtailAPIRouter("coverage_api")
for endpoint in (
    ArticlesAPIViewSet,
    TopicsAPIViewSet,
    ImagesAPIViewSet,
    AuthorsAPIViewSet,
    OrganisationsAPIViewSet,
):
    api_router.register_endpoint(endpoint.endpoint_name, endpoint)
