"""Shared fixtures: one spaCy pipeline and one store of the sample articles per test session."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from kg.knowledge import KnowledgeGraph
from kg.pipeline import Pipeline
from kg.resources import data_path
from kg.types import Extraction

ROOT = Path(__file__).resolve().parent.parent
# The shared evaluation data sits beside the repository on development machines; KG_SHARED
# points elsewhere (a git worktree, another checkout).
SHARED = Path(os.environ.get("KG_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "articles"
GOLD = SHARED / "eval" / "dev"
SAMPLES = data_path("samples")


def pytest_configure(config: pytest.Config) -> None:
    """kg's cache (the compiled knowledge base, Wikidata's answers) in a folder of this test
    session, not the user's, unless ``KG_CACHE`` names one."""
    if not os.environ.get("KG_CACHE"):
        folder = tempfile.mkdtemp(prefix="kg-test-cache-")
        os.environ["KG_CACHE"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def facts(
    x: Extraction, status: str = "asserted", aliases: bool = False
) -> set[tuple[str, str, str]]:
    """The (subject, predicate, object) names of an extraction's relations of one status,
    ``met`` both ways; with ``aliases``, under every name of each entity."""
    names = {e.id: {e.label, *(e.aliases if aliases else ())} for e in x.entities}
    found = set()
    for r in x.relations:
        if r.status != status:
            continue
        for s in names[r.subject]:
            for o in names[r.object]:
                found.add((s, r.predicate, o))
                if r.predicate == "met":
                    found.add((o, r.predicate, s))
    return found


def write_articles(folder: Path, count: int) -> Path:
    """``count`` small English articles, each about a different pair of people."""
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:03d}.txt").write_text(
            f" date 2024-03-{n % 28 + 1:02d} ASTANA. KAZINFORM Minister Aibek Nurlanov{n} met "
            f"Ambassador Pierre Dupont{n} of France in Astana on Friday to discuss trade and "
            f"transit. The sides signed a memorandum on cooperation in energy number {n}.",
            "utf-8",
        )
    return folder


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The real pipeline with the default spaCy model."""
    return Pipeline()


@pytest.fixture(scope="session")
def sample_graph(pipeline: Pipeline) -> KnowledgeGraph:
    """An in-memory knowledge graph holding the bundled sample articles."""
    graph = KnowledgeGraph(":memory:", pipeline)
    report = graph.ingest([SAMPLES])
    assert report.ok, report.failed
    return graph


@pytest.fixture
def corpus() -> Path:
    """The shared news corpus, or a skip where this checkout has none."""
    if not CORPUS.is_dir():
        pytest.skip(
            f"the shared corpus is not here ({CORPUS}); it sits beside the repository "
            "only on development machines"
        )
    return CORPUS


def world_extractions():
    """A small made-up world whose views are known: Ann (Alphaland) met Bob (Betaland) in
    2023 at named talks in Alpha City, where the two countries signed a deal and a trade
    figure was given; Bob met Cy (Gammaland) and visited Gammaland in 2024; Cy met Dee
    (Deltaland); Eve and Fay, of no country, met once."""
    from datetime import date

    from kg.events import event_records
    from kg.types import Article, Entity, Extraction, Relation, TradeFlow

    def person(key, name, qid=None):
        return Entity(key, name, "Person", "Person", aliases=(name.split()[0],), wikidata=qid)

    def country(key, name):
        return Entity(key, name, "Country", "Country")

    def said(s, p, o, text):
        return Relation(s, p, o, text, 0.9)

    ann, bob, cy, dee = (
        person(*args)
        for args in (
            ("ann", "Ann Alpha", "Q42"),
            ("bob", "Bob Beta"),
            ("cy", "Cy Gamma"),
            ("dee", "Dee Delta"),
        )
    )
    alpha, beta, gamma, delta = (
        country(k, n)
        for k, n in (
            ("al", "Alphaland"),
            ("be", "Betaland"),
            ("ga", "Gammaland"),
            ("de", "Deltaland"),
        )
    )
    talks = Entity(
        "talks", "talks of Ann Alpha and Bob Beta", "Event", "Talks", date=date(2023, 5, 9)
    )
    city = Entity("city", "Alpha City", "Place", "City")
    deal = Entity("deal", "trade deal", "Agreement", "Agreement")
    first = "Ann Alpha of Alphaland held talks with Bob Beta of Betaland in Alpha City."

    def meeting(key, a, b, text):
        """A meeting told only by "A met B", as the extraction makes it an event."""
        names = {p.id: p.label for p in (ann, bob, cy, dee, eve, fay)}
        event = Entity(key, f"meeting of {names[a]} and {names[b]}", "Event", "Meeting")
        facts = [said(a, "met", b, text), said(key, "participant", a, text)]
        return event, [*facts, said(key, "participant", b, text)]

    def extraction(article, entities, relations, trade=()):
        return Extraction(
            article, entities, relations, trade, events=event_records(entities, relations)
        )

    eve, fay = person("eve", "Eve Epsilon"), person("fay", "Fay Phi")
    bob_cy, bob_cy_facts = meeting("m2", "bob", "cy", "Bob Beta met Cy Gamma.")
    cy_dee, cy_dee_facts = meeting("m3", "cy", "dee", "Cy Gamma met Dee Delta.")
    eve_fay, eve_fay_facts = meeting("m4", "eve", "fay", "Eve Epsilon met Fay Phi.")
    visit = Entity("v2", "visit of Bob Beta to Gammaland", "Event", "Visit")
    visited = "Bob Beta visited Gammaland."
    return [
        extraction(
            Article(
                "w1", first, date=date(2023, 5, 10), url="https://example.org/w1", title="Talks"
            ),
            (ann, bob, alpha, beta, talks, city, deal),
            (
                said("ann", "met", "bob", first),
                said("talks", "participant", "ann", first),
                said("talks", "participant", "bob", first),
                said("talks", "heldIn", "city", first),
                said("ann", "represents", "al", first),
                said("bob", "represents", "be", first),
                said("al", "signed", "deal", "The two countries signed a trade deal."),
                said("be", "signed", "deal", "The two countries signed a trade deal."),
            ),
            (TradeFlow(("al", "be"), 2.5e9, "USD", "2022", "Trade reached $2.5 billion in 2022."),),
        ),
        extraction(
            Article("w2", "...", date=date(2024, 2, 1)),
            (bob, cy, beta, gamma, bob_cy, visit),
            (
                *bob_cy_facts,
                said("bob", "visited", "ga", visited),
                said("v2", "participant", "bob", visited),
                said("v2", "heldIn", "ga", visited),
                said("bob", "represents", "be", "Bob Beta of Betaland."),
                said("cy", "represents", "ga", "Cy Gamma of Gammaland."),
            ),
        ),
        extraction(
            Article("w3", "...", date=date(2024, 7, 1)),
            (cy, dee, gamma, delta, cy_dee),
            (*cy_dee_facts, said("dee", "represents", "de", "Dee Delta of Deltaland.")),
        ),
        extraction(Article("w4", "...", date=date(2024, 7, 2)), (eve, fay, eve_fay), eve_fay_facts),
    ]


@pytest.fixture(scope="session")
def world():
    """A memory store holding ``world_extractions``."""
    from kg.rdf import to_graph
    from kg.store import open_store

    store = open_store(":memory:")
    for extraction in world_extractions():
        store.replace_graph(to_graph(extraction))
    return store


# The exploration tests (views, pages, server, browser) share one store folder holding the
# samples and hostile articles, and one `kg serve` process over it.
HOSTILE = ROOT / "tests" / "data" / "hostile.jsonl"
SERVE_LOGS: dict[str, Path] = {}  # each kg_server's base URL -> its log file
HOSTILE_NAMES = (
    "<img src=x onerror=\"window.kgInjected='name1';alert('name1')\">Ivan Evilov",
    "Petr \"><script>window.kgInjected='name2';alert('name2')</script> Badov",
)
HOSTILE_SENTENCE = (
    "They met <script>window.kgInjected='s3'</script> & talked "
    "<img src=x onerror=\"window.kgInjected='s4'\"> at length."
)


def hostile_extraction():
    """An article whose names, title, URL and sentence carry script payloads."""
    from datetime import date

    from kg.events import implied_events
    from kg.types import Article, Entity, Extraction, Relation

    people = tuple(
        Entity(f"p{i}", name, "Person", "Person") for i, name in enumerate(HOSTILE_NAMES)
    )
    met = (Relation("p0", "met", "p1", HOSTILE_SENTENCE, 0.9),)
    meeting, records = implied_events(people, met, ())  # as the extraction makes it
    return Extraction(
        Article(
            "hostile-names",
            HOSTILE_SENTENCE,
            date=date(2024, 3, 2),
            url="javascript:window.kgInjected='url2'",
            title="<svg onload=\"window.kgInjected='title3'\">",
        ),
        people + meeting,
        met,
        events=records,
    )


@pytest.fixture(scope="session")
def explore_store(tmp_path_factory, pipeline: Pipeline) -> Path:
    """A store folder with the samples, the made-up world and the hostile articles, closed
    for others to read."""
    from kg.rdf import to_graph

    folder = tmp_path_factory.mktemp("explore") / "store"
    with KnowledgeGraph(str(folder), pipeline) as graph:
        report = graph.ingest([SAMPLES, HOSTILE])
        assert report.ok, report.failed
        for extraction in [*world_extractions(), hostile_extraction()]:
            graph.store.replace_graph(to_graph(extraction))
    return folder


@pytest.fixture(scope="session")
def kg_server(explore_store: Path, tmp_path_factory):
    """One `kg serve` process over `explore_store` (read-only, queries stop after 3 s); its
    base URL (its log file in ``SERVE_LOGS``)."""
    from tests.processes import serving

    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serving(explore_store, "--timeout", "3", "--max-rows", "50", log=log) as url:
        SERVE_LOGS[url] = log
        yield url
