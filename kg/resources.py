"""Where kg's bundled files live: ``data/`` and ``ontologies/`` of a source checkout, or their
copies inside an installed wheel (``kg/_data``, ``kg/_ontologies``); kg's version, from
the installed package's metadata; and where kg mints the IRIs of what it describes (``kg.iris``,
``kg.ontology.KGR``)."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

__all__ = [
    "DATA",
    "IRI_BASE",
    "ONTOLOGIES",
    "QUERIES",
    "VERSION",
    "data_path",
    "ontology_path",
    "samples",
]

_PACKAGE = Path(__file__).resolve().parent


def _locate(installed: str, checkout: str) -> Path:
    inside = _PACKAGE / installed
    return inside if inside.is_dir() else _PACKAGE.parent / checkout


DATA = _locate("_data", "data")
ONTOLOGIES = _locate("_ontologies", "ontologies")
QUERIES = _PACKAGE / "queries"
IRI_BASE = "https://w3id.org/kgdt/id/"
try:
    VERSION = importlib.metadata.version("kg")
except importlib.metadata.PackageNotFoundError:  # a source checkout that is not installed
    VERSION = "dev"


def data_path(*parts: str) -> Path:
    """A file under the bundled ``data/`` folder."""
    return DATA.joinpath(*parts)


def ontology_path(*parts: str) -> Path:
    """A file under the bundled ``ontologies/`` folder."""
    return ONTOLOGIES.joinpath(*parts)


def samples() -> Path:
    """The folder of sample articles that ships with kg (what ``kg demo`` ingests), wherever
    kg is installed and whatever the working folder.

    >>> sorted(p.name for p in samples().glob("*.txt"))[:2]
    ['by-irkutsk-talks.txt', 'cn-kz-state-visit.txt']
    """
    return data_path("samples")
