"""How ``kg serve`` runs: its store, address, limits and the token that allows updates."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LOOPBACK", "Settings"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Settings:
    """How ``kg serve`` runs: the store, the limits, and the token that allows updates
    (``None``: the server is read-only)."""

    store: str
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 2
    token: str | None = None

    @property
    def hosts(self) -> list[str]:
        """The host names the server answers to."""
        if self.host in ("0.0.0.0", "::"):
            return ["*"]
        return list(dict.fromkeys([self.host, *LOOPBACK]))
