"""The messages our Python code and templates mark for translation, found without GNU gettext.

`makemessages` needs xgettext, which a fresh machine lacks; this reads the same marks with
``ast`` (Python) and Django's own ``templatize`` (templates), so the test suite can tell
when code has a string the shipped catalogues do not cover yet.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation.template import templatize

# Function name -> (index of the context argument or None, index of the msgid argument).
GETTEXT_CALLS: dict[str, tuple[int | None, int]] = {
    "_": (None, 0),
    "gettext": (None, 0),
    "gettext_lazy": (None, 0),
    "gettext_noop": (None, 0),
    "ngettext": (None, 0),
    "ngettext_lazy": (None, 0),
    "pgettext": (0, 1),
    "pgettext_lazy": (0, 1),
    "npgettext": (0, 1),
    "npgettext_lazy": (0, 1),
}
TEMPLATE_SUFFIXES = {".html", ".txt"}

Message = tuple[str | None, str]  # (context, msgid)


def python_messages(source: str) -> set[Message]:
    """Literal msgids passed to gettext functions in Python source."""
    found: set[Message] = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in GETTEXT_CALLS:
            continue
        context_at, msgid_at = GETTEXT_CALLS[name]
        args = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
        if len(args) <= msgid_at or not isinstance(args[msgid_at], str):
            continue  # a variable: nothing to extract, as for xgettext
        context = args[context_at] if context_at is not None else None
        found.add((context, args[msgid_at]))
    return found


def template_messages(source: str) -> set[Message]:
    """Msgids in {% translate %}, {% blocktranslate %} and _("…") of a Django template."""
    converted = templatize(source)
    calls = []
    for name in GETTEXT_CALLS:
        start = converted.find(f" {name}(")
        while start != -1:
            calls.append(_call_at(converted, start + 1))
            start = converted.find(f" {name}(", start + 1)
    return python_messages("\n".join(calls))


def _call_at(text: str, start: int) -> str:
    """The call expression starting at ``start``: up to its closing parenthesis."""
    depth, quote, index = 0, None, text.index("(", start)
    while True:
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return text[start : index + 1]
        index += 1


def source_files(root: Path, folder: str) -> Iterator[Path]:
    for path in sorted((root / folder).rglob("*")):
        if path.suffix == ".py" or path.suffix in TEMPLATE_SUFFIXES:
            yield path


def messages_in(path: Path) -> set[Message]:
    source = path.read_text(encoding="utf-8")
    return python_messages(source) if path.suffix == ".py" else template_messages(source)
