"""The admin each role uses reads in Vietnamese, Wagtail's own screens included (issue 21).

Wagtail's Vietnamese catalogue translates a fraction of its strings; the rest is shipped by
the project in ``editorial/locale_wagtail`` (README, "Translations"). This crawl signs in as
each role, opens the dashboard, every screen its menu offers and the screens it works on
(an article's edit page and history, an image, the workflow screens for the admin), and
lists every visible text, label and tooltip that is one of Wagtail's English msgids the
active catalogue leaves untranslated. Removing one entry of the override makes it fail.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import wagtail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from tests.support import po_catalog
from tests.support.admin_urls import DemoSubjects

pytestmark = pytest.mark.django_db

ROLES = ["tongbientap", "bientap", "phongvien", "bananh"]
# Attributes a reader sees or a screen reader speaks.
SPOKEN_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value"}
# English words that stay English in a Vietnamese newsroom: names of things, not UI text.
ALLOWED = {
    "Wagtail",  # the product's name, in the footer and the editor guide link
    "Email",  # "Email" is how the newsroom writes it, as in our own catalogue
    "URL",
    "ID",
    "Slug",  # "slug" is the newsroom's own word for the address segment
    "OK",
}
_SPACE = re.compile(r"\s+")


@cache
def untranslated_msgids() -> frozenset[str]:
    """Every English msgid of Wagtail's catalogues that reads the same in Vietnamese."""
    root = Path(wagtail.__file__).parent
    found: set[str] = set()
    with translation.override("vi"):
        catalog = trans_real.translation("vi")
        for po in root.glob("**/locale/en/LC_MESSAGES/django.po"):
            for entry in po_catalog.parse(po)[1:]:
                if entry.msgid_plural is None:
                    translated = (
                        catalog.pgettext(entry.msgctxt, entry.msgid)
                        if entry.msgctxt
                        else catalog.gettext(entry.msgid)
                    )
                    if translated == entry.msgid:
                        found.add(entry.msgid)
                elif catalog.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgid:
                    found.update((entry.msgid, entry.msgid_plural))
    return frozenset(_SPACE.sub(" ", msgid).strip() for msgid in found) - ALLOWED


class _Visible(HTMLParser):
    """Text nodes, spoken attributes and the labels of the JSON the admin's menus render."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"script", "style"}:
            self._script = attributes.get("type", "") if tag == "script" else "style"
        for name, value in attrs:
            if value and name in SPOKEN_ATTRIBUTES:
                self.texts.append(value)
        if tag in {"input", "button"} and attributes.get("type") in {"submit", "button"}:
            self.texts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._script = None

    def handle_data(self, data):
        if self._script is None:
            self.texts.append(data)
        elif self._script == "application/json" and data.strip():
            self.texts.extend(_labels(json.loads(data)))


def _labels(value) -> list[str]:
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            for text in ([item] if key == "label" and isinstance(item, str) else _labels(item))
        ]
    if isinstance(value, list):
        return [text for item in value for text in _labels(item)]
    return []


def english_on(html: str) -> set[str]:
    parser = _Visible()
    parser.feed(html)
    english = untranslated_msgids()
    return {text for raw in parser.texts if (text := _SPACE.sub(" ", raw).strip()) in english}


def _menu_urls(dashboard: str) -> list[str]:
    """The admin screens the sidebar menu offers this user (the menu is JSON in the page)."""
    return sorted(set(re.findall(r'"url": "(/admin/[^"]*)"', dashboard)))


def _screens(username: str, subjects: DemoSubjects) -> list[str]:
    """The screens the role works on beyond its menu: an article from editing to history,
    the confirmations of its action menu and bulk actions, the choosers, an image, a
    document and a snippet of each kind (a screen the role may not open is skipped)."""
    article, image = subjects.article, subjects.image
    page_screens = ["edit", "history", "workflow_history", "move", "copy", "delete", "unpublish"]
    screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_account"),
        *(reverse(f"wagtailadmin_pages:{name}", args=[article.pk]) for name in page_screens),
        reverse("wagtailadmin_pages:add_subpage", args=[subjects.hub.pk]),
        reverse("wagtailadmin_pages:set_privacy", args=[article.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, "earliest", "latest"]),
        reverse("wagtailadmin_pages:edit", args=[subjects.in_review.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[subjects.in_review.pk]),
        *(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[subjects.in_review.pk, action, subjects.task_state.pk],
            )
            for action in ("approve", "reject")
        ),
        reverse("wagtailadmin_explore", args=[subjects.hub.pk]),
        reverse("wagtailadmin_pages:search") + "?q=EVN",
        reverse("wagtailadmin_pages:search") + "?q=khongcogica",
        reverse("wagtailadmin_choose_page"),
        *(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
            + f"?id={article.pk}"
            for action in ("move", "publish", "unpublish", "delete")
        ),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtailimages:add"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs:edit", args=[subjects.document.pk]),
        reverse("wagtaildocs:add"),
        reverse("wagtaildocs_chooser:choose"),
        *(
            reverse(f"wagtailsnippets_{label.replace('.', '_')}:{name}", args=args)
            for label, snippet in subjects.snippets.items()
            for name, args in (("list", []), ("edit", [snippet.pk]), ("history", [snippet.pk]))
        ),
    ]
    if username == "tongbientap":
        screens += [
            reverse("wagtailadmin_workflows:index"),
            reverse("wagtailadmin_workflows:edit", args=[subjects.workflow.pk]),
            reverse("wagtailadmin_workflows:task_index"),
            reverse("wagtailadmin_workflows:edit_task", args=[subjects.task.pk]),
        ]
    return screens


def _html_of(response) -> str | None:
    """A screen's HTML, or a modal's (choosers and the moderation dialogs answer in JSON)."""
    if response.status_code != 200:
        return None
    if response.get("Content-Type", "").startswith("application/json"):
        return json.loads(response.content).get("html")
    return response.content.decode() if "html" in response.get("Content-Type", "") else None


def _own_work(username: str) -> list[str]:
    """The role's own article (a journalist's draft, an editor's commission), if it has one."""
    from coverage.models import ArticlePage

    own = ArticlePage.objects.filter(owner__username=username).order_by("pk").first()
    if own is None:
        return []
    return [reverse(f"wagtailadmin_pages:{name}", args=[own.pk]) for name in ("edit", "history")]


def _essential(username: str, subjects: DemoSubjects) -> list[str]:
    """Screens the crawl must have opened for the role, so a refusal cannot hide a screen."""
    edit = reverse("wagtailadmin_pages:edit", args=[subjects.article.pk])
    image = reverse("wagtailimages:edit", args=[subjects.image.pk])
    return {
        "tongbientap": [
            edit,
            image,
            reverse("wagtailadmin_workflows:index"),
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[subjects.in_review.pk, "approve", subjects.task_state.pk],
            ),
        ],
        "bientap": [edit, image, reverse("wagtailadmin_pages:history", args=[subjects.article.pk])],
        "phongvien": _own_work(username)[:1],
        "bananh": [image],
    }[username]


@pytest.mark.parametrize("username", ROLES)
def test_the_screens_each_role_uses_have_no_english_wagtail_string(demo, login, username):
    client = login(username)
    subjects = DemoSubjects.build()
    home = reverse("wagtailadmin_home")
    dashboard = client.get(home)
    assert dashboard.status_code == 200
    screens = (
        _screens(username, subjects) + _own_work(username) + _menu_urls(dashboard.content.decode())
    )
    english: dict[str, list[str]] = {}
    opened = set()
    for url in dict.fromkeys(screens):
        # Followed: the explorer's root and a one-type "add child page" answer with a redirect;
        # a refusal sends the user back to the dashboard, which does not count as opened.
        response = client.get(url, follow=True)
        refused = any(target == home for target, _ in response.redirect_chain)
        html = None if refused else _html_of(response)
        if html is None:  # a screen this role may not open
            continue
        opened.add(url)
        for text in english_on(html):
            english.setdefault(text, []).append(url)
    essential = _essential(username, subjects)
    assert essential and set(essential) <= opened, set(essential) - opened
    assert len(opened) >= 15, len(opened)
    assert english == {}


def test_the_crawl_sees_an_untranslated_string(db):
    """The check itself can fail: an English msgid left untranslated is caught wherever it shows."""
    english = min(m for m in untranslated_msgids() if re.fullmatch(r"[A-Z][a-z]+ [a-z ]+", m))
    for html in (
        f"<p>\n  {english} \n</p>",
        f'<button aria-label="{english}">Lưu nháp</button>',
        f'<script type="application/json">{{"items": [{{"label": {json.dumps(english)}}}]}}</script>',
    ):
        assert english_on(html) == {english}, html
    assert english_on('<div title="Wagtail">Wagtail</div><p>Lưu nháp</p>') == set()


def test_the_sign_in_and_password_screens_read_in_vietnamese(db, client):
    english: dict[str, list[str]] = {}
    for url in (reverse("wagtailadmin_login"), reverse("wagtailadmin_password_reset")):
        html = _html_of(client.get(url))
        assert html, url
        for text in english_on(html):
            english.setdefault(text, []).append(url)
    assert english == {}


def test_the_admin_scripts_catalogue_carries_the_override(db, client):
    """Wagtail's JavaScript catalogue merges LOCALE_PATHS' djangojs over its own."""
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    for text in ("Chèn khối", "Mở/đóng thanh bên", "Đang tự động lưu…"):
        assert json.dumps(text)[1:-1] in catalogue or text in catalogue, text
    assert '"Insert a block": "Insert a block"' not in catalogue
