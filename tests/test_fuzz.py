"""Property-based tests: readers never crash, minted IRIs are valid, written RDF parses back.

Hypothesis runs derandomized with a small number of examples, so the suite stays fast and
the same in CI as on a laptop.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.articles import parse_text, read_path
from kg.errors import ArticleError, ArticleWarning
from kg.iris import article_iri, entity_iri, local_iri, position_iri
from kg.rdf import to_graph
from kg.store import OxigraphStore
from kg.store.pairs import PAIRS_GRAPH
from kg.types import Article, Entity, Extraction, Position, Relation, TradeFlow

FUZZ = settings(
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Names as they come from articles and feeds: any text, with quotes, spaces, <, >, unicode.
names = st.text(min_size=1, max_size=40) | st.sampled_from(
    ['"quoted"', "a > b", "<script>", "Nguyễn Xuân Phúc", "Путин", "習近平", " ", "%20", "a\\b"]
)
documents = st.binary(max_size=2000) | st.text(max_size=2000).map(str.encode)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
@FUZZ
@given(data=documents)
def test_readers_never_crash_on_arbitrary_bytes(tmp_path, suffix, data):
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    for item in read_path(path):
        assert isinstance(item, Article | ArticleError | ArticleWarning)
        if isinstance(item, Article):
            assert item.text and item.id


@FUZZ
@given(data=documents)
def test_standard_input_never_crashes(monkeypatch, data):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    for item in read_path("-"):
        assert isinstance(item, Article | ArticleError | ArticleWarning)


# JSON may hold what Unicode text may not: lone surrogates ("\ud800").
any_text = st.text(st.characters(exclude_categories=()), max_size=50) | st.sampled_from(
    ["\ud800", "Minsk \udfff talks", "\ud83d\ude00 ok"]
)
json_values = st.none() | st.booleans() | st.integers() | any_text | st.lists(st.integers())
json_objects = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=10) | json_values, "text": any_text},
    optional={key: json_values for key in ("url", "date", "title")},
) | st.dictionaries(st.sampled_from(["id", "text", "url", "date", "title"]), json_values)


@FUZZ
@given(lines=st.lists(json_objects | json_values, max_size=5))
def test_json_lines_with_any_values_never_crash(tmp_path, lines):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="ascii")
    for item in read_path(path):
        assert isinstance(item, Article | ArticleError | ArticleWarning)
        if isinstance(item, Article):
            for value in (item.id, item.text, item.url, item.title):
                (value or "").encode("utf-8")


def _valid_iri(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return not any(c in iri for c in ' <>"{}|\\^`') and iri.isascii()


@FUZZ
@given(name=names, other=names, number=st.integers(0, 10_000))
def test_every_minted_iri_is_valid(name, other, number):
    for iri in (
        article_iri(name),
        entity_iri("Person", name),
        position_iri(name, other, None),
        position_iri(name, other, name),
        local_iri(name, "event", number),
        local_iri(name, "statement", other),
    ):
        assert _valid_iri(str(iri)), iri


@st.composite
def extractions(draw) -> Extraction:
    """An extraction with arbitrary strings wherever text from an article can end up."""
    text = st.text(max_size=60)
    people = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    entities = [
        Entity(
            id=f"e{i}",
            label=label,
            type="Person",
            cls="Person",
            aliases=tuple(draw(st.lists(names, max_size=2))),
            positions=(Position(draw(names), "e0"),),
        )
        for i, label in enumerate(people)
    ]
    entities.append(
        Entity(id="ev", label=draw(names), type="Event", cls="Meeting", date=date(2024, 1, 2))
    )
    relations = [
        Relation(entity.id, "participant", "ev", draw(text), 0.5) for entity in entities[:-1]
    ]
    relations.append(Relation("e0", "met", entities[-2].id, draw(text), 0.9))
    article = Article(
        id=draw(names),
        text=draw(text) or "x",
        date=date(2024, 1, 2),
        dateline=draw(st.none() | names),
        publisher=draw(st.none() | names),
        url=draw(st.none() | text),
        title=draw(st.none() | text),
        source=draw(st.none() | text),
    )
    trade = (TradeFlow(("e0", entities[-2].id), 1.5, draw(names), draw(st.none() | text), "x"),)
    return Extraction(article, tuple(entities), tuple(relations), trade)


@FUZZ
@given(extraction=extractions())
def test_written_rdf_parses_back(extraction):
    graph = to_graph(extraction)
    for fmt in ("nt", "turtle"):
        again = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        assert isomorphic(again, graph), fmt
    # Stored through kg's SPARQL update, and loaded by Oxigraph's own parser: the same graph
    # (compared after Oxigraph has written both, as it canonicalizes literals like 1.50).
    store = OxigraphStore()
    store.replace_graph(graph)
    loaded = ox.Store()
    loaded.load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    assert isomorphic(_nquads(store._store), _nquads(loaded))
    assert len(_nquads(store._store)) == len(graph)


def _nquads(store: ox.Store) -> Graph:
    """The triples of the store, but for kg's summary of meeting pairs."""
    pairs = ox.NamedNode(PAIRS_GRAPH)
    return Graph().parse(
        data=ox.serialize(
            (q.triple for q in store if q.graph_name != pairs), format=ox.RdfFormat.N_TRIPLES
        ),
        format="nt",
    )


@FUZZ
@given(raw=st.text(max_size=3000))
def test_parse_text_never_crashes(raw):
    article = parse_text("a", raw)
    assert article.id == "a"
