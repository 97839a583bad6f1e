"""The fetcher's guard: private addresses refused (literal, by DNS, after a redirect), caps, no cookies."""

from __future__ import annotations

import ipaddress
import socket

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.config import Settings
from bot.errors import UserFacingError
from bot.net.fetch import MAX_REDIRECTS, Fetcher
from bot.net.guard import PRIVATE_ADDRESS, IPAddress, is_public_address
from tests.boards.server import BoardServer, Route

LOOPBACK = ipaddress.ip_address("127.0.0.1")


def _settings(**overrides: object) -> Settings:
    return Settings(_env_file=None, **overrides)  # type: ignore[call-arg, arg-type]


class FakeDNS(AbstractResolver):
    """Answers from a table: the way to make a public-looking name resolve anywhere."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        if host not in self.table:
            raise OSError(f"no such host {host}")
        address = self.table[host]
        return [
            {
                "hostname": host,
                "host": address,
                "port": port,
                "family": family,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
        ]

    async def close(self) -> None:
        return None


def only_loopback_is_public(address: IPAddress) -> bool:
    """A rule under which the test server counts as the public internet and the rest stays refused."""
    return address == LOOPBACK or is_public_address(address)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
        "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:7f00:1::",
    ],
)  # fmt: skip
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/page",
        "http://localhost:{port}/page",
        "http://[::1]:{port}/page",
        "http://[::ffff:127.0.0.1]:{port}/page",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
    ],
)
async def test_private_and_loopback_refused_without_the_opt_in(url: str, board_server: BoardServer) -> None:
    board_server.serve_html("/page", "<p>secret</p>")
    async with Fetcher(_settings(fetch_timeout_seconds=3)) as fetcher:
        with pytest.raises(UserFacingError) as refused:
            await fetcher.get(url.format(port=board_server.port))
    assert str(refused.value) == PRIVATE_ADDRESS
    assert board_server.requests == []  # nothing ever reached the server


async def test_the_opt_in_allows_local_servers(board_server: BoardServer) -> None:
    board_server.serve_html("/page", "<p>hello</p>")
    async with Fetcher(_settings(allow_private_networks=True)) as fetcher:
        response = await fetcher.get(board_server.url("/page"))
    assert response.ok and response.text() == "<p>hello</p>"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x", "javascript:alert(1)"])
async def test_only_http_and_https(url: str) -> None:
    async with Fetcher(_settings(allow_private_networks=True)) as fetcher:
        with pytest.raises(UserFacingError, match="Only http and https"):
            await fetcher.get(url)


async def test_dns_answering_a_private_address_is_refused() -> None:
    dns = FakeDNS({"careers.example.com": "10.0.0.7"})
    async with Fetcher(_settings(), resolver=dns) as fetcher:
        with pytest.raises(UserFacingError, match="private or local network"):
            await fetcher.get("http://careers.example.com/jobs")
    assert dns.asked == ["careers.example.com"]


async def test_the_connection_goes_to_the_vetted_address(board_server: BoardServer) -> None:
    """The name is resolved once, by the guard, and the socket opens to that answer (no second lookup)."""
    board_server.serve_html("/jobs", "<p>ok</p>")
    dns = FakeDNS({"careers.example.com": "127.0.0.1"})
    async with Fetcher(_settings(), resolver=dns, allowed=only_loopback_is_public) as fetcher:
        response = await fetcher.get(f"http://careers.example.com:{board_server.port}/jobs")
    assert response.ok
    assert board_server.requests[0].headers["Host"] == f"careers.example.com:{board_server.port}"


@pytest.mark.parametrize("target", ["http://10.0.0.5/admin", "http://internal.example.com/", "http://[::1]/"])
async def test_a_redirect_to_a_private_address_is_refused(target: str, board_server: BoardServer) -> None:
    board_server.redirect("/jobs/1", target)
    dns = FakeDNS({"internal.example.com": "192.168.1.10"})
    async with Fetcher(_settings(), resolver=dns, allowed=only_loopback_is_public) as fetcher:
        with pytest.raises(UserFacingError, match="private or local network"):
            await fetcher.get(board_server.url("/jobs/1"))
    assert len(board_server.requests) == 1


async def test_redirects_are_followed_a_bounded_number_of_times(board_server: BoardServer) -> None:
    board_server.redirect("/a", "/b", status=301)
    board_server.redirect("/b", board_server.url("/c"), status=308)
    board_server.serve_html("/c", "<p>arrived</p>")
    board_server.redirect("/loop", "/loop")
    async with Fetcher(_settings(allow_private_networks=True)) as fetcher:
        response = await fetcher.get(board_server.url("/a"))
        assert response.text() == "<p>arrived</p>" and response.url.endswith("/c")
        with pytest.raises(UserFacingError, match="redirects more than"):
            await fetcher.get(board_server.url("/loop"))
    assert len(board_server.hits("/loop")) == MAX_REDIRECTS + 1


async def test_size_cap(board_server: BoardServer) -> None:
    board_server.serve_html("/big", "x" * 300_000)
    async with Fetcher(_settings(allow_private_networks=True, max_fetch_bytes=100_000)) as fetcher:
        with pytest.raises(UserFacingError, match="larger than"):
            await fetcher.get(board_server.url("/big"))


async def test_a_request_may_raise_the_cap(board_server: BoardServer) -> None:
    """A whole board's listing gets a bigger allowance than one page."""
    board_server.serve_html("/board", "x" * 300_000)
    async with Fetcher(_settings(allow_private_networks=True, max_fetch_bytes=100_000)) as fetcher:
        response = await fetcher.get(board_server.url("/board"), max_bytes=400_000)
    assert len(response.body) == 300_000


async def test_size_cap_without_content_length(board_server: BoardServer) -> None:
    """A chunked answer declares no length: the cap is counted while reading."""
    from aiohttp import web

    async def endless(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(100):
            await response.write(b"y" * 10_000)
        return response

    board_server.handlers["/stream"] = endless
    async with Fetcher(_settings(allow_private_networks=True, max_fetch_bytes=50_000)) as fetcher:
        with pytest.raises(UserFacingError, match="larger than"):
            await fetcher.get(board_server.url("/stream"))


async def test_total_time_cap(board_server: BoardServer) -> None:
    board_server.routes["/slow"] = Route(b"late", delay=3.0)
    async with Fetcher(_settings(allow_private_networks=True, fetch_timeout_seconds=0.3)) as fetcher:
        with pytest.raises(UserFacingError, match=r"did not answer within 0\.3 seconds"):
            await fetcher.get(board_server.url("/slow"))


async def test_no_cookies_are_kept(board_server: BoardServer) -> None:
    board_server.routes["/set"] = Route(b"ok", headers={"Set-Cookie": "session=abc; Path=/"})
    board_server.serve_html("/next", "ok")
    async with Fetcher(_settings(allow_private_networks=True)) as fetcher:
        await fetcher.get(board_server.url("/set"))
        await fetcher.get(board_server.url("/next"))
    assert "Cookie" not in board_server.hits("/next")[0].headers


async def test_unreachable_and_unknown_hosts_get_a_sentence() -> None:
    async with Fetcher(_settings(allow_private_networks=True), resolver=FakeDNS({})) as fetcher:
        with pytest.raises(UserFacingError, match="does not resolve"):
            await fetcher.get("http://nowhere.example/")
    async with Fetcher(_settings(allow_private_networks=True)) as fetcher:
        with pytest.raises(UserFacingError, match="could not connect"):
            await fetcher.get("http://127.0.0.1:9/")  # the discard port: nothing listens


async def test_a_broken_redirect_gets_a_sentence(board_server: BoardServer) -> None:
    board_server.redirect("/broken", "http://[::1")
    async with Fetcher(_settings(allow_private_networks=True)) as fetcher:
        with pytest.raises(UserFacingError, match="not valid"):
            await fetcher.get(board_server.url("/broken"))
