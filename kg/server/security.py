"""What ``kg serve`` refuses, and how: requests for other hosts, bodies over the limit, updates
without the token; and the headers that keep pages from running anything but their own code.
"""

from __future__ import annotations

import base64
import hmac
from collections.abc import Mapping

from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response

from kg.server.settings import Settings

__all__ = ["MAX_BODY", "Refusal", "authorized", "middleware", "read_body", "secure_headers"]

MAX_BODY = 10 * 1024 * 1024
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
    "data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class Refusal(Exception):
    """A request the server refuses: the HTTP status, the reason, and headers to send."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, dict(headers or {})


async def read_body(request: Request) -> bytes:
    """The request's body; ``Refusal`` (413) once it passes ``MAX_BODY``."""
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY:
            raise Refusal(413, f"request body over {MAX_BODY // (1024 * 1024)} MB")
    return bytes(data)


def authorized(request: Request, token: str) -> bool:
    """Whether the request carries ``token`` (Bearer, or Basic with it as the password)."""
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() == "bearer":
        offered = value.strip()
    elif scheme.lower() == "basic":
        try:
            offered = base64.b64decode(value.strip()).decode("utf-8").partition(":")[2]
        except (ValueError, UnicodeDecodeError):
            return False
    else:
        return False
    return hmac.compare_digest(offered.encode("utf-8"), token.encode("utf-8"))


async def secure_headers(request: Request, call_next) -> Response:
    """Every answer forbids inline scripts, framing, sniffing and referrers."""
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", _CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def middleware(settings: Settings) -> list[Middleware]:
    """The server's guards: only requests for the hosts it serves (no DNS rebinding), and
    the security headers on every answer."""
    return [
        Middleware(TrustedHostMiddleware, allowed_hosts=settings.hosts),
        Middleware(BaseHTTPMiddleware, dispatch=secure_headers),
    ]
