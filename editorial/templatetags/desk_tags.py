"""Template filters for the newsroom desk's admin pages and mails."""

from django import template

from editorial.text import person_name as _person_name

register = template.Library()


@register.filter
def person_name(user) -> str:
    """``{{ user|person_name }}``: "Phạm Văn Dũng", family name first ("" for no user)."""
    return _person_name(user) if user else ""
