"""The check of the host a request names, refused in words a reader can act on.

A request naming a host the app does not serve is refused with a 400 (a web page
elsewhere cannot reach the API through DNS rebinding). Someone who opens the page
by this machine's address on the network, or through a proxy, needs to know which
names the app answers to and the option that adds one: the refusal says both.

The Host header is read here (:func:`host_of`): a name or a bracketed IPv6
address, then an optional port; an IPv6 address is compared without its
brackets. This is the app's only host check.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from dateline.errors import UsageError

__all__ = ["SaysWhichHosts", "check_patterns", "host_of"]

#: A Host header: a registered name (the characters RFC 3986 allows in one) or an IPv6 address in brackets,
#: then an optional port. A port needs a digit.
_HOST = re.compile(r"(?:\[(?P<address>[0-9a-f:.]+)\]|(?P<name>[a-z0-9._~%!$&'()*+,;=-]+))(?::[0-9]+)?", re.IGNORECASE)


def host_of(header: str | None) -> str | None:
    """The host a Host header names, lower-cased and without its port, an IPv6 address without its brackets
    (``[::1]:8000`` -> ``::1``); None for no header, or one that names no host (``a b``, ``[not-v6]``)."""
    match = _HOST.fullmatch(header or "")
    if match is None:
        return None
    if match["address"] is None:
        return match["name"].lower()
    try:
        ipaddress.IPv6Address(match["address"])
    except ValueError:
        return None
    return match["address"].lower()


def check_patterns(hosts: Sequence[str]) -> None:
    """Refuse a host pattern with a wildcard anywhere but alone (``*``) or before a domain (``*.example.org``):
    ``*example.org`` would also serve ``evilexample.org``."""
    for host in hosts:
        if "*" in host and ((host != "*" and not host.startswith("*.")) or "*" in host[1:]):
            raise UsageError(f"host pattern {host!r}: a wildcard is '*' alone or '*.' before a domain "
                             "('*.example.org')")


def _unwrapped(host: str) -> str:
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


class SaysWhichHosts:
    """Answer 400 with the hosts served and how to add one to a request naming another (``hosts``: names,
    IPv6 addresses with or without brackets, ``*.domain`` patterns, or ``*`` for any)."""

    def __init__(self, app: ASGIApp, hosts: Sequence[str], headers: dict[str, str]) -> None:
        self.app = app
        self.hosts = [host.lower() for host in hosts]
        self.patterns = [_unwrapped(host) for host in self.hosts]
        self.headers = headers

    def _served(self, host: str) -> bool:
        return any(host == pattern or (pattern.startswith("*") and host.endswith(pattern[1:]))
                   for pattern in self.patterns)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.hosts:
            host = host_of(Headers(scope=scope).get("host"))
            if host is None or not self._served(host):
                named = f"host {host!r}" if host else "no host"
                message = (f"this server does not answer to requests naming {named} (it answers to "
                           f"{', '.join(self.hosts)}); to serve another name, start it with "
                           f"'dateline serve --allow-host NAME'")
                await JSONResponse({"error": message}, status_code=400, headers=self.headers)(scope, receive, send)
                return
        await self.app(scope, receive, send)
