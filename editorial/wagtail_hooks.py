"""Registers the newsroom's admin with Wagtail. Registration only: the code lives in viewsets/."""

from wagtail.snippets.models import register_snippet

from editorial.viewsets import ProgrammeViewSetGroup

register_snippet(ProgrammeViewSetGroup)
