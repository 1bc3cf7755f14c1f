"""The words a person reads on screen, looked up the way the admin looks them up.

Wagtail's Vietnamese catalogue is partial and ours is still to come, so a button reads
"Update" today and may read "Cập nhật" tomorrow. Journeys find links, buttons and fields
by these lookups instead of hard-coding either language, so they keep passing when the
translation lands, and still fail when the thing itself is gone.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from django.db.models import Model
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from django.utils.translation.trans_real import DjangoTranslation

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

LANGUAGE = "vi"


def t(message: str, context: str | None = None) -> str:
    """``message`` as the admin shows it in Vietnamese (English if not yet translated);
    ``context`` for a message marked with ``pgettext``. A string only the admin's scripts
    say ("Insert a block", "Main menu") is in the JavaScript catalogue (djangojs)."""
    with translation.override(LANGUAGE):
        shown = pgettext(context, message) if context else gettext(message)
    if not isinstance(message, str) or shown != message:  # a lazy label is our own
        return shown
    scripts = _scripts_catalogue()
    return scripts.pgettext(context, message) if context else scripts.gettext(message)


@cache
def _scripts_catalogue() -> DjangoTranslation:
    """The djangojs catalogue /admin/jsi18n/ serves: Wagtail's, with LOCALE_PATHS' over it."""
    return DjangoTranslation(LANGUAGE, domain="djangojs")


def label(model: type[Model], field: str) -> str:
    """A model field's form label as Django renders it: its verbose name, capitalised."""
    with translation.override(LANGUAGE):
        return str(capfirst(model._meta.get_field(field).verbose_name))


def t_match(message: str, **values: str) -> re.Pattern[str]:
    """``message`` as shown, with its ``%(name)s`` placeholders filled: by ``values`` where
    given, by any text where not. For interpolated messages: ``t_match("Submit to
    %(workflow_name)s")`` matches whatever the pipeline is called."""
    parts = re.split(r"(%\([a-z_]+\)s)", t(message))
    pattern = "".join(
        (re.escape(values[part[2:-2]]) if part[2:-2] in values else ".+?")
        if re.fullmatch(r"%\([a-z_]+\)s", part)
        else re.escape(part)
        for part in parts
    )
    return re.compile(pattern)


def main_menu(page: Page) -> Locator:
    """Wagtail's sidebar menu (the admin's left column)."""
    return page.get_by_role("navigation", name=t("Main menu"))


def open_menu_item(page: Page, group: str, item: str, *, context: str | None = None) -> None:
    """Sidebar → ``group`` → ``item``, as a person clicks through the flyout
    (``context``: the group label's pgettext context, if it has one)."""
    menu = main_menu(page)
    name = t(group, context)
    menu.get_by_role("button", name=name, exact=True).click()
    menu.get_by_role("list", name=name, exact=True).get_by_role(
        "link", name=t(item), exact=True
    ).click()


def search_listing(page: Page, query: str) -> None:
    """Type ``query`` into a listing's search box and wait for the listing it brings.

    Wagtail swaps the results in after a pause; a row found before the swap is detached
    from the page a moment later (a click on it then times out). The address carries
    the query once the new results are in.
    """
    from urllib.parse import quote_plus

    from playwright.sync_api import expect

    # The box is editable as soon as the HTML is parsed, but the swap listens only once
    # Wagtail's scripts have run: typing before the page's load event is lost (seen in CI
    # right after a menu click).
    page.wait_for_load_state("load")
    page.get_by_role("main").get_by_role("search").get_by_role("textbox").fill(query)
    expect(page).to_have_url(re.compile(re.escape("q=" + quote_plus(query))))


# --- Admin landmarks the journeys share --------------------------------------------------


def desk_card(page: Page) -> Locator:
    """An assignment's desk card: its stage, facts and the buttons this person may press."""
    return page.get_by_role("region", name=t_match("Stage"))


def my_desk(page: Page) -> Locator:
    """The dashboard's "My desk" panel."""
    return page.get_by_role("region", name=t("My desk"), exact=True)


def awaiting_review(page: Page) -> Locator:
    """The dashboard's "Awaiting your review" panel (absent when nothing waits)."""
    return page.get_by_role("region", name=t("Awaiting your review"), exact=True)


def approve(page: Page, headline: str, action: str, comment: str, field: str = "Comment") -> None:
    """From the dashboard: the article's Actions → ``action`` → comment (the ``field``
    labelled so: a board vote's is its "Rationale") → confirm."""
    from playwright.sync_api import expect

    row = awaiting_review(page).get_by_role("row").filter(has_text=headline)
    row.get_by_role("button", name=t("Actions"), exact=True).click()
    row.get_by_role("button", name=action, exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox", name=t(field)).fill(comment)
    dialog.get_by_role("button", name=action, exact=True).click()
    expect(dialog).to_be_hidden()
