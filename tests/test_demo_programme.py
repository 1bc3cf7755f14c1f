"""Demo programme, plans and people (editorial/demo/): the seed's facts, loaded once."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.timezone import localtime
from wagtail.models import Revision

from editorial.demo.organisations import DEMO_ORGANISATIONS, ENTERPRISE_KINDS
from editorial.demo.programme import PROGRAMME_SLUG, get_demo_programme
from editorial.demo.users import DEMO_USERS
from editorial.enums import PlanItemKind
from editorial.models import (
    AnnualPlan,
    Author,
    Organisation,
    PlanItem,
    Programme,
    ProgrammeEvent,
    ProgrammeParty,
    ProgrammePerson,
    ProgrammePurpose,
    ProgrammeResponsibility,
    ProgrammeTopic,
    StaffProfile,
)

MODELS = [
    Organisation,
    Programme,
    ProgrammeParty,
    ProgrammePerson,
    ProgrammePurpose,
    ProgrammeResponsibility,
    ProgrammeTopic,
    AnnualPlan,
    PlanItem,
    ProgrammeEvent,
    StaffProfile,
    Author,
    Revision,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.django_db
def test_running_twice_adds_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


@pytest.mark.django_db
def test_an_editors_change_survives_a_reload(demo):
    programme = get_demo_programme()
    programme.summary = "Sửa bởi biên tập viên."
    programme.save()
    plan = AnnualPlan.objects.get(year=2020)
    plan.items.first().delete()
    call_command("load_demo", stdout=io.StringIO())
    assert get_demo_programme().summary == "Sửa bởi biên tập viên."
    assert plan.items.count() == 8


@pytest.mark.django_db
def test_the_programme_as_signed(demo):
    programme = Programme.objects.get()
    assert programme.slug == PROGRAMME_SLUG
    assert programme.signed_on == datetime.date(2020, 3, 5)
    assert programme.signed_at == "Hà Nội"
    assert (programme.start_year, programme.end_year) == (2020, 2025)
    parties = [party.organisation.short_name for party in programme.parties.all()]
    assert parties == ["DUKDNTW", "TCCS"]
    signatories = {(p.name, p.organisation.short_name) for p in programme.signatories()}
    assert signatories == {("Y Thanh Hà Niê Kđăm", "DUKDNTW"), ("Đoàn Minh Huấn", "TCCS")}
    [witness] = programme.witnesses()
    assert witness.name == "Nguyễn Văn Bình"
    assert "Bộ Chính trị" in witness.position and "Ban Kinh tế Trung ương" in witness.position
    assert programme.purposes.count() == 3
    leads = {row.organisation.short_name for row in programme.responsibilities.all()}
    assert leads == {"DUKDNTW", "TCCS"}
    assert programme.responsibilities.filter(responsibility__contains="biên tập viên").exists()
    # The admin's history starts at the signed text.
    assert Revision.objects.for_instance(programme).count() == 1


@pytest.mark.django_db
def test_five_topics_with_leads_and_glosses(demo):
    topics = list(get_demo_programme().topics.all())
    assert [topic.number for topic in topics] == [1, 2, 3, 4, 5]
    assert all(topic.name and topic.name_en and topic.lead_organisation for topic in topics)
    assert topics[1].slug == "dau-tranh-phan-bac-quan-diem-sai-trai-thu-dich"
    assert "05-CT/TW" in topics[3].description
    assert "Người Việt Nam ưu tiên dùng hàng Việt Nam" in topics[3].description


@pytest.mark.django_db
def test_the_2020_plan(demo):
    plan = AnnualPlan.objects.get(programme=get_demo_programme(), year=2020)
    items = list(plan.items.all())
    assert len(items) >= 7
    assert all(item.due_date.year == 2020 for item in items)
    assert all(item.topic and item.lead_organisation for item in items)
    assert not any(item.is_example for item in items)
    kinds = {item.kind for item in items}
    assert kinds >= {
        PlanItemKind.RESEARCH,
        PlanItemKind.CONGRESS,
        PlanItemKind.SEMINAR,
        PlanItemKind.CAMPAIGN,
        PlanItemKind.INFORMATION,
        PlanItemKind.MEETINGS,
        PlanItemKind.VOLUNTEER,
    }
    titles = " ".join(item.title for item in items)
    assert "Khơi thông nguồn lực, tạo động lực mới cho doanh nghiệp nhà nước" in titles
    assert "Tết ấm yêu thương" in titles
    assert "lần thứ III" in titles and "lần thứ XIII" in titles


@pytest.mark.django_db
def test_later_plans_hold_only_examples(demo):
    for year in range(2021, 2026):
        items = list(AnnualPlan.objects.get(year=year).items.all())
        assert len(items) >= 2
        assert all(item.is_example and item.due_date.year == year for item in items)


@pytest.mark.django_db
def test_events_are_linked_to_what_they_fulfil(demo):
    signing = ProgrammeEvent.objects.get(kind="ceremony")
    assert localtime(signing.starts_at).date() == datetime.date(2020, 3, 5)
    assert localtime(signing.starts_at).hour >= 12  # an afternoon ceremony
    assert signing.place == "Hà Nội"
    assert signing.plan_item is None  # it created the plans; it fulfils none
    congress = ProgrammeEvent.objects.get(kind="congress")
    assert localtime(congress.starts_at).date() == datetime.date(2020, 10, 19)
    assert localtime(congress.ends_at).date() == datetime.date(2020, 10, 21)
    assert "lần thứ III" in congress.plan_item.title
    seminar = ProgrammeEvent.objects.get(kind="seminar")
    assert seminar.plan_item.kind == PlanItemKind.SEMINAR
    volunteer = ProgrammeEvent.objects.get(kind="volunteer")
    assert "Tết ấm yêu thương" in volunteer.plan_item.title
    assert all(event.organisations.count() == 2 for event in ProgrammeEvent.objects.all())


@pytest.mark.django_db
def test_organisations_and_enterprises(demo):
    short_names = set(Organisation.objects.values_list("short_name", flat=True))
    assert short_names >= {spec.short_name for spec in DEMO_ORGANISATIONS}
    enterprises = Organisation.objects.filter(kind__in=ENTERPRISE_KINDS)
    assert enterprises.count() >= 11
    assert Organisation.objects.get(short_name="TKV").name == (
        "Tập đoàn Công nghiệp Than – Khoáng sản Việt Nam"
    )


@pytest.mark.django_db
def test_every_demo_user_has_a_staff_profile(demo):
    User = get_user_model()
    for spec in DEMO_USERS:
        profile = User.objects.get(username=spec.username).staff_profile
        assert profile.full_name == f"{spec.last_name} {spec.first_name}"
        assert profile.given_name == spec.first_name
    leaders = {
        p.user.username: p.display_name
        for p in StaffProfile.objects.filter(user__username__in=["tongbientap", "photongbientap"])
    }
    assert leaders == {
        "tongbientap": "PGS, TS. Đoàn Minh Huấn",
        "photongbientap": "PGS, TS. Nguyễn Ngọc Hà",
    }


@pytest.mark.django_db
def test_bylines_for_writers_and_outsiders(demo):
    for username in ["tongbientap", "bientap", "bientap2", "phongvien", "phongvien2"]:
        author = get_user_model().objects.get(username=username).author
        assert author.organisation.short_name == "TCCS"
    lam = Author.objects.get(full_name="Vũ Trọng Lâm")
    assert lam.display_name == "PGS, TS. Vũ Trọng Lâm"
    assert lam.staff_user is None
    outsiders = Author.objects.filter(staff_user__isnull=True).exclude(pk=lam.pk)
    assert outsiders.count() >= 4
    assert outsiders.exclude(academic_title="").count() >= 3
    assert outsiders.filter(organisation__kind__in=ENTERPRISE_KINDS).exists()
