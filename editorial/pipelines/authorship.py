"""Who wrote an article, for the rule that nobody reviews their own work.

The writers are everyone who could want the article through: the account that created
the page, the staff accounts on its byline, the journalist or staff contact of the
assignment it was written for, and whoever submitted it to the pipeline. None of them
may take a pipeline step on it, nor be named its reviewer. Whoever may publish the
article directly (the editor-in-chief) may still act, and that is recorded.
"""

from __future__ import annotations

from django.db.models import Q


def writer_ids(page) -> set[int]:
    """Account ids of the article's writers (see the module docstring)."""
    from editorial.models import Assignment, Author

    page = getattr(page, "specific", page)
    ids = {page.owner_id}
    # The byline being reviewed is the latest version's, not the one last published.
    latest = page.get_latest_revision_as_object() if page.pk else page
    bylines = getattr(latest, "bylines", None)
    author_ids = [byline.author_id for byline in bylines.all()] if bylines is not None else []
    ids.update(
        Author.objects.filter(pk__in=author_ids, staff_user__isnull=False).values_list(
            "staff_user_id", flat=True
        )
    )
    for assignee, contact in Assignment.objects.filter(article_id=page.pk).values_list(
        "assignee_id", "staff_contact_id"
    ):
        ids.update((assignee, contact))
    state = page.current_workflow_state if hasattr(page, "current_workflow_state") else None
    if state is not None:
        ids.add(state.requested_by_id)
    return ids - {None}


def is_writer(user, page) -> bool:
    return bool(user and user.pk) and user.pk in writer_ids(page)


def may_override(user, page) -> bool:
    """The editor-in-chief's own publish: who may publish the article directly may also
    act on its pipeline steps and move it to another pipeline."""
    return page.permissions_for_user(user).can_publish()


def not_writers(users, page):
    """``users`` (a queryset) without the article's writers."""
    return users.exclude(Q(pk__in=writer_ids(page)))
