"""The site's root page."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class HomePage(Page):
    """The front page of the coverage site. One per site; it sits at the root of the tree."""

    template = "pages/home_page.html"
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
