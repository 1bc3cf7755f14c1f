"""The OpenAPI 3 description of /api/v2/, served at /api/v2/openapi.json.

Written here by hand for the response shapes (what a partner codes against), and built
from the endpoints themselves for what can drift: their fields, orderings, filters and
the limit, so the description cannot promise a parameter the API refuses.
"""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from coverage.api.base import MAX_ID, MAX_OFFSET
from coverage.api.router import api_router
from coverage.caching import max_age

TEXT = {"type": "string"}
NULLABLE_TEXT = {"type": ["string", "null"]}
DATE_TIME = {"type": ["string", "null"], "format": "date-time"}
COUNT = {"type": "integer", "minimum": 0}


def _object(properties: dict, required: list[str] | None = None) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


IMAGE = _object(
    {
        "id": {"type": "integer"},
        "title": TEXT,
        "caption": TEXT,
        "alt": TEXT,
        "credit": TEXT,
        "credit_line": {
            "type": "string",
            "description": 'As printed, e.g. "Ảnh: VGP/Nguyễn Hoàng".',
        },
        "source_agency": TEXT,
        "photographer": TEXT,
        "licence": TEXT,
        "width": COUNT,
        "height": COUNT,
        "url": {"type": "string", "description": "The original file."},
    }
)
AUTHOR_REF = _object(
    {
        "id": {"type": "integer"},
        "full_name": TEXT,
        "academic_title": {"type": "string", "description": 'e.g. "PGS, TS."'},
        "display_name": TEXT,
        "position": TEXT,
        "slug": TEXT,
    }
)
ORGANISATION_REF = _object(
    {"id": {"type": "integer"}, "name": TEXT, "short_name": TEXT, "slug": TEXT}
)
TOPIC_REF = _object(
    {
        "id": {"type": "integer", "description": "The topic hub's id (the topics endpoint)."},
        "title": TEXT,
        "number": {"type": "integer"},
        "name": TEXT,
        "name_en": TEXT,
    }
)
PAGE_NUMBER = {"type": ["integer", "null"], "minimum": 1}
PRINT_ISSUE = _object(
    {
        "number": {"type": "integer"},
        "label": {"type": "string", "description": 'e.g. "Số 940, tháng 3-2020".'},
        "kind": {"type": "string", "enum": ["monthly", "thematic"]},
        "print_date": {"type": "string", "format": "date"},
        "html_url": {"type": "string", "description": "The issue's table of contents."},
        "start_page": PAGE_NUMBER,
        "end_page": PAGE_NUMBER,
    }
)
BODY_BLOCK = _object(
    {
        "type": {
            "type": "string",
            "enum": ["paragraph", "intertitle", "image", "quote", "fact_box", "embed", "footnotes"],
        },
        "value": {
            "description": "Wagtail's API form of the block; an image block's "
            "``image`` is a full Image and ``caption`` the one printed under it."
        },
        "id": NULLABLE_TEXT,
    }
)

# The properties of each endpoint's items (beyond id and meta), by field name.
FIELDS = {
    "articles": {
        "title": TEXT,
        "sapo": TEXT,
        "first_published_at": DATE_TIME,
        "last_published_at": DATE_TIME,
        "topic": {"oneOf": [TOPIC_REF, {"type": "null"}]},
        "bylines": {"type": "array", "items": AUTHOR_REF},
        "organisations": {"type": "array", "items": ORGANISATION_REF},
        "tags": {"type": "array", "items": _object({"name": TEXT, "slug": TEXT})},
        "hero_image": {"oneOf": [IMAGE, {"type": "null"}]},
        "source_line": TEXT,
        "print_issue": {
            "oneOf": [PRINT_ISSUE, {"type": "null"}],
            "description": "The print issue the article also ran in, if any.",
        },
        "body": {"type": "array", "items": BODY_BLOCK},
    },
    "topics": {
        "title": TEXT,
        "number": {"type": "integer"},
        "name": TEXT,
        "name_en": TEXT,
        "description": TEXT,
        "intro": TEXT,
    },
    "images": {name: schema for name, schema in IMAGE["properties"].items() if name != "id"},
    "authors": {
        **{
            name: AUTHOR_REF["properties"][name]
            for name in AUTHOR_REF["properties"]
            if name != "id"
        },
        "organisation": {"oneOf": [ORGANISATION_REF, {"type": "null"}]},
        "bio": TEXT,
    },
    "organisations": {
        "name": TEXT,
        "short_name": TEXT,
        "slug": TEXT,
        "kind": TEXT,
        "website": TEXT,
        "description": TEXT,
    },
}

ID_FILTER = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
DAY = {"type": "string", "format": "date", "description": "YYYY-MM-DD, Hà Nội time, inclusive."}
ARTICLE_FILTERS = {
    "topic": (ID_FILTER, "Only articles of this topic hub (its id in /topics/)."),
    "organisation": (ID_FILTER, "Only articles mentioning this organisation."),
    "tag": ({"type": "string", "pattern": "^[-a-zA-Z0-9_]{1,100}$"}, "A tag slug."),
    "published_after": (DAY, "First published on or after this day."),
    "published_before": (DAY, "First published on or before this day."),
    "search": ({"type": "string", "maxLength": 200}, "Words to search for."),
}

ERROR = {"$ref": "#/components/schemas/Error"}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR}}}


def _parameter(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def _fields_parameter(endpoint) -> dict:
    names = ", ".join(endpoint.fields)
    return _parameter(
        "fields",
        {"type": "string"},
        f"Comma-separated fields to add to the defaults, or '-name' to leave one out: {names}.",
    )


def _item_schema(name: str, endpoint, *, detail: bool) -> dict:
    meta = {"type": TEXT, "detail_url": TEXT}
    if "html_url" in endpoint.meta_fields:
        meta["html_url"] = TEXT
    properties = {"id": {"type": "integer"}, "meta": _object(meta), **FIELDS[name]}
    # Which fields appear depends on ``fields``; the defaults are listed in the description.
    return {
        "type": "object",
        "properties": properties,
        "required": ["id", "meta"],
        "additionalProperties": False,
        "description": "Fields by default: "
        + ", ".join(endpoint.fields if detail else endpoint.listing_fields),
    }


def _paths(router) -> dict:
    paths = {}
    limit_max = settings.WAGTAILAPI_LIMIT_MAX
    for name, endpoint in router._endpoints.items():
        common = [_fields_parameter(endpoint)]
        listing = [
            _parameter(
                "limit",
                {"type": "integer", "minimum": 0, "maximum": limit_max},
                f"Items per page (default {min(20, limit_max)}, at most {limit_max}).",
            ),
            _parameter(
                "offset", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}, "Items to skip."
            ),
            _parameter(
                "order",
                {"type": "string", "enum": list(endpoint.orderings)},
                f"Sort order (default {next(iter(endpoint.orderings))}).",
            ),
        ]
        if name == "articles":
            listing += [_parameter(key, *value) for key, value in ARTICLE_FILTERS.items()]
        schema_name = name.capitalize()
        paths[f"/api/v2/{name}/"] = {
            "get": {
                "operationId": f"list_{name}",
                "summary": (endpoint.__doc__ or "").strip().splitlines()[0],
                "parameters": common + listing,
                "responses": {
                    "200": {
                        "description": "One page of the list.",
                        "content": {
                            "application/json": {
                                "schema": _object(
                                    {
                                        "meta": _object({"total_count": COUNT}),
                                        "items": {
                                            "type": "array",
                                            "items": {
                                                "$ref": f"#/components/schemas/{schema_name}"
                                            },
                                        },
                                    }
                                )
                            }
                        },
                    },
                    "400": _error("A parameter is unknown or its value is not allowed."),
                    "429": _error("Too many requests from this address; see Retry-After."),
                },
            }
        }
        paths[f"/api/v2/{name}/{{id}}/"] = {
            "get": {
                "operationId": f"show_{name[:-1]}",
                "summary": f"One of {name}, with every field.",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 0},
                    },
                    *common,
                ],
                "responses": {
                    "200": {
                        "description": "The item.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{schema_name}Detail"}
                            }
                        },
                    },
                    "400": _error("A parameter is unknown or its value is not allowed."),
                    "404": _error("No such live item."),
                    "429": _error("Too many requests from this address; see Retry-After."),
                },
            }
        }
    return paths


def description(router) -> dict:
    schemas = {"Error": _object({"message": TEXT})}
    for name, endpoint in router._endpoints.items():
        schemas[name.capitalize()] = _item_schema(name, endpoint, detail=False)
        schemas[f"{name.capitalize()}Detail"] = _item_schema(name, endpoint, detail=True)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tạp chí Cộng sản: coverage API",
            "version": "2",
            "description": "Live coverage of the Enterprise Bloc programme: read-only, "
            "anonymous, JSON. Only what readers can see on the site is here; every image "
            "carries its credit and caption.",
        },
        "paths": _paths(router),
        "components": {"schemas": schemas},
    }


@require_GET
def openapi_json(request):
    response = JsonResponse(description(api_router), json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=max_age())
    return response
