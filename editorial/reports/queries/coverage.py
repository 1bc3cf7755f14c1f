"""Coverage statistics for a year: live articles per month and topic, per organisation
(those with none included), per author (bylines) and per journalist (assignments), and
the beat log's activity per beat and month."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Collate, ExtractMonth

from editorial.desk.articles import TopicHub, byline_model, live_articles, topic_of_path
from editorial.enums import AssignmentStage
from editorial.models import Assignment, Author, Beat, BeatLogEntry, Organisation
from editorial.models.assignments import CLOSED_STAGES
from editorial.text import VI_COLLATION


def articles_in(year: int, hub: TopicHub | None = None):
    """Live articles first published in ``year`` (local time), under ``hub`` if given."""
    articles = live_articles().filter(first_published_at__year=year)
    return articles.filter(hub.contains()) if hub is not None else articles


def per_month_and_topic(year: int, hubs: list[TopicHub], hub: TopicHub | None) -> dict:
    """``{(month, topic id or None): count}``."""
    rows = (
        articles_in(year, hub)
        .annotate(month=ExtractMonth("first_published_at"), topic=topic_of_path(hubs))
        .order_by()
        .values("month", "topic")
        .annotate(n=Count("pk"))
    )
    return {(row["month"], row["topic"]): row["n"] for row in rows}


def per_organisation(year: int, hub: TopicHub | None):
    """Every organisation with ``article_count``: its live articles of the year (0 for none),
    most covered first, then in Vietnamese order."""
    counted = (
        articles_in(year, hub)
        .filter(organisations=OuterRef("pk"))
        .order_by()
        .values("organisations")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Organisation.objects.annotate(article_count=Coalesce(Subquery(counted), 0)).order_by(
        "-article_count", Collate("name", VI_COLLATION), "pk"
    )


def per_author(year: int, hub: TopicHub | None):
    """Authors with at least one live article of the year, with ``article_count``."""
    article_ids = articles_in(year, hub).values("pk")
    counted = (
        byline_model()
        .objects.filter(author=OuterRef("pk"), page__in=article_ids)
        .order_by()
        .values("author")
        .annotate(n=Count("page", distinct=True))
        .values("n")
    )
    return (
        Author.objects.annotate(article_count=Coalesce(Subquery(counted), 0))
        .filter(article_count__gt=0)
        .select_related("organisation", "staff_user")
        .order_by("-article_count", Collate("given_name", VI_COLLATION), "pk")
    )


def per_journalist(year: int, topic_id: int | None, today=None) -> list[dict]:
    """Per staff person answering for assignments due in ``year`` (the journalist, or
    the staff contact of an external author): how many, published, on time, open, late.
    Returns rows with ``user`` set, most assignments first."""
    assignments = Assignment.objects.with_stage(today).filter(due_date__year=year)
    if topic_id is not None:
        assignments = assignments.filter(topic_id=topic_id)
    published = Q(stage=AssignmentStage.PUBLISHED)
    rows = list(
        assignments.annotate(person=Coalesce("assignee", "staff_contact"))
        .filter(person__isnull=False)
        .order_by()
        .values("person")
        .annotate(
            total=Count("pk"),
            published=Count("pk", filter=published),
            on_time=Count(
                "pk", filter=published & Q(article__first_published_at__date__lte=F("due_date"))
            ),
            open=Count("pk", filter=~Q(stage__in=[s.value for s in CLOSED_STAGES])),
            overdue=Count("pk", filter=Q(is_overdue=True)),
        )
    )
    users = get_user_model().objects.in_bulk([row["person"] for row in rows])
    for row in rows:
        row["user"] = users.get(row["person"])
    rows.sort(key=lambda row: (-row["total"], _name(row["user"])))
    return rows


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def beat_activity(year: int, topic_id: int | None):
    """``(beats, {(beat id, month): entries})`` for the log entries dated in ``year``."""
    entries = BeatLogEntry.objects.filter(date__year=year)
    beats = Beat.objects.all()
    if topic_id is not None:
        entries = entries.filter(beat__topic_id=topic_id)
        beats = beats.filter(topic_id=topic_id)
    counts = {
        (row["beat"], row["month"]): row["n"]
        for row in entries.annotate(month=ExtractMonth("date"))
        .order_by()
        .values("beat", "month")
        .annotate(n=Count("pk"))
    }
    return list(beats.order_by(Collate("name", VI_COLLATION), "pk")), counts
