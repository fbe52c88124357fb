"""Synthetic stores shaped like kg's output, for the query benchmark.

Synthetic extractions go through kg's own RDF mapping (``kg.rdf.to_graph``), so the store has
kg's graph layout: a named graph per article with its metadata, people with positions,
countries, places, events with participants, places and what was signed at them (the event
records the extraction makes), delegations, agreements, direct edges and an assertion with
evidence for every fact. People, countries and places are drawn with
Zipf-like popularity, so a few appear in thousands of articles and most in one or two, as
in the news.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from kg.events import event_records, implied_events
from kg.rdf import to_graph
from kg.store import ntriples
from kg.types import Article, Entity, Extraction, Position, Relation

__all__ = ["write_nquads"]

EVENTS = ("Meeting", "Talks", "Session", "Visit", "Summit", "Forum")
TITLES = ("Prime Minister", "Minister of Foreign Affairs", "President", "Ambassador")
FIRST_DAY = date(2012, 1, 1)


class _Popular:
    """Draws indices 0..n-1, index i with weight 1/(i+1)**1.1."""

    def __init__(self, n: int, rng: random.Random):
        self.rng = rng
        self.cumulative = list(itertools.accumulate(1 / (i + 1) ** 1.1 for i in range(n)))

    def draw(self, k: int) -> list[int]:
        """``k`` different indices."""
        found: dict[int, None] = {}
        while len(found) < k:
            found.update(
                dict.fromkeys(
                    self.rng.choices(
                        range(len(self.cumulative)), cum_weights=self.cumulative, k=k - len(found)
                    )
                )
            )
        return list(found)


def _extractions(articles: int, seed: int = 7) -> Iterator[Extraction]:
    """``articles`` synthetic extractions, about 190 triples each."""
    rng = random.Random(seed)
    people, countries = _Popular(max(50, articles), rng), _Popular(200, rng)
    places = _Popular(max(20, articles // 10), rng)
    home = [countries.draw(1)[0] for _ in people.cumulative]  # each person's country
    located = [countries.draw(1)[0] for _ in places.cumulative]  # each place's country
    for n in range(articles):
        day = FIRST_DAY + timedelta(days=rng.randrange(4000))
        who = people.draw(rng.choice((2, 2, 3, 3, 4, 5)))
        [where] = places.draw(1)
        entities = {f"p{i}": Entity(f"p{i}", f"Person {i}", "Person", "Person") for i in who}
        sides = {located[where], *(home[i] for i in who)}
        for c in sides:
            entities[f"c{c}"] = Entity(f"c{c}", f"Country {c}", "Country", "Country")
        entities["place"] = Entity("place", f"City {where}", "Place", "City")
        kind = rng.choice(EVENTS)
        entities["event"] = Entity("event", f"{kind.lower()} {n}", "Event", kind, date=day)
        facts = [("event", "heldIn", "place"), ("event", "heldIn", f"c{located[where]}")]
        for i in who:
            facts += [("event", "participant", f"p{i}"), (f"p{i}", "represents", f"c{home[i]}")]
            if rng.random() < 0.5:
                title = Position(rng.choice(TITLES), f"c{home[i]}")
                entities[f"p{i}"] = Entity(
                    f"p{i}", f"Person {i}", "Person", "Person", positions=(title,)
                )
        facts += [(f"p{a}", "met", f"p{b}") for a, b in itertools.combinations(who[:3], 2)]
        if kind == "Visit":
            facts.append((f"p{who[0]}", "visited", f"c{located[where]}"))
        if rng.random() < 0.3:
            entities["delegation"] = Entity(
                "delegation", f"Country {home[who[0]]} delegation", "Delegation", "Delegation"
            )
            facts += [
                ("delegation", "headedBy", f"p{who[0]}"),
                ("delegation", "represents", f"c{home[who[0]]}"),
            ]
        outcomes: tuple[str, ...] = ()
        if rng.random() < 0.3:
            outcomes = ("agreement",)
            entities["agreement"] = Entity(
                "agreement", f"memorandum {n}", "Agreement", "Memorandum"
            )
            facts += [(f"p{i}", "signed", "agreement") for i in who[:2]]
        relations = tuple(
            Relation(s, p, o, f"{entities[s].label} {p} {entities[o].label} (article {n}).", 0.8)
            for s, p, o in facts
        )
        article = Article(f"synthetic-{n}", f"Synthetic article {n}.", day, publisher="Synthetic")
        # The event records, as the extraction makes them (kg.extract).
        told = event_records(entities.values(), relations, {"event": outcomes})
        implied, records = implied_events(tuple(entities.values()), relations, told)
        yield Extraction(
            article, (*entities.values(), *implied), relations, events=(*told, *records)
        )


def write_nquads(path: Path, triples: int) -> int:
    """Write at least ``triples`` triples of synthetic articles to ``path`` as N-Quads;
    the number written."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for extraction in _extractions(triples // 150 + 1):
            graph = to_graph(extraction)
            name = f"<{graph.identifier}> .\n"
            lines = ntriples(graph).splitlines()
            out.writelines(line[:-1] + name for line in lines if line)
            written += len(lines)
            if written >= triples:
                break
    return written
