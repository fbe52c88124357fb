"""The online linker: the bundled knowledge base first, then Wikidata for what it lacks.

For each entity the offline linker leaves unlinked it searches Wikidata (``wbsearchentities``)
for items whose English label or alias is exactly one of the entity's names, reads them
(``wbgetentities``), asks the Query Service which kind of thing each is (a human, a country,
a settlement, an administrative region, an organization: ``wdt:P31/wdt:P279*``), and then
decides as the offline linker does, by the same rules: type, region or city, the article's
countries, and for people their positions held (``P39``, with their dates) and citizenship.
It links nothing on a surname alone, and a national body only where the article says whose
it is. Opt in with ``--online`` or ``KG_ONLINE=1``; see ``docs/linking.md``.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.kb import Holding, KBEntry, normalize
from kg.link.base import LinkRequest
from kg.link.offline import LINKED_TYPES, Candidate, Context, OfflineLinker
from kg.link.wikidata import (
    WikidataClient,
    aliases,
    label,
    qualifier,
    statements,
    value,
    values,
)
from kg.queries import internal_query
from kg.types import Article

__all__ = ["OnlineLinker", "entry_from"]

# Root classes, most specific kind first: an item may be a settlement and a region at once.
ROOTS = {
    "Q5": ("Person", "Person"),
    "Q6256": ("Country", "Country"),
    "Q3624078": ("Country", "Country"),
    "Q486972": ("Place", "City"),
    "Q56061": ("Place", "Region"),
    "Q43229": ("Organization", "Organization"),
}


class OnlineLinker:
    """Links from the bundled base, then from Wikidata (see the module docstring)."""

    def __init__(self, offline: OfflineLinker | None = None, client: WikidataClient | None = None):
        self.offline = offline or OfflineLinker()
        self.client = client or WikidataClient()

    def link(self, requests: Sequence[LinkRequest], article: Article) -> dict[str, str]:
        """QIDs by entity id, for the entities the linker is sure of."""
        links = self.offline.link(requests, article)
        wanted = [r for r in requests if r.id not in links and self._searchable(r)]
        if not wanted or not self.client.reachable:
            return links
        countries = {links[r.id] for r in requests if r.type == "Country" and r.id in links}
        context = Context(article.date, frozenset(countries))
        found = {r.id: self._search(r) for r in wanted}
        qids = {q for hits in found.values() for q in hits}
        entities = self.client.entities(qids)
        kinds = self._kinds(list(entities))
        offices = self.client.entities(
            {o for e in entities.values() for o in values(e, "P39") if isinstance(o, str)}
        )
        for request in wanted:
            candidates = [
                Candidate(entry, "online")
                for qid in found[request.id]
                if qid in entities
                and (entry := entry_from(entities[qid], kinds.get(qid, set()), offices)) is not None
                and self._whose(request, entry, context)
            ]
            candidates = [c for c in candidates if self.offline.fits(request, c)]
            if candidates:
                entry = self.offline.choose(request, candidates, context, loose=True)
                if entry is not None:
                    links[request.id] = entry.qid
        return links

    def _searchable(self, request: LinkRequest) -> bool:
        """Worth a search: a name, not a phrase in lower case; for people a full name."""
        if request.type not in LINKED_TYPES or not request.label[:1].isupper():
            return False
        return request.type != "Person" or len(normalize(request.label).split()) > 1

    def _search(self, request: LinkRequest) -> list[str]:
        """QIDs of items with one of the request's names as English label or alias."""
        by_key = {normalize(n): n for n in self.offline.full_names(request)}
        hits: dict[str, None] = {}
        for key in sorted(by_key):
            for hit in self.client.search(by_key[key]):
                texts = {hit.get("label", ""), (hit.get("match") or {}).get("text", "")}
                if hit.get("id") and by_key.keys() & {normalize(t) for t in texts}:
                    hits.setdefault(hit["id"], None)
        return list(hits)

    def _kinds(self, qids: list[str]) -> dict[str, set[str]]:
        """The root classes (``ROOTS``) each item is an instance of, from the Query Service."""
        kinds: dict[str, set[str]] = {}
        roots = " ".join(f"wd:{q}" for q in ROOTS)
        ordered = sorted(qids)
        for start in range(0, len(ordered), 50):  # short enough for a GET
            items = " ".join(f"wd:{q}" for q in ordered[start : start + 50])
            query = internal_query("wikidata-kinds", items=items, roots=roots)
            for row in self.client.sparql(query):
                item = row["item"]["value"].rsplit("/", 1)[-1]
                kinds.setdefault(item, set()).add(row["root"]["value"].rsplit("/", 1)[-1])
        return kinds

    def _whose(self, request: LinkRequest, entry: KBEntry, context: Context) -> bool:
        """A national body whose name does not say whose it is ("Cabinet of Ministers") only
        when the article does: the entity's country, or the one country the article names."""
        if entry.type != "Organization" or entry.country is None:
            return True
        if self.offline.body_head(entry) != normalize(entry.label):
            return True  # "Cabinet of Ministers of Kyrgyzstan" says it
        if request.country is not None:
            return entry.country == request.country
        return context.countries == {entry.country}


def entry_from(entity: dict, kinds: set[str], offices: dict[str, dict]) -> KBEntry | None:
    """A Wikidata item as a knowledge-base entry, typed by its root classes (``ROOTS``);
    None for an item of none of them. A person's holdings come from ``P39`` with the
    offices' labels and jurisdictions (``P1001``, else ``P17``)."""
    kind = next((ROOTS[r] for r in ROOTS if r in kinds), None)
    if kind is None:
        return None
    type_, cls = kind
    if type_ == "Place" and "Q486972" not in kinds:
        cls = "Region"
    country_prop = "P27" if type_ == "Person" else "P17"
    countries = [v for v in values(entity, country_prop) if isinstance(v, str)]
    population = [v for v in values(entity, "P1082") if isinstance(v, float)]
    holdings = []
    for statement in statements(entity, "P39"):
        office = value(statement["mainsnak"])
        about = offices.get(office, {})
        where = [v for p in ("P1001", "P17") for v in values(about, p) if isinstance(v, str)]
        holdings.append(
            Holding(
                label(about) if about else office,
                where[0] if where else None,
                qualifier(statement, "P580"),
                qualifier(statement, "P582"),
                office,
            )
        )
    return KBEntry(
        entity["id"],
        label(entity),
        type_,
        cls,
        tuple(aliases(entity)),
        entity["id"] if type_ == "Country" else (countries[0] if countries else None),
        int(population[0]) if population else 0,
        holdings=tuple(holdings),
    )
