"""``Pipeline``: article text to ``Extraction`` to RDF, batched over spaCy's ``nlp.pipe``.

``kg.rdf`` (and rdflib) load when a graph is first asked for: extraction alone (``kg extract``
to JSON) does without them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language

from kg.articles import parse_text
from kg.background import in_background
from kg.extract import extract
from kg.learn import RelationsModel
from kg.learn import relations_model as relations_model_of
from kg.link import Linker, make_linker
from kg.nlp import load_nlp
from kg.types import Article, Extraction

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["Pipeline"]


class Pipeline:
    """Reads articles into extractions and RDF graphs.

    >>> pipeline = Pipeline()
    >>> x = pipeline.extract("Askar Mamin met with Vasily Matyushevsky in Minsk on Friday.")
    >>> sorted(e.label for e in x.entities if e.type == "Person")
    ['Askar Mamin', 'Vasily Matyushevsky']
    >>> [r.predicate for r in x.relations if r.predicate == "met"]
    ['met']
    >>> graph = pipeline.graph("Askar Mamin met with Vasily Matyushevsky in Minsk.")
    >>> len(graph) > 10
    True

    ``model`` names the spaCy model (default: see ``kg.nlp.default_model``); ``linker`` links
    entities to Wikidata (default: the offline linker over the bundled knowledge base, or the
    online one when ``KG_ONLINE`` is set); ``relations_model`` is the trained relations model
    (a ``RelationsModel``, its folder, or ``"none"`` for the rules alone; default:
    ``$KG_RELATIONS_MODEL``, else the one kg ships, see ``kg.learn``).
    """

    def __init__(
        self,
        model: str | None = None,
        linker: Linker | None = None,
        batch_size: int = 64,
        relations_model: str | Path | RelationsModel | None = None,
    ):
        self.model = model
        self.batch_size = batch_size
        self._linker = linker
        self._nlp: Language | None = None
        self.relations_model = relations_model_of(relations_model)

    def __getstate__(self) -> dict:
        """Pickled without the spaCy pipeline, which loads again where it is unpickled (in a
        worker process, see ``kg.executors``)."""
        return {**self.__dict__, "_nlp": None}

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            self._nlp = load_nlp(self.model)
        return self._nlp

    @property
    def model_digest(self) -> str:
        """The relations model's digest (empty for the rules alone): it enters each
        article's content hash."""
        model = self.relations_model
        return model.digest if model is not None else ""

    @property
    def linker(self) -> Linker:
        """The Wikidata linker, created on first use."""
        if self._linker is None:
            self._linker = make_linker()
        return self._linker

    def extract(self, article: Article | str) -> Extraction:
        """The extraction of one article (or of a text, read as an article with id ``text``)."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article | str]) -> Iterator[Extraction]:
        """Extractions of many articles, parsed in batches with ``nlp.pipe``, the next batch
        in the background while the last is extracted from."""
        items = (_as_article(a) for a in articles)
        pairs = ((a.text, a) for a in items)
        docs = self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size)
        for doc, article in in_background(docs, self.batch_size):
            yield extract(doc, article, self.nlp, self.linker, self.relations_model)

    def graph(self, article: Article | str) -> Graph:
        """The RDF named graph of one article."""
        from kg.rdf import to_graph

        return to_graph(self.extract(article))


def _as_article(item: Article | str) -> Article:
    return item if isinstance(item, Article) else parse_text("text", item)
