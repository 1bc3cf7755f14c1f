"""Who reviews an article at a named-reviewer step.

In order: the editor picked on the article (if allowed to review), the assigned editor
of the assignment's beat, the assigned editor of a beat following the article's topic,
the editor who commissioned it. Nobody found: any member of the step's reviewer groups.
Never one of the article's writers (``editorial.pipelines.authorship``): a writer who
would be named is passed over for the next in line.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from editorial.enums import Role
from editorial.models.assignments import Assignment
from editorial.models.beats import Beat
from editorial.models.topics import ProgrammeTopic
from editorial.pipelines.authorship import not_writers
from editorial.roles import by_name, members_of


def reviewer_candidates(groups=None) -> QuerySet:
    """Active users who may be named reviewers: editors and the editor-in-chief by default."""
    if groups is None:
        return members_of(Role.EDITOR, Role.EDITOR_IN_CHIEF)
    User = get_user_model()
    ids = User.objects.filter(groups__in=groups, is_active=True).values("pk")
    return by_name(User.objects.filter(pk__in=ids))


def topic_of(page):
    """The programme topic the page is filed under (its parent hub's topic), or None."""
    return ProgrammeTopic.objects.filing(page).first()


def reviewer_for(page, task):
    """The user named for ``task`` on ``page``, or None (any reviewer-group member)."""
    page = page.specific if hasattr(page, "specific") else page
    allowed = not_writers(reviewer_candidates(task.reviewer_groups.all()), page)
    picked_id = getattr(page.get_latest_revision_as_object(), "requested_reviewer_id", None)
    if picked_id and allowed.filter(pk=picked_id).exists():
        return allowed.get(pk=picked_id)

    assignment = Assignment.objects.filter(article_id=page.pk).select_related("beat").first()
    candidates = []
    if assignment and assignment.beat_id:
        candidates.append(assignment.beat.current_editor())
    topic = topic_of(page)
    if topic is not None:
        candidates.extend(
            beat.current_editor() for beat in Beat.objects.active().filter(topic=topic)
        )
    if assignment and assignment.editor_id:
        candidates.append(assignment.editor)
    for user in candidates:
        if user is not None and allowed.filter(pk=user.pk).exists():
            return user
    return None
