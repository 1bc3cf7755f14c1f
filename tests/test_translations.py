"""The shipped Vietnamese catalogues: complete, compiled, in step with the code, and used.

A fresh machine has no msgfmt, so the compiled .mo files are committed; these tests read
them with Python's ``gettext`` and compare them with the .po files they came from. How to
refresh the catalogues after adding strings: README.md, "Translations".
"""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from editorial.enums import AssignmentStage
from editorial.models import Assignment, BeatLogEntry
from tests.support import po_catalog
from tests.support.desk import make_assignment
from tests.support.i18n_sources import messages_in, source_files

ROOT = Path(settings.BASE_DIR)
# Where `makemessages` finds the strings of each catalogue (templates/ belongs to editorial).
SOURCES = ["editorial", "coverage", "templates"]
DOMAINS = ("django", "djangojs")
# Ours, and the override of Wagtail's strings (editorial/locale_wagtail, which also has the
# admin scripts' djangojs catalogue): each lists only what it translates.
CATALOGUES = [
    po
    for path in settings.LOCALE_PATHS
    for po in (Path(path) / "vi" / "LC_MESSAGES" / f"{domain}.po" for domain in DOMAINS)
    if po.exists()
]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\w*\}")
TAG = re.compile(r"</?[a-z][^>]*>")


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _entries(po: Path) -> list[po_catalog.Entry]:
    return po_catalog.parse(po)[1:]  # without the header


def _all_entries() -> list[po_catalog.Entry]:
    return [entry for po in CATALOGUES for entry in _entries(po)]


@pytest.mark.parametrize("po", CATALOGUES, ids=_id)
def test_catalogue_is_fully_translated(po):
    header, *entries = po_catalog.parse(po)
    assert header.msgid == "" and not header.fuzzy
    assert "Language: vi\\n" in po.read_text(encoding="utf-8").replace("\n", "\\n")
    assert "Plural-Forms: nplurals=1; plural=0;" in header.msgstr[0]
    assert len(entries) > 50, "catalogue looks empty"
    assert [e.msgid for e in entries if e.fuzzy] == []
    assert [e.msgid for e in entries if not e.translated] == []


@pytest.mark.parametrize("po", CATALOGUES, ids=_id)
def test_compiled_catalogue_matches_its_po(po):
    """The committed .mo holds exactly the .po's translations: none stale, none missing."""
    expected: dict[object, str] = {}
    for entry in _entries(po):
        if entry.translated and not entry.fuzzy:  # what msgfmt compiles
            expected.update(entry.catalog_items())
    with po.with_suffix(".mo").open("rb") as compiled:
        catalog = dict(gettext.GNUTranslations(compiled)._catalog)
    assert catalog.pop("", None), "the .mo has no header"
    assert catalog == expected


@pytest.mark.parametrize("po", CATALOGUES, ids=_id)
def test_translations_keep_placeholders_and_markup(po):
    for entry in _entries(po):
        # Vietnamese has one plural form: it is said for every count, so it carries the
        # plural's placeholders ("1 page" / "%(counter)s pages": "%(counter)s trang").
        source = entry.msgid_plural or entry.msgid
        for text in entry.msgstr.values():
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                entry.msgid
            )
            assert sorted(TAG.findall(text)) == sorted(TAG.findall(source)), entry.msgid


def test_a_message_in_both_catalogues_reads_the_same():
    """gettext merges the catalogues, so one of two different translations would be lost."""
    seen: dict[tuple[str | None, str], dict[int, str]] = {}
    for entry in _all_entries():
        key = (entry.msgctxt, entry.msgid)
        assert seen.setdefault(key, entry.msgstr) == entry.msgstr, entry.msgid


def test_every_string_marked_in_the_code_is_translated():
    """New English strings need a pass of makemessages + translation (README, Translations)."""
    translated = {(e.msgctxt, e.msgid) for e in _all_entries() if e.translated}
    missing = sorted(
        f"{_id(path)}: {msgid}"
        for folder in SOURCES
        for path in source_files(ROOT, folder)
        if "locale" not in path.parts
        for context, msgid in messages_in(path)
        if (context, msgid) not in translated
    )
    assert missing == []


def test_models_and_choices_read_in_vietnamese():
    with translation.override("vi"):
        assert str(Assignment._meta.verbose_name) == "đặt bài"
        assert str(BeatLogEntry._meta.verbose_name_plural) == "nhật ký địa bàn"
        assert str(Assignment._meta.get_field("headline").verbose_name) == "tiêu đề tạm"
        assert str(AssignmentStage.CHANGES_REQUESTED.label) == "Trả về chỉnh sửa"


@pytest.mark.django_db
def test_assignment_listing_and_card_in_vietnamese(desk, as_user):
    assignment = make_assignment(desk, headline="Đảng bộ EVN với chuyển đổi số")
    client = as_user(desk.editor)

    listing = client.get(reverse("desk_assignment:index")).content.decode()
    for text in ("Đặt bài", "Giai đoạn", "Người viết", "Hạn nộp", "Đã giao bài"):
        assert text in listing, text
    assert "Due between" not in listing and "Commissioned" not in listing

    card = client.get(reverse("desk_assignment:inspect", args=[assignment.pk])).content.decode()
    assert "Cán bộ đầu mối" in card or "Người viết" in card
    assert "Hủy đặt bài" in card
    assert "Cancel assignment" not in card


@pytest.mark.django_db
def test_assignment_form_labels_and_help_in_vietnamese(desk, as_user):
    form = as_user(desk.editor).get(reverse("desk_assignment:add")).content.decode()
    assert "Tiêu đề tạm" in form
    assert "Biên tập viên đặt bài" in form
    assert "Tiêu đề dự kiến; sẽ thành tiêu đề của bản nháp." in form
    assert "Working headline" not in form and "working headline" not in form


@pytest.mark.django_db
def test_dashboard_and_menu_in_vietnamese(desk, as_user):
    make_assignment(desk)
    dashboard = as_user(desk.journalist).get(reverse("wagtailadmin_home")).content.decode()
    for text in ("Việc của tôi", "Địa bàn của tôi"):
        assert text in dashboard, text
    # The sidebar menu is JSON inside the page.
    for label in ("Tòa soạn", "Nhật ký địa bàn", "Lịch"):
        assert f'"label": {json.dumps(label)}' in dashboard, label
    assert "My desk" not in dashboard and '"label": "Newsroom desk"' not in dashboard


@pytest.mark.django_db
def test_a_user_who_prefers_english_gets_the_english_strings(desk, as_user):
    """The strings are wrapped, not written in Vietnamese: the admin language switch works."""
    profile = UserProfile.get_for_user(desk.editor)
    profile.preferred_language = "en"
    profile.save()
    listing = as_user(desk.editor).get(reverse("desk_assignment:index")).content.decode()
    assert "Assignments" in listing and "Due" in listing
    assert "Giai đoạn" not in listing
