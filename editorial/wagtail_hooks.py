"""Registers the newsroom's admin with Wagtail. Registration only: the code lives elsewhere."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from editorial.access.viewsets import LockoutViewSet
from editorial.admin_api import narrow_admin_api
from editorial.autosave import keep_explicit_saves_apart
from editorial.background_panel import BackgroundWorkPanel, SearchIndexPanel, is_editor_in_chief
from editorial.desk.dashboard import MyDeskPanel
from editorial.desk.menu import DeskViewSetGroup
from editorial.desk.photo_queue import PhotoDeskPanel, is_photo_desk
from editorial.documents import serve_document
from editorial.models.quorum import QUORUM_OVERRIDE, QUORUM_VOTE
from editorial.pipelines.dashboard import OverdueStepsPanel
from editorial.pipelines.moves import refuse_move
from editorial.pipelines.quorum import QuorumOverrideFormatter, QuorumVoteFormatter
from editorial.pipelines.refusals import (
    refuse_bulk_publication,
    refuse_publish_without_permission,
)
from editorial.pipelines.review_queue import MyArticlesInReviewPanel, ReviewQueuePanel
from editorial.programme.menu import ProgrammeViewSetGroup
from editorial.reports.dashboard import AtRiskPanel
from editorial.reports.viewsets import ArticleListingViewSet, ReportsViewSetGroup

register_snippet(ProgrammeViewSetGroup)


@hooks.register("register_admin_viewset")
def register_desk_viewsets():
    return DeskViewSetGroup()


@hooks.register("register_admin_viewset")
def register_report_viewsets():
    return [ReportsViewSetGroup(), ArticleListingViewSet()]


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()


@hooks.register("construct_homepage_panels")
def add_my_desk_panel(request, panels):
    if is_photo_desk(request.user):
        panels.append(PhotoDeskPanel(request))  # its own work in place of an empty desk
    elif request.user.has_perm("editorial.view_assignment"):
        panels.append(MyDeskPanel(request))
    panels.append(OverdueStepsPanel(request))
    if request.user.has_perm("editorial.view_reports"):
        panels.append(AtRiskPanel(request))  # editors: where the plan is heading


@hooks.register("construct_homepage_panels")
def replace_review_queue_panels(request, panels):
    # Wagtail's own review panels cost queries per open step; ours are capped, in bulk.
    ours = {
        ReviewQueuePanel.name: lambda: ReviewQueuePanel(request),
        MyArticlesInReviewPanel.name: MyArticlesInReviewPanel,
    }
    panels[:] = [ours.get(getattr(panel, "name", None), lambda p=panel: p)() for panel in panels]


@hooks.register("construct_homepage_panels")
def add_background_work_panel(request, panels):
    if is_editor_in_chief(request.user):
        panels.append(BackgroundWorkPanel(request))
    panels.append(SearchIndexPanel())


hooks.register("before_edit_page", keep_explicit_saves_apart)
hooks.register("before_edit_snippet", keep_explicit_saves_apart)


@hooks.register("register_log_actions")
def register_desk_log_actions(actions):
    actions.register_action("editorial.assignment.commission", _("Commission"), _("Commissioned"))
    actions.register_action("editorial.assignment.accept", _("Accept"), _("Accepted"))
    actions.register_action("editorial.assignment.decline", _("Decline"), _("Declined"))
    actions.register_action("editorial.assignment.cancel", _("Cancel"), _("Cancelled"))
    actions.register_action(
        "editorial.assignment.start_draft", _("Start draft"), _("Draft started")
    )
    actions.register_action(
        "editorial.pipeline.writer_override",
        _("Act on own article"),
        _("Pipeline step taken by one of the article's writers (editor-in-chief)"),
    )
    actions.register_action(QUORUM_VOTE)(QuorumVoteFormatter)
    actions.register_action(QUORUM_OVERRIDE)(QuorumOverrideFormatter)
    actions.register_action(
        "editorial.publication_withheld",
        _("Withhold scheduled publication"),
        _("Scheduled publication withheld: the article has problems"),
    )


@hooks.register("insert_global_admin_css")
def desk_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/desk.css"))


hooks.register("before_bulk_action", refuse_bulk_publication)
hooks.register("before_edit_page", refuse_publish_without_permission)
hooks.register("before_serve_document", serve_document)
hooks.register("before_move_page", refuse_move)
# After wagtail.documents' and wagtail.images' own registrations (order 0), which it replaces.
hooks.register("construct_admin_api", narrow_admin_api, order=100)
