"""Seeding for ``manage.py benchmark_reports``: many articles, assignments, pipeline runs
and log entries, written straight to the tables (Wagtail's one-page-at-a-time API would
take most of an hour). Only for a throwaway database: the seeded articles are not added
to the search index, and the rows are tagged so a second run adds only what is missing.

Articles are spread over every topic hub, the years of the programme, the plan items,
the organisations and the authors; a third of them ran through their topic's pipeline
(Wagtail workflow and task states with realistic step times), and some are still in
review, a few of those past their step's allowance.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import (
    Locale,
    Page,
    Revision,
    TaskState,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from editorial.desk.articles import article_model, byline_model
from editorial.enums import AssignmentStatus, LogEntryKind, Role
from editorial.models import (
    Assignment,
    Author,
    Beat,
    BeatLogEntry,
    Organisation,
    PlanItem,
    ProgrammeTopic,
)

TAG = "[benchmark-reports]"
BATCH = 1000
START = datetime.datetime(2020, 3, 5, tzinfo=datetime.UTC)
TEXT = (
    "xây dựng Đảng doanh nghiệp nhà nước tập đoàn tổng công ty ngân hàng đại hội nhiệm kỳ "
    "nghị quyết cổ phần hóa quản trị năng lực cạnh tranh đổi mới công nghệ người lao động "
    "hàng Việt tình nguyện biên giới hải đảo hội thảo nguồn lực điện lực dầu khí than"
)
WORDS = TEXT.split()


@contextmanager
def given_times(*fields) -> Iterator[None]:
    """Let bulk inserts keep the times we set on ``auto_now_add`` fields."""
    saved = [(f, f.auto_now_add) for f in fields]
    for f, _flag in saved:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f, flag in saved:
            f.auto_now_add = flag


def _field(model, name):
    return model._meta.get_field(name)


class Seeder:
    def __init__(self, rng: random.Random, now: datetime.datetime | None = None):
        self.rng = rng
        self.now = now or timezone.now()
        self.model = article_model()
        self.topics = {t.pk: t for t in ProgrammeTopic.objects.all()}
        self.hubs = [
            Page.objects.get(pk=topic.hub_page.pk)
            for topic in self.topics.values()
            if hasattr(topic, "hub_page")
        ]
        self.hub_topic = {hub.pk: hub.specific.topic_id for hub in self.hubs}
        self.items = list(PlanItem.objects.select_related("plan"))
        self.organisations = list(Organisation.objects.values_list("pk", flat=True))
        self.authors = list(Author.objects.values_list("pk", flat=True))
        users = get_user_model().objects
        self.journalists = list(
            users.filter(groups__name=Role.JOURNALIST.label).values_list("pk", flat=True)
        )
        self.editors = list(
            users.filter(groups__name=Role.EDITOR.label).values_list("pk", flat=True)
        )
        self.beats = list(Beat.objects.values_list("pk", flat=True))
        # Reader pages show each article's photo and tags: the demo's credited photos and
        # tags, shared out among the seeded articles.
        self.images = list(get_image_model().objects.values_list("pk", flat=True))
        self.tag_link = self.model.tags.through  # the article's tag rows
        tag_model = self.tag_link._meta.get_field("tag").related_model
        self.tags = list(tag_model.objects.values_list("pk", flat=True))

    def _when(self) -> datetime.datetime:
        span = (self.now - START).total_seconds()
        return START + datetime.timedelta(seconds=self.rng.uniform(0, span))

    def _title(self, k: int = 9) -> str:
        return " ".join(self.rng.choices(WORDS, k=k)).capitalize()

    # --- Articles --------------------------------------------------------------------

    @transaction.atomic
    def articles(self, count: int) -> list[int]:
        """Insert ``count`` articles under the hubs in turn; returns their ids."""
        if not self.hubs:
            raise ValueError("No topic hub: run `manage.py load_demo` first.")
        if not connection.features.can_return_rows_from_bulk_insert:
            raise ValueError("This database cannot return keys from bulk inserts.")
        content_type = ContentType.objects.get_for_model(self.model)
        locale = Locale.get_default()
        hubs = [Page.objects.select_for_update().get(pk=h.pk) for h in self.hubs]
        ids: list[int] = []
        for start in range(0, count, BATCH):
            pages = []
            for offset in range(min(BATCH, count - start)):
                hub = hubs[(start + offset) % len(hubs)]
                hub.numchild += 1
                title = self._title()
                slug = f"bao-cao-benchmark-{hub.pk}-{hub.numchild}"
                published = self._when()
                live = self.rng.random() < 0.95
                topic_id = self.hub_topic[hub.pk]
                items = [
                    i
                    for i in self.items
                    if i.topic_id == topic_id and i.plan.year == published.year
                ]
                page = self.model(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    live=live,
                    has_unpublished_changes=not live,
                    path=Page._get_path(hub.path, hub.depth + 1, hub.numchild),
                    depth=hub.depth + 1,
                    numchild=0,
                    url_path=f"{hub.url_path}{slug}/",
                    first_published_at=published if live else None,
                    last_published_at=published if live else None,
                    sapo=self._title(30),
                    hero_image_id=self.rng.choice(self.images) if self.images else None,
                    body=[],
                    source_line=TAG,
                    plan_item_id=(
                        self.rng.choice(items).pk if items and self.rng.random() < 0.3 else None
                    ),
                )
                pages.append(page)
            # Django cannot bulk-create multi-table models: the page rows first, then the
            # article rows with the same keys.
            Page.objects.bulk_create(pages)
            for page in pages:
                page.page_ptr_id = page.id
            query = InsertQuery(self.model)
            query.insert_values(self.model._meta.local_concrete_fields, pages)
            query.get_compiler(connection=connection).execute_sql()
            self._links(pages)
            ids.extend(page.pk for page in pages)
        for hub in hubs:
            Page.objects.filter(pk=hub.pk).update(numchild=hub.numchild)
        return ids

    def _links(self, pages) -> None:
        relation = _field(self.model, "organisations")
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        rows, bylines = [], []
        for page in pages:
            for organisation in self.rng.sample(self.organisations, k=self.rng.randint(0, 3)):
                rows.append(through(**{f"{source}_id": page.pk, f"{target}_id": organisation}))
            for order, author in enumerate(self.rng.sample(self.authors, k=self.rng.randint(1, 2))):
                bylines.append(byline_model()(page_id=page.pk, author_id=author, sort_order=order))
        through.objects.bulk_create(rows)
        byline_model().objects.bulk_create(bylines)
        tagged = [
            self.tag_link(content_object_id=page.pk, tag_id=tag)
            for page in pages
            for tag in self.rng.sample(self.tags, k=min(len(self.tags), self.rng.randint(0, 3)))
        ]
        self.tag_link.objects.bulk_create(tagged)

    # --- Assignments -------------------------------------------------------------------

    @transaction.atomic
    def assignments(self, count: int, article_ids: list[int]) -> list[Assignment]:
        """Half of them filed as one of ``article_ids`` (each article at most once)."""
        taken = set(
            Assignment.objects.filter(article__isnull=False).values_list("article", flat=True)
        )
        free = [pk for pk in article_ids if pk not in taken]
        self.rng.shuffle(free)
        hub_of = {p.pk: p for p in self.hubs}
        parents = dict(
            Page.objects.filter(pk__in=free).values_list("pk", "path")
        )  # article → path, to find its topic
        topic_by_path = {hub.path: self.hub_topic[hub.pk] for hub in hub_of.values()}
        statuses = [
            (AssignmentStatus.PROPOSED, 1),
            (AssignmentStatus.COMMISSIONED, 3),
            (AssignmentStatus.ACCEPTED, 10),
            (AssignmentStatus.DECLINED, 1),
            (AssignmentStatus.CANCELLED, 1),
        ]
        made = []
        for number in range(count):
            article = free.pop() if free and number % 2 == 0 else None
            if article is not None:
                topic_id = topic_by_path[parents[article][:-4]]
                status = AssignmentStatus.ACCEPTED
            else:
                topic_id = self.rng.choice(list(self.topics))
                status = self.rng.choices(*zip(*statuses, strict=True))[0]
            commissioned = self._when()
            due = (commissioned + datetime.timedelta(days=self.rng.randint(7, 45))).date()
            items = [i for i in self.items if i.topic_id == topic_id and i.plan.year == due.year]
            made.append(
                Assignment(
                    headline=self._title(8),
                    brief=TAG,
                    topic_id=topic_id,
                    plan_item_id=self.rng.choice(items).pk
                    if items and self.rng.random() < 0.4
                    else None,
                    beat_id=self.rng.choice(self.beats) if self.beats else None,
                    assignee_id=self.rng.choice(self.journalists),
                    editor_id=self.rng.choice(self.editors),
                    due_date=due,
                    status=status,
                    article_id=article,
                    created_at=commissioned,
                    commissioned_at=None if status == AssignmentStatus.PROPOSED else commissioned,
                )
            )
        with given_times(_field(Assignment, "created_at")):
            return Assignment.objects.bulk_create(made, batch_size=BATCH)

    # --- Pipeline runs -----------------------------------------------------------------

    @transaction.atomic
    def pipeline_runs(self, article_ids: list[int], in_review_share: float = 0.1) -> int:
        """Workflow and task states for ``article_ids``: finished runs for live articles,
        open ones (some overdue) for a share of the drafts."""
        page_type = ContentType.objects.get_for_model(Page)
        article_type = ContentType.objects.get_for_model(self.model)
        steps = {}
        for row in WorkflowTask.objects.order_by("sort_order").values("workflow_id", "task_id"):
            steps.setdefault(row["workflow_id"], []).append(row["task_id"])
        pages = Page.objects.filter(pk__in=article_ids).values(
            "pk", "path", "live", "first_published_at"
        )
        # Each hub's own pipeline (the workflow assigned to it), as Wagtail would route.
        assigned = dict(WorkflowPage.objects.values_list("page_id", "workflow_id"))
        pipeline_by_path = {hub.path: assigned.get(hub.pk) for hub in self.hubs}
        plans = []
        for page in pages:
            pipeline_id = pipeline_by_path[page["path"][:-4]]
            if pipeline_id is None or pipeline_id not in steps:
                continue
            if page["live"]:
                plans.append((page, pipeline_id, False))
            elif self.rng.random() < in_review_share * 5:
                plans.append((page, pipeline_id, True))
        revisions = [
            Revision(
                content_type=article_type,
                base_content_type=page_type,
                object_id=str(page["pk"]),
                content={},
                created_at=page["first_published_at"] or self.now,
            )
            for page, _w, _open in plans
        ]
        with given_times(_field(Revision, "created_at")):
            Revision.objects.bulk_create(revisions, batch_size=BATCH)
        states, task_states = [], []
        for (page, workflow_id, is_open), revision in zip(plans, revisions, strict=True):
            tasks = steps[workflow_id]
            end = page["first_published_at"] or self.now
            # Steps take from half an hour to a few days, most under a day.
            hours = [min(self.rng.lognormvariate(2.0, 1.0), 240) for _t in tasks]
            if is_open:
                tasks = tasks[: self.rng.randint(1, len(tasks))]
                hours = hours[: len(tasks)]
            start = end - datetime.timedelta(hours=sum(hours) + 1)
            state = WorkflowState(
                content_type=article_type,
                base_content_type=page_type,
                object_id=str(page["pk"]),
                workflow_id=workflow_id,
                status=WorkflowState.STATUS_IN_PROGRESS
                if is_open
                else WorkflowState.STATUS_APPROVED,
                created_at=start,
            )
            states.append(state)
            moment = start
            run = []
            for index, (task_id, spent) in enumerate(zip(tasks, hours, strict=True)):
                last_open = is_open and index == len(tasks) - 1
                finished = None if last_open else moment + datetime.timedelta(hours=spent)
                run.append(
                    TaskState(
                        workflow_state=state,
                        revision=revision,
                        task_id=task_id,
                        status=TaskState.STATUS_IN_PROGRESS
                        if last_open
                        else TaskState.STATUS_APPROVED,
                        started_at=moment,
                        finished_at=finished,
                        content_type=ContentType.objects.get_for_model(TaskState),
                    )
                )
                moment = finished or moment
            task_states.append(run)
        with given_times(_field(WorkflowState, "created_at"), _field(TaskState, "started_at")):
            WorkflowState.objects.bulk_create(states, batch_size=BATCH)
            for state, run in zip(states, task_states, strict=True):
                for task_state in run:
                    task_state.workflow_state_id = state.pk
            TaskState.objects.bulk_create([t for run in task_states for t in run], batch_size=BATCH)
        open_states = []
        for state, run in zip(states, task_states, strict=True):
            if state.status == WorkflowState.STATUS_IN_PROGRESS:
                state.current_task_state_id = run[-1].pk
                open_states.append(state)
        WorkflowState.objects.bulk_update(open_states, ["current_task_state"], batch_size=BATCH)
        return sum(len(run) for run in task_states)

    # --- Beat log ----------------------------------------------------------------------

    @transaction.atomic
    def log_entries(self, count: int) -> int:
        if not self.beats:
            return 0
        entries = [
            BeatLogEntry(
                beat_id=self.rng.choice(self.beats),
                author_id=self.rng.choice(self.journalists),
                kind=self.rng.choice(LogEntryKind.values),
                date=self._when().date(),
                summary=f"{self._title(14)} {TAG}",
                created_at=self.now,
            )
            for _n in range(count)
        ]
        with given_times(_field(BeatLogEntry, "created_at")):
            BeatLogEntry.objects.bulk_create(entries, batch_size=BATCH)
        return len(entries)


def seeded_counts() -> dict[str, int]:
    return {
        "articles": article_model().objects.filter(source_line=TAG).count(),
        "assignments": Assignment.objects.filter(brief=TAG).count(),
        "log_entries": BeatLogEntry.objects.filter(summary__endswith=TAG).count(),
    }


def seed(articles: int, assignments: int, log_entries: int, rng: random.Random) -> dict:
    """Top up the tagged rows to the counts asked for; returns what was added."""
    have = seeded_counts()
    seeder = Seeder(rng)
    added = {"articles": 0, "assignments": 0, "task_states": 0, "log_entries": 0}
    new_articles = []
    if have["articles"] < articles:
        new_articles = seeder.articles(articles - have["articles"])
        added["articles"] = len(new_articles)
        # A third of the new articles went through their topic's pipeline.
        runs = new_articles[: len(new_articles) // 3]
        added["task_states"] = seeder.pipeline_runs(runs)
    if have["assignments"] < assignments:
        pool = new_articles or list(
            article_model().objects.filter(source_line=TAG).values_list("pk", flat=True)
        )
        added["assignments"] = len(seeder.assignments(assignments - have["assignments"], pool))
    if have["log_entries"] < log_entries:
        added["log_entries"] = seeder.log_entries(log_entries - have["log_entries"])
    return added
