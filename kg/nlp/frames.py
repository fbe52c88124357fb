"""Facts that follow from other facts of the same article, the way a reader fills them in.

- a person acts for their side: ``represents`` from titles and affiliations, a delegation
  represents its country and so does the person heading it;
- who took part in an event: the people who met or headed delegations in a sentence that
  names the event, the people in a visit, and for a meeting, session or talks between sides
  the countries those people represent;
- the two people heading the delegations of a bilateral meeting met; the two people who took
  part in a meeting met;
- a visit's participants visited the places it was held in;
- "the sides signed": each country side signed.

Each rule keeps the evidence sentence of the fact it starts from and a lower confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span

from kg.nlp.coref import Cluster
from kg.types import Relation

__all__ = ["MEETINGS", "Fact", "Facts", "around", "derive"]

MEETINGS = {"Meeting", "Session", "Talks", "Summit", "Forum", "Conference", "PhoneCall"}
BILATERAL = {"Meeting", "Session", "Talks", "PhoneCall"}
IN_PERSON = {"Meeting", "Session", "Talks"}
VISITOR_RULES = {"participant/visitor", "participant/visited"}
_STATUS_RANK = {"asserted": 0, "planned": 1, "negated": 2}


@dataclass(frozen=True)
class Fact:
    """A relation between entity ids, with the sentence it was read from."""

    subject: str
    predicate: str
    object: str
    sentence: Span
    confidence: float
    status: str
    rule: str

    def relation(self) -> Relation:
        return Relation(
            self.subject,
            self.predicate,
            self.object,
            self.sentence.text.strip(),
            round(self.confidence, 3),
            self.status,
            self.rule,
        )


class Facts:
    """The facts of one article, one per (subject, predicate, object): the most certain."""

    def __init__(self) -> None:
        self.found: dict[tuple[str, str, str], Fact] = {}

    def add(
        self,
        subject: str | None,
        predicate: str,
        obj: str | None,
        sentence: Span,
        confidence: float,
        status: str = "asserted",
        rule: str = "",
    ) -> None:
        if subject is None or obj is None or subject == obj:
            return
        if predicate == "met" and obj < subject:
            subject, obj = obj, subject
        key = (subject, predicate, obj)
        old = self.found.get(key)
        if old is None or (_STATUS_RANK[status], -confidence) < (
            _STATUS_RANK[old.status],
            -old.confidence,
        ):
            self.found[key] = Fact(subject, predicate, obj, sentence, confidence, status, rule)

    def of(self, predicate: str, status: str | None = "asserted") -> list[Fact]:
        """Facts with this predicate (and status, unless None)."""
        return [
            f
            for f in self.found.values()
            if f.predicate == predicate and (status is None or f.status == status)
        ]

    def __iter__(self) -> Iterator[Fact]:
        return iter(list(self.found.values()))


def _events_in(sentence: Span, events: dict[int, list[Cluster]]) -> list[Cluster]:
    return events.get(sentence.start, [])


def around(mention) -> bool:
    """An event named only as a time frame ("on the eve of the session", "ahead of the
    summit", "after the talks"): what the sentence tells happened beside it, not in it."""
    token = mention.root
    while token.dep_ in {"pobj", "compound"} and token.head is not token:
        token = token.head
        if token.lower_ in {
            "eve",
            "ahead",
            "before",
            "after",
            "following",
            "prior",
            "since",
            "until",
            "sidelines",
            "margins",
            "side",
            "run-up",
        }:
            return True
        if token.dep_ == "prep" and token.lower_ not in {"of"}:
            return token.lower_ in {"before", "after", "following", "ahead", "until", "since"}
    return False


def derive(
    facts: Facts,
    clusters: dict[str, Cluster],
    countries: dict[str, str],
    events_by_sentence: dict[int, list[Cluster]],
    main: Cluster | None,
) -> None:
    """Add the facts that follow (see the module docstring).

    ``countries`` maps person and delegation ids to the id of the country they act for;
    ``events_by_sentence`` lists the event clusters named in each sentence (by its start);
    ``main`` is the event the article reports, if its lead names one.
    """
    _delegation_heads(facts, clusters, countries)
    _participants(facts, clusters, events_by_sentence)
    if main is not None:
        _main_event(facts, clusters, main)
    _event_pairs(facts, clusters, countries)
    _side_participants(facts, clusters, countries)
    _visits(facts, clusters)
    _announced_only(facts, clusters, main)


def _delegation_heads(
    facts: Facts, clusters: dict[str, Cluster], countries: dict[str, str]
) -> None:
    """A delegation's head acts for the delegation's country."""
    for f in facts.of("headedBy", None):
        delegation = clusters[f.subject]
        if delegation.type == "Delegation" and f.subject in countries:
            countries.setdefault(f.object, countries[f.subject])


def _participants(
    facts: Facts, clusters: dict[str, Cluster], events_by_sentence: dict[int, list[Cluster]]
) -> None:
    """The people who met or headed delegations in a sentence naming a meeting took part."""
    for f in list(facts):
        if f.status == "negated" or f.predicate not in {"met", "headedBy", "visited"}:
            continue
        subject, obj = clusters[f.subject], clusters[f.object]
        if subject.type == "Event":
            events = [subject]
        else:
            wanted = {"Visit"} if f.predicate == "visited" else MEETINGS
            events = [e for e in _events_in(f.sentence, events_by_sentence) if e.cls in wanted]
        for event in events:
            members = (subject,) if f.predicate == "visited" else (subject, obj)
            for member in members:
                if member is not event and member.type in {
                    "Person",
                    "Delegation",
                    "Country",
                    "Organization",
                }:
                    facts.add(
                        event.id,
                        "participant",
                        member.id,
                        f.sentence,
                        0.75,
                        f.status,
                        "participant/" + f.predicate,
                    )
            if f.predicate == "visited" and obj.type in {"Place", "Country"}:
                facts.add(event.id, "heldIn", obj.id, f.sentence, 0.7, f.status, "heldIn/visit")


def _main_event(facts: Facts, clusters: dict[str, Cluster], main: Cluster) -> None:
    """Delegations (and their heads) that take part in no named event took part in the
    meeting or session the article reports."""
    if main.cls not in IN_PERSON:
        return
    busy = {f.object for f in facts.of("participant", None)}
    for f in facts.of("headedBy", None):
        if clusters[f.subject].type == "Delegation" and f.subject not in busy:
            for member in (f.subject, f.object):
                facts.add(
                    main.id,
                    "participant",
                    member,
                    f.sentence,
                    0.65,
                    f.status,
                    "participant/main-event",
                )


def _announced_only(facts: Facts, clusters: dict[str, Cluster], main: Cluster | None) -> None:
    """Of planned events, only the one the article announces keeps its frame: plans for
    other talks are not facts of the article."""
    for key, f in list(facts.found.items()):
        event = clusters[f.subject]
        if (
            f.status == "planned"
            and f.predicate in {"participant", "heldIn", "headedBy"}
            and event.type == "Event"
            and (main is None or f.subject != main.id)
            and not _named_event(event)
        ):
            del facts.found[key]


def _named_event(event: Cluster) -> bool:
    """An event the article names as such ("the 44th meeting of the Intergovernmental
    Committee"), not generic talks or a press conference."""
    return any(
        t.like_num or (t.is_title and not t.is_sent_start and t.pos_ == "PROPN")
        for m in event.mentions
        for t in m.span
    )


def _people_of(facts: Facts, event: str, clusters: dict[str, Cluster]) -> list[Fact]:
    return [
        f
        for f in facts.of("participant", None)
        if f.subject == event and clusters[f.object].type == "Person"
    ]


def _event_pairs(facts: Facts, clusters: dict[str, Cluster], countries: dict[str, str]) -> None:
    """Two people from two sides in one meeting, session or talks met; so did the heads of
    two delegations of different countries in one session."""
    for event in clusters.values():
        if event.type != "Event" or event.cls not in IN_PERSON:
            continue
        people = _people_of(facts, event.id, clusters)
        heads = [
            f
            for f in facts.of("headedBy", None)
            if clusters[f.subject].type == "Delegation"
            and any(
                p.subject == event.id and p.object == f.subject
                for p in facts.of("participant", None)
            )
        ]
        pairs = []
        if len({p.object for p in people}) == 2:
            pairs.append((people[0], people[1]))
        for i, a in enumerate(heads):
            for b in heads[i + 1 :]:
                if countries.get(a.subject) != countries.get(b.subject):
                    pairs.append((a, b))
        for a, b in pairs:
            if countries.get(a.object) and countries.get(a.object) == countries.get(b.object):
                continue
            status = "planned" if "planned" in {a.status, b.status} else "asserted"
            facts.add(a.object, "met", b.object, a.sentence, 0.7, status, "met/" + event.cls)


def _side_participants(
    facts: Facts, clusters: dict[str, Cluster], countries: dict[str, str]
) -> None:
    """The countries whose people took part in a meeting between sides took part in it."""
    for f in facts.of("participant", None):
        event = clusters[f.subject]
        if event.cls in BILATERAL and f.object in countries:
            facts.add(
                f.subject,
                "participant",
                countries[f.object],
                f.sentence,
                0.65,
                f.status,
                "participant/side",
            )


def _visits(facts: Facts, clusters: dict[str, Cluster]) -> None:
    """A visit's participants visited the places it was held in."""
    for held in facts.of("heldIn", None):
        if clusters[held.subject].cls != "Visit":
            continue
        for part in facts.of("participant", None):
            member = clusters[part.object]
            if (
                part.subject == held.subject
                and member.type in {"Person", "Delegation"}
                and part.rule in VISITOR_RULES
            ):
                status = "planned" if "planned" in {held.status, part.status} else "asserted"
                facts.add(
                    member.id,
                    "visited",
                    held.object,
                    held.sentence,
                    0.7,
                    status,
                    "visited/visit-event",
                )
