"""The ontology against kg's output: SHACL validation, declared terms, and the generated forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.ontology import KGO, ontology
from kg.validate import store_graph, validate

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def samples(sample_graph) -> Graph:
    return store_graph(sample_graph.store)


def test_the_samples_conform_to_the_shapes(samples):
    report = validate(samples)
    assert report.conforms and report.count("warning") == 0, report.summary()


def test_a_broken_graph_is_caught(samples, tmp_path):
    broken = Graph() + samples
    event = URIRef("https://example.org/event")
    broken.add((event, RDF.type, KGO.Meeting))  # no participant, no source, no label
    broken.add((event, KGO.headedBy, KGO.Asserted))  # not a person
    broken.add((event, KGO.confidence, Literal(1.5)))
    report = validate(broken)
    assert not report.conforms and report.count("violation") >= 3
    path = tmp_path / "broken.ttl"
    broken.serialize(path, format="turtle")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code != 0 and "example.org/event" in result.output


def test_every_class_and_predicate_kg_writes_is_declared(samples):
    declared = {
        s
        for s, kind in ontology().subject_objects(RDF.type)
        if kind in {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
        or kind == OWL.NamedIndividual
    }
    used = set(samples.predicates()) | set(samples.objects(None, RDF.type))
    ours = {term for term in used if str(term).startswith(str(KGO._NS))}
    assert ours and ours <= declared, sorted(ours - declared)


@pytest.mark.parametrize(("fmt", "path"), [("xml", "kg.rdf"), ("json-ld", "kg.jsonld")])
def test_the_serialisations_are_the_turtle_source(fmt, path):
    assert isomorphic(Graph().parse(ROOT / "ontologies" / path, format=fmt), ontology())


def test_kg_ontology_prints_it():
    result = runner.invoke(app, ["ontology", "--format", "turtle"])
    assert result.exit_code == 0
    assert isomorphic(Graph().parse(data=result.output, format="turtle"), ontology())
    assert all(ontology().value(term, RDFS.label) for term in (KGO.Meeting, KGO.met))


def test_a_node_of_two_disjoint_classes_and_a_pair_with_two_dates_are_caught(samples, tmp_path):
    broken = Graph() + samples
    person = next(broken.subjects(RDF.type, KGO.Person))
    broken.add((person, RDF.type, KGO.City))  # a Place, disjoint with Person
    pair = URIRef("https://w3id.org/kgdt/id/pair/x")
    kgo = str(KGO._NS)
    broken.add((pair, RDF.type, URIRef(kgo + "MeetingPair")))
    broken.add((pair, URIRef(kgo + "firstReported"), Literal("2024")))
    event = next(broken.subjects(RDF.type, KGO.Event))
    broken.add((event, KGO.date, Literal("2024")))  # not an xsd:date
    report = validate(broken)
    messages = [r.message for r in report.results]
    assert any("disjoint classes" in m for m in messages)
    assert any("kgo:firstReported" in m for m in messages)
    path = tmp_path / "broken.ttl"
    broken.serialize(path, format="turtle")
    printed = runner.invoke(app, ["validate", str(path)]).output
    assert "kgo:date: an event has at most one date" in printed  # not an emoji for ":date:"


def test_no_range_is_outside_the_owl2_datatype_map():
    """OWL 2 DL reasoners (HermiT) refuse xsd:date as a range; the shapes check dates."""
    xsd_date = URIRef("http://www.w3.org/2001/XMLSchema#date")
    assert not list(ontology().subjects(RDFS.range, xsd_date))
