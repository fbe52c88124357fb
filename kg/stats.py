"""Counts that describe a store: articles, triples, entities by type, relations by predicate,
and its top entries (``kg.analytics.top_entries``)."""

from __future__ import annotations

from kg.analytics import top_entries
from kg.queries import internal_query
from kg.store import Store

__all__ = ["TOP_COLUMNS", "stats"]

# The column headings of each list of top entries.
TOP_COLUMNS = {
    "people": ("person", "people met"),
    "brokers": ("person", "betweenness"),
    "pairs": ("pair", "meetings"),
    "countries": ("country", "facts"),
    "country pairs": ("countries", "facts"),
    "years": ("year", "busiest country", "facts", "busiest pair", "facts"),
}

_ENTITIES = internal_query("stats-entities")
_RELATIONS = internal_query("stats-relations")
_ARTICLES = internal_query("stats-articles")


def _local(term: object) -> str:
    return str(term).rsplit("#", 1)[-1]


def stats(store: Store, top: int = 5) -> dict:
    """Counts of the store's content, and its ``top`` entries of each kind (none with 0).

    ``met`` is counted once per pair and article although kg writes it both ways.
    """
    relations = {_local(r[0]): int(r[1]) for r in store.query(_RELATIONS).rows}
    if "met" in relations:
        relations["met"] //= 2
    return {
        "store": store.location,
        "articles": int(store.query(_ARTICLES).rows[0][0]),
        "triples": len(store),
        "entities": {_local(r[0]): int(r[1]) for r in store.query(_ENTITIES).rows},
        "relations": relations,
        "top": top_entries(store, top) if top > 0 else {},
    }
