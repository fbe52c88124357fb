"""A small, fast matcher for spaCy ``DependencyMatcher`` patterns.

It reads the same JSON patterns (nodes with ``RIGHT_ID``, ``LEFT_ID``, ``REL_OP`` and
``RIGHT_ATTRS``) but walks the parse from the tokens that satisfy the first node, so the
cost grows with the few anchors a sentence has, not with every token times every node; it
reads the Doc's attributes once, as ids (``Doc.to_array``), and compares ids. It supports
the operators kg's patterns use (``>`` child, ``>++``/``>--`` a child to the right/left,
``<`` head, ``>>`` descendant, ``$++``/``$--`` a sibling to the right/left) and the
attributes ``DEP``, ``LEMMA``, ``LOWER``, ``ORTH``, ``POS``, ``TAG``, ``ENT_TYPE`` given
as a value or as ``{"IN": [...]}`` / ``{"NOT_IN": [...]}``.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("a b")
>>> doc[0].head, doc[0].dep_ = doc[1], "nsubj"
>>> matcher = DependencyPatterns([("p", [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"ORTH": "b"}},
...     {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": "nsubj"}}])])
>>> matcher(doc)
[('p', [1, 0])]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

__all__ = ["DependencyPatterns"]

_COLUMNS = {
    "DEP": DEP,
    "LEMMA": LEMMA,
    "LOWER": LOWER,
    "ORTH": ORTH,
    "POS": POS,
    "TAG": TAG,
    "ENT_TYPE": ENT_TYPE,
}
_ID = StringStore().__getitem__  # a string's id: its symbol (POS, most DEP labels) or hash
Check = Callable[["_Index", int], bool]
Key = TypeVar("Key")


def _check(attrs: dict) -> Check:
    """A test of token ``i`` of an index against a node's ``RIGHT_ATTRS``."""
    tests = []  # (column, ids, whether a token's id must be among them)
    for name, wanted in attrs.items():
        if isinstance(wanted, dict) and "IN" in wanted:
            tests.append((name, frozenset(map(_ID, wanted["IN"])), True))
        elif isinstance(wanted, dict) and "NOT_IN" in wanted:
            tests.append((name, frozenset(map(_ID, wanted["NOT_IN"])), False))
        else:
            tests.append((name, frozenset([_ID(wanted)]), True))

    def check(index: _Index, i: int) -> bool:
        # A loop: all() over a generator is slower, and this runs for every candidate token.
        for name, ids, among in tests:  # noqa: SIM110
            if (index.columns[name][i] in ids) is not among:
                return False
        return True

    return check


def _lookup(attrs: dict) -> tuple[str, tuple[int, ...]] | None:
    """The most selective attribute of ``attrs`` to look tokens up by, with its ids."""
    for name in ("LEMMA", "LOWER", "POS"):
        wanted = attrs.get(name)
        if isinstance(wanted, str):
            return name, (_ID(wanted),)
        if isinstance(wanted, dict) and "IN" in wanted:
            return name, tuple(_ID(v) for v in wanted["IN"])
    return None


class _Index:
    """A Doc's attribute ids, heads and children by token index, and the tokens by lemma,
    lower-case form and part of speech."""

    def __init__(self, doc: Doc):
        self.doc = doc
        array = doc.to_array([*_COLUMNS.values(), HEAD]).T
        self.columns = dict(zip(_COLUMNS, array[:-1].tolist(), strict=True))
        offsets = array[-1].astype(numpy.int64)
        self.heads = (offsets + numpy.arange(len(doc))).tolist()
        self.children: list[list[int]] = [[] for _ in range(len(doc))]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)
        self.by: dict[str, dict[int, list[int]]] = {}
        for name in ("LEMMA", "LOWER", "POS"):
            table = self.by[name] = {}
            for i, value in enumerate(self.columns[name]):
                table.setdefault(value, []).append(i)
        self._found: dict[tuple[str, tuple[int, ...]] | None, list[int]] = {}
        self._descendants: dict[int, list[int]] = {}

    def related(self, i: int, op: str) -> list[int]:
        """The tokens in relation ``op`` to token ``i``: its children, head or descendants."""
        if op == ">":
            return self.children[i]
        if op == "<":
            return [self.heads[i]] if self.heads[i] != i else []
        if op == ">>":
            return self.descendants(i)
        if op in {">++", ">--"}:  # its children right, or left, of it
            return [j for j in self.children[i] if (j > i if op == ">++" else j < i)]
        if op in {"$++", "$--"}:
            head = self.heads[i]
            siblings = self.children[head] if head != i else []
            return [j for j in siblings if (j > i if op == "$++" else j < i)]
        raise ValueError(f"unsupported dependency operator {op!r}")

    def descendants(self, i: int) -> list[int]:
        """Token ``i``'s subtree without ``i``, in the order of spaCy's ``Token.subtree``."""
        found = self._descendants.get(i)
        if found is None:
            found = self._descendants[i] = []
            stack: list[tuple[int, bool]] = [(i, False)]
            while stack:  # lefts' subtrees, the token, rights' subtrees; no recursion limit
                token, reached = stack.pop()
                if reached:
                    if token != i:
                        found.append(token)
                    continue
                children = self.children[token]
                stack += [(c, False) for c in reversed(children) if c > token]
                stack.append((token, True))
                stack += [(c, False) for c in reversed(children) if c < token]
        return found

    def candidates(self, lookup: tuple[str, tuple[int, ...]] | None) -> list[int]:
        """Tokens that may satisfy a node: those with one of the ids of its ``_lookup``."""
        found = self._found.get(lookup)
        if found is None:
            if lookup is None:
                found = list(range(len(self.heads)))
            else:
                name, ids = lookup
                table = self.by[name]
                found = sorted(i for v in ids for i in table.get(v, ()))
            self._found[lookup] = found
        return found


class _Compiled(Generic[Key]):
    def __init__(self, name: Key, nodes: Sequence[dict]):
        self.name = name
        anchor_attrs = nodes[0]["RIGHT_ATTRS"]
        self.anchor = _check(anchor_attrs)
        ids = [nodes[0]["RIGHT_ID"]]
        self.steps = []
        # A loose anchor ("any verb") is found through a selective child ("with", "between").
        seed: dict | None = None
        for node in nodes[1:]:
            left = ids.index(node["LEFT_ID"])
            self.steps.append((left, node["REL_OP"], _check(node["RIGHT_ATTRS"])))
            ids.append(node["RIGHT_ID"])
            selective = {"LEMMA", "LOWER"} & set(node["RIGHT_ATTRS"])
            if left == 0 and node["REL_OP"] == ">" and selective and seed is None:
                seed = node["RIGHT_ATTRS"]
        if {"LEMMA", "LOWER"} & set(anchor_attrs):
            seed = None
        self.seed = _lookup(seed) if seed is not None else None
        self.anchors = _lookup(anchor_attrs)

    def matches(self, index: _Index) -> Iterator[list[int]]:
        if self.seed is not None:
            heads = index.heads
            anchors = sorted({heads[i] for i in index.candidates(self.seed) if heads[i] != i})
        else:
            anchors = index.candidates(self.anchors)
        for i in anchors:
            if self.anchor(index, i):
                yield from self._extend(index, [i])

    def _extend(self, index: _Index, bound: list[int]) -> Iterator[list[int]]:
        if len(bound) == len(self.steps) + 1:
            yield bound
            return
        left, op, check = self.steps[len(bound) - 1]
        for candidate in index.related(bound[left], op):
            if candidate not in bound and check(index, candidate):
                yield from self._extend(index, [*bound, candidate])


class DependencyPatterns(Generic[Key]):
    """Named dependency patterns; calling it on a Doc gives ``(name, token indices)`` for
    every match, indices in the order of the pattern's nodes. A name is any value: a string,
    or what the caller wants back with each match."""

    def __init__(self, patterns: Sequence[tuple[Key, Sequence[dict]]]):
        self.compiled = [_Compiled(name, nodes) for name, nodes in patterns]

    def __call__(self, doc: Doc) -> list[tuple[Key, list[int]]]:
        index = _Index(doc)
        return [(c.name, match) for c in self.compiled for match in c.matches(index)]
