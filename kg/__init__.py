"""kg: knowledge graphs of diplomacy and trade from news articles."""

from kg.knowledge import IngestReport, KnowledgeGraph
from kg.pipeline import Pipeline
from kg.resources import VERSION
from kg.types import Article, Entity, Extraction, Position, Relation, TradeFlow

__version__ = VERSION
__all__ = [
    "Article",
    "Entity",
    "Extraction",
    "IngestReport",
    "KnowledgeGraph",
    "Pipeline",
    "Position",
    "Relation",
    "TradeFlow",
]
