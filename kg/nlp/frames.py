"""Facts that follow from other facts of the same article, the way a reader fills them in.

- a delegation and its head act for the same country; who signed what follows as
  ``kg.nlp.signing`` tells;
- who took part in an event: the people who met, headed delegations or visited in a sentence
  that names it; the pair who met in the sentence before a bare "the meeting"; the people
  who acted together after a meeting named with no one at it; delegations that took part in
  nothing else, in the session the article reports; the countries named in an event's name
  (not a phone call's: a call is between people); for a visit the article reports, everyone
  the visitor met (for another visit, who acts for its country); for a meeting, session or
  talks between sides, the countries its people represent; for a session of a joint
  commission named after no country, the article's two sides;
- two people from two sides in one meeting, session or talks met, and so did the heads of
  two delegations of one session;
- a visit's visitors visited the places it was held in; who visited a city visited its
  country, and an event held in a foreign city was held in that country; a meeting on the
  sidelines of a summit was held where the summit was, and a gathering people met on the
  occasion of, or as part of, where they met (and the other way round);
- of planned events, only the announced or named ones keep their place and participants;
  past ones all keep theirs (a visit recalled is a visit).

Each rule keeps the evidence sentence of the fact it starts from and a lower confidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from spacy.tokens import Span, Token

from kg.kb import KBEntry, KnowledgeBase
from kg.nlp.coref import Cluster, free_id, last_event, said_of_it
from kg.nlp.event_places import carry_places, cities_with_their_country, visits_to
from kg.nlp.facts import Fact, Facts, Scene, head_words, nested
from kg.nlp.mentions import (
    REMOTE,
    SIDELINES,
    TAKING_PART,
    Mention,
    around,
    hyphened_end,
    tokens_with,
    within,
)
from kg.nlp.relations import ahead, modality, one_by_one
from kg.nlp.signing import sign, sign_for_the_sides
from kg.nlp.visits import (
    VISITOR_RULES,
    another,
    apart,
    attended_there,
    envoys_stay,
    guests_visit,
    hosts_stay,
    in_quotes,
    lasting,
    past,
    recalled,
    received_guests,
    stays,
    visiting_guests,
    visitors_present,
)

__all__ = [
    "ATTENDANCE_RULES",
    "MEETINGS",
    "OCCASIONS",
    "Fact",
    "Facts",
    "Scene",
    "around",
    "derive",
    "named_event",
]

MEETINGS = {"Meeting", "Session", "Talks", "Summit", "Forum", "Conference", "PhoneCall"}
# Who was at an event besides those who held it ("Also present were X and Y").
ATTENDANCE_RULES = {"participant/present-at", "participant/attended-by"}
ATTENDANCE_RULES |= {"participant/passive-attended-by", "participant/attendees-were"}
ATTENDANCE_RULES |= {"participant/alongside-at-event", "participant/also-present"}
ATTENDANCE_RULES |= {"participant/also-attending", "participant/attending-were"}
ATTENDANCE_RULES |= {"participant/in-presence-of"}
IN_PERSON = {"Meeting", "Session", "Talks"}
_MET_AT = IN_PERSON | {"Conference", "SigningCeremony"}  # where those present met
_GATHERINGS = {"Summit", "Forum", "Conference", "Session", "Meeting"}
MEMBER_TYPES = {"Person", "Delegation", "Country", "Organization"}
_PLAIN_MEETINGS = {"meeting", "talk", "talks", "discussion", "negotiation", "conversation"}
_PLAIN_MEETINGS |= {"audience", "reception"}  # "X received Y ... The audience was attended by"
# What a plain word for a meeting may have beside words of praise: a time ("our talks
# today"), a clause about it ("the talks held in Minsk"), its parties and place.
_PLAIN_DEPS = {"det", "poss", "prep", "punct", "cc", "conj", "advmod", "npadvmod", "acl", "relcl"}
_PRAISE = {"successful", "constructive", "fruitful", "productive", "friendly", "warm", "frank"}
_PRAISE |= {"extensive", "detailed", "in-depth", "wide-ranging", "cordial", "substantive"}
_PRAISE |= {"useful"}
_BEFORE = {"before", "ahead", "prior"}
_MET_THERE = {"visited/received", "visited/guest", "visited/received-at", "visited/visit-event"}
_ORDERED = {"after", "before", "since", "until"}  # what sets one clause's time off another's
OCCASIONS = {"ceremony", "reception", "dinner", "lunch", "breakfast", "banquet", "inauguration"}
_SEATS = {"palace", "residence", "house", "hall", "headquarters", "mansion", "kremlin", "office"}
_GATHER_VERBS = {"meet", "gather", "convene"}
_HELD = {"hold", "organize", "organise", "convene", "stage"}
_PAIR_WORDS = {"leaders", "presidents", "ministers", "premiers", "heads", "sides", "parties"}
_JOINT_BODY = re.compile(
    r"\b(joint|inter-?governmental|bi-?national|bilateral)\b[\w\s-]*\b(commission|committee|council)\b",
    re.IGNORECASE,
)
_AHEAD = {"next", "upcoming", "forthcoming", "future"}


def derive(facts: Facts, scene: Scene) -> None:
    """Add the facts that follow (see the module docstring)."""
    _one_behalf_each(facts, scene)
    _sides_told(facts, scene)
    _led_delegations(facts)
    _delegation_heads(facts, scene)
    _home(facts, scene)
    sign(facts, scene, _sides(facts, scene))
    _participants(facts, scene)
    _attended_alone(facts, scene)
    _done_after(facts, scene)  # before the pair met nearby: the people after it, not them
    _implicit_meetings(facts, scene)
    _calls_told_by_verbs(facts, scene)
    _verb_events(facts, scene)
    _verb_meetings_named_again(facts, scene)
    _also_present(facts, scene)
    _in_the_presence(facts, scene)
    _occasions(facts, scene)
    _venues(facts, scene)
    visits_to(facts, scene)
    _while_in(facts, scene)
    _named_places(facts, scene)
    _sidelines(facts, scene)
    _main_event(facts, scene)
    _co_chairs(facts, scene)
    _heads_take_part(facts, scene)
    _main_event_told_by_verbs(facts, scene)
    _delegations_of_heads(facts, scene)
    _named_countries(facts, scene)
    _event_pairs(facts, scene)
    _hosts_meet_guests(facts, scene)
    _calls_are_not_meetings(facts, scene)
    _hosts_act_for_their_country(facts, scene)
    _the_other_side(facts, scene)
    _unpeopled_events(facts, scene)
    _people_of_unpeopled_visits(facts, scene)
    _done_after(facts, scene)
    _welcomes(facts, scene)
    _inviters(facts, scene)
    _talks_with_hosts(facts, scene)
    sign_for_the_sides(facts, scene, _sides(facts, scene))
    _event_pairs(facts, scene)  # again, for the people found since, and as before ...
    _calls_are_not_meetings(facts, scene)  # ... not of a call
    _at_the_gathering(facts, scene)
    _side_participants(facts, scene)
    _joint_bodies(facts, scene)
    _one_visit(facts, scene)
    _visits(facts, scene)
    received_guests(facts, scene)
    visiting_guests(facts, scene)
    _countries_of_places(facts, scene)
    _headline_events(facts, scene)
    _during_visits(facts, scene)
    _during_the_gathering(facts, scene)
    carry_places(facts, scene)
    cities_with_their_country(facts, scene)
    _sites_in_cities(facts, scene)
    guests_visit(facts, scene)
    attended_there(facts, scene)
    visitors_present(facts, scene)
    _delegations_travel(facts, scene)
    _companions(facts, scene)
    _hosts_attendees(facts, scene)
    _one_meeting_per_pair(facts, scene)
    _announced_only(facts, scene)
    _quoted_visits(facts, scene)
    hosts_stay(facts, scene)
    envoys_stay(facts, scene)
    _home(facts, scene)
    _visitors_visits(facts, scene, create=False)
    _went_there(facts, scene)
    _placed_by_visitors(facts, scene)
    _during_visits(facts, scene)  # again, for the visits placed since
    _met_where_the_guest_went(facts, scene)
    _unnamed_visits(facts, scene)
    _visit_hosts(facts, scene)
    _visits_to_the_other_side(facts, scene)
    _compatriots_do_not_meet(facts, scene)


def _one_behalf_each(facts: Facts, scene: Scene) -> None:
    """Of a sentence that says "on behalf of" more than once ("signed by A on behalf of the
    Saudi side and by B on behalf of the Kenyan side"), each acts for the one told next after
    their name (else last before it), however the parser hung the phrases."""
    for f in facts.of("represents", None):
        if not f.rule.startswith("represents/on-behalf-of"):
            continue
        behalves = [t.i for t in f.sentence if t.lower_ == "behalf"]
        if len(behalves) < 2:
            continue
        subject, whom = scene.clusters[f.subject], scene.clusters[f.object]
        own = {
            next((b for b in behalves if b > t.i), behalves[-1])
            for t in _roots_in(subject, f.sentence)
        }
        told = {
            max((b for b in behalves if b < t.i), default=-1) for t in _roots_in(whom, f.sentence)
        }
        if own and told and not own & told:
            facts.drop(f)


def _led_delegations(facts: Facts) -> None:
    """ "A delegation of (from) the World Bank led by X": X leads the delegation, not the
    body, however the parser hung "led by"."""
    led = {(f.object, f.sentence.start) for f in facts.of("headedBy", None) if f.rule == _AFTER_OF}
    for f in facts.of("headedBy", None):
        if f.rule == "headedBy/participle" and (f.object, f.sentence.start) in led:
            facts.drop(f)


_AFTER_OF = "headedBy/participle-after-of"
_TOLD_SIDES = ("represents/passive-by", "represents/on-behalf-of", "represents/from-side")


def _sides_told(facts: Facts, scene: Scene) -> None:
    """Whom the article says one represents ("the Tajik side by X", "on behalf of Y") is
    their country, not one kg gave them by default (the dateline's)."""
    for f in facts.of("represents", None):
        if f.rule.startswith(_TOLD_SIDES) and scene.clusters[f.object].type == "Country":
            scene.countries[f.subject] = f.object


def _bodies_represented(facts: Facts, scene: Scene, who: str) -> list[str]:
    """The bodies the rules say one represents."""
    return [
        f.object
        for f in facts.of("represents", None)
        if f.subject == who and scene.clusters[f.object].type == "Organization"
    ]


def _attended_alone(facts: Facts, scene: Scene) -> None:
    """Who "also attended", saying not what, attended the event named last before, in their
    sentence or the one before ("X, who also attended, announced ...")."""
    people = scene.roots_of("Person")
    words = tokens_with(scene.sentences[0].doc, "LEMMA", ["attend"]) if scene.sentences else ()
    for verb in words:
        if verb.pos_ != "VERB" or modality(verb) != "asserted":
            continue
        if any(c.dep_ in {"dobj", "prep", "ccomp", "xcomp"} for c in verb.children):
            continue
        who = [c for c in verb.children if c.dep_ == "nsubj"]
        if who and who[0].lower_ == "who" and verb.dep_ == "relcl":
            who = [verb.head]
        person = people.get(who[0].i) if who else None
        since = scene.sentences[max(scene.index(verb.sent) - 1, 0)].start
        event = last_event(scene.clusters.values(), since, verb.i)
        if person is not None and event is not None:
            facts.add(
                event.id, "participant", person.id, verb.sent, 0.6, rule="participant/attended"
            )


def _roots_in(cluster: Cluster, sentence: Span) -> list[Token]:
    """The head words of a cluster's mentions in a sentence."""
    return [m.root for m in cluster.mentions if sentence.start <= m.root.i < sentence.end]


def _delegation_heads(facts: Facts, scene: Scene) -> None:
    """A delegation and the person heading it act for the same country (and what the article
    says one represents is its side); the head of a body's delegation of no country, for the
    body."""
    for f in facts.of("represents", None):
        if scene.clusters[f.object].type == "Country":
            scene.countries.setdefault(f.subject, f.object)
    for f in facts.of("headedBy", None):
        if scene.clusters[f.subject].type != "Delegation":
            continue
        if f.subject in scene.countries:
            scene.countries.setdefault(f.object, scene.countries[f.subject])
        elif f.object in scene.countries:
            scene.countries[f.subject] = scene.countries[f.object]
        else:  # "a delegation of the Asian Development Bank led by X": X acts for the bank
            for body in _bodies_represented(facts, scene, f.subject):
                facts.add(
                    f.object, "represents", body, f.sentence, 0.7, f.status, "represents/led-for"
                )


def _home(facts: Facts, scene: Scene) -> None:
    """Who arrives in their own country or its capital comes home ("arrived in Hanoi,
    concluding visits to Russia and Norway"), as does who comes from a place in it; a host
    taking part in a guest's visit goes nowhere: no visit (checked first and again last)."""
    kb = KnowledgeBase.load()
    for f in facts.of("visited", None):
        country = scene.clusters.get(scene.countries.get(f.subject, ""))
        if country is None or country.qid is None or country.qid not in kb:
            continue
        target = scene.clusters[f.object]
        if target is country or (target.qid and target.qid == kb[country.qid].capital):
            facts.drop(f)
        elif f.rule.startswith("visited/return-from") and scene.country_of(f.object) == country.id:
            facts.drop(f)  # "Bolivian President X came from La Paz": from home


def _sides(facts: Facts, scene: Scene) -> list[str]:
    """The article's two sides: the countries of its two principals, else the two countries
    taking part in its main event."""
    found = [scene.countries.get(p) for p in _principals(facts, scene)]
    countries = [c for c in found if c is not None]
    if len(found) == 2 and len(countries) == 2 and countries[0] != countries[1]:
        return countries
    if scene.main is None:
        return []
    taking_part = [
        f.object
        for f in facts.participants(scene.main.id)
        if scene.clusters[f.object].type == "Country"
    ]
    return list(dict.fromkeys(taking_part))


def _participants(facts: Facts, scene: Scene) -> None:
    """The people who met, headed delegations or visited in a sentence naming an event."""
    for f in list(facts):
        if f.status == "negated" or f.predicate not in {"met", "headedBy", "visited"}:
            continue
        subject, obj = scene.clusters[f.subject], scene.clusters[f.object]
        if subject.type == "Event":
            events = [subject]
        else:
            wanted = {"Visit"} if f.predicate == "visited" else MEETINGS
            events = [
                e
                for e in scene.events.get(f.sentence.start, [])
                if e.cls in wanted
                and not (
                    f.predicate == "met" and f.status == "asserted" and _to_come(e, f.sentence)
                )
            ]
            calls = [e for e in events if e.cls == "PhoneCall"]
            if f.predicate == "met" and calls:
                events = calls  # "X and Y discussed the meeting during phone talks": the call
        members = (subject,) if f.predicate == "visited" else (subject, obj)
        for event in events:
            partners = _partners_named(event, f.sentence, scene)
            if f.predicate == "met" and partners and not {subject.id, obj.id} & partners:
                continue  # "paid courtesy calls on A and B, held talks with C": A met no talks
            if f.predicate == "met" and subject is not event and _sidelined(event, f.sentence):
                continue  # "met on the sidelines of the summit": at a meeting of their own
            if f.predicate == "met" and _in_another_clause(event, f.sentence, f.trigger):
                continue  # "called on Y and addressed a forum": Y was at no forum
            if f.predicate == "met" and _in_a_clause_apart(event, f.sentence, f.trigger):
                continue  # "received Y, who came to attend the forum": not at the forum
            whose = _whose(event, f.sentence, scene)
            if f.predicate == "visited" and whose and subject.id not in whose:
                continue  # "X's trip comes after Y visited Tbilisi": Y's is another visit
            if f.predicate == "visited" and _told_apart(event, f.trigger):
                continue  # "The visit comes weeks after Y visited Nairobi": another too
            for member in members:
                if member is not event and member.type in MEMBER_TYPES:
                    facts.add(
                        event.id,
                        "participant",
                        member.id,
                        f.sentence,
                        0.75,
                        f.status,
                        "participant/" + f.predicate,
                    )
            if (
                f.predicate == "visited"
                and obj.type in {"Place", "Country"}
                and not (_toured(obj) and _bound_elsewhere(facts, event, f))
            ):
                facts.add(event.id, "heldIn", obj.id, f.sentence, 0.7, f.status, "heldIn/visit")


def _bound_elsewhere(facts: Facts, event: Cluster, visited: Fact) -> bool:
    """Whether the sentence of a visit to a site one tours says the event went elsewhere
    ("began his visit to Azerbaijan by laying a wreath at the grave": the visit was not held
    at the grave; "arrived at the palace on a visit to Italy": it was)."""
    return any(
        f.subject == event.id and f.object != visited.object and f.sentence == visited.sentence
        for f in facts.of("heldIn", None)
    )


def _in_another_clause(event: Cluster, sentence: Span, verb: Token | None) -> bool:
    """Whether a sentence names the event only as what a verb coordinated with ``verb`` is
    done to ("X called on Y and addressed a business forum")."""
    here = _roots_in(event, sentence)
    return (
        verb is not None
        and bool(here)
        and all(
            next((a for a in root.ancestors if a.pos_ in {"VERB", "AUX"}), None) in verb.conjuncts
            for root in here
        )
    )


def _in_a_clause_apart(event: Cluster, sentence: Span, verb: Token | None) -> bool:
    """Whether a sentence names the event only inside a relative clause the verb is outside
    of ("X received Y, who arrived to take part in the meeting of the council")."""
    here = _roots_in(event, sentence)

    def clause(root: Token) -> Token | None:
        return next((a for a in root.ancestors if a.dep_ == "relcl"), None)

    return (
        verb is not None
        and bool(here)
        and all(
            (c := clause(root)) is not None and not c.is_ancestor(verb) and c is not verb
            for root in here
        )
    )


def _told_apart(event: Cluster, verb: Token | None) -> bool:
    """Whether a verb tells what happened before or after an event the sentence names outside
    its clause ("the visit comes weeks after Y visited Nairobi")."""
    return (
        verb is not None
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _ORDERED for c in verb.children)
        and not any(verb.is_ancestor(m.root) for m in event.mentions if m.root.sent == verb.sent)
    )


def _to_come(event: Cluster, sentence: Span) -> bool:
    """Whether a sentence names the event only as one still to come ("met in Astana to
    discuss holding the 9th meeting of the committee"): not where what it tells happened."""
    here = _roots_in(event, sentence)
    return bool(here) and all(modality(m) == "planned" or ahead(m) for m in here)


def _sidelined(event: Cluster, sentence: Span) -> bool:
    """Whether a sentence names the event as what something happened on the sidelines or
    margins of."""
    return any(
        sentence.start <= m.root.i < sentence.end
        and m.root.head.lower_ == "of"
        and m.root.head.head.lemma_.lower() in SIDELINES
        for m in event.mentions
    )


def _whose(event: Cluster, sentence: Span, scene: Scene) -> set[str]:
    """The people a sentence's mention of an event names as its own ("X's trip", "the visit
    of X", "a visit by X")."""
    return _named_at(event, sentence, scene, _owners)


def _partners_named(event: Cluster, sentence: Span, scene: Scene) -> set[str]:
    """The people a sentence's mention of an event names it with ("talks with X", "the
    meeting between X and Y")."""
    return _named_at(event, sentence, scene, _partners)


def _named_at(
    event: Cluster, sentence: Span, scene: Scene, words: Callable[[Token], list[Token]]
) -> set[str]:
    """The people that ``words`` finds around the head of a sentence's mention of an event."""
    people = scene.roots_of("Person")
    return {
        people[o.i].id
        for m in event.mentions
        if sentence.start <= m.root.i < sentence.end
        for o in words(m.root)
        if o.i in people
    }


def _owners(head: Token) -> list[Token]:
    return [
        o
        for c in head.children
        for o in ([c] if c.dep_ == "poss" else c.children if c.lower_ in {"of", "by"} else [])
    ]


def _partners(head: Token) -> list[Token]:
    return [  # "a call on X"
        o
        for pobj in _objects_of([head], {"with", "between", "on"})
        for o in (pobj, *pobj.conjuncts)
    ]


def _implicit_meetings(facts: Facts, scene: Scene) -> None:
    """A meeting named without its people ("the discussion at the bilateral meeting"; who
    attended it is none of them: "The reception was attended by X") is the meeting of the
    pair who met in its sentence or the one before (not one still to come,
    planned, nor "a meeting of their ministers", nor one a pair who spoke by phone discussed)."""
    met = facts.of("met", None)
    for start, events in scene.events.items():
        here = scene.index(next(s for s in scene.sentences if s.start == start))
        for event in events:
            if (
                event.cls not in IN_PERSON | {"PhoneCall"}
                or named_event(event)
                or any(
                    scene.clusters[p.object].type == "Person" and p.rule not in ATTENDANCE_RULES
                    for p in facts.participants(event.id)
                )
                or all(_not_the_pair_s_now(m.root) for m in event.mentions)
            ):
                continue
            near = [
                r  # any sentence that tells it: the lead, not only the headline
                for f in met
                for r in facts.readings[(f.subject, f.predicate, f.object)]
                if here - 1 <= scene.index(r.sentence) <= here
                and (event.cls == "PhoneCall" or not _remote(r, scene))  # met by phone
            ]
            if not near:
                continue
            f = max(near, key=lambda f: scene.index(f.sentence))
            if _met_at_another(
                event, f, facts, scene.sentences[max(here - 1, 0) : here + 1], scene
            ):
                continue
            for person in (f.subject, f.object):
                facts.add(
                    event.id,
                    "participant",
                    person,
                    f.sentence,
                    0.65,
                    f.status,
                    "participant/implicit",
                )


def _met_at_another(
    event: Cluster, fact: Fact, facts: Facts, sentences: list[Span], scene: Scene
) -> bool:
    """Whether one of the pair speaks at another meeting told in these sentences ("X
    received Y. At the reception, X valued the outcomes of the talks between the two
    ministries": the reception is their meeting, the talks only what X spoke of)."""
    return any(
        other.id != event.id
        and other.cls in IN_PERSON
        and any(
            p.object in {fact.subject, fact.object} and p.rule == "participant/subject-at-event"
            for p in facts.participants(other.id)
        )
        for s in sentences
        for other in scene.events.get(s.start, [])
    )


def _occasions(facts: Facts, scene: Scene) -> None:
    """A gathering on whose occasion, or as part of which, people met or held an event
    somewhere was held there ("The ministers met in Santiago on the occasion of the IV
    Meeting of the Committee", "held a meeting in Bishkek as part of the Council's
    meetings")."""
    events = scene.roots_of("Event")
    placed = {f.subject for f in facts.of("heldIn", None)}
    places = scene.words_of({"Place", "Country"})
    found: list[tuple[Token | None, str, Span, str]] = [
        (f.trigger, f.object, f.sentence, f.status)
        for f in facts.of("venue", None) + facts.of("heldIn", None)
    ]
    words = tokens_with(scene.sentences[0].doc, "LEMMA", _GATHER_VERBS) if scene.sentences else ()
    for met in words:
        for word in _objects_of([met], {"in"}):  # "the ministers met in Santiago", whoever they are
            if word.i in places:
                found.append((met, places[word.i].id, met.sent, modality(met)))
    for verb, where, sentence, status in found:
        if verb is None or verb.pos_ not in {"VERB", "AUX"}:
            continue
        for o in _occasion_words(verb):
            event = events.get(o.i)
            if event is not None and event.cls in MEETINGS and event.id not in placed:
                facts.add(event.id, "heldIn", where, sentence, 0.6, status, "heldIn/occasion")
    _met_on_occasions(facts, scene, events, placed)


def _met_on_occasions(
    facts: Facts, scene: Scene, events: dict[int, Cluster], placed: set[str]
) -> None:
    """Two who met as part of a gathering, or on its occasion, met where it was held ("X,
    as part of his participation in the summit in Ashgabat, met Y")."""
    venues = {f.trigger for f in facts.of("venue", None)}
    for fact in facts.of("met", None):
        verb = fact.trigger
        if verb in venues:
            continue  # "received Y at the palace as part of his visit": at the palace
        occasions = [events[o.i] for o in _occasion_words(verb) if o.i in events] if verb else []
        pair = {fact.subject, fact.object}
        meetings = [
            e
            for e in scene.clusters.values()
            if e.type == "Event" and e.id not in placed and e not in occasions
            if pair <= {p.object for p in facts.participants(e.id)}
        ]
        for occasion in occasions:
            for held in (f for f in facts.of("heldIn", None) if f.subject == occasion.id):
                for meeting in meetings:
                    facts.add(
                        meeting.id,
                        "heldIn",
                        held.object,
                        fact.sentence,
                        0.6,
                        fact.status,
                        "heldIn/occasion",
                    )


def _objects_of(heads: list[Token], preps: set[str]) -> list[Token]:
    """What these prepositions, hung on one of ``heads``, name ("during the forum")."""
    return [
        o
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for o in prep.children
        if o.dep_ == "pobj"
    ]


def _occasion_words(verb: Token) -> list[Token]:
    """What a verb's "on the occasion of", "as part of" or "within the framework of" names
    (for "as part of his participation in the summit", the summit)."""
    found = _framed(
        [verb],
        {"on", "as", "within", "in"},
        lambda t: t.lower_ in {"occasion", "part", "framework"},
    )
    return [
        o
        for word in found
        for o in (
            [o for p in word.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
            if word.lemma_ in TAKING_PART
            else [word]
        )
    ]


_MOVED_ON = {"later", "afterwards", "afterward", "subsequently", "earlier", "then"}


def _moved_on(sentence: Span) -> bool:
    """A sentence that starts at another time than those before ("Later, in a ceremony,
    ..."): what it tells need not happen where they did."""
    return sentence[0].lower_ in _MOVED_ON


def _framed(heads: list[Token], preps: set[str], frame: Callable[[Token], bool]) -> list[Token]:
    """What "<preposition> the <frame word> of X" on one of ``heads`` names: the X's."""
    return [
        o for word in _objects_of(heads, preps) if frame(word) for o in _objects_of([word], {"of"})
    ]


def _venues(facts: Facts, scene: Scene) -> None:
    """A meeting was held where the people taking part met ("X met Y in Cholpon-Ata"): the
    meeting whose people the venue's sentence tells of, else one told of in the sentence
    before or after, unless the later of the two moves on in time ("Later, ...") or has other
    people; not a call one of them made from there; the venues themselves are not facts of
    the article."""
    venues = facts.of("venue", None)
    for f in venues:
        del facts.found[(f.subject, f.predicate, f.object)]
    placed = {f.subject for f in facts.of("heldIn", None)}
    meetings = [
        p
        for p in facts.of("participant", None)
        if scene.clusters[p.subject].cls in MEETINGS - {"PhoneCall"}
    ]
    parts = [p for p in meetings if p.subject not in placed]
    for v in venues:
        near = [p for p in parts if p.object == v.subject and p.status == v.status]
        here = scene.index(v.sentence)
        told = _told_at(v, meetings)
        people = {f.object for e in told for f in _people(facts, scene, e)}
        same = [p for p in near if p.sentence.start == v.sentence.start and p.subject in told]
        events = [
            p.subject
            for p in same or near
            if abs(scene.index(p.sentence) - here) <= 1
            # a meeting told elsewhere is this one only if its people are this one's
            and (same or not told or {f.object for f in _people(facts, scene, p.subject)} <= people)
            and not (
                p.sentence.start != v.sentence.start
                and _moved_on(max(p.sentence, v.sentence, key=lambda s: s.start))
            )
        ]
        for event in dict.fromkeys(events or _meeting_of_pair(v, near, facts, people)):
            facts.add(event, "heldIn", v.object, v.sentence, 0.65, v.status, "heldIn/venue")


def _told_at(venue: Fact, meetings: list[Fact]) -> set[str]:
    """Of the meetings the venue's sentence tells of (by their people), those its venue's
    verb tells of, when another verb tells of some ("In Seoul, he held talks with A, and in
    Beijing he was received by B": the talks were in Seoul, and not in Beijing); all of them
    otherwise."""
    told: dict[str, set[Token]] = {}
    for p in meetings:
        if p.sentence.start == venue.sentence.start and p.object == venue.subject:
            words = told.setdefault(p.subject, set())
            words.update({p.trigger, p.trigger.head} if p.trigger is not None else ())
    if len(told) < 2 or venue.trigger is None:
        return set(told)
    at = {e for e, words in told.items() if venue.trigger in words}
    return at or {e for e, words in told.items() if not words}


def _meeting_of_pair(venue: Fact, parts: list[Fact], facts: Facts, people: set[str]) -> list[str]:
    """The one meeting the article tells elsewhere of the two who met where ``venue`` says
    ("X and Y met here on Tuesday. ... The presidents' meeting ..."), not one told later at
    another time ("Later, in a ceremony, the two leaders ..."); of ``people``, where the
    venue's verb tells of a meeting ("in Seoul, he held talks with A, and in Beijing he was
    received by B": not B's)."""
    others = {
        r.object if r.subject == venue.subject else r.subject
        for key, readings in facts.readings.items()
        if key[1] == "met" and venue.subject in (key[0], key[2])
        for r in readings
        if r.sentence.start == venue.sentence.start
    }
    others = others & people if people else others
    members: dict[str, set[str]] = {}
    for p in facts.of("participant", None):
        members.setdefault(p.subject, set()).add(p.object)
    events = [
        p.subject
        for p in parts
        if others & members.get(p.subject, set())
        and p.status == "asserted"
        and not (p.sentence.start > venue.sentence.start and _moved_on(p.sentence))
    ]
    return list(dict.fromkeys(events)) if len(set(events)) == 1 else []


def _while_in(facts: Facts, scene: Scene) -> None:
    """ "While in Russia, the PM had talks and witnessed the signing of 14 documents",
    "During his stay in Ankara, X met Y": the events a sentence names took place where its
    opening "while in" or "during a stay in" says, unless placed."""
    places = scene.words_of({"Place", "Country"})
    placed = {f.subject for f in facts.of("heldIn", None)}
    named = {e.id for events in scene.events.values() for e in events}
    told: dict[int, list[Cluster]] = {}  # and the meetings its verbs tell ("X met Y")
    for event in scene.clusters.values():
        if event.type == "Event" and event.id not in named:
            for m in event.mentions:
                told.setdefault(m.span.sent.start, []).append(event)
    for sentence in scene.sentences:
        said = [*scene.events.get(sentence.start, []), *told.get(sentence.start, [])]
        events = [e for e in dict.fromkeys(said) if e.id not in placed]
        opening = [t for t in sentence[:3] if t.lower_ == "while"]
        opening += [
            stay
            for t in sentence[:1]
            if t.lower_ == "during"
            for stay in t.children
            if stay.dep_ == "pobj" and stay.lemma_.lower() in _STAYS
        ]
        if not events or not opening:
            continue
        where = [
            places[o.i]
            for t in (opening[0], opening[0].head)
            for prep in [t, *t.children]
            if prep.dep_ in {"prep", "advcl"} and prep.lower_ == "in"
            for o in prep.children
            if o.dep_ == "pobj" and o.i in places
        ]
        status = modality(sentence.root)
        for event in events:
            for place in dict.fromkeys(where):
                facts.add(event.id, "heldIn", place.id, sentence, 0.6, status, "heldIn/while-in")


_STAYS = {"stay", "visit", "trip", "tour"}  # "during his stay in Ankara"


def _named_places(facts: Facts, scene: Scene) -> None:
    """A gathering named after a city ("the Astana International Forum", "the Almaty Invest
    Forum") was held there, unless the article says where; not so when the city names
    something else in the name ("the Shanghai Cooperation Organisation summit")."""
    kb = KnowledgeBase.load()
    placed = {f.subject for f in facts.of("heldIn", None)}
    for event in list(scene.clusters.values()):
        if event.type != "Event" or event.cls not in _GATHERINGS or event.id in placed:
            continue
        for m in (m for m in event.mentions if not m.anaphor):
            city = _city_of_name(m, kb)
            if city is not None:
                place = _place(scene, *city)
                status = modality(m.root)
                facts.add(event.id, "heldIn", place.id, m.span.sent, 0.6, status, "heldIn/named")
                break


def _city_of_name(mention: Mention, kb: KnowledgeBase) -> tuple[Span, KBEntry] | None:
    """The city a gathering's name begins with, as a modifier of its head word."""
    words = [t for t in mention.span if t.i < mention.root.i and t.pos_ == "PROPN"]
    for end in range(len(words), 0, -1):
        last = words[end - 1]
        if last.head.i != mention.root.i or words[0].i + end - 1 != last.i:
            continue
        span = mention.span.doc[words[0].i : last.i + 1]
        if (
            not all(t.text[0].isupper() for t in span)
            or hyphened_end(last.doc, last.i + 1) > last.i + 1
        ):
            continue  # "a tête-à-tête meeting" names no city Tete
        cities = [e for e in kb.lookup(span.text, ("Place",)) if e.cls == "City"]
        if cities and not kb.lookup(span.text, ("Country",)):  # Armenia, a city in Colombia
            return span, cities[0]
    return None


def _place(scene: Scene, span: Span, entry: KBEntry) -> Cluster:
    """The article's entity for a known place, made from ``span`` if the article has none."""
    for cluster in scene.clusters.values():
        if cluster.type == "Place" and cluster.qid == entry.qid:
            return cluster
    place = Cluster(
        free_id(scene.clusters, len(scene.clusters)),
        "Place",
        entry.cls,
        qid=entry.qid,
        country=entry.country,
    )
    place.add(Mention(span, "Place", entry.cls, entry.qid, entry.country))
    scene.clusters[place.id] = place
    return place


def _sidelines(facts: Facts, scene: Scene) -> None:
    """A meeting on the sidelines of a summit was held where the summit was, and the other
    way round ("a meeting on the margins of the APEC Summit in San Francisco"), but in the
    building the meeting was held in (a mission, a hotel); so were
    talks held during or at a gathering ("met during the forum", "held talks at the
    session"); on the sidelines of a gathering the article tells of by no event of its own,
    where it says that was held ("On the sidelines of INNOPROM held in Yekaterinburg, a
    meeting took place")."""
    events = scene.roots_of("Event")
    places = scene.words_of({"Place", "Country"})
    for side in {c.id: c for c in events.values()}.values():
        for main, both_ways in _hosts_of_side_events(side, events):
            for a, b in ((main, side), (side, main)) if both_ways else ((main, side),):
                if any(f.subject == b.id for f in facts.of("heldIn", None)):
                    continue
                for f in facts.of("heldIn", None):
                    if f.subject == a.id and not (b is main and _toured(scene.clusters[f.object])):
                        status = f.status if f.status != "asserted" else _told(b)
                        facts.add(
                            b.id, "heldIn", f.object, f.sentence, 0.6, status, "heldIn/sidelines"
                        )
        if any(f.subject == side.id for f in facts.of("heldIn", None)):
            continue
        for m in side.mentions:
            for host in _sideline_hosts(m):
                for place in _places_of_host(host, places, events):
                    sentence, status = m.span.sent, modality(m.root)
                    facts.add(
                        side.id, "heldIn", place.id, sentence, 0.6, status, "heldIn/sidelines"
                    )


def _told(event: Cluster) -> str:
    """How an event is told: as held if any mention tells it so, else as its first mention
    does ("agreed to start negotiations during the summit": planned)."""
    statuses = [modality(m.root) for m in event.mentions]
    return "asserted" if "asserted" in statuses or not statuses else statuses[0]


def _hosts_of_side_events(event: Cluster, events: dict[int, Cluster]) -> list[tuple[Cluster, bool]]:
    """The events whose sidelines an event's mentions place it on (and so the other way
    round), or during or at which the mention or the verb that holds it places it ("held
    talks during the forum")."""
    found = []
    for m in event.mentions:
        found += [
            (events[o.i], False)
            for o in _objects_of(_event_heads(m), {"during", "at"})
            if o.i in events and events[o.i].cls in _GATHERINGS
        ]
        found += [(events[o.i], True) for o in _sideline_hosts(m) if o.i in events]
    return [(e, both) for e, both in found if e is not event]


def _event_heads(mention: Mention) -> list[Token]:
    """The words an event's adjuncts hang on: its own, the participle that tells it held
    ("the forum, held on the margins of"), and the verb it is the subject or object of ("a
    meeting took place on the sidelines of", "addressing the forum")."""
    root = mention.root
    heads = [root, *(c for c in root.children if c.dep_ == "acl" and c.lemma_ in _HELD)]
    if root.dep_ in {"dobj", "nsubjpass", "nsubj"} and root.head.pos_ in {"VERB", "AUX"}:
        heads.append(root.head)
    if root.dep_ == "pobj" and root.head.lower_ == "at" and root.head.head.pos_ == "VERB":
        heads.append(root.head.head)  # "addressing at the forum on the sidelines of"
    return heads


def _sideline_hosts(mention: Mention) -> list[Token]:
    """The words an event's mention or its verb, or the sentence it opens, puts it on the
    sidelines or margins of ("On the sidelines of the forum, a meeting ... took place",
    however the parser hangs the meeting)."""
    first = mention.span.sent[0]
    opening = [first.head] if first.dep_ == "prep" else []
    return _framed(
        _event_heads(mention) + opening,
        {"on", "at", "in"},
        lambda t: t.lemma_.lower() in SIDELINES,
    )


def _places_of_host(
    host: Token, places: dict[int, Cluster], events: dict[int, Cluster]
) -> list[Cluster]:
    """Where a gathering the article tells of by no event of its own was held: "the
    exhibition held in Yekaterinburg, Russia", "the fair in Dubai"."""
    if host.i in events:
        return []
    preps = [c for c in host.children if c.dep_ == "prep"]
    preps += [
        c
        for acl in host.children
        if acl.dep_ == "acl" and acl.lemma_ in {"hold", "take", "organize", "organise", "open"}
        for c in acl.children
        if c.dep_ == "prep"
    ]
    found = [
        t
        for prep in preps
        if prep.lower_ in {"in", "at"}
        for o in prep.children
        if o.dep_ == "pobj"
        for t in (o, *(a for a in o.children if a.dep_ == "appos"))
    ]
    return list(dict.fromkeys(places[t.i] for t in found if t.i in places))


def _calls_are_not_meetings(facts: Facts, scene: Scene) -> None:
    """Two people who only spoke by telephone or video did not meet: what a sentence about a
    call says of a meeting is dropped, what other sentences say stays."""
    for f in facts.of("met", None):
        for reading in list(facts.readings[(f.subject, f.predicate, f.object)]):
            if _remote(reading, scene):
                facts.discard(reading)


def _compatriots_do_not_meet(facts: Facts, scene: Scene) -> None:
    """Two people who act for the same country did not meet as the article's sides do: a
    president and the minister beside him, an envoy and his prime minister (no such pair met
    in the development set's gold)."""
    for f in facts.of("met", None):
        if _compatriots(f, scene):
            facts.drop(f)


def _compatriots(fact: Fact, scene: Scene) -> bool:
    """Whether the two people of a fact act for one country."""
    country = scene.countries.get(fact.subject)
    return country is not None and country == scene.countries.get(fact.object)


_CALL_WORDS = re.compile(  # words, not "phone" in "Saysomphone"
    r"\b(?:(?:tele)?phon(?:e|es|ed|ing)|video ?conference|video link)\b", re.IGNORECASE
)


def _remote(fact: Fact, scene: Scene) -> bool:
    """Whether a fact's sentence (or the next, when it names no one else) tells of a
    telephone or video call: not "X was received by Y. Both ministers also held a telephone
    call with Z"."""
    if any(e.cls == "PhoneCall" for e in scene.events.get(fact.sentence.start, [])):
        return True
    here = scene.index(fact.sentence)
    nearby = [fact.sentence]
    if here + 1 < len(scene.sentences):
        after = scene.sentences[here + 1]
        people = scene.words_of({"Person"})
        named = {people[t.i].id for t in after if t.i in people}
        if named <= {fact.subject, fact.object}:
            nearby.append(after)
    return any(_CALL_WORDS.search(s.text) for s in nearby)


def _calls_told_by_verbs(facts: Facts, scene: Scene) -> None:
    """Two people who spoke by telephone or video ("X spoke by phone with Y", "X phoned Y")
    took part in a call: the one the sentence or the next names ("The conversation ... took
    place over telephone"), else a call of their own."""
    for f in sorted(facts.of("met", None), key=lambda f: f.sentence.start):
        if not _remote(f, scene):
            continue
        here = scene.index(f.sentence)
        named = [
            e
            for s in scene.sentences[here : here + 2]
            for e in scene.events.get(s.start, [])
            if e.cls in IN_PERSON | {"PhoneCall"} and not _to_come(e, s)
        ]  # not "spoke by phone, discussing a trilateral meeting to be held in May"
        members = {p.object for e in named for p in facts.participants(e.id)}
        if {f.subject, f.object} <= members:
            continue
        call = named[0] if named else _new_event(scene, "PhoneCall", "phone call", f)
        for person in (f.subject, f.object):
            facts.add(call.id, "participant", person, f.sentence, 0.7, f.status, "participant/call")


def _verb_events(facts: Facts, scene: Scene) -> None:
    """Meetings and visits told only by verbs ("X met Y", "X arrived in Z") are events of
    the article: one meeting for each group of people who met (a pair, or people who met in
    one sentence), one visit for each visitor, where no event the article names holds them
    (a call, a session or a signing they witnessed does not; the one visitor's visit is the
    one visit the article names without saying whose; a visit no noun names only places the
    meetings, ``_unnamed_visits``; nor does a ceremony or dinner told apart from their talks,
    ``_talks_named_after``), nor does a press conference they gave. A guest welcomed on
    arrival ("was received at the airport by X") met X at no meeting."""
    taken = [
        (e, frozenset(p.object for p in facts.participants(e.id) if p.status == "asserted"))
        for e in scene.clusters.values()
        if e.type == "Event"
        and e.cls not in {"PhoneCall", "Session", "SigningCeremony"}
        and not _for_the_press(e)
    ]
    groups: list[list[Fact]] = []
    for f in sorted(facts.of("met"), key=lambda f: f.sentence.start):
        if (
            any(
                {f.subject, f.object} <= members
                and not (_occasion(e) and _talks_named_after(f, e, taken))
                for e, members in taken
            )
            or _compatriots(f, scene)
            or _remote(f, scene)
            or all(_welcome(r) for r in facts.readings[(f.subject, f.predicate, f.object)])
        ):
            continue
        group = next(
            (
                g
                for g in groups
                if {f.subject, f.object} == {g[0].subject, g[0].object}
                or (
                    g[0].sentence.start == f.sentence.start
                    and not _one_by_one(f)
                    and {f.subject, f.object} & {x for m in g for x in (m.subject, m.object)}
                )
            ),
            None,
        )
        if group is None:
            groups.append([f])
        else:
            group.append(f)
    for group in groups:
        event = _new_event(scene, "Meeting", "meeting", group[0])
        _told_again(event, group, facts)
        _named_next(event, facts, scene, {x for f in group for x in (f.subject, f.object)})
        for f in group:
            for person in (f.subject, f.object):
                facts.add(
                    event.id, "participant", person, f.sentence, 0.7, f.status, "participant/met"
                )
    _visitors_visits(facts, scene, create=True)


def _talks_named_after(
    met: Fact, occasion: Cluster, taken: list[tuple[Cluster, frozenset]]
) -> bool:
    """Whether, after a sentence that says two people met, the article names their meeting
    with a plain word of its own ("the talks") that no one takes part in, besides a ceremony
    or dinner it does not name in that sentence ("X met Y. Before the talks, X held a welcome
    ceremony for Y": the talks are not the ceremony)."""
    if any(m.span.sent == met.sentence for m in occasion.mentions):
        return False
    return any(
        not members
        and e.cls in IN_PERSON
        and _plain(e)
        and all(
            not m.anaphor and _definite(m) and m.span.start >= met.sentence.end for m in e.mentions
        )
        for e, members in taken
    )


def _visitors_visits(facts: Facts, scene: Scene, create: bool) -> None:
    """Each visitor's visit to the places they visited: the one visit the article names
    without saying whose (as under way, or as the current one) when there is one visitor,
    else (``create``) a visit of its own.
    Told again once every rule has found its visitors (not ``create``), the visit must be
    neither ahead nor set apart, nor go elsewhere ("his upcoming state visit to Astana")."""
    visits: dict[str, list[Fact]] = {}
    visitors = {
        p.object
        for e in scene.clusters.values()
        if e.cls == "Visit"
        for p in facts.participants(e.id)
    }
    for f in facts.of("visited"):
        if (
            f.subject not in visitors
            and scene.clusters[f.subject].type == "Person"
            and scene.clusters[f.object].type in {"Place", "Country"}
            and not stays(f, scene)
        ):
            visits.setdefault(f.subject, []).append(f)
    unpeopled = [
        e
        for e in scene.clusters.values()
        if e.cls == "Visit"
        and not facts.participants(e.id)
        and any(modality(m.root) == "asserted" or _current(m) for m in e.mentions)
        and (create or not any(ahead(m.root) or apart(m.root) for m in e.mentions))
    ]
    for visitor, trips in visits.items():
        if (
            len(unpeopled) == 1
            and len(visits) == 1
            and (create or _goes_where(facts, scene, unpeopled[0].id, trips))
        ):
            event = unpeopled[0]  # "X arrived in Y ... the visit": the visit the article names
        elif create:
            event = _new_event(scene, "Visit", "visit", trips[0])
        else:
            continue
        facts.add(
            event.id,
            "participant",
            visitor,
            trips[0].sentence,
            0.7,
            trips[0].status,
            "participant/visitor",
        )
        for f in trips:
            facts.add(event.id, "heldIn", f.object, f.sentence, 0.7, f.status, "heldIn/visit")


def _current(mention: Mention) -> bool:
    """ "This visit", "the current visit": the one under way, whatever its clause plans ("the
    results of this visit will give a new impetus")."""
    return any(c.lower_ in {"this", "current", "ongoing"} for c in mention.root.lefts)


def _went_there(facts: Facts, scene: Scene) -> None:
    """A visit the article names with no one on it, to where one person of the article went,
    was that person's, though they were on another visit too ("The visit followed a working
    visit to Zambia, where President X held talks": X's visit to Zambia)."""
    for visit in scene.clusters.values():
        if (
            visit.cls != "Visit"
            or facts.participants(visit.id)
            or any(apart(m.root) or ahead(m.root) or in_quotes(m.root) for m in visit.mentions)
        ):
            continue
        places = _places(facts, visit.id)
        trips = [
            f
            for f in facts.of("visited")
            if f.object in places and scene.clusters[f.subject].type == "Person"
        ]
        if len({f.subject for f in trips}) == 1:
            f = trips[0]
            facts.add(
                visit.id, "participant", f.subject, f.sentence, 0.6, f.status, "participant/visitor"
            )


def _placed_by_visitors(facts: Facts, scene: Scene) -> None:
    """A visit the article places nowhere went where its visitors went, when they went to one
    country or city ("X flew to Turkey ... during his brief visit, he signed"); one it places in a
    country went to the cities of it they went to, besides any others the article tells of it
    ("a state visit to Turkmenistan ... in Ashgabat, he met ..."), and one it places in no
    country to the one country they went to ("X received Y at the Amiri Diwan ... The
    visit")."""
    places: dict[str, set[str]] = {}
    for f in facts.of("heldIn", None):
        places.setdefault(f.subject, set()).add(f.object)
    for visit in scene.clusters.values():
        if visit.cls != "Visit" or any(
            apart(m.root) or ahead(m.root) or in_quotes(m.root) for m in visit.mentions
        ):
            continue
        visitors = {f.object for f in facts.participants(visit.id) if f.rule in VISITOR_RULES}
        trips = [f for f in facts.of("visited") if f.subject in visitors]
        to = places.get(visit.id, set())
        countries = {p for p in to if scene.clusters[p].type == "Country"}
        lands = {scene.country_of(f.object) or scene.clusters[f.object].country for f in trips}
        one = len(lands - {None}) == 1 or len({f.object for f in trips}) == 1
        if not to and one:
            where = trips
        elif countries:
            where = [
                f
                for f in trips
                if scene.clusters[f.object].cls == "City" and scene.country_of(f.object) in to
            ]
        elif to and not countries and one:
            where = [f for f in trips if scene.clusters[f.object].type == "Country"]
        else:
            continue
        for f in where:
            facts.add(visit.id, "heldIn", f.object, f.sentence, 0.6, f.status, "heldIn/visit")


def _goes_where(facts: Facts, scene: Scene, visit: str, trips: list[Fact]) -> bool:
    """Whether a visit goes nowhere the article says or to the countries of these trips."""
    to = {scene.country_of(f.object) or f.object for f in facts.of("heldIn") if f.subject == visit}
    return to <= {scene.country_of(f.object) or f.object for f in trips}


def _verb_meetings_named_again(facts: Facts, scene: Scene) -> None:
    """ "X met Y ... The meeting was also attended by Z": the meeting that a plain word with
    a definite article ("the meeting", "during the talks", "following the talks") names after
    a meeting told only by verbs, with no other meeting named between them and no one else's
    pair in it (those present besides make none), is that meeting."""
    meetings = sorted(
        (e for e in scene.clusters.values() if e.cls in IN_PERSON),
        key=lambda e: min(m.span.start for m in e.mentions),
    )
    last: Cluster | None = None
    for event in meetings:
        if all(m.anaphor for m in event.mentions):
            last = event
        elif (
            last is not None
            and _plain(event)
            and all(_definite(m) for m in event.mentions)
            and len(
                {
                    f.object
                    for f in _people(facts, scene, event.id)
                    if f.rule not in ATTENDANCE_RULES
                }
                - {f.object for f in _people(facts, scene, last.id)}
            )
            < 2
        ):
            scene.fold(facts, event.id, last.id)
        else:
            last = None


def _also_present(facts: Facts, scene: Scene) -> None:
    """Who "was also present" or "in attendance", with no event named ("X met Y in Lima.
    Also present were A and B."), took part in the last event told before, in that sentence
    or one of the two before it."""
    people = scene.roots_of("Person")
    for sentence in scene.with_words("LOWER", ["present", "attendance", "attending"]):
        for verb in sentence:
            if verb.lemma_ != "be" or not _presence(verb):
                continue
            since = scene.sentences[max(0, scene.index(sentence) - 2)].start
            event = last_event(scene.clusters.values(), since, verb.i)
            if event is None:
                continue
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "attr"}]
            for word in (w for s in subjects for w in s.subtree if w.i in people):
                person = people[word.i].id
                rule = "participant/also-present"
                facts.add(event.id, "participant", person, sentence, 0.6, modality(verb), rule)


def _in_the_presence(facts: Facts, scene: Scene) -> None:
    """Who the meeting a verb tells of was held "in the presence of" took part in it ("X
    received Y in the presence of Z", "held talks in the presence of Z"), also where the
    parser hung the phrase on the guests' delegation ("received a delegation headed by Y in
    the presence of Z")."""
    people = scene.roots_of("Person")
    events = scene.roots_of("Event")
    for sentence in scene.with_words("LOWER", ["presence"]):
        for presence in (t for t in sentence if t.lower_ == "presence" and t.dep_ == "pobj"):
            if presence.head.lower_ != "in":
                continue
            verb = presence.head.head
            while verb.dep_ in {"acl", "relcl"} and verb.head.dep_ == "dobj":
                verb = verb.head.head  # "a delegation headed by Y in the presence of Z"
            told = [events[w.i] for w in (verb, *verb.children) if w.i in events]
            event = next((e for e in told if e.cls in IN_PERSON), None)
            event = event or _signing_told(verb, scene)
            if event is None:
                continue
            for of in (c for c in presence.children if c.lower_ == "of"):
                for word in (w for o in of.children for w in o.subtree if w.i in people):
                    rule = "participant/in-presence-of"
                    facts.add(
                        event.id,
                        "participant",
                        people[word.i].id,
                        sentence,
                        0.6,
                        modality(verb),
                        rule,
                    )


def _signing_told(verb: Token, scene: Scene) -> Cluster | None:
    """The signing ceremony of the documents a "signed" tells signed ("The documents were
    signed in the presence of Z": Z was at their signing)."""
    if verb.lemma_ != "sign":
        return None
    agreements = scene.roots_of("Agreement")
    signed = {agreements[c.i].id for c in verb.children if c.dep_ in _SIGNED and c.i in agreements}
    return next(
        (
            e
            for e in scene.clusters.values()
            if e.cls == "SigningCeremony" and signed & set(scene.outcomes.get(e.id, ()))
        ),
        None,
    )


_SIGNED = {"nsubjpass", "dobj"}  # what a "signed" names signed


def _presence(verb: Token) -> bool:
    """ "Also present were", "X was also present", "In attendance were", "Among those
    present (attending) were": not "present at the meeting" (which names its event) nor
    "present in Cusco"."""
    attendance = [
        c
        for c in verb.children
        if c.dep_ == "prep"
        and any(
            g.lower_ == "attendance"
            or (
                c.lower_ == "among"
                and g.lower_ == "those"
                and any(w.lower_ in {"present", "attending"} for w in g.children)
            )
            for g in c.children
        )
    ]
    present = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "present"]
    placed = any(c.dep_ == "prep" for w in (verb, *present) for c in w.children)
    return bool(attendance) or (bool(present) and not placed)


def _definite(mention: Mention) -> bool:
    """A mention with a definite article or a possessive that says nothing of whose event it
    is ("the meeting", "their talks", not "the meeting of the council")."""
    children = list(mention.root.children)
    return any(
        (c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) or c.dep_ == "poss"
        for c in children
    ) and not any(c.dep_ == "prep" and c.lower_ in {"of", "between", "with"} for c in children)


def _unnamed_visits(facts: Facts, scene: Scene) -> None:
    """A visit no noun names ("X arrived in Y") placed the article's meetings while the facts
    were derived; it is no event of the article, whose graph holds it as the visit its
    ``visited`` facts imply (``kg.events.implied_events``)."""
    for event in list(scene.clusters.values()):
        if event.cls == "Visit" and all(
            m.anaphor and m.root.pos_ in {"VERB", "AUX"} for m in event.mentions
        ):
            facts.forget(event.id)
            del scene.clusters[event.id]


def _visits_to_the_other_side(facts: Facts, scene: Scene) -> None:
    """A visit the article places nowhere, of a visitor acting for one of its two sides, was
    to the other side ("the program signed by the two countries during the visit of the
    President of Kazakhstan", in an article on Azerbaijan and Kazakhstan)."""
    sides = _sides(facts, scene) or _first_pair(facts, scene)
    if len(sides) != 2:
        return
    placed = {f.subject for f in facts.of("heldIn", None)}
    for visit in list(scene.clusters.values()):
        if visit.cls != "Visit" or visit.id in placed:
            continue
        if any(another(m.root) for m in visit.mentions) or all(
            in_quotes(m.root) for m in visit.mentions
        ):
            continue
        visitors = [p for p in facts.participants(visit.id) if p.rule in VISITOR_RULES]
        homes = {scene.countries.get(p.object) for p in visitors}
        if len(homes) != 1 or not homes <= set(sides):
            continue
        (home,) = homes
        other = next(c for c in sides if c != home)
        first = visitors[0]
        facts.add(visit.id, "heldIn", other, first.sentence, 0.5, first.status, "heldIn/other-side")
        for p in visitors:
            facts.add(p.object, "visited", other, p.sentence, 0.5, p.status, "visited/other-side")


def _for_the_press(event: Cluster) -> bool:
    """A press conference or briefing: what two who met told the press after, not where they
    met."""
    return any(
        m.root.lemma_ == "briefing"
        or (m.root.lemma_ == "conference" and any(t.lower_ in _PRESS for t in m.root.lefts))
        for m in event.mentions
    )


_PRESS = {"press", "news", "media"}


def _told_again(event: Cluster, group: list[Fact], facts: Facts) -> None:
    """Each verb that tells of a meeting told only by verbs mentions it ("X meets Y" in the
    headline, "X met with Y on the sidelines of the summit" in the lead)."""
    told = {m.root.i for m in event.mentions}
    for f in group:
        for reading in facts.readings[(f.subject, f.predicate, f.object)]:
            word = reading.trigger
            if word is not None and word.i not in told and reading.status == f.status:
                told.add(word.i)
                event.add(Mention(word.doc[word.i : word.i + 1], "Event", "Meeting", anaphor=True))


def _named_next(event: Cluster, facts: Facts, scene: Scene, people: set[str]) -> None:
    """A meeting told by a verb is the meeting the sentence after one that tells it names
    with a plain word of its own, whoever it shows at it ("X received Y. During the meeting,
    the foreign ministers signed a memorandum"), or with "a" and one of its ``people`` ("X
    met Y. In a meeting with the Turkish leader, X noted ...", where no one else took part)."""
    after = {scene.index(m.span.sent) + 1 for m in event.mentions}
    for other in list(scene.clusters.values()):
        if (
            other is not event
            and other.type == "Event"
            and other.cls in {"Meeting", "Talks"}
            and _plain(other)
            and min(scene.index(m.span.sent) for m in other.mentions) in after
            and all(
                not m.anaphor and (_definite(m) or _with_them(m, other, facts, people))
                for m in other.mentions
            )
        ):
            scene.fold(facts, other.id, event.id)


def _with_them(mention: Mention, event: Cluster, facts: Facts, people: set[str]) -> bool:
    """A mention that says whom the event was with ("a meeting with the Turkish leader"), of
    an event whose people are all among ``people``."""
    members = {p.object for p in facts.participants(event.id)}
    return (
        any(c.dep_ == "prep" and c.lower_ == "with" for c in mention.root.children)
        and bool(members)
        and members <= people
    )


def _one_by_one(fact: Fact) -> bool:
    """A meeting told as one of several held in turn ("met successively with A and B")."""
    return fact.trigger is not None and one_by_one(fact.trigger)


def _welcome(fact: Fact) -> bool:
    """A meeting read from a welcome on arrival: "arrived in Kigali and was received (or
    met) by X", not "arrived in Bogota and met with his counterpart", nor "X received Y, who
    arrived on an official visit" (the guest's arrival told in a clause of its own)."""
    verb = fact.trigger
    return (
        verb is not None
        and (
            verb.lemma_ in {"receive", "welcome", "greet"}
            or (verb.lemma_ == "meet" and any(c.dep_ == "auxpass" for c in verb.children))
        )
        and any(
            t.lemma_ in {"arrive", "arrival"} and not _told_aside(t, verb) for t in fact.sentence
        )
    )


def _told_aside(word: Token, verb: Token) -> bool:
    """Whether a word lies in a relative clause that does not hold the verb."""
    return any(
        a.dep_ == "relcl" and not a.is_ancestor(verb) and a != verb for a in [word, *word.ancestors]
    )


def _new_event(scene: Scene, cls: str, name: str, fact: Fact) -> Cluster:
    """A new event of the article, mentioned by the word that states ``fact``."""
    word = fact.trigger or fact.sentence.root
    event = Cluster(free_id(scene.clusters, len(scene.clusters)), "Event", cls, name=name)
    event.add(Mention(word.doc[word.i : word.i + 1], "Event", cls, anaphor=True))
    scene.clusters[event.id] = event
    return event


def _main_event_told_by_verbs(facts: Facts, scene: Scene) -> None:
    """A meeting told only by verbs of people who all took part in the session or meeting
    the article reports ("Zhumangarin and his Uzbek counterpart discussed industry", of the
    heads of the commission's two sides) is that session."""
    main = scene.main
    if main is None or main.cls not in IN_PERSON:
        return
    members = {f.object for f in _people(facts, scene, main.id)}
    for event in list(scene.clusters.values()):
        people = {f.object for f in _people(facts, scene, event.id)}
        if (
            event is not main
            and event.cls in IN_PERSON
            and all(m.anaphor and m.root.pos_ in {"VERB", "AUX"} for m in event.mentions)
            and len(people) >= 2
            and people <= members
        ):
            scene.fold(facts, event.id, main.id)


def _co_chairs(facts: Facts, scene: Scene) -> None:
    """Who co-chaired an event "with" someone chaired it with them ("X co-chaired the session
    with Y", "together with Y", "with his counterpart Y": Y headed it too)."""
    people = scene.words_of({"Person"})
    for f in facts.of("headedBy", None):
        if f.trigger is None or not _co_chair(f.trigger):
            continue
        objects = [c for c in f.trigger.children if c.dep_ == "dobj"]
        clause = [f.trigger, *(t for o in objects for t in o.subtree)]
        for word in clause:
            for prep in word.children:
                if prep.dep_ != "prep" or prep.lower_ != "with":
                    continue
                objects = [o for p in prep.children if p.dep_ == "pobj" for o in (p, *p.conjuncts)]
                named = [a for o in objects for a in o.children if a.dep_ == "appos"]
                for o in [*objects, *named]:
                    if o.i in people and people[o.i].id != f.object:
                        facts.add(
                            f.subject,
                            "headedBy",
                            people[o.i].id,
                            f.sentence,
                            0.7,
                            f.status,
                            "headedBy/co-chair-with",
                        )


def _co_chair(verb: Token) -> bool:
    """A verb of co-chairing: "co-chaired", also read as "co" "-" "chaired"."""
    doc, i = verb.doc, verb.i
    return verb.lower_.startswith("co-") or (
        i > 1 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "co"
    )


def _heads_take_part(facts: Facts, scene: Scene) -> None:
    """Who chaired an event took part in it, and so did the head of a delegation that took
    part in it."""
    heads: dict[str, list[Fact]] = {}
    for f in facts.of("headedBy", None):
        if scene.clusters[f.subject].type == "Event":
            facts.add(
                f.subject, "participant", f.object, f.sentence, 0.7, f.status, "participant/chair"
            )
        elif scene.clusters[f.subject].type == "Delegation":
            heads.setdefault(f.subject, []).append(f)
    for part in facts.of("participant", None):
        for f in heads.get(part.object, []):
            status = "planned" if "planned" in {part.status, f.status} else part.status
            facts.add(
                part.subject,
                "participant",
                f.object,
                part.sentence,
                0.7,
                status,
                "participant/delegation-head",
            )


def _delegations_of_heads(facts: Facts, scene: Scene) -> None:
    """A delegation took part in an event its head took part in, where a sentence names both
    the delegation and the event ("received a delegation led by X", "the talks, where the
    delegation was headed by X")."""
    led: dict[str, list[Fact]] = {}
    for f in facts.of("headedBy"):
        if scene.clusters[f.subject].type == "Delegation":
            led.setdefault(f.object, []).append(f)
    for part in facts.of("participant"):
        heads = led.get(part.object, [])
        if not heads:
            continue
        told = {m.span.sent.start for m in scene.clusters[part.subject].mentions}
        for head in heads:
            delegation = scene.clusters[head.subject]
            if told.isdisjoint(m.span.sent.start for m in delegation.mentions):
                continue
            facts.add(
                part.subject,
                "participant",
                delegation.id,
                part.sentence,
                0.65,
                part.status,
                "participant/headed-delegation",
            )


def _main_event(facts: Facts, scene: Scene) -> None:
    """Delegations (and their heads), the people who signed documents and those who
    represented a side ("the Turkmen side was represented by X") that take part in no named
    event took part in the meeting or session the article reports; not a delegation told
    apart ("Meanwhile, a delegation of X ... visited Y") going where it was not held."""
    main = scene.main
    if main is None or main.cls not in IN_PERSON:
        return
    busy = {f.object for f in facts.of("participant", None)}
    held = {f.object for f in facts.of("heldIn", None) if f.subject == main.id}
    elsewhere = {  # "Meanwhile, a delegation of X ... visited Y in Karachi"
        f.subject
        for f in facts.of("visited", None)
        if held and f.object not in held and scene.clusters[f.object].type == "Place"
    }
    for f in facts.of("headedBy", None):
        if (
            scene.clusters[f.subject].type == "Delegation"
            and f.subject not in busy
            and not (f.subject in elsewhere and f.sentence[0].lower_ in _APART_OPENERS)
        ):
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
    for f in facts.of("signed"):
        if scene.clusters[f.subject].type == "Person" and f.subject not in busy:
            facts.add(main.id, "participant", f.subject, f.sentence, 0.6, rule="participant/signer")
    for f in facts.of("represents"):
        side_by = f.rule.startswith("represents/passive-by")  # "... and the Tajik side by Y"
        if side_by and f.subject not in busy and _a_side(f.trigger):
            facts.add(
                main.id, "participant", f.subject, f.sentence, 0.6, rule="participant/side-by"
            )


_APART_OPENERS = {"meanwhile", "separately", "elsewhere"}


def _a_side(verb: Token | None) -> bool:
    """Whether a passive verb's subject is a side ("the Turkmen side was represented by")."""
    return verb is not None and any(
        c.dep_ == "nsubjpass" and c.lemma_ in {"side", "party"} for c in verb.children
    )


def _named_countries(facts: Facts, scene: Scene) -> None:
    """ "The Forum of Regions of Russia and Belarus", "the Kazakhstan-Belarusian commission
    session": the countries an event is named after took part in it."""
    for event, countries in scene.named_countries.items():
        cluster = scene.clusters[event]
        if cluster.cls == "PhoneCall":
            continue  # "a call between the heads of government of X and Y": between people
        for country in countries:
            facts.add(
                event,
                "participant",
                country,
                cluster.mentions[0].span.sent,
                0.65,
                rule="participant/named",
            )


def _people(facts: Facts, scene: Scene, event: str) -> list[Fact]:
    return [f for f in facts.participants(event) if scene.clusters[f.object].type == "Person"]


_HOLDING_RULES = {"participant/hold-event", "participant/between", "participant/with"}


def _event_pairs(facts: Facts, scene: Scene) -> None:
    """Two people from two sides in one meeting, session, talks, press conference or signing
    met (not the two it is held "with" by someone unnamed), and so did three of three sides (a
    trilateral meeting); so did the heads of two delegations of different countries in one
    session, and two of different countries who chaired it."""
    countries = scene.countries
    for event in scene.clusters.values():
        if event.type != "Event" or event.cls not in _MET_AT:
            continue
        people = _people(facts, scene, event.id)
        members = {p.object for p in facts.participants(event.id)}
        heads = [
            f
            for f in facts.of("headedBy", None)
            if scene.clusters[f.subject].type == "Delegation" and f.subject in members
        ]
        sides = {countries.get(p.object) for p in people}
        few = len(people) == 2 or (len(people) == 3 and len(sides) == 3 and None not in sides)
        if len(people) > 1 and _with_all(scene, people):
            few = False  # "the Minister held talks with A and B": A and B met the Minister
        holders = [p for p in people if p.rule in _HOLDING_RULES]
        if not few and len(people) > 2 and len(holders) == 2:  # "A and B held talks", then
            few, people = True, holders  # their ministers signed at them: A and B met
        pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1 :]] if few else []
        pairs += [
            (a, b)
            for i, a in enumerate(heads)
            for b in heads[i + 1 :]
            if countries.get(a.subject) != countries.get(b.subject)
        ]
        chairs = [f for f in facts.of("headedBy", None) if f.subject == event.id]
        pairs += [  # "the session was co-chaired by A of X and B (of Y)"
            (a, b)
            for i, a in enumerate(chairs)
            for b in chairs[i + 1 :]
            if {countries.get(a.object), countries.get(b.object)} - {None}
        ]
        for a, b in pairs:
            if countries.get(a.object) and countries.get(a.object) == countries.get(b.object):
                continue
            status = "planned" if "planned" in {a.status, b.status} else "asserted"
            facts.add(a.object, "met", b.object, a.sentence, 0.7, status, "met/" + event.cls)


def _with_all(scene: Scene, people: list[Fact]) -> bool:
    """Whether people take part in an event only as the objects of one "with" of one of its
    words ("talks with A and B", "meetings with the foreign ministers of X, Y and Z"); not
    where one is a title set beside another ("the meeting with Ambassador X the Head of State
    noted": the parser's apposition, two sides)."""
    words = {f.trigger.i if f.trigger else None for f in people}
    apposed = any(
        m.root.dep_ == "appos"
        for f in people
        for m in scene.clusters[f.object].mentions
        if m.span.sent == f.sentence
    )
    rules = {f.rule for f in people}
    return rules == {"participant/with"} and len(words) == 1 and None not in words and not apposed


def _hosts_meet_guests(facts: Facts, scene: Scene) -> None:
    """Who hosted a meeting met everyone who attended it."""
    for host in facts.of("participant"):
        if host.rule != "participant/host-for" or scene.clusters[host.object].type != "Person":
            continue
        for guest in _people(facts, scene, host.subject):
            facts.add(
                host.object, "met", guest.object, guest.sentence, 0.65, guest.status, "met/host"
            )


def _visit_hosts(facts: Facts, scene: Scene) -> None:
    """Everyone the visitor met took part in the visit the article reports, and so did who
    acts for the country of another visit of one visitor ("Merkel's seventh visit to China
    ... Merkel met Premier Li": Li took part), unless that visit is told apart. Run last,
    once every visit has its visitors (some only a reception tells)."""
    for visit in scene.clusters.values():
        if visit.cls != "Visit":
            continue
        visitors = {f.object for f in facts.participants(visit.id) if f.rule in VISITOR_RULES}
        hosts: set[str | None] | None = None  # everyone, for the visit the article reports
        if visit is not scene.main:
            if len(visitors) != 1 or any(apart(m.root) or ahead(m.root) for m in visit.mentions):
                continue
            hosts = {
                scene.country_of(f.object) for f in facts.of("heldIn") if f.subject == visit.id
            } - {None}  # not a building the article places in no country
            if len(hosts) != 1:
                continue
        for f in facts.of("met"):
            for a, b in ((f.subject, f.object), (f.object, f.subject)):
                if a in visitors and (
                    hosts is None
                    or (
                        scene.countries.get(b) in hosts
                        and not _met_elsewhere(facts, scene, f, hosts)
                    )
                ):
                    facts.add(
                        visit.id, "participant", b, f.sentence, 0.6, f.status, "participant/host"
                    )


def _met_elsewhere(facts: Facts, scene: Scene, met: Fact, countries: set[str | None]) -> bool:
    """Whether the two who met took part in an event held in another country."""
    pair = {met.subject, met.object}
    events = {
        e
        for e in {f.subject for f in facts.of("participant")}
        if pair <= {p.object for p in facts.participants(e)}
    }
    return any(
        f.subject in events and scene.country_of(f.object) not in countries | {None}
        for f in facts.of("heldIn")
    )


def _hosts_act_for_their_country(facts: Facts, scene: Scene) -> None:
    """Who receives the visitor of the article's visit to a country acts for that country,
    when nothing else says whom they act for ("X arrived in Buenos Aires for an official
    visit ... he and President Y met", "... signed": Y acts for Argentina), unless every event they
    took part in was held in another country. The article's visit is its main event when a
    visit, else the one visit its lead names ("X visited the DRC to hold talks with his
    counterpart Y. It was his first visit to the DRC"), else the one visit it tells of
    ("During his stay, X paid courtesy visits to ..." in a story of X's visit to Vietnam)."""
    main = scene.main
    if main is None or main.cls != "Visit":
        visits = [c for c in scene.clusters.values() if c.cls == "Visit"]
        told = [c for c in visits if c.id in scene.announced]
        visits = told or [c for c in visits if _reported(c)]
        main = visits[0] if len(visits) == 1 else None
    if main is None:
        return
    visitors = {f.object for f in facts.participants(main.id) if f.rule in VISITOR_RULES}
    visited = {
        country
        for f in facts.of("heldIn")
        if f.subject == main.id and (country := scene.country_of(f.object)) is not None
    }
    if len(visitors) != 1 or len(visited) != 1:
        return
    (visitor,), (country,) = visitors, visited
    if scene.countries.get(visitor) == country:
        return
    acting = {f.subject for f in facts.of("represents", None)}
    here: set[str] = set()  # who took part in an event held in the country or nowhere said
    away: set[str] = set()  # who took part in an event held in another country
    for f in facts.of("heldIn"):
        held_here = scene.country_of(f.object) in {country, None}
        (here if held_here else away).update(p.object for p in facts.participants(f.subject))
    signed = {f.object for f in facts.of("signed") if f.subject == visitor}
    pairs = [(f, f.subject, f.object) for f in facts.of("met")]
    pairs += [(f, f.object, f.subject) for f in facts.of("met")]
    pairs += [  # who signed a document with the visitor
        (f, visitor, f.subject)
        for f in facts.of("signed")
        if f.object in signed and scene.clusters[f.subject].type == "Person"
    ]
    for f, a, b in pairs:
        abroad = b in away - here
        if a == visitor != b and b not in acting and b not in scene.countries and not abroad:
            facts.add(b, "represents", country, f.sentence, 0.6, f.status, "represents/host")
            scene.countries[b] = country  # the host's side, for the rules after


def _reported(visit: Cluster) -> bool:
    """A visit no mention of which sets apart by its date or as another, nor recalls in a
    quotation."""
    return not any(apart(m.root) or in_quotes(m.root) for m in visit.mentions)


def _the_other_side(facts: Facts, scene: Scene) -> None:
    """Of the two people of a meeting, session or talks between two countries, or of the two
    who signed a document two countries signed, the one whom nothing says acts for any acts
    for the country the other does not ("a meeting between the foreign ministers of Japan and
    South Korea ... Foreign Minister X ... South Korean Foreign Minister Y": X acts for
    Japan)."""
    acting = {f.subject for f in facts.of("represents", None)}
    sides: list[list[tuple[str, Fact]]] = []
    for event in scene.clusters.values():
        if event.cls in IN_PERSON:
            sides.append(
                [(f.object, f) for f in facts.participants(event.id) if f.status == "asserted"]
            )
        elif event.type == "Agreement":
            signers = [f for f in facts.of("signed", None) if f.object == event.id]
            sides.append([(f.subject, f) for f in signers if f.status == "asserted"])
    for members in sides:
        countries = {e for e, _ in members if scene.clusters[e].type == "Country"}
        people = {e: f for e, f in members if scene.clusters[e].type == "Person"}
        known = {scene.countries[e] for e in people if e in scene.countries}
        unknown = [e for e in people if e not in scene.countries.keys() | acting]
        others = countries - known
        two = len(countries) == 2 and len(people) == 2
        if two and len(known) == 1 and len(unknown) == 1 and len(others) == 1:
            (person,), (other,) = unknown, others
            f = people[person]
            facts.add(
                person, "represents", other, f.sentence, 0.55, f.status, "represents/other-side"
            )
            scene.countries[person] = other


def _unpeopled_events(facts: Facts, scene: Scene) -> None:
    """A meeting, session, talks or ceremony the article tells of without saying who was
    there, in a sentence about a pair ("the two presidents held a closed session", "they
    had a veranda talk") or as its main event, is that of the two people the article is
    about: those of its main event, else the first two who met (not "a meeting of their
    foreign ministers"); so is a joint one ("a joint press conference") whoever of the two
    the article names at it."""
    principals = _principals(facts, scene)
    if len(principals) != 2:
        return
    for event in list(scene.clusters.values()):
        joint = any(c.lower_ == "joint" for m in event.mentions for c in m.root.lefts)
        people = {f.object for f in _people(facts, scene, event.id)}
        if (
            event.type != "Event"
            or (event.cls not in IN_PERSON and not joint)
            or (people - set(principals) if joint else people)
            or all(around(m) and not _theirs(m) for m in event.mentions)
        ):
            continue  # "a joint press conference" is the pair's, whoever the article names
        for m in event.mentions:
            sentence = m.span.sent
            if (
                m.root.lemma_ == "dialogue"
                or (around(m) and not _theirs(m))
                or _not_the_pair_s_now(m.root)
            ):
                continue  # "After their meeting at the palace": a time frame, but the pair's
            if joint or _about_the_pair(sentence) or event is scene.main:
                for person in principals:
                    facts.add(
                        event.id,
                        "participant",
                        person,
                        sentence,
                        0.55,
                        "asserted",
                        "participant/principal",
                    )
                break


def _theirs(mention: Mention) -> bool:
    """An event named as theirs ("their meeting")."""
    return any(c.lower_ == "their" and c.dep_ == "poss" for c in mention.root.lefts)


def _people_of_unpeopled_visits(facts: Facts, scene: Scene) -> None:
    """A visit the article names without its visitor, as the frame of what a sentence tells
    ("As part of the state visit, X held talks with Y in Dushanbe", "during the visit, X met
    Y"), is that of the people who took part in what the sentence tells, and was held in the
    city or country that was held in (not at its palace: the visit took in more)."""
    for visit in scene.clusters.values():
        if visit.cls != "Visit" or facts.participants(visit.id):
            continue
        for m in visit.mentions:
            if not (around(m) or within(m)) or modality(m.root) != "asserted":
                continue
            sentence = m.span.sent
            for event in scene.events.get(sentence.start, []):
                if event is visit or event.cls not in IN_PERSON:
                    continue
                for where in facts.of("heldIn"):
                    place = scene.clusters[where.object]
                    if where.subject == event.id and place.cls in {"City", "Country"}:
                        facts.add(
                            visit.id, "heldIn", place.id, sentence, 0.55, rule="heldIn/framed"
                        )
                for part in _people(facts, scene, event.id):
                    if part.status == "asserted":
                        facts.add(
                            visit.id,
                            "participant",
                            part.object,
                            sentence,
                            0.55,
                            "asserted",
                            "participant/framed-by-visit",
                        )


def _not_the_pair_s_now(head: Token) -> bool:
    """An event mention that tells no meeting the pair held: one planned or still to come,
    "a meeting of their foreign ministers" (the pair's people, not the pair), or a topic of
    theirs ("the two discussed the WTO fisheries negotiations")."""
    return modality(head) != "asserted" or ahead(head) or _of_their_people(head) or _topic(head)


_DISCUSS = {"discuss", "review", "consider", "debate", "assess", "evaluate"}


def _topic(head: Token) -> bool:
    """An event named as what was discussed: the object of "discuss" (or one listed with it)."""
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ == "dobj" and head.head.lemma_ in _DISCUSS


def _of_their_people(head: Token) -> bool:
    return any(
        o.tag_ == "NNS" and any(c.dep_ == "poss" for c in o.children)
        for o in _objects_of([head], {"of"})
    )


def _inviters(facts: Facts, scene: Scene) -> None:
    """Who invited the visitor took part in the visit ("At the invitation of President X, Y
    will pay a visit to Z", "Y arrived in Z for a visit, on the invitation of X")."""
    people = scene.roots_of("Person")
    for visit in [c for c in scene.clusters.values() if c.cls == "Visit"]:
        for m in visit.mentions:
            heads = _event_heads(m)
            if m.root.dep_ == "pobj" and m.root.head.head.pos_ == "VERB":
                heads.append(m.root.head.head)  # "arrived in Z for a visit, on the invitation"
            invited = _framed(heads, {"at", "on", "upon"}, lambda t: t.lemma_ == "invitation")
            for named in (w for x in invited for w in (x, *x.conjuncts)):
                # the person the phrase names: "the President of X Y", "her counterpart, Y"
                who = next((t for t in named.subtree if t.i in people), None)
                if who is None:
                    continue
                facts.add(
                    visit.id,
                    "participant",
                    people[who.i].id,
                    m.span.sent,
                    0.6,
                    modality(m.root),
                    "participant/inviter",
                )


def _talks_with_hosts(facts: Facts, scene: Scene) -> None:
    """Talks "with" someone that name no one else ("The talks with X took place at the
    Akorda", "During the talks with Vietnamese Prime Minister X") were held by the one person
    of the article who went to X's country from another."""
    trips: dict[str, set[str]] = {}
    for f in facts.of("visited"):
        country = scene.country_of(f.object)
        if country is not None and scene.clusters[f.subject].type == "Person":
            trips.setdefault(f.subject, set()).add(country)
    for event in scene.clusters.values():
        if event.cls not in IN_PERSON or _occasion(event):
            continue
        people = _people(facts, scene, event.id)
        if len({f.object for f in people}) != 1 or people[0].rule != "participant/with":
            continue
        host = people[0].object
        country = scene.countries.get(host)
        guests = [
            guest
            for guest, went in trips.items()
            if country in went and guest != host and scene.countries.get(guest) != country
        ]
        if country is not None and len(guests) == 1:
            f = people[0]
            facts.add(
                event.id, "participant", guests[0], f.sentence, 0.6, f.status, "participant/guest"
            )


def _welcomes(facts: Facts, scene: Scene) -> None:
    """A welcome ceremony the article names no one at ("the official welcoming ceremony")
    was the one visitor's of the article's visits."""
    visitors = {
        p.object
        for v in scene.clusters.values()
        if v.cls == "Visit"
        for p in facts.participants(v.id)
        if p.rule in VISITOR_RULES and p.status == "asserted"
    }
    if len(visitors) != 1:
        return
    for event in scene.clusters.values():
        welcome = [
            m
            for m in event.mentions
            if m.root.lemma_ == "ceremony"
            and any(c.lower_ in {"welcome", "welcoming"} for c in m.root.lefts)
        ]
        if welcome and not _people(facts, scene, event.id):
            sentence = welcome[0].span.sent
            (visitor,) = visitors
            facts.add(
                event.id, "participant", visitor, sentence, 0.55, "asserted", "participant/welcomed"
            )


def _done_after(facts: Facts, scene: Scene) -> None:
    """Talks or a meeting the article names with no one at it, after which two or more
    named people did something together ("X and Y signed a joint statement following an
    April 10 meeting", "after the talks, the two presidents signed"), were theirs."""
    people = scene.words_of({"Person"})
    for event in list(scene.clusters.values()):
        if event.type != "Event" or event.cls not in IN_PERSON or _occasion(event):
            continue
        if _people(facts, scene, event.id):
            continue
        for m in event.mentions:
            prep = m.root.head  # also "Following" taken for a verb, the talks its object
            if m.root.dep_ not in {"pobj", "dobj"} or prep.lower_ not in {"after", "following"}:
                continue
            verbs = [prep.head, *prep.head.ancestors]  # "signed X and agreed to Y following"
            subject = next((c for v in verbs for c in v.children if c.dep_ == "nsubj"), None)
            status = modality(subject.head) if subject is not None else "asserted"
            doers = (
                [_named_or_titled(t, people) for t in (subject, *subject.conjuncts)]
                if subject
                else []
            )
            found = list(dict.fromkeys(d.id for d in doers if d is not None))
            if subject is not None and not found:  # "the two presidents signed": who the
                found = _doers(facts, scene, subject.head)  # verb's facts say signed
            elif len(found) != len(doers):
                continue
            if len(found) < 2:
                continue
            for person in found:
                facts.add(
                    event.id,
                    "participant",
                    person,
                    m.span.sent,
                    0.55,
                    status,
                    "participant/done-after",
                )


def _doers(facts: Facts, scene: Scene, verb: Token) -> list[str]:
    """The people the facts a verb states are of, as their subjects or as those who took
    part in its event ("the two presidents signed a joint statement": the two who signed it;
    "... held a press conference": the two who gave it)."""
    found = []
    for f in facts:
        if f.trigger is None or f.trigger.i != verb.i:
            continue
        who = f.object if f.predicate == "participant" else f.subject
        if scene.clusters[who].type == "Person":
            found.append(who)
    return list(dict.fromkeys(found))


def _named_or_titled(word: Token, people: dict[int, Cluster]) -> Cluster | None:
    """The person a word names, or that the title it heads names ("President of X Y")."""
    of = [o for p in word.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return next((people[t.i] for t in (word, *of) if t.i in people), None)


def _about_the_pair(sentence: Span) -> bool:
    """ "They", "the two presidents", "both leaders": the sentence is about a pair."""
    words = [t.lower_ for t in sentence]
    pair = any(
        w in {"two", "both"} and i + 1 < len(words) and words[i + 1] in _PAIR_WORDS
        for i, w in enumerate(words)
    )
    return pair or any(w in {"they", "their"} for w in words)


def _principals(facts: Facts, scene: Scene) -> list[str]:
    """The people of the article's main event when two, else the first two who met."""
    if scene.main is not None:
        people = list(dict.fromkeys(f.object for f in _people(facts, scene, scene.main.id)))
        if len(people) == 2:
            return people
    met = sorted(facts.of("met"), key=lambda f: f.sentence.start)
    return [met[0].subject, met[0].object] if met else []


def _at_the_gathering(facts: Facts, scene: Scene) -> None:
    """Who met or held talks as part of a gathering, or during it, took part in it ("As part
    of the First Meeting of the Investors Council, X met Y"); not who met on its sidelines,
    beside it ("on the sidelines of the APEC summit")."""
    events = scene.roots_of("Event")
    for side in {c.id: c for c in events.values()}.values():
        hosts = [main for main, beside in _hosts_of_side_events(side, events) if not beside]
        hosts += [
            events[o.i]
            for m in side.mentions
            for head in _event_heads(m)
            for o in _occasion_words(head)
            if o.i in events and o.head.head.lemma_ not in TAKING_PART
        ]  # "as part of his participation in the summit": his, not whom he met
        for main in dict.fromkeys(hosts):
            if main is side or main.cls not in _GATHERINGS:
                continue
            for p in facts.participants(side.id):
                if p.status == "asserted" and scene.clusters[p.object].type == "Person":
                    facts.add(
                        main.id,
                        "participant",
                        p.object,
                        p.sentence,
                        0.55,
                        "asserted",
                        "participant/side-event",
                    )


def _side_participants(facts: Facts, scene: Scene) -> None:
    """The countries whose people took part in a meeting, session, talks, summit or call
    between two or three sides took part in it, and so did the international organizations
    of people who act for no country ("X met World Bank Vice President Y"); not so for a
    gathering of many, nor for a ceremony, a reception or a dinner, which people attend."""
    sides: dict[str, set[str]] = {}
    for f in facts.of("participant", None):
        if f.object in scene.countries:
            sides.setdefault(f.subject, set()).add(scene.countries[f.object])
    for f in facts.of("participant", None):
        event = scene.clusters[f.subject]
        if f.rule == "participant/side-event":
            continue  # who met as part of a gathering came to it, not as their country's side
        few = len(sides.get(f.subject, ())) <= 3
        talks = event.cls in IN_PERSON | {"PhoneCall", "Summit"} and not _occasion(event)
        if not (talks and few):
            continue
        for side in (scene.countries.get(f.object), *scene.agencies.get(f.object, ())):
            facts.add(
                f.subject, "participant", side, f.sentence, 0.65, f.status, "participant/side"
            )


def _joint_bodies(facts: Facts, scene: Scene) -> None:
    """A session of a joint commission, committee or council named after no country or
    region ("the 20th session of the Joint Economic Commission", "a meeting of the
    intergovernmental commission") is the article's two sides' (else those of its first
    event between two countries), unless a third country took part in it; not a region's
    ("the Eurasian Intergovernmental Council"), nor one the article only looks ahead to
    ("the next meeting of the commission"); not the signing of an agreement about such a
    body ("the signing of an agreement establishing a Bi-National Commission")."""
    sides = _sides(facts, scene) or _first_pair(facts, scene)
    if len(sides) != 2:
        return
    named = any(_JOINT_BODY.search(m.text) for c in scene.clusters.values() for m in c.mentions)
    for event in list(scene.clusters.values()):
        joint = [
            m
            for m in event.mentions
            if _JOINT_BODY.search(m.text) or (named and _THE_BODY.search(m.text))
        ]  # "the previous meeting of the commission": of the joint one the article names
        if event.cls not in MEETINGS or not joint or event.id in scene.named_countries:
            continue
        if any(_regional(t) or t.lower_ in _AHEAD for m in joint for t in m.span):
            continue
        countries = {
            f.object
            for f in facts.participants(event.id)
            if scene.clusters[f.object].type == "Country"
        }
        if countries - set(sides):
            continue
        told = joint[0]
        for country in sides:
            facts.add(
                event.id,
                "participant",
                country,
                told.span.sent,
                0.6,
                modality(told.root),
                "participant/joint-body",
            )


_THE_BODY = re.compile(r"\bof the (commission|committee|council)$", re.IGNORECASE)


def _regional(token: Token) -> bool:
    """A region's adjective ("Eurasian", "European", "Caribbean")."""
    return token.ent_type_ in {"NORP", "LOC"} or (
        token.is_title and token.pos_ in {"ADJ", "PROPN"} and token.lower_.endswith("an")
    )


def _first_pair(facts: Facts, scene: Scene) -> list[str]:
    """The two countries of the article's first event between two countries: those taking
    part in it, acting for its participants, or where it was held."""
    events = [c for c in scene.clusters.values() if c.type == "Event" and c.mentions]
    for event in sorted(events, key=lambda c: c.mentions[0].span.start):
        members = [f.object for f in facts.participants(event.id) if f.status == "asserted"]
        places = [f.object for f in facts.of("heldIn") if f.subject == event.id]
        countries = [scene.countries.get(m, m) for m in members] + places
        found = [c for c in countries if scene.clusters[c].type == "Country"]
        if len(set(found)) == 2:
            return list(dict.fromkeys(found))
    return []


def _occasion(event: Cluster) -> bool:
    """A ceremony, reception, dinner or the like: named so by every word that names it."""
    named = [m for m in event.mentions if not m.anaphor]
    return bool(named) and all(m.root.lemma_.lower() in OCCASIONS for m in named)


def _delegations_travel(facts: Facts, scene: Scene) -> None:
    """A delegation went where the person heading it went ("X arrived in Ankara, heading an
    official delegation"), and its head went where it went ("the delegation, led by X,
    arrived in Tashkent")."""
    heads = [
        f for f in facts.of("headedBy", None) if scene.clusters[f.subject].type == "Delegation"
    ]
    for f in facts.of("visited", None):
        for head in heads:
            if head.object == f.subject and head.sentence.start == f.sentence.start:
                facts.add(
                    head.subject,
                    "visited",
                    f.object,
                    f.sentence,
                    f.confidence * 0.85,
                    f.status,
                    f.rule + "+delegation",
                )
            elif head.subject == f.subject and head.status != "negated":
                facts.add(
                    head.object,
                    "visited",
                    f.object,
                    f.sentence,
                    f.confidence * 0.85,
                    f.status,
                    f.rule + "+head",
                )


def _companions(facts: Facts, scene: Scene) -> None:
    """Who accompanied a visitor visited where the visitor went and took part in the visit,
    and did not meet the visitor unless known to act for another country ("X was accompanied
    by Y during the talks"); the companion facts themselves are not facts of the article."""
    companions = facts.of("accompanies", None)
    for c in companions:
        del facts.found[(c.subject, c.predicate, c.object)]
    for c in companions:
        sides = {scene.countries.get(c.subject), scene.countries.get(c.object)}
        if len(sides - {None}) < 2:
            for met in facts.of("met", None):
                if {met.subject, met.object} == {c.subject, c.object}:
                    facts.drop(met)
        for f in facts.of("visited", None):
            if f.subject == c.object:
                facts.add(
                    c.subject, "visited", f.object, c.sentence, 0.6, f.status, "visited/companion"
                )
        for f in facts.of("participant", None):
            if f.object == c.object and scene.clusters[f.subject].cls == "Visit":
                facts.add(
                    f.subject,
                    "participant",
                    c.subject,
                    c.sentence,
                    0.6,
                    f.status,
                    "participant/companion",
                )


def _hosts_attendees(facts: Facts, scene: Scene) -> None:
    """Who was also present at a meeting, and whom nothing says acts for any country or body,
    is of the side of whoever the article tells met the other ("X met Y. Also present were
    Minister of Trade A and Minister of Defence B": X's ministers)."""
    acting = {f.subject for f in facts.of("represents", None)}
    bodies = scene.words_of({"Organization", "Country"})
    for f in facts.of("participant"):
        if (
            f.rule not in ATTENDANCE_RULES
            or f.object in scene.countries.keys() | acting
            or scene.clusters[f.object].type != "Person"
            or any(
                _titled_by(m.span, bodies)
                for m in scene.clusters[f.object].mentions
                if f.sentence.start <= m.root.i < f.sentence.end
            )
        ):
            continue
        members = {p.object for p in facts.participants(f.subject)}
        met = sorted(
            (m for m in facts.of("met") if {m.subject, m.object} <= members),
            key=lambda m: m.sentence.start,
        )
        host = scene.countries.get(met[0].subject) if met else None
        if host is not None and host != scene.countries.get(met[0].object):
            facts.add(f.object, "represents", host, f.sentence, 0.55, f.status, "represents/host")
            scene.countries[f.object] = host


def _titled_by(name: Span, bodies: dict[int, Cluster]) -> bool:
    """Whether the title right before a name names a body or country ("African Union
    Commission Chairperson X", "Head of the National Intelligence Organization X")."""
    for word in reversed(name.doc[name.sent.start : name.start]):
        if word.i in bodies:
            return True
        if word.text == "," or word.pos_ in {"CCONJ", "VERB", "AUX"}:
            return False
    return False


def _one_visit(facts: Facts, scene: Scene) -> None:
    """The visit an article tells of under two names and places ("a state visit to
    Argentina", "the state visit in Buenos Aires") is one visit: visits to one country that
    share someone taking part are merged into the one that names its visitor, and so is a
    visit placed nowhere of a visitor of one placed somewhere. Not so a visit
    set apart by its date or as another ("his visit to Baku in August last year", "his
    previous visit"), nor one a quotation recalls."""
    where: dict[str, set[str]] = {}
    for f in facts.of("heldIn"):
        where.setdefault(f.subject, set()).add(scene.country_of(f.object) or f.object)
    visits = [
        c
        for c in scene.clusters.values()
        if c.cls == "Visit" and len(where.setdefault(c.id, set())) <= 1 and _reported(c)
    ]
    members = {
        v.id: {p.object for p in facts.participants(v.id) if p.status == "asserted"} for v in visits
    }
    visitors = {
        v.id: {p.object for p in facts.participants(v.id) if p.rule in VISITOR_RULES}
        for v in visits
    }
    visits.sort(key=lambda v: (-len(visitors[v.id]), v.mentions[0].span.start))
    kept: list[Cluster] = []
    for visit in visits:
        keeper = next(
            (
                k
                for k in kept
                if (where[k.id] == where[visit.id] and members[k.id] & members[visit.id])
                or (not (where[k.id] and where[visit.id]) and visitors[k.id] & visitors[visit.id])
                or (not where[visit.id] and set() < members[visit.id] <= members[k.id])
            ),
            None,
        )  # a visit placed nowhere is the one of the same visitor (or people) placed somewhere
        if keeper is None:
            kept.append(visit)
            continue
        members[keeper.id] |= members[visit.id]
        visitors[keeper.id] |= visitors[visit.id]
        where[keeper.id] |= where[visit.id]
        scene.fold(facts, visit.id, keeper.id)


def _visits(facts: Facts, scene: Scene) -> None:
    """A visit's visitors, and the guests a ceremony or dinner was held for, visited the
    places it was held in; so did those taking part in a visit to one country who act for
    another (the guests, not the hosts)."""
    for held in facts.of("heldIn", None):
        if scene.clusters[held.subject].type != "Event":
            continue
        guests = _guests_of_visit(facts, scene, held.subject)
        for part in facts.participants(held.subject):
            member = scene.clusters[part.object]
            if member.type in {"Person", "Delegation"} and (
                part.rule in VISITOR_RULES or member.id in guests
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


def _guests_of_visit(facts: Facts, scene: Scene, event: str) -> set[str]:
    """Who takes part in a visit to one country while acting for another."""
    if scene.clusters[event].cls != "Visit":
        return set()
    countries = set()
    for f in facts.of("heldIn"):
        if f.subject == event:
            countries.add(scene.country_of(f.object))
    if len(countries) != 1 or None in countries:
        return set()
    return {
        p.object
        for p in facts.participants(event)
        if p.status == "asserted"
        and p.rule != "participant/host"
        and scene.countries.get(p.object) not in {None, *countries}
    }


def _countries_of_places(facts: Facts, scene: Scene) -> None:
    """Who visited a city visited its country, and a visit to a city was a visit to its
    country (when the article names the country and it is not one of the sides)."""
    visits = [f for f in facts.of("heldIn", None) if scene.clusters[f.subject].cls == "Visit"]
    for f in facts.of("visited", None) + visits:
        country = scene.place_countries.get(f.object)
        sides = {scene.countries.get(f.subject)} | {p.object for p in facts.participants(f.subject)}
        if country and country not in sides:
            facts.add(
                f.subject,
                f.predicate,
                country,
                f.sentence,
                f.confidence * 0.85,
                f.status,
                f.rule + "+country",
            )


def _during_visits(facts: Facts, scene: Scene) -> None:
    """The talks, ceremonies, dinners and press conferences of a visitor that the article
    places nowhere took place where the visit was, as exactly as it says: the palace or
    residence it was held in, else its city, else its region, else the dateline's city in
    its country, else its country, the one the article names there (a tour of three
    countries places none of its talks), also talks named only as a time frame ("X said
    following talks with Y"); not at the plant or port the visitor toured, nor in the region
    of one (a tour of a site is no trip that talks are held on), nor where a
    quotation or a verb recalls a visit ("I remember your state visit to Tajikistan",
    "recalled his visit to Kazan"), nor the larger event a visit is part of ("the visit was
    part of his tour of the region"), nor a visit told as before the news ("earlier this
    month, X visited Baku"). Of a visitor's several visits, the one told last before the
    event. A visitor is one the rules say made the visit, or one taking part in it who went
    where it was ("X arrived in Riyadh on a working visit"). An event a pass placed in the
    visit's country, a later one places in the city it has since found for the visit."""
    places: dict[str, list[Fact]] = {}
    tours = {f.subject for f in facts.of("heldIn") if _toured(scene.clusters[f.object])}
    for f in facts.of("heldIn"):
        visit = scene.clusters[f.subject]
        if (
            visit.cls == "Visit"
            and not all(
                in_quotes(m.root) or recalled(m.root) or past(m.root) for m in visit.mentions
            )
            and visit.id not in tours
        ):
            places.setdefault(visit.id, []).append(f)
    where = {v: w for v, fs in places.items() if (w := _most_exact_place(fs, scene)) is not None}
    datelined = {v: _datelined(w, scene) for v, w in where.items()}
    went = {(f.subject, f.object) for f in facts.of("visited")}
    visitors = {
        v: {
            p.object
            for p in facts.participants(v)
            if p.rule in VISITOR_RULES or any((p.object, f.object) in went for f in places[v])
        }
        for v in where
    }
    before = {f.subject: f for f in facts.of("heldIn", None) if f.rule == "heldIn/during-visit"}
    placed = {f.subject for f in facts.of("heldIn", None) if f.subject not in before}
    parts: dict[str, list[tuple[str, Fact]]] = {}
    for part in facts.of("participant"):
        for v in where:
            if part.object in visitors[v]:
                parts.setdefault(part.subject, []).append((v, part))
    for event_id, visits in parts.items():
        event = scene.clusters[event_id]
        if (
            event.cls not in IN_PERSON | {"SigningCeremony", "Conference"}
            or event.id in placed
            or all(within(m) for m in event.mentions)
            or _before_a_visit(event, scene)
        ):
            continue
        start = min(m.span.start for m in event.mentions)
        nearest, part = min(visits, key=lambda vp: _told_before(scene.clusters[vp[0]], start))
        if event.id in before:  # placed on a first pass: in the city the visit now has
            if scene.place_countries.get(datelined[nearest]) != before[event.id].object:
                continue
            facts.drop(before[event.id])
        facts.add(
            event.id,
            "heldIn",
            datelined[nearest],
            part.sentence,
            0.6,
            "asserted",
            "heldIn/during-visit",
        )
        placed.add(event.id)
    placed |= set(before)
    for event in scene.clusters.values():
        if event.type != "Event" or event.cls in {"Visit", "PhoneCall"} or event.id in placed:
            continue
        holding = _visit_holding(event, where, scene)
        if holding is not None:
            facts.add(
                event.id,
                "heldIn",
                datelined[holding[0]],
                holding[1],
                0.6,
                "asserted",
                "heldIn/within-visit",
            )


def _visit_holding(
    event: Cluster, visits: Collection[str], scene: Scene
) -> tuple[str, Span] | None:
    """The visit the article holds an event in, whoever took part ("During the visit, a
    business forum was held", "within the framework of the visit", "as part of the visit"),
    with the sentence that says so."""
    roots = {m.root.i: v for v in visits for m in scene.clusters[v].mentions}
    for m in event.mentions:
        heads = _event_heads(m)
        named = _objects_of(heads, {"during"})
        named += _framed(heads, {"as", "within", "in"}, lambda t: t.lower_ in _FRAMES)
        visit = next((roots[o.i] for o in named if o.i in roots), None)
        if visit is not None:
            return visit, m.span.sent
    return None


_FRAMES = {"part", "framework", "course"}  # "as part of", "within the framework of"


def _met_where_the_guest_went(facts: Facts, scene: Scene) -> None:
    """Talks the article places nowhere, between a guest who went to one country and someone
    acting for it, were held where the guest went before them, as exactly as the article
    says ("X is in Islamabad ... X held talks with Pakistani Minister Y"): in a visit the
    article names no noun for."""
    placed = {f.subject for f in facts.of("heldIn", None)}
    trips: dict[str, list[Fact]] = {}
    for f in facts.of("visited"):
        told = f.rule.split("+")[0] not in _MET_THERE  # not only met where they went
        if told and scene.clusters[f.subject].type == "Person" and not stays(f, scene):
            trips.setdefault(f.subject, []).append(f)
    for event in list(scene.clusters.values()):
        if event.cls not in IN_PERSON or event.id in placed or _before_a_visit(event, scene):
            continue
        start = min(m.span.start for m in event.mentions)
        people = [p.object for p in _people(facts, scene, event.id) if p.status == "asserted"]
        for guest in people:
            went = [f for f in trips.get(guest, []) if f.sentence.start <= start]
            lands = {scene.country_of(f.object) or f.object for f in went}
            hosts = {scene.countries.get(p) for p in people if p != guest}
            where = _most_exact_place(went, scene) if len(lands) == 1 and lands <= hosts else None
            if where is not None:
                facts.add(
                    event.id,
                    "heldIn",
                    where.object,
                    where.sentence,
                    0.55,
                    "asserted",
                    "heldIn/guest-went",
                )
                break


def _during_the_gathering(facts: Facts, scene: Scene) -> None:
    """The talks the article places nowhere, of someone who takes part in the forum, summit
    or conference its lead reports, were held where that gathering was ("X held several
    meetings during the Astana International Forum. X met Y ... X and Z discussed ..."); not
    a sitting with a name of its own ("the 11th meeting of the Council")."""
    main = scene.main
    if main is None or main.cls not in _OPEN_GATHERINGS or main.id not in scene.clusters:
        return
    held = [f for f in facts.of("heldIn") if f.subject == main.id]
    where = _most_exact_place(held, scene)
    if where is None:
        return
    members = {p.object for p in facts.participants(main.id) if p.status == "asserted"}
    placed = {f.subject for f in facts.of("heldIn", None)}
    for part in facts.of("participant"):
        event = scene.clusters[part.subject]
        if (
            event.cls in IN_PERSON
            and event.id not in placed
            and part.object in members
            and scene.clusters[part.object].type == "Person"
            and not named_event(event)
            and not _before_a_visit(event, scene)
            and not any(ahead(m.root) or apart(m.root) for m in event.mentions)
        ):
            placed.add(event.id)
            facts.add(
                event.id,
                "heldIn",
                where.object,
                part.sentence,
                0.55,
                "asserted",
                "heldIn/during-gathering",
            )


_OPEN_GATHERINGS = {"Forum", "Summit", "Conference"}  # of many, who meet beside its sittings


def _before_a_visit(event: Cluster, scene: Scene) -> bool:
    """Whether the article tells an event as before a visit or on return from it ("ahead of
    the visit, X met the ambassador", "after returning from his visit to Japan, X called on
    Y"): it did not take place where the visit went."""
    visits = {m.root.i for c in scene.clusters.values() if c.cls == "Visit" for m in c.mentions}
    return any(
        (t.lower_ in _BEFORE or (t.lemma_ == "return" and t.pos_ == "VERB"))
        and any(w.i in visits for w in t.subtree)
        for m in event.mentions
        for t in m.span.sent
    )


def _datelined(where: Fact, scene: Scene) -> str:
    """Where a visit told only by its country was: the city the article is datelined in,
    when it lies there ("Hanoi (VNA) - ... an official visit to Vietnam"), else the country."""
    country = where.object
    if scene.clusters[country].type != "Country" or scene.dateline is None:
        return country
    return scene.dateline if scene.country_of(scene.dateline) == country else country


def _most_exact_place(places: list[Fact], scene: Scene) -> Fact | None:
    """The most exact place a visit or gathering was held in that the article names alone of
    its kind: its palace, else its city, region or country."""
    kinds = [scene.clusters[f.object].cls for f in places]
    for kind in ("Site", "City", "Region", *dict.fromkeys(kinds)):
        found = [f for f, k in zip(places, kinds, strict=True) if k == kind]
        if len(found) == 1:
            return found[0]
    return None


def _told_before(visit: Cluster, start: int) -> tuple[int, int]:
    """How near before a word the article last tells of a visit (after it, farther)."""
    before = [m.span.start for m in visit.mentions if m.span.start <= start]
    if before:
        return 0, start - max(before)
    return 1, min(m.span.start for m in visit.mentions) - start


def _sites_in_cities(facts: Facts, scene: Scene) -> None:
    """An event held at a building the article says stands in a city, anywhere it says so
    ("the White House in Washington", in a caption, "State House Entebbe"), was held in that
    city too, when no city holds it yet."""
    places = scene.words_of({"Place"})
    city_of: dict[str, str] = {}
    for site in scene.clusters.values():
        if site.type != "Place" or site.cls == "City":
            continue
        for m in site.mentions:
            doc, end = m.span.doc, m.span.end
            city = places.get(end + 1) if end + 1 < len(doc) and doc[end].lower_ == "in" else None
            named = places.get(end - 1)  # "State House Entebbe": the city its name ends with
            city = city or (named if named is not None and named is not site else None)
            if city is not None and city.cls == "City":
                city_of.setdefault(site.id, city.id)
    held = facts.of("heldIn")
    in_a_city = {f.subject for f in held if scene.clusters[f.object].cls == "City"}
    for f in held:
        where = city_of.get(f.object)
        if where is not None and f.subject not in in_a_city:
            in_a_city.add(f.subject)  # one city, even for an event held at two buildings
            facts.add(
                f.subject,
                "heldIn",
                where,
                f.sentence,
                f.confidence * 0.9,
                f.status,
                f.rule + "+city",
            )


def _toured(place: Cluster) -> bool:
    """A site a visitor tours (a plant, a port, a monument), not a seat that hosts talks (a
    palace, a residence, a house of government)."""
    return place.cls == "Site" and not any(m.root.lemma_.lower() in _SEATS for m in place.mentions)


def named_event(event: Cluster) -> bool:
    """An event the article names as such ("the 44th meeting of the Intergovernmental
    Committee"), not generic talks or a press conference."""
    for m in event.mentions:
        of = [c for c in m.root.children if c.dep_ == "prep" and c.lower_ == "of"]
        named_part = [t for t in m.span if t.i < m.root.i or any(t in c.subtree for c in of)]
        if any(
            (t.like_num and not lasting(t))  # "the 44th meeting", not "a two-day meeting"
            or t.ent_type_ == "ORDINAL"
            or (t.pos_ == "PROPN" and not t.is_sent_start)
            for t in named_part
        ):
            return True
    return False


def _prose(sentence: Span) -> bool:
    """A sentence, not a headline or a page's furniture ("Updated: Jul 7, 2014 3:58 PM")."""
    ends = sentence.text.rstrip().endswith((".", "!", "?", '"', "”"))
    return ends and len(sentence) >= 5 and any(t.pos_ in {"VERB", "AUX"} for t in sentence)


def _one_meeting_per_pair(facts: Facts, scene: Scene) -> None:
    """A meeting of the same people told only by a verb ("X met Y") or by a plain word ("a
    very constructive meeting", "the negotiations") is the meeting the article names for
    them ("the one-on-one talks"): the first so named keeps its mentions and facts. Events
    of their own ("a closed session", "an expanded session", "a breakfast meeting"),
    ceremonies and dinners, named events and those told only as a time frame stay apart.
    So is a call of the same people told twice (in the lead and again in the body); a call
    and a meeting stay apart."""
    groups: dict[tuple[frozenset[str], bool], list[Cluster]] = {}
    for event in scene.clusters.values():
        if (
            event.cls not in IN_PERSON | {"PhoneCall"}
            or named_event(event)
            or _occasion(event)
            or all(around(m) for m in event.mentions)
        ):
            continue
        people = frozenset(
            f.object
            for f in facts.participants(event.id)
            if f.status == "asserted" and scene.clusters[f.object].type == "Person"
        )
        if len(people) >= 2:
            groups.setdefault((people, event.cls == "PhoneCall"), []).append(event)
    for events in groups.values():
        events.sort(key=lambda e: (all(m.anaphor for m in e.mentions), e.mentions[0].span.start))
        meetings = [e for e in events if e.cls != "Session"] or events  # a session is a part
        own = [e for e in meetings if not _plain(e)]
        keeper = own[0] if own else meetings[0]
        for event in events:
            if event is keeper or not _plain(event):
                continue
            scene.fold(facts, event.id, keeper.id)


def _headline_events(facts: Facts, scene: Scene) -> None:
    """An event the headline (``Scene.headline_end``) names and the body names only in its
    words ("X and Y held political consultations in Astana") is the one event of the body of
    its kind and head word whose people are its own or some of them, or the other way round,
    and that is held there too ("Kazakh-Russian political consultations ... took place in
    Astana"), or, failing one, nowhere the article says ("X in Mozambique for talks with Y"
    ... "X was to hold talks with his host, Y"; a call, by whatever word: "phone talks", "a
    telephone conversation"); of several, the one the lead tells of; not
    one the body looks ahead to ("the upcoming meeting of the Supreme Council")."""
    end = scene.headline_end()
    if not end:
        return
    for event in list(scene.clusters.values()):
        if event.type != "Event" or not _headline_named(event, end):
            continue
        heads = head_words(event)
        people = {f.object for f in _people(facts, scene, event.id)}
        places = _places(facts, event.id)
        body = [
            e
            for e in scene.clusters.values()
            if e is not event
            and (
                (e.cls == event.cls and (heads & head_words(e) or e.cls == "PhoneCall"))
                or _sittings_of_one_body(event, e)
            )
            and nested(people, {f.object for f in _people(facts, scene, e.id)})
            and not all(any(t.lower_ in _AHEAD for t in m.root.lefts) for m in e.mentions)
        ]
        there = [e for e in body if _held_there(places, _places(facts, e.id), scene)]
        found = there or [e for e in body if not _places(facts, e.id)]
        if len(found) > 1:  # the one the lead tells of ("The 8th meeting of the commission
            lead = _lead_sentence(scene, end)  # commenced here ... the technical sessions")
            found = [e for e in found if min(m.span.start for m in e.mentions) in lead]
        if len(found) == 1:
            scene.fold(facts, event.id, found[0].id)


def _held_there(places: set[str], where: set[str], scene: Scene) -> bool:
    """Whether an event held in ``where`` is held in each of ``places``: there, or in the
    country the place lies in (a headline's "summit in Tianjin", the body's "in China")."""
    return all(p in where or scene.country_of(p) in where for p in places)


_BODY_WORDS = {"commission", "committee", "council"}


def _sittings_of_one_body(a: Cluster, b: Cluster) -> bool:
    """A meeting and a session both named after a joint commission, committee or council
    ("Egypt, Jordan hold joint committee meeting" and "the 33rd session of the
    Egyptian-Jordanian Joint Higher Committee")."""

    def bodies(event: Cluster) -> set[str]:
        return {t.lower_ for m in event.mentions for t in m.span} & _BODY_WORDS

    return {a.cls, b.cls} <= {"Meeting", "Session"} and bool(bodies(a) & bodies(b))


def _headline_named(event: Cluster, end: int) -> bool:
    """Whether the headline names an event, and the body at most in its words ("the
    commission meeting" after "Intergovernmental commission meeting begins")."""
    words = {t.lower_ for m in event.mentions if m.span.start < end for t in m.span}
    return bool(words) and all(
        m.span.start < end or {t.lower_ for t in m.span if t.pos_ != "DET"} <= words
        for m in event.mentions
    )


def _lead_sentence(scene: Scene, end: int) -> range:
    """The token positions of the first sentence after the headline."""
    lead = next((s for s in scene.sentences if s.start >= end), None)
    return range(lead.start, lead.end) if lead is not None else range(0)


def _places(facts: Facts, event: str) -> set[str]:
    return {f.object for f in facts.of("heldIn") if f.subject == event}


def _plain(event: Cluster) -> bool:
    """A meeting told by a verb, or by a word for any meeting with at most words of praise
    ("a very successful and constructive meeting") or of how it was held ("a telephone
    conversation"), not one of its own kind; or said of one told before ("It was a very
    open and intense talk")."""
    return all(
        m.anaphor
        or said_of_it(m.root)
        or (
            m.root.lemma_.lower() in _PLAIN_MEETINGS
            and all(
                c.dep_ in _PLAIN_DEPS
                or (c.dep_ == "amod" and c.lower_ in _PRAISE)
                or (c.dep_ == "amod" and c.lemma_.lower() in _HELD)  # "Held talks with X"
                or (c.dep_ in {"compound", "amod"} and c.lower_ in REMOTE)  # "phone talks"
                for c in m.root.children
            )
        )
        for m in event.mentions
    )


def _announced_only(facts: Facts, scene: Scene) -> None:
    """Of planned events, only those the article's lead announces, the visits of a tour it
    announces (by the tour's visitor), or named ones, keep their frame: plans for other
    talks are not facts of the article."""
    touring = {
        p.object
        for v in scene.announced
        if v in scene.clusters and scene.clusters[v].cls == "Visit"
        for p in facts.participants(v)
        if p.rule in VISITOR_RULES
    }
    stops = {
        p.subject
        for p in facts.of("participant", None)
        if p.object in touring and scene.clusters[p.subject].cls == "Visit"
    }
    for key, f in list(facts.found.items()):
        event = scene.clusters[f.subject]
        if (
            f.status == "planned"
            and f.predicate in {"participant", "heldIn", "headedBy"}
            and event.type == "Event"
            and f.subject not in scene.announced | stops
            and not named_event(event)
            and not (f.rule in VISITOR_RULES and _presupposed(event))
        ):
            del facts.found[key]


def _presupposed(event: Cluster) -> bool:
    """A visit named as the time of something ("will meet X during his visit"): under way,
    or certain to come, whatever the sentence plans."""
    return event.cls == "Visit" and any(
        m.root.dep_ == "pobj" and m.root.head.lower_ == "during" for m in event.mentions
    )


def _quoted_visits(facts: Facts, scene: Scene) -> None:
    """A visit only a quotation recalls ("it was after your visit to Baku that ...") is no
    event of the article: where it went and who took part are not facts of it (one a
    quotation announces is)."""
    for key, f in list(facts.found.items()):
        event = scene.clusters[f.subject]
        if (
            event.cls == "Visit"
            and f.status == "asserted"
            and f.predicate in {"heldIn", "participant"}
            and all(in_quotes(m.root) for m in event.mentions)
        ):
            del facts.found[key]
