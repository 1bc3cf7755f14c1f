"""People pickers offer only who can take the part, by name: journalists to write,
journalists and editors to liaise, editors to commission; a crafted POST naming anyone
else is refused, and an old assignment whose holder has since changed desk still saves."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial.enums import Role
from editorial.text import person_name
from tests.support.admin_forms import form_data
from tests.support.desk import make_assignment

pytestmark = pytest.mark.django_db
ADD = reverse("desk_assignment:add")


def offered(html: str, field: str) -> list[str]:
    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": field})
    return [option.get_text(strip=True) for option in select.find_all("option") if option["value"]]


def members(desk, *roles) -> list:
    names = {role.label for role in roles}
    return [u for u in desk.users.values() if {g.name for g in u.groups.all()} & names]


def test_each_picker_lists_only_the_people_who_can_take_the_part_by_name(desk, as_user):
    html = as_user(desk.editor).get(ADD).content.decode()
    expected = {
        "assignee": members(desk, Role.JOURNALIST),
        "staff_contact": members(desk, Role.JOURNALIST, Role.EDITOR),
        "editor": members(desk, Role.EDITOR, Role.EDITOR_IN_CHIEF),
    }
    for field, people in expected.items():
        assert people, field
        assert sorted(offered(html, field)) == sorted(person_name(u) for u in people), field
    assert person_name(desk.photo) not in offered(html, "assignee")
    assert desk.journalist.username not in offered(html, "assignee")  # names, not logins


def test_a_crafted_post_naming_the_photo_desk_as_writer_is_refused(desk, as_user):
    client = as_user(desk.editor)
    data = form_data(client.get(ADD)) | {
        "headline": "Đảng bộ Vietcombank học tập nghị quyết",
        "topic": str(desk.topic.pk),
        "due_date": "2027-01-15",
        "assignee": str(desk.photo.pk),
    }
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert response.context["form"].errors["assignee"]
    assert not desk.photo.desk_assignments.exists()


def test_an_assignment_keeps_a_writer_who_has_since_left_the_journalists(desk, as_user):
    assignment = make_assignment(desk)
    desk.journalist.groups.remove(Group.objects.get(name=Role.JOURNALIST.label))
    client = as_user(desk.editor)
    edit_url = reverse("desk_assignment:edit", args=[assignment.pk])
    data = form_data(client.get(edit_url)) | {"headline": "Tiêu đề đã sửa cho bài đặt"}
    assert client.post(edit_url, data).status_code == 302
    assignment.refresh_from_db()
    assert (assignment.headline, assignment.assignee) == (
        "Tiêu đề đã sửa cho bài đặt",
        desk.journalist,
    )
