"""``KnowledgeGraph``: a store of article graphs with the pipeline that fills it.

>>> from kg.resources import samples
>>> graph = KnowledgeGraph(":memory:")
>>> report = graph.ingest([samples()])
>>> report.ingested > 0 and not report.failed
True
>>> rows = graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?a <https://w3id.org/kgdt/ontology#met> ?b }")
>>> int(rows.rows[0][0]) > 0
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import networkx as nx
from rdflib.term import Node

from kg.errors import ArticleError, StoreError
from kg.executors import Executor, InProcess
from kg.iris import article_iri
from kg.pipeline import Pipeline
from kg.queries import named_query
from kg.rdf import content_hash
from kg.report import IngestReport, read
from kg.store import QueryResult, Store, open_store
from kg.types import Article
from kg.views import who_met_whom

__all__ = ["KnowledgeGraph"]


class KnowledgeGraph:
    """Articles in, SPARQL and networkx views out.

    ``store`` is a folder (the embedded Oxigraph store), ``":memory:"``, a SPARQL endpoint URL,
    or an open ``Store``; by default ``KG_STORE`` or ``./kg-store``.
    """

    def __init__(
        self,
        store: str | Path | Store | None = None,
        pipeline: Pipeline | None = None,
        read_only: bool = False,
    ):
        self.store: Store = (
            open_store(store, read_only=read_only)
            if store is None or isinstance(store, str | Path)
            else store
        )
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        """The extraction pipeline, created on first use."""
        if self._pipeline is None:
            self._pipeline = Pipeline()
        return self._pipeline

    def ingest(
        self,
        paths: Iterable[str | Path],
        force: bool = False,
        progress: Callable[[str], None] | None = None,
        executor: Executor | None = None,
        follow_links: bool = False,
    ) -> IngestReport:
        """Read, extract and store the articles in files and folders (``-`` for stdin).

        A path that does not exist raises ``KGError`` naming it, before anything is ingested.
        Unreadable files are reported and the rest is still ingested; articles stored with the
        same content are skipped unless ``force``. Each article is stored whole or not at all,
        so an ingest that is stopped (a crash, a full disk) leaves whole articles only, and
        running it again ingests the rest. ``executor`` runs the extraction elsewhere (worker
        processes, a Dask cluster: see ``kg.executors``); the store is written from here.
        In folders, only regular files are read, and links only to files inside the folder
        unless ``follow_links`` (``kg.articles.read_articles``).
        """
        paths = list(paths)
        for path in paths:
            if str(path) != "-" and not Path(path).exists():
                where = "" if Path(path).is_absolute() else f" (looked for in {Path.cwd()})"
                raise ArticleError(f"{path}: no such file or folder{where}")
        articles, report = read(paths, follow_links)
        return self.ingest_articles(articles, force, progress, report, executor)

    def ingest_articles(
        self,
        articles: Iterable[Article],
        force: bool = False,
        progress: Callable[[str], None] | None = None,
        report: IngestReport | None = None,
        executor: Executor | None = None,
    ) -> IngestReport:
        """Extract and store ``Article`` objects (see ``ingest``)."""
        report = report or IngestReport()
        todo = self._to_do(articles, force, report, progress)
        waiting: dict[str, str] = {}  # graph IRI -> article id, extracted, not yet stored

        def graphs() -> Iterator[tuple[str, str]]:
            for x in (executor or InProcess()).map(self.pipeline, todo):
                if x.error is None:
                    waiting[x.iri] = x.article
                    yield x.iri, x.ntriples
                    continue
                report.failed.append(x.error)
                if progress:
                    progress(x.article)

        try:
            for iri in self.store.write_graphs(graphs()):
                report.ingested += 1
                if progress:
                    progress(waiting.pop(iri))
        except StoreError as error:
            report.stopped = str(error)
        return report

    def _to_do(
        self,
        articles: Iterable[Article],
        force: bool,
        report: IngestReport,
        progress: Callable[[str], None] | None,
    ) -> Iterator[Article]:
        stored = self.store.article_hashes()
        seen: dict[str, tuple[str, str | None]] = {}
        for article in articles:
            digest = content_hash(article, self.pipeline.model_digest)
            if article.id in seen:
                first_digest, first_source = seen[article.id]
                if first_digest != digest:
                    report.failed.append(
                        str(
                            ArticleError(
                                f"{article.source}: article id {article.id!r} is already used by "
                                f"{first_source} with different text; give one of them another id"
                            )
                        )
                    )
                else:
                    report.skipped.append((article.id, "duplicate of an article in this run"))
                if progress:
                    progress(article.id)
                continue
            seen[article.id] = (digest, article.source)
            if not force and stored.get(str(article_iri(article.id))) == digest:
                report.skipped.append((article.id, "already stored, unchanged"))
                if progress:
                    progress(article.id)
                continue
            yield article

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run SPARQL over all articles; ``bindings`` are bound as RDF terms."""
        return self.store.query(sparql, bindings)

    def named(self, name: str, bindings: Mapping[str, Node] | None = None) -> QueryResult:
        """Run one of the named queries (``kg.queries``)."""
        return self.query(named_query(name), bindings)

    def who_met_whom(self) -> nx.Graph:
        """The people who met, as a networkx graph (see ``kg.views.who_met_whom``)."""
        return who_met_whom(self.store)

    def export(self, out: BinaryIO, fmt: str = "trig") -> None:
        """Write every article graph to ``out`` (turtle, trig, nquads, jsonld, ...)."""
        self.store.export(out, fmt)

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
