"""Serve an aiohttp app on a free port of 127.0.0.1: the fake Discord, the job-board server and
the boards benchmark all need one, and nothing they serve may be reachable from elsewhere."""

from __future__ import annotations

import asyncio

from aiohttp import web


async def serve_on_loopback(app: web.Application, *, backlog: int = 128) -> tuple[web.AppRunner, int]:
    """Start `app`; returns its runner (call `cleanup()` to stop) and the port it listens on."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=backlog)
    await site.start()
    server = site._server
    assert isinstance(server, asyncio.Server)
    port: int = server.sockets[0].getsockname()[1]
    return runner, port
