"""PostgreSQL: the ``vietnamese_unaccent`` configuration folds inside the database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from itertools import combinations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db.models import Case, CharField, Expression, F, IntegerField, QuerySet, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresSearchBackend
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

SEARCH_CONFIG = "vietnamese_unaccent"
# Widening "at least n words in the headline" one word at a time spells out every
# combination of n words; past six query words, simply rank every other match.
MAX_WIDENED_WORDS = 6
_WORD = re.compile(r"\w+")


@dataclass
class _ReaderSearch:
    """One reader query over Wagtail's index entries (the pieces ``ranked_pks`` uses)."""

    entries: QuerySet  # the entries of the pages searched, their keys as ``_key``
    matches: QuerySet  # those matching the query, as Wagtail's search() matches them
    words: list[SearchQuery]  # each word of the query, alone
    rank: Expression  # Wagtail's rank expression

    def headline_has(self, at_least: int) -> SearchQuery:
        """A tsquery true when the headline holds ``at_least`` of the words."""
        return reduce(
            lambda left, right: left | right,
            (reduce(lambda a, b: a & b, group) for group in combinations(self.words, at_least)),
        )

    def headline_words(self) -> Expression:
        """How many of the query words the headline holds."""
        return reduce(
            lambda left, right: left + right,
            (Case(When(title=word, then=Value(1)), default=Value(0)) for word in self.words),
        )


class VietnamesePostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        params = {"SEARCH_CONFIG": SEARCH_CONFIG, **params}
        super().__init__(params)
        # Autocomplete must fold accents too; the unaccent config has no stemmer to avoid.
        self.autocomplete_config = self.config

    def ranked_pks(
        self, query: str, queryset: QuerySet, *, operator: str, limit: int, narrow: bool = False
    ) -> list[int]:
        """Keys of the best ``limit`` pages of ``queryset`` matching ``query``, best first.

        ``narrow`` says ``queryset`` is a small part of the archive (a topic, a year),
        which changes how its pages are best checked.

        Best means most query words in the headline, then Wagtail's rank (the tsquery
        and rank expression ``search()`` builds): the order readers get, see
        coverage.search.service. So the matches are taken group by group, most
        headline words first, each group ranked on its own, until ``limit`` pages are
        found: a common query ("xay dung dang" is in most of the archive) ranks the few
        hundred pages with every word in the headline, not every match.

        Why not ``search()``: with 20,000 articles it ranked every match (all 17,040
        for "xay dung dang": 1.5 s), and restricting it to the headline matches did not
        help: it joins pages to index entries through a text cast, which the planner
        misjudged (a nested loop over 160,000 row pairs for "evn"), and for common
        words it concatenates every entry's ``title || body`` (0.7 s) rather than use
        the GIN index. Here entries are ranked on their own table and concatenating
        stays the costly test, so each group is picked by a headline test, which
        PostgreSQL evaluates first (it is cheaper) or through the title index.
        """
        search = self._reader_search(query, queryset, operator=operator, narrow=narrow)
        if search is None:
            return []
        by_rank = (search.rank.desc(), F("_key").desc())
        every_word = search.headline_has(len(search.words))
        # Every word in the headline implies a match: no need to test title || body.
        headline = search.entries.filter(title=every_word).order_by(*by_rank)
        pks = list(headline.values_list("_key", flat=True)[:limit])
        above = every_word
        if len(search.words) <= MAX_WIDENED_WORDS:
            for words in range(len(search.words) - 1, 0, -1):
                if len(pks) == limit:
                    return pks
                at_least = search.headline_has(words)
                group = search.matches.filter(title=at_least).exclude(title=above)
                group = group.order_by(*by_rank).values_list("_key", flat=True)
                pks += group[: limit - len(pks)]
                above = at_least
            rest = search.matches.exclude(title=above).order_by(*by_rank)
        else:
            rest = (
                search.matches.exclude(title=above)
                .annotate(_headline=search.headline_words())
                .order_by(F("_headline").desc(), *by_rank)
            )
        if len(pks) < limit:
            pks += rest.values_list("_key", flat=True)[: limit - len(pks)]
        return pks

    def autocomplete_pks(self, prefix: str, queryset: QuerySet, *, limit: int) -> list[int]:
        """Keys of up to ``limit`` pages of ``queryset`` whose headline has the words typed.

        Every word but the last whole, the last as a prefix ("khoi th" finds "Khơi
        thông"), as Wagtail's autocomplete reads them, against the index entries'
        headline vector (``vietnamese_unaccent`` folds both sides): one query through
        the headline's GIN index, best ``ts_rank`` first, then newest. Wagtail's own
        autocomplete joined pages to entries through a text cast and ranked every
        match (264 ms for "da" in 20,000 articles, issue #16).
        """
        words = _WORD.findall(prefix)
        if not words:
            return []
        # Only word characters are left, so nothing here is tsquery syntax.
        tsquery = " & ".join([*words[:-1], f"{words[-1]}:*"])
        query = SearchQuery(tsquery, search_type="raw", config=self.config)
        keys = (
            IndexEntry._default_manager.annotate(_key=Cast("object_id", IntegerField()))
            .filter(
                content_type_id__in=get_descendants_content_types_pks(queryset.model),
                _key__in=queryset.values("pk"),
                title=query,
            )
            .annotate(_rank=SearchRank(F("title"), query))
            .order_by("-_rank", "-_key")
            .values_list("_key", flat=True)[:limit]
        )
        return list(keys)

    def _reader_search(
        self, query: str, queryset: QuerySet, *, operator: str, narrow: bool
    ) -> _ReaderSearch | None:
        compiler = self.query_compiler_class(queryset, query, operator=operator)
        tsquery = compiler.build_tsquery(compiler.query, config=self.config)
        words = [
            compiler.build_tsquery(PlainText(word, operator="and"), config=self.config)
            for word in dict.fromkeys(query.split())
        ]
        words = [word for word in words if word is not None]
        if tsquery is None or not words:
            return None
        entries = IndexEntry._default_manager.annotate(
            _key=Cast("object_id", IntegerField()),
            # Exactly the expression coverage_search_title_body_gin indexes.
            _vector_=CombinedExpression(
                F("title"), "||", F("body"), output_field=SearchVectorField()
            ),
        ).filter(content_type_id__in=get_descendants_content_types_pks(queryset.model))
        if narrow:
            # Few pages (one topic, one year): start from them and look their entries up
            # by key (the entries' own unique index is on the key as text).
            pages = queryset.annotate(_text_key=Cast("pk", CharField())).values("_text_key")
            entries = entries.filter(object_id__in=pages)
        else:
            # Nearly every live page: check each candidate entry's page by primary key
            # rather than hash every page (20-60 ms with 20,000 articles).
            entries = entries.filter(_key__in=queryset.values("pk"))
        rank = compiler.build_tsrank(F("title"), compiler.query, config=self.config) * F(
            "title_norm"
        ) + compiler.build_tsrank(F("body"), compiler.query, config=self.config)
        return _ReaderSearch(
            entries=entries, matches=entries.filter(_vector_=tsquery), words=words, rank=rank
        )
