from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    """What readers see: pages, credited images, blocks, feeds, search, sitemap."""

    name = "coverage"
    verbose_name = _("Coverage site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Lifting an embargo early is the editor-in-chief's call alone (coverage.embargo);
        # editorial's roles take the permission from here (editorial never imports coverage).
        from coverage.embargo import BREAK_EMBARGO
        from editorial.enums import Role
        from editorial.roles import MODEL_PERMISSIONS

        MODEL_PERMISSIONS[Role.EDITOR_IN_CHIEF] |= {BREAK_EMBARGO}

        from coverage import purge

        purge.connect()

        from wagtail.signals import page_published

        from coverage.models import ArticlePage
        from coverage.models.pages.notices import record_publication

        page_published.connect(
            record_publication, sender=ArticlePage, dispatch_uid="coverage.notices.published"
        )
