"""The extraction JSON contract: an ``Extraction`` as the JSON object ``kg extract --format
json`` writes, one per line (see ``../shared/eval/CONTRACT.md`` and the README).

>>> from kg.types import Article, Entity, Extraction
>>> x = Extraction(Article("a1", "Text."), (Entity("e1", "Kazakhstan", "Country", "Country",
...     aliases=("Kazakh",), wikidata="Q232"),))
>>> to_json(x)["entities"][0]["wikidata"]
'Q232'
"""

from __future__ import annotations

from kg.iris import node_iri
from kg.types import Extraction

__all__ = ["to_json"]


def to_json(extraction: Extraction) -> dict:
    """The contract's JSON object for one article."""
    article = extraction.article
    entities = []
    for e in extraction.entities:
        item: dict[str, object] = {
            "id": e.id,
            "label": e.label,
            "type": e.type,
            "class": e.cls,
            "aliases": list(e.aliases),
            "wikidata": e.wikidata,
            "iri": str(node_iri(e, article.id)),
        }
        if e.type == "Person":
            item["positions"] = [{"title": p.title, "of": p.of} for p in e.positions]
        if e.type == "Event":
            item["date"] = e.date.isoformat() if e.date else None
            item["topics"] = list(e.topics)
        entities.append(item)
    relations = []
    for r in extraction.relations:
        item = {
            "subject": r.subject,
            "predicate": r.predicate,
            "object": r.object,
            "evidence": r.evidence,
            "confidence": round(r.confidence, 3),
        }
        if r.status != "asserted":
            item["status"] = r.status
        if r.rule:
            item["rule"] = r.rule
        relations.append(item)
    return {
        "article": {
            "id": article.id,
            "source": article.url or article.source,
            "date": article.date.isoformat() if article.date else None,
            "publisher": article.publisher,
            "dateline": article.dateline,
            "title": article.title,
        },
        "entities": entities,
        "relations": relations,
        "events": [
            {
                "id": e.id,
                "class": e.cls,
                "label": e.label,
                "date": e.date.isoformat() if e.date else None,
                "places": list(e.places),
                "participants": list(e.participants),
                "heads": list(e.heads),
                "outcomes": list(e.outcomes),
                "status": e.status,
                "implied": e.implied,
            }
            for e in extraction.events
        ],
        "trade": [
            {
                "partners": list(t.partners),
                "amount": t.amount,
                "currency": t.currency,
                "period": t.period,
                "change": t.change,
                "evidence": t.evidence,
            }
            for t in extraction.trade
        ],
    }
