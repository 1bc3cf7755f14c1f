"""The desk demo: beats with people, 20+ log entries, 15+ assignments over every stage
before drafting (some overdue, some on 2020 plan items); loading twice changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command

from editorial.enums import AssignmentStatus, BeatRole
from editorial.models import (
    Assignment,
    Beat,
    BeatAssignment,
    BeatLogEntry,
)

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Beat, BeatAssignment, BeatLogEntry, Assignment)
    } | {"statuses": sorted(Assignment.objects.values_list("headline", "status", "due_date"))}


def test_desk_demo_content_and_idempotence(demo):
    before = snapshot()
    load_demo()
    assert snapshot() == before

    assert Beat.objects.count() >= 3
    party_beat = Beat.objects.get(name="Công tác xây dựng Đảng của Đảng ủy Khối")
    editor = party_beat.beat_assignments.get(role=BeatRole.EDITOR)
    assert editor.person.username == "bientap"
    assert editor.starts_on == datetime.date(2020, 3, 5)
    assert party_beat.organisations.filter(short_name="DUKDNTW").exists()
    reporters = BeatAssignment.objects.filter(
        role=BeatRole.REPORTER, beat__organisations__kind__isnull=False
    )
    assert reporters.values("beat").distinct().count() >= 3

    assert BeatLogEntry.objects.count() >= 20
    assert Assignment.objects.count() >= 15
    assert set(Assignment.objects.values_list("status", flat=True)) == set(AssignmentStatus)
    assert Assignment.objects.with_stage().filter(is_overdue=True).count() >= 2
    assert Assignment.objects.filter(plan_item__plan__year=2020).count() >= 3
    assert Assignment.objects.filter(source_log_entry__isnull=False).count() >= 5
    assert Assignment.objects.filter(
        external_author__isnull=False, staff_contact__isnull=False
    ).exists()
