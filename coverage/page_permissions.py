"""Wagtail's page permission rules, answered without queries for pages with no children.

Wagtail decides whether a page may be deleted or moved from "the page and everything
under it" (are any live, are all the user's own), which costs a query each time, and
the page explorer asks twice per row (its move and delete buttons). A page that has no
children (an article) is the whole of that set, so its own fields give the same answer.
An article also may not leave its pipeline by moving (``editorial.pipelines.moves``).
"""

from __future__ import annotations

from wagtail.models import PagePermissionTester

from editorial.pipelines.moves import keeps_pipeline


class LeafPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if not self.page.is_leaf():
            return super().can_delete(ignore_bulk)
        if not self.user.is_active or self.page_is_root:
            return False
        if self.user.is_superuser:
            return True
        # The same rules as Wagtail's, for a set of one page.
        if "change" in self.permissions:
            return "publish" in self.permissions or not self.page.live
        if "add" in self.permissions:
            owns = self.page.owner_id == self.user.pk
            return owns if "publish" in self.permissions else owns and not self.page.live
        return False


class ArticlePermissionTester(LeafPagePermissionTester):
    def can_move_to(self, destination):
        if not super().can_move_to(destination):
            return False
        if destination.pk == self.page.get_parent().pk:
            return True  # reordering within its own hub
        return keeps_pipeline(self.page, destination) or self.can_publish()
