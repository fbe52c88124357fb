"""One writer and many readers on a store folder: the writer lock and the snapshots.

RocksDB, under the embedded Oxigraph store, lets one process write a store folder, and
reading a folder while another process writes it is undefined. So the writer (``kg ingest``)
holds ``kg-writer.lock`` in the store folder and publishes snapshots into ``snapshots/``:
consistent, hard-linked checkpoints (cheap: milliseconds, little disk). It publishes one when
it opens a store whose snapshot is out of date, every ``SNAPSHOT_SECONDS`` while it writes
(``KG_SNAPSHOT_SECONDS``), and when it closes. Readers (``kg query``, ``stats``, ``export``,
``viz``, ``serve``) open the newest snapshot read-only, so they keep answering while an ingest
writes, see whole articles only, and never stop an ingest from starting. A reader that finds
the snapshot out of date and no writer at work (the last ingest crashed) takes a fresh one.

>>> import tempfile
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = Path(scratch.name) / "store"
>>> writer = Writer(folder)
>>> writer.store.update("INSERT DATA { <http://e/s> <http://e/p> 1 }")
>>> writer.wrote()
>>> reader = Reader(folder)  # while the writer holds the store
>>> len(reader.store), reader.note.startswith("a kg process")
(0, True)
>>> writer.close()
>>> reader.refresh(), len(reader.store)
(True, 1)
>>> reader.close()
>>> scratch.cleanup()
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store import layout

__all__ = ["LOCK_FILE", "SNAPSHOTS", "SNAPSHOT_SECONDS", "Reader", "Writer"]

LOCK_FILE = "kg-writer.lock"
SNAPSHOTS = "snapshots"
SNAPSHOT_SECONDS = 10.0
_WAIT_SECONDS = 3.0  # for locks held briefly, and for a new writer's first snapshot


def _try_lock(fd: int, mode: int, wait: float = 0.0) -> bool:
    """Take an ``flock`` on ``fd``, retrying for ``wait`` seconds; True when taken."""
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)


def _read_info(fd: int) -> dict:
    """What the lock file says of the last writer: pid, command, since, clean."""
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _write_info(fd: int, info: dict) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holder(info: dict) -> str:
    if not info.get("pid"):
        return "a kg process"
    return f"a kg process ({info.get('command') or 'kg'}, pid {info['pid']}, since {info.get('since')})"


def _newest(folder: Path) -> str | None:
    try:
        names = [n for n in os.listdir(folder / SNAPSHOTS) if not n.startswith(".")]
    except OSError:
        return None
    return max(names, default=None)


def _publish(store: ox.Store, folder: Path) -> None:
    """Checkpoint ``store`` into a new snapshot, then remove the old ones no reader holds."""
    root = folder / SNAPSHOTS
    root.mkdir(exist_ok=True)
    name = f"{time.time_ns():020d}"
    temporary = root / f".tmp-{name}"
    store.backup(str(temporary))
    os.rename(temporary, root / name)
    for entry in os.scandir(root):
        if entry.name == name:
            continue
        if entry.name.startswith("."):  # left by a crash while publishing or pruning
            shutil.rmtree(entry.path, ignore_errors=True)
            continue
        try:
            fd = os.open(entry.path, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            if not _try_lock(fd, fcntl.LOCK_EX):
                continue  # a reader holds it
            trash = root / f".trash-{entry.name}"
            os.rename(entry.path, trash)
        finally:
            os.close(fd)
        shutil.rmtree(trash, ignore_errors=True)


class Writer:
    """The one process writing a store folder: it holds the writer lock and keeps a snapshot
    for readers no older than ``SNAPSHOT_SECONDS``."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "CURRENT").exists() and any(
            n not in (LOCK_FILE, SNAPSHOTS, layout.LAYOUT_FILE) for n in os.listdir(folder)
        ):
            raise StoreError(
                f"{folder}: not a kg store and not empty; choose a new or empty folder with --store"
            )
        self.folder = folder
        self.interval = float(os.environ.get("KG_SNAPSHOT_SECONDS") or SNAPSHOT_SECONDS)
        self._fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            info = _read_info(self._fd)
            # A writer that is alive is not waited for; a reader taking a snapshot briefly is.
            busy = not info.get("clean", True) and _alive(info.get("pid"))
            if not _try_lock(self._fd, fcntl.LOCK_EX, 0.0 if busy else _WAIT_SECONDS):
                raise StoreError(
                    f"{folder}: the store is being written by {_holder(_read_info(self._fd))}. "
                    f"Wait for it to finish; meanwhile kg query, stats, export, viz and serve "
                    f"read its latest snapshot."
                )
            stale = not _read_info(self._fd).get("clean") or _newest(folder) is None
            self.store = ox.Store(str(folder))
            stale = layout.upgrade(self.store, folder) or stale
        except BaseException:
            os.close(self._fd)
            raise
        command = " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])[:200]
        self._info = {
            "pid": os.getpid(),
            "command": command,
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        _write_info(self._fd, {**self._info, "clean": False})
        self._published = time.monotonic()
        self._dirty = stale
        if stale:
            self.publish()

    def wrote(self) -> None:
        """Note a committed write; publish a snapshot when the last one is old enough."""
        self._dirty = True
        if time.monotonic() - self._published >= self.interval:
            self.publish()

    def publish(self) -> None:
        """Publish a snapshot of the store as it is now."""
        _publish(self.store, self.folder)
        self._dirty = False
        self._published = time.monotonic()

    def close(self) -> None:
        """Flush, publish a last snapshot and release the store. If that fails (a full disk),
        the store is still whole: the next reader or writer takes the snapshot."""
        try:
            self.store.flush()
            if self._dirty:
                self.publish()
            _write_info(self._fd, {**self._info, "clean": True})
        except OSError:
            pass
        finally:
            del self.store
            os.close(self._fd)


class Reader:
    """A read-only view of a store folder: its newest snapshot, held until ``close``.

    ``note`` says, while a writer is at work, how old the view is. ``refresh()`` moves to a
    newer snapshot when there is one (a long-running reader such as a server calls it often).
    In a folder the reader may not write, with no current snapshot, it reads the store itself.
    """

    def __init__(self, folder: Path):
        if not (folder / "CURRENT").exists():
            raise StoreError(f"{folder}: no store here yet; run `kg ingest` or `kg demo` first")
        self.folder = folder
        self.note: str | None = None
        self.snapshot: str | None = None
        self._fd: int | None = None
        self._open()

    def _open(self) -> None:
        live, writer = self._prepare()
        if live:
            self._swap(ox.Store.read_only(str(self.folder)), None, None)
            self.note = None
        else:
            self._open_newest(writer)
        if not layout.current(self.folder) and any(
            layout.is_article(g.value) for g in self.store.named_graphs()
        ):
            self.close()
            raise StoreError(
                f"{self.folder}: this store was written by an older kg, and its default graph "
                f"is not yet the merge of its articles; "
                + (
                    f"{_holder(writer)} is writing it: try again when it finishes"
                    if writer is not None
                    else "any kg command that may write its folder brings it up to date (run "
                    "one as the folder's owner, or on a writable copy)"
                )
            )

    def _open_newest(self, writer: dict | None) -> None:
        deadline = time.monotonic() + _WAIT_SECONDS
        while (name := _newest(self.folder)) is None or not self._open_snapshot(name):
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{self.folder}: {_holder(writer or {})} is writing this store and has not "
                    f"published a snapshot yet; try again in a few seconds"
                )
            time.sleep(0.05)
        self.note = None
        if writer is not None:
            taken = datetime.fromtimestamp(int(name) / 1e9).isoformat(timespec="seconds")
            self.note = f"{_holder(writer)} is writing this store; reading it as of {taken}"

    def _prepare(self) -> tuple[bool, dict | None]:
        """(read the live store?, the info of a writer at work or None); when no writer is at
        work and the snapshot is out of date, takes a fresh one if the folder is writable."""
        lock = self.folder / LOCK_FILE
        writable = True
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            writable = False
            try:
                fd = os.open(lock, os.O_RDONLY)
            except OSError:
                return True, None
        try:
            if not _try_lock(fd, fcntl.LOCK_EX if writable else fcntl.LOCK_SH):
                return False, _read_info(fd)
            if (
                _read_info(fd).get("clean")
                and _newest(self.folder) is not None
                and layout.current(self.folder)
            ):
                return False, None
            return not (writable and self._take_snapshot(fd)), None
        finally:
            os.close(fd)

    def _take_snapshot(self, fd: int) -> bool:
        """Snapshot the store (recovering what a crashed writer left); False if it cannot."""
        try:
            store = ox.Store(str(self.folder))
        except OSError:  # held by a process outside kg
            return False
        try:
            layout.upgrade(store, self.folder)
            _publish(store, self.folder)
        except OSError:  # a full disk: read the store itself
            return False
        finally:
            del store
        _write_info(fd, {**_read_info(fd), "clean": True})
        return True

    def _open_snapshot(self, name: str) -> bool:
        path = self.folder / SNAPSHOTS / name
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return False
        try:
            same = _try_lock(fd, fcntl.LOCK_SH, _WAIT_SECONDS) and os.path.samestat(
                os.fstat(fd), os.stat(path)
            )
        except FileNotFoundError:
            same = False
        if not same:  # pruned while we took the lock
            os.close(fd)
            return False
        self._swap(ox.Store.read_only(str(path)), fd, name)
        return True

    def _swap(self, store: ox.Store, fd: int | None, name: str | None) -> None:
        old = self._fd
        self.store, self._fd, self.snapshot = store, fd, name
        if old is not None:
            os.close(old)

    def refresh(self) -> bool:
        """Move to the newest snapshot if it is newer than this view; True when moved."""
        before = self.snapshot
        if before is None or (_newest(self.folder) == before and not self._stale()):
            return False
        self._open()
        return self.snapshot != before

    def _stale(self) -> bool:
        """No writer at work and the last one did not finish cleanly."""
        try:
            fd = os.open(self.folder / LOCK_FILE, os.O_RDONLY)
        except OSError:
            return False
        try:
            return _try_lock(fd, fcntl.LOCK_SH) and not _read_info(fd).get("clean")
        finally:
            os.close(fd)

    def close(self) -> None:
        """Release the snapshot."""
        del self.store
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
