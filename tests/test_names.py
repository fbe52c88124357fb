"""Finding entities by name: ranks, aliases, ambiguity, and input that looks like SPARQL."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.names import entities, resolve, search

INJECTIONS = ['" } ; DROP ALL ; #', "x> } ; DROP ALL ; #", "') ; DELETE WHERE { ?s ?p ?o } #"]
KGR = "https://w3id.org/kgdt/id/"


def test_entities_have_a_type_class_aliases_and_wikidata(world):
    found = entities(world)
    ann = found[KGR + "person/ann-alpha"]
    assert (ann.label, ann.type, ann.cls, ann.aliases, ann.wikidata) == (
        "Ann Alpha",
        "Person",
        "Person",
        ("Ann",),
        "Q42",
    )
    city = found[KGR + "place/alpha-city"]
    assert (city.type, city.cls) == ("Place", "City")
    assert found[KGR + "article/w1/agreement/deal"].type == "Agreement"


def test_search_ranks_label_then_alias_then_word_then_anywhere(world):
    assert [(m.label, m.rank) for m in search(world, "alphaland")] == [("Alphaland", 0)]
    assert search(world, "ANN")[0].label == "Ann Alpha"  # an alias, any case
    ranks = [m.rank for m in search(world, "alpha")]
    assert ranks == sorted(ranks) and ranks[0] == 2
    assert search(world, "lph")[0].rank == 3
    assert search(world, "  ") == []
    assert {m.type for m in search(world, "alpha", types=("Country",))} == {"Country"}


def test_resolve_prefers_shared_entities_and_explains_failures(world):
    assert resolve(world, "bob").label == "Bob Beta"
    assert resolve(world, KGR + "person/cy-gamma").label == "Cy Gamma"
    assert resolve(world, "Alpha City").type == "Place"
    with pytest.raises(KGError, match="did you mean 'Dee Delta'"):
        resolve(world, "Dee Delto")
    with pytest.raises(KGError, match=r"could mean several entities: .*Ann Alpha"):
        resolve(world, "alpha")
    with pytest.raises(KGError, match=r"no entity <https://example\.org/x> in the store"):
        resolve(world, "https://example.org/x")


@pytest.mark.parametrize("text", INJECTIONS)
def test_sparql_in_a_name_is_only_text(world, text):
    before = len(world)
    assert search(world, text) == []
    with pytest.raises(KGError, match="no entity named"):
        resolve(world, text)
    assert len(world) == before
