"""Linking entities to Wikidata: the ``Linker`` protocol and the linkers.

A linker gets the entities of one article as ``LinkRequest`` and answers with the QIDs it is
sure of; it leaves an entity out when unsure (a wrong link is worse than none). The
``OfflineLinker`` links from the bundled knowledge base (``kg.kb``), the
``OnlineLinker`` (``kg.link.online``) asks Wikidata too; ``make_linker`` picks one. See
``docs/linking.md`` for how they decide. The online linker and its Wikidata client (httpx)
load on first use: offline linking does without them.
"""

from __future__ import annotations

from kg.kb import KnowledgeBase
from kg.link.base import Linker, LinkRequest, online_enabled
from kg.link.offline import OfflineLinker

__all__ = [
    "KnowledgeBase",
    "LinkRequest",
    "Linker",
    "OfflineLinker",
    "make_linker",
    "online_enabled",
]


def make_linker(online: bool | None = None) -> Linker:
    """The online linker when ``online`` says so (``None``: when ``KG_ONLINE`` does), else
    the offline one."""
    if online_enabled(online):
        from kg.link.online import OnlineLinker

        return OnlineLinker()
    return OfflineLinker()
