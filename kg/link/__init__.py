"""Linking entities to Wikidata: the ``Linker`` protocol and the offline linker.

A linker gets the entities of one article as ``LinkRequest`` and answers with the QIDs it is
sure of; it leaves an entity out when unsure (a wrong link is worse than none).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from kg.link.kb import KBEntry, KnowledgeBase, normalize
from kg.types import Article

__all__ = ["KnowledgeBase", "LinkRequest", "Linker", "OfflineLinker"]


@dataclass(frozen=True)
class LinkRequest:
    """What the linker knows of one entity of an article.

    ``qid`` is a QID the gazetteer already matched (countries, places, organizations);
    ``country`` the QID of the country the entity belongs to or represents; ``titles`` the
    titles of a person.
    """

    id: str
    label: str
    type: str
    cls: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    country: str | None = None
    titles: tuple[str, ...] = ()


class Linker(Protocol):
    """Links the entities of one article to Wikidata."""

    def link(self, requests: Sequence[LinkRequest], article: Article) -> dict[str, str]:
        """QIDs by entity id, for the entities the linker is sure of."""
        ...


class OfflineLinker:
    """Links from the bundled knowledge base by exact (normalized) name and type.

    >>> linker = OfflineLinker()
    >>> linker.link([LinkRequest("e1", "Kazakhstan", "Country", "Country")], Article("a", ""))
    {'e1': 'Q232'}
    """

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or KnowledgeBase.load()

    def link(self, requests: Sequence[LinkRequest], article: Article) -> dict[str, str]:
        links = {}
        for request in requests:
            if request.type not in {"Person", "Country", "Place", "Organization"}:
                continue
            if request.qid:
                links[request.id] = request.qid
                continue
            found = self._candidates(request)
            if len(found) == 1:
                links[request.id] = found[0].qid
        return links

    def _candidates(self, request: LinkRequest) -> list[KBEntry]:
        seen: dict[str, KBEntry] = {}
        for name in (request.label, *request.aliases):
            if len(normalize(name)) < 3:
                continue
            for entry in self.kb.lookup(name, (request.type,)):
                seen.setdefault(entry.qid, entry)
        return list(seen.values())
