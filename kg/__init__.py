"""kg: knowledge graphs of diplomacy and trade from news articles."""

__version__ = "0.1.0"

from kg.knowledge import IngestReport, KnowledgeGraph
from kg.pipeline import Pipeline
from kg.types import Article, Entity, Extraction, Position, Relation, TradeFlow

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
