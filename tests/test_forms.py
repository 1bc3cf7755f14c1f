"""Bad input in the programme's admin forms: an error on the right field, nothing saved.

Each test POSTs the real create or edit form (editorial/programme/forms.py, editorial/programme/panels.py) as
an editor and checks both the error and that the database did not change.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Revision

from editorial.models import AnnualPlan, Organisation, PlanItem, Programme
from tests.support.admin_forms import form_data


def url(model: str, view: str, *args) -> str:
    return reverse(f"wagtailsnippets_editorial_{model}:{view}", args=args)


def add_item_row(data: dict, **fields) -> int:
    """Append one item row to an annual plan's form data, as "Add item" does."""
    row = int(data["items-TOTAL_FORMS"])
    data["items-TOTAL_FORMS"] = str(row + 1)
    data.update({f"items-{row}-id": "", f"items-{row}-DELETE": "", f"items-{row}-ORDER": ""})
    data.update({f"items-{row}-{name}": value for name, value in fields.items()})
    return row


@pytest.fixture
def editor(demo, login):
    return login("bientap")


@pytest.mark.django_db
def test_duplicate_short_name_is_a_field_error(editor):
    count = Organisation.objects.count()
    data = form_data(editor.get(url("organisation", "add")))
    data.update(name="Điện lực giả", short_name="EVN", kind="group")
    response = editor.post(url("organisation", "add"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["short_name"]
    assert "Tên viết tắt" in str(errors["short_name"])
    assert Organisation.objects.count() == count


@pytest.mark.django_db
def test_renaming_to_a_taken_short_name_changes_nothing(editor):
    pvn = Organisation.objects.get(short_name="PVN")
    data = form_data(editor.get(url("organisation", "edit", pvn.pk)))
    data.update(short_name="EVN", name="Tên mới")
    response = editor.post(url("organisation", "edit", pvn.pk), data)
    assert "short_name" in response.context["form"].errors
    pvn.refresh_from_db()
    assert (pvn.short_name, pvn.name) == ("PVN", "Tập đoàn Dầu khí Việt Nam")


@pytest.mark.django_db
def test_programme_ending_before_it_starts_is_refused(editor):
    programme = Programme.objects.get()
    revisions = Revision.objects.for_instance(programme).count()
    data = form_data(editor.get(url("programme", "edit", programme.pk)))
    data.update(start_year="2020", end_year="2019", summary="Không được lưu.")
    response = editor.post(url("programme", "edit", programme.pk), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["end_year"]
    assert errors["end_year"] == ["Năm kết thúc không được trước năm bắt đầu."]
    programme.refresh_from_db()
    assert (programme.end_year, programme.summary) != (2019, "Không được lưu.")
    assert programme.end_year == 2025
    assert Revision.objects.for_instance(programme).count() == revisions


@pytest.mark.django_db
def test_new_programme_ending_before_it_starts_is_not_created(editor):
    count = Programme.objects.count()
    data = form_data(editor.get(url("programme", "add")))
    data.update(
        title="Chương trình sai", signed_on="01/06/2021", start_year="2025", end_year="2021"
    )
    response = editor.post(url("programme", "add"), data)
    assert "end_year" in response.context["form"].errors
    assert Programme.objects.count() == count


@pytest.mark.django_db
def test_new_item_due_outside_the_plan_year_errs_on_its_due_date(editor):
    plan = AnnualPlan.objects.get(year=2020)
    before = list(plan.items.values_list("pk", "title", "due_date"))
    data = form_data(editor.get(url("annualplan", "edit", plan.pk)))
    data["notes"] = "Không được lưu."
    row = add_item_row(data, title="Bài hạn sang năm sau", kind="research", due_date="15/01/2021")
    response = editor.post(url("annualplan", "edit", plan.pk), data)
    assert response.status_code == 200
    form = response.context["form"]
    item_forms = form.formsets["items"].forms
    assert list(item_forms[row].errors) == ["due_date"]
    assert "2020" in item_forms[row].errors["due_date"][0]
    assert not any(f.errors for i, f in enumerate(item_forms) if i != row)
    plan.refresh_from_db()
    assert plan.notes == ""
    assert list(plan.items.values_list("pk", "title", "due_date")) == before
    assert not PlanItem.objects.filter(title="Bài hạn sang năm sau").exists()


@pytest.mark.django_db
def test_existing_item_moved_out_of_the_year_errs_once_on_its_due_date(editor):
    plan = AnnualPlan.objects.get(year=2020)
    data = form_data(editor.get(url("annualplan", "edit", plan.pk)))
    data["items-0-due_date"] = "31/12/2019"
    response = editor.post(url("annualplan", "edit", plan.pk), data)
    errors = response.context["form"].formsets["items"].forms[0].errors
    assert list(errors) == ["due_date"]
    assert len(errors["due_date"]) == 1
    assert plan.items.order_by("sort_order").first().due_date.year == 2020


@pytest.mark.django_db
def test_new_plan_with_an_item_in_another_year_is_not_created(editor):
    later = Programme.objects.create(
        title="Chương trình 2026–2030", signed_on=datetime.date(2026, 1, 5), start_year=2026,
        end_year=2030,
    )  # fmt: skip
    data = form_data(editor.get(url("annualplan", "add")))
    data.update(programme=str(later.pk), year="2026")
    row = add_item_row(data, title="Hội thảo đầu kỳ", kind="seminar", due_date="10/03/2027")
    response = editor.post(url("annualplan", "add"), data)
    assert response.status_code == 200
    assert "due_date" in response.context["form"].formsets["items"].forms[row].errors
    assert not AnnualPlan.objects.filter(programme=later).exists()
    assert not PlanItem.objects.filter(title="Hội thảo đầu kỳ").exists()


@pytest.mark.django_db
def test_deleted_item_with_a_wrong_date_does_not_block_the_save(editor):
    plan = AnnualPlan.objects.get(year=2020)
    data = form_data(editor.get(url("annualplan", "edit", plan.pk)))
    row = add_item_row(data, title="Bỏ đi", kind="other", due_date="01/01/2030", DELETE="on")
    assert row > 0
    response = editor.post(url("annualplan", "edit", plan.pk), data)
    assert response.status_code == 302
    assert not PlanItem.objects.filter(title="Bỏ đi").exists()


@pytest.mark.django_db
def test_valid_item_is_added_with_a_day_first_date(editor):
    plan = AnnualPlan.objects.get(year=2020)
    data = form_data(editor.get(url("annualplan", "edit", plan.pk)))
    add_item_row(data, title="Phóng sự vùng mỏ", kind="research", target="2", due_date="05/03/2020")
    response = editor.post(url("annualplan", "edit", plan.pk), data)
    assert response.status_code == 302
    item = plan.items.get(title="Phóng sự vùng mỏ")
    # Vietnamese dates are day first: 05/03 is 5 March, never 3 May.
    assert item.due_date == datetime.date(2020, 3, 5)
    assert Revision.objects.for_instance(plan).count() == 2


@pytest.mark.django_db
def test_plan_year_outside_the_programme_is_a_field_error(editor):
    programme = Programme.objects.get()
    data = form_data(editor.get(url("annualplan", "add")))
    data.update(programme=str(programme.pk), year="2027")
    response = editor.post(url("annualplan", "add"), data)
    assert list(response.context["form"].errors) == ["year"]
    assert not AnnualPlan.objects.filter(year=2027).exists()
