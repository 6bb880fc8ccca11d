"""Every hop of every fetch goes to a public address, not only the URL an admin typed.

``/addfeed`` checks the address once; a public feed could still redirect the fetcher to
``http://169.254.169.254/`` or a host could start resolving to 10.x later. This transport checks
the host of each request httpx sends (redirects included) just before it goes out. What remains
is the short window between this lookup and the connection's own (DNS rebinding); closing it
would mean connecting to the checked address ourselves.
"""

from __future__ import annotations

import asyncio

import httpx

from feeds.urls import Resolver, is_ip, private_kind, system_resolver


class NonPublicRefused(httpx.ConnectError):
    """A request to a loopback, private or otherwise non-public address, never sent."""

    def __init__(self, host: str, kind: str, address: str, request: httpx.Request) -> None:
        self.host, self.kind, self.address = host, kind, address
        where = (
            f"{host} is {kind} address"
            if host == address
            else (f"{host} points to {kind} address ({address})")
        )
        super().__init__(where, request=request)


class PublicOnlyTransport(httpx.AsyncBaseTransport):
    """Wraps a transport; a request to a non-public address fails with :class:`NonPublicRefused`."""

    def __init__(self, inner: httpx.AsyncBaseTransport, resolve: Resolver = system_resolver):
        self.inner = inner
        self.resolve = resolve

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        try:
            addresses = [host] if is_ip(host) else await asyncio.to_thread(self.resolve, host)
        except (OSError, UnicodeError) as exc:
            raise httpx.ConnectError(f"cannot resolve {host}", request=request) from exc
        for address in addresses:
            kind = private_kind(address)
            if kind:
                raise NonPublicRefused(host, kind, address, request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
