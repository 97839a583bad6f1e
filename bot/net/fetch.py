"""The one way jobbot reads the web: `Fetcher.get`, with the SSRF guard, caps and no cookies.

Every fetch is bounded: one total time budget across redirects (`fetch_timeout_seconds`), a
byte cap on the body after decompression (`max_fetch_bytes`), and at most `MAX_REDIRECTS`
redirects, each target checked again by the same rules as the first URL. Cookies are never
kept (`DummyCookieJar`), proxies from the environment are ignored, and the connection always goes
to an address the `VettingResolver` approved.

Status codes are returned, not raised: the board poller needs 304, 429 and Retry-After.
`raise_for_status` turns a failed answer into the user's sentence for one-off link reads.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType

import aiohttp
from aiohttp.abc import AbstractResolver
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from bot.config import Settings
from bot.errors import UserFacingError
from bot.net.guard import AddressPolicy, RefusedAddress, VettingResolver, address_policy, checked_url

MAX_REDIRECTS = 5
USER_AGENT = "jobbot/1.0 (+https://github.com/jobbot; job-board reader)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value.strip("\"' "):
            return value.strip("\"' ")
    return None


@dataclass(frozen=True, slots=True)
class Response:
    """A finished answer: the final URL (after redirects), status, headers and the whole body."""

    url: str
    status: int
    headers: CIMultiDictProxy[str]
    body: bytes

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        """The body as text, never failing: the charset the server declared, else UTF-8 if it is
        valid, else the page's own `<meta charset>`, else windows-1252 (what browsers assume)."""
        declared = _charset(self.headers.get("Content-Type", ""))
        if declared is None:
            try:
                return self.body.decode("utf-8")
            except UnicodeDecodeError:
                meta = _META_CHARSET.search(self.body[:4096])
                declared = meta.group(1).decode("ascii") if meta else "windows-1252"
        try:
            return self.body.decode(declared, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")

    def raise_for_status(self) -> None:
        if self.ok:
            return
        if self.status == 404 or self.status == 410:
            raise UserFacingError("That page does not exist (any more); check the link.")
        if self.status in (401, 403):
            raise UserFacingError("That site refused to show the page to jobbot.")
        if self.status == 429:
            raise UserFacingError("That site is limiting requests right now; try again in a few minutes.")
        raise UserFacingError(f"That site answered with an error ({self.status}); try again later.")


class Fetcher:
    """An HTTP client session with the guard; open it with `async with` and share it.

    `resolver` replaces the system DNS and `allowed` the address rule (tests inject both: a DNS that
    answers a private address, a rule under which only their own server counts as public).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        resolver: AbstractResolver | None = None,
        allowed: AddressPolicy | None = None,
        limit: int = 100,
    ) -> None:
        self._settings = settings
        self._allowed = allowed or address_policy(settings.allow_private_networks)
        self._resolver = VettingResolver(resolver or aiohttp.ThreadedResolver(), self._allowed)
        self._limit = limit
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Fetcher:
        connector = aiohttp.TCPConnector(resolver=self._resolver, limit=self._limit, limit_per_host=8, ttl_dns_cache=60)
        self._session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            trust_env=False,
            headers={"User-Agent": USER_AGENT},
            auto_decompress=True,
        )
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()

    async def get(
        self, url: str, *, headers: Mapping[str, str] | None = None, max_bytes: int | None = None
    ) -> Response:
        """GET `url`, following redirects by hand; UserFacingError for anything refused or failed.

        `max_bytes` replaces the `max_fetch_bytes` cap for one request (a whole board's listing).
        """
        if self._session is None:
            raise RuntimeError("Fetcher used outside `async with`")
        budget = self._settings.fetch_timeout_seconds
        try:
            async with asyncio.timeout(budget):
                return await self._follow(
                    self._session, url, headers or {}, max_bytes or self._settings.max_fetch_bytes
                )
        except TimeoutError:
            raise UserFacingError(f"That site did not answer within {budget:g} seconds.") from None
        except RefusedAddress:
            raise
        except aiohttp.ClientConnectorDNSError:
            raise UserFacingError("That site's name does not resolve; check the link.") from None
        except (aiohttp.ClientError, OSError):
            raise UserFacingError("I could not connect to that site; try again later.") from None

    async def _follow(self, session: aiohttp.ClientSession, url: str, headers: Mapping[str, str], cap: int) -> Response:
        target = checked_url(url, self._allowed)
        for _ in range(MAX_REDIRECTS + 1):
            async with session.get(target, headers=dict(headers), allow_redirects=False) as response:
                location = response.headers.get("Location")
                if response.status in _REDIRECTS and location:
                    try:
                        next_url = str(target.join(URL(location)))
                    except (ValueError, TypeError):
                        raise UserFacingError("That link redirects to an address that is not valid.") from None
                    target = checked_url(next_url, self._allowed)
                    continue
                body = await self._read_capped(response, cap)
                return Response(str(target), response.status, CIMultiDictProxy(CIMultiDict(response.headers)), body)
        raise UserFacingError(f"That link redirects more than {MAX_REDIRECTS} times.")

    @staticmethod
    async def _read_capped(response: aiohttp.ClientResponse, cap: int) -> bytes:
        too_big = UserFacingError(f"That page is larger than {cap / (1024 * 1024):g} MB, the most jobbot reads.")
        if response.content_length is not None and response.content_length > cap:
            raise too_big
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_chunked(64 * 1024):
            size += len(chunk)
            if size > cap:
                raise too_big
            chunks.append(chunk)
        return b"".join(chunks)
