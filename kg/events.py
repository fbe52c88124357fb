"""The event records of an extraction (``Extraction.events``), made from its relations.

- ``event_records``: one record per event entity that some relation is about, its members
  (places, participants, heads) from those relations;
- ``implied_events``: every asserted ``met``, ``visited`` and ``signed`` relation stands in
  an event of the article; where none holds it, an implied one: a meeting of the two people,
  a visit of the visitor (held in the place, or with the organization visited taking part),
  one signing of the agreements the same sides signed. The article tells no more of an
  implied event than those relations, so its members are their entities and it adds no
  relation.

>>> from kg.types import Entity, Relation
>>> people = (Entity("e1", "Ann Alpha", "Person", "Person"), Entity("e2", "Bo Beta", "Person",
...     "Person"))
>>> entities, records = implied_events(people, (Relation("e1", "met", "e2", "Ann met Bo.", 0.9),), ())
>>> [(e.id, e.label) for e in entities], records[0].participants, records[0].implied
([('e3', 'meeting of Ann Alpha and Bo Beta')], ('e1', 'e2'), True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.types import Entity, Event, Relation

__all__ = ["event_records", "implied_events"]

_STATUSES = ("asserted", "planned", "negated")


def event_records(
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    outcomes: dict[str, tuple[str, ...]] | None = None,
    text: str = "",
) -> tuple[Event, ...]:
    """One record per event that some relation is about, its members from the relations that
    are not negated; ``outcomes`` maps events to the agreements signed at them. The event's
    status is asserted when any relation about it is, else planned, else negated. Given the
    article's ``text``, its evidence starts with the sentence that first names it, then the
    others in the article's order.

    >>> talks = Entity("e3", "talks", "Event", "Talks")
    >>> [e.participants for e in event_records([talks], [Relation("e3", "participant", "e1",
    ...     "Ann held talks.", 0.8)])]
    [('e1',)]
    """
    about: dict[str, list[Relation]] = {}
    for r in relations:
        about.setdefault(r.subject, []).append(r)
    records = []
    for e in entities:
        facts = about.get(e.id)
        if e.type != "Event" or not facts:
            continue
        statuses = {r.status for r in facts}
        members = {
            p: tuple(
                dict.fromkeys(r.object for r in facts if r.predicate == p and r.status != "negated")
            )
            for p in ("heldIn", "participant", "headedBy")
        }
        records.append(
            Event(
                e.id,
                e.cls,
                e.label,
                e.date,
                members["heldIn"],
                members["participant"],
                members["headedBy"],
                (outcomes or {}).get(e.id, ()),
                next(s for s in _STATUSES if s in statuses),
                evidence=_in_order(e, [r.evidence for r in facts], text),
            )
        )
    return tuple(records)


def _in_order(event: Entity, sentences: list[str], text: str) -> tuple[str, ...]:
    """Distinct ``sentences``: the one that names ``event`` first, then in ``text`` order."""
    unique = list(dict.fromkeys(sentences))
    if not text:
        return tuple(unique)
    where = {s: text.find(s) for s in unique}
    first = min((m.start for m in event.mentions), default=-1)

    def key(sentence: str) -> tuple[bool, int]:
        start = where[sentence]
        names = start <= first < start + len(sentence)
        return not names, start if start >= 0 else len(text)

    return tuple(sorted(unique, key=key))


def implied_events(
    entities: Sequence[Entity], relations: Iterable[Relation], records: Iterable[Event]
) -> tuple[tuple[Entity, ...], tuple[Event, ...]]:
    """The implied events (see the module docstring) that ``relations`` need beside the
    asserted ``records``: their new entities and their records."""
    by_id = {e.id: e for e in entities}
    held = [r for r in records if r.status == "asserted"]
    meetings: dict[frozenset[str], list[Relation]] = {}
    visits: dict[tuple[str, str], list[Relation]] = {}
    signings: dict[str, list[Relation]] = {}
    for r in relations:
        if r.status != "asserted":
            continue
        if r.predicate == "met" and not any(
            {r.subject, r.object} <= set(e.participants) for e in held
        ):
            meetings.setdefault(frozenset((r.subject, r.object)), []).append(r)
        elif r.predicate == "visited" and not any(
            r.subject in e.participants and r.object in e.places + e.participants for e in held
        ):
            visits.setdefault((r.subject, r.object), []).append(r)
        elif r.predicate == "signed" and not any(
            r.subject in e.participants and r.object in e.outcomes for e in held
        ):
            signings.setdefault(r.object, []).append(r)
    number = max((int(e.id[1:]) for e in entities if e.id[1:].isdigit()), default=0)
    new: list[tuple[Entity, Event]] = []

    def add(
        cls: str,
        label: str,
        facts: list[Relation],
        participants: tuple[str, ...],
        places: tuple[str, ...] = (),
        outcomes: tuple[str, ...] = (),
    ) -> None:
        entity = Entity(f"e{number + len(new) + 1}", label, "Event", cls)
        evidence = tuple(dict.fromkeys(r.evidence for r in facts))
        record = Event(
            entity.id,
            cls,
            label,
            places=places,
            participants=participants,
            outcomes=outcomes,
            implied=True,
            evidence=evidence,
        )
        new.append((entity, record))

    for facts in meetings.values():
        people = (facts[0].subject, facts[0].object)
        names = " and ".join(by_id[p].label for p in people)
        add("Meeting", f"meeting of {names}", facts, participants=people)
    for (visitor, target), facts in visits.items():
        label = f"visit of {by_id[visitor].label} to {by_id[target].label}"
        if by_id[target].type == "Organization":  # the host takes part
            add("Visit", label, facts, participants=(visitor, target))
        else:
            add("Visit", label, facts, participants=(visitor,), places=(target,))
    for agreements, facts in _one_signing_per_sides(signings, by_id).items():
        titles = [by_id[a].label for a in agreements]
        label = "signing of " + (
            f"{', '.join(titles[:-1])} and {titles[-1]}" if titles[1:] else titles[0]
        )
        signers = tuple(dict.fromkeys(r.subject for r in facts))
        add("SigningCeremony", label, facts, participants=signers, outcomes=agreements)
    return tuple(e for e, _ in new), tuple(r for _, r in new)


def _one_signing_per_sides(
    signings: dict[str, list[Relation]], by_id: dict[str, Entity]
) -> dict[tuple[str, ...], list[Relation]]:
    """The agreements signed by the same sides ("the sides signed a protocol and a roadmap",
    "X and Y signed a declaration. The sides also signed agreements on transit") were
    signed at one signing: the sides are the countries that signed, else the signers."""
    by_sides: dict[frozenset[str], dict[str, list[Relation]]] = {}
    for agreement, facts in signings.items():
        signers = {r.subject for r in facts}
        countries = {s for s in signers if by_id[s].type == "Country"}
        sides = frozenset(countries if len(countries) >= 2 else signers)
        by_sides.setdefault(sides, {})[agreement] = facts
    return {
        tuple(group): [r for facts in group.values() for r in facts] for group in by_sides.values()
    }
