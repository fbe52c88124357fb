"""The offline knowledge base: Wikidata entities from TSV files.

The bundled base is ``data/wikidata`` (countries, places, international organizations,
governments, political leaders and their offices, coordinates; see its ``SOURCES.md`` and
``LICENSE.md``). Users add their own entities in the same format in folders named by
``KG_KB_PATH`` (separated like ``PATH``); a row whose QID the base already has adds its
names and positions to that entity. See ``docs/linking.md``.

>>> kb = KnowledgeBase.load()
>>> [e.qid for e in kb.lookup("Republic of Kazakhstan")]
['Q232']
>>> kb.demonym("Belarusian").label
'Belarus'
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from kg.cache import compiled, digest
from kg.errors import KnowledgeBaseError
from kg.kb.names import initialism, normalize, translit
from kg.resources import data_path

__all__ = [
    "KB_PATH_ENV",
    "TABLES",
    "BuildReport",
    "Folder",
    "Holding",
    "KBEntry",
    "KnowledgeBase",
    "Office",
    "build",
    "read_folder",
]

KB_PATH_ENV = "KG_KB_PATH"

_PLACE_CLASSES = {
    "capital": "City",
    "regional_center": "City",
    "city": "City",
    "region": "Region",
    "territory": "Region",
    "other_state": "Region",
}

# The columns each table must have; others are ignored, missing optional ones are empty.
TABLES = {
    "countries": ("qid", "label", "aliases", "demonyms", "iso2", "iso3", "capital_qid"),
    "places": ("qid", "label", "aliases", "country_qid", "kind", "population"),
    "organizations": ("qid", "label", "aliases", "acronyms"),
    "government_bodies": ("qid", "label", "country_qid", "kind"),
    "people": ("qid", "label", "aliases", "positions", "position_qids"),
    "positions": ("qid", "label", "country_qid"),
    "coordinates": ("qid", "latitude", "longitude"),
}
# The indexes a base builds on first use, and a compiled base holds built.
_INDEXES = ("by_key", "by_initials", "by_token", "by_surname", "by_last_name", "by_name_part")
_QID = re.compile(r"Q[1-9][0-9]*")
_SHORT_ACRONYM = 3  # an acronym this short names its entry only in capitals ("NAM", not "Nam")
_UNKNOWN = "http://www.wikidata.org/.well-known/genid/"
_DATE = re.compile(r"(\d{4}(-\d\d(-\d\d)?)?|\?)?")


@dataclass(frozen=True)
class Holding:
    """A position a person held: the office, where (country or organization QID) and when.

    ``start`` and ``end`` are ISO dates or years as the sources give them; an empty ``end``
    means current in the source, ``?`` ended at an unknown date.
    """

    title: str
    of: str | None
    start: str | None
    end: str | None
    office: str | None = None


@dataclass(frozen=True)
class Office:
    """An office (a position with its own QID) and the country it belongs to."""

    qid: str
    label: str
    country: str | None


_FORMAL = re.compile(r"^(?:People's Republic of|Kingdom of(?: the)?|The) ")


@dataclass(frozen=True)
class KBEntry:
    """One Wikidata entity of the base.

    ``type`` is kg's entity type (Person, Country, Place, Organization) and ``cls`` its finer
    class; ``kind`` is the source's finer kind (``capital``, ``region``, ``government
    (cabinet)``, ...). ``start`` and ``end`` are when a body was founded and dissolved.
    """

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
    kind: str = ""
    iso2: str | None = None
    capital: str | None = None
    alt_qids: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    headquarters: str | None = None

    @property
    def common_name(self) -> str:
        """The name people use: "China" for "People's Republic of China", "Denmark" for
        "Kingdom of Denmark", else the label."""
        short = _FORMAL.sub("", self.label)
        return short if short != self.label and short in self.aliases else self.label

    @property
    def names(self) -> tuple[str, ...]:
        """Label, aliases and acronyms."""
        return tuple(n for n in (self.label, *self.aliases, *self.acronyms) if n)

    def merged(self, other: KBEntry) -> KBEntry:
        """This entry with the names and positions of ``other`` (the same QID) added, and
        ``other``'s non-empty single values replacing its own."""
        lists = ("aliases", "demonyms", "acronyms", "holdings", "alt_qids")
        combined: dict[str, Any] = {
            f: tuple(dict.fromkeys((*getattr(self, f), *getattr(other, f)))) for f in lists
        }
        singles = ("country", "population", "kind", "iso2", "capital", "start", "end")
        changed = {f: getattr(other, f) for f in (*singles, "headquarters") if getattr(other, f)}
        label = self.label or other.label
        if other.label and other.label != label:
            combined["aliases"] = (*combined["aliases"], other.label)
        return replace(self, label=label, **combined, **changed)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


@dataclass
class _Table:
    """The rows of one TSV file, checked as they are read."""

    path: Path
    line: int = 0
    header: tuple[str, ...] = field(default_factory=tuple)

    def error(self, problem: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"{self.path}:{self.line}: {problem}")

    def rows(self) -> Iterator[dict[str, str]]:
        required = TABLES[self.path.stem]
        try:
            with open(self.path, encoding="utf-8", newline="") as f:
                reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                self.header = tuple(next(reader, ()))
                self.line = 1
                missing = [c for c in required if c not in self.header]
                if missing:
                    raise self.error(
                        f"the header lacks the column(s) {', '.join(missing)} "
                        f"(a {self.path.name} needs {', '.join(required)})"
                    )
                for self.line, values in enumerate(reader, 2):
                    if not any(v.strip() for v in values):
                        continue
                    if len(values) > len(self.header):
                        raise self.error(
                            f"{len(values)} fields but {len(self.header)} columns "
                            "(a tab inside a value?)"
                        )
                    values += [""] * (len(self.header) - len(values))  # empty last fields
                    row = dict(zip(self.header, values, strict=True))
                    if not _QID.fullmatch(row["qid"].strip()):
                        raise self.error(f"{row['qid']!r} is no Wikidata id such as Q232")
                    yield {k: (v or "").strip() for k, v in row.items()}
        except UnicodeDecodeError as e:
            raise self.error(f"not UTF-8 text ({e.reason})") from None

    def qid(self, row: dict[str, str], column: str) -> str | None:
        value = row.get(column) or None
        if value and value.startswith(_UNKNOWN):
            return None  # Wikidata's "unknown value"
        if value and not _QID.fullmatch(value):
            raise self.error(f"{column} {value!r} is no Wikidata id such as Q232")
        return value

    def number(self, row: dict[str, str], column: str) -> int:
        value = row.get(column) or "0"
        if not value.isdigit():
            raise self.error(f"{column} {value!r} is not a whole number")
        return int(value)

    def point(self, row: dict[str, str]) -> tuple[float, float]:
        try:
            latitude, longitude = float(row["latitude"]), float(row["longitude"])
        except ValueError:
            latitude = longitude = float("nan")
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise self.error(
                f"{row['latitude']!r}, {row['longitude']!r} is no point "
                "(decimal degrees: latitude -90..90, longitude -180..180)"
            )
        return latitude, longitude

    def holdings(self, row: dict[str, str]) -> tuple[Holding, ...]:
        offices = [o.strip() for o in (row.get("position_qids") or "").split("|")]
        held = []
        for i, raw in enumerate((row.get("positions") or "").split("|")):
            if not raw.strip():
                continue
            title, of, start, end = ([*raw.split("@"), "", "", ""])[:4]
            office = offices[i] if i < len(offices) and offices[i] else None
            if of.startswith(_UNKNOWN):
                of = ""  # Wikidata's "unknown value"
            for value in (start, end):
                if not _DATE.fullmatch(value.strip()):
                    raise self.error(
                        f"position {raw!r}: {value!r} is no date (YYYY, YYYY-MM-DD or ?)"
                    )
            for qid in (of, office):
                if qid and not _QID.fullmatch(qid.strip()):
                    raise self.error(f"position {raw!r}: {qid!r} is no Wikidata id")
            held.append(
                Holding(title.strip(), of.strip() or None, start or None, end or None, office)
            )
        return tuple(held)


def _entries(table: _Table) -> Iterator[KBEntry]:
    kind = table.path.stem
    for row in table.rows():
        qid, label, cls = row["qid"], row["label"], row.get("class") or ""
        if not label and kind != "people":
            raise table.error(f"{qid} has no label")
        if kind == "countries":
            yield KBEntry(
                qid,
                label,
                "Country",
                "Country",
                _split(row["aliases"]),
                qid,
                demonyms=_split(row["demonyms"]),
                acronyms=tuple(c for c in (row["iso3"],) if c),
                iso2=row["iso2"] or None,
                capital=table.qid(row, "capital_qid"),
                alt_qids=tuple(q for q in _split(row.get("alt_qids")) if _QID.fullmatch(q)),
            )
        elif kind == "places":
            short = label.split(",")[0].strip()  # "Washington" for "Washington, D.C."
            yield KBEntry(
                qid,
                label,
                "Place",
                cls or _PLACE_CLASSES.get(row["kind"], "Place"),
                (*_split(row["aliases"]), *([short] if short != label else [])),
                table.qid(row, "country_qid"),
                table.number(row, "population"),
                kind=row["kind"],
            )
        elif kind == "organizations":
            yield KBEntry(
                qid,
                label,
                "Organization",
                cls or "InternationalOrganization",
                _split(row["aliases"]),
                table.qid(row, "country_qid"),
                acronyms=_split(row["acronyms"]),
                kind=row.get("family") or "",
                start=row.get("established") or None,
                headquarters=row.get("headquarters") or None,
            )
        elif kind == "government_bodies":
            yield KBEntry(
                qid,
                label,
                "Organization",
                cls or "GovernmentBody",
                _split(row.get("aliases")),
                table.qid(row, "country_qid"),
                acronyms=_split(row.get("acronyms")),
                kind=row["kind"],
                start=row.get("start") or None,
                end=row.get("end") or None,
            )
        elif kind == "people":
            yield KBEntry(
                qid, label, "Person", "Person", _split(row["aliases"]), holdings=table.holdings(row)
            )


@dataclass
class Folder:
    """What one knowledge-base folder holds."""

    entries: list[KBEntry] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    points: dict[str, tuple[float, float]] = field(default_factory=dict)


def read_folder(folder: Path) -> Folder:
    """The entries, offices and coordinates of the TSV files in ``folder`` (any of
    ``TABLES``), checked: a bad row raises ``KnowledgeBaseError`` naming the file, the line
    and the problem."""
    if not folder.is_dir():
        raise KnowledgeBaseError(f"{folder}: no such knowledge-base folder")
    found = Folder()
    for name in TABLES:
        path = folder / f"{name}.tsv"
        if not path.is_file():
            continue
        table = _Table(path)
        if name == "positions":
            found.offices.extend(
                Office(row["qid"], row["label"], table.qid(row, "country_qid"))
                for row in table.rows()
            )
        elif name == "coordinates":
            for row in table.rows():
                found.points[row["qid"]] = table.point(row)
        else:
            found.entries.extend(_entries(table))
    return found


def folders(extra: str | None = None) -> tuple[Path, ...]:
    """The bundled base and the folders in ``extra`` (default: ``KG_KB_PATH``), in order."""
    extra = os.environ.get(KB_PATH_ENV, "") if extra is None else extra
    return (data_path("wikidata"), *(Path(p) for p in extra.split(os.pathsep) if p.strip()))


class KnowledgeBase:
    """Wikidata entities by QID, by normalized name and (for countries) by demonym.

    Entries with the same QID are merged (see ``KBEntry.merged``); where two types claim one
    QID (a city-state is both a country and a place) the first wins.
    """

    def __init__(
        self,
        entries: Iterable[KBEntry],
        offices: Iterable[Office] = (),
        points: dict[str, tuple[float, float]] | None = None,
    ):
        self.by_qid: dict[str, KBEntry] = {}
        for entry in entries:
            known = self.by_qid.get(entry.qid)
            if known is None:
                self.by_qid[entry.qid] = entry
            elif known.type == entry.type:
                self.by_qid[entry.qid] = known.merged(entry)
        self.offices = {o.qid: o for o in offices}
        self.points = points or {}
        self._alt = {alt: e.qid for e in self.by_qid.values() for alt in e.alt_qids}
        self._by_name: dict[str, list[KBEntry]] = defaultdict(list)
        self._by_acronym: dict[str, list[KBEntry]] = defaultdict(list)
        self._by_demonym: dict[str, KBEntry] = {}
        for entry in self.by_qid.values():
            names = {normalize(n) for n in (entry.label, *entry.aliases)}
            for name in names:
                if name:
                    self._by_name[name].append(entry)
            for acronym in {normalize(a) for a in entry.acronyms} - names:
                short = len(acronym) <= _SHORT_ACRONYM
                (self._by_acronym if short else self._by_name)[acronym].append(entry)
            for demonym in entry.demonyms:
                self._by_demonym[normalize(demonym)] = entry

    @classmethod
    def load(cls, folder: Path | str | None = None) -> KnowledgeBase:
        """The base in ``folder``, or the bundled base plus the ``KG_KB_PATH`` folders.

        Read from the TSV files once, then kept compiled, indexes and all (``kg.cache``), so
        that later runs load it in milliseconds; an edit to a file, to ``KG_KB_PATH`` or to
        this code compiles it anew. Kept in memory too (a changed ``KG_KB_PATH`` loads anew).
        """
        if folder:
            return _load((Path(folder).resolve(),))
        return _load_configured(os.environ.get(KB_PATH_ENV, ""))

    def lookup(self, name: str, types: Iterable[str] | None = None) -> list[KBEntry]:
        """Entries whose label, alias or acronym matches ``name``, of the given types (a short
        acronym only as written in capitals)."""
        key = normalize(name)
        found = self._by_name.get(key, [])
        if name.isupper():  # "NAM" is Namibia's code; the "Nam" of "Viet Nam" is not
            found = found + self._by_acronym.get(key, [])
        wanted = set(types) if types else None
        return [e for e in found if wanted is None or e.type in wanted]

    def demonym(self, word: str) -> KBEntry | None:
        """The country a demonym or adjective such as ``Kazakh`` or ``Belarusian`` names."""
        return self._by_demonym.get(normalize(word))

    def entries(self, type_: str | None = None) -> Iterator[KBEntry]:
        """All entries, or those of one type."""
        return (e for e in self.by_qid.values() if type_ is None or e.type == type_)

    def get(self, qid: str | None) -> KBEntry | None:
        """The entry of a QID (also of an alternative QID such as Q35 for Denmark), or None."""
        if not qid:
            return None
        return self.by_qid.get(qid) or self.by_qid.get(self._alt.get(qid, ""))

    def __getitem__(self, qid: str) -> KBEntry:
        entry = self.get(qid)
        if entry is None:
            raise KeyError(qid)
        return entry

    def __contains__(self, qid: object) -> bool:
        return isinstance(qid, str) and self.get(qid) is not None

    def __len__(self) -> int:
        return len(self.by_qid)

    @cached_property
    def by_key(self) -> dict[str, list[KBEntry]]:
        """Entries by the transliteration key of each name (see ``kg.kb.names.translit``)."""
        found: dict[str, list[KBEntry]] = defaultdict(list)
        for entry in self.by_qid.values():
            names = (*entry.names, *entry.demonyms)
            for key in {translit(n) for n in names if not n.isupper()}:  # no acronyms
                if len(key) > 3:
                    found[key].append(entry)
        return found

    @cached_property
    def by_initials(self) -> dict[str, KBEntry]:
        """Organizations by the initials of their names ("SCO"), where those initials are
        no name of anything else and belong to one organization only."""
        owners: dict[str, set[str]] = defaultdict(set)
        for entry in self.entries("Organization"):
            for name in (entry.label, *entry.aliases):
                if (initials := initialism(name)) is not None:
                    owners[initials].add(entry.qid)
        return {
            initials: self.by_qid[next(iter(qids))]
            for initials, qids in owners.items()
            if len(qids) == 1 and not self.lookup(initials)
        }

    @cached_property
    def by_token(self) -> dict[str, list[tuple[KBEntry, str]]]:
        """Entries and their normalized names by each word of those names, for near
        matches."""
        found: dict[str, list[tuple[KBEntry, str]]] = defaultdict(list)
        for entry in self.by_qid.values():
            for name in {normalize(n) for n in entry.names}:
                for word in set(name.split()):
                    if len(word) > 2:
                        found[word].append((entry, name))
        return found

    @cached_property
    def by_surname(self) -> dict[str, list[KBEntry]]:
        """People by the transliteration key of the last word of each of their names of two
        or more words ("Berdimuhamedov" finds "Gurbanguly Berdimuhamedow")."""
        found: dict[str, list[KBEntry]] = defaultdict(list)
        for entry in self.entries("Person"):
            for words in {tuple(normalize(n).split()) for n in entry.names}:
                key = translit(words[-1]) if len(words) > 1 else ""
                if key and entry not in found[key]:
                    found[key].append(entry)
        return found

    @cached_property
    def by_last_name(self) -> dict[str, list[KBEntry]]:
        """People by the normalized last word of each of their names of two or more words
        ("biden" finds "Joe Biden"; ``by_surname`` finds transliterations too)."""
        found: dict[str, list[KBEntry]] = defaultdict(list)
        for entry in self.entries("Person"):
            for name in (entry.label, *entry.aliases):
                words = normalize(name).split()
                if len(words) > 1 and entry not in found[words[-1]]:
                    found[words[-1]].append(entry)
        return found

    @cached_property
    def by_name_part(self) -> dict[str, list[KBEntry]]:
        """People by the transliteration key of parts of their names of three or more words:
        the last two or more words, and the first and last word."""
        found: dict[str, list[KBEntry]] = defaultdict(list)
        for entry in self.entries("Person"):
            for words in {tuple(normalize(n).split()) for n in entry.names}:
                if len(words) < 3:
                    continue
                parts = {words[i:] for i in range(1, len(words) - 1)} | {(words[0], words[-1])}
                for part in parts:
                    key = translit(" ".join(part))
                    if entry not in found[key]:
                        found[key].append(entry)
        return found


@cache
def _load_configured(extra: str) -> KnowledgeBase:
    return _load(tuple(p.resolve() for p in folders(extra)))


@cache
def _load(chosen: tuple[Path, ...]) -> KnowledgeBase:
    try:
        key = _key(chosen)
    except OSError:  # an unreadable file: reading it says which and why
        return _read(chosen)
    return compiled("kb", key, lambda: _read(chosen))


def _key(chosen: tuple[Path, ...]) -> str:
    """What a compiled base is built from: this package's code, each folder and its tables."""
    code = Path(__file__).parent
    parts: list[str | bytes] = [(code / "base.py").read_bytes(), (code / "names.py").read_bytes()]
    for folder in chosen:
        parts.append(str(folder))
        for name in TABLES:
            path = folder / f"{name}.tsv"
            parts += [name, path.read_bytes() if path.is_file() else b""]
    return digest(*parts)


def _read(chosen: tuple[Path, ...]) -> KnowledgeBase:
    """The base in the TSV files of ``chosen``, with its indexes built."""
    entries: list[KBEntry] = []
    offices: list[Office] = []
    points: dict[str, tuple[float, float]] = {}
    for folder in chosen:
        found = read_folder(folder)
        entries += found.entries
        offices += found.offices
        points.update(found.points)
    kb = KnowledgeBase(entries, offices, points)
    for index in _INDEXES:
        getattr(kb, index)
    return kb


@dataclass
class BuildReport:
    """What ``build`` found: rows per folder and table, entries per type, rows that added to
    an entity the base already had, names that now name several entities, and timings."""

    folders: list[tuple[Path, dict[str, int]]]
    types: dict[str, int]
    merged: int
    ambiguous: list[tuple[str, list[str]]]
    load_seconds: float
    index_seconds: float


def build(extra: Iterable[Path | str] = ()) -> BuildReport:
    """Check and compile the bundled base, the ``KG_KB_PATH`` folders and ``extra`` folders
    (later folders add to earlier ones), as the linker will load them.

    Raises ``KnowledgeBaseError`` naming the file, line and problem of the first bad row.
    """
    import time

    chosen = (*folders(), *(Path(p) for p in extra))
    start = time.perf_counter()
    found = [(folder, read_folder(folder)) for folder in chosen]
    kb = KnowledgeBase(
        [e for _, f in found for e in f.entries],
        [o for _, f in found for o in f.offices],
        {q: p for _, f in found for q, p in f.points.items()},
    )
    loaded = time.perf_counter()
    for index in _INDEXES:
        getattr(kb, index)
    indexed = time.perf_counter()
    bundled = {e.qid for e in found[0][1].entries}
    added = [e for _, f in found[1:] for e in f.entries]
    ambiguous = {}
    for entry in added:
        for name in entry.names:
            owners = sorted({e.qid for e in kb.lookup(name, (entry.type,))})
            if len(owners) > 1:
                ambiguous[name] = owners
    counts = []
    for folder, f in found:
        tables = Counter(_table_of(e) for e in f.entries)
        tables.update({"positions": len(f.offices), "coordinates": len(f.points)})
        counts.append((folder, {t: n for t, n in tables.items() if n}))
    return BuildReport(
        counts,
        dict(Counter(e.type for e in kb.entries())),
        sum(1 for e in added if e.qid in bundled),
        sorted(ambiguous.items()),
        loaded - start,
        indexed - loaded,
    )


def _table_of(entry: KBEntry) -> str:
    if entry.type == "Organization":
        return "government_bodies" if entry.cls == "GovernmentBody" else "organizations"
    return {"Country": "countries", "Place": "places", "Person": "people"}[entry.type]
