"""Who wrote an article, for the rule that nobody reviews their own work.

The writers are everyone who could want the article through: the account that created
the page, the staff accounts on its byline, the journalist or staff contact of the
assignment it was written for, and whoever submitted it to the pipeline. None of them
may take a pipeline step on it, nor be named its reviewer. Whoever may publish the
article directly (the editor-in-chief) may still act, and that is recorded.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q
from wagtail.models import Revision

from editorial.models.assignments import Assignment
from editorial.models.people import Author


def writer_ids(page) -> set[int]:
    """Account ids of the article's writers (see the module docstring)."""
    page = getattr(page, "specific", page)
    if hasattr(page, "_writer_ids"):
        return page._writer_ids
    ids = {page.owner_id}
    # The byline being reviewed is the latest version's, not the one last published.
    latest = page.get_latest_revision_as_object() if page.pk else page
    ids.update(
        Author.objects.filter(
            pk__in=_byline_author_ids(latest), staff_user__isnull=False
        ).values_list("staff_user_id", flat=True)
    )
    for assignee, contact in Assignment.objects.filter(article_id=page.pk).values_list(
        "assignee_id", "staff_contact_id"
    ):
        ids.update((assignee, contact))
    state = page.current_workflow_state if hasattr(page, "current_workflow_state") else None
    if state is not None:
        ids.add(state.requested_by_id)
    return ids - {None}


def remember_writers(pages) -> None:
    """Work out ``writer_ids`` for many (specific) pages in a fixed number of queries
    and keep it on each page, for a listing that asks the rule once per row (the
    dashboard's review queue). The pages' current workflow state, if it is read, should
    be loaded already (Wagtail's ``_current_workflow_states``)."""
    pages = [page for page in pages if page.pk]
    # The bylines of each latest version, read from the revision's stored form: building
    # the page from it (``with_content_json``) would check every reference it holds.
    contents = dict(
        Revision.objects.filter(pk__in=[p.latest_revision_id for p in pages]).values_list(
            "pk", "content"
        )
    )
    bylines = {
        page.pk: (
            {row.get("author") for row in contents[page.latest_revision_id].get("bylines", [])}
            if page.latest_revision_id in contents
            else set(_byline_author_ids(page))
        )
        for page in pages
    }
    staff = dict(
        Author.objects.filter(
            pk__in=set().union(*bylines.values()), staff_user__isnull=False
        ).values_list("pk", "staff_user_id")
    )
    assigned = defaultdict(set)
    for article_id, assignee, contact in Assignment.objects.filter(
        article_id__in=[p.pk for p in pages]
    ).values_list("article_id", "assignee_id", "staff_contact_id"):
        assigned[article_id].update((assignee, contact))
    for page in pages:
        ids = {page.owner_id, *assigned[page.pk]}
        ids.update(staff[author] for author in bylines[page.pk] if author in staff)
        state = page.current_workflow_state
        if state is not None:
            ids.add(state.requested_by_id)
        page._writer_ids = ids - {None}


def _byline_author_ids(page) -> list[int]:
    bylines = getattr(page, "bylines", None)
    return [byline.author_id for byline in bylines.all()] if bylines is not None else []


def is_writer(user, page) -> bool:
    return bool(user and user.pk) and user.pk in writer_ids(page)


def may_override(user, page) -> bool:
    """The editor-in-chief's own publish: who may publish the article directly may also
    act on its pipeline steps and move it to another pipeline."""
    return page.permissions_for_user(user).can_publish()


def not_writers(users, page):
    """``users`` (a queryset) without the article's writers."""
    return users.exclude(Q(pk__in=writer_ids(page)))
