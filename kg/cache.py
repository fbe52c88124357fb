"""kg's cache folder, and data that is slow to build kept there, compiled, by what it was built
from.

The folder is ``KG_CACHE``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``: the Wikidata
client keeps its answers in ``wikidata/`` (``kg.link.wikidata``), and ``compiled`` keeps values
such as the knowledge base (``kg.kb``) in ``compiled/``, one file per name and key. A compiled
file is read only when its name carries the digest of everything the value was built from (the
files, the code, the Python), so an edit to any of them builds the value anew; only kg writes
these files, in the user's own folder, readable by the user alone.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     os.environ[CACHE_ENV] = folder
...     first = compiled("squares", digest("up to", "4"), lambda: [n * n for n in range(4)])
...     again = compiled("squares", digest("up to", "4"), lambda: "not built again")
...     del os.environ[CACHE_ENV]
>>> first, again
([0, 1, 4, 9], [0, 1, 4, 9])
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

__all__ = ["CACHE_ENV", "compiled", "digest", "folder"]

CACHE_ENV = "KG_CACHE"
_KEPT = 4  # compiled files kept of each name: the ones read or written last
T = TypeVar("T")


def folder() -> Path:
    """``KG_CACHE``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"


def digest(*parts: str | bytes) -> str:
    """A hex digest of ``parts`` (each one delimited, so ``("ab", "c")`` and ``("a", "bc")``
    differ), with the Python version that will read the compiled value."""
    hashed = hashlib.sha256(sys.version.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()[:32]


def compiled(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, read from ``compiled/<name>-<key>.pickle`` when an earlier call wrote it.

    Otherwise it is built and written, atomically: processes that race each write a whole file
    under a name of their own and rename it into place, and a reader sees one whole file or
    none. Where it cannot be written (a read-only folder, a full disk) the value is built and
    not kept; a file that cannot be read is built anew. What is read is taken to live as long
    as the process, out of the garbage collector's way (``_long_lived``).
    """
    path = folder() / "compiled" / f"{name}-{key}.pickle"
    try:
        with open(path, "rb") as stream, _long_lived():
            value = pickle.load(stream)
        os.utime(path)
        return value
    except Exception:  # none yet, or one that cannot be read (a disk error): build it anew
        pass
    value = build()
    _write(path, value)
    return value


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """What is read meanwhile lives as long as the process: the cyclic garbage collector
    pauses while it is read, then leaves it (and all before it) out of its walks
    (``gc.freeze``). Unpickling makes objects by the hundred thousand and none is garbage, but
    each full collection they set off walked the whole heap, and every one after them did again
    while spaCy loaded its model: a third of what kg's start took beyond spaCy's."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _write(path: Path, value: object) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        _prune(path)
    except OSError:
        pass  # not kept; the value was built all the same
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _prune(path: Path) -> None:
    """Remove the compiled files of the same name but the ones used last."""
    name = path.name.rsplit("-", 1)[0]
    others = sorted(
        path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in others[_KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()
