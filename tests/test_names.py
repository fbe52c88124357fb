"""Finding entities by name: ranks, aliases, ambiguity, and input that looks like SPARQL."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.names import resolve, search

INJECTIONS = ['" } ; DROP ALL ; #', "x> } ; DROP ALL ; #", "') ; DELETE WHERE { ?s ?p ?o } #"]


def test_search_ranks_label_then_alias_then_word_then_anywhere(store):
    found = search(store, "uzbekistan")
    assert found[0].label == "Uzbekistan" and found[0].rank == 0
    assert [m.rank for m in found] == sorted(m.rank for m in found)
    assert search(store, "UZBEK")[0].label == "Uzbekistan"  # an alias, any case
    assert search(store, "  ") == []
    assert {m.type for m in search(store, "kazakh", types=("Person",))} <= {"Person"}


def test_resolve_prefers_shared_entities_and_explains_failures(store):
    assert resolve(store, "Tokayev").label == "Kassym-Jomart Tokayev"
    assert resolve(store, "https://w3id.org/kgdt/id/person/li-qiang").label == "Li Qiang"
    with pytest.raises(KGError, match="did you mean 'Shavkat Mirziyoyev'"):
        resolve(store, "Mirziyoev")
    with pytest.raises(KGError, match=r"could mean several entities: .*Khodjayev"):
        resolve(store, "kh")
    with pytest.raises(KGError, match=r"no entity <https://example\.org/x> in the store"):
        resolve(store, "https://example.org/x")


@pytest.mark.parametrize("text", INJECTIONS)
def test_sparql_in_a_name_is_only_text(sample_graph, text):
    before = len(sample_graph.store)
    assert search(sample_graph.store, text) == []
    with pytest.raises(KGError, match="no entity named"):
        resolve(sample_graph.store, text)
    assert len(sample_graph.store) == before
