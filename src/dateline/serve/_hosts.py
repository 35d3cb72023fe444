"""The refusal of a request that names a host the app does not serve, in words a reader can act on.

Starlette's ``TrustedHostMiddleware`` (inside this one) enforces the hosts; its
refusal is a bare "Invalid host header". Someone who opens the page by this
machine's address on the network, or through a proxy, needs to know which names
the app answers to and the option that adds one; this middleware answers such a
request first, with the same rule, and leaves every other one to the check.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette._utils import parse_host_header  # the check's own reading of the header, so both agree
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["SaysWhichHosts"]


class SaysWhichHosts:
    """Answer 400 with the hosts served and how to add one to a request naming another (``hosts`` as given to
    ``TrustedHostMiddleware``: names, or ``*.domain`` patterns)."""

    def __init__(self, app: ASGIApp, hosts: Sequence[str], headers: dict[str, str]) -> None:
        self.app = app
        self.hosts = [host.lower() for host in hosts]
        self.headers = headers

    def _served(self, host: str) -> bool:
        return any(host == pattern or (pattern.startswith("*") and host.endswith(pattern[1:]))
                   for pattern in self.hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.hosts:
            parsed = parse_host_header(Headers(scope=scope).get("host"))
            host = None if parsed is None else parsed.host.lower()
            if host is None or not self._served(host):
                named = f"host {host!r}" if host else "no host"
                message = (f"this server does not answer to requests naming {named} (it answers to "
                           f"{', '.join(self.hosts)}); to serve another name, start it with "
                           f"'dateline serve --allow-host NAME'")
                await JSONResponse({"error": message}, status_code=400, headers=self.headers)(scope, receive, send)
                return
        await self.app(scope, receive, send)
