"""Reading Wikidata's entity JSON (``kg.link.wikidata``): labels, statements by rank, and
values in plain form, on answers recorded from Wikidata (``tests/data/wikidata``) and on
statements written here in its format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.link.wikidata import aliases, iso_date, label, qualifier, statements, value, values

ENTITIES = json.loads(
    (Path(__file__).parents[1] / "data" / "wikidata" / "entities.json").read_text("utf-8")
)["entities"]


def _item(qid: str, rank: str = "normal") -> dict:
    snak = {
        "snaktype": "value",
        "datavalue": {"type": "wikibase-entityid", "value": {"id": qid}},
    }
    return {"mainsnak": snak, "rank": rank}


def test_a_recorded_office_with_its_dates():
    mamin = ENTITIES["Q527063"]
    assert (label(mamin), aliases(mamin)) == ("Askar Mamin", ["Asqar Mamin"])
    (office,) = statements(mamin, "P39")
    assert value(office["mainsnak"]) == "Q2416315"
    assert (qualifier(office, "P580"), qualifier(office, "P582")) == ("2019-02-21", "2022-01-05")
    assert qualifier(office, "P1365") is None


def test_a_recorded_quantity_and_item():
    karaganda = ENTITIES["Q484706"]
    assert values(karaganda, "P17") == ["Q232"]
    assert all(isinstance(n, float) for n in values(karaganda, "P1082"))


def test_best_rank_first_and_deprecated_left_out():
    entity = {
        "claims": {
            "P17": [_item("Q1"), _item("Q2", "deprecated"), _item("Q3", "preferred")],
        }
    }
    assert values(entity, "P17") == ["Q3", "Q1"]
    no_value = {"mainsnak": {"snaktype": "novalue"}, "rank": "preferred"}
    assert values({"claims": {"P17": [no_value]}}, "P17") == []


def test_a_label_in_another_language_else_the_id():
    assert label({"id": "Q9", "labels": {"ru": {"value": "Минск"}}}) == "Минск"
    assert label({"id": "Q9"}) == "Q9"


@pytest.mark.parametrize(
    ("datavalue", "expected"),
    [
        ({"type": "string", "value": "KZ"}, "KZ"),
        ({"type": "quantity", "value": {"amount": "+1500"}}, 1500.0),
        ({"type": "globecoordinate", "value": {"latitude": 51.1, "longitude": 71.4}}, (51.1, 71.4)),
        ({"type": "time", "value": {"time": "+2019-03-00T00:00:00Z", "precision": 10}}, "2019-03"),
        ({"type": "time", "value": {"time": "-0300-00-00T00:00:00Z", "precision": 9}}, None),
    ],
)
def test_values_in_plain_form(datavalue, expected):
    assert value({"snaktype": "value", "datavalue": datavalue}) == expected


def test_a_date_to_its_precision():
    day = {"time": "+2019-02-21T00:00:00Z"}
    assert [iso_date({**day, "precision": p}) for p in (11, 10, 9)] == [
        "2019-02-21",
        "2019-02",
        "2019",
    ]
