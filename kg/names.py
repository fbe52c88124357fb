"""Find entities by name: the search box of ``kg serve`` and ``--focus``, ``kg path``.

The store finds the names that contain what a user types, given to it as a string that
Oxigraph writes and escapes (a value, never part of the query's syntax), and they are ranked
here.

>>> from kg.rdf import to_graph
>>> from kg.store import open_store
>>> from kg.types import Article, Entity, Extraction
>>> store = open_store(":memory:")
>>> store.replace_graph(to_graph(Extraction(Article("a1", "..."), (
...     Entity("e1", "Kassym-Jomart Tokayev", "Person", "Person", aliases=("Tokayev",)),
...     Entity("e2", "Uzbekistan", "Country", "Country", aliases=("Uzbek",)),
...     Entity("e3", "Uzbekistan delegation", "Delegation", "Delegation")))))
>>> resolve(store, "tokayev").label
'Kassym-Jomart Tokayev'
>>> [(m.label, m.rank) for m in search(store, "uzbek")]
[('Uzbekistan', 1), ('Uzbekistan delegation', 2)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import get_close_matches

from rdflib import Literal

from kg.errors import KGError, QueryError
from kg.queries import internal_query
from kg.store import Queryable, values_lists
from kg.store.base import to_ox

__all__ = ["Entry", "Match", "described", "entities", "resolve", "search"]

# The entity types, in the order that decides an entity's type when it has several; entities
# shared across articles come first and are meant before the events and documents of one.
TYPES = ("Person", "Country", "Organization", "Place", "Delegation", "Event", "Agreement")
_SHARED = TYPES[:4]
_KGO = "https://w3id.org/kgdt/ontology#"
# Three plain queries joined here: much faster than one query grouping over all graphs.
_CLASSES = internal_query("names-classes")
_NAMES = internal_query("names-labels")
_SAME = internal_query("names-same", nodes="")
_WD = "http://www.wikidata.org/entity/"
CANDIDATES = 500  # nodes a search ranks: those with the shortest names that match


@dataclass(frozen=True)
class Entry:
    """An entity of the store: its label, type (one of ``TYPES``), most specific class
    (City, Talks, Memorandum, ... or the type), aliases and Wikidata QID."""

    iri: str
    label: str
    type: str
    cls: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


def entities(store: Queryable) -> dict[str, Entry]:
    """Every entity of the store (what has a type of ``TYPES`` and a label), by IRI."""
    classes: dict[str, set[str]] = {}
    for node, cls in store.query(_CLASSES).rows:
        if str(cls).startswith(_KGO):
            classes.setdefault(str(node), set()).add(str(cls)[len(_KGO) :])
    labels: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    for node, name, main in store.query(_NAMES).rows:
        (labels if _true(main) else aliases).setdefault(str(node), set()).add(str(name))
    same: dict[str, str] = {}
    for node, item in sorted(store.query(_SAME).rows):
        if str(item).startswith(_WD):
            same.setdefault(str(node), str(item)[len(_WD) :])
    found = {}
    for iri, kinds in classes.items():
        entry = _entry(iri, kinds, labels.get(iri, set()), aliases.get(iri, set()))
        if entry is not None:
            found[iri] = replace(entry, wikidata=same.get(iri))
    return found


def _true(term: object) -> bool:
    return isinstance(term, Literal) and bool(term.toPython())


def _entry(node: str, classes: set[str], labels: set[str], aliases: set[str]) -> Entry | None:
    """The entity ``node`` from its kg classes (local names) and names; ``None`` when it has
    no type of ``TYPES`` or no label."""
    kind = next((t for t in TYPES if t in classes), None)
    if kind is None or not labels:
        return None
    finer = sorted(classes - set(TYPES))
    return Entry(
        node, min(labels), kind, finer[0] if finer else kind, tuple(sorted(aliases - labels))
    )


@dataclass(frozen=True)
class Match:
    """An entity found by name: its IRI, label and type, and how well it matched (0 best:
    the label, 1 an alias, 2 the start of a word, 3 anywhere)."""

    iri: str
    label: str
    type: str
    rank: int


def _rank(text: str, label: str, aliases: tuple[str, ...]) -> int | None:
    names = [label.casefold(), *(a.casefold() for a in aliases)]
    if text == names[0]:
        return 0
    if text in names[1:]:
        return 1
    if any(n.startswith(text) or f" {text}" in n or f"-{text}" in n for n in names):
        return 2
    if any(text in n for n in names):
        return 3
    return None


def _classes(types: tuple[str, ...] | None) -> str:
    return f"FILTER (?class IN ({', '.join(f'kgo:{t}' for t in types or TYPES)}))"


def _entries(store: Queryable, nodes: str) -> list[Entry]:
    """The entities ``nodes`` (a group pattern binding ``?node``) with their names and
    classes, read from the store (without their Wikidata QIDs)."""
    names: dict[str, tuple[set[str], set[str], set[str]]] = {}  # classes, labels, aliases
    query = internal_query("names-entries", nodes=nodes)
    for node, name, main, cls in store.query(query).rows:
        classes, labels, aliases = names.setdefault(str(node), (set(), set(), set()))
        (labels if _true(main) else aliases).add(str(name))
        if str(cls).startswith(_KGO):
            classes.add(str(cls)[len(_KGO) :])
    found = (_entry(node, *found) for node, found in names.items())
    return [entry for entry in found if entry is not None]


def described(store: Queryable, iris: Iterable[str]) -> dict[str, Entry]:
    """The entities among ``iris`` (that have a type of ``TYPES`` and a label), by IRI, with
    their names, classes and Wikidata QIDs; ``QueryError`` for a string that is not an IRI."""
    found: dict[str, Entry] = {}
    for nodes in values_lists("node", sorted(set(iris))):
        found |= {e.iri: e for e in _entries(store, nodes)}
        for node, item in sorted(store.query(internal_query("names-same", nodes=nodes)).rows):
            entry = found.get(str(node))
            if entry is not None and entry.wikidata is None and str(item).startswith(_WD):
                found[entry.iri] = replace(entry, wikidata=str(item)[len(_WD) :])
    return found


def _literal(text: str) -> str:
    """``text`` as a SPARQL string, written and escaped by Oxigraph: a value, never syntax."""
    return str(to_ox(Literal(text)))


def search(
    store: Queryable, text: str, types: tuple[str, ...] | None = None, limit: int = 50
) -> list[Match]:
    """Entities whose label or alias contains ``text`` (any case), best matches first. The
    store finds the ``CANDIDATES`` nodes with the shortest such names (an exact name is the
    shortest), and the entities among them are ranked here."""
    text = " ".join(text.split()).casefold()
    if not text:
        return []
    matching = internal_query(
        "names-matching",
        text=_literal(text.lower()),
        limit=str(CANDIDATES),
    )
    found = []
    for entry in _entries(store, matching):
        rank = _rank(text, entry.label, entry.aliases)
        if rank is not None and (not types or entry.type in types):
            found.append(Match(entry.iri, entry.label, entry.type, rank))
    return sorted(found, key=_order)[:limit]


def _order(match: Match) -> tuple:
    return (match.rank, TYPES.index(match.type), len(match.label), match.label, match.iri)


def resolve(store: Queryable, name: str, types: tuple[str, ...] | None = None) -> Match:
    """The one entity ``name`` means: its label or an alias (any case), else the only entity
    whose names contain it; people, countries, organizations and places before the events and
    documents of single articles. Raises ``KGError`` naming the candidates when there are
    several or none. An IRI is taken as it is, when the store holds it."""
    if name.startswith(("http://", "https://")):
        try:
            entry = described(store, [name]).get(name)
        except QueryError:
            entry = None
        if entry is not None and (not types or entry.type in types):
            return Match(entry.iri, entry.label, entry.type, 0)
        raise KGError(f"no entity <{name}> in the store")
    found = search(store, name, types)
    what = "/".join(types) if types else "entity"
    if not found:
        raise KGError(f"no {what} named {name!r} in the store{_close(store, name, types)}")
    candidates = found
    if found[0].rank <= 1:
        exact = [m for m in found if m.rank == found[0].rank]
        candidates = [m for m in exact if m.type in _SHARED] or exact
    if len(candidates) == 1:
        return candidates[0]
    shown = "; ".join(f"{m.label} ({m.type}, <{m.iri}>)" for m in candidates[:8])
    raise KGError(f"{name!r} could mean several entities: {shown}. Give the full name or the IRI")


def _close(store: Queryable, name: str, types: tuple[str, ...] | None) -> str:
    """A hint naming the labels close to ``name``: among those that share the first three
    letters of one of its words."""
    words = [w for w in name.casefold().split() if len(w) >= 3]
    if not words:
        return ""
    query = internal_query(
        "names-close",
        fragments=" || ".join(f"CONTAINS(?test, {_literal(w[:3])})" for w in words),
        classes=_classes(types),
    )
    names: dict[str, str] = {}  # each label and each of its words, to the label
    for (label,) in store.query(query).rows:
        for key in (str(label), *str(label).split()):
            names.setdefault(key.casefold(), str(label))
    close = get_close_matches(name.casefold(), sorted(names), n=5, cutoff=0.7)
    labels = list(dict.fromkeys(names[c] for c in close))
    return f"; did you mean {', '.join(repr(c) for c in labels)}?" if labels else ""
