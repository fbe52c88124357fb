"""How ``kg serve`` runs: its store, address, limits, the hosts it answers for and may
reach, and the token that allows updates."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

__all__ = ["LOOPBACK", "Settings", "machine_names", "normal_host"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ANY = ("0.0.0.0", "::")


@dataclass(frozen=True)
class Settings:
    """How ``kg serve`` runs: the store, the limits (a query's seconds, rows and bytes of
    answer), the token that allows updates
    (``None``: the server is read-only), the host names it answers for besides its own
    (``allowed_hosts``) and the hosts a SERVICE or LOAD may reach (``services``)."""

    store: str
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 2
    token: str | None = None
    allowed_hosts: tuple[str, ...] = ()
    services: frozenset[str] = frozenset()
    max_bytes: int = 50 * 1024**2

    @property
    def hosts(self) -> frozenset[str]:
        """The host names (and addresses) requests may be addressed to: the address it
        listens on and the loopback names, or, listening on every address, the machine's
        names and addresses; and ``allowed_hosts``. Never any name: a page on a stranger's
        domain that resolves to this machine (DNS rebinding) must not read the graph."""
        names = {self.host, *LOOPBACK} if self.host not in ANY else machine_names()
        return frozenset(normal_host(name) for name in (*names, *self.allowed_hosts))


def normal_host(name: str) -> str:
    """A host name in lower case, an IP address in its short form, without brackets."""
    name = name.strip().lower().removeprefix("[").removesuffix("]")
    try:
        return str(ipaddress.ip_address(name.split("%")[0]))
    except ValueError:
        return name


def machine_names() -> set[str]:
    """This machine's names and the addresses of its network interfaces."""
    import psutil

    names = {*LOOPBACK, socket.gethostname(), socket.getfqdn()}
    for addresses in psutil.net_if_addrs().values():
        names.update(a.address for a in addresses if a.family in (socket.AF_INET, socket.AF_INET6))
    return names
