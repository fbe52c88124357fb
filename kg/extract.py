"""A parsed article (spaCy ``Doc``) to an ``Extraction``: its entities after coreference,
their positions and Wikidata links, the relations with evidence, events with dates and
topics, and trade figures.

The steps, each in its own module of ``kg.nlp``: typed mentions (``mentions``), coreference
(``coref``), titles of people (``positions``), whom people act for (``affiliation``), titles
used alone and "the sides" (``anaphora``), relation patterns (``relations``), the facts that
follow from them (``frames``), trade figures (``trade``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.dates import resolve_date
from kg.events import event_records, implied_events
from kg.kb import KnowledgeBase, normalize
from kg.learn import RelationsModel
from kg.link import Linker, LinkRequest, OfflineLinker
from kg.nlp.affiliation import affiliations, home_officials, side_heads
from kg.nlp.anaphora import (
    country_mentions,
    document_pronouns,
    event_pronouns,
    group_mentions,
    guest_mentions,
    holds,
    latter_mentions,
    leader_mentions,
    listed_documents,
    office,
    partners,
    side_delegations,
    style_mentions,
    title_mentions,
)
from kg.nlp.coref import Cluster, free_id, resolve
from kg.nlp.facts import Fact
from kg.nlp.frames import ATTENDANCE_RULES, MEETINGS, Facts, Scene, around, derive, named_event
from kg.nlp.gazetteer import demonym, heads, topics
from kg.nlp.mentions import Mention, find_mentions, tokens_with
from kg.nlp.paragraphs import in_headline
from kg.nlp.positions import Held, find_positions
from kg.nlp.relations import SIGNATURES, Candidate, Resolver, ahead, find_relations
from kg.nlp.speakers import speaker_mentions
from kg.nlp.trade import find_trade
from kg.nlp.visits import VISITOR_RULES, envoy
from kg.types import Article, Entity, Extraction, Position, TradeFlow
from kg.types import Mention as TextMention

__all__ = ["extract", "topics"]

_GLOBAL = {"Country", "Place", "Organization"}
# Events that keep their own name when two people held them ("the official welcoming
# ceremony", not "ceremony between A and B").
_OWN_NAMES = {"ceremony", "reception", "dinner", "lunch", "breakfast"}
_SAID_ALSO = {"meeting": ("talks",), "talks": ("meeting",)}  # news calls two leaders' talks either
_PARTNER_RULES = {"participant/with", "participant/hold-event-with"}  # "a meeting ... with X"
# Verbs whose "here" is the dateline's place: arrivals, stays and events taking place.
_ARRIVALS = {"arrive", "come", "visit", "hold", "meet", "be", "stay", "land", "gather", "talk"}
_ARRIVALS |= {"take", "commence", "begin", "open", "start", "convene", "conclude", "continue"}


def _delegation_countries(mentions: list[Mention], resolver: Resolver) -> None:
    """Give each delegation mention the country it comes from, when the phrase says it."""
    for m in mentions:
        if m.type != "Delegation":
            continue
        head = m.root
        related = [c for c in head.children if c.dep_ in {"compound", "amod", "poss", "nmod"}]
        after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else head
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}]
        if after.lower_ == "from" and after.head.i == head.head.i:
            preps.append(after)  # "received a delegation from Pakistan", hung on the verb
        related += [g for c in preps for g in c.children]  # "a delegation from Germany"
        related += [  # "a delegation of 35 Malaysian companies"
            a
            for c in preps
            for g in c.children
            if g.tag_ == "NNS"  # people or firms, not "the Russian region"
            for a in g.children
            if a.dep_ in {"amod", "compound"}
        ]
        if (
            head.dep_ == "pobj"
            and head.head.dep_ == "agent"
            and head.head.head.lemma_ == "represent"
        ):
            sides = [c for c in head.head.head.children if c.dep_ == "nsubjpass"]
            related += [g for c in sides for g in c.children if g.dep_ in {"amod", "compound"}]
            # "the Kazakh side was represented by a delegation headed by X"
        for token in related:
            other = resolver.mention(token)
            if other is None and token.dep_ == "poss":
                for grand in token.children:
                    if grand.dep_ == "poss":
                        other = resolver.mention(grand)
            if other is None:
                continue
            if other.type == "Person":
                m.owner = other
                break
            if other.type in {"Country", "Organization", "Place"} and (other.country or other.qid):
                m.country = other.country or other.qid
                break


class _Article:
    """The state of extracting one article."""

    def __init__(self, doc: Doc, article: Article, nlp: Language, linker: Linker):
        self.doc, self.article, self.nlp, self.linker = doc, article, nlp, linker
        self.kb = KnowledgeBase.load()
        self.mentions = find_mentions(doc, article.dateline)
        self.resolver = Resolver(doc, self.mentions)
        _delegation_countries(self.mentions, self.resolver)
        self.clusters = resolve(self.mentions)
        self.by_id = {c.id: c for c in self.clusters}
        self.country_ids = {c.qid: c.id for c in self.clusters if c.type == "Country" and c.qid}
        self.home: str | None = None
        self.dateline: str | None = None  # the dateline's city
        self._header()
        self.positions = find_positions(doc, self.resolver)
        self.sides = affiliations(doc, self.resolver, self.clusters, self.positions, article.date)
        self.countries = {pid: side.country for pid, side in self.sides.items() if side.country}
        self._anaphora()
        self._delegation_sides()
        self.facts = Facts()

    def _header(self) -> None:
        """The dateline's place and the publishing agency are entities of the article even
        when its text does not name them; "arrived here" refers to the dateline's place, and
        the country it lies in is the article's home (``self.home``)."""
        known = {normalize(f): c for c in self.clusters for f in c.forms}
        for name, kind in (
            (self.article.dateline, "Place"),
            (self.article.publisher, "Organization"),
        ):
            if not name:
                continue
            cluster = known.get(normalize(name))
            if cluster is None:
                types = ("Place", "Country") if kind == "Place" else ("Organization",)
                entries = self.kb.lookup(name, types)
                cities = [e for e in entries if e.cls == "City"]  # a city, not its province
                entry = entries[0] if len(entries) == 1 else (cities[0] if cities else None)
                # the text's "Lao capital" is the dateline's Vientiane
                cluster = next((c for c in self.clusters if entry and c.qid == entry.qid), None)
            if cluster is None:
                cls = entry.cls if entry else ("City" if kind == "Place" else "NewsAgency")
                cluster = Cluster(
                    f"e{len(self.clusters) + 1}",
                    entry.type if entry else kind,
                    cls,
                    qid=entry.qid if entry else None,
                    country=entry.country if entry and entry.type == "Place" else None,
                    name=entry.common_name if entry else name,
                )
                self.clusters.append(cluster)
                self.by_id[cluster.id] = cluster
                if cluster.type == "Country" and cluster.qid is not None:
                    self.country_ids[cluster.qid] = cluster.id
            if kind == "Place":
                self.dateline = cluster.id if cluster.type == "Place" else None
                self.home = (
                    cluster.id
                    if cluster.type == "Country"
                    else self.country_ids.get(cluster.country or "")
                )
                named = {(m.span.start, m.span.end) for m in cluster.mentions}
                for span in self._here(cluster):
                    if (span.start, span.end) in named:
                        continue
                    here = Mention(span, cluster.type, cluster.cls, anaphor=True)
                    cluster.add(here)
                    self.mentions.append(here)
        self.resolver = Resolver(self.doc, self.mentions)

    def _here(self, place: Cluster) -> Iterator[Span]:
        """Where the text names the dateline's place without its name: "arrived here", "in
        this capital", and "the capital" ("the Bangladeshi capital") when the place is its
        country's capital."""
        for token in tokens_with(self.doc, "LOWER", ["here"]):
            if token.head.lemma_ in _ARRIVALS:
                yield self.doc[token.i : token.i + 1]
        for token in tokens_with(self.doc, "LOWER", ["capital", "city"]):
            if token.i and self.doc[token.i - 1].lower_ == "this" and token.pos_ == "NOUN":
                yield self.doc[token.i - 1 : token.i + 1]  # "held in this capital"
        country = self.kb.get(place.country)
        if country is None or place.qid is None or country.capital != place.qid:
            return
        for token in tokens_with(self.doc, "LOWER", ["capital"]):
            words = list(token.lefts)
            if (
                token.pos_ == "NOUN"
                and token.dep_ != "compound"
                and words
                and words[0].lower_ == "the"
                and all(_demonym_of(w, country.qid) for w in words[1:])
                and not any(t.lower_ == "of" for t in token.rights)
            ):
                yield self.doc[words[0].i : token.i + 1]

    def _anaphora(self) -> None:
        """Bind titles used alone and "the sides" to entities, as mentions of them."""
        for mention, held in title_mentions(
            self.doc, self.resolver, self.clusters, self.positions, self.countries
        ):
            entity = _entity(mention)
            self.by_id[entity].add(mention)
            self.mentions.append(mention)
            head = office(held.title or "")
            same = [
                h
                for h in self.positions
                if h.person.entity == entity and h.title and holds(h.title, head)
            ]
            if not same:
                self.positions.append(held)  # not "head of state" beside "President of X"
            elif held.of is not None and all(h.of is None for h in same):
                for h in same:  # "Foreign Minister X ... the Czech minister": of the Czechs
                    self.positions[self.positions.index(h)] = replace(h, of=held.of)
            if held.of is not None and held.of.type == "Country" and held.of.entity:
                self.countries.setdefault(entity, held.of.entity)
        home_officials(
            self.sides, self.clusters, self.positions, self.home, self.countries, self.resolver
        )
        self.resolver = Resolver(self.doc, self.mentions)
        for mention in [
            *leader_mentions(self.doc, self.resolver, self.clusters, self.countries),
            *country_mentions(
                self.doc, self.resolver, self.countries, self.by_id.get(self.home or "")
            ),
            *guest_mentions(self.doc, self.resolver, self.clusters, self.countries, self.home),
            *style_mentions(self.doc, self.resolver),
            *event_pronouns(self.doc, self.resolver, self.clusters),
            *document_pronouns(self.doc, self.clusters),
            *latter_mentions(self.doc, self.mentions),
        ]:
            self.by_id[_entity(mention)].add(mention)
            self.mentions.append(mention)
        self.resolver = Resolver(self.doc, self.mentions)
        self._side_delegations()
        self.mentions.extend(
            group_mentions(self.doc, self.resolver, self.clusters, self.countries, self.positions)
        )
        self.resolver = Resolver(self.doc, self.mentions)
        partner = partners(self.clusters, self.countries)
        self.mentions.extend(speaker_mentions(self.doc, self.resolver, partner, self.countries))
        self.resolver = Resolver(self.doc, self.mentions)

    def _side_delegations(self) -> None:
        """ "The two delegations", "a delegation from A and B": a mention of the delegation of
        each of the countries, the one the article names or else one of its own; "the
        documents" after a list of them: a mention of each."""
        plurals = side_delegations(self.clusters)
        for plural, countries in plurals:
            members = tuple(self._delegation_of(country, plural) for country in countries)
            self._as_group(plural, members, "delegation")
        documents = listed_documents(self.clusters)
        for plural, listed in documents:
            self._as_group(plural, tuple(c.mentions[0] for c in listed), "agreement")
        if plurals or documents:
            self.resolver = Resolver(self.doc, self.mentions)

    def _as_group(self, plural: Cluster, members: tuple[Mention, ...], kind: str) -> None:
        """The plural's mentions as mentions of a group of ``members``; the plural is gone."""
        self.clusters.remove(plural)
        del self.by_id[plural.id]
        for m in plural.mentions:
            self.mentions.remove(m)
            group = Mention(m.span, "Group", kind)
            group.members = members
            self.mentions.append(group)

    def _delegation_of(self, country: Cluster, plural: Cluster) -> Mention:
        """A mention of the country's delegation: its own, else of a new one ("Egyptian
        delegation") told by the plural's words."""
        own = [
            c
            for c in self.clusters
            if c.type == "Delegation"
            and c is not plural
            and c.country is not None
            and c.country == country.qid
        ]
        if own:
            return own[0].mentions[0]
        adjective = next((m.text for m in country.mentions if m.demonym), None)
        name = f"{adjective or _label(country, self.by_id, self.countries)} delegation"
        cluster = Cluster(
            free_id(self.by_id, len(self.clusters)),
            "Delegation",
            "Delegation",
            country=country.qid,
            name=name,
        )
        cluster.add(replace(plural.mentions[0], anaphor=True, country=country.qid))
        self.clusters.append(cluster)
        self.by_id[cluster.id] = cluster
        self.countries[cluster.id] = country.id
        return cluster.mentions[0]

    def _delegation_sides(self) -> None:
        """A delegation named after its head ("his delegation") comes from the head's side."""
        for cluster in self.clusters:
            if cluster.type != "Delegation":
                continue
            if cluster.country is None:
                for m in cluster.mentions:
                    owner = m.owner.entity if m.owner is not None else None
                    country = self.countries.get(owner) if owner is not None else None
                    if country is not None:
                        cluster.country = self.by_id[country].qid
                        break
            if cluster.country in self.country_ids:
                self.countries[cluster.id] = self.country_ids[cluster.country]

    def run(self, model: RelationsModel | None = None) -> Extraction:
        delegation_meetings = []
        for candidate in _respectively(
            list(find_relations(self.doc, self.resolver)), self.countries
        ):
            if candidate.predicate == "met" and "Delegation" in {
                candidate.subject.type,
                candidate.object.type,
            }:
                delegation_meetings.append(candidate)
            else:
                self._add(candidate)
        self._own_delegations()
        self._side_heads()
        self._meet_heads(delegation_meetings)
        scene = Scene(
            clusters=self.by_id,
            countries=self.countries,
            sentences=list(self.doc.sents),
            events=self._events_by_sentence(),
            main=lead[0] if (lead := self._lead_events()) else None,
            announced=frozenset(c.id for c in lead),
            place_countries=self._place_countries(),
            named_countries=self._named_countries(),
            envoys=frozenset(
                h.person.entity
                for h in self.positions
                if h.person.entity and h.title and envoy(h.title)
            ),
            agencies=self._agencies(),
            dateline=self.dateline,
        )
        derive(self.facts, scene)
        self.clusters = sorted(self.by_id.values(), key=lambda c: int(c.id[1:]))
        self._represents()
        entities = self._entities()
        relations = tuple(
            sorted((f.relation() for f in self.facts if self._well_typed(f)), key=_order)
        )
        if model is not None:
            revised = model.revise(self.doc, self.article, entities, relations)
            relations = tuple(sorted(revised, key=_order))
        told = event_records(entities, relations, scene.outcomes, self.article.text)
        implied, records = implied_events(entities, relations, told)
        return Extraction(
            self.article,
            (*entities, *implied),
            relations,
            tuple(self._trade()),
            (*told, *records),
            model.digest if model is not None else "",
        )

    def _well_typed(self, fact: Fact) -> bool:
        """Whether a fact relates the kinds of entity its predicate relates (a rule that
        reads a visitor off a sentence may find an event there)."""
        subjects, objects = SIGNATURES[fact.predicate]
        return self.by_id[fact.subject].type in subjects and self.by_id[fact.object].type in objects

    def _add(self, c: Candidate) -> None:
        self.facts.add(
            c.subject.entity,
            c.predicate,
            c.object.entity,
            c.sentence,
            c.confidence,
            c.status,
            c.rule,
            c.trigger,
        )

    def _own_delegations(self) -> None:
        """ "Li and his delegation": the delegation is headed by the person it belongs to (whom
        "his" stands for once titles used alone are people too: "the Greek Prime Minister and
        his delegation")."""
        for m in self.mentions:
            if m.type != "Delegation" or m.owner is None or not m.entity:
                continue
            owner = m.owner
            pronoun = next(
                (c for c in m.root.children if c.dep_ == "poss" and c.pos_ == "PRON"), None
            )
            if pronoun is not None:
                owner = self.resolver.mention(pronoun) or owner
            if owner.entity and owner.type == "Person":
                self.facts.add(
                    m.entity, "headedBy", owner.entity, m.span.sent, 0.7, rule="headedBy/owner"
                )

    def _side_heads(self) -> None:
        """ "The Iranian side was chaired by X": the side, a delegation, is headed by X."""
        for person, _, side in side_heads(self.doc, self.resolver):
            delegation = self.resolver.within.get(side.i)
            if side.dep_ != "pobj" and delegation is not None and delegation.type == "Delegation":
                self.facts.add(
                    delegation.entity,
                    "headedBy",
                    person.entity,
                    side.sent,
                    0.8,
                    rule="headedBy/side",
                )

    def _meet_heads(self, candidates: list[Candidate]) -> None:
        """ "X met a delegation headed by Y": X met Y."""
        heads: dict[str, list[str]] = {}
        for f in self.facts.of("headedBy", None):
            if self.by_id[f.subject].type == "Delegation":
                heads.setdefault(f.subject, []).append(f.object)
        for c in candidates:
            sides = [
                heads.get(m.entity, []) if m.type == "Delegation" and m.entity else [m.entity]
                for m in (c.subject, c.object)
            ]
            for a in sides[0]:
                for b in sides[1]:
                    self.facts.add(
                        a,
                        "met",
                        b,
                        c.sentence,
                        c.confidence * 0.9,
                        c.status,
                        c.rule + "+delegation-head",
                    )

    def _named_countries(self) -> dict[str, list[str]]:
        """The countries named inside each meeting's mentions ("Forum of Regions of Russia
        and Belarus", "Kazakhstan-Belarusian commission"), not as its topic ("a discussion
        on the North Korean nuclear issue"; but "negotiations on a deal between A and B")."""
        found: dict[str, list[str]] = {}
        for m in self.mentions:
            if m.type != "Event" or not m.entity or self.by_id[m.entity].cls not in MEETINGS:
                continue
            for other in self.mentions:
                if (
                    _inside(other, m)
                    and other.type == "Country"
                    and other.entity
                    and not _topic(other, m)
                ):
                    countries = found.setdefault(m.entity, [])
                    if other.entity not in countries:
                        countries.append(other.entity)
        return found

    def _place_countries(self) -> dict[str, str]:
        """The country (entity id) each place lies in, where the article names it."""
        return {
            c.id: self.country_ids[c.country]
            for c in self.clusters
            if c.type == "Place" and c.country in self.country_ids
        }

    def _lead_events(self) -> list[Cluster]:
        """The events the article reports, in order: those its headline or first two
        sentences name (lines without a verb, such as page furniture, do not count), not
        one still to come ("preparations for the next meeting"); the first is its main
        event."""
        lead = [
            s for s in self.doc.sents if len(s) >= 5 and any(t.pos_ in {"VERB", "AUX"} for t in s)
        ]
        lead_end = lead[1].end if len(lead) > 1 else len(self.doc)
        found = [
            self.by_id[m.entity]
            for m in sorted(self.mentions, key=lambda m: m.span.start)
            if m.span.start < lead_end
            and m.type == "Event"
            and m.entity
            and not around(m)
            and not ahead(m.root)
        ]
        return list(dict.fromkeys(found))

    def _events_by_sentence(self) -> dict[int, list[Cluster]]:
        found: dict[int, list[Cluster]] = {}
        for m in self.mentions:
            if m.type == "Event" and m.entity and not around(m):
                events = found.setdefault(m.span.sent.start, [])
                if self.by_id[m.entity] not in events:
                    events.append(self.by_id[m.entity])
        return found

    def _agencies(self) -> dict[str, frozenset[str]]:
        """The international organizations each person with no country acts for."""
        agencies = {
            entity: frozenset(
                b for b in side.bodies if self.by_id[b].cls == "InternationalOrganization"
            )
            for entity, side in self.sides.items()
            if entity not in self.countries
        }
        return {entity: bodies for entity, bodies in agencies.items() if bodies}

    def _represents(self) -> None:
        """Each person and delegation represents its side; a person with no country side, an
        official of an international organization, or one who heads or serves a body as no
        minister ("Chairwoman of the Federation Council") represents their body too (a
        minister acts for the country, not for the ministry)."""
        for entity, country in self.countries.items():
            cluster = self.by_id[entity]
            side = self.sides.get(entity)
            evidence = (
                side.country_evidence if side and side.country_evidence else cluster.mentions[0]
            )
            self.facts.add(
                entity,
                "represents",
                country,
                evidence.span.sent,
                0.8,
                rule=f"represents/{cluster.type.lower()}",
            )
        for entity, side in self.sides.items():
            for body, mention in side.bodies.items():
                if (
                    entity in self.countries
                    and self.by_id[body].cls != "InternationalOrganization"
                    and body not in side.headed
                ):
                    continue
                self.facts.add(
                    entity, "represents", body, mention.span.sent, 0.75, rule="represents/body"
                )

    def _entities(self) -> list[Entity]:
        titles: dict[str, list[Held]] = {}
        for held in self.positions:
            if held.person.entity is not None:
                titles.setdefault(held.person.entity, []).append(held)
        requests = [self._request(c, titles.get(c.id, [])) for c in self.clusters]
        links = self.linker.link(requests, self.article)
        entities = []
        for cluster, request in zip(self.clusters, requests, strict=True):
            qid = links.get(cluster.id)
            label = request.label
            if (
                qid is not None
                and qid in self.kb
                and cluster.type in _GLOBAL
                and cluster.cls != "Region"
            ):
                label = self.kb[qid].common_name
            aliases = _forms(cluster)
            if cluster.type == "Event":
                label, variants = self._event_name(cluster, label)
                aliases += [v for v in variants if v not in aliases]
            if cluster.type == "Delegation":
                aliases += [v for v in self._delegation_names(cluster) if v not in aliases]
            positions = _positions(titles.get(cluster.id, []))
            entities.append(
                Entity(
                    id=cluster.id,
                    label=label,
                    type=cluster.type,
                    cls=cluster.cls,
                    aliases=tuple(f for f in aliases if f != label),
                    wikidata=qid,
                    positions=positions,
                    mentions=tuple(
                        TextMention(m.span.start_char, m.span.end_char, m.text)
                        for m in cluster.mentions
                    ),
                    date=self._event_date(cluster) if cluster.type == "Event" else None,
                    topics=self._topics(cluster) if cluster.type == "Event" else (),
                )
            )
        return entities

    def _event_name(self, event: Cluster, phrase: str) -> tuple[str, list[str]]:
        """A name that says whose event it is when the article's phrase does not, and the
        other names a reader would give it. "talks" between two people becomes "talks
        between A and B" (also "talks between Surname and Surname", "Surname-Surname talks",
        "talks with B", "talks with Surname", "Estonia-Latvia talks", "Estonian-Latvian
        talks", and each as the "meeting"), "official visit" of one person to one country
        (else one place) "A's official visit to X" (also "visit to X", "Surname's visit to
        X"); a meeting someone unnamed held with one person ("I had a meeting on Monday with
        B") is the "meeting with B"; an event held somewhere is also the "talks in Minsk" and
        the "Minsk talks", and talks held with someone are also the talks with them as the
        article writes them ("talks with his Latvian counterpart"); a meeting told by
        "received" is also the "reception" (of each of its people); "a meeting between
        Minister of Commerce X and Uzbekistan's Minister Y" is the "meeting between X and Y".
        "Talks with the Indian premier" and named events ("the 20th session of the commission")
        keep their name."""
        people, visitors, partners, places = [], [], [], []
        for f in self.facts:
            if f.subject == event.id and f.status != "negated":
                member = self.by_id[f.object]
                if f.predicate == "participant" and member.type == "Person":
                    if f.rule not in ATTENDANCE_RULES:  # named by who held it, not who was by
                        people.append(member)
                    if f.rule in VISITOR_RULES:
                        visitors.append(member)
                    if f.rule in _PARTNER_RULES:
                        partners.append(member)
                elif f.predicate == "heldIn":
                    places.append(member)
        if event.cls == "Visit" and visitors:  # a visit is the visitor's, not the hosts'
            people = visitors
        ordered = sorted(dict.fromkeys(people), key=lambda p: p.mentions[0].span.start)
        names = [_label(p, self.by_id, self.countries) for p in ordered]
        short = [_short_name(p, name) for p, name in zip(ordered, names, strict=True)]
        where = [_label(p, self.by_id, self.countries) for p in dict.fromkeys(places)]
        head = next(
            (m.root.text for m in event.mentions if not m.anaphor), event.name or phrase
        ).lower()
        countries = [p for p in dict.fromkeys(places) if p.type == "Country"]
        to = [_label(p, self.by_id, self.countries) for p in countries or dict.fromkeys(places)]
        variants = [f"{head} in {w}" for w in where] + [f"{w} {head}" for w in where]
        if event.cls in MEETINGS:
            variants += [f"{head} {said}" for said in _partners_as_written(event)]
            if any(m.root.lemma_ == "receive" and m.root.pos_ == "VERB" for m in event.mentions):
                variants += ["reception", *(f"reception of {n}" for n in dict.fromkeys(names))]
        own = (
            " with " in phrase
            or named_event(event)
            or any(t.pos_ == "PROPN" for m in _said_as(event, phrase) for t in m.span)
        )
        if event.cls == "Visit" and len(names) == 1:
            variants += [f"{head} to {w}" for w in where]
            variants += [f"{n}'s {head} to {w}" for n in dict.fromkeys(short) for w in where]
            if len(to) == 1 and " to " not in phrase and not own:
                return f"{names[0]}'s {phrase} to {to[0]}", variants
        if event.cls in MEETINGS and len(names) == 2 and head not in _OWN_NAMES:
            for word in dict.fromkeys([head, *_SAID_ALSO.get(head, ())]):
                variants += [
                    f"{word} between {short[0]} and {short[1]}",
                    f"{word} between {names[0]} and {names[1]}",
                    f"{short[0]}-{short[1]} {word}",
                    f"{word} of {names[0]} and {names[1]}",
                    *(f"{word} with {n}" for n in dict.fromkeys([*names, *short])),
                    *(f"{a}-{b} {word}" for a, b in self._sides_named(ordered)),
                ]
            if " between " not in phrase and not own:
                return f"{phrase} between {names[0]} and {names[1]}", variants
            kind, _, between = phrase.partition(" between ")
            if " and " in between and any(n in between for n in short):  # titled, cut short
                return f"{kind} between {names[0]} and {names[1]}", [phrase, *variants]
        if event.cls in MEETINGS and len(names) == 1 and people == partners and not own:
            variants += [f"{head} with {n}" for n in dict.fromkeys([*names, *short])]
            return f"{phrase} with {names[0]}", variants
        return phrase, variants

    def _delegation_names(self, delegation: Cluster) -> list[str]:
        """A country's delegation by each name news gives it: "Latvia delegation",
        "delegation of Latvia", "Latvian delegation"."""
        country = self.countries.get(delegation.id)
        if country is None:
            return []
        name = _label(self.by_id[country], self.by_id, self.countries)
        demonyms = self._demonyms(self.by_id[country])
        return [
            f"{name} delegation",
            f"delegation of {name}",
            *(f"{d} delegation" for d in demonyms),
        ]

    def _demonyms(self, country: Cluster) -> tuple[str, ...]:
        """What a country's people are called ("Latvian"), as the knowledge base knows it."""
        return self.kb[country.qid].demonyms if country.qid and country.qid in self.kb else ()

    def _sides_named(self, people: list[Cluster]) -> list[tuple[str, str]]:
        """The two countries two people act for, by name or by demonym, either first
        ("Vietnam-Norway", "Norwegian-Vietnamese"): how news names their talks."""
        countries = [self.by_id[c] for c in (self.countries.get(p.id) for p in people) if c]
        if len(countries) != 2 or countries[0].id == countries[1].id:
            return []
        names = [_label(c, self.by_id, self.countries) for c in countries]
        demonyms = [self._demonyms(c) for c in countries]
        pairs = [(names[0], names[1]), *((a, b) for a in demonyms[0] for b in demonyms[1])]
        return [*pairs, *((b, a) for a, b in pairs)]

    def _request(self, cluster: Cluster, held: list[Held]) -> LinkRequest:
        country = self.countries.get(cluster.id)
        return LinkRequest(
            id=cluster.id,
            label=_label(cluster, self.by_id, self.countries),
            type=cluster.type,
            cls=cluster.cls,
            aliases=tuple(cluster.forms),
            qid=cluster.qid,
            country=self.by_id[country].qid if country else None,
            titles=tuple(h.title for h in held if h.title),
        )

    def _event_date(self, cluster: Cluster) -> date | None:
        for m in cluster.mentions:
            for ent in m.span.sent.ents:
                if ent.label_ == "DATE":
                    found = resolve_date(ent.text, self.article.date)
                    if found is not None:
                        return found
        return None

    def _topics(self, cluster: Cluster) -> tuple[str, ...]:
        text = " ".join(m.span.sent.text.lower() for m in cluster.mentions)
        words = set(normalize(text).split())
        return tuple(
            topic
            for topic, (_, keywords) in topics().items()
            if any((k in words) if " " not in k else (k in text) for k in keywords)
        )

    def _trade(self) -> Iterable[TradeFlow]:
        counts = Counter(m.entity for m in self.mentions if m.type == "Country")
        firsts: dict[str | None, Mention] = {}
        for m in self.mentions:
            if m.type == "Country":
                firsts.setdefault(m.entity, m)
        main = [firsts[e] for e, _ in counts.most_common(2)]
        for figure in find_trade(self.doc, self.mentions, lambda: main):
            a, b = (p.entity for p in figure.partners)
            if a and b and a != b:
                yield TradeFlow(
                    (a, b),
                    figure.amount,
                    figure.currency,
                    figure.period,
                    figure.sentence.text.strip(),
                    figure.change,
                )


def _demonym_of(word: Token, country: str) -> bool:
    """Whether the word names the country by its adjective ("the Bangladeshi capital")."""
    entry = demonym(word.text)
    return entry is not None and entry.qid == country


def _entity(mention: Mention) -> str:
    """The id of the entity a mention of a cluster stands for."""
    assert mention.entity is not None, mention.text
    return mention.entity


def _inside(inner: Mention, outer: Mention) -> bool:
    return outer.span.start <= inner.span.start and inner.span.end <= outer.span.end


_TOPICS = {"on", "about", "regarding", "concerning", "over"}


def _topic(country: Mention, event: Mention) -> bool:
    """Whether a country named inside an event's phrase is named in its topic ("talks on
    Syria", "a discussion on the North Korean nuclear issue"), not as a party to it ("talks
    on a deal between A and B", "the agreement on the Vietnam-Laos plan")."""
    doc = country.span.doc
    if doc[country.span.end : country.span.end + 1].text == "-" or (
        country.span.start and doc[country.span.start - 1].text == "-"
    ):
        return False
    word = country.root
    while word.i != event.root.i and word.head.i != word.i:
        if word.dep_ == "prep" and word.lower_ == "between":
            return False
        if word.dep_ == "prep" and word.lower_ in _TOPICS:
            return True
        word = word.head
    return False


_QUOTES = ('"', "“”", "«»")  # the marks of each kind of quotation


def _label(cluster: Cluster, by_id: dict[str, Cluster], countries: dict[str, str]) -> str:
    """The entity's name (``_name``) without a quotation mark whose pair its mention left out
    ("Qasri Millat\" residence" of "the \"Qasri Millat\" residence")."""
    label = _name(cluster, by_id, countries)
    for marks in _QUOTES:
        if sum(label.count(q) for q in marks) % 2:
            label = " ".join(label.translate({ord(q): None for q in marks}).split())
    return label


def _name(cluster: Cluster, by_id: dict[str, Cluster], countries: dict[str, str]) -> str:
    """The entity's name: the fullest name of a person, a delegation by its country, else the
    first specific mention not shouted in capitals ("GHANA VISIT" of a headline), nor in a
    headline where the text names it too."""
    forms = [m.text for m in cluster.mentions if m.type == cluster.type and not m.anaphor]
    if not forms:
        kb = KnowledgeBase.load()
        if cluster.type == "Place" and cluster.qid and cluster.qid in kb:  # "the Uzbek capital"
            return kb[cluster.qid].common_name
        return cluster.name or cluster.mentions[0].text
    if cluster.type == "Person":
        name = max(forms, key=lambda f: (len(f.split()), not f.isupper(), -forms.index(f)))
        shouted = name.isupper() and " " in name  # "ANTHONY ALBANESE:" in a transcript
        return name.title() if shouted else name
    told = [m for m in cluster.mentions if len(m.span) > 1 and m.type == cluster.type]
    told = [m for m in told if not in_headline(m.span.sent)] or told  # as the text tells it
    specific = [m.text for m in told]
    specific = [f for f in specific if not f.isupper()] or specific
    if cluster.type == "Delegation":
        country = countries.get(cluster.id)
        of = _label(by_id[country], by_id, countries) if country else None
        if of and not any(of in s for s in specific):
            return f"{of} delegation"
    if cluster.type in {"Event", "Agreement", "Delegation"}:
        return specific[0] if specific else forms[0]
    kb = KnowledgeBase.load()
    if cluster.type == "Country" and cluster.qid is not None and cluster.qid in kb:
        return kb[cluster.qid].common_name
    return max(forms, key=len)


def _said_as(event: Cluster, phrase: str) -> list[Mention]:
    """The mentions of an event that say its name as the phrase does (all, if none does)."""
    return [m for m in event.mentions if m.text == phrase] or list(event.mentions)


def _partners_as_written(event: Cluster) -> list[str]:
    """Whom the article says an event was held with, as it writes them: "with his Russian
    counterpart Sergey Lavrov" (also of "X met his Russian counterpart Sergey Lavrov"), also to
    the comma of an apposition ("with the Secretary General of the Organization, X, ...") and
    as the title alone ("with Russian Ambassador Alexei Borodavkin" is also "with Russian
    Ambassador")."""
    said: list[str] = []
    for m in event.mentions:
        told = m.root.pos_ == "VERB"  # "X met with Y", "X met Y"
        if m.anaphor and not told:
            continue
        held = [m.root.head] if m.root.dep_ in {"dobj", "nsubjpass"} else []  # "held talks with"
        whom = [
            (prep.lower_, pobj)
            for prep in (c for word in (m.root, *held) for c in word.children)
            if prep.dep_ == "prep" and prep.lower_ in {"with", "between"}
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        if told and m.root.lemma_ in {"meet", "receive"}:
            whom += [("with", c) for c in m.root.children if c.dep_ == "dobj"]
        for word, pobj in whom:
            words = list(pobj.subtree)
            comma = next((k for k, t in enumerate(words) if t.is_punct), len(words))
            words = words[:comma]
            names = [k for k, t in enumerate(words) if t.ent_type_ == "PERSON"]
            forms = [words]
            if names and names[-1] == len(words) - 1 and names[0] > 0:
                forms.append(words[: names[0]])
            for form in forms:
                if any(t.pos_ in {"NOUN", "PROPN"} for t in form):
                    said.append(f"{word} {pobj.doc[form[0].i : form[-1].i + 1].text}")
    return list(dict.fromkeys(said))


def _short_name(person: Cluster, label: str) -> str:
    """The name a person goes by alone in the article ("Tokayev"), else the last of theirs."""
    words = label.split()
    alone = [m.text for m in person.mentions if len(m.span) == 1 and m.text in words]
    return alone[0] if alone else words[-1]


def _forms(cluster: Cluster) -> list[str]:
    """The surface forms that name an entity ("here" refers to a place but does not name it),
    and for an event or agreement also its name without complements ("Ministerial Meeting"
    of "Ministerial Meeting of Central Asian countries"), its head noun ("cooperation
    agreements" of "eight cooperation agreements") and an agreement's name without how many
    ("memoranda on trade" of "several memoranda on trade") or its parties and years."""
    forms = [
        f
        for f in cluster.forms
        if not f.islower()
        or " " in f
        or not any(m.anaphor and m.text == f for m in cluster.mentions)
    ]
    if cluster.type in {"Event", "Agreement"}:
        named = [m for m in cluster.mentions if not m.anaphor]
        shorter = [m.span[: m.root.i - m.span.start + 1].text for m in named]
        if cluster.type == "Agreement":  # "statement" alone names no "joint statement"
            shorter += [_unquantified(m.span) for m in named]
            shorter += [_without_parties(m.span) for m in named]
            named = [m for m in named if m.root.lemma_.lower() in heads("agreement")]
        shorter += [_head_noun(m.root) for m in named]
        shorter += [form for m in named for form in _turned(m.span, cluster.type)]
        forms += [h for h in dict.fromkeys(shorter) if h and h not in forms]
    if cluster.name and cluster.type == "Event" and cluster.name not in forms:
        forms.append(cluster.name)  # "meeting" of a meeting told by "X met Y"
    return forms


def _head_noun(root: Token) -> str:
    """The event's head noun with the nouns compounded with it, as a reader names the event
    again ("press conference" of "the joint press conference", "meeting" of "a very
    constructive meeting")."""
    start = root.i
    doc = root.doc
    while start and _compounded(doc[start - 1], root):
        start -= 1
    while 1 < start < root.i and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        start += 1  # not "Lithuania business forum" of "the Latvia-Lithuania business forum"
    return doc[start : root.i + 1].text.lower()


_HOW_MANY = {"several", "some", "various", "numerous", "many", "both", "all", "these", "those"}


def _unquantified(span: Span) -> str:
    """An agreement's name without the words that say how many ("several", "15")."""
    start = 0
    while start < len(span) - 1 and (span[start].lower_ in _HOW_MANY or span[start].like_num):
        start += 1
    if span[start].text == "-":  # "nine-point declaration": the number is a word of the name
        return ""
    return span[start:].text if start else ""


def _turned(span: Span, kind: str) -> list[str]:
    """The name said the other way round, as news says either: "strategic partnership
    agreement" of "agreement on strategic partnership" and back (not a name: "Arequipa
    Declaration"), "cooperation protocol" of "protocol of cooperation", "intergovernmental
    commission meeting" of "meeting of the intergovernmental commission"; a memorandum of
    understanding is also an "MoU"."""
    root = span.root
    if root.pos_ not in {"NOUN", "PROPN"}:
        return []
    rest = span.doc[root.i + 1 : span.end]
    head = root.text
    if [t.lower_ for t in rest[:2]] == ["of", "understanding"]:
        plural = root.tag_ in {"NNS", "NNPS"} or root.lower_ in {"memoranda", "memorandums"}
        head = "MoUs" if plural else "MoU"
        rest = rest[2:]
        if len(rest) > 1 and rest[0].text == "(" and ")" in [t.text for t in rest]:
            rest = rest[[t.text for t in rest].index(")") + 1 :]  # "(MoU)"
    turned = [f"{head} {rest.text}".strip()] if head != root.text else []
    if len(rest) > 1 and rest[0].lower_ in ({"on", "of"} if kind == "Agreement" else {"of"}):
        words = [t for t in rest[1:] if t.dep_ != "det"]
        if len(words) <= 4 and not any(t.pos_ in {"ADP", "PUNCT", "NUM"} for t in words):
            turned.append(f"{' '.join(t.text for t in words)} {head}")
    before = span.doc[span.start : root.i]
    if kind == "Agreement" and len(before) and before[-1].dep_ == "compound" and not len(rest):
        words = [t for t in before if t.dep_ != "det" and not t.like_num]
        if words and all(t.pos_ in {"NOUN", "ADJ"} and t.is_lower for t in words):
            turned.append(f"{root.text} on {' '.join(t.text for t in words)}")
    return turned


def _without_parties(span: Span) -> str:
    """An agreement's name without the parties or years it ends with ("Declaration on
    Strategic Partnership" of "... between Kazakhstan and Azerbaijan", "Programme of
    Cooperation" of "... for 2024-2026")."""
    for token in span:
        if token.dep_ == "prep" and token.lower_ in {"between", "for"} and token.i > span.root.i:
            tail = span.doc[token.i : span.end]
            if token.lower_ == "between" or any(t.like_num for t in tail):
                return span.doc[span.start : token.i].text.rstrip(" ,")
    return ""


def _compounded(token: Token, root: Token) -> bool:
    """A noun compounded with the head ("press" of "press conference", "Business" of "CICA
    Business Forum"), not a word of a name within it ("Organization" of "World Trade
    Organization Conference")."""
    return (
        token.dep_ == "compound"
        and token.head == root
        and not any(c.dep_ == "compound" for c in token.children)
    )


def _positions(held: list[Held]) -> tuple[Position, ...]:
    """Each title once (whatever its case: "the deputy prime minister" is the Deputy Prime
    Minister named before), with its owner where any mention names it."""
    found: dict[tuple[str, str | None], Position] = {}
    for h in held:
        if h.title:
            of = h.of.entity if h.of else None
            found.setdefault((h.title.lower(), of), Position(h.title, of))
    owned = {title for title, of in found if of}
    return tuple(p for (title, of), p in found.items() if of or title not in owned)


def _respectively(candidates: list[Candidate], countries: dict[str, str]) -> list[Candidate]:
    """ "X and Uzbek Minister Y led the two delegations": each heads the delegation of their
    own country, and one whose country the article has not given the one left, not both;
    one said alone to head the delegations ("..., who headed the delegations") heads their
    own."""
    groups: dict[tuple, list[Candidate]] = {}
    for c in candidates:
        if c.predicate == "headedBy" and c.subject.type == "Delegation" and c.trigger is not None:
            groups.setdefault((c.trigger.i, c.rule), []).append(c)
    dropped: set[int] = set()
    for group in groups.values():
        sides = {countries.get(c.subject.entity or ""): c.subject.entity for c in group}
        people = list(dict.fromkeys(c.object.entity for c in group))
        if len(people) > len(sides) or len(sides) < 2 or None in sides:
            continue
        heads = {p: sides.get(countries.get(p or "")) for p in people}
        left = set(sides.values()) - set(heads.values())
        unknown = [p for p, d in heads.items() if d is None]
        if len(unknown) == 1 and len(left) == 1 and len(people) == len(sides):
            heads[unknown[0]] = left.pop()
        if None not in heads.values() and len(set(heads.values())) == len(people):
            dropped |= {id(c) for c in group if heads[c.object.entity] != c.subject.entity}
    return [c for c in candidates if id(c) not in dropped]


def _order(relation) -> tuple:
    return (relation.predicate, int(relation.subject[1:]), int(relation.object[1:]))


def extract(
    doc: Doc,
    article: Article,
    nlp: Language,
    linker: Linker | None = None,
    relations_model: RelationsModel | None = None,
) -> Extraction:
    """Everything ``doc`` (the parse of ``article.text``) says, as an ``Extraction``: the
    rules' relations, revised by the trained ``relations_model`` when one is given."""
    return _Article(doc, article, nlp, linker or OfflineLinker()).run(relations_model)
