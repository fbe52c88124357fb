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

from kg.errors import KGError
from kg.store import Store

__all__ = ["Match", "resolve", "search"]

TYPES = ("Person", "Country", "Organization", "Place", "Delegation", "Event", "Agreement")
_INDEX = """
PREFIX kgo: <https://w3id.org/kgdt/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?node ?type (SAMPLE(?main) AS ?label) (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="\\u001f") AS ?aliases)
WHERE {
  VALUES ?type { TYPES }
  ?node a ?type ; rdfs:label ?main .
  OPTIONAL { ?node skos:altLabel ?alias }
}
GROUP BY ?node ?type
""".replace("TYPES", " ".join(f"kgo:{t}" for t in TYPES))
# Entities shared across articles are meant before the events and documents of one article.
_SHARED = TYPES[:4]


@dataclass(frozen=True)
class Match:
    """An entity found by name: its IRI, label and type, and how well it matched (0 best:
    the label, 1 an alias, 2 the start of a word, 3 anywhere)."""

    iri: str
    label: str
    type: str
    rank: int


def _rank(text: str, label: str, aliases: list[str]) -> int | None:
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


def _entries(store: Store, types: tuple[str, ...] | None) -> list[tuple[str, str, str, list]]:
    entries = []
    for row in store.query(_INDEX).rows:
        kind = str(row[1]).rsplit("#", 1)[-1]
        if types and kind not in types:
            continue
        aliases = [a for a in str(row[3] or "").split("\x1f") if a]
        entries.append((str(row[0]), str(row[2]), kind, aliases))
    return entries


def search(
    store: Store, text: str, types: tuple[str, ...] | None = None, limit: int = 50
) -> list[Match]:
    """Entities whose label or alias contains ``text`` (any case), best matches first."""
    text = " ".join(text.split()).casefold()
    found: dict[str, Match] = {}
    for iri, label, kind, aliases in _entries(store, types) if text else ():
        rank = _rank(text, label, aliases)
        match = Match(iri, label, kind, rank) if rank is not None else None
        if match and (iri not in found or _order(match) < _order(found[iri])):
            found[iri] = match
    return sorted(found.values(), key=_order)[:limit]


def _order(match: Match) -> tuple:
    return (match.rank, TYPES.index(match.type), len(match.label), match.label, match.iri)


def resolve(store: Store, name: str, types: tuple[str, ...] | None = None) -> Match:
    """The one entity ``name`` means: its label or an alias (any case), else the only entity
    whose names contain it; people, countries, organizations and places before the events and
    documents of single articles. Raises ``KGError`` naming the candidates when there are
    several or none. An IRI is taken as it is, when the store holds it."""
    if name.startswith(("http://", "https://")):
        for iri, label, kind, _ in _entries(store, types):
            if iri == name:
                return Match(iri, label, kind, 0)
        raise KGError(f"no entity <{name}> in the store")
    found = search(store, name, types)
    what = "/".join(types) if types else "entity"
    if not found:
        names = {}  # each label and each of its words, to the label
        for _, label, _, _ in _entries(store, types):
            for key in (label, *label.split()):
                names.setdefault(key.casefold(), label)
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
