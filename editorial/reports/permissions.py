"""Who sees the delivery reports: holders of ``editorial.view_reports`` (editors and the
editor-in-chief, see ``editorial/roles.py``). Checked by every report view on the server,
and by the menu items so nobody else is shown them."""

from editorial.roles import VIEW_REPORTS


def can_view_reports(user) -> bool:
    return bool(user.is_active and user.has_perm(VIEW_REPORTS))
