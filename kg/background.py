"""Items made in a thread of their own while the caller uses the ones before.

spaCy releases the GIL for its matrix products, about half of parsing, so the next articles
parse while kg extracts from the last: a stream of articles takes less time on a machine of
two cores or more, and each comes out as it would in one thread.

>>> list(in_background(iter(range(5)), ahead=2))
[0, 1, 2, 3, 4]
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["in_background"]

T = TypeVar("T")
_END = object()
_WAIT = 0.1  # seconds between looks at whether the caller has stopped
_LINGER = 10.0  # seconds the caller waits for the item being made when it stops early


def in_background(items: Iterable[T], ahead: int) -> Iterator[T]:
    """The items of ``items`` in order, made in a thread up to ``ahead`` items before the
    caller takes them; what making one raises is raised here, in its place. When the caller
    stops early, the thread stops after the item it is making, which the caller waits for
    (up to ``_LINGER`` seconds: not for input that never comes)."""
    made: queue.Queue[tuple[object, BaseException | None]] = queue.Queue(max(ahead, 1))
    stop = threading.Event()

    def put(entry: tuple[object, BaseException | None]) -> bool:
        while not stop.is_set():
            try:
                made.put(entry, timeout=_WAIT)
                return True
            except queue.Full:
                continue
        return False

    def make() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
        except BaseException as error:  # the caller's to handle, in its own thread
            put((_END, error))
            return
        put((_END, None))

    thread = threading.Thread(target=make, name="kg-background", daemon=True)
    thread.start()
    try:
        while True:
            item, error = made.get()
            if item is _END:
                if error is not None:
                    raise error
                return
            yield item  # type: ignore[misc]  # every item but _END is one of ``items``
    finally:
        stop.set()
        thread.join(_LINGER)
