"""Counts that describe a store: articles, triples, entities by type, relations by predicate,
and its top entries (``kg.analytics.top_entries``)."""

from __future__ import annotations

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

_ENTITIES = """
PREFIX kgo: <https://w3id.org/kgdt/ontology#>
SELECT ?type (COUNT(DISTINCT ?entity) AS ?n) WHERE {
  VALUES ?type { kgo:Person kgo:Country kgo:Place kgo:Organization kgo:Delegation kgo:Event
                 kgo:Agreement kgo:Position kgo:TradeFlow }
  ?entity a ?type .
} GROUP BY ?type ORDER BY DESC(?n)
"""
_RELATIONS = """
PREFIX kgo: <https://w3id.org/kgdt/ontology#>
SELECT ?predicate (COUNT(*) AS ?n) WHERE {
  VALUES ?predicate { kgo:headedBy kgo:heldIn kgo:signed kgo:visited kgo:met kgo:participant
                      kgo:represents }
  GRAPH ?g { ?s ?predicate ?o }
} GROUP BY ?predicate ORDER BY DESC(?n)
"""
_ARTICLES = """
PREFIX kgo: <https://w3id.org/kgdt/ontology#>
SELECT (COUNT(DISTINCT ?article) AS ?n) WHERE { ?article a kgo:NewsArticle }
"""


def _local(term: object) -> str:
    return str(term).rsplit("#", 1)[-1]


def stats(store: Store, top: int = 5) -> dict:
    """Counts of the store's content, and its ``top`` entries of each kind (none with 0).

    ``met`` is counted once per pair and article although kg writes it both ways.
    """
    from kg.analytics import top_entries

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
