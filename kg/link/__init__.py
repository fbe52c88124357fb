"""Linking entities to Wikidata: the ``Linker`` protocol and the linkers.

A linker gets the entities of one article as ``LinkRequest`` and answers with the QIDs it is
sure of; it leaves an entity out when unsure (a wrong link is worse than none). The
``OfflineLinker`` links from the bundled knowledge base (``kg.kb``), the
``OnlineLinker`` (``kg.link.online``) asks Wikidata too; ``make_linker`` picks one. See
``docs/linking.md`` for how they decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from kg.kb import KnowledgeBase
from kg.link.offline import OfflineLinker
from kg.types import Article

__all__ = ["KnowledgeBase", "LinkRequest", "Linker", "OfflineLinker", "make_linker"]


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


def make_linker(online: bool | None = None) -> Linker:
    """The online linker when ``online`` says so (``None``: when ``KG_ONLINE`` does), else
    the offline one."""
    from kg.link.online import OnlineLinker, online_enabled

    return OnlineLinker() if online_enabled(online) else OfflineLinker()
