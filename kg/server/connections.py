"""Slow clients: uvicorn's HTTP/1.1 protocol, with limits on what a connection may hold.

A client that opens connections and sends its requests a byte at a time holds a socket and
a file descriptor each; a thousand of them (the descriptor limit of many desktops) stop a
server from accepting anyone, and every refused accept used to log a traceback. Here:

- every request's headers must arrive within ``HEADER_SECONDS`` of the connection (or of
  the previous answer on a kept-alive one), or the connection is closed;
- at most ``max_connections`` are open: when a new one would pass it, the connection that
  has waited longest for its headers is closed to make room, so a client that sends its
  request at once is always served;
- the process may open as many files as the system lets it (``raise_file_limit``), and the
  server's warnings are logged once a second at most (``OncePerSecond``).
"""

from __future__ import annotations

import logging
import resource
import time
from typing import TYPE_CHECKING, ClassVar

from uvicorn.protocols.http.h11_impl import H11Protocol, RequestResponseCycle

if TYPE_CHECKING:
    import asyncio

__all__ = ["HEADER_SECONDS", "Limited", "OncePerSecond", "raise_file_limit"]

HEADER_SECONDS = 10.0
_RESERVED = 256  # descriptors kept for the store, the workers' pipes, logs


class Limited(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a time limit on request headers and a cap on open
    connections (``Limited.max_connections``, set by ``raise_file_limit``)."""

    max_connections = 1024 - _RESERVED
    _waiting: ClassVar[dict[Limited, None]] = {}  # waiting for headers, oldest first

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._seen: RequestResponseCycle | None = None
        self._deadline: asyncio.TimerHandle | None = None
        self._wait()
        if len(self.connections) > self.max_connections:
            oldest = next(iter(self._waiting))
            oldest.transport.close()
            oldest._done_waiting()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is not self._seen:  # a request's headers arrived
            self._seen = self.cycle
            self._done_waiting()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._wait()

    def connection_lost(self, exc: Exception | None) -> None:
        self._done_waiting()
        super().connection_lost(exc)

    def _wait(self) -> None:
        self._done_waiting()
        self._waiting[self] = None
        self._deadline = self.loop.call_later(HEADER_SECONDS, self._too_slow)

    def _done_waiting(self) -> None:
        self._waiting.pop(self, None)
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._done_waiting()
        self.transport.close()


def raise_file_limit() -> int:
    """Raise this process's limit of open files to the system's hard limit, and cap the
    connections ``Limited`` keeps below it; the connections it may keep."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65_536)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        soft = wanted
    except (ValueError, OSError):
        pass
    Limited.max_connections = max(16, soft - _RESERVED)
    return Limited.max_connections


class OncePerSecond(logging.Filter):
    """Lets through at most one record a second, on one line (a flood of refused
    connections or bad requests must not fill the disk with tracebacks)."""

    def __init__(self):
        super().__init__()
        self._last = 0.0

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self._last < 1.0:
            return False
        self._last = now
        if record.exc_info and record.exc_info[1] is not None:  # one line, no traceback
            record.msg, record.args = f"{record.getMessage()}: {record.exc_info[1]}", None
            record.exc_info = record.exc_text = None
        return True
