"""Measure extraction against gold annotations in the project's gold JSON format.

Gold files are ``<article-id>.json`` with ``entities`` (id -> type, name, aliases, wikidata,
positions) and ``relations`` (``[subject, predicate, object]``), as described in the README.
Predicted entities are matched to gold ones by name, alias or (for people) surname; relations
count as sets; planned ``signed``/``visited``/``met`` and negated relations are not facts.

>>> gold = {"article": "a", "entities": {"E1": {"type": "Person", "name": "Askar Mamin"},
...     "E2": {"type": "Person", "name": "Roman Golovchenko"}}, "relations": [["E1", "met", "E2"]]}
>>> pred = {"article": {"id": "a"}, "entities": [
...     {"id": "e1", "label": "Mamin", "type": "Person"},
...     {"id": "e2", "label": "Roman Golovchenko", "type": "Person"}],
...     "relations": [{"subject": "e2", "predicate": "met", "object": "e1"}]}
>>> score([gold], {"a": pred}).relations.f1
1.0
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.kb import normalize
from kg.nlp.relations import SIGNATURES
from kg.types import ENTITY_TYPES, PREDICATES

__all__ = [
    "GoldArticle",
    "Scores",
    "Tally",
    "canonical",
    "check_gold",
    "evaluate",
    "load_gold",
    "score",
]

NAMED = {"Person", "Country", "Place", "Organization"}
PLANNED_IGNORED = {"signed", "visited", "met"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "h e", "he", "sir", "madam", "president", "minister"}


@dataclass
class Tally:
    """True positives, predictions and gold items, with precision, recall and F1."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold


@dataclass
class Scores:
    """Scores by predicate and overall, for entities, positions and Wikidata links.

    ``articles`` holds the relation F1 of each article scored; ``without_gold`` the articles
    given that have no gold file, ``without_article`` the gold files whose article was not
    given (``evaluate`` fills both; neither is scored).
    """

    predicates: dict[str, Tally] = field(default_factory=lambda: {p: Tally() for p in PREDICATES})
    entities: Tally = field(default_factory=Tally)
    positions: Tally = field(default_factory=Tally)
    links: Counter = field(default_factory=Counter)
    articles: dict[str, float] = field(default_factory=dict)
    without_gold: list[str] = field(default_factory=list)
    without_article: list[str] = field(default_factory=list)

    @property
    def relations(self) -> Tally:
        total = Tally()
        for t in self.predicates.values():
            total.add(t.tp, t.pred, t.gold)
        return total

    def table(self) -> str:
        """The scores as the text table ``../shared/eval/score.py`` prints."""
        lines = [f"{'predicate':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"]
        rows = [
            *self.predicates.items(),
            ("entities", self.entities),
            ("positions", self.positions),
        ]
        for name, t in rows:
            lines.append(
                f"{name:<12} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} "
                f"{t.tp:5d} {t.pred:5d} {t.gold:5d}"
            )
        found = self.links["found"]
        accuracy = self.links["correct"] / found if found else 0.0
        coverage = self.links["linked"] / found if found else 0.0
        lines.append(
            f"linking      accuracy {accuracy:.3f} coverage {coverage:.3f} of {found} "
            "found gold entities with a QID"
        )
        r = self.relations
        lines.append(f"relations micro P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        """The scores as ``kg eval --json`` prints them: counts, P, R and F1 by predicate, for
        all relations, entities and positions; the linking counts; and the articles scored
        (with their relation F1) and not scored."""
        table = {
            name: vars(t) | {"p": t.precision, "r": t.recall, "f": t.f1}
            for name, t in [
                *self.predicates.items(),
                ("relations", self.relations),
                ("entities", self.entities),
                ("positions", self.positions),
            ]
        }
        articles = {
            "scored": self.articles,
            "without_gold": self.without_gold,
            "without_article": self.without_article,
        }
        return {**table, "linking": dict(self.links), "articles": articles}


def _surfaces(entity: Mapping, key: str) -> set[str]:
    return {
        normalize(f) for f in [entity.get(key, ""), *(entity.get("aliases") or [])] if normalize(f)
    }


def _person_tokens(text: str) -> list[str]:
    return [t for t in normalize(text).split() if t not in HONORIFICS]


class GoldArticle:
    """One gold file: its entities, their surface forms and its relations as a set."""

    def __init__(self, data: Mapping):
        self.id = str(data["article"])
        self.entities: dict[str, dict] = data["entities"]
        self.surfaces = {eid: _surfaces(e, "name") for eid, e in self.entities.items()}
        self.relations = {canonical(*r) for r in data["relations"]}

    def match(self, pred: Mapping) -> str | None:
        """The gold entity a predicted one stands for, or None."""
        label, forms, kind = (
            normalize(pred.get("label", "")),
            _surfaces(pred, "label"),
            pred.get("type"),
        )
        best, best_rank = None, None
        for eid, gold in self.entities.items():
            if label and label == normalize(gold["name"]):
                rank = 0
            elif label in self.surfaces[eid]:
                rank = 1
            elif forms & self.surfaces[eid]:
                rank = 2
            elif gold["type"] == kind == "Person" and _same_person(
                pred.get("label", ""), gold["name"]
            ):
                rank = 3
            else:
                continue
            key = (rank, gold["type"] != kind)
            if best_rank is None or key < best_rank:
                best, best_rank = eid, key
        return best


def _same_person(a: str, b: str) -> bool:
    p, g = _person_tokens(a), _person_tokens(b)
    return bool(p and g and p[-1] == g[-1] and (len(p) == 1 or p[0] == g[0]))


def canonical(s: object, p: str, o: object) -> tuple:
    """A relation as a set member: ``met`` is symmetric, its two ids in order."""
    return (o, p, s) if p == "met" and str(o) < str(s) else (s, p, o)


def _is_fact(relation: Mapping) -> bool:
    status = relation.get("status", "asserted")
    if relation.get("predicate") not in PREDICATES or status == "negated":
        return False
    return status != "planned" or relation["predicate"] not in PLANNED_IGNORED


def load_gold(folder: Path | str) -> list[dict]:
    """The gold files of a folder; a ``KGError`` naming the first file that is not one (see
    ``check_gold`` for the format)."""
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise KGError(f"{folder}: no gold files (<article-id>.json) here")
    gold = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise KGError(f"{path}: not a gold file ({err})") from None
        broken = _structure(data)
        if broken:
            raise KGError(f"{path}: not a gold file ({broken}); kg check-gold lists its problems")
        gold.append(data)
    return gold


def _structure(data: object) -> str | None:
    """What keeps ``data`` from being read as a gold file, if anything."""
    if not isinstance(data, dict):
        return "not a JSON object"
    if not isinstance(data.get("article"), str) or not data["article"]:
        return 'no "article" id'
    entities, relations = data.get("entities"), data.get("relations")
    if not isinstance(entities, dict) or not all(isinstance(e, dict) for e in entities.values()):
        return '"entities" is not an object of entity objects'
    if not isinstance(relations, list):
        return '"relations" is not a list'
    for relation in relations:
        if (
            not isinstance(relation, list)
            or len(relation) != 3
            or not all(isinstance(x, str) for x in relation)
        ):
            return f"relation {json.dumps(relation)} is not [subject, predicate, object]"
        if relation[0] not in entities or relation[2] not in entities:
            return f"relation {json.dumps(relation)} names an entity the file does not define"
    return None


def check_gold(data: object, name: str | None = None, text: str | None = None) -> list[str]:
    """The problems of one gold file against the annotation guidelines (kg's docs): its
    structure, entity types, names, aliases, QIDs and positions, predicates and their
    signatures, duplicates; ``name`` is the file's stem (the article id it must hold) and
    ``text`` the article, where every named entity's name or an alias must occur.

    >>> check_gold({"article": "a", "entities": {"E1": {"type": "Person", "name": "Ann"},
    ...     "E2": {"type": "Country", "name": "Kazakhstan"}}, "relations": [["E2", "met", "E1"]]})
    ['relation ["E2", "met", "E1"]: Country met Person breaks the signature (Person met Person)']
    """
    broken = _structure(data)
    if broken or not isinstance(data, dict):
        return [broken or "not a JSON object"]
    problems = []
    if name is not None and data["article"] != name:
        problems.append(f"article {data['article']!r} is not the file's name {name!r}")
    entities = data["entities"]
    for eid, e in entities.items():
        problems += [f"{eid}: {p}" for p in _entity_problems(e, entities, text)]
    seen = set()
    for s, p, o in data["relations"]:
        if p not in SIGNATURES:
            problems.append(f"relation {json.dumps([s, p, o])}: unknown predicate {p!r}")
            continue
        subjects, objects = SIGNATURES[p]
        kinds = entities[s].get("type"), entities[o].get("type")
        if kinds[0] not in subjects or kinds[1] not in objects:
            allowed = f"{'/'.join(sorted(subjects))} {p} {'/'.join(sorted(objects))}"
            problems.append(
                f"relation {json.dumps([s, p, o])}: {kinds[0]} {p} {kinds[1]} breaks the "
                f"signature ({allowed})"
            )
        if canonical(s, p, o) in seen:
            problems.append(f"relation {json.dumps([s, p, o])} is listed twice")
        seen.add(canonical(s, p, o))
    return problems


def _entity_problems(e: dict, entities: dict, text: str | None) -> list[str]:
    problems = []
    if e.get("type") not in ENTITY_TYPES:
        problems.append(f"type {e.get('type')!r} is not one of {', '.join(ENTITY_TYPES)}")
    if not isinstance(e.get("name"), str) or not e["name"].strip():
        problems.append("no name")
    aliases = e.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        problems.append("aliases is not a list of strings")
        aliases = []
    qid = e.get("wikidata")
    if qid is not None and not (isinstance(qid, str) and re.fullmatch(r"Q[1-9]\d*", qid)):
        problems.append(f"wikidata {qid!r} is not a QID such as Q232 (or null)")
    positions = e.get("positions") or []
    if positions and e.get("type") != "Person":
        problems.append("positions are for people only")
    for position in positions if isinstance(positions, list) else [positions]:
        if not isinstance(position, dict) or not isinstance(position.get("title"), str):
            problems.append(f"position {json.dumps(position)} has no title")
        elif position.get("of") is not None and position["of"] not in entities:
            problems.append(f"position {position['title']!r} of unknown entity {position['of']}")
    if text is not None and e.get("type") in NAMED and isinstance(e.get("name"), str):
        forms = [e["name"], *aliases]
        if not any(f.casefold() in text.casefold() for f in forms if f):
            problems.append(f"neither the name nor an alias of {e['name']!r} is in the article")
    return problems


def evaluate(gold_docs: Iterable[Mapping], predictions: Mapping[str, Mapping]) -> Scores:
    """Scores of the ``predictions`` (contract JSON objects by article id) that have a gold
    doc, saying which articles had none and which gold docs had no prediction.

    Raises ``KGError`` when no article has a gold doc: there is nothing to score.
    """
    docs = {str(d["article"]): d for d in gold_docs}
    if not docs.keys() & predictions.keys():
        given = ", ".join(sorted(predictions)) or "none"
        raise KGError(
            f"no article given has a gold file (<article-id>.json); the articles given: {given}"
        )
    scores = score([d for name, d in docs.items() if name in predictions], predictions)
    scores.without_gold = sorted(predictions.keys() - docs.keys())
    scores.without_article = sorted(docs.keys() - predictions.keys())
    return scores


def score(gold_docs: Iterable[Mapping], predictions: Mapping[str, Mapping]) -> Scores:
    """Scores of ``predictions`` (contract JSON objects by article id) against gold docs.

    Raises ``KGError`` naming a gold doc whose article has no prediction (scoring it would
    give a silent 0; ``evaluate`` leaves such docs out and says so).
    """
    scores = Scores()
    for data in gold_docs:
        gold = GoldArticle(data)
        if gold.id not in predictions:
            raise KGError(
                f"gold article {gold.id!r} has no prediction: give its article, or leave its "
                "gold out"
            )
        pred = predictions[gold.id]
        entities = {e["id"]: e for e in pred.get("entities", [])}
        mapped = {pid: gold.match(e) for pid, e in entities.items()}

        def gid(pid: str, entities=entities, mapped=mapped) -> object:
            return mapped.get(pid) or ("?", normalize(entities.get(pid, {}).get("label", pid)))

        predicted = {
            canonical(gid(r["subject"]), r["predicate"], gid(r["object"]))
            for r in pred.get("relations", [])
            if _is_fact(r)
        }
        article = Tally()
        for p in PREDICATES:
            g = {t for t in gold.relations if t[1] == p}
            q = {t for t in predicted if t[1] == p}
            scores.predicates[p].add(len(g & q), len(q), len(g))
            article.add(len(g & q), len(q), len(g))
        scores.articles[gold.id] = article.f1
        _score_entities(scores, gold, entities, mapped)
    return scores


def _score_entities(scores: Scores, gold: GoldArticle, entities: dict, mapped: dict) -> None:
    named = {eid for eid, e in gold.entities.items() if e["type"] in NAMED}
    seen = set()
    for pid, e in entities.items():
        if e.get("type") not in NAMED:
            continue
        target = mapped[pid]
        key = target or ("?", normalize(e.get("label", "")))
        if key in seen:
            continue
        seen.add(key)
        hit = target in named and gold.entities[target]["type"] == e.get("type")
        scores.entities.add(int(hit), 1, 0)
    scores.entities.add(0, 0, len(named))
    for eid, g in gold.entities.items():
        found = [e for pid, e in entities.items() if mapped[pid] == eid]
        if g.get("wikidata") and found:
            qids = {e.get("wikidata") for e in found if e.get("wikidata")}
            scores.links.update(found=1, linked=int(bool(qids)), correct=int(g["wikidata"] in qids))
        for position in g.get("positions") or []:
            title = normalize(position["title"])
            titles = [
                normalize(p.get("title") or "") for e in found for p in e.get("positions") or []
            ]
            hit = any(t and (title in t or t in title) for t in titles)
            scores.positions.add(int(hit), 0, 1)
    scores.positions.add(0, sum(len(e.get("positions") or []) for e in entities.values()), 0)
