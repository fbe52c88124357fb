"""kg: knowledge graphs of diplomacy and trade from news articles.

``KnowledgeGraph`` and ``Pipeline`` are imported on first use, so that
``import kg`` (and with it ``kg --help``) does not load spaCy, rdflib and networkx.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kg.errors import KGError
from kg.report import IngestReport
from kg.resources import VERSION, samples
from kg.types import Article, Entity, Extraction, Position, Relation, TradeFlow

if TYPE_CHECKING:
    from kg.knowledge import KnowledgeGraph
    from kg.pipeline import Pipeline

__version__ = VERSION
__all__ = [
    "Article",
    "Entity",
    "Extraction",
    "IngestReport",
    "KGError",
    "KnowledgeGraph",
    "Pipeline",
    "Position",
    "Relation",
    "TradeFlow",
    "samples",
]
_LAZY = {
    "IngestReport": "kg.knowledge",
    "KnowledgeGraph": "kg.knowledge",
    "Pipeline": "kg.pipeline",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
