"""Editorial factories (factory_boy): organisations, the programme, topics, plans,
authors, beats, log entries and assignments. Each builds a valid row with the fewest
choices; a test names only what it cares about."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from editorial.enums import AssignmentStatus, OrganisationKind
from editorial.models import (
    AnnualPlan,
    Assignment,
    Author,
    Beat,
    BeatAssignment,
    BeatLogEntry,
    Organisation,
    PlanItem,
    Programme,
    ProgrammeTopic,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("short_name",)

    short_name = factory.Sequence(lambda n: f"ORG{n}")
    name = factory.LazyAttribute(lambda o: f"Tổng công ty {o.short_name}")
    kind = OrganisationKind.CORPORATION


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title = "Chương trình phối hợp công tác giai đoạn 2020–2025"
    signed_on = dt.date(2020, 3, 5)
    signed_at = "Hà Nội"
    start_year = 2020
    end_year = 2025
    summary = "Hai cơ quan phối hợp nghiên cứu, tuyên truyền và tổ chức sự kiện."


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeTopic

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n % 5 + 1)
    name = factory.LazyAttribute(lambda o: f"Nội dung phối hợp {o.number}")
    description = factory.LazyAttribute(lambda o: f"Mô tả nội dung {o.number}.")
    sort_order = factory.LazyAttribute(lambda o: o.number)


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("full_name",)

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Tác Giả {n}")
    academic_title = "TS."


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualPlan

    programme = factory.SubFactory(ProgrammeFactory)
    year = 2020


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Hạng mục {n}")


class BeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beat

    name = factory.Sequence(lambda n: f"Địa bàn {n}")


class BeatAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BeatAssignment

    beat = factory.SubFactory(BeatFactory)
    starts_on = dt.date(2020, 3, 5)


class BeatLogEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BeatLogEntry

    beat = factory.SubFactory(BeatFactory)
    summary = "Giao ban với Ban Tuyên giáo Đảng ủy Khối về đại hội cơ sở."
    date = factory.LazyFunction(timezone.localdate)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    headline = "Đảng bộ EVN với chuyển đổi số"
    brief = "Phỏng vấn Bí thư Đảng ủy về mô hình mới."
    due_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=10))
    status = AssignmentStatus.COMMISSIONED
