"""A small reader for gettext .po files, enough to check our shipped catalogues.

Used by tests/test_translations.py to compare each .po with its compiled .mo. It reads
what `makemessages` writes: comments, flags, msgctxt, msgid, msgid_plural, msgstr and
msgstr[n], with quoted continuation lines; obsolete ("#~") entries are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_ESCAPE = re.compile(r"\\(.)")
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


@dataclass
class Entry:
    """One message: its id, optional context and plural id, and translations by index."""

    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())

    def catalog_items(self) -> dict[object, str]:
        """The keys and values Python's ``gettext.GNUTranslations`` holds for this entry."""
        msgid = self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"
        if self.msgid_plural is None:
            return {msgid: self.msgstr[0]}
        return {(msgid, index): text for index, text in self.msgstr.items()}


def _unquote(quoted: str) -> str:
    return _ESCAPE.sub(lambda match: _ESCAPES.get(match[1], match[0]), quoted[1:-1])


def parse(path: Path) -> list[Entry]:
    """The entries of a .po file, header (empty msgid) first, as written."""
    entries: list[Entry] = []
    entry = Entry()
    started = False
    target: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal entry, started, target
        if started:
            entries.append(entry)
        entry, started, target = Entry(), False, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#~"):
            continue  # obsolete: not part of the catalogue
        elif line.startswith("#,"):
            if started:
                finish()
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            if started:
                finish()
        elif line.startswith('"'):
            if target is None:
                raise ValueError(f"{path}: continuation line with no keyword: {raw!r}")
            _append(entry, target, _unquote(line))
        else:
            match = _KEYWORD.match(line)
            if not match:
                raise ValueError(f"{path}: cannot read line {raw!r}")
            keyword, index, quoted = match[1], match[2], match[3]
            if keyword in ("msgctxt", "msgid") and (started and target and target[0] == "msgstr"):
                finish()
            started = True
            name = "msgstr" if keyword.startswith("msgstr") else keyword
            target = (name, int(index or 0))
            _set(entry, target, _unquote(quoted))
    finish()
    return entries


def _set(entry: Entry, target: tuple[str, int], text: str) -> None:
    name, index = target
    if name == "msgstr":
        entry.msgstr[index] = text
    else:
        setattr(entry, name, text)


def _append(entry: Entry, target: tuple[str, int], text: str) -> None:
    name, index = target
    if name == "msgstr":
        entry.msgstr[index] += text
    else:
        setattr(entry, name, getattr(entry, name) + text)
