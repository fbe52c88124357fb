"""The offline knowledge base: Wikidata entities from the TSV files in ``data/wikidata``.

>>> kb = KnowledgeBase.load()
>>> [e.qid for e in kb.lookup("Republic of Kazakhstan")]
['Q232']
>>> kb.demonym("Belarusian").label
'Belarus'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.resources import data_path

__all__ = ["Holding", "KBEntry", "KnowledgeBase", "normalize"]

_PLACE_CLASSES = {
    "capital": "City",
    "regional_center": "City",
    "city": "City",
    "region": "Region",
    "territory": "Region",
    "other_state": "Region",
}


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name.

    >>> normalize("the Kazakhstan-Belarus  Commission's")
    'kazakhstan belarus commission'
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("\u2019", "'").replace("`", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    text = re.sub(r"[-_\s]+", " ", text).strip()
    return re.sub(r"^(the|a|an) ", "", text)


@dataclass(frozen=True)
class Holding:
    """A position a person held: the office, where (country or organization QID) and when."""

    title: str
    of: str | None
    start: str | None
    end: str | None
    office: str | None = None


@dataclass(frozen=True)
class KBEntry:
    """One Wikidata entity of the bundled base."""

    qid: str
    label: str
    type: str
    cls: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    population: int = 0
    demonyms: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    holdings: tuple[Holding, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Label, aliases and acronyms."""
        return (self.label, *self.aliases, *self.acronyms)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def _holdings(row: dict[str, str]) -> tuple[Holding, ...]:
    offices = _split(row.get("position_qids"))
    held = []
    for i, raw in enumerate((row.get("positions") or "").split("|")):
        if not raw.strip():
            continue
        title, of, start, end = ([*raw.split("@"), "", "", ""])[:4]
        office = offices[i] if i < len(offices) else None
        held.append(Holding(title, of or None, start or None, end or None, office))
    return tuple(held)


def _entries(folder: Path) -> Iterator[KBEntry]:
    for row in _rows(folder / "countries.tsv"):
        yield KBEntry(
            row["qid"],
            row["label"],
            "Country",
            "Country",
            _split(row["aliases"]),
            row["qid"],
            demonyms=_split(row["demonyms"]),
            acronyms=tuple(c for c in (row["iso3"],) if c),
        )
    for row in _rows(folder / "places.tsv"):
        yield KBEntry(
            row["qid"],
            row["label"],
            "Place",
            _PLACE_CLASSES.get(row["kind"], "Place"),
            _split(row["aliases"]),
            row["country_qid"] or None,
            int(row["population"] or 0),
        )
    for row in _rows(folder / "organizations.tsv"):
        yield KBEntry(
            row["qid"],
            row["label"],
            "Organization",
            "InternationalOrganization",
            _split(row["aliases"]),
            acronyms=_split(row["acronyms"]),
        )
    for row in _rows(folder / "government_bodies.tsv"):
        yield KBEntry(
            row["qid"], row["label"], "Organization", "GovernmentBody", (), row["country_qid"]
        )
    for row in _rows(folder / "people.tsv"):
        if row["label"]:
            yield KBEntry(
                row["qid"],
                row["label"],
                "Person",
                "Person",
                _split(row["aliases"]),
                holdings=_holdings(row),
            )


class KnowledgeBase:
    """Wikidata entities by QID, by normalized name and (for countries) by demonym."""

    def __init__(self, entries: Iterable[KBEntry]):
        self.by_qid: dict[str, KBEntry] = {}
        self._by_name: dict[str, list[KBEntry]] = defaultdict(list)
        self._by_demonym: dict[str, KBEntry] = {}
        for entry in entries:
            if entry.qid in self.by_qid:
                continue  # a city-state is both a country and a place: the country row wins
            self.by_qid[entry.qid] = entry
            for name in {normalize(n) for n in entry.names}:
                if name:
                    self._by_name[name].append(entry)
            for demonym in entry.demonyms:
                self._by_demonym[normalize(demonym)] = entry

    @classmethod
    def load(cls, folder: Path | str | None = None) -> KnowledgeBase:
        """The base in ``folder`` (default: the bundled ``data/wikidata``), cached."""
        return _load(Path(folder) if folder else data_path("wikidata"))

    def lookup(self, name: str, types: Iterable[str] | None = None) -> list[KBEntry]:
        """Entries whose label, alias or acronym matches ``name``, of the given types."""
        found = self._by_name.get(normalize(name), [])
        wanted = set(types) if types else None
        return [e for e in found if wanted is None or e.type in wanted]

    def demonym(self, word: str) -> KBEntry | None:
        """The country a demonym or adjective such as ``Kazakh`` or ``Belarusian`` names."""
        return self._by_demonym.get(normalize(word))

    def entries(self, type_: str | None = None) -> Iterator[KBEntry]:
        """All entries, or those of one type."""
        return (e for e in self.by_qid.values() if type_ is None or e.type == type_)

    def __getitem__(self, qid: str) -> KBEntry:
        return self.by_qid[qid]

    def __contains__(self, qid: object) -> bool:
        return qid in self.by_qid

    def __len__(self) -> int:
        return len(self.by_qid)


@cache
def _load(folder: Path) -> KnowledgeBase:
    return KnowledgeBase(_entries(folder))
