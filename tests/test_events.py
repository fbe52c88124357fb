"""The event records of an extraction and the implied events (``kg.events``)."""

from __future__ import annotations

from kg.events import event_records, implied_events
from kg.types import Entity, Relation


def test_a_relation_no_event_holds_gets_an_implied_one():
    people = (
        Entity("e1", "Ann Alpha", "Person", "Person"),
        Entity("e2", "Bo Beta", "Person", "Person"),
        Entity("e3", "Port of Baku", "Organization", "Company"),
        Entity("e4", "protocol", "Agreement", "Protocol"),
        Entity("e5", "talks", "Event", "Talks"),
    )
    relations = (
        Relation("e1", "met", "e2", "Ann met Bo.", 0.9),
        Relation("e1", "visited", "e3", "Ann visited the Port of Baku.", 0.9),
        Relation("e1", "signed", "e4", "Ann signed a protocol.", 0.9),
        Relation("e2", "signed", "e4", "Bo signed a protocol.", 0.9, "negated"),
    )
    entities, records = implied_events(people, relations, event_records(people, relations))
    assert [(r.cls, r.participants, r.places, r.outcomes) for r in records] == [
        ("Meeting", ("e1", "e2"), (), ()),
        ("Visit", ("e1", "e3"), (), ()),  # the organization visited is the host
        ("SigningCeremony", ("e1",), (), ("e4",)),
    ]
    assert [e.id for e in entities] == ["e6", "e7", "e8"] and all(r.implied for r in records)
    talks = "Ann and Bo held talks."
    told = [Relation("e5", "participant", p, talks, 0.8) for p in ("e1", "e2")]
    held = event_records(people, told)
    assert implied_events(people, relations[:1], held) == ((), ())


def test_what_the_same_sides_signed_was_signed_at_one_signing():
    entities = (
        Entity("e1", "Kazakhstan", "Country", "Country"),
        Entity("e2", "Uzbekistan", "Country", "Country"),
        Entity("e3", "protocol", "Agreement", "Protocol"),
        Entity("e4", "roadmap", "Agreement", "Roadmap"),
        Entity("e5", "Ann Alpha", "Person", "Person"),
        Entity("e6", "contract", "Agreement", "Contract"),
    )
    sides = "The sides signed a protocol and a roadmap."
    relations = [Relation(c, "signed", a, sides, 0.8) for c in ("e1", "e2") for a in ("e3", "e4")]
    relations.append(Relation("e5", "signed", "e6", "Ann signed a contract.", 0.8))
    new, records = implied_events(entities, relations, ())
    assert [(e.label, r.participants, r.outcomes) for e, r in zip(new, records, strict=True)] == [
        ("signing of protocol and roadmap", ("e1", "e2"), ("e3", "e4")),
        ("signing of contract", ("e5",), ("e6",)),
    ]
