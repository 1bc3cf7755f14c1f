"""The Wagtail site and its home page."""

from wagtail.models import Page, Site

from coverage.models import HomePage

HOME_TITLE = "Tạp chí Cộng sản với Khối Doanh nghiệp Trung ương"


def load_site() -> HomePage:
    """Replace Wagtail's "Welcome" page with our home page, once."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="trang-chu"))
        # Wagtail's initial migration leaves a placeholder page at depth 2.
        Page.objects.filter(depth=2, content_type__model="page").exclude(pk=home.pk).delete()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Tạp chí Cộng sản",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Tạp chí Cộng sản"
        site.save()
    return home
