"""The programme's admin, per role, through the real admin URLs (editorial/programme/viewsets/)."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu
from wagtail.models import Revision

from editorial.models import AnnualPlan, Author, Organisation, Programme, ProgrammeTopic
from tests.support.admin_forms import form_data

# username → (may add and change, may delete)
RIGHTS = {
    "tongbientap": (True, True),  # editor-in-chief
    "bientap": (True, False),  # editor
    "phongvien": (False, False),  # journalist
    "bananh": (False, False),  # photo desk
}
USERNAMES = list(RIGHTS)
MODELS = [
    "organisation",
    "programme",
    "programmetopic",
    "annualplan",
    "programmeevent",
    "staffprofile",
    "author",
]


def url(model: str, view: str, *args) -> str:
    return reverse(f"wagtailsnippets_editorial_{model}:{view}", args=args)


def is_denied(response) -> bool:
    """Wagtail answers a forbidden admin action by redirecting to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def editor_client(demo, demo_password) -> Client:
    """A second browser, logged in as an editor, to read forms a weaker role may not open."""
    client = Client()
    assert client.login(request=HttpRequest(), username="bientap", password=demo_password)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERNAMES)
def test_every_role_can_list_and_open_the_programme(demo, login, username):
    client = login(username)
    can_change, _can_delete = RIGHTS[username]
    for model in MODELS:
        response = client.get(url(model, "list"))
        assert response.status_code == 200, model
        assert (f'href="{url(model, "add")}"' in response.content.decode()) is can_change, model
    programme = Programme.objects.get()
    assert client.get(url("programme", "inspect", programme.pk)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERNAMES)
def test_menu_group_is_shown_in_vietnamese(demo, username):
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username=username)
    labels = [str(item.label) for item in admin_menu.menu_items_for_request(request)]
    assert "Chương trình phối hợp" in labels


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERNAMES)
def test_organisation_add_change_delete(demo, login, editor_client, username):
    can_change, can_delete = RIGHTS[username]
    client = login(username)

    add = client.get(url("organisation", "add"))
    assert (add.status_code == 200) is can_change
    response = client.post(
        url("organisation", "add"),
        {"name": "Tổng công ty Hàng không Việt Nam", "short_name": "VNA", "kind": "corporation"},
    )
    assert Organisation.objects.filter(short_name="VNA").exists() is can_change
    assert is_denied(response) is not can_change

    evn = Organisation.objects.get(short_name="EVN")
    data = form_data(editor_client.get(url("organisation", "edit", evn.pk)))
    data["description"] = "Đã sửa."
    response = client.post(url("organisation", "edit", evn.pk), data)
    evn.refresh_from_db()
    assert (evn.description == "Đã sửa.") is can_change
    assert is_denied(response) is not can_change

    spare = Organisation.objects.create(name="Đơn vị thử", short_name="THU", kind="agency")
    response = client.post(url("organisation", "delete", spare.pk))
    assert Organisation.objects.filter(pk=spare.pk).exists() is not can_delete
    assert is_denied(response) is not can_delete


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERNAMES)
def test_programme_add_change_delete(demo, login, editor_client, username):
    can_change, can_delete = RIGHTS[username]
    client = login(username)
    programme = Programme.objects.get()
    revisions = Revision.objects.for_instance(programme).count()

    data = form_data(editor_client.get(url("programme", "edit", programme.pk)))
    data["summary"] = "Tóm tắt mới."
    response = client.post(url("programme", "edit", programme.pk), data)
    programme.refresh_from_db()
    assert (programme.summary == "Tóm tắt mới.") is can_change
    assert is_denied(response) is not can_change
    # Every save by an editor is kept as a revision (history).
    assert Revision.objects.for_instance(programme).count() == revisions + int(can_change)
    assert (client.get(url("programme", "history", programme.pk)).status_code == 200) is (
        can_change
    )

    data = form_data(editor_client.get(url("programme", "add")))
    data.update(
        title="Chương trình phối hợp với Tập đoàn Điện lực Việt Nam",
        signed_on="2021-06-01",
        signed_at="Hà Nội",
        start_year="2021",
        end_year="2025",
    )
    response = client.post(url("programme", "add"), data)
    created = Programme.objects.filter(title__endswith="Điện lực Việt Nam")
    assert created.exists() is can_change
    assert is_denied(response) is not can_change

    spare = Programme.objects.create(
        title="Chương trình thử",
        signed_on=datetime.date(2021, 1, 1),
        start_year=2021,
        end_year=2022,
    )
    response = client.post(url("programme", "delete", spare.pk))
    assert Programme.objects.filter(pk=spare.pk).exists() is not can_delete
    assert is_denied(response) is not can_delete


@pytest.mark.django_db
@pytest.mark.parametrize("username", USERNAMES)
def test_plan_add_item_create_delete(demo, login, editor_client, username):
    can_change, can_delete = RIGHTS[username]
    client = login(username)
    plan = AnnualPlan.objects.get(year=2020)
    items = plan.items.count()

    # Add an item the way the "Add item" button does: one more row in the formset.
    data = form_data(editor_client.get(url("annualplan", "edit", plan.pk)))
    row = int(data["items-TOTAL_FORMS"])
    data["items-TOTAL_FORMS"] = str(row + 1)
    data.update(
        {
            f"items-{row}-title": "Bài phỏng vấn lãnh đạo Đảng ủy Khối",
            f"items-{row}-kind": "research",
            f"items-{row}-target": "1",
            f"items-{row}-due_date": "2020-11-20",
            f"items-{row}-ORDER": str(row + 1),
            f"items-{row}-id": "",
            f"items-{row}-DELETE": "",
        }
    )
    response = client.post(url("annualplan", "edit", plan.pk), data)
    assert plan.items.count() == items + int(can_change)
    assert is_denied(response) is not can_change

    later = Programme.objects.create(
        title="Chương trình 2026–2030", signed_on=datetime.date(2026, 1, 5), start_year=2026,
        end_year=2030,
    )  # fmt: skip
    data = form_data(editor_client.get(url("annualplan", "add")))
    data.update(programme=str(later.pk), year="2026", title="Kế hoạch 2026")
    response = client.post(url("annualplan", "add"), data)
    assert AnnualPlan.objects.filter(programme=later, year=2026).exists() is can_change
    assert is_denied(response) is not can_change

    plan_2025 = AnnualPlan.objects.get(year=2025, programme__start_year=2020)
    response = client.post(url("annualplan", "delete", plan_2025.pk))
    assert AnnualPlan.objects.filter(pk=plan_2025.pk).exists() is not can_delete
    assert is_denied(response) is not can_delete


@pytest.mark.django_db
def test_journalist_cannot_open_the_plan_edit_form(demo, login):
    plan = AnnualPlan.objects.get(year=2020)
    client = login("phongvien")
    assert is_denied(client.get(url("annualplan", "edit", plan.pk)))
    assert is_denied(client.get(url("annualplan", "add")))
    # Reading is allowed: the inspect view shows the plan.
    assert client.get(url("annualplan", "inspect", plan.pk)).status_code == 200


@pytest.mark.django_db
def test_deleting_a_topic_in_use_is_refused(demo, login):
    client = login("tongbientap")
    topic = ProgrammeTopic.objects.get(number=1)
    # Wagtail's usage check sees the plan items pointing at the topic and refuses.
    client.post(url("programmetopic", "delete", topic.pk))
    assert ProgrammeTopic.objects.filter(pk=topic.pk).exists()


@pytest.mark.django_db
def test_deleting_the_programme_explains_what_still_uses_it(demo, login):
    # The programme is used by its public page (protected) and its topics by plan items:
    # the view must refuse with a message, not crash or delete half of it.
    client = login("tongbientap")
    programme = Programme.objects.get()
    response = client.post(url("programme", "delete", programme.pk), follow=True)
    assert Programme.objects.filter(pk=programme.pk).exists()
    assert programme.topics.count() == 5
    messages = [str(message) for message in response.context["messages"]]
    assert messages, "the refusal must be explained"


@pytest.mark.django_db
def test_organisation_search_ignores_accents(demo, login):
    response = login("bientap").get(url("organisation", "list"), {"q": "dien luc"})
    assert [o.short_name for o in response.context["object_list"]] == ["EVN"]


@pytest.mark.django_db
def test_organisation_filter_by_kind(demo, login):
    response = login("bientap").get(url("organisation", "list"), {"kind": "bank"})
    names = [str(o) for o in response.context["object_list"]]
    assert names and all("Ngân hàng" in name for name in names)


@pytest.mark.django_db
def test_event_filters_by_year_and_kind(demo, login):
    client = login("bientap")
    response = client.get(url("programmeevent", "list"), {"year": "2020", "kind": "congress"})
    titles = [event.title for event in response.context["object_list"]]
    assert titles == ["Đại hội đại biểu Đảng bộ Khối Doanh nghiệp Trung ương lần thứ III"]


@pytest.mark.django_db
def test_plan_filter_by_year(demo, login):
    response = login("bientap").get(url("annualplan", "list"), {"year": "2020"})
    assert [plan.year for plan in response.context["object_list"]] == [2020]


@pytest.mark.django_db
@pytest.mark.parametrize("direction", ["", "-"])
def test_author_listing_sorts_by_name_in_vietnamese(demo, login, direction):
    wanted = ["Ngô Văn Anh", "Phạm Thị Ánh", "Trần Văn Dũng", "Lê Văn Đạt"]
    for name in reversed(wanted):
        Author.objects.create(full_name=name)
    client = login("bientap")
    names, page_number = [], 1
    while True:  # the demo brings more authors than one listing page holds
        response = client.get(
            url("author", "list"), {"ordering": f"{direction}full_name", "p": page_number}
        )
        names += [author.full_name for author in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            break
        page_number += 1
    picked = [name for name in names if name in wanted]
    assert picked == (wanted if not direction else wanted[::-1])
