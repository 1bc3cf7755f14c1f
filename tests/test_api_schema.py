"""The OpenAPI description matches the API, and schemathesis finds no server error in it.

schemathesis generates requests from /api/v2/openapi.json (valid and invalid values for
every parameter) and sends them to the app in-process over WSGI, on the demo newsroom;
every response must be a non-5xx that conforms to the description.
"""

import pytest
import schemathesis
import schemathesis.specs.openapi.checks
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from coverage.api.endpoints import ArticlesAPIViewSet
from coverage.api.router import api_router

pytestmark = pytest.mark.django_db

# Per operation (ten of them): enough for every parameter's edge values in under a minute.
EXAMPLES = 30
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.specs.openapi.checks.status_code_conformance,
    schemathesis.specs.openapi.checks.content_type_conformance,
    schemathesis.specs.openapi.checks.response_schema_conformance,
]


def test_the_description_names_every_endpoint_field_and_filter(client, demo):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    description = response.json()
    assert description["openapi"].startswith("3.")
    for name, endpoint in api_router._endpoints.items():
        listing = description["paths"][f"/api/v2/{name}/"]["get"]
        assert f"/api/v2/{name}/{{id}}/" in description["paths"]
        item = description["components"]["schemas"][name.capitalize() + "Detail"]
        assert set(item["properties"]) == {"id", "meta", *endpoint.fields}
        parameters = {parameter["name"] for parameter in listing["parameters"]}
        assert parameters == endpoint.known_query_parameters | endpoint.filter_parameters
    articles = description["paths"]["/api/v2/articles/"]["get"]["parameters"]
    assert ArticlesAPIViewSet.filter_parameters <= {parameter["name"] for parameter in articles}


@pytest.fixture
def connection_kept():
    """Keep the test's database connection across WSGI requests, as Django's test client
    does: a request's end would close it (close_old_connections), mid-transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_schemathesis_finds_no_server_error(demo, connection_kept):
    schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 2 * len(api_router._endpoints)
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(checks=CHECKS)

        run()
