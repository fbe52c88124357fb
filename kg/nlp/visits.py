"""Who visited where, read off the frames of the events an article reports rather than off
one phrasing: a guest acting for one country who takes part in an event held in another
country that the host country takes part in (a meeting, a session, a forum, a signing, a
reception) travelled there, and so visited the place it was held in and that country.

A gathering in a third country ("on the sidelines of the UN General Assembly"), where no one
takes part for the country it is held in, tells nothing of who travelled where; nor does a
telephone or video call.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.nlp.coref import Cluster
from kg.nlp.facts import Fact, Facts, Scene
from kg.nlp.relations import RECEIVING, modality, where_words

__all__ = [
    "GUESTS",
    "VISITOR_RULES",
    "another",
    "apart",
    "attended_there",
    "envoy",
    "envoys_stay",
    "guests_visit",
    "hosts_stay",
    "in_quotes",
    "lasting",
    "past",
    "recalled",
    "received_guests",
    "stays",
    "visiting_guests",
    "visitors_present",
]

VISITOR_RULES = {
    "participant/visitor",
    "participant/visitor-of",
    "participant/visited",
    "participant/event-for",
    "participant/guest-for",
}
_NEWS_DAYS = {"today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday"}
_NEWS_DAYS |= {"friday", "saturday", "sunday"}  # the days of the reported events
_APART = {"previous", "last", "earlier", "past", "next", "upcoming", "forthcoming", "recent"}


def apart(token: Token) -> bool:
    """A visit told apart from the one reported: dated, not as news is ("on Thursday",
    "today"), or "previous", "next", "recent"; not by how long it lasts ("a two-day visit")."""
    dates = [t for t in token.subtree if t.ent_type_ == "DATE" and not lasting(t)]
    return (bool(dates) and not any(t.lower_ in _NEWS_DAYS for t in dates)) or another(token)


_PAST = {"earlier", "previously", "recently", "ago", "last", "past", "previous", "recent"}


def past(token: Token) -> bool:
    """A visit told as before the news: "earlier this month", "last year", "two weeks ago",
    "previously", "his recent visit"; not one of the news days ("last Sunday")."""
    dated = [
        t
        for c in token.children
        if c.dep_ in {"npadvmod", "advmod", "prep", "tmod"}
        for t in c.subtree
        if t.ent_type_ == "DATE"
    ]
    said = [c for c in token.children if c.dep_ == "advmod"]
    return not any(t.lower_ in _NEWS_DAYS for t in dated) and any(
        t.lower_ in _PAST for t in (*dated, *said, *token.lefts)
    )


def recalled(token: Token) -> bool:
    """A visit someone recalls ("recalled with pleasure his visit to Tatarstan"): a past one."""
    while token.dep_ in {"dobj", "pobj", "prep"} and token.head is not token:
        token = token.head  # up through objects ("recalled with pleasure his visit")
        if token.lemma_ in _RECALL:
            return True
    return False


def another(token: Token) -> bool:
    """A visit called another than the one reported ("his previous visit", "the next one")."""
    return any(t.lower_ in _APART for t in token.lefts)


_UNITS = {"day", "week", "month"}
_RECALL = {"recall", "remember", "recollect"}  # verbs of a visit past


def lasting(token: Token) -> bool:
    """A word of how long something lasts, before the noun it modifies ("two-day")."""
    unit = token if token.lemma_ in _UNITS else token.head
    return (
        unit.lemma_ in _UNITS and unit.dep_ in {"compound", "nmod", "amod"} and unit.head.i > unit.i
    )


_FACE_TO_FACE = {"Meeting", "Talks", "SigningCeremony", "Summit", "Forum", "Conference"}
_TRAVELLERS = {"Person", "Delegation"}
GUESTS = {"guest", "visitor"}  # what a visitor is called
_TOUR = {"visit", "tour", "inspect"}
_OPEN = {"inaugurate", "open", "unveil", "lay", "launch"}  # "opened a school in X": was in X
_RESIDENT = {"ambassador", "chargé", "charge", "commissioner"}  # envoys who live there
_CALLS = {"call", "visit"}  # "paid a courtesy call on", "paid courtesy visits to"


def guests_visit(facts: Facts, scene: Scene) -> None:
    """Who took part in an event held in a country that takes part in it (itself or by one
    of its people), while acting for another country, visited the place it was held in and
    that country. A palace or city the article places in no country lies in the country a
    guest at the event is visiting ("talks at the Great Hall of the People" during a visit
    to China), not one a quotation recalls ("since you visited India")."""
    trips = {(f.subject, f.object) for f in _trips(facts, scene)}
    for held in facts.of("heldIn"):
        event = scene.clusters[held.subject]
        if event.type != "Event" or event.cls not in _FACE_TO_FACE or _numbered(event):
            continue
        members = [p for p in facts.participants(event.id) if p.status == "asserted"]
        sides = {
            scene.countries.get(p.object)
            for p in members
            if scene.clusters[p.object].type in _TRAVELLERS
        } - {None}
        country = scene.country_of(held.object)
        if country is None:
            visited = {c for p in members for c in sides if (p.object, c) in trips}
            country = visited.pop() if len(visited) == 1 else None
        hosted = country in sides or any(p.object == country for p in members)
        if country is None or not hosted or len(sides | {country}) > 2:
            continue
        for part in members:
            guest = scene.clusters[part.object]
            side = scene.countries.get(guest.id)
            if guest.type not in _TRAVELLERS or side in {None, country}:
                continue
            for target in dict.fromkeys((held.object, country)):
                facts.add(
                    guest.id, "visited", target, held.sentence, 0.6, "asserted", "visited/guest"
                )


def _trips(facts: Facts, scene: Scene) -> list[Fact]:
    """The visits to countries the article tells, not those a quotation recalls ("since you
    visited India"): what places a palace or a visitor's doings in a country."""
    return [
        f
        for f in facts.of("visited")
        if scene.clusters[f.object].type == "Country"
        and (f.trigger is None or not in_quotes(f.trigger))
    ]


def received_guests(facts: Facts, scene: Scene) -> None:
    """A guest a host of another country received, hosted, welcomed or greeted ("Tokayev
    received Wang Yi", "was hosted by President Kagame", "was met at the airport by the Prime
    Minister", "welcomed the U.S. delegation" for its head, "met visiting President X")
    visited that country, and the place the reception was at; the reception may be told in
    another sentence than the meeting ("X received at the airport President Y"). Not so when
    the host is the one visiting the guest's country ("Y called on the visiting X")."""
    if not facts.of("met"):
        return
    heads = {f.subject: f.object for f in facts.of("headedBy")}
    inside = _inside(scene)
    told = scene.with_words("LEMMA", RECEIVING | {"meet", "pay", "call"}) + scene.with_words(
        "LOWER", ["visiting"]
    )
    receptions = [
        r for s in sorted(set(told), key=lambda s: s.start) for r in _receptions(s, inside)
    ]
    trips = {(f.subject, f.object) for f in _trips(facts, scene)}
    for f in facts.of("met"):
        for host, guest in ((f.subject, f.object), (f.object, f.subject)):
            country, own = scene.countries.get(host), scene.countries.get(guest)
            if country is None or own in {None, country} or (host, own) in trips:
                continue  # a "host" visiting the guest's country hosts no one
            for hosts, guests, at in receptions:
                visitors = [g for g in guests if guest in {g, heads.get(g)}]
                if host not in hosts or not visitors:
                    continue
                places = [p for p in at if scene.clusters[p].type == "Place"]
                for visitor in dict.fromkeys([guest, *visitors]):  # and a delegation it heads
                    for target in (country, *places):
                        facts.add(
                            visitor,
                            "visited",
                            target,
                            f.sentence,
                            0.6,
                            f.status,
                            "visited/received",
                        )


def _receptions(
    sentence: Span, inside: dict[int, str]
) -> Iterator[tuple[list[str], list[str], list[str]]]:
    """The entities named on each side of each "X received Y", "Y was received (met) by X",
    "Y paid a courtesy call on X" or "visiting Y" in ``sentence``, in text order, and where
    it was ("at the palace", "in Astana", however the parser hangs it): (hosts, guests,
    places); ``inside`` gives the entity of each token of a mention (the shortest mention it
    lies in)."""

    def ids(tokens: list[Token]) -> list[str]:
        named = [_named_by(x) for x in tokens]
        return list(dict.fromkeys(inside[t.i] for x in named for t in x.subtree if t.i in inside))

    everyone = list(dict.fromkeys(inside[t.i] for t in sentence if t.i in inside))
    for token in sentence:
        visitor = _visitor(token, inside)
        if visitor is not None:  # "met visiting President X": everyone else received X
            guest, named = visitor
            places = [e for e in ids(where_words(named)) if e != guest]
            yield [e for e in everyone if e != guest], [guest], places
        called = _called_on(token)
        if called:  # "X paid a courtesy call on Y": Y received X
            guests = [c for c in token.children if c.dep_ == "nsubj"]
            yield ids(called), ids(guests), ids(where_words([token]))
        if token.pos_ != "VERB" or token.lemma_ not in RECEIVING | {"meet"}:
            continue
        hosts = [g for c in token.children if c.dep_ == "agent" for g in c.children]
        guests = [c for c in token.children if c.dep_ == "nsubjpass"]
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if token.lemma_ in RECEIVING:  # "was met by" is a reception, "met" is not
            hosts += [c for c in token.children if c.dep_ == "nsubj"]
            guests += objects
        at = where_words([token, *hosts, *guests])
        guest_ids = ids(guests)
        places = [e for e in ids(at) if e not in guest_ids]
        if token.lemma_ in RECEIVING and not objects:  # "received at the airport President X"
            guest_ids += places  # the parser hung X under the place
        yield ids(hosts), guest_ids, places


def _named_by(token: Token) -> Token:
    """The word a pronoun of a relative clause stands for ("X met Y, who called on him": Y for
    "who", X for "him"), else the word itself."""
    if token.lower_ not in _CLAUSE_PRONOUNS:
        return token
    clause = next((v for v in token.ancestors if v.dep_ == "relcl"), None)
    if clause is None:
        return token
    if token.lower_ in {"who", "whom"}:
        return clause.head
    subjects = [c for c in clause.head.head.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects and clause.head.dep_ in {"dobj", "pobj"} else token


_CLAUSE_PRONOUNS = {"who", "whom", "him", "her"}


def _called_on(token: Token) -> list[Token]:
    """Whom a "paid a courtesy call on", "paid courtesy visits to" or "called on" (not
    "called on X to do") names, however the parser hangs the preposition (on the visit or on
    the verb)."""
    if token.pos_ != "VERB":
        return []
    if token.lemma_ == "call" and not any(c.dep_ in {"xcomp", "dobj"} for c in token.children):
        calls = [token]
    elif token.lemma_ == "pay":
        calls = [c for c in token.children if c.dep_ == "dobj" and c.lemma_ in _CALLS]
    else:
        return []
    return [
        o
        for x in (token, *calls)
        if calls
        for p in x.children
        if p.dep_ in {"prep", "dative"} and p.lower_ in {"on", "to"}
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _inside(scene: Scene) -> dict[int, str]:
    """The entity of each token of a mention (of the shortest mention it lies in)."""
    mentions = sorted(
        ((m.span, c.id) for c in scene.clusters.values() for m in c.mentions),
        key=lambda mention: -len(mention[0]),
    )
    return {i: entity for span, entity in mentions for i in range(span.start, span.end)}


def _visitor(token: Token, inside: dict[int, str]) -> tuple[str, list[Token]] | None:
    """The guest a "visiting" marks, and the words that name them ("visiting President X",
    "visiting Foreign Minister, X")."""
    visiting = _visiting(token)
    if visiting is None:
        return None
    while visiting.dep_ == "compound":  # "visiting President X": X
        visiting = visiting.head
    named = [visiting, *(c for c in visiting.children if c.dep_ == "appos")]
    guest = next((inside[t.i] for t in named if t.i in inside), None)  # "Minister, X"
    return None if guest is None else (guest, named)


def visiting_guests(facts: Facts, scene: Scene) -> None:
    """A guest "visiting" marks ("held talks with visiting Prime Minister X at the Great
    Hall"), where everyone else the sentence names acts for one other country, visited that
    country, and the place the sentence puts the guest or the talks at when it lies there
    (or in no country the article names)."""
    inside = _inside(scene)
    for sentence in scene.with_words("LOWER", ["visiting"]):
        for token in sentence:
            visitor = _visitor(token, inside)
            own = scene.countries.get(visitor[0]) if visitor else None
            if visitor is None or own is None:
                continue
            guest, named = visitor
            others = {
                scene.countries.get(e)
                for t in sentence
                if (e := inside.get(t.i)) not in {None, guest}
                and scene.clusters[e].type in _TRAVELLERS
            } - {None, own}
            if len(others) != 1:
                continue
            country = others.pop()
            verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), token)
            said = [token, verb, *(c for c in verb.children if c.dep_ == "dobj")]
            places = [
                inside[t.i]
                for t in where_words(named + said)
                if t.i in inside
                and scene.clusters[inside[t.i]].type == "Place"
                and scene.place_countries.get(inside[t.i], country) == country
            ]
            for target in dict.fromkeys((country, *places)):
                facts.add(
                    guest, "visited", target, sentence, 0.6, modality(verb), "visited/visiting"
                )


def _visiting(token: Token) -> Token | None:
    """The guest a "visiting" before a name marks ("met visiting President X", "the
    visiting Minister X"), however the parser hangs it; not "X is visiting Y"."""
    if token.lower_ != "visiting":
        return None
    if token.dep_ in {"amod", "compound"}:
        return token.head
    if any(c.dep_ in {"nsubj", "aux"} for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "dobj"), None)


def _numbered(event: Cluster) -> bool:
    """A numbered sitting of a standing body ("the 10th meeting of the Intergovernmental
    Council"): its members attend it, wherever it is held, without visiting."""
    return any(_numbering(t) for m in event.mentions for t in m.span[: m.root.i - m.span.start])


def _numbering(token: Token) -> bool:
    """A word that numbers a sitting ("10th", "tenth", "44"), not a length ("two-day",
    "40-minute")."""
    return token.ent_type_ == "ORDINAL" or (
        token.like_num and token.ent_type_ not in {"DATE", "TIME"}
    )


def in_quotes(token: Token) -> bool:
    """Whether a word lies inside a quotation of its sentence."""
    before = token.doc[token.sent.start : token.i].text
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def attended_there(facts: Facts, scene: Scene) -> None:
    """A visitor to a country who took part in an event held in a place in it was there
    ("Tokayev, who is in China for the summit, held bilateral meetings ... in Tianjin")."""
    trips = {
        (f.subject, f.object)
        for f in _trips(facts, scene)
        if f.status == "asserted" and f.object != scene.countries.get(f.subject)
    }
    for held in facts.of("heldIn"):
        country = scene.country_of(held.object)
        if held.status != "asserted" or scene.clusters[held.object].type != "Place":
            continue
        for part in facts.participants(held.subject):
            if part.status == "asserted" and (part.object, country) in trips:
                facts.add(
                    part.object,
                    "visited",
                    held.object,
                    held.sentence,
                    0.6,
                    "asserted",
                    "visited/attended-there",
                )


def visitors_present(facts: Facts, scene: Scene) -> None:
    """A visitor the article shows doing anything at or in a place ("At the Pink House in
    Buenos Aires, X reiterated ...", "X laid the foundation stone in Samarkand", "Speaking at
    the Lima Textile Plant, X said", "X inaugurated a hospital in Cusco") was there, when the
    place lies in a country they are visiting, or in none the article names. "The guest" or
    "the visitor" is the one person the article shows visiting a foreign country
    ("the high-ranking guest was met at the airport", "the guest toured the plant")."""
    trips: dict[str, set[str]] = {}
    for f in _trips(facts, scene):
        if f.object != scene.countries.get(f.subject):
            trips.setdefault(f.subject, set()).add(f.object)
    people = [v for v in trips if scene.clusters[v].type == "Person"]
    inside = _inside(scene)
    if not trips:
        return
    for sentence in scene.sentences:
        for token in sentence:
            visitor = inside.get(token.i)
            if visitor is None and token.lemma_ in GUESTS and len(people) == 1:
                visitor = people[0]
            if visitor not in trips or token.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            verb = token.head
            seen = where_words([verb, *_participles(verb)])
            if verb.lemma_ in _TOUR:
                seen += [c for c in verb.children if c.dep_ == "dobj"]
            if verb.lemma_ in _OPEN:
                seen += where_words([c for c in verb.children if c.dep_ == "dobj"])
            for where in seen:
                place = scene.clusters.get(inside.get(where.i, ""))
                if (
                    place is not None
                    and (
                        place.type == "Place"
                        or (place.type == "Organization" and where.dep_ == "dobj")
                    )
                    and scene.place_countries.get(place.id) in {None, *trips[visitor]}
                ):
                    facts.add(
                        visitor,
                        "visited",
                        place.id,
                        sentence,
                        0.6,
                        modality(verb),
                        "visited/present",
                    )


def _participles(verb: Token) -> list[Token]:
    """The participle clauses that share a verb's subject ("Speaking in Lima, X said")."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.tag_ == "VBG"
        and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
    ]


def hosts_stay(facts: Facts, scene: Scene) -> None:
    """A host who goes with a guest to a place of the host's own country ("the two
    presidents headed to the palace", "X escorted the Crown Prince on a tour of the White
    House") shows the guest round, and visits nothing: the sentence that takes a guest
    visiting that country there takes its host there too."""
    trips = {
        (f.subject, f.object)
        for f in facts.of("visited", None)
        if scene.clusters[f.object].type == "Country"
    }
    for f in facts.of("visited", None):
        country = scene.countries.get(f.subject)
        place = scene.clusters[f.object]
        if country is None or place.type != "Place":
            continue
        if scene.place_countries.get(place.id, country) != country:
            continue
        guests = [
            g
            for g in facts.of("visited", None)
            if g.object == f.object
            and g.subject != f.subject
            and (g.subject, country) in trips
            and scene.countries.get(g.subject) != country
        ]
        for reading in list(facts.readings.get((f.subject, "visited", f.object), [])):
            if any(
                r.sentence.start == reading.sentence.start
                for g in guests
                for r in facts.readings[(g.subject, "visited", g.object)]
            ):
                facts.discard(reading)


def envoy(title: str) -> bool:
    """Whether a title is a resident envoy's ("Ambassador of Chile to Peru", "High
    Commissioner", "chargé d'affaires")."""
    return any(w in _RESIDENT for w in title.lower().split())


def envoys_stay(facts: Facts, scene: Scene) -> None:
    """An ambassador, chargé d'affaires or high commissioner lives in the country they are
    sent to: received there ("the President received Ambassador of the United Kingdom to
    Kazakhstan X") or meeting its people there, they visit neither that country nor where
    the meeting was (a palace or a plant they are said to go to, they do)."""
    for f in facts.of("visited", None):
        if stays(f, scene):
            facts.drop(f)


def stays(visited: Fact, scene: Scene) -> bool:
    """Whether a visit is an envoy's to where they live (see ``envoys_stay``)."""
    return visited.subject in scene.envoys and (
        scene.clusters[visited.object].type == "Country" or visited.rule.startswith("visited/guest")
    )
