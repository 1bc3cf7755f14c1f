"""One table for the assignment lifecycle (editorial.desk.transitions): the card's
buttons, the actions and the action views read it, so they agree for every stage."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from editorial.desk import actions, transitions
from editorial.enums import AssignmentStatus
from tests.support.desk import make_assignment

pytestmark = pytest.mark.django_db

MOVES = {
    "commission": lambda a, user: actions.commission(a, user),
    "accept": lambda a, user: actions.accept(a, user),
    "decline": lambda a, user: actions.decline(a, user, "Trùng lịch công tác."),
    "cancel": lambda a, user: actions.cancel(a, user),
    "start_draft": lambda a, user: actions.start_draft(a, user),
}


def _succeeds(move, assignment, user) -> bool:
    try:
        with transaction.atomic():
            MOVES[move](assignment, user)
            transaction.set_rollback(True)
    except actions.DeskActionError:
        return False
    return True


def test_every_move_is_in_the_table():
    assert set(transitions.TRANSITIONS) == set(MOVES)


@pytest.mark.parametrize("status", list(AssignmentStatus))
@pytest.mark.parametrize("move", sorted(MOVES))
def test_the_button_shows_exactly_when_the_action_goes_through(desk, move, status):
    from tests.factories.coverage import site_tree

    site_tree(topic_count=0)  # a hub is not needed: start_draft refuses with a message
    assignment = make_assignment(desk, status=status)
    shown = transitions.available(move, desk.editor, assignment)
    if move == "start_draft" and shown:
        # Allowed from this stage; the desk topic has no hub here, so it stops there.
        assert transitions.refusal(move, assignment) is None
        return
    assert shown == _succeeds(move, assignment, desk.editor), (move, status)


def test_the_card_and_the_view_refuse_a_photo_desk_member(desk, as_user):
    assignment = make_assignment(desk, status=AssignmentStatus.PROPOSED)
    assert not transitions.available("commission", desk.photo, assignment)
    client = as_user(desk.editor)
    page = client.get(reverse("desk_assignment:inspect", args=[assignment.pk]))
    assert page.context["can_commission"] is True
    assert page.context["can_accept"] is False  # not from "proposed"
