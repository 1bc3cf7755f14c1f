"""Inline formsets build a bounded number of forms: a POST claiming 100,000 rows is refused
with a form error and saves nothing (editorial/formset_limits.py)."""

import pytest
from django.forms.formsets import DEFAULT_MAX_NUM
from django.urls import reverse
from wagtail.models import Comment

from coverage.models import ArticleByline, ArticlePage
from editorial.desk.viewsets.beats import BeatLogEntryViewSet, BeatViewSet
from editorial.formset_limits import MAX_NEW_ROWS, BoundedFormSetMixin
from editorial.models import (
    AnnualPlan,
    Beat,
    BeatLogAttachment,
    BeatLogEntry,
    PlanItem,
    Programme,
)
from editorial.programme.panels import annual_plan_edit_handler
from tests.factories import AuthorFactory, ProgrammeFactory, site_tree
from tests.support.admin_forms import form_data
from tests.support.desk import days

BOMB = "100000"
REFUSED = "tối đa"


def management(prefix: str, total: str, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def refused(response, limit: int) -> bool:
    text = response.content.decode()
    return response.status_code == 200 and f"{REFUSED} {limit} dòng" in text


def log_entry_post(desk, total: str) -> dict:
    return {
        "beat": desk.beat.pk,
        "kind": "meeting",
        "date": days(0).strftime("%Y-%m-%d"),
        "summary": "Làm việc với Ban Tổ chức Đảng ủy Khối.",
        **management("attachments", total),
    }


def test_beat_log_attachment_bomb_is_refused(desk, as_user):
    response = as_user(desk.journalist).post(reverse("desk_log:add"), log_entry_post(desk, BOMB))
    assert refused(response, 20)
    assert not BeatLogEntry.objects.exists()
    assert not BeatLogAttachment.objects.exists()


def test_beat_log_without_attachments_still_saves(desk, as_user):
    response = as_user(desk.journalist).post(reverse("desk_log:add"), log_entry_post(desk, "0"))
    assert response.status_code == 302
    assert BeatLogEntry.objects.count() == 1


def plan_post(programme, total: str) -> dict:
    return {
        "programme": programme.pk,
        "year": "2021",
        "title": "Kế hoạch phối hợp năm 2021",
        "notes": "",
        **management("items", total),
    }


def test_annual_plan_item_bomb_is_refused(admin_client, db):
    programme = ProgrammeFactory()
    url = reverse(AnnualPlan.snippet_viewset.get_url_name("add"))
    response = admin_client.post(url, plan_post(programme, BOMB))
    assert refused(response, 100)
    assert not AnnualPlan.objects.exists()
    assert not PlanItem.objects.exists()


def article_post(author, **formsets) -> dict:
    data = {
        "title": "Đảng ủy EVN và PVN",
        "slug": "dang-uy-evn-va-pvn",
        "sapo": "Sapo",
        "body-count": "0",
        **management("bylines", "1"),
        "bylines-0-author": str(author.pk),
        "bylines-0-ORDER": "1",
        "bylines-0-id": "",
        "bylines-0-DELETE": "",
        **management("comments", "0"),
    }
    for prefix, total in formsets.items():
        data[f"{prefix}-TOTAL_FORMS"] = total
    return data


@pytest.mark.parametrize(("prefix", "limit"), [("bylines", 10), ("comments", MAX_NEW_ROWS)])
def test_article_formset_bombs_are_refused(admin_client, db, prefix, limit):
    hub = site_tree()["hubs"][0]
    response = admin_client.post(
        f"/admin/pages/add/coverage/articlepage/{hub.pk}/",
        article_post(AuthorFactory(), **{prefix: BOMB}),
    )
    assert response.status_code == 200
    if prefix == "bylines":
        assert refused(response, limit)
    else:
        # Comments are drawn by Wagtail's script, not a panel: the page says the form is
        # not saved, and the comment formset carries the bound's message.
        assert response.context["form"].formsets["comments"].non_form_errors()
        assert f"{REFUSED} {limit} dòng" in str(
            response.context["form"].formsets["comments"].non_form_errors()
        )
    assert not ArticlePage.objects.exists()
    assert not ArticleByline.objects.exists()
    assert not Comment.objects.exists()


def _formset_classes(form_class, path=""):
    """Every formset class of a ClusterForm class, nested ones too (comment replies)."""
    for name, formset_class in getattr(form_class, "formsets", {}).items():
        yield f"{path}{name}", formset_class
        yield from _formset_classes(formset_class.form, f"{path}{name}.")


EDIT_FORMS = {
    "ArticlePage": lambda: ArticlePage.get_edit_handler().get_form_class(),
    "AnnualPlan": lambda: annual_plan_edit_handler.bind_to_model(AnnualPlan).get_form_class(),
    "Programme": lambda: Programme.snippet_viewset.get_edit_handler().get_form_class(),
    "Beat": lambda: BeatViewSet().get_edit_handler().get_form_class(),
    "BeatLogEntry": lambda: BeatLogEntryViewSet().get_edit_handler().get_form_class(),
}


@pytest.mark.parametrize("name", EDIT_FORMS)
def test_every_inline_formset_is_bounded(name):
    formsets = dict(_formset_classes(EDIT_FORMS[name]()))
    assert formsets, f"{name} has no formsets: did its panels move?"
    for path, formset_class in formsets.items():
        assert issubclass(formset_class, BoundedFormSetMixin), path
        if not path.startswith("comments"):
            # Our InlinePanels name their own max_num (Wagtail's comments do not).
            assert formset_class.max_num < DEFAULT_MAX_NUM, path


def test_saved_rows_keep_their_forms_beyond_the_new_row_bound(desk):
    """An existing beat with many people can still be edited: the bound counts new rows."""
    form_class = BeatViewSet().get_edit_handler().get_form_class()
    beat = Beat.objects.get(pk=desk.beat.pk)
    formset = form_class(instance=beat).formsets["beat_assignments"]
    saved = beat.beat_assignments.count()
    assert formset.absolute_max == saved + 30


def test_bomb_on_an_existing_plan_leaves_its_items(admin_client, db):
    from tests.factories import PlanFactory, PlanItemFactory

    plan = PlanFactory(year=2021)
    items = [PlanItemFactory(plan=plan, title=f"Hạng mục {n}") for n in range(2)]
    url = reverse(AnnualPlan.snippet_viewset.get_url_name("edit"), args=[plan.pk])
    data = form_data(admin_client.get(url)) | {"items-TOTAL_FORMS": BOMB}
    response = admin_client.post(url, data)
    assert refused(response, 100)
    # Nor can a POST claim more saved rows than there are.
    response = admin_client.post(url, data | {"items-INITIAL_FORMS": BOMB})
    assert refused(response, 100)
    # The saved items still have their forms on the refused page.
    assert len(response.context["form"].formsets["items"].forms) == 2
    assert sorted(PlanItem.objects.values_list("pk", flat=True)) == [i.pk for i in items]
