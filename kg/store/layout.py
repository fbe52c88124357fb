"""The embedded store's layout: a named graph per article, and the default graph their merge.

SPARQL's default graph is the RDF merge of the graphs it is made of: each triple once.
Oxigraph's union of all graphs (``use_default_graph_as_union``) returns a triple once per
graph that states it, so a label or an edge that a thousand articles state would come back a
thousand times, and every count with it. So kg keeps the merge itself, in the store's own
default graph: writing an article graph (``replace``, ``article_quads``) adds its triples
there, and replacing or removing one (``remove``) first takes out those that no other article
graph states. The default graph holds what the articles state plus what SPARQL updates insert
into it; the summary of meeting pairs, the Wikidata enrichment and other named graphs are read
with ``GRAPH``, ``FROM`` or ``FROM NAMED``.

A SPARQL update reads and writes that same default graph, and ``kg.store.updates`` keeps the
article graphs and the default graph in line around each of its operations (a ``DELETE``
without ``GRAPH`` deletes a fact whichever articles state it, what an update writes into an
article graph joins the default graph).

A store written before this layout (its folder has no ``LAYOUT_FILE``) has an empty default
graph; ``upgrade`` merges its article graphs into it once (Oxigraph's bulk loader: about a
million triples in 10 seconds) and records the layout.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.update(replace("https://w3id.org/kgdt/id/article/a", "<http://e/s> <http://e/p> 1 .\\n"))
>>> store.update(replace("https://w3id.org/kgdt/id/article/b", "<http://e/s> <http://e/p> 1 .\\n"))
>>> len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
1
>>> store.update(remove("https://w3id.org/kgdt/id/article/a"))
>>> len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
1
>>> store.update(remove("https://w3id.org/kgdt/id/article/b"))
>>> len(store)
0
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.ontology import KGR
from kg.queries import internal_query

__all__ = [
    "ARTICLE_GRAPHS",
    "LAYOUT",
    "LAYOUT_FILE",
    "article_quads",
    "current",
    "is_article",
    "remove",
    "replace",
    "upgrade",
]

ARTICLE_GRAPHS = str(KGR["article/"])  # the graphs merged into the default graph
LAYOUT = 2  # 1: queries ran over the union of all graphs, the default graph was empty
LAYOUT_FILE = "kg-store.json"


def is_article(iri: str) -> bool:
    """Whether the named graph ``iri`` is an article's, merged into the default graph."""
    return iri.startswith(ARTICLE_GRAPHS)


def replace(iri: str, triples: str) -> str:
    """The SPARQL update that replaces the named graph ``iri`` with ``triples`` (N-Triples),
    whole or not at all; for an article graph, keeping the default graph their merge."""
    graph = str(ox.NamedNode(iri))
    if not is_article(iri):
        return internal_query("replace-graph", graph=graph, triples=triples)
    return " ;\n".join(
        (
            internal_query("unmerge-article", graph=graph),
            internal_query("drop-graph", graph=graph),
            internal_query("insert-article", graph=graph, triples=triples),
        )
    )


def remove(iri: str) -> str:
    """The SPARQL update that removes the named graph ``iri`` (and, for an article graph, the
    triples only it stated from the default graph)."""
    graph = str(ox.NamedNode(iri))
    drop = internal_query("drop-graph", graph=graph)
    if not is_article(iri):
        return drop
    return f"{internal_query('unmerge-article', graph=graph)} ;\n{drop}"


def article_quads(iri: str, triples: str) -> Iterator[ox.Quad]:
    """The quads that write the new graph ``iri`` of ``triples`` (N-Triples) in bulk: in its
    graph and, for an article graph, in the default graph."""
    name = ox.NamedNode(iri)
    merged = is_article(iri)
    for triple in ox.parse(triples, ox.RdfFormat.N_TRIPLES):
        yield ox.Quad(triple.subject, triple.predicate, triple.object, name)
        if merged:
            yield ox.Quad(triple.subject, triple.predicate, triple.object, ox.DefaultGraph())


def current(folder: Path) -> bool:
    """Whether the store in ``folder`` has this layout (a new store has)."""
    try:
        recorded = json.loads((folder / LAYOUT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(recorded, dict) and recorded.get("layout") == LAYOUT


def upgrade(store: ox.Store, folder: Path) -> bool:
    """Bring the store in ``folder`` to this layout, merging its article graphs into the
    default graph if an older kg wrote it; True when it changed the store's content. The
    layout is recorded once the merge is done, so an interrupted upgrade is done again."""
    if current(folder):
        return False
    articles = [g for g in store.named_graphs() if is_article(g.value)]
    if articles:
        store.bulk_extend(
            ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
            for graph in articles
            for q in store.quads_for_pattern(None, None, None, graph)
        )
        store.flush()
    temporary = folder / f".{LAYOUT_FILE}.tmp"
    temporary.write_text(json.dumps({"layout": LAYOUT}), encoding="utf-8")
    os.replace(temporary, folder / LAYOUT_FILE)
    return bool(articles)
