"""The desk demo: beats with people, 20+ log entries, 15+ assignments over every stage
before drafting (some overdue, some on 2020 plan items); loading twice changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command

from editorial.enums import AssignmentStatus, BeatRole, OrganisationKind, PlanItemKind
from editorial.models import (
    AnnualPlan,
    Assignment,
    Beat,
    BeatAssignment,
    BeatLogEntry,
    Organisation,
    PlanItem,
    Programme,
    ProgrammeTopic,
)

pytestmark = pytest.mark.django_db

SHORT_NAMES = [
    "DUKDNTW", "TCCS", "VGP", "EVN", "PVN", "TKV", "VINACHEM", "HUD", "SONGDA", "VDB",
    "AGRIBANK", "VIETCOMBANK", "VIETINBANK", "BIDV",
]  # fmt: skip


def ensure_programme() -> None:
    """The programme demo's natural keys, created only where that demo has not (yet)."""
    for short_name in SHORT_NAMES:
        Organisation.objects.get_or_create(
            short_name=short_name, defaults={"name": short_name, "kind": OrganisationKind.GROUP}
        )
    programme = Programme.objects.filter(start_year=2020).first() or Programme.objects.create(
        title="Chương trình phối hợp", signed_on=datetime.date(2020, 3, 5), start_year=2020,
        end_year=2025,
    )  # fmt: skip
    for number in range(1, 6):
        ProgrammeTopic.objects.get_or_create(
            programme=programme, number=number, defaults={"name": f"Chủ đề {number}"}
        )
    plan, _ = AnnualPlan.objects.get_or_create(programme=programme, year=2020)
    for kind in (PlanItemKind.RESEARCH, PlanItemKind.CONGRESS, PlanItemKind.SEMINAR,
                 PlanItemKind.CAMPAIGN):  # fmt: skip
        if not plan.items.filter(kind=kind).exists():
            PlanItem.objects.create(plan=plan, title=str(kind.label), kind=kind)


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Beat, BeatAssignment, BeatLogEntry, Assignment)
    } | {"statuses": sorted(Assignment.objects.values_list("headline", "status", "due_date"))}


def test_desk_demo_content_and_idempotence():
    load_demo()  # users and groups (and, once merged, the programme demo)
    ensure_programme()
    load_demo()
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
