"""Who sees the delivery reports: holders of ``editorial.view_reports`` (editors and the
editor-in-chief, see ``editorial/roles.py``). Checked by every report view on the server,
and by the menu items so nobody else is shown them."""

from django.core.exceptions import PermissionDenied

from editorial.roles import VIEW_REPORTS


def can_view_reports(user) -> bool:
    return bool(user.is_active and user.has_perm(VIEW_REPORTS))


class ReportsOnlyMixin:
    """For every view under the "Báo cáo" menu: the report screens and downloads, and the
    article listing their numbers link to (it lists every draft, so it is part of them).
    Wagtail's admin turns the refusal into a redirect to the dashboard with a message."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
