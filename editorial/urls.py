from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from editorial.access import page_passwords
from editorial.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    # The public read API (coverage.api): live coverage as JSON for partners.
    path("api/v2/", include("coverage.api.urls")),
    # Wagtail's own paths and names, matched before Wagtail's: password guesses are limited.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        page_passwords.authenticate_document_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
]

if settings.DEBUG:
    # Development serves uploaded photos, as the proxy does in production; documents only
    # ever go out through /documents/, which checks who may read them (editorial.documents).
    import re

    from django.urls import re_path
    from django.views.static import serve

    media = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [
        re_path(
            rf"^{media}(?P<path>(?:original_images|images)/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Feeds, sitemap and robots.txt, then Wagtail's page serving, which catches everything else.
urlpatterns += [path("", include("coverage.urls")), path("", include(wagtail_urls))]

# A lost database is an outage (503, Retry-After), not a crash (editorial.outage).
handler500 = "editorial.outage.server_error"
