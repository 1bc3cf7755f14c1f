"""Public URLs that are not Wagtail pages. Included before Wagtail's catch-all."""

from django.urls import include, path

from coverage.corrections import corrections
from coverage.feeds import SiteFeed
from coverage.views import robots_txt, sitemap, sitemap_section

urlpatterns = [
    path("rss/", SiteFeed(), name="coverage_feed"),
    path("sitemap.xml", sitemap, name="coverage_sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="coverage_sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("dinh-chinh/", corrections, name="coverage_corrections"),
    path("tim-kiem/", include("coverage.search.urls")),
]
