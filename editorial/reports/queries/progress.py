"""Programme progress: what the plan promised (targets) against what was delivered
(live articles and held events linked to each plan item), with the assignments on the
way (counted by stage, under the plan item their article is filed under once a draft
exists, like the articles themselves) and the share of articles published by the item's due date.

Grouped by plan item, by topic or by year; each dimension is one grouped query, so a
report costs the same number of queries however many items, articles or assignments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce

from editorial.desk.articles import live_articles
from editorial.models import Assignment, PlanItem, ProgrammeEvent
from editorial.reports.queries.common import STAGE_BUCKETS

ITEM, TOPIC, YEAR = "item", "topic", "year"
# The grouping key, seen from a plan item.
GROUP_FIELDS = {ITEM: "pk", TOPIC: "topic", YEAR: "plan__year"}


@dataclass
class Delivery:
    """One group's numbers (a plan item, a topic's items or a year's items)."""

    items: int = 0
    target: int = 0
    articles: int = 0
    #: Live articles whose plan item has a due date, and those live by that date.
    dated_articles: int = 0
    on_time_articles: int = 0
    events: int = 0
    stages: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGE_BUCKETS, 0))

    @property
    def delivered(self) -> int:
        return self.articles + self.events

    @property
    def share(self) -> float | None:
        return self.delivered / self.target if self.target else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time_articles / self.dated_articles if self.dated_articles else None


def plan_items(year: int | None, topic_id: int | None = None):
    items = PlanItem.objects.all()
    if year is not None:
        items = items.filter(plan__year=year)
    if topic_id is not None:
        items = items.filter(topic_id=topic_id)
    return items


def delivery(grouping: str, year: int | None, topic_id: int | None = None) -> dict:
    """``{group key: Delivery}`` for the plan items of ``year`` (every year if None),
    keyed by item id, topic id (None: items without a topic) or year."""
    key = GROUP_FIELDS[grouping]
    related = "plan_item" if key == "pk" else f"plan_item__{key}"
    items = plan_items(year, topic_id)
    result: dict = {}

    def at(value) -> Delivery:
        return result.setdefault(value, Delivery())

    # A done / not done item (no target) counts as a target of one.
    targets = (
        items.order_by()
        .values(key)
        .annotate(
            n=Count("pk"),
            target=Sum(Coalesce("target", Value(1), output_field=IntegerField())),
        )
    )
    for row in targets:
        entry = at(row[key])
        entry.items, entry.target = row["n"], row["target"] or 0

    articles = (
        live_articles()
        .filter(plan_item__in=items)
        .order_by()
        .values(related)
        .annotate(
            n=Count("pk"),
            dated=Count("pk", filter=Q(plan_item__due_date__isnull=False)),
            on_time=Count("pk", filter=Q(first_published_at__date__lte=F("plan_item__due_date"))),
        )
    )
    for row in articles:
        entry = at(row[related])
        entry.articles, entry.dated_articles = row["n"], row["dated"]
        entry.on_time_articles = row["on_time"]

    events = (
        ProgrammeEvent.objects.held()
        .filter(plan_item__in=items)
        .order_by()
        .values(related)
        .annotate(n=Count("pk"))
    )
    for row in events:
        at(row[related]).events = row["n"]

    # Assignments count where their article is filed once a draft exists (with_filing),
    # as the article counts above do; the item's group comes from the items themselves.
    group_of = None if key == "pk" else dict(items.order_by().values_list("pk", key))
    bucket_of = {stage: bucket for bucket, stages in STAGE_BUCKETS.items() for stage in stages}
    stages = (
        Assignment.objects.with_stage()
        .with_filing()
        .filter(filed_plan_item__in=items.values("pk"))
        .order_by()
        .values("filed_plan_item", "stage")
        .annotate(n=Count("pk"))
    )
    for row in stages:
        bucket = bucket_of.get(row["stage"])
        if bucket is not None:
            item = row["filed_plan_item"]
            at(item if group_of is None else group_of[item]).stages[bucket] += row["n"]
    return result


def total(deliveries) -> Delivery:
    """The sum of several groups (the totals line)."""
    summed = Delivery()
    for entry in deliveries:
        summed.items += entry.items
        summed.target += entry.target
        summed.articles += entry.articles
        summed.dated_articles += entry.dated_articles
        summed.on_time_articles += entry.on_time_articles
        summed.events += entry.events
        for bucket, n in entry.stages.items():
            summed.stages[bucket] += n
    return summed
