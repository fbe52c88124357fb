"""Whom each person acts for: the country (and body) a person represents in the article.

In order of trust: the country or body of a title the person holds ("Minister of Foreign
Affairs of China Wang Yi", "Kazakh President X"); a country right after the name ("William
Ruto of Kenya", "John Mahama (Ghana)") or right before it ("Kazakhstan's Tokayev"); the side
a person heads or speaks for ("the Iranian side was chaired by X", "X, co-chairman from the
Turkmen side"); for a person the knowledge base knows, the country of the office they held
on the article's date when that country is named in the article; and, for a minister or
head of state or government whose title names no country, the country of the article's
dateline (a Ghanaian agency's "Foreign Minister X", datelined Accra, is Ghana's).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from kg.kb import KBEntry, KnowledgeBase, normalize
from kg.kb.names import translit
from kg.nlp.anaphora import office
from kg.nlp.coref import Cluster
from kg.nlp.mentions import Mention, tokens_with
from kg.nlp.positions import Held
from kg.nlp.relations import RECEIVING, Resolver

__all__ = ["Affiliation", "affiliations", "home_officials", "kb_person", "side_heads"]

# Offices of a national government: held with no country named, the dateline's country's.
_NATIONAL_OFFICES = {"president", "minister", "premier", "pm", "chancellor"}
_HEADING = {"head", "lead", "chair", "co-chair", "cochair", "represent"}
_NOT_NATIONAL = {"ambassador", "envoy", "governor", "mayor", "board", "company", "bank"}


class Affiliation:
    """A person's side: ``country`` and ``bodies`` are entity ids, each with the mention of
    the sentence that says so."""

    def __init__(self) -> None:
        self.country: str | None = None
        self.country_evidence: Mention | None = None
        self.bodies: dict[str, Mention] = {}
        self.headed: set[str] = set()  # bodies they act for as more than a minister of state

    def set_country(self, country: str, evidence: Mention) -> None:
        if self.country is None:
            self.country, self.country_evidence = country, evidence


def kb_person(cluster: Cluster, kb: KnowledgeBase) -> KBEntry | None:
    """The one knowledge-base person whose name is one of the cluster's full names, or
    where none is, one of them without its middle names ("Nana Akufo-Addo" of "Nana Addo
    Dankwa Akufo-Addo"), or where none is, one whose surname is spelt otherwise and whose
    first name has the same initial ("Nikola Pashinian" of "Nikol Pashinyan")."""
    full = [f for f in cluster.forms if len(f.split()) > 1]
    for forms in (full, [f"{f.split()[0]} {f.split()[-1]}" for f in full if len(f.split()) > 2]):
        found = {entry.qid: entry for form in forms for entry in kb.lookup(form, ("Person",))}
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    spelt = {
        entry.qid: entry
        for form in full
        for entry in kb.by_surname.get(translit(form.split()[-1]), [])
        if normalize(entry.label)[:1] == normalize(form)[:1]
    }
    return next(iter(spelt.values())) if len(spelt) == 1 else None


def _kb_by_surname(
    cluster: Cluster, titles: list[str], day: date | None, countries: set[str]
) -> str | None:
    """For a person named only by surname ("President Biden", "PM Marrero Cruz"), the
    country of the one knowledge-base person with that surname who held such an office in a
    country the article names."""
    forms = {normalize(f) for f in cluster.forms}
    names = {f for f in forms if len(f.split()) == 1} or {f for f in forms if len(f.split()) == 2}
    if len(names) != 1:
        return None
    surname = names.pop()
    offices = {_office_word(t) for t in titles if t}
    found = set()
    for entry in KnowledgeBase.load().by_last_name.get(surname.split()[-1], []):
        if not any(normalize(n).endswith(f" {surname}") for n in (entry.label, *entry.aliases)):
            continue
        held = [h for h in entry.holdings if not offices or _office_word(h.title) in offices]
        country = _held_on(replace(entry, holdings=tuple(held)), day, countries)
        if country:
            found.add(country)
    return found.pop() if len(found) == 1 else None


def _office_word(title: str) -> str:
    """The last word of the office a title names ("minister" of "PM" and of "Prime Minister
    of Cuba")."""
    words = office(title).split()
    return words[-1] if words else ""


def _held_on(entry: KBEntry, day: date | None, countries: set[str]) -> str | None:
    """The country QID of an office the person held on ``day`` (any office, without a day),
    among the countries named in the article."""
    when = day.isoformat() if day else None
    options = []
    for holding in entry.holdings:
        if holding.of not in countries:
            continue
        start, end = holding.start or "", holding.end or ""
        current = when is None or (
            start[: len(when)] <= when and (not end or end == "?" or when[: len(end)] <= end)
        )
        if current:
            options.append(holding.of)
    return options[0] if len(set(options)) == 1 else None


def _country_in(body: Mention, resolver: Resolver) -> str | None:
    """The country named inside a body's name ("Cabinet of Ministers of Kyrgyzstan")."""
    for i in range(body.span.start, body.span.end):
        inner = resolver.inside.get(i)
        if inner is not None and inner.type == "Country" and inner.entity:
            return inner.entity
    return None


_BEFORE_NAME = {"'s", "’s", "leader", "leaders"}  # "Kazakhstan's X", "UK leader X"


def _adjacent_country(doc: Doc, person: Mention, resolver: Resolver) -> Mention | None:
    """ "X of Kenya", "X (Ghana)", "Kazakhstan's X", "UK leader X" (a leader is no title the
    article gives: no position)."""
    end = person.span.end
    if end + 1 < len(doc) and doc[end].text in {"of", "("}:
        after = resolver.inside.get(end + 1)
        closed = after is not None and after.span.end < len(doc) and doc[after.span.end].text == ")"
        if (
            after is not None
            and after.type == "Country"
            and not after.demonym
            and (doc[end].text == "of" or closed)
        ):
            return after
    start = person.span.start
    if start >= 2 and doc[start - 1].text in _BEFORE_NAME:
        before = resolver.inside.get(start - 2)
        if before is not None and before.type == "Country":
            return before
    return None


def _side_country(side: Token, resolver: Resolver) -> Mention | None:
    """The country a "side" is named by ("the Iranian side", "Kazakhstan's side")."""
    for child in side.children:
        if child.dep_ in {"amod", "compound", "poss", "nmod"}:
            found = resolver.mention(child)
            if found is not None and found.type == "Country" and found.entity:
                return found
    return None


def _person_at(token: Token, resolver: Resolver) -> Mention | None:
    found = resolver.mention(token)
    return found if found is not None and found.type == "Person" and found.entity else None


def _side_speaker(side: Token, resolver: Resolver) -> Mention | None:
    """Who acts for a side: the person after "by" in "the side was chaired by X", the one
    who "headed the Georgian side", or the person a "from the side" phrase qualifies ("X,
    co-chairman from the Turkmen side", "X became co-chairman from the Turkmen side")."""
    if side.dep_ in {"nsubjpass", "conj"}:
        return _agent(side, resolver)
    if side.dep_ == "dobj" and side.head.lemma_ in _HEADING:
        subject = next((c for c in side.head.children if c.dep_ == "nsubj"), None)
        return _person_at(subject, resolver) if subject is not None else None
    if side.dep_ != "pobj" or side.head.lower_ not in {"from", "for", "on"}:
        return None
    word = side.head.head
    found = _person_at(word, resolver)
    if found is None and word.dep_ in {"attr", "appos", "dobj"}:
        found = _person_at(word.head, resolver)
        word = word.head
    if found is None and word.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in word.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        found = _person_at(subject, resolver) if subject is not None else None
    return found


def _agent(side: Token, resolver: Resolver) -> Mention | None:
    """The person named after "was headed by" (or chaired, led) right after a side, or
    after "by" right after a side the verb of the side before it heads ("..., and the Uzbek
    side by X"), read off the words: parsers often hang the name elsewhere."""
    doc = side.doc
    end = min(side.sent.end, side.i + 6)
    by = next((t for t in doc[side.i + 1 : end] if t.lower_ == "by"), None)
    gapped = by is not None and by.i == side.i + 1 and side.head.lemma_ in _HEADING
    if by is None or (doc[by.i - 1].lemma_ not in _HEADING and not gapped):
        return None
    for token in doc[by.i + 1 : min(side.sent.end, by.i + 12)]:
        if token.is_punct:
            break
        found = _person_at(token, resolver)
        if found is not None:
            return found
    return None


def side_heads(doc: Doc, resolver: Resolver) -> list[tuple[Mention, Mention, Token]]:
    """(person, country, the word "side") for each person said to head or speak for a
    country's side."""
    found = []
    for side in tokens_with(doc, "LOWER", ["side"]):
        country = _side_country(side, resolver)
        person = _side_speaker(side, resolver) if country is not None else None
        if country is not None and person is not None:
            found.append((person, country, side))
    return found


def _national_office(title: str) -> bool:
    words = set(normalize(title).split())
    return bool(words & _NATIONAL_OFFICES) and not words & _NOT_NATIONAL


def home_officials(
    sides: dict[str, Affiliation],
    clusters: list[Cluster],
    positions: list[Held],
    home: str | None,
    countries: dict[str, str],
    resolver: Resolver,
) -> None:
    """A person of no country (in ``countries``, entity ids by person) or body who holds a
    national office of no named country acts for the country of whom they travel with
    ("Foreign Minister X, who is travelling with President Y", "Y was accompanied by
    Minister X"), else for the dateline's country (``home``, an entity id, if any), but for
    one who comes to it ("Foreign Minister X arrived in Hanoi", datelined Hanoi: a guest);
    one who held it once ("former President") may have held it anywhere. Run it last: "Thai
    PM" in the headline gives its holder a country first."""
    country = next((c for c in clusters if c.id == home), None)
    at_home = {c.id for c in clusters if c.id == home} | {
        c.id for c in clusters if c.type == "Place" and country and c.country == country.qid
    }
    for cluster in clusters:
        side = sides.get(cluster.id)
        if side is None or cluster.id in countries or side.bodies:
            continue
        if not _national(cluster.id, positions):
            continue
        if any(_leads_a_body_s_delegation(m, resolver) for m in cluster.mentions):
            continue  # "a delegation of the Asian Development Bank led by Vice President X"
        led = [t for m in cluster.mentions for t in _travels_with(m)]
        inviting = next((c for m in cluster.mentions if (c := _invites_to(m, resolver))), None)
        if inviting is not None:  # the host invites: "a visit to Japan at the invitation of"
            side.set_country(inviting, cluster.mentions[0])
            countries[cluster.id] = inviting
        elif led:  # of the side of whom they travel with, when the article says whose that is
            found = [m.entity for t in led if (m := resolver.mention(t)) is not None]
            of = next((countries[e] for e in found if e and e in countries), None)
            if of is not None:
                side.set_country(of, cluster.mentions[0])
                countries[cluster.id] = of
        elif (listed := _listed_with(cluster, countries, resolver)) is not None:
            side.set_country(listed, cluster.mentions[0])  # "met A, B and Minister C"
            countries[cluster.id] = listed
        elif (sent := _sent_by(cluster, countries, resolver)) is not None:
            side.set_country(sent, cluster.mentions[0])  # "X conveyed greetings from Y"
            countries[cluster.id] = sent
        elif (abroad := _met_on_a_visit(cluster, home, resolver)) is not None:
            side.set_country(abroad, cluster.mentions[0])  # "on his visit to Japan, X met Y"
            countries[cluster.id] = abroad
        elif home is not None and not any(
            _comes_to(m, at_home, resolver) for m in cluster.mentions
        ):
            side.set_country(home, cluster.mentions[0])
            countries[cluster.id] = home


def _met_on_a_visit(cluster: Cluster, home: str | None, resolver: Resolver) -> str | None:
    """The country a sentence tells a visit to, other than the dateline's, where it tells
    that someone met a person ("wrapped up his visit to Japan, during which he called on
    Prime Minister Y"): the person's, unless the visit is theirs."""
    for mention in cluster.mentions:
        word = _titled(mention)
        verb = (
            word.head.head if word.dep_ == "pobj" and word.head.lower_ in {"on", "with"} else None
        )
        if not (
            (word.dep_ == "dobj" and word.head.lemma_ in _MEETING_VERBS)
            or (verb is not None and verb.lemma_ in _MEETING_VERBS | {"call"})
        ):
            continue
        visited = {
            m.entity
            for t in mention.root.sent
            if t.lemma_ in {"visit", "trip", "tour"} and not _theirs(t, cluster, resolver)
            for to in t.children
            if to.dep_ == "prep" and to.lower_ == "to"
            for place in to.children
            if (m := resolver.mention(place)) is not None and m.type == "Country"
        } - {home}
        if len(visited) == 1:
            return visited.pop()
    return None


def _titled(mention: Mention) -> Token:
    """The word a person's name stands in the sentence by: the title it hangs on, if any
    ("on Prime Minister Y": "Minister")."""
    word = mention.root
    while word.dep_ in {"compound", "appos"} and word.head != word:
        word = word.head
    return word


def _theirs(visit: Token, cluster: Cluster, resolver: Resolver) -> bool:
    """Whether a visit is the person's own ("during his visit to Cuba")."""
    return any(
        (m := resolver.mention(c)) is not None and m.entity == cluster.id
        for c in visit.children
        if c.dep_ == "poss"
    )


def _met_list(word: Token) -> bool:
    """Whether a word is in the list of whom a verb says someone met or received ("met with
    A, B and C", "received A and B"), not a list of sides ("between A and B", "A and B
    met")."""
    top = min((word, *word.conjuncts), key=lambda t: t.i)
    while top.dep_ in {"appos", "conj", "pobj", "prep", "compound"} and top.head.pos_ != "VERB":
        if top.lower_ == "between" or top.head == top:
            return False
        top = top.head  # up the titles a parse hangs a list on ("Speaker A, Minister B")
    listing = top.dep_ == "dobj" or (top.dep_ == "prep" and top.lower_ == "with")
    return listing and top.head.lemma_ in _MEETING_VERBS


_MEETING_VERBS = RECEIVING | {"meet", "hold"}  # "held talks with"


def _listed_with(cluster: Cluster, countries: dict[str, str], resolver: Resolver) -> str | None:
    """The one country of the people a mention of a person is listed with ("met Speaker A,
    Foreign Minister B and Minister of Economy C": C acts for the country A and B act for)."""
    found = set()
    for mention in cluster.mentions:
        heads = [mention.root]  # and the titles the name hangs on ("Minister of ... C")
        while heads[-1].head.pos_ in {"PROPN", "NOUN", "ADP"} and heads[-1].head != heads[-1]:
            heads.append(heads[-1].head)
        listing = [h for h in heads if h.conjuncts and _met_list(h)]
        for listed in (c for h in listing for c in h.conjuncts):
            found |= {
                countries[m.entity]
                for t in listed.subtree
                if (m := resolver.mention(t)) is not None
                and m.entity in countries
                and m.entity != cluster.id
            }
    return found.pop() if len(found) == 1 else None


_MESSAGES = {"greeting", "greetings", "message", "letter", "regard", "regards", "wish", "wishes"}


def _message(word: Token) -> bool:
    return word.lemma_ in _MESSAGES and word.dep_ in {"dobj", "nsubjpass"}


def _sent_by(cluster: Cluster, countries: dict[str, str], resolver: Resolver) -> str | None:
    """The country of one who conveys a message from a person ("X conveyed greetings from
    President Y", "X handed over a letter from Y"): the sender's."""
    for mention in cluster.mentions:
        word = _titled(mention)  # "from President Y"
        if not (word.dep_ == "pobj" and word.head.lower_ in {"from", "of"}):
            continue
        verb = word.head.head  # "greetings from Y", or "conveyed [greetings] from Y"
        if _message(verb):
            verb = verb.head
        elif not any(_message(c) for c in verb.children):
            continue
        bearers = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
        bearers = [o for c in bearers for o in (c.children if c.dep_ == "agent" else [c])]
        found = {
            countries[m.entity]
            for b in bearers
            if (m := resolver.mention(b)) is not None and m.entity in countries
        }
        if len(found) == 1:
            return found.pop()
    return None


def _national(person: str, positions: list[Held]) -> bool:
    """Whether a person holds a national office of no named country, now."""
    held = [h for h in positions if h.person.entity == person and h.title and not h.former]
    return (
        bool(held)
        and all(h.of is None for h in held)
        and any(_national_office(h.title or "") for h in held)
    )


_INCLUDE = {"include", "comprise"}


def _members(
    clusters: list[Cluster], resolver: Resolver, countries: dict[str, Cluster]
) -> Iterator[tuple[Mention, str]]:
    """(person, country entity id) for each person a country's delegation is said to include
    or to be led by ("The Kuwaiti delegation included Foreign Minister X and Minister Y",
    "received the Latvian delegation led by Minister of Economics Z", "the Uzbek delegation
    was headed by Minister W", "Minister W headed the Uzbek delegation")."""
    for cluster in clusters:
        country = countries.get(cluster.country or "")
        if cluster.type != "Delegation" or country is None:
            continue
        for m in cluster.mentions:
            verb = m.root.head
            named = []
            if m.root.dep_ == "nsubj" and verb.lemma_ in _INCLUDE:
                named += [c for c in verb.children if c.dep_ == "dobj"]
            if m.root.dep_ in {"nsubjpass", "dobj"} and verb.lemma_ in _HEADING - {"represent"}:
                named += [
                    o
                    for c in verb.children
                    for o in ([c] if c.dep_ == "nsubj" else c.children if c.dep_ == "agent" else ())
                    if o.dep_ in {"nsubj", "pobj"}
                ]
            named += [
                o
                for led in m.root.children
                if led.dep_ == "acl" and led.lemma_ in _HEADING
                for agent in led.children
                if agent.dep_ == "agent"
                for o in agent.children
                if o.dep_ == "pobj"
            ]
            for word in named:
                for found in resolver.expand(word):
                    if found.type == "Person" and found.entity:
                        yield found, country.id


_COMING = {"arrive", "visit", "travel", "fly", "land", "come", "pay", "reach"}
_TRIPS = {"visit", "trip", "tour", "mission"}


def _comes_to(mention: Mention, places: set[str], resolver: Resolver) -> bool:
    """Whether the mention is who arrives in, travels or pays a visit to one of ``places``
    (entity ids) by its verb ("X arrived in Hanoi", "X paid a visit to Vietnam", "the
    minister is on a two-day visit to Oman")."""
    root = mention.span.root
    verb = root.head
    on_a_visit = verb.lemma_ == "be" and any(
        p.lower_ == "on" and any(o.lemma_ in _TRIPS for o in p.children) for p in verb.children
    )
    if root.dep_ not in {"nsubj", "nsubjpass"} or not (verb.lemma_ in _COMING or on_a_visit):
        return False
    for token in verb.subtree:
        if token.i not in range(mention.span.start, mention.span.end):
            found = resolver.mention(token)
            if found is not None and found.entity in places:
                return True
    return False


def _invites_to(mention: Mention, resolver: Resolver) -> str | None:
    """The country (entity id) that the mention's person invites a visitor to, named in the
    same sentence ("is paying an official visit to Japan at the invitation of Prime Minister
    X": Japan's)."""
    root = mention.span.root
    if not (
        root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ == "invitation"
    ):
        return None
    destinations = (
        resolver.mention(o)
        for trip in root.sent
        if trip.lemma_ in _TRIPS | _COMING
        for to in trip.children
        if to.dep_ == "prep" and to.lower_ == "to"
        for o in to.children
        if o.dep_ == "pobj"
    )
    return next((m.entity for m in destinations if m and m.type == "Country" and m.entity), None)


_ACCOMPANYING = {"accompany", "travel", "fly", "come"}  # "X, who is travelling with Y"


def _leads_a_body_s_delegation(mention: Mention, resolver: Resolver) -> bool:
    """Whether the mention is of who leads a body's delegation ("a delegation of the Asian
    Development Bank led by Vice President X"): an office of the body, not of a country."""
    word = _titled(mention)  # "by Vice President X"
    led, delegation = word.head.head, word.head.head.head
    if not (word.dep_ == "pobj" and word.head.dep_ == "agent" and led.lemma_ in {"lead", "head"}):
        return False
    if delegation.dep_ == "pobj" and delegation.head.head.lemma_ == "delegation":
        delegation = delegation.head.head  # the parser hung "led" on the body's name
    return delegation.lemma_ == "delegation" and any(
        (m := resolver.mention(o)) is not None and m.type == "Organization"
        for p in delegation.children
        if p.dep_ == "prep" and p.lower_ in {"of", "from"}
        for o in p.children
    )


def _travels_with(mention: Mention) -> list[Token]:
    """The words naming whom the mention's person travels with ("X was accompanied by Y",
    "X arrived with Y", "Y accompanied X", "Y, who is travelling with X"): X's."""
    root = mention.span.root
    noun = next((t for t in [root, *root.ancestors] if t.dep_ in {"pobj", "nsubj"}), root)
    head, verb = noun.head, noun.head.head
    if noun.dep_ == "pobj" and head.lower_ == "by" and verb.lemma_ == "accompany":
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    if noun.dep_ == "pobj" and head.lower_ == "with" and verb.lemma_ in _COMING:
        return [c for c in verb.children if c.dep_ == "nsubj"]
    if noun.dep_ == "nsubj" and head.lemma_ == "accompany":
        return [c for c in head.children if c.dep_ == "dobj"]
    return [
        o
        for clause in root.children
        if clause.dep_ == "relcl" and clause.lemma_ in _ACCOMPANYING
        for c in clause.children
        for o in ([c] if c.dep_ == "dobj" else c.children if c.lower_ == "with" else [])
    ]


def affiliations(
    doc: Doc,
    resolver: Resolver,
    clusters: list[Cluster],
    positions: list[Held],
    day: date | None,
) -> dict[str, Affiliation]:
    """Each person cluster's side, by cluster id."""
    sides: dict[str, Affiliation] = {c.id: Affiliation() for c in clusters if c.type == "Person"}
    for held in positions:
        side = sides.get(held.person.entity or "")
        if side is None or held.of is None or not held.of.entity:
            continue
        if held.of.type == "Country":
            side.set_country(held.of.entity, held.person)
        else:
            side.bodies.setdefault(held.of.entity, held.person)
            if not {"minister", "ministers", "government"} & set(
                f"{held.title} {held.of.text}".lower().split()
            ):  # a chairman of a body, not a minister or a head of government
                side.headed.add(held.of.entity)
            country_id = _country_in(held.of, resolver) or (
                held.country.entity if held.country is not None else None
            )
            if country_id is not None:
                side.set_country(country_id, held.person)
            elif held.of.country:
                owner = next(
                    (c for c in clusters if c.type == "Country" and c.qid == held.of.country), None
                )
                if owner is not None:
                    side.set_country(owner.id, held.person)
    for cluster in clusters:
        if cluster.type != "Person":
            continue
        for mention in cluster.mentions:
            country = _adjacent_country(doc, mention, resolver)
            if country is not None and country.entity:
                sides[cluster.id].set_country(country.entity, mention)
    for person, country, _ in side_heads(doc, resolver):
        if person.entity in sides and country.entity:
            sides[person.entity].set_country(country.entity, person)
    named = {c.qid: c for c in clusters if c.type == "Country" and c.qid}
    for member, country_id in _members(clusters, resolver, named):
        sides[member.entity or ""].set_country(country_id, member)
    kb = KnowledgeBase.load()
    for cluster in clusters:
        side = sides.get(cluster.id)
        if side is None or side.country is not None:
            continue
        entry = kb_person(cluster, kb)
        if entry is not None:
            qid = _held_on(entry, day, set(named))
        else:
            titles = [h.title for h in positions if h.person.entity == cluster.id and h.title]
            qid = _kb_by_surname(cluster, titles, day, set(named))
        if qid:
            side.set_country(named[qid].id, cluster.mentions[0])
    return sides
