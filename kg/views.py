"""networkx views of the store, built from SPARQL.

- ``who_met_whom``: people, an edge per pair that met, with the meetings behind it;
- ``full_graph``: every entity and event with the relations between them.

Node attributes: ``label``, ``type`` (Person, Country, Event, ...), ``wikidata`` (QID or None).
Edge attributes: ``predicate`` or, for ``who_met_whom``, ``meetings`` (a list of dicts with
``article``, ``date`` and ``evidence``) and ``weight`` (their number).
"""

from __future__ import annotations

import networkx as nx

from kg.store import Store

__all__ = ["full_graph", "who_met_whom"]

_PREFIXES = """
PREFIX kgo: <https://w3id.org/kgdt/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dct: <http://purl.org/dc/terms/>
"""
_MET = (
    _PREFIXES
    + """
SELECT ?a ?b ?article ?day ?evidence WHERE {
  GRAPH ?article { ?a kgo:met ?b }
  FILTER (STR(?a) < STR(?b))
  OPTIONAL { ?article dct:date ?day }
  OPTIONAL { GRAPH ?article { ?s rdf:predicate kgo:met ; kgo:evidence ?evidence ;
                                 rdf:subject ?x ; rdf:object ?y .
                              FILTER ((?x = ?a && ?y = ?b) || (?x = ?b && ?y = ?a)) } }
}
"""
)
_NODES = (
    _PREFIXES
    + """
SELECT ?node (SAMPLE(?name) AS ?label) (SAMPLE(?kind) AS ?type) (SAMPLE(?same) AS ?wikidata)
WHERE {
  VALUES ?kind { kgo:Person kgo:Country kgo:Place kgo:Organization kgo:Delegation kgo:Event
                 kgo:Agreement }
  ?node a ?kind ; rdfs:label ?name .
  OPTIONAL { ?node owl:sameAs ?same }
}
GROUP BY ?node
"""
)
_EDGES = (
    _PREFIXES
    + """
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { kgo:met kgo:visited kgo:signed kgo:headedBy kgo:heldIn kgo:participant
              kgo:represents }
  ?s ?p ?o .
}
"""
)


def _local(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _qid(same: object) -> str | None:
    return _local(same) if same is not None else None


def _nodes(store: Store) -> dict[str, dict]:
    return {
        str(row["node"]): {
            "label": str(row["label"]),
            "type": _local(row["type"]),
            "wikidata": _qid(row["wikidata"]),
        }
        for row in store.query(_NODES).dicts()
    }


def who_met_whom(store: Store) -> nx.Graph:
    """People and who met whom, with the meetings (article, date, evidence) on each edge."""
    nodes = _nodes(store)
    graph = nx.Graph()
    for row in store.query(_MET).dicts():
        a, b = str(row["a"]), str(row["b"])
        for person in (a, b):
            if person not in graph:
                graph.add_node(
                    person,
                    **nodes.get(
                        person, {"label": _local(person), "type": "Person", "wikidata": None}
                    ),
                )
        meeting = {
            "article": str(row["article"]),
            "date": str(row["day"]) if row["day"] is not None else None,
            "evidence": str(row["evidence"]) if row["evidence"] is not None else None,
        }
        if graph.has_edge(a, b):
            meetings = graph.edges[a, b]["meetings"]
            if meeting not in meetings:
                meetings.append(meeting)
        else:
            graph.add_edge(a, b, meetings=[meeting])
    for _, _, data in graph.edges(data=True):
        data["weight"] = len(data["meetings"])
    return graph


def full_graph(store: Store) -> nx.MultiDiGraph:
    """Every entity and event, with an edge per relation (attribute ``predicate``)."""
    nodes = _nodes(store)
    graph = nx.MultiDiGraph()
    for node, data in nodes.items():
        graph.add_node(node, **data)
    for row in store.query(_EDGES).dicts():
        s, o = str(row["s"]), str(row["o"])
        if s in nodes and o in nodes:
            graph.add_edge(s, o, predicate=_local(row["p"]))
    return graph
