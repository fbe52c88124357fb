"""Candidate relations of an article and the features the relations model reads of them.

A candidate is a (subject, predicate, object) of the article's entities that the predicate's
signature allows and that the article brings together: named in one sentence or a few
sentences apart, related by a rule, or the subject the event the article's lead names (an
event only a quotation names is a candidate's subject only in the rules' own facts). Its
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
['headedBy', 'heldIn', 'met', 'participant', 'visited']
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import math
import zlib
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, POS, SENT_START
from spacy.tokens import Doc

from kg.nlp.relations import SIGNATURES, names_a_format
from kg.nlp.visits import in_quotes
from kg.types import PREDICATES, Article, Entity, Relation

__all__ = ["DIM", "SCHEMA", "Candidate", "Rows", "candidates", "schema_hash"]

DIM = 1 << 18
# How many sentences apart two entities still make a candidate of each predicate (farther
# pairs of the dev set held next to no relations the rules missed); a rule's fact, or the
# event the lead names, is a candidate at any distance.
WINDOW = {
    "headedBy": 0,
    "heldIn": 2,
    "signed": 1,
    "visited": 1,
    "met": 1,
    "participant": 2,
    "represents": 0,
}
PATHS = 6  # sentences naming both entities whose paths are read, besides the closest
TENSOR_SCALE = 0.1  # the dense features' weight against the sparse ones (0.3 and 1 did worse)
SLOTS_KEPT = 1 << 17  # hashed feature names kept for each predicate
_CONTENT = {"VERB", "NOUN", "ADJ", "ADV", "ADP"}
_NAMES = {"PROPN", "NUM", "X", "SYM"}
# What the features are: a model trained on another schema reads other slots.
SCHEMA = {
    "version": 5,
    "dim": DIM,
    "hash": "crc32(predicate|name) mod dim",
    "window": WINDOW,
    "version-note": "closest mentions by one pass; features found on several paths add up",
    "paths": PATHS,
    "tensor": f"doc.tensor at the joining word x {TENSOR_SCALE}",
    "met": "no candidate between people who only spoke in a call, or who act for one country",
    "recalled": "no candidate of an event only a quotation names, but the rules' own",
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
    the entries that come from ``doc.tensor`` (the rest are exact, see ``fingerprint``);
    ``sentences`` are the texts the candidates' ``sentence`` indices point to."""

    candidates: tuple[Candidate, ...]
    indptr: numpy.ndarray
    indices: numpy.ndarray
    values: numpy.ndarray
    dense: numpy.ndarray
    sentences: tuple[str, ...] = ()

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


def _slot(name: str) -> int:
    """The slot a feature name hashes to."""
    return zlib.crc32(name.encode("utf-8")) & (DIM - 1)


class _Slots(dict[str, int]):
    """The slots of one predicate's feature names, each name hashed once (all forgotten when
    ``SLOTS_KEPT`` are kept)."""

    def __init__(self, predicate: str):
        super().__init__()
        self.prefix = f"{predicate}|"

    def __missing__(self, name: str) -> int:
        if len(self) >= SLOTS_KEPT:
            self.clear()
        slot = self[name] = _slot(self.prefix + name)
        return slot


@cache
def _slots(predicate: str) -> _Slots:
    return _Slots(predicate)


@cache
def _tensor_slots(predicate: str, width: int) -> numpy.ndarray:
    return numpy.array([_slot(f"{predicate}|tensor:{k}") for k in range(width)], numpy.int64)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else ("3-5" if n < 6 else ("6-10" if n < 11 else "11+"))


class _Mention(NamedTuple):
    """A mention as token indices: its span, its head word and its sentence."""

    start: int
    end: int
    root: int
    sentence: int


Named = list[tuple[str, float]]
Part = tuple[tuple | None, Named]  # features many candidates share come keyed, hashed once


class _Parse:
    """The parse read once, as lists of ids and strings: heads, labels, words (names as
    their part of speech), the sentence and paragraph of each token; ``text`` is the text
    parsed (``doc.text`` joins the tokens anew on each call)."""

    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        n = len(doc)
        array = doc.to_array([HEAD, DEP, LEMMA, POS, SENT_START, IDX])
        self.heads = (array[:, 0].astype(numpy.int64) + numpy.arange(n)).tolist()
        strings = doc.vocab.strings
        self.deps = [strings[v] for v in array[:, 1].tolist()]
        self.pos = [strings[v] for v in array[:, 3].tolist()]
        self.words = [
            pos if pos in _NAMES else strings[v].lower()
            for v, pos in zip(array[:, 2].tolist(), self.pos, strict=True)
        ]
        self.idx = array[:, 5].astype(numpy.int64).tolist()
        starts = numpy.flatnonzero(array[:, 4].astype(numpy.int64) == 1).tolist()
        self.starts = [0, *(i for i in starts if i)] if n else []
        self.sent_of = (numpy.cumsum(numpy.isin(numpy.arange(n), self.starts)) - 1).tolist()
        self.text = text
        paragraph = 0
        self.paragraph_of = []
        for k, i in enumerate(self.starts):
            if k and "\n" in text[self.idx[i - 1] : self.idx[i]]:
                paragraph += 1
            self.paragraph_of.append(paragraph)
        tensor = doc.tensor
        self.tensor = (
            tensor if tensor is not None and tensor.ndim == 2 and len(tensor) == n else None
        )

    def sentences(self) -> tuple[str, ...]:
        """The text of each sentence."""
        text, idx = self.text, self.idx
        bounds = [idx[i] for i in self.starts] + [len(text)]
        return tuple(text[a:b].strip() for a, b in itertools.pairwise(bounds))

    def mention(self, start_char: int, end_char: int) -> _Mention | None:
        """The tokens of a character span (widened to whole tokens)."""
        start = max(bisect.bisect_right(self.idx, start_char) - 1, 0)
        end = bisect.bisect_left(self.idx, end_char)
        if end <= start:
            return None
        heads = self.heads
        outside = (t for t in range(start, end) if heads[t] == t or not start <= heads[t] < end)
        root = next(outside, start)
        return _Mention(start, end, root, self.sent_of[root])

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


class _Article:
    """What the features of one article's candidates are read from, and the parts of them
    that many candidates share."""

    def __init__(
        self, doc: Doc, article: Article, entities: Sequence[Entity], relations: Sequence[Relation]
    ):
        self.parse = parse = _Parse(doc, article.text)
        self.article = article
        self.entities = {e.id: e for e in entities}
        self.mentions: dict[str, list[_Mention]] = {}
        for e in entities:
            found = (parse.mention(m.start, m.end) for m in e.mentions)
            self.mentions[e.id] = sorted(m for m in found if m is not None)
        self.rules = {(r.subject, r.predicate, r.object): r for r in relations}
        self.links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.out: dict[tuple[str, str], int] = defaultdict(int)
        self.into: dict[tuple[str, str], int] = defaultdict(int)
        self.roles: dict[str, set[str]] = defaultdict(set)
        for r in relations:
            if r.subject in self.entities and r.object in self.entities:
                self.links[r.subject][r.object].append(f"{r.predicate}>")
                self.links[r.object][r.subject].append(f"{r.predicate}<")
                self.out[(r.subject, r.predicate)] += 1
                self.into[(r.object, r.predicate)] += 1
                self.roles[r.subject].add(f"{r.predicate}>")
                self.roles[r.object].add(f"{r.predicate}<")
        self.sentences = {eid: {m.sentence for m in ms} for eid, ms in self.mentions.items()}
        self.in_sentence: dict[str, dict[int, list[_Mention]]] = {}
        for eid, ms in self.mentions.items():
            by_sentence = self.in_sentence[eid] = {}
            for m in ms:
                by_sentence.setdefault(m.sentence, []).append(m)
        self.first = {eid: ms[0].sentence if ms else -1 for eid, ms in self.mentions.items()}
        self.by_type: dict[str, list[str]] = defaultdict(list)
        for e in entities:
            self.by_type[e.type].append(e.id)
        self.rank = {}
        for ids in self.by_type.values():
            ordered = sorted(ids, key=lambda i: (self.first[i] < 0, self.first[i]))
            self.rank.update({eid: k for k, eid in enumerate(ordered)})
        self.unmet = _called_only(self.entities, relations) | _one_side(relations)
        self.acts_for: dict[str, set[str]] = defaultdict(set)  # the countries people act for
        for r in relations:
            country = self.entities.get(r.object)
            if r.predicate == "represents" and country is not None and country.type == "Country":
                self.acts_for[r.subject].add(r.object)
        self.recalled = {  # events only a quotation names: no event of the article
            eid
            for eid in self.by_type.get("Event", [])
            if self.mentions[eid] and all(in_quotes(doc[m.root]) for m in self.mentions[eid])
        }
        self.formats = {  # places named only as a meeting's format ("the C5+1 format")
            eid
            for t in ("Place", "Country")
            for eid in self.by_type.get(t, [])
            if self.mentions[eid]
            and all(names_a_format(doc[m.end - 1]) for m in self.mentions[eid])
        }
        self.events_in: dict[int, set[str]] = defaultdict(set)
        for eid in self.by_type.get("Event", []):
            for m in self.mentions[eid]:
                self.events_in[m.sentence].add(self.entities[eid].cls)
        lead = [i for i in self.by_type.get("Event", []) if 0 <= self.first[i] <= 2]
        self.main = min(lead, key=lambda i: self.first[i]) if lead else None
        self._parts: dict[tuple, Part] = {}
        self._pairs: dict[tuple, tuple[int, int, list[Part], int | None]] = {}
        self._paths: dict[tuple, tuple[Part, int | None]] = {}
        self._hops: dict[str, dict[str, list[str]]] = {}

    def pairs(self, only: Collection[str] | None = None) -> Iterator[tuple[str, str, str]]:
        """The candidates (see ``candidates``)."""
        for predicate in PREDICATES if only is None else [p for p in PREDICATES if p in only]:
            subjects, objects = SIGNATURES[predicate]
            for s in (i for t in sorted(subjects) for i in self.by_type.get(t, [])):
                for o in (i for t in sorted(objects) for i in self.by_type.get(t, [])):
                    if s == o or (predicate == "met" and o < s):
                        continue
                    if (s, predicate, o) in self.rules:
                        if only is None:
                            yield s, predicate, o
                    elif self._possible(s, predicate, o):
                        yield s, predicate, o

    def _possible(self, s: str, predicate: str, o: str) -> bool:
        """Near enough, not two people who only spoke in a call, who met a third together or
        who act for one country, nor an event only a quotation names, nor a place named only
        as a format."""
        if predicate == "met" and (
            frozenset((s, o)) in self.unmet or self.acts_for[s] & self.acts_for[o]
        ):
            return False
        if s in self.recalled or (predicate == "heldIn" and o in self.formats):
            return False
        return self._near(s, o, WINDOW[predicate])

    def _near(self, s: str, o: str, window: int) -> bool:
        if o in self.links.get(s, ()) or s == self.main:
            return True
        a, b = self.sentences[s], self.sentences[o]
        if not a or not b:
            return bool(a or b) and window > 0  # the dateline's place, the publisher
        if window == 0:
            return not a.isdisjoint(b)
        return any(abs(i - j) <= window for i in a for j in b)

    def features(self, s: str, p: str, o: str) -> tuple[Candidate, list[Part], int | None]:
        """The candidate, its features in parts, and the token whose tensor joins the two."""
        sentence, anchor, parts, joint = self._pair(s, o)
        rules: Named = [("bias", 1.0), *self._rules(s, p, o)]
        return Candidate(s, p, o, sentence, anchor), [(None, rules), *parts], joint

    def _pair(self, s: str, o: str) -> tuple[int, int, list[Part], int | None]:
        """What two entities bring whatever the predicate (read once for all predicates): the
        candidate's sentence and anchor, its features after the rules', and the joining
        token."""
        if (s, o) not in self._pairs:
            self._pairs[(s, o)] = self._read_pair(s, o)
        return self._pairs[(s, o)]

    def _read_pair(self, s: str, o: str) -> tuple[int, int, list[Part], int | None]:
        subject = self.entities[s]
        f: Named = []
        if any(position.of == o for position in subject.positions):
            f.append(("position_of", 1.0))
        elif any(position.of for position in subject.positions):
            f.append(("position_other", 1.0))
        shared = self.sentences[s] & self.sentences[o]
        f.append(("shared", math.log1p(len(shared))))
        parts = [(None, f), self._side(s, "s"), self._side(o, "o")]
        pair = _closest(self.mentions[s], self.mentions[o])
        if pair is None:
            f.append(("unnamed", 1.0))
            named = self.mentions[s] or self.mentions[o]
            sentence, anchor = (named[0].sentence, named[0].root) if named else (0, 0)
            return sentence, anchor, parts, None
        x, y = pair
        distance = _bucket(abs(x.sentence - y.sentence))
        f.append((f"sd:{distance}", 1.0))
        f += [
            (f"ev:{cls}", 1.0)
            for cls in sorted(self.events_in[x.sentence] | self.events_in[y.sentence])
        ]
        obj = self.entities[o]
        f.append((f"main&rank:{s == self.main}|{_bucket(self.rank[o])}|{obj.type}", 1.0))
        f.append((f"where:{_bucket(self.first[s])}|{_bucket(self.first[o])}|{distance}", 1.0))
        if self.parse.paragraph_of[x.sentence] == self.parse.paragraph_of[y.sentence]:
            f.append(("same_paragraph", 1.0))
        parts += [self._attachment(x, "s"), self._attachment(y, "o")]
        joint = None
        if x.sentence == y.sentence:
            path, joint = self._path(x, y)
            parts.append(path)
        for k in sorted(shared - {x.sentence})[:PATHS]:
            other = _closest(self.in_sentence[s][k], self.in_sentence[o][k])
            if other is not None:
                parts += [
                    self._path(*other)[0],
                    self._attachment(other[0], "s"),
                    self._attachment(other[1], "o"),
                ]
        anchor = joint if joint is not None else y.root
        return max(x.sentence, y.sentence), anchor, parts, joint

    def _side(self, eid: str, role: str) -> Part:
        """What one entity brings, whatever it is paired with."""
        key = ("side", eid, role)
        if key not in self._parts:
            e = self.entities[eid]
            f = [
                (f"{role}t:{e.type}/{e.cls}", 1.0),
                (f"{role}_mentions", math.log1p(len(self.mentions[eid]))),
                (f"{role}_sentence:{_bucket(self.first[eid])}", 1.0),
                (f"{role}_rank:{_bucket(self.rank[eid])}", 1.0),
            ]
            f += [(f"{role}_has:{name}", 1.0) for name in sorted(self.roles.get(eid, ()))]
            if self.mentions[eid] and self.mentions[eid][0].sentence == 0:
                f.append((f"{role}_title", 1.0))
            if role == "o":
                f.append((f"o_many:{_bucket(len(self.by_type[e.type]))}", 1.0))
                dateline = self.article.dateline
                if dateline and e.label.casefold() == dateline.casefold():
                    f.append(("o_dateline", 1.0))
            elif eid == self.main:
                f.append(("s_main", 1.0))
            self._parts[key] = (key, f)
        return self._parts[key]

    def _rules(self, s: str, p: str, o: str) -> Named:
        """What the rules said of the two: the same fact, other facts between them, facts
        through a third entity, and how many facts of this predicate each has."""
        f = []
        rule = self.rules.get((s, p, o))
        if rule is not None:
            family = "/".join(rule.rule.split("+")[0].split("/")[:2])
            f += [(f"same:{family}", 1.0), ("same", 1.0), (f"same_status:{rule.status}", 1.0)]
            f.append(("same_confidence", rule.confidence))
            if "+" in rule.rule:
                f.append(("same_derived", 1.0))
        f += [(f"pair:{name}", 1.0) for name in self.links.get(s, {}).get(o, ())]
        f += [(hop, 1.0) for hop in self._through(s).get(o, ())]
        f += [("s_out", math.log1p(self.out[(s, p)])), ("o_in", math.log1p(self.into[(o, p)]))]
        return f

    def _through(self, s: str) -> dict[str, list[str]]:
        """The rules' facts from ``s`` through a third entity, by the entity they reach."""
        if s not in self._hops:
            reached: dict[str, set[str]] = defaultdict(set)
            for x, names in self.links.get(s, {}).items():
                via = self.entities[x]
                kind = via.cls if via.type == "Event" else via.type  # a call is no meeting
                for o, onward in self.links.get(x, {}).items():
                    if o != s:
                        reached[o].update(f"hop:{a}|{kind}|{b}" for a in names for b in onward)
            self._hops[s] = {o: sorted(found) for o, found in reached.items()}
        return self._hops[s]

    def _attachment(self, m: _Mention, role: str) -> Part:
        """How a mention attaches to its sentence: its label, head word, governor and the
        preposition it is the object of."""
        key = ("attached", m.root, role)
        if key not in self._parts:
            parse, root = self.parse, m.root
            head = parse.heads[root]
            f = [(f"{role}_dep:{parse.deps[root]}", 1.0), (f"{role}_head:{parse.words[root]}", 1.0)]
            if head != root:
                f.append((f"{role}_gov:{parse.deps[root]}:{parse.words[head]}", 1.0))
                if parse.pos[head] == "ADP" and parse.heads[head] != head:
                    governor = parse.words[parse.heads[head]]
                    f.append((f"{role}_prep:{parse.words[head]}:{governor}", 1.0))
            self._parts[key] = (key, f)
        return self._parts[key]

    def _path(self, x: _Mention, y: _Mention) -> tuple[Part, int | None]:
        """The features of the dependency path from ``x`` to ``y`` in their sentence, and the
        word joining them (None if none does)."""
        key = ("path", x, y)
        if key not in self._paths:
            named, joint = self._read_path(x, y)
            self._paths[key] = ((key, named), joint)
        return self._paths[key]

    def _read_path(self, x: _Mention, y: _Mention) -> tuple[Named, int | None]:
        parse = self.parse
        if x.start < y.end and y.start < x.end:
            return [("nested", 1.0)], x.root
        up, top, down = parse.path(x.root, y.root)
        if top < 0:
            return [("nopath", 1.0)], None
        deps = " ".join([parse.deps[t] + "^" for t in up] + [parse.deps[t] + "v" for t in down])
        f = [
            (f"path:{deps}", 1.0),
            (f"lpath:{deps}:{parse.words[top]}", 1.0),
            (f"lca:{parse.words[top]}", 1.0),
            (f"plen:{_bucket(len(up) + len(down))}", 1.0),
        ]
        for t in [*up[1:], top, *down[:-1]]:
            inside = x.start <= t < x.end or y.start <= t < y.end
            if not inside and parse.pos[t] in _CONTENT:
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
        return f, top


def _called_only(entities: dict[str, Entity], relations: Sequence[Relation]) -> set[frozenset]:
    """The pairs of people who, by the rules, only spoke in a call: a call is no meeting
    (they make no ``met`` candidate)."""
    members: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        person = r.object in entities and entities[r.object].type == "Person"
        if r.predicate == "participant" and r.subject in entities and person:
            members[r.subject].add(r.object)
    calls: set[frozenset] = set()
    meetings: set[frozenset] = set()
    for event, people in members.items():
        pairs = {frozenset((a, b)) for a in people for b in people if a < b}
        (calls if entities[event].cls == "PhoneCall" else meetings).update(pairs)
    return calls - meetings


def _one_side(relations: Sequence[Relation]) -> set[frozenset]:
    """The pairs of people who, by the rules, met one person in one sentence by one rule
    ("X received A and B", "X met A and B"): the same side, who make no ``met`` candidate."""
    met: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in relations:
        if r.predicate == "met":
            met[(r.subject, r.evidence, r.rule)].add(r.object)
            met[(r.object, r.evidence, r.rule)].add(r.subject)
    return {frozenset((a, b)) for people in met.values() for a in people for b in people if a < b}


def _closest(a: list[_Mention], b: list[_Mention]) -> tuple[_Mention, _Mention] | None:
    """The mentions of two entities closest in the text (fewest sentences apart, then fewest
    words), from one pass over both in text order: the closest pair is a neighbouring one."""
    best, best_key = None, None
    merged = sorted([(m, 0) for m in a] + [(m, 1) for m in b])
    last: list[_Mention | None] = [None, None]
    for m, side in merged:
        other = last[1 - side]
        if other is not None:
            x, y = (m, other) if side == 0 else (other, m)
            key = (abs(x.sentence - y.sentence), max(y.start - x.end, x.start - y.end, 0))
            if best_key is None or key < best_key:
                best, best_key = (x, y), key
        last[side] = m
    return best


def candidates(
    doc: Doc,
    article: Article,
    entities: Sequence[Entity],
    relations: Sequence[Relation],
    only: Collection[str] | None = None,
) -> Rows:
    """The candidates of one article (``doc`` the parse of its text; entities with the rules'
    relations between them) and their hashed feature rows (a feature found on several paths counts each time); with
    ``only``, those of these predicates that are not the rules' own relations (all that a
    model that only adds reads)."""
    state = _Article(doc, article, entities, relations)
    tensor = state.parse.tensor
    found: list[Candidate] = []
    counts: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    joints, joint_rows, joint_predicates = [], [], []
    hashed: dict[tuple, tuple[list[int], list[float]]] = {}
    for n, (s, p, o) in enumerate(state.pairs(only)):
        candidate, parts, joint = state.features(s, p, o)
        found.append(candidate)
        slot = _slots(p)
        size = 0
        for key, named in parts:
            slots = hashed.get((key, p)) if key is not None else None
            if slots is None:
                slots = ([slot[name] for name, _ in named], [v for _, v in named])
                if key is not None:
                    hashed[(key, p)] = slots
            cols += slots[0]
            vals += slots[1]
            size += len(slots[0])
        counts.append(size)
        if tensor is not None and joint is not None:
            joints.append(joint)
            joint_rows.append(n)
            joint_predicates.append(p)
    rows = numpy.repeat(numpy.arange(len(found)), counts)
    row = rows.astype(numpy.int64)
    col = numpy.array(cols, numpy.int64)
    val = numpy.array(vals, numpy.float64)
    dense = numpy.zeros(len(rows), bool)
    if tensor is not None and joints:
        width = tensor.shape[1]
        row = numpy.concatenate([row, numpy.repeat(joint_rows, width)])
        col = numpy.concatenate([col, *(_tensor_slots(p, width) for p in joint_predicates)])
        block = tensor[joints].astype(numpy.float64) * TENSOR_SCALE
        val = numpy.concatenate([val, block.ravel()])
        dense = numpy.concatenate([dense, numpy.ones(len(joints) * width, bool)])
    order = numpy.argsort(row, kind="stable")
    sizes = numpy.bincount(row, minlength=len(found))
    indptr = numpy.concatenate([[0], numpy.cumsum(sizes)]).astype(numpy.int64)
    sentences = state.parse.sentences() if found else ()
    return Rows(tuple(found), indptr, col[order], val[order], dense[order], sentences)
