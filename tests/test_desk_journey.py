"""The journalist's day on the demo newsroom, through the real admin views."""

import pytest
from django.urls import reverse

from editorial.enums import AssignmentStage, AssignmentStatus
from editorial.models import Assignment


@pytest.mark.django_db
def test_journalist_accepts_starts_the_draft_and_lands_in_the_editor(demo, login):
    client = login("phongvien")
    assignment = (
        Assignment.objects.filter(
            assignee__username="phongvien",
            status=AssignmentStatus.COMMISSIONED,
            article__isnull=True,
            topic__hub_page__isnull=False,
        )
        .order_by("due_date")
        .first()
    )
    assert assignment is not None, "the demo gives phongvien a commissioned assignment"

    dashboard = client.get("/admin/").content.decode()
    assert assignment.headline in dashboard  # "My desk" lists it

    response = client.post(reverse("desk_assignment:accept", args=[assignment.pk]), follow=True)
    assert response.status_code == 200
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.ACCEPTED

    response = client.post(reverse("desk_assignment:start_draft", args=[assignment.pk]))
    assignment.refresh_from_db()
    article = assignment.article
    assert article is not None and not article.live
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert article.get_parent().pk == assignment.topic.hub_page.pk
    assert article.owner.username == "phongvien"
    assert client.get(response["Location"]).status_code == 200

    # Nobody set the stage: it is read from the new draft.
    assert Assignment.objects.with_stage().get(pk=assignment.pk).current_stage == (
        AssignmentStage.DRAFTING
    )
