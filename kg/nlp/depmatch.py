"""A small, fast matcher for spaCy ``DependencyMatcher`` patterns.

It reads the same JSON patterns (nodes with ``RIGHT_ID``, ``LEFT_ID``, ``REL_OP`` and
``RIGHT_ATTRS``) but walks the parse from the tokens that satisfy the first node, so the
cost grows with the few anchors a sentence has, not with every token times every node. It
supports the operators kg's patterns use (``>`` child, ``<`` head, ``>>`` descendant) and
the attributes ``DEP``, ``LEMMA``, ``LOWER``, ``ORTH``, ``POS``, ``TAG``, ``ENT_TYPE`` given
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

from spacy.tokens import Doc, Token

__all__ = ["DependencyPatterns"]

_ATTRS: dict[str, Callable[[Token], str]] = {
    "DEP": lambda t: t.dep_,
    "LEMMA": lambda t: t.lemma_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "ENT_TYPE": lambda t: t.ent_type_,
}
Check = Callable[[Token], bool]


def _check(attrs: dict) -> Check:
    tests = []
    for name, wanted in attrs.items():
        get = _ATTRS[name]
        if isinstance(wanted, dict) and "IN" in wanted:
            allowed = frozenset(wanted["IN"])
            tests.append(lambda t, get=get, allowed=allowed: get(t) in allowed)
        elif isinstance(wanted, dict) and "NOT_IN" in wanted:
            banned = frozenset(wanted["NOT_IN"])
            tests.append(lambda t, get=get, banned=banned: get(t) not in banned)
        else:
            tests.append(lambda t, get=get, wanted=wanted: get(t) == wanted)
    return lambda t: all(test(t) for test in tests)


def _related(token: Token, op: str) -> Iterator[Token]:
    if op == ">":
        yield from token.children
    elif op == "<":
        if token.head is not token:
            yield token.head
    elif op == ">>":
        yield from (t for t in token.subtree if t is not token)
    else:
        raise ValueError(f"unsupported dependency operator {op!r}")


class _Index:
    """The tokens of a Doc by lemma, lower-case form and part of speech."""

    def __init__(self, doc: Doc):
        self.tokens = list(doc)
        self.by: dict[str, dict[str, list[Token]]] = {"LEMMA": {}, "LOWER": {}, "POS": {}}
        for token in self.tokens:
            for name, table in self.by.items():
                table.setdefault(_ATTRS[name](token), []).append(token)

    def candidates(self, attrs: dict) -> list[Token]:
        """Tokens that may satisfy ``attrs``: looked up by their most selective attribute."""
        for name in ("LEMMA", "LOWER", "POS"):
            wanted = attrs.get(name)
            if wanted is None:
                continue
            values = wanted["IN"] if isinstance(wanted, dict) and "IN" in wanted else None
            if isinstance(wanted, str):
                values = [wanted]
            if values is not None:
                found = [t for v in values for t in self.by[name].get(v, ())]
                return sorted(found, key=lambda t: t.i)
        return self.tokens


class _Compiled:
    def __init__(self, name: str, nodes: Sequence[dict]):
        self.name = name
        self.anchor_attrs = nodes[0]["RIGHT_ATTRS"]
        self.anchor = _check(self.anchor_attrs)
        ids = [nodes[0]["RIGHT_ID"]]
        self.steps = []
        # A loose anchor ("any verb") is found through a selective child ("with", "between").
        self.seed: dict | None = None
        for node in nodes[1:]:
            left = ids.index(node["LEFT_ID"])
            self.steps.append((left, node["REL_OP"], _check(node["RIGHT_ATTRS"])))
            ids.append(node["RIGHT_ID"])
            selective = {"LEMMA", "LOWER"} & set(node["RIGHT_ATTRS"])
            if left == 0 and node["REL_OP"] == ">" and selective and self.seed is None:
                self.seed = node["RIGHT_ATTRS"]
        if {"LEMMA", "LOWER"} & set(self.anchor_attrs):
            self.seed = None

    def matches(self, index: _Index) -> Iterator[list[int]]:
        if self.seed is not None:
            heads = {t.head.i: t.head for t in index.candidates(self.seed) if t.head is not t}
            anchors = [heads[i] for i in sorted(heads)]
        else:
            anchors = index.candidates(self.anchor_attrs)
        for token in anchors:
            if self.anchor(token):
                yield from self._extend([token])

    def _extend(self, bound: list[Token]) -> Iterator[list[int]]:
        if len(bound) == len(self.steps) + 1:
            yield [t.i for t in bound]
            return
        left, op, check = self.steps[len(bound) - 1]
        for candidate in _related(bound[left], op):
            if candidate not in bound and check(candidate):
                yield from self._extend([*bound, candidate])


class DependencyPatterns:
    """Named dependency patterns; calling it on a Doc gives ``(name, token indices)`` for
    every match, indices in the order of the pattern's nodes."""

    def __init__(self, patterns: Sequence[tuple[str, Sequence[dict]]]):
        self.compiled = [_Compiled(name, nodes) for name, nodes in patterns]

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        index = _Index(doc)
        return [(c.name, match) for c in self.compiled for match in c.matches(index)]
