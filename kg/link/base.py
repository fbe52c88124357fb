"""What every linker shares: the ``LinkRequest`` it answers, the ``Linker`` protocol, and
whether to link online."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from kg.types import Article

__all__ = ["ONLINE_ENV", "LinkRequest", "Linker", "online_enabled"]

ONLINE_ENV = "KG_ONLINE"


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


def online_enabled(flag: bool | None = None) -> bool:
    """The ``--online`` flag when given, else ``KG_ONLINE`` (``1``, ``true``, ``yes``)."""
    if flag is not None:
        return flag
    return os.environ.get(ONLINE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}
