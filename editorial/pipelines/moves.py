"""An article cannot leave its pipeline by moving.

Wagtail takes an article's pipeline from the hub it sits under, so a move from the
sensitive-topics hub to the events hub would swap three reviews for one. An article may
move only to a hub that gives it the same pipeline as now (and as the review in
progress, if any); a move to another pipeline is for whoever may publish the article
directly (the editor-in-chief), and Wagtail's audit log records it.

The rule (``keeps_pipeline``) lives in the article's permission tester
(``coverage.page_permissions.ArticlePermissionTester``), which every move path asks: the
move view and its destination chooser, the confirmation screen (``refuse_move``, a
``before_move_page`` hook), bulk Move and ``MovePageAction`` itself.
"""

from __future__ import annotations

from wagtail.admin.auth import permission_denied


def keeps_pipeline(page, destination) -> bool:
    """Would ``page`` under ``destination`` go through the pipeline it has now?"""
    workflows = {page.get_workflow()}
    state = page.current_workflow_state
    if state is not None:
        workflows.add(state.workflow)
    return workflows == {destination.get_workflow()}


def refuse_move(request, page, destination):
    """``before_move_page``: Wagtail's confirmation screen checks nothing on GET (only the
    posted move is checked, by ``MovePageAction``), so it showed anyone with admin access
    "move this article there?" for any page and hub. Every page's tester answers here, on
    GET and POST alike; for articles that includes keeping the pipeline."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None
