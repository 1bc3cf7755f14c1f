"""Every admin URL pattern, a real URL for each one, and what a GET of it told a user.

``admin_patterns()`` walks Django's URL resolver under ``/admin/`` (nested includes,
namespaces, Wagtail's viewsets and hooks: whatever is registered when the test runs), so
a screen added later is in the role matrix without anyone listing it.
``DemoSubjects.build()`` picks the demo records the patterns' arguments are filled with
(a live article, the article waiting for the editor-in-chief's sign-off, a photo, an
assignment, ...), and ``fill()`` turns a pattern into a URL, or ``None`` when it has
arguments nothing here can fill (the role matrix must list those, saying why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Collection, Page, Site, Task, Workflow
from wagtail.snippets.models import get_snippet_models

ADMIN_PREFIX = "admin/"


@dataclass(frozen=True)
class AdminPattern:
    """One URL pattern under /admin/: ``key`` names it in the role matrix's tables (the
    namespaced URL name, or the route for the few patterns Wagtail leaves unnamed)."""

    route: str
    name: str | None
    arguments: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.name or self.route


def _arguments(pattern) -> list[str]:
    if isinstance(pattern.pattern, RoutePattern):  # path()
        return list(pattern.pattern.converters)
    return list(pattern.pattern.regex.groupindex)  # re_path()


def admin_patterns() -> list[AdminPattern]:
    found: list[AdminPattern] = []

    def walk(patterns, route: str, namespace: str | None, arguments: list[str]):
        for pattern in patterns:
            here = route + str(pattern.pattern)
            args = arguments + _arguments(pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, here, inner, args)
            elif isinstance(pattern, URLPattern) and here.startswith(ADMIN_PREFIX):
                name = pattern.name and (
                    f"{namespace}:{pattern.name}" if namespace else pattern.name
                )
                found.append(AdminPattern(here, name, tuple(args)))

    walk(get_resolver().url_patterns, "", None, [])
    return found


@dataclass
class DemoSubjects:
    """The demo records an admin URL is filled with, chosen so each screen shows its rule.

    - ``article``: a live article nobody on the staff owns (the demo's published
      coverage), under ``hub``; ``other_hub`` has the same pipeline (a move that keeps it).
    - ``in_review``: the article waiting for the editor-in-chief's sign-off, written by
      ``phongvien3`` (no column of the matrix), with its open task state.
    - ``assignment``: another journalist's (``phongvien2``) assignment without photo needs,
      so row-level rules show: editors open it, the journalist and photo desk do not.
    - ``log_entry``: a beat log entry by ``phongvien2`` on a beat ``phongvien`` does not follow;
      ``exchange_item``: the same for the exchange ledger.
    - ``image``: a photo nobody uploaded and no live content uses (one a reader sees
      cannot be deleted by anyone: ``editorial.media_permissions``); ``document``: one
      ``phongvien`` filed.
    - The demo has no document, child collection or redirect: those are made here, in the
      test's transaction (rolled back with it).
    """

    article: Page
    hub: Page
    other_hub: Page
    in_review: Page
    task_state: Any
    workflow_state: Any
    image: Any
    document: Any
    assignment: Any
    log_entry: Any
    exchange_item: Any
    beat: Any
    user: Any
    group: Group
    workflow: Workflow
    task: Task
    site: Site
    collection: Collection
    redirect: Any
    snippets: dict[str, Any] = field(default_factory=dict)
    snippet_revisions: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls) -> DemoSubjects:
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        from coverage.models import ArticlePage, TopicHubPage
        from editorial.enums import PhotoNeeds, Role
        from editorial.models import Assignment, Beat, BeatLogEntry, ExchangeItem

        User = get_user_model()
        article = ArticlePage.objects.live().get(slug="dang-bo-evn-to-chuc-dai-hoi-nhiem-ky-moi")
        assert article.owner_id is None
        hub = article.get_parent().specific
        other_hub = next(
            other
            for other in TopicHubPage.objects.exclude(pk=hub.pk).order_by("pk")
            if other.get_workflow() == hub.get_workflow()
        )
        in_review = ArticlePage.objects.get(
            slug="doi-moi-quan-tri-tai-tong-cong-ty-sau-co-phan-hoa"
        )
        task_state = in_review.current_workflow_task_state
        journalist = User.objects.get(username="phongvien")
        followed = Beat.objects.followed_by(journalist)
        colleague = User.objects.get(username="phongvien2")
        root_collection = Collection.get_first_root_node()
        collection = root_collection.get_children().first() or root_collection.add_child(
            name="Ảnh hội nghị"
        )
        Document = get_document_model()
        document = Document.objects.order_by("pk").first() or _journalist_document(
            Document, journalist
        )
        redirect = Redirect.objects.order_by("pk").first() or Redirect.objects.create(
            old_path="/bai-cu", redirect_page=article, site=Site.objects.get(is_default_site=True)
        )
        snippets, revisions = {}, {}
        for model in get_snippet_models():
            label = model._meta.label_lower
            instance = model._default_manager.order_by("pk").first()
            if instance is None:
                continue
            snippets[label] = instance
            latest = getattr(instance, "latest_revision", None)
            if latest is not None:
                revisions[label] = latest.pk
        values = {
            "article": article,
            "hub": hub,
            "other_hub": other_hub,
            "in_review": in_review,
            "task_state": task_state,
            "workflow_state": in_review.current_workflow_state,
            # Not used by live content: nobody may delete a photo a reader sees.
            "image": get_image_model().objects.create(
                title="Ảnh lưu kho",
                file=get_image_model().objects.first().file,
                source_agency="VGP",
            ),
            "document": document,
            "assignment": Assignment.objects.filter(assignee=colleague, photo_needs=PhotoNeeds.NONE)
            .order_by("pk")
            .first(),
            "log_entry": BeatLogEntry.objects.filter(author=colleague)
            .exclude(beat__in=followed)
            .order_by("pk")
            .first(),
            "exchange_item": ExchangeItem.objects.filter(author=colleague)
            .exclude(beat__in=followed)
            .order_by("pk")
            .first(),
            "beat": Beat.objects.order_by("pk").first(),
            "user": colleague,
            "group": Group.objects.get(name=Role.JOURNALIST.label),
            "workflow": hub.get_workflow(),
            "task": task_state.task,
            "site": Site.objects.get(is_default_site=True),
            "collection": collection,
            "redirect": redirect,
            "snippets": snippets,
            "snippet_revisions": revisions,
        }
        missing = [name for name, value in values.items() if value is None]
        assert not missing, f"the demo has no record for {missing}"
        return cls(**values)


def _journalist_document(Document, journalist):
    """The demo has no documents: one filed by the journalist, as a draft's attachment.
    Its file is written once and shared (the rows are rolled back after each test)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = "documents/role-matrix.txt"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(b"Chuong trinh phoi hop 2020-2025"))
    return Document.objects.create(
        title="Văn bản chương trình phối hợp", file=name, uploaded_by_user=journalist
    )


def _issue_in_proof_pk() -> int | None:
    from coverage.models import PrintIssuePage

    return PrintIssuePage.objects.filter(number=958).values_list("pk", flat=True).first()


def _snippet_label(name: str) -> str | None:
    """``"wagtailsnippets_editorial_organisation:edit"`` → ``"editorial.organisation"``."""
    match = re.match(r"wagtailsnippet(?:s|choosers)_([a-z0-9_]+?)_([a-z0-9]+):", name or "")
    return match and f"{match[1]}.{match[2]}"


def fill(pattern: AdminPattern, subjects: DemoSubjects) -> str | None:
    """A URL for ``pattern`` built from the demo's records, or ``None`` when it has an
    argument nothing here stands for."""
    s = subjects
    name = pattern.name or ""
    page = s.article
    # Patterns whose arguments are about a review in progress, not any page.
    if "workflow" in name.rsplit(":", 1)[-1]:
        page = s.in_review
    snippet_label = _snippet_label(name)
    snippet = s.snippets.get(snippet_label) if snippet_label else None
    values: dict[str, Any] = {
        "page_id": page.pk,
        "page_to_move_id": page.pk,
        "destination_id": s.other_hub.pk,
        "parent_page_id": s.hub.pk,
        "task_state_id": s.task_state.pk,
        "action_name": "approve",
        "workflow_state_id": s.workflow_state.pk,
        "task_id": s.task.pk,
        "image_id": s.image.pk,
        "filter_spec": "fill-100x100",
        "document_id": s.document.pk,
        "doc_id": s.document.pk,
        "collection_id": s.collection.pk,
        "redirect_id": s.redirect.pk,
        "content_type_app_name": "coverage",
        "content_type_model_name": "articlepage",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "uidb64": urlsafe_base64_encode(force_bytes(s.user.pk)),
        "token": default_token_generator.make_token(s.user),
    }
    revision = page.latest_revision_id
    by_namespace = {
        "wagtailadmin_api:pages": {"pk": s.article.pk, "action_name": "publish"},
        "wagtailadmin_api:documents": {"pk": s.document.pk},
        "wagtailadmin_api:images": {"pk": s.image.pk},
        "wagtailadmin_collections": {"pk": s.collection.pk},
        "wagtailadmin_workflows": {
            "pk": s.workflow.pk,
            "page_pk": s.hub.pk,
            "workflow_pk": s.workflow.pk,
            "app_label": s.task.specific._meta.app_label,
            "model_name": s.task.specific._meta.model_name,
        },
        "wagtailadmin_pages": {"pk": page.pk, "app_label": "coverage", "model_name": "articlepage"},
        "wagtail_bulk_action": {
            "app_label": "wagtailcore",
            "model_name": "page",
            "action": "delete",
        },
        "wagtailadmin_tag_model_autocomplete": {"app_name": "coverage", "model_name": "tag"},
        "desk_assignment": {"pk": s.assignment.pk},
        "print_issues": {"page_id": _issue_in_proof_pk()},
        "desk_log": {"pk": s.log_entry.pk},
        "desk_exchange": {"pk": s.exchange_item.pk},
        "desk_beat": {"pk": s.beat.pk},
        "wagtailsites": {"pk": s.site.pk},
        "wagtailusers_users": {"pk": s.user.pk},
        "wagtailusers_groups": {"pk": s.group.pk},
        "wagtaildocs_chooser": {"pk": s.document.pk},
        "wagtailimages_chooser": {"pk": s.image.pk},
    }
    namespace = name.rsplit(":", 1)[0] if ":" in name else name
    values.update(by_namespace.get(namespace, {}))
    if name.startswith("wagtailadmin_workflows:") and "task" in name:
        values["pk"] = s.task.pk
    if snippet is not None:
        values["pk"] = snippet.pk
        revision = s.snippet_revisions.get(snippet_label)
    if revision is not None:
        values["revision_id"] = revision
    if not all(arg in values for arg in pattern.arguments):
        return None
    if pattern.name is None:
        if pattern.arguments:
            return None
        # Wagtail's catch-all for unknown admin addresses is a regular expression.
        return "/admin/no-such-screen/" if "^" in pattern.route else "/" + pattern.route
    kwargs = {arg: values[arg] for arg in pattern.arguments}
    return reverse(pattern.name, kwargs=kwargs) + _query(pattern, s)


def _query(pattern: AdminPattern, s: DemoSubjects) -> str:
    """The query string a screen needs to show anything at all."""
    name = pattern.name or ""
    if name == "wagtail_bulk_action":  # the objects the bulk action is asked about
        return f"?id={s.article.pk}"
    if name.startswith("wagtailadmin_api:") and name.endswith(":find"):
        found = {"pages": s.article, "documents": s.document, "images": s.image}
        return f"?id={found[name.split(':')[1]].pk}"
    if name == "wagtailadmin_block_preview":  # a block of the article body
        paragraph = type(s.article).body.field.stream_block.child_blocks["paragraph"]
        return f"?id={paragraph.definition_prefix}"
    return ""


# --- What a GET told the user ---------------------------------------------------------

ALLOW = "allow"
DENY = "deny"
POST_ONLY = "post only"
MAX_REDIRECTS = 3


def _refused_to(location: str) -> bool:
    """Wagtail's two refusals by redirect: to the login (anonymous), and to the dashboard
    with its "you do not have permission" message (``wagtail.admin.auth.permission_denied``)."""
    return location.startswith(reverse("wagtailadmin_login")) or location == reverse(
        "wagtailadmin_home"
    )


def get_outcome(client, url: str) -> tuple[str, str]:
    """GET ``url`` and say what the user got, with the detail behind it.

    ``allow``: the screen (2xx), possibly after redirects within the admin (followed, so a
    redirect to a screen the user may not open counts as what it leads to); ``deny``: sent
    to the login or the dashboard, 403 or 404; ``post only``: 405, the URL takes no GET;
    anything else (a 400, a 500) as ``HTTP <status>``, which no table expects.
    """
    response = client.get(url)
    trail = []
    while response.status_code in (301, 302) and len(trail) < MAX_REDIRECTS:
        location = response["Location"]
        trail.append(f"{response.status_code} → {location}")
        if _refused_to(location):
            return DENY, "; ".join(trail)
        if not location.startswith("/admin/"):
            return ALLOW, "; ".join(trail)
        response = client.get(location)
    status = response.status_code
    trail.append(str(status))
    detail = "; ".join(trail)
    if 200 <= status < 300:
        return ALLOW, detail
    if status in (403, 404):
        return DENY, detail
    if status == 405:
        return POST_ONLY, detail
    return f"HTTP {status}", detail
