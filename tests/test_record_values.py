"""A desk record's page (the assignment card, a beat-log entry) prints its values as a
Vietnamese reader expects: a dash for a blank, "Có"/"Không" for a flag, a person's name
and never their login, and dates as the listings print them."""

import re

import pytest
from django.urls import reverse

from editorial.models import BeatLogEntry
from editorial.text import person_name
from tests.support.desk import make_assignment

pytestmark = pytest.mark.django_db


def visible_text(html: str) -> str:
    main = html[html.index("<main") :]
    text = re.sub(r"<(script|template)\b.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


def test_record_pages_print_no_raw_none_flags_or_logins(desk, as_user):
    assignment = make_assignment(desk)  # no plan item, no beat: blanks to print
    entry = BeatLogEntry.objects.create(
        beat=desk.beat, author=desk.journalist, summary="Hội nghị sơ kết", date="2026-11-01"
    )
    client = as_user(desk.editor)
    for url in (
        reverse("desk_assignment:inspect", args=[assignment.pk]),
        reverse("desk_log:inspect", args=[entry.pk]),
    ):
        text = visible_text(client.get(url).content.decode())
        for raw in ("None", "True", "False", desk.editor.username, desk.journalist.username):
            assert not re.search(rf"\b{raw}\b", text), (url, raw)
        assert person_name(desk.journalist) in text, url
    assert "01/11/2026" in text and "tháng 11" not in text
    assert "Không" in text  # the entry's "needs follow-up" flag
