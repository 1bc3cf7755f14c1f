"""A journalist never reads another desk's confidential text, on any admin screen.

Row rules are enforced where rows are fetched (the permission policy's querysets, site
history's filter, the listing search); this sweep checks the result from the outside:
every admin screen that takes no argument (the dashboard, the calendar, every listing and
its downloads, page search, the choosers, site history, the reports), plain and searched
for the hidden words, must not contain them.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import resolve
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from editorial.enums import AssignmentStatus
from editorial.models import Assignment, Beat, BeatLogEntry
from tests.support.admin_urls import admin_patterns

# Words the search backend indexes as they are (no accents to fold); a leak is the text
# around them, as a search page repeats the words it was asked for.
HIDDEN_HEADLINE = "tuyetmatxk"
HIDDEN_LOG = "bienbanmatxl"
LEAKS = (f"{HIDDEN_HEADLINE} của Đảng ủy", f"{HIDDEN_LOG} quý IV")


# Logging out ends the sweep's session; the error test raises on purpose.
SKIPPED = {None, "wagtailadmin_logout", "wagtailadmin_error_test"}


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.mark.django_db
def test_no_admin_screen_shows_a_journalist_another_desks_confidential_text(demo):
    User = get_user_model()
    journalist = User.objects.get(username="phongvien")
    colleague = User.objects.get(username="phongvien2")
    editor = User.objects.get(username="bientap")
    other_beat = Beat.objects.exclude(pk__in=Beat.objects.followed_by(journalist)).first()
    proposal = Assignment.objects.filter(assignee=colleague).first()
    proposal.headline = f"Đề xuất {HIDDEN_HEADLINE} của Đảng ủy"
    proposal.status = AssignmentStatus.PROPOSED
    proposal.save()
    entry = BeatLogEntry.objects.create(
        beat=other_beat, author=colleague, summary=f"Giao ban {HIDDEN_LOG} quý IV"
    )

    client = Client()
    client.force_login(journalist)
    checked, leaks = [], []
    for pattern in admin_patterns():
        if pattern.arguments or pattern.name in SKIPPED:
            continue
        url = "/" + pattern.route
        view_class = getattr(resolve(url).func, "view_class", None)
        queries = [{}, {"q": HIDDEN_HEADLINE}, {"q": HIDDEN_LOG}]
        if view_class and issubclass(view_class, SpreadsheetExportMixin):
            queries.append({"export": "csv"})
        for params in queries:
            response = client.get(url, params)
            if response.status_code != 200:
                continue
            checked.append(url)
            text = body(response)
            for word in LEAKS:
                if word in text:
                    leaks.append(f"{url}?{params}: {word}")

    # The sweep reached the screens the rows appear on.
    for url in ("/admin/", "/admin/desk_assignment/", "/admin/desk_log/", "/admin/pages/search/"):
        assert url in checked, url
    assert "/admin/reports/site-history/" in checked
    assert not leaks, "\n".join(leaks)

    # The words are there to be found by someone allowed to read them.
    client.force_login(editor)
    assert LEAKS[0] in body(client.get("/admin/desk_assignment/", {"q": HIDDEN_HEADLINE}))
    assert LEAKS[1] in body(client.get("/admin/desk_log/", {"q": HIDDEN_LOG}))
    assert entry.pk
