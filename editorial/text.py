"""Vietnamese text rules shared by slugs, sorting and search (DESIGN.md, section 7).

- ``fold``: lower-case, strip diacritics, đ → d. "XÂY DỰNG ĐẢNG" → "xay dung dang".
- ``slugify_vi``: ASCII slugs that keep every letter ("Đảng" → "dang"; Django drops the đ).
- ``sort_key`` / ``compare``: Vietnamese alphabetical order (a < ă < â < b … d < đ …),
  tones breaking ties. Registered as the collation "vi-x-icu" on SQLite connections so the
  same ``Collate(..., "vi-x-icu")`` query sorts alike on SQLite and PostgreSQL (ICU).
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify

VI_COLLATION = "vi-x-icu"
# The same collation for a column's ``db_collation``, quoted: Django writes it into the
# SQLite DDL as given (unquoted, the hyphens are a syntax error) and leaves an already
# quoted name alone on PostgreSQL.
VI_COLUMN_COLLATION = f'"{VI_COLLATION}"'

# The alphabet: base letters in dictionary order, with the vowel variants as letters.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Tone marks (combining characters after NFD), in dictionary order: none, grave, hook,
# tilde, acute, dot below. Vowel-shape marks (breve, circumflex, horn) are part of the letter.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPE_LETTERS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
                  ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}  # fmt: skip


def fold(text: str) -> str:
    """Lower-case ASCII-ish form for matching: no tones, no vowel marks, đ → d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def slugify_vi(text: str, max_length: int = 255) -> str:
    """ASCII slug that keeps đ as d: "Đảng ủy Khối" → "dang-uy-khoi"."""
    slug = slugify(text.replace("đ", "d").replace("Đ", "D"))
    return slug[:max_length].strip("-")


def _letters(text: str) -> list[tuple[int, int, str]]:
    """(letter rank, tone, original char) for each letter of ``text``, case folded."""
    result: list[tuple[int, int, str]] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(char):
            if not result:
                continue
            rank, tone, base = result[-1]
            if char in _TONES:
                result[-1] = (rank, _TONES[char], base)
            elif (base, char) in _SHAPE_LETTERS:
                letter = _SHAPE_LETTERS[(base, char)]
                result[-1] = (_LETTER_RANK[letter], tone, letter)
            continue
        if char in _LETTER_RANK:
            result.append((_LETTER_RANK[char], 0, char))
        else:
            # Letters outside the Vietnamese alphabet (f, j, w, z, digits) sort by code point
            # after it; spaces sort first so "An Bình" < "Anh".
            rank = -1 if char.isspace() else len(_ALPHABET) + ord(char)
            result.append((rank, 0, char))
    return result


def sort_key(text: str) -> tuple:
    """Key for ``sorted()``: letters first, tones only break ties (as in dictionaries)."""
    letters = _letters(text or "")
    return (tuple(rank for rank, _, _ in letters), tuple(tone for _, tone, _ in letters))


def compare(left: str, right: str) -> int:
    """A SQLite collation function: negative, zero or positive."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


_SPACES = re.compile(r"\s+")


def given_name_of(full_name: str) -> str:
    """The given name, which Vietnamese lists sort by: the last word of the full name."""
    words = _SPACES.split(full_name.strip())
    return words[-1] if words and words[-1] else ""


def person_name(user) -> str:
    """A staff account's name as Vietnamese writes it, family name first: "Phạm Văn Dũng".

    Accounts keep the given name in ``first_name`` ("Dũng") and the family and middle
    names in ``last_name`` ("Phạm Văn"), so Django's ``get_full_name()`` reads
    "Dũng Phạm Văn", which is wrong in Vietnamese. Falls back to the username.
    """
    return family_name_first(user) or user.get_username()


def family_name_first(user) -> str:
    """``get_full_name()`` for every account (installed by ``EditorialConfig.ready``), so
    Wagtail's own screens (dashboards, status panel, history, reports, user lists) print
    "Đoàn Minh Huấn" and not "Huấn Đoàn Minh"."""
    return f"{user.last_name} {user.first_name}".strip()
