"""``KnowledgeGraph``: a store of article graphs with the pipeline that fills it.

>>> graph = KnowledgeGraph(":memory:")
>>> report = graph.ingest(["data/samples"])
>>> report.ingested > 0 and not report.failed
True
>>> rows = graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?a <https://w3id.org/kgdt/ontology#met> ?b }")
>>> int(rows.rows[0][0]) > 0
True
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import networkx as nx
from rdflib import Graph
from rdflib.term import Node

from kg.articles import read_articles
from kg.errors import ArticleError, ArticleSkipped, ArticleWarning, KGError, StoreError
from kg.iris import article_iri
from kg.pipeline import Pipeline
from kg.queries import named_query
from kg.rdf import content_hash, to_graph
from kg.store import QueryResult, Store, open_store
from kg.types import Article

__all__ = ["IngestReport", "KnowledgeGraph"]


@dataclass
class IngestReport:
    """What an ingest did: counts, and the reason for each article skipped or failed.

    ``skipped`` holds (article id, reason); ``failed`` and ``warnings`` hold one message each,
    naming the file; ``stopped`` says why the ingest ended early (a full disk, ...), when it did.
    """

    ingested: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stopped: str | None = None

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed and self.stopped is None

    def add(self, problem: ArticleError | ArticleWarning) -> None:
        """Record a problem met while reading: a skipped article, a failed one or a warning."""
        if isinstance(problem, ArticleSkipped):
            self.skipped.append((problem.article_id, problem.reason))
        elif isinstance(problem, ArticleError):
            self.failed.append(str(problem))
        else:
            self.warnings.append(str(problem))


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
    ) -> IngestReport:
        """Read, extract and store the articles in files and folders (``-`` for stdin).

        Unreadable inputs are reported and the rest is still ingested; articles stored with the
        same content are skipped unless ``force``. Each article is stored in one transaction, so
        an ingest that is stopped (a crash, a full disk) leaves whole articles only, and running
        it again ingests the rest.
        """
        report = IngestReport()
        articles = read_articles(paths, on_error=report.add, on_warning=report.add)
        return self.ingest_articles(articles, force=force, progress=progress, report=report)

    def ingest_articles(
        self,
        articles: Iterable[Article],
        force: bool = False,
        progress: Callable[[str], None] | None = None,
        report: IngestReport | None = None,
    ) -> IngestReport:
        """Extract and store ``Article`` objects (see ``ingest``)."""
        report = report or IngestReport()
        todo = self._to_do(articles, force, report, progress)
        try:
            for article, graph in self._graphs(todo, report):
                if graph is not None:
                    self.store.replace_graph(graph)
                    report.ingested += 1
                if progress:
                    progress(article.id)
        except StoreError as error:
            report.stopped = str(error)
        return report

    def _graphs(
        self, articles: Iterable[Article], report: IngestReport
    ) -> Iterator[tuple[Article, Graph | None]]:
        """Each article with its graph, or with ``None`` when extracting it raised (a bug in
        kg): that article is reported as failed and the rest go on."""
        items = iter(articles)
        batches = iter(lambda: list(itertools.islice(items, self.pipeline.batch_size)), [])
        for batch in batches:
            done = 0
            try:
                for extraction in self.pipeline.extract_many(batch):
                    graph = to_graph(extraction)
                    done += 1
                    yield extraction.article, graph
            except KGError:
                raise
            except Exception:  # find the article at fault: the rest of the batch one by one
                for article in batch[done:]:
                    try:
                        graph = to_graph(self.pipeline.extract(article))
                    except KGError:
                        raise
                    except Exception as error:
                        report.failed.append(
                            f"{article.source or article.id}: extraction failed "
                            f"({type(error).__name__}: {error}); this is a bug in kg, please "
                            f"report it with this article"
                        )
                        graph = None
                    yield article, graph

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
            digest = content_hash(article)
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
        from kg.views import who_met_whom

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
