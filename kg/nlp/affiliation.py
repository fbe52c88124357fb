"""Whom each person acts for: the country (and body) a person represents in the article.

In order of trust: the country or body of a title the person holds ("Minister of Foreign
Affairs of China Wang Yi", "Kazakh President X"); a country right after the name ("William
Ruto of Kenya", "John Mahama (Ghana)") or right before it ("Kazakhstan's Tokayev"); and, for
a person the knowledge base knows, the country of the office they held on the article's date
when that country is named in the article.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from kg.kb import KBEntry, KnowledgeBase, normalize
from kg.nlp.coref import Cluster
from kg.nlp.mentions import Mention
from kg.nlp.positions import Held
from kg.nlp.relations import Resolver

__all__ = ["Affiliation", "affiliations", "kb_person"]


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
    """The one knowledge-base person whose name is one of the cluster's full names."""
    found: dict[str, KBEntry] = {}
    for form in cluster.forms:
        if len(form.split()) > 1:
            for entry in kb.lookup(form, ("Person",)):
                found[entry.qid] = entry
    return next(iter(found.values())) if len(found) == 1 else None


def _kb_by_surname(
    cluster: Cluster, titles: list[str], day: date | None, countries: set[str]
) -> str | None:
    """For a person named only by surname ("President Biden"), the country of the one
    knowledge-base person with that surname who held such an office in a country the
    article names."""
    names = {normalize(f) for f in cluster.forms if len(f.split()) == 1}
    if len(names) != 1:
        return None
    offices = {normalize(t).split(" of ")[0].split()[-1] for t in titles if t}
    found = set()
    for entry in KnowledgeBase.load().by_last_name.get(names.pop(), []):
        held = [
            h
            for h in entry.holdings
            if not offices or normalize(h.title).split(" of ")[0].split()[-1] in offices
        ]
        country = _held_on(replace(entry, holdings=tuple(held)), day, countries)
        if country:
            found.add(country)
    return found.pop() if len(found) == 1 else None


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


def _adjacent_country(doc: Doc, person: Mention, resolver: Resolver) -> Mention | None:
    """ "X of Kenya", "X (Ghana)", "Kazakhstan's X"."""
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
    if start >= 2 and doc[start - 1].text in {"'s", "’s"}:
        before = resolver.inside.get(start - 2)
        if before is not None and before.type == "Country":
            return before
    return None


def affiliations(
    doc: Doc, resolver: Resolver, clusters: list[Cluster], positions: list[Held], day: date | None
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
            country_id = _country_in(held.of, resolver)
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
    kb = KnowledgeBase.load()
    named = {c.qid: c for c in clusters if c.type == "Country" and c.qid}
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
