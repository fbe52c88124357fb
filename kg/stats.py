"""Counts that describe a store: articles, triples and quads, entities by type, relations by predicate,
and its top entries (``kg.analytics.top_entries``)."""

from __future__ import annotations

from kg.analytics import top_entries
from kg.queries import internal_query
from kg.store import Store

__all__ = ["stats"]

_ENTITIES = internal_query("stats-entities")
_RELATIONS = internal_query("stats-relations")
_ARTICLES = internal_query("stats-articles")
_TRIPLES = internal_query("stats-triples")


def _local(term: object) -> str:
    return str(term).rsplit("#", 1)[-1]


def _count(term: object) -> int:
    return int(str(term))


def stats(store: Store, top: int = 5) -> dict:
    """Counts of the store's content, and its ``top`` entries of each kind (none with 0).

    Entities and relations are counted most first; ``met`` once per pair and article
    although kg writes it both ways. ``triples`` are those of the default graph, each fact
    once; ``quads`` those of all graphs (each article's, the default graph, the summary of
    meeting pairs, ...).
    """
    relations = {_local(r[0]): _count(r[1]) for r in store.query(_RELATIONS).rows}
    if "met" in relations:
        relations["met"] //= 2
    relations = dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0])))
    return {
        "store": store.location,
        "articles": _count(store.query(_ARTICLES).rows[0][0]),
        "triples": _count(store.query(_TRIPLES).rows[0][0]),
        "quads": len(store),
        "entities": {_local(r[0]): _count(r[1]) for r in store.query(_ENTITIES).rows},
        "relations": relations,
        "top": top_entries(store, top) if top > 0 else {},
    }
