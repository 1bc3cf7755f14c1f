"""Read an admin form as the browser would submit it, so tests POST the real form."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.http import HttpResponse

SKIPPED_INPUT_TYPES = {"submit", "button", "image", "reset", "file"}


def form_data(response: HttpResponse) -> dict[str, object]:
    """The fields of the page's create or edit form, with their current values.

    Multi-valued fields (checkbox groups, multiple selects) come back as lists, the way
    the test client's ``post()`` expects them.
    """
    soup = BeautifulSoup(response.content, "html.parser")
    # Wagtail marks its editor form; other POST forms (editing sessions) come first.
    form = soup.find("form", attrs={"data-edit-form": True})
    assert form is not None, "no create or edit form on the page"
    data: dict[str, object] = {}

    def add(name: str, value: str) -> None:
        if name in data:
            existing = data[name]
            data[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            data[name] = value

    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        # Fields inside <template> are the blank rows Wagtail's "add" button copies.
        if not name or "__prefix__" in name or field.find_parent("template"):
            continue
        if field.name == "textarea":
            add(name, field.text.removeprefix("\n"))
        elif field.name == "select":
            selected = [option.get("value", option.text) for option in field.find_all("option")
                        if option.has_attr("selected")]  # fmt: skip
            if field.has_attr("multiple"):
                data[name] = selected
            else:
                add(name, selected[0] if selected else "")
        else:
            kind = field.get("type", "text")
            if kind in SKIPPED_INPUT_TYPES:
                continue
            if kind in {"checkbox", "radio"}:
                if field.has_attr("checked"):
                    add(name, field.get("value", "on"))
                continue
            add(name, field.get("value", ""))
    return data
