"""The IRIs kg mints: stable, readable and valid whatever the name.

- articles: ``kgr:article/<id>`` (also the name of the article's graph);
- people, countries, places and organizations: ``kgr:<type>/<slug of the name>``, the same in
  every article, so two articles about Askar Mamin share one node. The name is the knowledge
  base's when the entity is linked, so spellings (Karagandy, Karaganda; Zhaparov, Japarov)
  and short forms (Putin) meet on one node per Wikidata item;
- what belongs to one article (events, delegations, agreements, positions, statements):
  ``kgr:article/<id>/<kind>/<n>``; but an event that says when, where and between whom it
  took place is ``kgr:event/<date>/<hash>``, so two outlets' reports of one meeting meet on
  one node.

They are plain strings (``kg.rdf`` makes them rdflib terms), so that what only writes JSON
(``kg extract``) does not load rdflib.

>>> entity_iri("Person", "Askar Mamin")
'https://w3id.org/kgdt/id/person/askar-mamin'
>>> article_iri("inform-kz 3067988")
'https://w3id.org/kgdt/id/article/inform-kz%203067988'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from urllib.parse import quote

from kg.kb import KnowledgeBase
from kg.resources import IRI_BASE
from kg.types import Entity

__all__ = [
    "GLOBAL_TYPES",
    "article_iri",
    "entity_iri",
    "event_iri",
    "local_iri",
    "node_iri",
    "node_name",
    "position_iri",
    "slug",
]

GLOBAL_TYPES = {"Person", "Country", "Place", "Organization"}


def slug(name: str) -> str:
    """A lower-case ASCII slug of ``name``; non-Latin names get a short hash instead.

    >>> slug("Kassym-Jomart Tokayev"), slug("Nguyễn Xuân Phúc"), slug("Путин")
    ('kassym-jomart-tokayev', 'nguyen-xuan-phuc', 'x-3b7b3fdd')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not text:
        return "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return text[:120]


def article_iri(article_id: str) -> str:
    """The IRI of an article and of its named graph."""
    return f"{IRI_BASE}article/{quote(article_id, safe='-._~')}"


def entity_iri(type_: str, name: str) -> str:
    """The IRI of a person, country, place or organization, shared across articles."""
    return f"{IRI_BASE}{type_.lower()}/{slug(name)}"


def event_iri(kind: str, day: date, places: Iterable[str], people: Iterable[str]) -> str:
    """The IRI of an event any report of it shares: the same kind of event on the same day,
    in the same places, between the same people (IRIs of shared nodes).

    >>> a = event_iri("meeting", date(2017, 9, 22), ["p/minsk"], ["p/a", "p/b"])
    >>> a == event_iri("meeting", date(2017, 9, 22), ["p/minsk"], ["p/b", "p/a"])
    True
    >>> a.startswith("https://w3id.org/kgdt/id/event/2017-09-22/")
    True
    """
    key = "\n".join([kind, day.isoformat(), *sorted(places), "", *sorted(people)])
    return f"{IRI_BASE}event/{day.isoformat()}/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def position_iri(person: str, title: str, of: str | None) -> str:
    """The IRI of a position: a person's title in a country or body, shared across articles."""
    key = slug(title) + (f"--{slug(of)}" if of else "")
    return f"{IRI_BASE}position/{slug(person)}/{key}"


def node_iri(entity: Entity, article_id: str) -> str:
    """The IRI of an extracted entity: shared for people, countries, places and
    organizations, local to the article for events, delegations and agreements."""
    if entity.type in GLOBAL_TYPES:
        return entity_iri(entity.type, node_name(entity))
    return local_iri(article_id, entity.type.lower(), entity.id)


def node_name(entity: Entity) -> str:
    """The name behind a shared entity's IRI: the knowledge base's name of its Wikidata item
    when it has one, else the article's label."""
    entry = KnowledgeBase.load().get(entity.wikidata)
    return entry.common_name if entry else entity.label


def local_iri(article_id: str, kind: str, key: str | int) -> str:
    """The IRI of something that belongs to one article: an event, a statement, ..."""
    return f"{article_iri(article_id)}/{kind}/{quote(str(key), safe='-._~')}"
