"""A parsed article (spaCy ``Doc``) to an ``Extraction``: its entities after coreference,
their positions and Wikidata links, the relations with evidence, events with dates and
topics, and trade figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.dates import resolve_date
from kg.link import Linker, LinkRequest, OfflineLinker
from kg.link.kb import KnowledgeBase, normalize
from kg.nlp.coref import Cluster, resolve
from kg.nlp.mentions import Mention, find_mentions
from kg.nlp.positions import Held, find_positions
from kg.nlp.relations import SIGNATURES, Candidate, Resolver, find_relations
from kg.nlp.trade import find_trade
from kg.resources import data_path
from kg.types import Article, Entity, Extraction, Position, Relation, TradeFlow
from kg.types import Mention as TextMention

__all__ = ["extract", "topics"]

_MEETING_CLASSES = {"Meeting", "Session", "Talks", "Summit", "Forum", "Conference", "PhoneCall"}
_STATUS_RANK = {"asserted": 0, "planned": 1, "negated": 2}


@cache
def topics() -> dict[str, tuple[str, tuple[str, ...]]]:
    """``data/topics.tsv``: topic id -> (label, keywords)."""
    rows = data_path("topics.tsv").read_text(encoding="utf-8").splitlines()
    table = [r.split("\t") for r in rows if r.strip() and not r.startswith("#")][1:]
    return {r[0]: (r[1], tuple(k.strip().lower() for k in r[2].split("|"))) for r in table}


@dataclass
class _Facts:
    """Relations collected for one article, deduplicated by (subject, predicate, object)."""

    found: dict[tuple[str, str, str], Relation] = field(default_factory=dict)

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
        new = Relation(subject, predicate, obj, sentence.text.strip(), confidence, status, rule)
        old = self.found.get(key)
        if old is None or (_STATUS_RANK[status], -confidence) < (
            _STATUS_RANK[old.status],
            -old.confidence,
        ):
            self.found[key] = new

    def has(self, subject: str, predicate: str, obj: str) -> bool:
        return (subject, predicate, obj) in self.found


def _delegation_countries(mentions: list[Mention], resolver: Resolver) -> None:
    """Give each delegation mention the country it comes from, when the phrase says it."""
    for m in mentions:
        if m.type != "Delegation":
            continue
        head = m.root
        related = [c for c in head.children if c.dep_ in {"compound", "amod", "poss", "nmod"}]
        related += [
            g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        ]
        for token in related:
            other = resolver.mention(token)
            if other is None and token.dep_ == "poss":
                for grand in token.children:
                    if grand.dep_ == "poss":
                        other = resolver.mention(grand)
            if other is not None and other.type in {"Country", "Person", "Organization", "Place"}:
                m.country = other.country or other.qid if other.type != "Person" else m.country
                if other.type == "Person":
                    m.country = m.country or _person_country(other, resolver)
                if m.country:
                    break


def _person_country(person: Mention, resolver: Resolver) -> str | None:
    """The country QID of a person, from the demonym or country named right before them."""
    doc = person.span.doc
    for i in range(person.span.start - 1, max(person.span.start - 6, -1), -1):
        other = resolver.inside.get(i)
        if other is not None and other.type == "Country":
            return other.qid
        if doc[i].is_punct:
            break
    return None


class _Article:
    """The state of extracting one article."""

    def __init__(self, doc: Doc, article: Article, nlp: Language, linker: Linker):
        self.doc = doc
        self.article = article
        self.nlp = nlp
        self.linker = linker
        self.mentions = find_mentions(doc)
        self.resolver = Resolver(doc, self.mentions)
        _delegation_countries(self.mentions, self.resolver)
        self.clusters = resolve(self.mentions)
        self.by_id = {c.id: c for c in self.clusters}
        self.by_qid = {c.qid: c for c in self.clusters if c.qid and c.type == "Country"}
        self.positions = find_positions(doc, self.resolver)
        self.facts = _Facts()

    def cluster(self, mention: Mention | None) -> Cluster | None:
        return self.by_id.get(mention.entity) if mention is not None and mention.entity else None

    def main_countries(self) -> list[Mention]:
        counts = Counter(m.entity for m in self.mentions if m.type == "Country")
        firsts = {}
        for m in self.mentions:
            if m.type == "Country":
                firsts.setdefault(m.entity, m)
        return [firsts[e] for e, _ in counts.most_common(2)]

    def run(self) -> Extraction:
        delegation_meetings = []
        for candidate in find_relations(self.doc, self.mentions, self.nlp):
            if candidate.predicate == "met" and "Delegation" in {
                candidate.subject.type,
                candidate.object.type,
            }:
                delegation_meetings.append(candidate)
            else:
                self._add(candidate)
        self._meet_heads(delegation_meetings)
        self._represents()
        self._participants()
        self._visits()
        entities = self._entities() + self._header_entities()
        trade = tuple(self._trade())
        relations = tuple(sorted(self.facts.found.values(), key=_order))
        return Extraction(self.article, tuple(entities), relations, trade)

    def _add(self, c: Candidate) -> None:
        self.facts.add(
            c.subject.entity,
            c.predicate,
            c.object.entity,
            c.sentence,
            c.confidence,
            c.status,
            c.rule,
        )

    def _meet_heads(self, candidates: list[Candidate]) -> None:
        """ "X met a delegation headed by Y": X met Y."""
        heads: dict[str, list[str]] = {}
        for r in self.facts.found.values():
            if r.predicate == "headedBy" and self.by_id[r.subject].type == "Delegation":
                heads.setdefault(r.subject, []).append(r.object)
        for c in candidates:
            sides = [
                heads.get(m.entity, []) if m.type == "Delegation" else [m.entity]
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

    def _represents(self) -> None:
        for held in self.positions:
            if held.of is not None and held.of.entity:
                self.facts.add(
                    held.person.entity,
                    "represents",
                    held.of.entity,
                    held.sentence,
                    0.8,
                    rule="represents/title",
                )
        for cluster in self.clusters:
            if cluster.type == "Delegation" and cluster.country in self.by_qid:
                mention = cluster.mentions[0]
                self.facts.add(
                    cluster.id,
                    "represents",
                    self.by_qid[cluster.country].id,
                    mention.span.sent,
                    0.85,
                    rule="represents/delegation",
                )

    def _participants(self) -> None:
        """Who took part in an event: the people who met, the delegations and their heads in
        a sentence that names the event."""
        events_in = {}
        for m in self.mentions:
            if m.type == "Event" and m.entity:
                events_in.setdefault(m.span.sent.start, []).append(m)
        for relation in list(self.facts.found.values()):
            if relation.predicate not in {"met", "headedBy"} or relation.status == "negated":
                continue
            subject, obj = self.by_id[relation.subject], self.by_id[relation.object]
            sentence_events = self._events_in_sentence(relation.evidence, events_in)
            if subject.type == "Event":
                sentence_events = [subject]
            for event in sentence_events:
                for member in (subject, obj):
                    if member is not event and member.type in SIGNATURES["participant"][1]:
                        self.facts.add(
                            event.id,
                            "participant",
                            member.id,
                            self._sentence(relation.evidence),
                            0.75,
                            relation.status,
                            "participant/" + relation.predicate,
                        )

    def _events_in_sentence(self, text: str, events_in: dict[int, list[Mention]]) -> list[Cluster]:
        for sent in self.doc.sents:
            if sent.text.strip() == text:
                return [
                    self.by_id[m.entity]
                    for m in events_in.get(sent.start, [])
                    if self.by_id[m.entity].cls in _MEETING_CLASSES
                ]
        return []

    def _sentence(self, text: str) -> Span:
        return next(s for s in self.doc.sents if s.text.strip() == text)

    def _visits(self) -> None:
        """A visit event's participants visited the places it was held in."""
        for relation in list(self.facts.found.values()):
            if relation.predicate != "heldIn" or self.by_id[relation.subject].cls != "Visit":
                continue
            for other in list(self.facts.found.values()):
                if other.subject == relation.subject and other.predicate == "participant":
                    member = self.by_id[other.object]
                    if member.type in SIGNATURES["visited"][0]:
                        self.facts.add(
                            member.id,
                            "visited",
                            relation.object,
                            self._sentence(relation.evidence),
                            0.7,
                            relation.status,
                            "visited/visit-event",
                        )

    def _entities(self) -> list[Entity]:
        titles: dict[str, list[Held]] = {}
        for held in self.positions:
            titles.setdefault(held.person.entity, []).append(held)
        requests = [self._request(c, titles.get(c.id, [])) for c in self.clusters]
        links = self.linker.link(requests, self.article)
        entities = []
        for cluster, request in zip(self.clusters, requests, strict=True):
            qid = links.get(cluster.id)
            label = request.label
            if qid and cluster.type in {"Country", "Place", "Organization"}:
                label = (
                    KnowledgeBase.load().by_qid[qid].label if qid in KnowledgeBase.load() else label
                )
            positions = tuple(
                dict.fromkeys(
                    Position(h.title, h.of.entity if h.of is not None else None)
                    for h in titles.get(cluster.id, [])
                    if h.title
                )
            )
            entities.append(
                Entity(
                    id=cluster.id,
                    label=label,
                    type=cluster.type,
                    cls=cluster.cls,
                    aliases=tuple(f for f in cluster.forms if f != label),
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

    def _header_entities(self) -> list[Entity]:
        """The dateline's place and the publishing agency, unless the text names them too."""
        kb = KnowledgeBase.load()
        known = {normalize(f) for c in self.clusters for f in c.forms}
        found = []
        for name, type_, cls in (
            (self.article.dateline, "Place", "City"),
            (self.article.publisher, "Organization", "NewsAgency"),
        ):
            if not name or normalize(name) in known:
                continue
            entries = kb.lookup(name, ("Place", "Country") if type_ == "Place" else (type_,))
            entry = entries[0] if len(entries) == 1 else None
            if entry is not None and entry.type == "Country":
                type_, cls = "Country", "Country"
            found.append(
                Entity(
                    id=f"e{len(self.clusters) + len(found) + 1}",
                    label=entry.label if entry else name,
                    type=type_,
                    cls=entry.cls if entry else cls,
                    aliases=(name,) if entry and entry.label != name else (),
                    wikidata=entry.qid if entry else None,
                )
            )
        return found

    def _request(self, cluster: Cluster, held: list[Held]) -> LinkRequest:
        return LinkRequest(
            id=cluster.id,
            label=_label(cluster),
            type=cluster.type,
            cls=cluster.cls,
            aliases=tuple(cluster.forms),
            qid=cluster.qid,
            country=next((h.of.qid for h in held if h.of is not None and h.of.qid), None),
            titles=tuple(h.title for h in held if h.title),
        )

    def _event_date(self, cluster: Cluster):
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
        found = []
        for topic, (_, keywords) in topics().items():
            if any((k in words) if " " not in k else (k in text) for k in keywords):
                found.append(topic)
        return tuple(found)

    def _trade(self) -> Iterable[TradeFlow]:
        for figure in find_trade(self.doc, self.mentions, self.main_countries):
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


def _label(cluster: Cluster) -> str:
    """The entity's name: the fullest name of a person, else its first specific mention."""
    forms = cluster.forms
    if cluster.type == "Person":
        return max(forms, key=lambda f: (len(f.split()), -forms.index(f)))
    if cluster.type in {"Event", "Agreement", "Delegation"}:
        specific = [m.text for m in cluster.mentions if len(m.span) > 1]
        return specific[0] if specific else forms[0]
    return max(forms, key=len)


def _order(relation: Relation) -> tuple:
    return (relation.predicate, int(relation.subject[1:]), int(relation.object[1:]))


def extract(doc: Doc, article: Article, nlp: Language, linker: Linker | None = None) -> Extraction:
    """Everything ``doc`` (the parse of ``article.text``) says, as an ``Extraction``."""
    return _Article(doc, article, nlp, linker or OfflineLinker()).run()
