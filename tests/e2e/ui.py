"""The words a person reads on screen, looked up the way the admin looks them up.

Wagtail's Vietnamese catalogue is partial and ours is still to come, so a button reads
"Update" today and may read "Cập nhật" tomorrow. Journeys find links, buttons and fields
by these lookups instead of hard-coding either language, so they keep passing when the
translation lands, and still fail when the thing itself is gone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db.models import Model
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

LANGUAGE = "vi"


def t(message: str) -> str:
    """``message`` as the admin shows it in Vietnamese (English if not yet translated)."""
    with translation.override(LANGUAGE):
        return gettext(message)


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


def open_menu_item(page: Page, group: str, item: str) -> None:
    """Sidebar → ``group`` → ``item``, as a person clicks through the flyout."""
    menu = main_menu(page)
    menu.get_by_role("button", name=t(group), exact=True).click()
    menu.get_by_role("list", name=t(group)).get_by_role("link", name=t(item), exact=True).click()
