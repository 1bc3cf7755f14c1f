"""The permission matrix: which group may do what. The one place roles are defined.

``sync_roles()`` makes the database match this matrix. It is idempotent and runs
from ``load_demo`` and from ``manage.py sync_roles`` on a production install.
Later features add their model permissions to ``MODEL_PERMISSIONS``.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q, QuerySet
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from editorial.enums import Role

ADMIN_ACCESS = "wagtailadmin.access_admin"

# Page permissions apply from the site's home page down (the whole public tree).
PAGE_PERMISSIONS: dict[Role, set[str]] = {
    # Only the editor-in-chief and deputies publish: final sign-off is theirs.
    Role.EDITOR_IN_CHIEF: {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"},
    # Editors edit any draft and approve workflow steps, but do not publish.
    Role.EDITOR: {"add_page", "change_page", "lock_page", "unlock_page"},
    # "add" lets journalists create pages and edit the ones they own, never publish.
    Role.JOURNALIST: {"add_page"},
    Role.PHOTO_DESK: set(),
    # Board members hold the duty on top of their editor or editor-in-chief group.
    Role.EDITORIAL_BOARD: set(),
}

# Image and document permissions on the root collection. "delete" is its own right
# (editorial.media_permissions): editors change photos and documents but do not
# delete them; whoever uploaded one may still delete their own.
COLLECTION_PERMISSIONS: dict[Role, set[str]] = {
    # Deleting a file some article may show is the editor-in-chief's call, as for the
    # programme's records.
    Role.EDITOR_IN_CHIEF: {
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    },
    Role.EDITOR: {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    },
    Role.JOURNALIST: {"add_image", "choose_image", "add_document", "choose_document"},
    # The photo desk owns credits: it may fix any image, but approves no article.
    Role.PHOTO_DESK: {"add_image", "change_image", "choose_image", "delete_image"},
    Role.EDITORIAL_BOARD: set(),
}

# The programme's records, edited in the "Chương trình phối hợp" admin menu.
PROGRAMME_MODELS = (
    "organisation",
    "programme",
    "programmetopic",
    "annualplan",
    "programmeevent",
    "meeting",
    "staffprofile",
    "author",
)


def _model_perms(actions: tuple[str, ...], models: tuple[str, ...], app: str = "editorial"):
    return {f"{app}.{action}_{model}" for action in actions for model in models}


# "app_label.codename" model permissions (snippets and viewsets check these).
MODEL_PERMISSIONS: dict[Role, set[str]] = {
    # Deleting a record of the signed programme (a party, a plan, a topic its coverage is
    # filed under) is rare and hard to undo, so it is the editor-in-chief's call alone.
    Role.EDITOR_IN_CHIEF: _model_perms(("add", "change", "delete", "view"), PROGRAMME_MODELS),
    # Editors keep the programme, plans, events and people up to date.
    Role.EDITOR: _model_perms(("add", "change", "view"), PROGRAMME_MODELS),
    # Journalists and the photo desk read the programme and plans; they never change them.
    Role.JOURNALIST: _model_perms(("view",), PROGRAMME_MODELS),
    Role.PHOTO_DESK: _model_perms(("view",), PROGRAMME_MODELS),
    Role.EDITORIAL_BOARD: set(),
}


# --- Newsroom desk (beats, beat log, assignments) ------------------------------------------
# Row-level limits (whose assignments, whose log entries) live in editorial/desk/permissions.py.
_DESK_EDITOR = {
    f"editorial.{action}_{model}"
    for action in ("add", "change", "delete", "view")
    for model in ("beat", "beatlogentry", "assignment", "exchangeitem")
} | {
    "editorial.commission_assignment",
    "editorial.view_all_beatlogentry",
    "editorial.view_all_exchangeitem",
}
DESK_PERMISSIONS: dict[Role, set[str]] = {
    Role.EDITOR_IN_CHIEF: _DESK_EDITOR,
    Role.EDITOR: _DESK_EDITOR,
    # Journalists log on their beats and propose, accept and draft their own assignments.
    Role.JOURNALIST: {
        "editorial.view_beat",
        "editorial.add_beatlogentry",
        "editorial.change_beatlogentry",
        "editorial.delete_beatlogentry",
        "editorial.view_beatlogentry",
        "editorial.add_assignment",
        "editorial.change_assignment",
        "editorial.view_assignment",
        # The exchange ledger on their beats (row limits: ExchangeItemPermissionPolicy).
        "editorial.add_exchangeitem",
        "editorial.change_exchangeitem",
        "editorial.view_exchangeitem",
    },
    # The photo desk reads the assignments that need pictures, nothing else.
    Role.PHOTO_DESK: {
        "editorial.view_beat",
        "editorial.view_assignment",
        "editorial.view_photo_assignment",
    },
}
for _role, _perms in DESK_PERMISSIONS.items():
    MODEL_PERMISSIONS[_role] = MODEL_PERMISSIONS[_role] | _perms

# --- Publication pipelines ---------------------------------------------------------------
# The editor-in-chief owns the pipelines: Wagtail's Workflows and Workflow tasks screens,
# and which pipeline each topic uses. Approving steps needs no model permission: the
# steps themselves say who may act (editorial.models.pipelines).
MODEL_PERMISSIONS[Role.EDITOR_IN_CHIEF] |= {
    "wagtailcore.add_workflow",
    "wagtailcore.change_workflow",
    "wagtailcore.add_task",
    "wagtailcore.change_task",
}

# --- Delivery reports ---------------------------------------------------------------------
# Editors and the editor-in-chief sum up the programme; the reports read every assignment
# and draft, so journalists and the photo desk do not see them.
VIEW_REPORTS = "editorial.view_reports"
for _role in (Role.EDITOR_IN_CHIEF, Role.EDITOR):
    MODEL_PERMISSIONS[_role] = MODEL_PERMISSIONS[_role] | {VIEW_REPORTS}

# --- Sign-in lockouts ---------------------------------------------------------------------
# Lifting a lockout (editorial.access) before its 30 minutes are up is the editor-in-chief's
# call: it undoes the one brake on password guessing. Axes' own model permission.
UNLOCK_SIGN_IN = "axes.delete_accessattempt"
MODEL_PERMISSIONS[Role.EDITOR_IN_CHIEF] |= {UNLOCK_SIGN_IN}


def group_for(role: Role) -> Group:
    return Group.objects.get(name=role.label)


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _collection_permission(codename: str) -> Permission:
    return Permission.objects.get(
        content_type__app_label__in=["wagtailimages", "wagtaildocs", "coverage"],
        codename=codename,
    )


# Wagtail's initial data, not roles of this newsroom (see retire_wagtail_defaults).
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")


def retire_wagtail_defaults() -> None:
    """Remove what Wagtail's first migration sets up for a generic site: the "Moderators"
    and "Editors" groups (page permissions nobody manages; kept while someone is still
    in one, so no account silently loses access) and the
    "Moderators approval" workflow on the tree root, which any page without a pipeline
    fell through to and nobody was a member of. Articles get their pipeline from their
    topic's hub (``editorial.pipelines.routing``; a hub without one is a system check
    error); other pages are published directly by the editor-in-chief."""
    from wagtail.models import Workflow, WorkflowPage

    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    root_assignments = WorkflowPage.objects.filter(page__depth=1)
    orphaned = list(root_assignments.values_list("workflow_id", flat=True))
    root_assignments.delete()
    # Disabled rather than deleted: Wagtail keeps a workflow's history with it.
    Workflow.objects.filter(pk__in=orphaned, workflow_pages__isnull=True).update(active=False)


@transaction.atomic
def sync_roles(root_page: Page | None = None) -> dict[Role, Group]:
    """Create the role groups and set exactly the permissions in the matrix; retire
    Wagtail's default groups and root workflow."""
    retire_wagtail_defaults()
    if root_page is None:
        root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for role in Role:
        group, _created = Group.objects.get_or_create(name=role.label)
        model_perms = [_permission(p) for p in sorted(MODEL_PERMISSIONS[role] | {ADMIN_ACCESS})]
        group.permissions.set(model_perms)

        wanted_pages = {_permission(f"wagtailcore.{c}") for c in PAGE_PERMISSIONS[role]}
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root_page, permission__in=wanted_pages
        ).delete()
        for permission in wanted_pages:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )

        wanted_collection = {_collection_permission(c) for c in COLLECTION_PERMISSIONS[role]}
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__in=wanted_collection
        ).delete()
        for permission in wanted_collection:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[role] = group
    return groups


def members_of(*roles: Role, keeping: int | None = None) -> QuerySet:
    """Active accounts holding any of ``roles``, family name first: who a picker offers.
    ``keeping`` is an account that stays in the list whatever its groups now (whoever
    already holds the part on the record being edited)."""
    User = get_user_model()
    holders = User.objects.filter(groups__name__in=[role.label for role in roles], is_active=True)
    chosen = Q(pk__in=holders.values("pk"))
    if keeping:
        chosen |= Q(pk=keeping)
    return by_name(User.objects.filter(chosen))


def by_name(people: QuerySet) -> QuerySet:
    """People in the order Vietnamese lists of staff use: family name, then given name."""
    return people.order_by("last_name", "first_name", "username")
