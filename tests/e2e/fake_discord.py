"""A fake Discord (REST + gateway websocket) on 127.0.0.1 for end-to-end tests.

A real discord.py client is pointed at it with JOBBOT_DISCORD_API_BASE / JOBBOT_DISCORD_GATEWAY_URL.
It serves just what jobbot touches, records every REST request, and pushes gateway events on demand,
so tests drive the bot the way Discord would: messages, edits, deletes, slash commands.
Traps it honours: discord.py parses a body as JSON only when Content-Type is exactly
`application/json`; interaction payloads carry `attachment_size_limit`; members carry `flags`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from aiohttp import WSMsgType, web

from tests.local_server import serve_on_loopback

APP_ID = 1000
BOT_ID = 1000
GUILD_ID = 2000
OTHER_GUILD_ID = 2001
JOBS_CHANNEL_ID = 3001
GENERAL_CHANNEL_ID = 3002
FEED_CHANNEL_ID = 3003
ADMIN_ID = 4001
MEMBER_ID = 4002
EVERYONE_ROLE_ID = GUILD_ID
MANAGE_GUILD = 1 << 5
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 16) | (1 << 31)  # view, send, read history, use app commands
ALL_PERMISSIONS = (1 << 41) - 1

JSON = dict[str, Any]


@dataclass
class Recorded:
    """One REST request as the bot sent it."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    at: float = field(default_factory=time.monotonic)

    def json(self) -> JSON:
        return self.body if isinstance(self.body, dict) else {}


def _json(data: Any, status: int = 200) -> web.Response:
    # Exactly `application/json` (no charset): discord.py decodes the body only then.
    return web.Response(status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"})


def _user(user_id: int, name: str, *, bot: bool = False) -> JSON:
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


@dataclass
class FakeDiscord:
    """The server; `start()` it, point the bot at `api_base` / `gateway_url`, `stop()` it."""

    heartbeat_interval_ms: int = 41_250
    requests: list[Recorded] = field(default_factory=list)
    attachments: dict[str, bytes] = field(default_factory=dict)
    channel_errors: dict[int, int] = field(default_factory=dict)  # channel id → HTTP status for sends
    downloads: list[str] = field(default_factory=list)  # attachment names fetched by the bot
    heartbeats: int = 0
    heartbeat_times: list[float] = field(default_factory=list)  # when each heartbeat arrived (monotonic)
    identifies: int = 0
    resumes: int = 0
    invalidate_next_resume: bool = False
    rejected_token: bool = False  # answer GET /users/@me with 401, as Discord does for a bad token

    def __post_init__(self) -> None:
        self._ids = itertools.count(10_000_000)
        self._sockets: list[web.WebSocketResponse] = []
        self._seq = 0
        self._session = 0
        self._runner: web.AppRunner | None = None
        self._changed = asyncio.Condition()
        self.history: dict[int, dict[int, JSON]] = {}  # channel id → message id → message, as Discord keeps it
        self.port = 0
        self.members = {
            ADMIN_ID: self._member(_user(ADMIN_ID, "admin"), []),
            MEMBER_ID: self._member(_user(MEMBER_ID, "member"), []),
        }

    # -- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner, self.port = await serve_on_loopback(app)

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def env(self) -> dict[str, str]:
        """The settings that point jobbot at this server."""
        return {
            "JOBBOT_DISCORD_TOKEN": "fake.token.secret",
            "JOBBOT_DISCORD_API_BASE": self.api_base,
            "JOBBOT_DISCORD_GATEWAY_URL": self.gateway_url,
        }

    # -- waiting -------------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Wait until predicate() is truthy (re-checked after every request/gateway message)."""
        deadline = time.monotonic() + timeout
        async with self._changed:
            while not (result := predicate()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"fake Discord: condition not met within {timeout} s")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), min(remaining, 0.2))
            return result

    def find(self, method: str, pattern: str) -> list[Recorded]:
        rx = re.compile(pattern)
        return [r for r in self.requests if r.method == method and rx.fullmatch(r.path)]

    async def wait_request(self, method: str, pattern: str, count: int = 1, timeout: float = 10.0) -> list[Recorded]:
        found: list[Recorded] = await self.wait_for(
            lambda: (hits := self.find(method, pattern)) and len(hits) >= count and hits, timeout
        )
        return found

    @property
    def connected(self) -> int:
        return len(self._sockets)

    # -- gateway -------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                await self._on_gateway(ws, payload["op"], payload.get("d"))
        finally:
            if ws in self._sockets:
                self._sockets.remove(ws)
            await self._notify()
        return ws

    async def _on_gateway(self, ws: web.WebSocketResponse, op: int, data: Any) -> None:
        if op == 1:
            self.heartbeats += 1
            self.heartbeat_times.append(time.monotonic())
            await ws.send_json({"op": 11})
        elif op == 2:
            self.identifies += 1
            self._session += 1
            self._sockets.append(ws)
            await self._send(ws, "READY", self._ready())
            await self._send(ws, "GUILD_CREATE", self.guild())
        elif op == 6:
            self.resumes += 1
            if self.invalidate_next_resume:
                self.invalidate_next_resume = False
                await ws.send_json({"op": 9, "d": False})
            else:
                self._sockets.append(ws)
                await self._send(ws, "RESUMED", {})
        await self._notify()

    async def _send(self, ws: web.WebSocketResponse, event: str, data: JSON) -> None:
        self._seq += 1
        await ws.send_json({"op": 0, "t": event, "s": self._seq, "d": data})

    async def dispatch(self, event: str, data: JSON) -> None:
        """Push one gateway event to every identified connection (messages also go into the history)."""
        await self.wait_for(lambda: self._sockets, timeout=10.0)
        self._remember(event, data)
        for ws in list(self._sockets):
            await self._send(ws, event, data)

    def keep(self, message: JSON) -> None:
        """A message posted while the bot was away: Discord has it, no gateway event is sent."""
        self._remember("MESSAGE_CREATE", message)

    def _remember(self, event: str, data: JSON) -> None:
        channel = self.history.setdefault(int(data.get("channel_id") or 0), {})
        if event == "MESSAGE_CREATE":
            channel[int(data["id"])] = data
        elif event == "MESSAGE_UPDATE" and int(data["id"]) in channel:
            channel[int(data["id"])] = {**channel[int(data["id"])], **data}
        elif event == "MESSAGE_DELETE":
            channel.pop(int(data["id"]), None)

    def _logs(self, channel_id: int, query: dict[str, str]) -> list[JSON]:
        """GET /channels/{id}/messages: the newest `limit` messages (before `before`), newest first."""
        limit = min(int(query.get("limit", 50)), 100)
        before = int(query.get("before", 1 << 62))
        found = sorted(
            (m for i, m in self.history.get(channel_id, {}).items() if i < before), key=lambda m: -int(m["id"])
        )
        return found[:limit]

    def _react(self, channel_id: int, message_id: int, emoji: str) -> None:
        message = self.history.get(channel_id, {}).get(message_id)
        if message is not None and not any(r["emoji"]["name"] == emoji for r in message.get("reactions", [])):
            reaction = {"count": 1, "me": True, "emoji": {"id": None, "name": emoji}, "burst_colors": []}
            reaction.update(count_details={"burst": 0, "normal": 1}, me_burst=False, burst_count=0)
            message.setdefault("reactions", []).append(reaction)

    async def drop_gateway(self, code: int = 4000) -> None:
        """Close every gateway connection as Discord does on an outage (the client should resume)."""
        for ws in list(self._sockets):
            self._sockets.remove(ws)
            await ws.close(code=code)
        await self._notify()

    def _ready(self) -> JSON:
        return {
            "v": 10,
            "user": _user(BOT_ID, "jobbot", bot=True),
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "session_id": f"session-{self._session}",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(APP_ID), "flags": 0},
            "shard": [0, 1],
            "private_channels": [],
            "relationships": [],
        }

    # -- entities ------------------------------------------------------------------------------

    def next_id(self) -> int:
        return next(self._ids)

    @staticmethod
    def _member(user: JSON, roles: list[str]) -> JSON:
        return {
            "user": user,
            "roles": roles,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
        }

    @staticmethod
    def channel(channel_id: int, name: str, guild_id: int = GUILD_ID) -> JSON:
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(guild_id),
            "name": name,
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
        }

    def guild(self) -> JSON:
        everyone = {
            "id": str(EVERYONE_ROLE_ID),
            "name": "@everyone",
            "permissions": str(MEMBER_PERMISSIONS),
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }
        bot_member = self._member(_user(BOT_ID, "jobbot", bot=True), [])
        return {
            "id": str(GUILD_ID),
            "name": "Job Hunters",
            "owner_id": str(ADMIN_ID),
            "member_count": 3,
            "large": False,
            "unavailable": False,
            "features": [],
            "roles": [everyone],
            "emojis": [],
            "stickers": [],
            "channels": [
                self.channel(JOBS_CHANNEL_ID, "jobs"),
                self.channel(GENERAL_CHANNEL_ID, "general"),
                self.channel(FEED_CHANNEL_ID, "feed"),
            ],
            "threads": [],
            "members": [bot_member, *self.members.values()],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
        }

    def attachment(self, filename: str, data: bytes, content_type: str | None, *, size: int | None = None) -> JSON:
        """Host bytes at a local URL and describe them as Discord does (size may lie, as it can)."""
        attachment_id = self.next_id()
        key = f"{attachment_id}-{filename}"
        self.attachments[key] = data
        url = f"{self.base_url}/attachments/{key}"
        payload: JSON = {
            "id": str(attachment_id),
            "filename": filename,
            "size": len(data) if size is None else size,
            "url": url,
            "proxy_url": url,
        }
        if content_type is not None:
            payload["content_type"] = content_type
        return payload

    def message(
        self,
        content: str,
        *,
        channel_id: int = JOBS_CHANNEL_ID,
        author_id: int = MEMBER_ID,
        message_id: int | None = None,
        attachments: list[JSON] | None = None,
        edited: bool = False,
        bot: bool = False,
    ) -> JSON:
        user = _user(author_id, f"user{author_id}", bot=bot)
        member = self._member(user, [])
        del member["user"]
        return {
            "id": str(message_id or self.next_id()),
            "channel_id": str(channel_id),
            "guild_id": str(GUILD_ID),
            "author": user,
            "member": member,
            "content": content,
            "timestamp": "2024-05-01T12:00:00+00:00",
            "edited_timestamp": "2024-05-01T12:05:00+00:00" if edited else None,
            "tts": False,
            "mention_everyone": "@everyone" in content,
            "mentions": [],
            "mention_roles": [],
            "attachments": attachments or [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }

    async def post_message(self, content: str, **kwargs: Any) -> JSON:
        """A user posts a message (MESSAGE_CREATE); returns the payload (its id is the message id)."""
        payload = self.message(content, **kwargs)
        await self.dispatch("MESSAGE_CREATE", payload)
        return payload

    async def edit_message(self, message: JSON, content: str) -> None:
        updated = {**message, "content": content, "edited_timestamp": "2024-05-01T12:05:00+00:00"}
        await self.dispatch("MESSAGE_UPDATE", updated)

    async def delete_message(self, message: JSON) -> None:
        await self.dispatch(
            "MESSAGE_DELETE", {"id": message["id"], "channel_id": message["channel_id"], "guild_id": str(GUILD_ID)}
        )

    # -- interactions --------------------------------------------------------------------------

    def interaction(
        self,
        name: str,
        options: list[JSON] | None = None,
        *,
        user_id: int = MEMBER_ID,
        permissions: int | None = None,
        channel_id: int = JOBS_CHANNEL_ID,
        resolved: JSON | None = None,
        kind: int = 2,
        command_type: int = 1,
        target_id: int | None = None,
    ) -> JSON:
        """An INTERACTION_CREATE payload; the admin gets every permission, others member rights."""
        if permissions is None:
            permissions = ALL_PERMISSIONS if user_id == ADMIN_ID else MEMBER_PERMISSIONS
        member = {**self._member(_user(user_id, f"user{user_id}"), []), "permissions": str(permissions)}
        data: JSON = {"id": str(self.next_id()), "name": name, "type": command_type, "options": options or []}
        if resolved:
            data["resolved"] = resolved
        if target_id is not None:
            data["target_id"] = str(target_id)
        interaction_id = self.next_id()
        return {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "data": data,
            "guild_id": str(GUILD_ID),
            "channel_id": str(channel_id),
            "channel": self.channel(channel_id, "jobs"),
            "member": member,
            "token": f"itoken{interaction_id}",
            "version": 1,
            "app_permissions": str(ALL_PERMISSIONS),
            "locale": "en-US",
            "guild_locale": "en-US",
            "attachment_size_limit": 10 * 1024 * 1024,
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
        }

    async def invoke(self, name: str, options: list[JSON] | None = None, **kwargs: Any) -> JSON:
        payload = self.interaction(name, options, **kwargs)
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    def callbacks(self, interaction: JSON) -> list[Recorded]:
        return self.find("POST", f"/interactions/{interaction['id']}/{interaction['token']}/callback")

    def followups(self, interaction: JSON) -> list[Recorded]:
        token = interaction["token"]
        return [
            r
            for r in self.requests
            if r.path in (f"/webhooks/{APP_ID}/{token}", f"/webhooks/{APP_ID}/{token}/messages/@original")
            and r.method in ("POST", "PATCH")
        ]

    async def wait_callback(self, interaction: JSON, timeout: float = 10.0) -> Recorded:
        found: list[Recorded] = await self.wait_for(lambda: self.callbacks(interaction), timeout)
        return found[0]

    async def wait_followup(self, interaction: JSON, timeout: float = 15.0) -> Recorded:
        found: list[Recorded] = await self.wait_for(lambda: self.followups(interaction), timeout)
        return found[0]

    # -- REST ----------------------------------------------------------------------------------

    async def _attachment(self, request: web.Request) -> web.Response:
        self.downloads.append(request.match_info["name"])
        data = self.attachments.get(request.match_info["name"])
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data, headers={"Content-Type": "application/octet-stream"})

    async def _body(self, request: web.Request) -> Any:
        if request.content_type == "application/json":
            return await request.json()
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            raw = form.get("payload_json")
            return json.loads(str(raw)) if raw is not None else {}
        return None

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body = await self._body(request)
        self.requests.append(Recorded(request.method, path, dict(request.query), body))
        try:
            return self._route(request.method, path, body if isinstance(body, dict) else {}, body, dict(request.query))
        finally:
            await self._notify()

    def _route(self, method: str, path: str, body: JSON, raw_body: Any, query: dict[str, str]) -> web.StreamResponse:
        if path == "/users/@me":
            if self.rejected_token:
                return _json({"message": "401: Unauthorized", "code": 0}, 401)
            return _json(_user(BOT_ID, "jobbot", bot=True))
        if path == "/oauth2/applications/@me":
            return _json(self._application())
        if path in ("/gateway/bot", "/gateway"):
            limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})
        if re.fullmatch(r"/applications/\d+(/guilds/\d+)?/commands", path):
            commands = raw_body if isinstance(raw_body, list) else []
            return _json(
                [
                    {"description": "", **c, "id": str(self.next_id()), "application_id": str(APP_ID), "version": "1"}
                    for c in commands
                ]
            )
        if re.fullmatch(r"/interactions/\d+/[^/]+/callback", path):
            return _json(self._callback(path, body))
        if m := re.fullmatch(r"/webhooks/\d+/[^/]+(/messages/@original)?", path):
            if method == "DELETE":
                return web.Response(status=204)
            return _json(self._sent(body, FEED_CHANNEL_ID))
        if (m := re.fullmatch(r"/channels/(\d+)/messages", path)) and method == "GET":
            return _json(self._logs(int(m.group(1)), query))
        if m := re.fullmatch(r"/channels/(\d+)/messages", path):
            channel_id = int(m.group(1))
            if status := self.channel_errors.get(channel_id):
                return _json({"message": "Missing Access", "code": 50001 if status == 403 else 10003}, status)
            return _json(self._sent(body, channel_id))
        if m := re.fullmatch(r"/channels/(\d+)/messages/(\d+)/reactions/([^/]+)/@me", path):
            self._react(int(m.group(1)), int(m.group(2)), unquote(m.group(3)))
            return web.Response(status=204)
        if m := re.fullmatch(r"/channels/(\d+)/messages/(\d+)/threads", path):
            thread = self.channel(self.next_id(), str(body.get("name", "thread")))
            thread.update(type=11, parent_id=m.group(1), owner_id=str(BOT_ID), message_count=0, member_count=1)
            thread["thread_metadata"] = {
                "archived": False,
                "locked": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": "2024-05-01T12:00:00+00:00",
            }
            return _json(thread)
        if m := re.fullmatch(r"/channels/(\d+)", path):
            return _json(self.channel(int(m.group(1)), "channel"))
        return _json({"message": "404: Not Found", "code": 0}, 404)

    def _callback(self, path: str, body: JSON) -> JSON:
        interaction_id = path.split("/")[2]
        flags = int((body.get("data") or {}).get("flags") or 0)
        return {
            "interaction": {
                "id": interaction_id,
                "type": 2,
                "response_message_loading": body.get("type") == 5,
                "response_message_ephemeral": bool(flags & 64),
            }
        }

    def _sent(self, body: JSON, channel_id: int) -> JSON:
        sent = self.message(str(body.get("content") or ""), channel_id=channel_id, author_id=BOT_ID, bot=True)
        sent["embeds"] = body.get("embeds") or []
        sent["flags"] = int(body.get("flags") or 0)
        sent["webhook_id"] = str(APP_ID)
        return sent

    def _application(self) -> JSON:
        return {
            "id": str(APP_ID),
            "name": "jobbot",
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": _user(ADMIN_ID, "admin"),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "summary": "",
            "rpc_origins": [],
        }
