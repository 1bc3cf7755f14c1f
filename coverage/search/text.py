"""Query clean-up and match highlighting for reader search."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from editorial.text import fold

MAX_QUERY_LENGTH = 200
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def clean_query(raw: str | None) -> str:
    """What we search for: printable text, single spaces, at most 200 characters.

    A 1,000-character paste or control characters make a normal page, not an error.
    """
    if not raw:
        return ""
    text = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch in " \t")
    text = unicodedata.normalize("NFC", _SPACES.sub(" ", text)).strip()
    return text[:MAX_QUERY_LENGTH].strip()


def has_words(query: str) -> bool:
    """Whether the query holds anything to search for: "--" or "- -" does not.

    The PostgreSQL backend splits a query on spaces and hyphens and builds its tsquery
    from the pieces; with none left it has no tsquery, and autocomplete raised
    AttributeError (a 500 for "/tim-kiem/goi-y/?q=--"). Such a query finds nothing on
    either database, so it is answered before any backend sees it.
    """
    return bool(_WORD.search(query))


def query_terms(query: str) -> set[str]:
    """Folded words of the query: the set a word must fold into to be highlighted.

    Also counts a headline's query words when ranking, once per result: folding the
    text once, then splitting, is several times faster than folding word by word.
    """
    return set(_WORD.findall(fold(query)))


def exact_terms(query: str) -> set[str]:
    """Lower-cased words of the query as typed, diacritics kept."""
    return {word.casefold() for word in _WORD.findall(query)}


def highlight(text: str, terms: set[str]) -> SafeString:
    """Escape ``text`` and wrap each word that folds to a query term in <mark>."""
    if not text:
        return mark_safe("")
    pieces: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        word = match.group(0)
        pieces.append(f"<mark>{escape(word)}</mark>" if fold(word) in terms else escape(word))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece was escaped above)


def accent_exact_hits(text: str, terms: set[str]) -> int:
    """How many words of ``text`` equal a query word with its diacritics (case-insensitive)."""
    if not terms or not text:
        return 0
    return sum(1 for word in _WORD.findall(text) if word.casefold() in terms)
