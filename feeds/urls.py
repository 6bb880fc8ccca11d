"""Checking a URL before the bot fetches it: only http(s), only public addresses.

An admin's ``/addfeed http://169.254.169.254/...`` must not turn the bot into a probe of its own
network, so the host name is resolved and every address it has must be public, unless
``fetch.allow_private_addresses`` is set (tests, the offline sandbox).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

Resolver = Callable[[str], list[str]]
"""Host name -> its IP addresses as text; raises OSError when it has none."""


class FeedUrlError(ValueError):
    """A URL the bot will not fetch; ``reason`` is a sentence fit to show the user."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def system_resolver(host: str) -> list[str]:
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _embedded(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries and reaches: mapped, 6to4 (2002::/16, which
    Python calls global), Teredo's client, NAT64."""
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if ip.teredo is not None:
        found.append(ip.teredo[1])
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def private_kind(address: str) -> str | None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        for inner in _embedded(ip):
            kind = private_kind(str(inner))
            if kind:
                return kind
    for kind, flag in (
        ("a loopback", ip.is_loopback),
        ("an unspecified", ip.is_unspecified),
        ("a link-local", ip.is_link_local),
        ("a multicast", ip.is_multicast),
        ("a private", ip.is_private),
        ("a reserved", ip.is_reserved),
        ("a non-public", not ip.is_global),
    ):
        if flag:
            return kind
    return None


def validate_feed_url(url: str, allow_private: bool, resolve: Resolver = system_resolver) -> str:
    """The URL, tidied (scheme and host lower-cased), or :class:`FeedUrlError` saying why not.

    Blocks on DNS: from async code call :func:`check_feed_url`.
    """
    text = url.strip()
    if not text:
        raise FeedUrlError("Give the feed's address, e.g. https://example.com/rss.xml")
    if len(text) > 2000:
        raise FeedUrlError("That address is too long.")
    try:  # "http://[::1/" raises here, before any part is read
        parts = urlsplit(text)
        host = parts.hostname
        port = parts.port
    except ValueError:
        raise FeedUrlError("That address has an invalid host or port.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FeedUrlError("Only http:// and https:// addresses can be followed.")
    if not host:
        raise FeedUrlError("That address has no host name.")
    if parts.username or parts.password:
        raise FeedUrlError("Addresses with a user name or password are not accepted.")
    netloc = f"{host.lower()}:{port}" if port else host.lower()
    if ":" in host:
        netloc = f"[{host.lower()}]:{port}" if port else f"[{host.lower()}]"
    tidy = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    if allow_private:
        return tidy
    try:
        addresses = [host] if is_ip(host) else resolve(host)
    except (OSError, UnicodeError):
        raise FeedUrlError(f"The host name {host} could not be resolved.") from None
    if not addresses:
        raise FeedUrlError(f"The host name {host} could not be resolved.")
    for address in addresses:
        kind = private_kind(address)
        if kind:
            raise FeedUrlError(
                f"{host} points to {kind} address ({address}); only public addresses are allowed."
            )
    return tidy


async def check_feed_url(url: str, allow_private: bool) -> str:
    """:func:`validate_feed_url` with the DNS lookup off the event loop."""
    return await asyncio.to_thread(validate_feed_url, url, allow_private)


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True
