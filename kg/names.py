"""Find entities by name: the search box of ``kg serve`` and ``--focus``, ``kg path``.

Names are matched in Python against the labels and aliases the store holds, so what a user
types never becomes part of a SPARQL query.

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

from dataclasses import dataclass
from difflib import get_close_matches

from rdflib import Literal

from kg.errors import KGError
from kg.queries import internal_query
from kg.store import Queryable

__all__ = ["Entry", "Match", "entities", "resolve", "search"]

# The entity types, in the order that decides an entity's type when it has several; entities
# shared across articles come first and are meant before the events and documents of one.
TYPES = ("Person", "Country", "Organization", "Place", "Delegation", "Event", "Agreement")
_SHARED = TYPES[:4]
_KGO = "https://w3id.org/kgdt/ontology#"
# Three plain queries joined here: much faster than one query grouping over all graphs.
_CLASSES = internal_query("names-classes")
_NAMES = internal_query("names-labels")
_SAME = internal_query("names-same")
_WD = "http://www.wikidata.org/entity/"


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
        (labels if isinstance(main, Literal) and main.toPython() else aliases).setdefault(
            str(node), set()
        ).add(str(name))
    same: dict[str, str] = {}
    for node, item in sorted(store.query(_SAME).rows):
        if str(item).startswith(_WD):
            same.setdefault(str(node), str(item)[len(_WD) :])
    found = {}
    for iri, kinds in classes.items():
        kind = next((t for t in TYPES if t in kinds), None)
        if kind is None or iri not in labels:
            continue
        finer = sorted(kinds - set(TYPES))
        found[iri] = Entry(
            iri,
            min(labels[iri]),
            kind,
            finer[0] if finer else kind,
            tuple(sorted(aliases.get(iri, set()) - labels[iri])),
            same.get(iri),
        )
    return found


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


def _entries(store: Queryable, types: tuple[str, ...] | None) -> list[Entry]:
    found = [e for e in entities(store).values() if not types or e.type in types]
    return sorted(found, key=lambda e: (TYPES.index(e.type), e.label, e.iri))


def search(
    store: Queryable, text: str, types: tuple[str, ...] | None = None, limit: int = 50
) -> list[Match]:
    """Entities whose label or alias contains ``text`` (any case), best matches first."""
    text = " ".join(text.split()).casefold()
    found = []
    for entry in _entries(store, types) if text else ():
        rank = _rank(text, entry.label, entry.aliases)
        if rank is not None:
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
        for entry in _entries(store, types):
            if entry.iri == name:
                return Match(entry.iri, entry.label, entry.type, 0)
        raise KGError(f"no entity <{name}> in the store")
    found = search(store, name, types)
    what = "/".join(types) if types else "entity"
    if not found:
        names: dict[str, str] = {}  # each label and each of its words, to the label
        for entry in _entries(store, types):
            for key in (entry.label, *entry.label.split()):
                names.setdefault(key.casefold(), entry.label)
        close = get_close_matches(name.casefold(), sorted(names), n=5, cutoff=0.7)
        labels = list(dict.fromkeys(names[c] for c in close))
        hint = f"; did you mean {', '.join(repr(c) for c in labels)}?" if labels else ""
        raise KGError(f"no {what} named {name!r} in the store{hint}")
    candidates = found
    if found[0].rank <= 1:
        exact = [m for m in found if m.rank == found[0].rank]
        candidates = [m for m in exact if m.type in _SHARED] or exact
    if len(candidates) == 1:
        return candidates[0]
    shown = "; ".join(f"{m.label} ({m.type}, <{m.iri}>)" for m in candidates[:8])
    raise KGError(f"{name!r} could mean several entities: {shown}. Give the full name or the IRI")
