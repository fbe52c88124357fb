"""Train a relations model on gold annotations (``kg train``).

1. Each article is read by the rules alone; its candidates (``kg.learn.features``) are
   labelled by matching its entities to the gold ones the way ``kg eval`` matches them (by
   name, alias or surname: gold has no offsets): a candidate holds when its two entities stand
   for two gold entities that the gold relates by its predicate.
   A candidate that is not a rule's relation but stands for a gold relation one of the
   rules' relations already stands for (two mentions of one event, say) is labelled false:
   adding it gains nothing, and the model learns what the rules do not already say.
2. Cross-validation by outlet (``outlet``: the article id without its last hyphenated part;
   five folds, or fewer for fewer outlets): each article is scored by a model that saw no
   article of its outlet, as kg meets news of outlets it was never trained on. The rules
   were written from the development articles and fire less on unseen news, so each
   article is also read with a seeded share of its rule names hidden (``Read.hidden``: their
   facts, and what the candidates' features say of them, are gone). The model is the mean of
   logistic regressions (each ``STRENGTHS`` by each ``DROPOUTS``: trained on the articles and
   ``COPIES`` reads of each with that share of its rule names hidden): an average is steadier
   than any one setting chosen among near ties. The held-out articles are scored both as the
   rules read them and with ``HIDDEN`` of their rule names hidden, in ``DRAWS`` seeded draws
   pooled (one draw alone would choose by chance); the threshold kept is the best on the
   hidden reads (unseen text reads like them: the rules alone score there as on new
   articles) that loses at most ``SLACK`` against the rules alone on the plain ones. Both
   tables (the rules alone against the rules with the model) are the model's own account of
   itself.
3. Each of the regressions averaged is fit on every article; their mean is the model.

``with_bundled`` adds the feature rows of the project's development set, shipped with kg
(numbers only, no sentences), to the training data of every fold and of the final model.
The same input and seed give the same model, byte for byte.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zlib
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.tokens import Doc

from kg.articles import read_articles
from kg.contract import to_json
from kg.errors import KGError
from kg.evaluate import GoldArticle, Scores, canonical, score
from kg.extract import extract
from kg.learn.features import DIM, Rows, candidates, schema_hash
from kg.learn.model import FORMAT, SHIPPED, RelationsModel, closure, write_npz
from kg.nlp import load_nlp
from kg.nlp.relations import modality
from kg.pipeline import Pipeline
from kg.resources import VERSION, data_path
from kg.types import PREDICATES, Article, Extraction

__all__ = [
    "BUNDLED",
    "Example",
    "Training",
    "bundled_rows",
    "examples",
    "outlet",
    "rules_fingerprint",
    "save_rows",
    "train",
]

BUNDLED = SHIPPED / "dev-rows.npz"
STRENGTHS = (0.03, 0.1)  # inverse L2 regularization strengths of the models averaged
DROPOUTS = (0.3, 0.5)  # shares of rule names hidden in their training reads
COPIES = 2  # hidden reads of each training article, besides the article as the rules read it
HIDDEN = 0.3  # the share of rule names hidden in the held-out reads that choose the settings
DRAWS = 3  # seeded held-out reads of each article, pooled: one draw alone decides by chance
THRESHOLDS = tuple(round(0.2 + 0.05 * k, 2) for k in range(13))  # 0.2 .. 0.8
SLACK = 0.01  # the most relations F1 the model may lose on the plain reads
FOLDS = 5
SEED = 0
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Example:
    """One gold article read by the rules: its candidates' rows, their labels and statuses,
    the rules' extraction as contract JSON (to score), the digest of its text, the ids of
    its events and the gold relations its rules and candidates reach."""

    article: str
    rows: Rows
    labels: numpy.ndarray
    statuses: tuple[str, ...]
    prediction: dict
    text_digest: str
    events: frozenset[str]
    reached: frozenset[tuple] = frozenset()


@dataclass(frozen=True)
class Training:
    """A trained model and the cross-validated scores that chose its settings."""

    model: RelationsModel
    rules: Scores
    combined: Scores
    examples: tuple[Example, ...]
    bundled: int
    hidden_rules: Scores
    hidden_combined: Scores

    def table(self) -> str:
        """The cross-validated table: the rules alone, then with the model."""
        lines = [
            f"cross-validated on {len(self.examples)} articles ({self.model.manifest['folds']} folds "
            "by outlet: each article scored by a model that saw no article of its outlet)"
            + (f", with {self.bundled} bundled articles in training" if self.bundled else ""),
            f"{'':<12} {'rules alone':^20}   {'rules + model':^20}   {'reach':>6}",
            f"{'predicate':<12} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}   {'R':>6}",
        ]
        rows = [(p, self.rules.predicates[p], self.combined.predicates[p]) for p in PREDICATES]
        rows.append(("relations", self.rules.relations, self.combined.relations))
        reach = _reach(self.examples, self.rules)
        for name, a, b in rows:
            lines.append(
                f"{name:<12} {a.precision:6.3f} {a.recall:6.3f} {a.f1:6.3f}   "
                f"{b.precision:6.3f} {b.recall:6.3f} {b.f1:6.3f}   {reach[name]:6.3f}"
            )
        m = self.model.manifest
        lines += [
            "reach: the share of gold relations a rule's relation or a candidate stands for",
            f"the same, with {m['hidden_share']:.0%} of the rule names each article's facts "
            f"come from hidden ({m['hidden_draws']} seeded draws pooled), as where the rules do "
            "not fire on unseen text:",
        ]
        hidden = [
            (p, self.hidden_rules.predicates[p], self.hidden_combined.predicates[p])
            for p in PREDICATES
        ]
        hidden.append(("relations", self.hidden_rules.relations, self.hidden_combined.relations))
        for name, a, b in hidden:
            lines.append(
                f"{name:<12} {a.precision:6.3f} {a.recall:6.3f} {a.f1:6.3f}   "
                f"{b.precision:6.3f} {b.recall:6.3f} {b.f1:6.3f}"
            )
        thresholds = m["thresholds"]
        adds = ", ".join(f"{p} {thresholds[p]:.2f}" for p in PREDICATES if p in thresholds)
        lines.append(
            "the model: the mean of logistic regressions with C "
            + ", ".join(f"{c}" for c in m["strengths"])
            + f", each trained on the articles and {m['copies']} reads of each with "
            + " or ".join(f"{d:.0%}" for d in m["dropouts"])
            + " of its rule names hidden; it adds (at the threshold that scores best on the "
            f"hidden reads, losing at most {SLACK} on the plain ones) {adds or 'nothing'}"
        )
        return "\n".join(lines)


def _reach(found: Sequence[Example], rules: Scores) -> dict[str, float]:
    """By predicate and for all relations: the share of gold relations that a rule's
    relation or a candidate stands for (the recall a model adding to the rules can reach)."""
    reached = [r[1] for e in found for r in e.reached]
    tallies = {p: rules.predicates[p] for p in PREDICATES}
    tallies["relations"] = rules.relations
    return {
        name: round(sum(name in (p, "relations") for p in reached) / t.gold, 4) if t.gold else 0.0
        for name, t in tallies.items()
    }


def _meanings(rows: Rows, extraction: Extraction, gold: GoldArticle) -> tuple[list, set]:
    """The gold relation each candidate stands for (None if none), and those the rules'
    relations stand for."""
    matched = {
        e.id: gold.match({"label": e.label, "aliases": list(e.aliases), "type": e.type})
        for e in extraction.entities
    }

    def meant(s: str, p: str, o: str) -> tuple | None:
        a, b = matched.get(s), matched.get(o)
        relation = canonical(a, p, b) if a is not None and b is not None else None
        return relation if relation in gold.relations else None

    said = {meant(r.subject, r.predicate, r.object) for r in extraction.relations} - {None}
    return [meant(c.subject, c.predicate, c.object) for c in rows.candidates], said


def _labels(rows: Rows, extraction: Extraction, gold: GoldArticle) -> numpy.ndarray:
    """1 for the candidates that stand for a gold relation, but for those that are no rule's
    relation and stand for one a rule's relation already stands for."""
    meanings, said = _meanings(rows, extraction, gold)
    rules = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    labels = numpy.zeros(len(rows.candidates), numpy.int8)
    for k, (c, relation) in enumerate(zip(rows.candidates, meanings, strict=True)):
        if relation is not None:
            labels[k] = (c.subject, c.predicate, c.object) in rules or relation not in said
    return labels


def _reached(rows: Rows, extraction: Extraction, gold: GoldArticle) -> frozenset[tuple]:
    """The gold relations a rule's relation or a candidate stands for: all a model that
    adds candidates to the rules can get right."""
    meanings, said = _meanings(rows, extraction, gold)
    return frozenset(said.union(meanings) - {None})


@dataclass(frozen=True)
class Read:
    """A gold article as the rules read it: its parse, its extraction and its gold."""

    doc: Doc
    extraction: Extraction
    gold: GoldArticle

    def example(self, hidden: Collection[str] = frozenset()) -> Example:
        """The article's candidates, labelled, as the rules read it without the rules named
        in ``hidden`` (``family``): their facts, and what the candidates' features say of
        them, are gone, as in a read where they do not fire."""
        x = self.extraction
        if hidden:
            kept = tuple(r for r in x.relations if family(r.rule) not in hidden)
            x = dataclasses.replace(x, relations=kept)
        article, entities = x.article, _told(self.extraction)
        rows = candidates(self.doc, article, entities, x.relations)
        return Example(
            article.id,
            rows,
            _labels(rows, x, self.gold),
            tuple(modality(self.doc[c.anchor]) for c in rows.candidates),
            to_json(x),
            hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
            frozenset(e.id for e in entities if e.type == "Event"),
            _reached(rows, x, self.gold),
        )

    def hidden(self, share: float, seed: int, copy: str) -> frozenset[str]:
        """A seeded draw of the names of the rules that gave this article's facts, each
        drawn with probability ``share``; the same ``seed`` and ``copy`` draw the same
        names, and a larger share hides what a smaller one does and more."""
        names = sorted({family(r.rule) for r in self.extraction.relations if r.rule})
        key = f"{seed}|{self.extraction.article.id}|{copy}".encode()
        draws = numpy.random.RandomState(zlib.crc32(key)).random_sample(len(names))
        return frozenset(n for n, u in zip(names, draws, strict=True) if u < share)


def family(rule: str) -> str:
    """The name of the rule a relation comes from, without the closure that carried it
    (``heldIn/visit-to+country`` -> ``heldIn/visit-to``): hiding a rule hides its closures.

    >>> family("heldIn/visit-to+country")
    'heldIn/visit-to'
    """
    return rule.split("+")[0]


def reads(
    gold_docs: Sequence[Mapping],
    articles: Iterable[Article],
    progress: Progress | None = None,
) -> list[Read]:
    """The articles that have gold annotations, read by the rules alone."""
    gold = {str(g["article"]): GoldArticle(g) for g in gold_docs}
    pipeline = Pipeline(relations_model="none")
    wanted = [a for a in articles if a.id in gold]
    found = []
    pairs = ((a.text, a) for a in wanted)
    for doc, article in pipeline.nlp.pipe(pairs, as_tuples=True, batch_size=pipeline.batch_size):
        x = extract(doc, article, pipeline.nlp, pipeline.linker)
        found.append(Read(doc, x, gold[article.id]))
        if progress:
            progress(article.id)
    return found


def examples(
    gold_docs: Sequence[Mapping],
    articles: Iterable[Article],
    progress: Progress | None = None,
) -> list[Example]:
    """The articles that have gold annotations, read by the rules alone and labelled."""
    return [r.example() for r in reads(gold_docs, articles, progress)]


def _told(x: Extraction):
    """The entities the article names: not the events implied by a relation alone."""
    implied = {e.id for e in x.events if e.implied}
    return tuple(e for e in x.entities if e.id not in implied)


def _matrix(parts: Sequence[tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]]):
    from scipy.sparse import csr_matrix

    indptr, indices, values = [numpy.zeros(1, numpy.int64)], [], []
    for ptr, ind, val in parts:
        indptr.append(ptr[1:] + indptr[-1][-1])
        indices.append(ind)
        values.append(val)
    pointers = numpy.concatenate(indptr)
    return csr_matrix(
        (numpy.concatenate(values), numpy.concatenate(indices), pointers),
        shape=(len(pointers) - 1, DIM),
    )


@dataclass(frozen=True)
class _Data:
    """Training rows: the user's examples (with their hidden reads), then bundled rows, as
    one matrix."""

    matrix: Any  # a scipy.sparse.csr_matrix (scipy has no type information)
    labels: numpy.ndarray
    group: numpy.ndarray  # the article index of each row, -1 for bundled rows

    @classmethod
    def of(
        cls, found: Sequence[Example], bundled: dict | None, copies: Sequence[Example] = ()
    ) -> _Data:
        index = {e.article: k for k, e in enumerate(found)}
        both = [*found, *copies]
        parts = [(e.rows.indptr, e.rows.indices, e.rows.values) for e in both]
        labels = [e.labels for e in both]
        group = [numpy.full(len(e.labels), index[e.article]) for e in both]
        if bundled is not None and len(bundled["labels"]):
            parts.append((bundled["indptr"], bundled["indices"], bundled["values"]))
            labels.append(bundled["labels"])
            group.append(numpy.full(len(bundled["labels"]), -1))
        return cls(_matrix(parts), numpy.concatenate(labels), numpy.concatenate(group))


def _fit(data: _Data, rows: numpy.ndarray, strength: float, seed: int):
    from sklearn.linear_model import LogisticRegression

    y = data.labels[rows]
    if y.min() == y.max():  # one class only: a constant model
        return numpy.zeros(DIM), -20.0 if y.max() == 0 else 20.0
    fit = LogisticRegression(C=strength, solver="liblinear", random_state=seed, max_iter=1000)
    fit.fit(data.matrix[rows], y)
    return fit.coef_[0].astype(numpy.float64), float(fit.intercept_[0])


def _mean(
    members: Sequence[tuple[numpy.ndarray, float]],
    thresholds: Mapping[str, float],
    manifest: dict | None = None,
) -> RelationsModel:
    """The model whose scores are the mean of the ``members``' (weights and bias)."""
    weights = numpy.mean([w for w, _ in members], axis=0)
    bias = float(numpy.mean([b for _, b in members]))
    return RelationsModel(weights, bias, thresholds, manifest or {})


def outlet(article: str) -> str:
    """The outlet an article id names: the id without its last hyphenated part.

    >>> outlet("inform-kz-3064535"), outlet("astanatimes-7"), outlet("report")
    ('inform-kz', 'astanatimes', 'report')
    """
    return article.rsplit("-", 1)[0] if "-" in article.strip("-") else article


def _folds(articles: Sequence[str], seed: int) -> numpy.ndarray:
    """The fold of each article: its outlet's, the outlets (in a seeded shuffle, the largest
    first) each put in the fold with the fewest articles so far; by article when all are of
    one outlet."""
    groups = [outlet(a) for a in articles]
    if len(set(groups)) < 2:
        groups = list(articles)
    names = sorted(set(groups))
    size = {name: groups.count(name) for name in names}
    shuffled = [names[k] for k in numpy.random.RandomState(seed).permutation(len(names))]
    filled = [0] * min(FOLDS, len(names))
    of: dict[str, int] = {}
    for name in sorted(shuffled, key=lambda name: -size[name]):
        of[name] = k = filled.index(min(filled))
        filled[k] += size[name]
    return numpy.array([of[g] for g in groups], numpy.int64)


_Reads = tuple[Sequence[Example], Sequence[Example]]  # the plain reads, the hidden ones
_Probabilities = tuple[Sequence[numpy.ndarray], Sequence[numpy.ndarray]]  # out of fold, of each
_Golds = tuple[Sequence[Mapping], Sequence[Mapping]]  # the gold of each, by the reads' ids


@dataclass(frozen=True)
class _Setting:
    """The predicates the model adds, each with the threshold above which it adds a relation."""

    thresholds: Mapping[str, float]


def _revised(example: Example, probability: numpy.ndarray, thresholds: Mapping[str, float]) -> dict:
    """The example's rules' JSON with the model's additions (as ``revise``)."""
    model = RelationsModel(numpy.zeros(0), 0.0, thresholds)
    rules = example.prediction["relations"]
    theirs = [
        (r["subject"], r["predicate"], r["object"], r.get("status", "asserted")) for r in rules
    ]
    added = model.combine(
        theirs,
        example.rows.candidates,
        probability,
        example.events,
    )
    found = [
        (c.subject, c.predicate, c.object, example.statuses[k])
        for k in added
        for c in [example.rows.candidates[k]]
    ]
    kinds = {
        e["id"]: (e["type"], e.get("class", ""), e["label"]) for e in example.prediction["entities"]
    }
    found += [(s, p, o, found[k][3]) for s, p, o, k in closure(found, theirs, kinds)]
    return {
        **example.prediction,
        "relations": rules
        + [{"subject": s, "predicate": p, "object": o, "status": t} for s, p, o, t in found],
    }


@dataclass(frozen=True)
class _Tried:
    """A setting's scores out of fold: on the articles as the rules read them (``plain``),
    and on the reads with a share of the rules hidden (``hidden``)."""

    setting: _Setting
    plain: Scores
    hidden: Scores


def _tried(golds: _Golds, reads: _Reads, oof: _Probabilities) -> list[_Tried]:
    """Each threshold's scores, one threshold for the additions of every predicate."""
    return [_scored(golds, reads, oof, _Setting(dict.fromkeys(PREDICATES, t))) for t in THRESHOLDS]


def _scored(
    golds: _Golds,
    reads: _Reads,
    oof: _Probabilities,
    setting: _Setting,
) -> _Tried:
    """A setting's scores on the plain and the hidden reads, from out-of-fold probabilities."""
    plain, hidden = (
        score(
            gold_docs,
            {
                e.article: _revised(e, p, setting.thresholds)
                for e, p in zip(found, probability, strict=True)
            },
        )
        for gold_docs, found, probability in zip(golds, reads, oof, strict=True)
    )
    return _Tried(setting, plain, hidden)


def _best(tried: Sequence[_Tried], rules: Scores) -> _Tried | None:
    """Of thresholds ``tried`` in increasing order, the one whose relations score best on the
    hidden reads (unseen text, where the rules fire less), each scored with its two
    neighbours (the middle of a plateau, not a lucky point), among those that lose at most
    ``SLACK`` against the rules alone on the plain reads (the articles the rules were written
    from); None when none is left."""
    hidden = [t.hidden.relations.f1 for t in tried]
    near = [hidden[max(k - 1, 0) : k + 2] for k in range(len(tried))]
    smooth = [sum(h) / len(h) for h in near]
    floor = rules.relations.f1 - SLACK - 1e-9
    keep = [k for k, t in enumerate(tried) if t.plain.relations.f1 >= floor]
    if not keep:
        return None
    return tried[max(keep, key=lambda k: (round(smooth[k], 6), round(hidden[k], 6), k))]


def train(
    gold_docs: Sequence[Mapping],
    articles: Iterable[Article],
    with_bundled: bool = False,
    seed: int = SEED,
    progress: Progress | None = None,
) -> Training:
    """A relations model trained on the articles with gold annotations (see the module
    docstring); ``progress`` is told each article read and each step done."""
    gold_docs = list(gold_docs)
    return fit(gold_docs, reads(gold_docs, articles, progress), with_bundled, seed, progress)


def fit(
    gold_docs: Sequence[Mapping],
    found_reads: Sequence[Read],
    with_bundled: bool = False,
    seed: int = SEED,
    progress: Progress | None = None,
) -> Training:
    """``train`` on articles already read."""
    if len(found_reads) < 2:
        raise KGError(
            f"{len(found_reads)} of the articles given have a gold file: training needs two at "
            "least (the gold file of an article is <article-id>.json)"
        )
    found = [r.example() for r in found_reads]
    held = [  # each draw of each article, by an id of its own ("id#draw")
        dataclasses.replace(
            r.example(r.hidden(HIDDEN, seed, f"held-out-{k}")),
            article=f"{r.extraction.article.id}#{k}",
        )
        for k in range(DRAWS)
        for r in found_reads
    ]
    ids = {e.article for e in found}
    gold_docs = [g for g in gold_docs if str(g["article"]) in ids]
    golds = (
        gold_docs,
        [{**g, "article": f"{g['article']}#{k}"} for k in range(DRAWS) for g in gold_docs],
    )
    bundled = bundled_rows(exclude={e.text_digest for e in found}) if with_bundled else None
    fold = _folds([e.article for e in found], seed)
    rules = score(gold_docs, {e.article: e.prediction for e in found})
    rules_hidden = score(golds[1], {e.article: e.prediction for e in held})
    folds = int(fold.max()) + 1
    datas = {
        dropout: _Data.of(
            found,
            bundled,
            [
                r.example(r.hidden(dropout, seed, f"copy-{c}"))
                for r in found_reads
                for c in range(COPIES)
            ],
        )
        for dropout in DROPOUTS
    }
    members: list[list[tuple[numpy.ndarray, float]]] = [[] for _ in range(folds + 1)]
    for dropout, data in datas.items():
        row_fold = numpy.where(data.group >= 0, fold[numpy.maximum(data.group, 0)], -1)
        for strength in STRENGTHS:
            for k in range(folds + 1):  # each fold's model, then the model of all the rows
                members[k].append(_fit(data, row_fold != k, strength, seed))
            if progress:
                progress(f"fitted with {dropout:.0%} of the rules hidden, C {strength}")
    plain = [numpy.zeros(0)] * len(found)
    hidden = [numpy.zeros(0)] * len(held)
    for k in range(folds):
        model = _mean(members[k], {})
        for i in numpy.flatnonzero(fold == k):
            plain[i] = model.probabilities(found[i].rows)
            for draw in range(DRAWS):
                j = draw * len(found) + i
                hidden[j] = model.probabilities(held[j].rows)
    oof = (plain, hidden)
    tried = _tried(golds, (found, held), oof)
    chosen = _best(tried, rules) or _scored(golds, (found, held), oof, _Setting({}))
    setting = chosen.setting
    cv = {
        "rules": rules,
        "rules+model": chosen.plain,
        "hidden rules": rules_hidden,
        "hidden rules+model": chosen.hidden,
    }
    manifest = _manifest(gold_docs, found, bundled, setting, seed, cv)
    manifest["folds"] = folds
    model = _mean(members[folds], setting.thresholds, manifest)
    return Training(
        model,
        rules,
        chosen.plain,
        tuple(found),
        bundled["articles"] if bundled else 0,
        rules_hidden,
        chosen.hidden,
    )


def _manifest(gold_docs, found, bundled, setting: _Setting, seed, cv: dict) -> dict:
    meta = load_nlp().meta
    digest = hashlib.sha256()
    for g, e in sorted(
        zip(_by_id(gold_docs, found), found, strict=True), key=lambda p: p[1].article
    ):
        digest.update(json.dumps(g, sort_keys=True).encode() + e.text_digest.encode())
    if bundled is not None:
        digest.update(bundled["digest"].encode())
    return {
        "format": FORMAT,
        "kg_version": VERSION,
        "feature_schema": schema_hash(),
        "spacy_model": f"{meta['lang']}_{meta['name']}",
        "spacy_model_version": meta["version"],
        "spacy_version": spacy.__version__,
        "training_data": digest.hexdigest(),
        "articles": len(found),
        "bundled_articles": bundled["articles"] if bundled else 0,
        "learner": "the mean of logistic regressions (scikit-learn, liblinear, L2)",
        "strengths": list(STRENGTHS),
        "dropouts": list(DROPOUTS),
        "copies": COPIES,
        "hidden_share": HIDDEN,
        "hidden_draws": DRAWS,
        "seed": seed,
        "thresholds": {p: setting.thresholds[p] for p in PREDICATES if p in setting.thresholds},
        "cross_validation": {name: scores.to_json() for name, scores in cv.items()},
        "reach": _reach(found, cv["rules"]),
        "rows_fingerprint": _fingerprint(e.rows for e in found),
        "rules_fingerprint": rules_fingerprint(f"{meta['lang']}_{meta['name']}"),
    }


def _by_id(gold_docs: Sequence[Mapping], found: Sequence[Example]) -> list[Mapping]:
    by_id = {str(g["article"]): g for g in gold_docs}
    return [by_id[e.article] for e in found]


def _fingerprint(rows: Iterable[Rows]) -> str:
    digest = hashlib.sha256()
    for r in rows:
        digest.update(r.fingerprint())
    return digest.hexdigest()


def rules_fingerprint(model: str | None = None) -> str:
    """The digest of the candidates and exact features of kg's sample articles
    (``data/samples``) as the rules read them now with the spaCy ``model``: it changes when
    the rules do, and a model records it (the shipped model's is checked by the test suite)."""
    pipeline = Pipeline(model, relations_model="none")
    articles = sorted(read_articles([str(data_path("samples"))]), key=lambda a: a.id)
    rows = []
    for doc, article in pipeline.nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        x = extract(doc, article, pipeline.nlp, pipeline.linker)
        rows.append(candidates(doc, article, _told(x), x.relations))
    return _fingerprint(rows)


def save_rows(found: Sequence[Example], path: Path) -> None:
    """Write the examples' feature rows and labels (numbers only) as the bundled rows."""
    data = _Data.of(found, None)
    matrix = data.matrix
    arrays = {
        "indptr": matrix.indptr.astype(numpy.int32),
        "indices": matrix.indices.astype(numpy.int32),
        "values": matrix.data.astype(numpy.float16),
        "labels": data.labels.astype(numpy.int8),
        "group": data.group.astype(numpy.int16),
        "texts": numpy.array([e.text_digest for e in found]),
        "schema": numpy.array([schema_hash()]),
    }
    write_npz(path, arrays)


def bundled_rows(exclude: Collection[str] = frozenset(), path: Path = BUNDLED) -> dict:
    """The bundled development-set rows (without the articles whose text digest is in
    ``exclude``), with their digest and number of articles."""
    try:
        with numpy.load(path, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except (OSError, ValueError) as err:
        raise KGError(f"{path}: the bundled training rows cannot be read ({err})") from None
    if str(arrays["schema"][0]) != schema_hash():
        raise KGError(f"{path}: bundled rows of another feature schema; retrain with kg train")
    texts = [str(t) for t in arrays["texts"]]
    keep_article = numpy.array([t not in exclude for t in texts])
    keep = keep_article[arrays["group"].astype(numpy.int64)]
    indptr = arrays["indptr"].astype(numpy.int64)
    starts, ends = indptr[:-1][keep], indptr[1:][keep]
    take = numpy.concatenate(
        [numpy.arange(a, b) for a, b in zip(starts, ends, strict=True)]
        or [numpy.zeros(0, numpy.int64)]
    )
    take = take.astype(numpy.int64)
    return {
        "indptr": numpy.concatenate([[0], numpy.cumsum(ends - starts)]).astype(numpy.int64),
        "indices": arrays["indices"][take].astype(numpy.int64),
        "values": arrays["values"][take].astype(numpy.float64),
        "labels": arrays["labels"][keep].astype(numpy.int64),
        "articles": int(keep_article.sum()),
        "digest": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
