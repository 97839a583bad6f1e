"""A local stand-in for the job boards' APIs and career pages (aiohttp on 127.0.0.1).

Routes are keyed by path and query. Board APIs are served under `/{api host}{path}` so that
`Settings(board_api_origin=server.origin)` sends every API call here. A route may be slow, answer
an error, honour ETag / If-None-Match, or redirect; every request is recorded.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from yarl import URL

from tests.local_server import serve_on_loopback


@dataclass(slots=True)
class Route:
    body: bytes
    status: int = 200
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    delay: float = 0.0


@dataclass(frozen=True, slots=True)
class Seen:
    path: str
    headers: dict[str, str]


class BoardServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.handlers: dict[str, Callable[[web.Request], Awaitable[web.StreamResponse]]] = {}
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner, self.port = await serve_on_loopback(app)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.origin}{path}"

    @staticmethod
    def api_path(api_url: str) -> str:
        """Where `board_api_origin` sends a real API URL: /{host}{path?query}."""
        parsed = URL(api_url)
        return f"/{parsed.host}{parsed.raw_path_qs}"

    def serve_json(self, path: str, data: Any, **options: Any) -> Route:
        route = Route(json.dumps(data).encode(), **options)
        self.routes[path] = route
        return route

    def serve_api(self, api_url: str, data: Any, **options: Any) -> Route:
        """Serve a board API answer; a Greenhouse board with content also gets the API's other forms:
        the listing without content (same options) and each job's own endpoint."""
        route = self.serve_json(self.api_path(api_url), data, **options)
        if api_url.startswith("https://boards-api.greenhouse.io/") and api_url.endswith("/jobs?content=true"):
            listing = api_url.removesuffix("?content=true")
            jobs = data.get("jobs") if isinstance(data, dict) else None
            if isinstance(jobs, list):
                light = [{k: v for k, v in j.items() if k != "content"} for j in jobs if isinstance(j, dict)]
                self.serve_json(self.api_path(listing), {**data, "jobs": light}, **options)
                for job in jobs:
                    if isinstance(job, dict) and "id" in job:
                        self.serve_json(self.api_path(f"{listing}/{job['id']}?pay_transparency=true"), job)
            else:
                self.serve_json(self.api_path(listing), data, **options)
        return route

    def serve_html(self, path: str, html: str, **options: Any) -> Route:
        route = Route(html.encode(), content_type="text/html", **options)
        self.routes[path] = route
        return route

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = Route(b"", status=status, content_type="text/plain", headers={"Location": location})

    def hits(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.raw_path
        self.requests.append(Seen(path, dict(request.headers)))
        if path in self.handlers:
            return await self.handlers[path](request)
        route = self.routes.get(path)
        if route is None:
            return web.Response(status=404, text="not found")
        if route.delay:
            await asyncio.sleep(route.delay)
        headers = dict(route.headers)
        if route.etag is not None:
            headers["ETag"] = route.etag
            if request.headers.get("If-None-Match") == route.etag:
                return web.Response(status=304, headers=headers)
        return web.Response(status=route.status, body=route.body, content_type=route.content_type, headers=headers)


@pytest.fixture
async def board_server() -> AsyncIterator[BoardServer]:
    """A started server, stopped after the test (re-exported by the conftests that use it)."""
    server = BoardServer()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
