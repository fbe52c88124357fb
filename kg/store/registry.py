"""Opening a store by its location: a registry of backends by scheme.

A location is a folder (the embedded Oxigraph store), ``:memory:`` (the embedded store in
memory), or a URL whose scheme names a backend (``http``, ``https``: a SPARQL endpoint);
``register`` adds a backend for another scheme. A location with a scheme no backend has is a
folder.

>>> type(open_store(":memory:")).__name__
'OxigraphStore'
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from kg.errors import StoreError
from kg.store.base import MEMORY, Store
from kg.store.oxigraph import OxigraphStore
from kg.store.remote import RemoteStore

__all__ = [
    "DEFAULT_STORE",
    "FOLDER",
    "Opener",
    "open_store",
    "register",
    "scheme",
    "store_location",
]

DEFAULT_STORE = "kg-store"
FOLDER = "folder"  # the scheme of a location that is a folder
Opener = Callable[[str, bool], Store]  # (location, read_only) -> the store opened
_BACKENDS: dict[str, Opener] = {}
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def register(name: str, opener: Opener) -> None:
    """Open the locations ``name://...`` (or, for ``name`` ``:memory:`` or ``folder``, those
    locations) with ``opener``."""
    _BACKENDS[name] = opener


def scheme(location: str) -> str:
    """The backend of a location: ``:memory:``, the scheme of a URL when a backend has it
    (case matters), else ``folder``.

    >>> scheme(":memory:"), scheme("https://example.org/sparql"), scheme("data/kg-store")
    (':memory:', 'https', 'folder')
    """
    if location == MEMORY:
        return MEMORY
    url = _URL.match(location)
    return url[1] if url and url[1] in _BACKENDS else FOLDER


def store_location(location: str | Path | None = None) -> str:
    """The store to use: the argument, else ``KG_STORE``, else ``./kg-store``."""
    return str(location or os.environ.get("KG_STORE") or DEFAULT_STORE)


def open_store(location: str | Path | None = None, read_only: bool = False) -> Store:
    """Open the store at ``location`` (a folder, ``:memory:`` or a SPARQL endpoint URL)."""
    where = store_location(location)
    return _BACKENDS[scheme(where)](where, read_only)


def _folder(where: str, read_only: bool) -> Store:
    if read_only and not Path(where).exists():
        raise StoreError(f"{where}: no store here yet; run `kg ingest` or `kg demo` first")
    return OxigraphStore(where, read_only=read_only)


register(FOLDER, _folder)
register(MEMORY, lambda where, read_only: OxigraphStore(None))
register("http", lambda where, read_only: RemoteStore(where))
register("https", lambda where, read_only: RemoteStore(where))
