from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The newsroom: programme, topics, plans, people, beats, assignments, pipelines, reports."""

    name = "editorial"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"
