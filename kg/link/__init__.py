"""Linking entities to Wikidata: the ``Linker`` protocol and the linkers.

A linker gets the entities of one article as ``LinkRequest`` and answers with the QIDs it is
sure of; it leaves an entity out when unsure (a wrong link is worse than none). The
``OfflineLinker`` links from the bundled knowledge base (``kg.kb``), the
``OnlineLinker`` (``kg.link.online``) asks Wikidata too; ``make_linker`` picks one. See
``docs/linking.md`` for how they decide.
"""

from __future__ import annotations

from kg.kb import KnowledgeBase
from kg.link.base import Linker, LinkRequest
from kg.link.offline import OfflineLinker
from kg.link.online import OnlineLinker, online_enabled

__all__ = [
    "KnowledgeBase",
    "LinkRequest",
    "Linker",
    "OfflineLinker",
    "OnlineLinker",
    "make_linker",
]


def make_linker(online: bool | None = None) -> Linker:
    """The online linker when ``online`` says so (``None``: when ``KG_ONLINE`` does), else
    the offline one."""
    return OnlineLinker() if online_enabled(online) else OfflineLinker()
