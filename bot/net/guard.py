"""Which URLs and addresses jobbot may fetch: the SSRF rules, kept apart from the HTTP plumbing.

A link shared in chat is attacker-chosen. Without these rules it could make the bot read the
cloud metadata service (169.254.169.254), an admin panel on localhost or a service on the
private network and show the answer in Discord. The address is checked after DNS resolution,
and the connection goes to the address that was checked (see `VettingResolver`), so a name that
resolves to a public address once and a private one the next time (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from bot.errors import UserFacingError

PRIVATE_ADDRESS = "That link points to a private or local network address, which jobbot does not fetch."
BAD_SCHEME = "Only http and https links can be read."
BAD_URL = "That does not look like a web link I can read."

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[IPAddress], bool]
"""Whether an address may be connected to (`is_public_address`, or anything with the opt-in)."""


class RefusedAddress(UserFacingError):
    """The host resolved to an address jobbot must not connect to."""

    def __init__(self) -> None:
        super().__init__(PRIVATE_ADDRESS)


def is_public_address(address: IPAddress) -> bool:
    """False for private, loopback, link-local, multicast, reserved and unspecified addresses.

    IPv4 addresses hidden in IPv6 (mapped ::ffff:a.b.c.d, 6to4, NAT64 well-known prefix) are
    judged by the IPv4 address they carry.
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(embedded)
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def parse_address(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def address_policy(allow_private: bool) -> AddressPolicy:
    return (lambda _: True) if allow_private else is_public_address


def checked_url(raw: str, allowed: AddressPolicy) -> URL:
    """The URL to fetch, or a UserFacingError: http(s) only, a host, and no private IP literal.

    Host names are vetted later, when they resolve; IP literals never reach the resolver in
    aiohttp, so they are judged here.
    """
    try:
        url = URL(raw.strip())
    except (ValueError, TypeError):
        raise UserFacingError(BAD_URL) from None
    if url.scheme not in ("http", "https"):
        raise UserFacingError(BAD_SCHEME)
    if not url.host:
        raise UserFacingError(BAD_URL)
    if url.user is not None or url.password is not None:
        raise UserFacingError("Links with a user name or password in them are not fetched.")
    address = parse_address(url.host)
    if address is not None and not allowed(address):
        raise RefusedAddress()
    return url


class VettingResolver(AbstractResolver):
    """Resolves through `inner` and refuses the whole answer if any address is not public.

    Refusing when *any* address is private (not only dropping those) keeps a name that mixes a
    public and a private record from being usable at all.
    """

    def __init__(self, inner: AbstractResolver, allowed: AddressPolicy) -> None:
        self._inner = inner
        self._allowed = allowed

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = await self._inner.resolve(host, port, family)
        for answer in answers:
            address = parse_address(answer["host"])
            if address is None or not self._allowed(address):
                raise RefusedAddress()
        return answers

    async def close(self) -> None:
        await self._inner.close()
