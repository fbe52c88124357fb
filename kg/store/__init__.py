"""Stores of article graphs behind one small protocol.

``open_store(location)`` gives a ``Store``: the embedded Oxigraph store on disk (the default,
``./kg-store`` or ``KG_STORE``), ``:memory:`` for tests and scripts, or the URL of a SPARQL 1.1
endpoint. Every store keeps one named graph per article, replaces an article's graph
atomically, and answers SPARQL over the union of all graphs.

- ``base``: the ``Store`` protocol (and ``Queryable``, its reading part) and what its backends
  share;
- ``registry``: ``open_store``, the backends by scheme of location, ``register``;
- ``oxigraph``: the embedded store; ``snapshots``: its one writer and many readers;
- ``remote``: a store behind a SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, ...);
- ``pairs``: the summary of who met whom that every store keeps up to date;
- ``results``: ``QueryResult``, a query's answer, and its serializations;
- ``querypool``: queries in worker processes that can be stopped (``kg serve``).

>>> store = open_store(":memory:")
>>> store.query("ASK { ?s ?p ?o }").boolean
False
"""

from kg.store.base import (
    EXPORT_FORMATS,
    MEMORY,
    Queryable,
    Store,
    batches,
    ntriples,
    replace_graph_update,
    values_lists,
    with_values,
)
from kg.store.oxigraph import OxigraphStore
from kg.store.registry import DEFAULT_STORE, open_store, register, store_location
from kg.store.remote import RemoteStore
from kg.store.results import QueryResult

__all__ = [
    "DEFAULT_STORE",
    "EXPORT_FORMATS",
    "MEMORY",
    "OxigraphStore",
    "QueryResult",
    "Queryable",
    "RemoteStore",
    "Store",
    "batches",
    "ntriples",
    "open_store",
    "register",
    "replace_graph_update",
    "store_location",
    "values_lists",
    "with_values",
]
