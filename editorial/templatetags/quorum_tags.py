"""``{% quorum_tally task_state page as tally %}``: the votes of a quorum step so far."""

from django import template

register = template.Library()


@register.simple_tag
def quorum_tally(task_state, page):
    task = task_state.task.specific
    if not hasattr(task, "tally"):
        return None
    return task.tally(task_state, getattr(page, "specific", page))
