"""The ontology, alone and with kg's output on the samples, is consistent under OWL 2 RL."""

from __future__ import annotations

import io

import owlrl
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import RDF

from kg.ontology import KGO, ontology

# owlrl records each inconsistency it finds as a triple with this predicate.
ERROR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#").error


def _contradictions(graph: Graph) -> list[str]:
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return [str(message) for message in graph.objects(None, ERROR)]


def test_the_ontology_is_consistent():
    assert _contradictions(Graph() + ontology()) == []


def test_the_ontology_with_the_samples_is_consistent(sample_graph):
    graph = Graph() + ontology()
    out = io.BytesIO()
    sample_graph.store.export(out, "nquads")
    for s, p, o, _ in Dataset().parse(data=out.getvalue(), format="nquads").quads():
        graph.add((s, p, o))
    assert len(graph) > len(ontology()) + 1000  # the samples are in
    assert _contradictions(graph) == []


def test_a_person_that_is_a_place_is_caught():
    graph = Graph() + ontology()
    odd = URIRef("https://example.org/odd")
    graph.add((odd, RDF.type, KGO.Person))
    graph.add((odd, RDF.type, KGO.Place))
    assert _contradictions(graph)
