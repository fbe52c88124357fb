"""Candidate relations of an article and the features the relations model reads of them.

A candidate is a (subject, predicate, object) of the article's entities that the predicate's
signature allows and that the article brings together: named in one sentence or a few
sentences apart, related by a rule, or the subject the event the article's lead names. Its
features say what the rules found (the same fact, other facts between the two, facts through
a third entity), where the two are named (sentence, paragraph, rank among their kind), how
the sentences that name both join them (dependency path, the words on it and between them,
how each mention attaches), and spaCy's own ``doc.tensor`` at the word that joins them.

Features are hashed into one sparse vector of ``DIM`` slots, each name crossed with the
predicate (``heldIn|lca:hold``); names of people and places are read as their part of
speech, so a feature row holds no article text.

>>> from kg.pipeline import Pipeline
>>> pipeline = Pipeline(relations_model="none")
>>> x = pipeline.extract("Askar Mamin met Vasily Matyushevsky in Minsk on Friday.")
>>> rows = candidates(pipeline.nlp(x.article.text), x.article, x.entities, x.relations)
>>> sorted({c.predicate for c in rows.candidates})
['met', 'represents', 'visited']
"""

from __future__ import annotations

import hashlib
import json
import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, POS
from spacy.tokens import Doc, Span

from kg.nlp.relations import SIGNATURES
from kg.types import PREDICATES, Article, Entity, Relation

__all__ = ["DIM", "SCHEMA", "Candidate", "Rows", "candidates", "schema_hash"]

DIM = 1 << 18
WINDOW = 2  # sentences apart that still make a candidate
PATHS = 6  # sentences naming both entities whose paths are read, besides the closest
TENSOR_SCALE = 0.3  # the dense features' weight against the sparse ones
_CONTENT = {"VERB", "NOUN", "ADJ", "ADV", "ADP"}
_NAMES = {"PROPN", "NUM", "X", "SYM"}
# What the features are: a model trained on another schema reads other slots.
SCHEMA = {
    "version": 1,
    "dim": DIM,
    "hash": "crc32(predicate|name) mod dim",
    "window": WINDOW,
    "paths": PATHS,
    "tensor": f"doc.tensor at the joining word x {TENSOR_SCALE}",
    "names": [
        "types",
        "rules: same, pair, hop, out, in",
        "mentions: count, first sentence, rank, many, main, dateline, position",
        "co-occurrence: shared, sentence distance, paragraph",
        "mention: dep, head, governor, preposition",
        "path: deps, lemma path, lca, length, on path, order, gap, between",
    ],
}


def schema_hash() -> str:
    """The digest of ``SCHEMA``: a model records it and is read only under the same one."""
    return hashlib.sha256(json.dumps(SCHEMA, sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Candidate:
    """A possible relation between two entity ids, with the sentence it would be read from
    (an index into ``doc.sents``) and the token whose clause says its status."""

    subject: str
    predicate: str
    object: str
    sentence: int
    anchor: int


@dataclass(frozen=True)
class Rows:
    """The candidates of one article and their feature rows, as CSR arrays; ``dense`` marks
    the entries that come from ``doc.tensor`` (the rest are exact, see ``fingerprint``)."""

    candidates: tuple[Candidate, ...]
    indptr: numpy.ndarray
    indices: numpy.ndarray
    values: numpy.ndarray
    dense: numpy.ndarray

    def fingerprint(self) -> bytes:
        """The exact part of the rows (candidates and sparse features, not the tensor's
        floats, which differ in the last bits from machine to machine)."""
        digest = hashlib.sha256()
        for k, c in enumerate(self.candidates):
            part = slice(self.indptr[k], self.indptr[k + 1])
            exact = ~self.dense[part]
            order = numpy.argsort(self.indices[part][exact], kind="stable")
            digest.update(f"{c.subject} {c.predicate} {c.object} {c.sentence}|".encode())
            digest.update(self.indices[part][exact][order].astype("<i4").tobytes())
            digest.update(numpy.round(self.values[part][exact][order], 4).astype("<f8").tobytes())
        return digest.digest()


def _hash(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) & (DIM - 1)


@cache
def _tensor_slots(predicate: str, width: int) -> numpy.ndarray:
    return numpy.array([_hash(f"{predicate}|tensor:{k}") for k in range(width)], numpy.int64)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else ("3-5" if n < 6 else ("6-10" if n < 11 else "11+"))


class _Parse:
    """The parse read once as lists: heads, labels, lemmas (names as their part of speech),
    sentences and paragraphs."""

    def __init__(self, doc: Doc):
        self.doc = doc
        n = len(doc)
        array = doc.to_array([HEAD, DEP, LEMMA, POS])
        self.heads = (array[:, 0].astype(numpy.int64) + numpy.arange(n)).tolist()
        strings = doc.vocab.strings
        self.deps = [strings[v] for v in array[:, 1].tolist()]
        self.pos = [strings[v] for v in array[:, 3].tolist()]
        self.words = [
            pos if pos in _NAMES else strings[v].lower()
            for v, pos in zip(array[:, 2].tolist(), self.pos, strict=True)
        ]
        self.sents = list(doc.sents)
        self.sent_of = [0] * n
        self.paragraph_of = []
        paragraph = 0
        for k, s in enumerate(self.sents):
            self.sent_of[s.start : s.end] = [k] * len(s)
            if k and "\n" in doc.text[self.sents[k - 1].end_char : s.start_char]:
                paragraph += 1
            self.paragraph_of.append(paragraph)
        tensor = doc.tensor
        self.tensor = tensor if tensor is not None and tensor.ndim == 2 and len(tensor) == n else None

    def path(self, a: int, b: int) -> tuple[list[int], int, list[int]]:
        """Tokens from ``a`` up to the lowest common head, that head (-1 if none), and the
        tokens down from it to ``b``."""
        up = [a]
        while self.heads[up[-1]] != up[-1]:
            up.append(self.heads[up[-1]])
        where = {t: k for k, t in enumerate(up)}
        down = [b]
        while down[-1] not in where and self.heads[down[-1]] != down[-1]:
            down.append(self.heads[down[-1]])
        top = down[-1]
        if top not in where:
            return up, -1, down
        return up[: where[top]], top, down[:-1][::-1]


def _spans(doc: Doc, entities: Iterable[Entity]) -> dict[str, list[Span]]:
    found = {}
    for e in entities:
        spans = (doc.char_span(m.start, m.end, alignment_mode="expand") for m in e.mentions)
        found[e.id] = sorted((s for s in spans if s is not None and len(s)), key=lambda s: s.start)
    return found


class _Article:
    """What the features of one article's candidates are read from."""

    def __init__(
        self, doc: Doc, article: Article, entities: Sequence[Entity], relations: Sequence[Relation]
    ):
        self.parse = _Parse(doc)
        self.article = article
        self.entities = {e.id: e for e in entities}
        self.spans = _spans(doc, entities)
        self.rules = {(r.subject, r.predicate, r.object): r for r in relations}
        self.links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.out: dict[tuple[str, str], int] = defaultdict(int)
        self.into: dict[tuple[str, str], int] = defaultdict(int)
        for r in relations:
            if r.subject in self.entities and r.object in self.entities:
                self.links[r.subject][r.object].append(f"{r.predicate}>")
                self.links[r.object][r.subject].append(f"{r.predicate}<")
                self.out[(r.subject, r.predicate)] += 1
                self.into[(r.object, r.predicate)] += 1
        sent_of = self.parse.sent_of
        self.sentences = {eid: {sent_of[s.start] for s in spans} for eid, spans in self.spans.items()}
        self.first = {eid: sent_of[s[0].start] if s else -1 for eid, s in self.spans.items()}
        self.by_type: dict[str, list[str]] = defaultdict(list)
        for e in entities:
            self.by_type[e.type].append(e.id)
        self.rank = {}
        for ids in self.by_type.values():
            ordered = sorted(ids, key=lambda i: (self.first[i] < 0, self.first[i]))
            self.rank.update({eid: k for k, eid in enumerate(ordered)})
        lead = [i for i in self.by_type.get("Event", []) if 0 <= self.first[i] <= 2]
        self.main = min(lead, key=lambda i: self.first[i]) if lead else None

    def pairs(self) -> Iterator[tuple[str, str, str]]:
        for predicate in PREDICATES:
            subjects, objects = SIGNATURES[predicate]
            for s in (i for t in sorted(subjects) for i in self.by_type.get(t, [])):
                for o in (i for t in sorted(objects) for i in self.by_type.get(t, [])):
                    if s == o or (predicate == "met" and o < s):
                        continue
                    if (s, predicate, o) in self.rules or self._near(s, o):
                        yield s, predicate, o

    def _near(self, s: str, o: str) -> bool:
        if o in self.links.get(s, ()) or s == self.main:
            return True
        a, b = self.sentences[s], self.sentences[o]
        if not a or not b:
            return True  # the dateline's place, the publisher: named by no sentence
        return any(abs(i - j) <= WINDOW for i in a for j in b)

    def features(
        self, s: str, p: str, o: str
    ) -> tuple[Candidate, list[tuple[str, float]], int | None]:
        """The candidate, its named features and the token whose tensor joins the two."""
        S, O = self.entities[s], self.entities[o]
        f: list[tuple[str, float]] = [
            ("bias", 1.0),
            (f"st:{S.type}/{S.cls}", 1.0),
            (f"ot:{O.type}/{O.cls}", 1.0),
            (f"types:{S.type}/{O.type}", 1.0),
        ]
        f += self._rules(s, p, o)
        f += self._places(s, p, o)
        sent_of = self.parse.sent_of
        shared = self.sentences[s] & self.sentences[o]
        f.append(("shared", math.log1p(len(shared))))
        pair = _closest(sent_of, self.spans[s], self.spans[o])
        if pair is None:
            f.append(("unnamed", 1.0))
            spans = self.spans[s] or self.spans[o]
            sentence = sent_of[spans[0].start] if spans else 0
            anchor = spans[0].root.i if spans else 0
            return Candidate(s, p, o, sentence, anchor), f, None
        x, y = pair
        i, j = sent_of[x.start], sent_of[y.start]
        f.append((f"sd:{_bucket(abs(i - j))}", 1.0))
        if self.parse.paragraph_of[i] == self.parse.paragraph_of[j]:
            f.append(("same_paragraph", 1.0))
        f += self._mention(x, "s") + self._mention(y, "o")
        joint = None
        if i == j:
            joint = self._path(f, x, y)
        for k in sorted(shared - {i})[:PATHS]:
            xs = [m for m in self.spans[s] if sent_of[m.start] == k]
            ys = [m for m in self.spans[o] if sent_of[m.start] == k]
            other = _closest(sent_of, xs, ys)
            if other is not None:
                more: list[tuple[str, float]] = []
                self._path(more, *other)
                f += more + self._mention(other[0], "s") + self._mention(other[1], "o")
        anchor = joint if joint is not None else y.root.i
        return Candidate(s, p, o, max(i, j), anchor), _once(f), joint

    def _rules(self, s: str, p: str, o: str) -> list[tuple[str, float]]:
        f = []
        rule = self.rules.get((s, p, o))
        if rule is not None:
            family = "/".join(rule.rule.split("+")[0].split("/")[:2])
            f += [(f"same:{family}", 1.0), ("same", 1.0), (f"same_status:{rule.status}", 1.0)]
            f.append(("same_confidence", rule.confidence))
            if "+" in rule.rule:
                f.append(("same_derived", 1.0))
        f += [(f"pair:{name}", 1.0) for name in self.links.get(s, {}).get(o, [])]
        hops = set()
        for x, names in self.links.get(s, {}).items():
            if x != o and o in self.links[x]:
                kind = self.entities[x].type
                hops.update(f"hop:{a}|{kind}|{b}" for a in names for b in self.links[x][o])
        f += [(h, 1.0) for h in sorted(hops)]
        f += [("s_out", math.log1p(self.out[(s, p)])), ("o_in", math.log1p(self.into[(o, p)]))]
        return f

    def _places(self, s: str, p: str, o: str) -> list[tuple[str, float]]:
        S, O = self.entities[s], self.entities[o]
        f = [
            ("s_mentions", math.log1p(len(self.spans[s]))),
            ("o_mentions", math.log1p(len(self.spans[o]))),
            (f"s_sentence:{_bucket(self.first[s])}", 1.0),
            (f"o_sentence:{_bucket(self.first[o])}", 1.0),
            (f"s_rank:{_bucket(self.rank[s])}", 1.0),
            (f"o_rank:{_bucket(self.rank[o])}", 1.0),
            (f"o_many:{_bucket(len(self.by_type[O.type]))}", 1.0),
        ]
        if s == self.main:
            f.append(("s_main", 1.0))
        dateline = self.article.dateline
        if dateline and O.label.casefold() == dateline.casefold():
            f.append(("o_dateline", 1.0))
        if any(position.of == o for position in S.positions):
            f.append(("position_of", 1.0))
        elif any(position.of for position in S.positions):
            f.append(("position_other", 1.0))
        return f

    def _mention(self, span: Span, role: str) -> list[tuple[str, float]]:
        parse = self.parse
        root = span.root.i
        head = parse.heads[root]
        f = [(f"{role}_dep:{parse.deps[root]}", 1.0), (f"{role}_head:{parse.words[root]}", 1.0)]
        if head != root:
            f.append((f"{role}_gov:{parse.deps[root]}:{parse.words[head]}", 1.0))
            if parse.pos[head] == "ADP" and parse.heads[head] != head:
                governor = parse.words[parse.heads[head]]
                f.append((f"{role}_prep:{parse.words[head]}:{governor}", 1.0))
        return f

    def _path(self, f: list[tuple[str, float]], x: Span, y: Span) -> int | None:
        """Add the features of the dependency path from ``x`` to ``y``; the word joining
        them (or None)."""
        parse = self.parse
        if x.start < y.end and y.start < x.end:
            f.append(("nested", 1.0))
            return x.root.i
        up, top, down = parse.path(x.root.i, y.root.i)
        if top < 0:
            f.append(("nopath", 1.0))
            return None
        deps = " ".join([parse.deps[t] + "^" for t in up] + [parse.deps[t] + "v" for t in down])
        f += [
            (f"path:{deps}", 1.0),
            (f"lpath:{deps}:{parse.words[top]}", 1.0),
            (f"lca:{parse.words[top]}", 1.0),
            (f"plen:{_bucket(len(up) + len(down))}", 1.0),
        ]
        inside = set(range(x.start, x.end)) | set(range(y.start, y.end))
        for t in [*up[1:], top, *down[:-1]]:
            if t not in inside and parse.pos[t] in _CONTENT:
                f.append((f"on:{parse.words[t]}", 1.0))
        a, b = (x, y) if x.start < y.start else (y, x)
        f.append(("order:so" if a is x else "order:os", 1.0))
        gap = max(b.start - a.end, 0)
        f.append((f"gap:{_bucket(gap)}", 1.0))
        if 0 < gap <= 8:
            f += [
                (f"between:{parse.words[t]}", 1.0)
                for t in range(a.end, b.start)
                if parse.pos[t] in _CONTENT
            ]
        return top


def _closest(sent_of: list[int], a: list[Span], b: list[Span]) -> tuple[Span, Span] | None:
    """The mentions of two entities closest in the text: fewest sentences apart, then
    fewest words."""
    best, best_key = None, None
    for x in a:
        i = sent_of[x.start]
        for y in b:
            gap = max(y.start - x.end, x.start - y.end, 0)
            key = (abs(i - sent_of[y.start]), gap)
            if best_key is None or key < best_key:
                best, best_key = (x, y), key
    return best


def _once(features: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Each name once (a binary feature seen on several paths is still 1)."""
    return list(dict(reversed(features)).items())[::-1]


def candidates(
    doc: Doc, article: Article, entities: Sequence[Entity], relations: Sequence[Relation]
) -> Rows:
    """The candidates of one article (entities with the rules' relations between them) and
    their hashed feature rows."""
    state = _Article(doc, article, entities, relations)
    tensor = state.parse.tensor
    found, indptr, indices, values, dense = [], [0], [], [], []
    for s, p, o in state.pairs():
        candidate, named, joint = state.features(s, p, o)
        row: dict[int, float] = {}
        for name, value in named:
            k = _hash(f"{p}|{name}")
            row[k] = row.get(k, 0.0) + value
        cols = numpy.fromiter(row.keys(), numpy.int64, len(row))
        vals = numpy.fromiter(row.values(), numpy.float64, len(row))
        is_dense = numpy.zeros(len(row), bool)
        if tensor is not None and joint is not None:
            cols = numpy.concatenate([cols, _tensor_slots(p, tensor.shape[1])])
            vals = numpy.concatenate([vals, tensor[joint].astype(numpy.float64) * TENSOR_SCALE])
            is_dense = numpy.concatenate([is_dense, numpy.ones(tensor.shape[1], bool)])
        found.append(candidate)
        indices.append(cols)
        values.append(vals)
        dense.append(is_dense)
        indptr.append(indptr[-1] + len(cols))
    empty = numpy.zeros(0)
    return Rows(
        tuple(found),
        numpy.array(indptr, numpy.int64),
        numpy.concatenate(indices) if indices else empty.astype(numpy.int64),
        numpy.concatenate(values) if values else empty,
        numpy.concatenate(dense) if dense else empty.astype(bool),
    )
