"""JobBot: the discord.py client, its start-up, shutdown and command sync.

The bot itself holds no feature logic: `setup_hook` opens the store and loads the cogs, each cog is
thin over `bot.services`. `run_bot` is what `jobbot run` blocks in; `sync_commands` is `jobbot sync`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import signal
import sys
import time
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
import yarl
from discord.ext import commands

from bot.errors import ConfigurationError, UserFacingError

if TYPE_CHECKING:
    from pydantic import SecretStr

    from bot.config import Settings
    from bot.store import Store

log = logging.getLogger(__name__)

# Loaded in this order by setup_hook; each is a thin cog over bot.services.
EXTENSIONS: tuple[str, ...] = (
    "cogs.errors",
    "cogs.admin",
    "cogs.ingest",
    "cogs.keywords",
    "cogs.score",
    "cogs.subscriptions",
    "cogs.boards",  # after cogs.admin: adds follow/unfollow/boards to its /jobbot group
)

SHUTDOWN_SECONDS = 8.0  # SIGTERM → gateway and store closed well within the 10 s a supervisor waits
GUILD_READY_TIMEOUT = 2.0


def bot_intents() -> discord.Intents:
    """Only what the features need: guild structure, guild messages and their content."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = True
    return intents


class _GatewayOverride:
    """Wraps `HTTPClient.ws_connect` so every gateway connection goes to the configured URL.

    discord.py picks the gateway URL in several places (GET /gateway/bot, the `resume_gateway_url`
    of READY, its default after an invalid session); rewriting at the single connect point keeps
    a REST/gateway proxy (or the fake Discord of the tests) in the path for all of them.
    """

    def __init__(self, connect: Any, gateway: yarl.URL) -> None:
        self._connect = connect
        self._gateway = gateway

    async def __call__(self, url: str, *, compress: int = 0) -> aiohttp.ClientWebSocketResponse:
        target = self._gateway.with_query(yarl.URL(url).query)
        result: aiohttp.ClientWebSocketResponse = await self._connect(str(target), compress=compress)
        return result


def point_at_discord(settings: Settings, http: discord.http.HTTPClient) -> None:
    """Honour JOBBOT_DISCORD_API_BASE (REST, interaction callbacks, follow-ups) and the gateway URL."""
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway_url:
        gateway = yarl.URL(settings.discord_gateway_url)
        setattr(http, "ws_connect", _GatewayOverride(http.ws_connect, gateway))  # noqa: B010


class JobBot(commands.AutoShardedBot):
    """The Discord face of jobbot.

    `serving=False` builds the bot for `jobbot sync` only: commands are registered, no database opened.
    """

    def __init__(self, settings: Settings, *, serving: bool = True, guild_ready_timeout: float = GUILD_READY_TIMEOUT):
        # jobbot never joins voice: skip discord.py's start-up warnings about voice libraries.
        discord.VoiceClient.warn_nacl = False
        discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=guild_ready_timeout,
            max_messages=None,  # raw edit/delete events carry what ingest needs: no message cache
        )
        self.settings = settings
        self.serving = serving
        self._store: Store | None = None
        self.started_at = time.time()
        point_at_discord(settings, self.http)

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is not open (the bot was not started with serving=True)")
        return self._store

    async def setup_hook(self) -> None:
        if self.serving:
            from bot.services.ingest import warm_up
            from bot.store import open_store

            self._store = await open_store(self.settings.database)
            log.info("store opened", extra={"database": str(self.settings.database)})
            await asyncio.to_thread(warm_up)
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        if self.serving:
            # The taxonomy and parser tables live for the whole process: move them out of the
            # collector's sight, or every full collection walks them and stalls the gateway
            # (hundreds of ms under a chat flood; see bench/bench_discord.py).
            gc.collect()
            gc.freeze()
        if self.serving and self.settings.sync_on_start:
            try:
                count = await self.sync_app_commands(self.settings.dev_guild_id)
                log.info("commands synced on start", extra={"count": count, "guild": self.settings.dev_guild_id})
            except discord.HTTPException as exc:
                log.error("command sync failed", extra={"status": exc.status, "error": exc.text})

    async def sync_app_commands(self, guild_id: int | None) -> int:
        """Register the slash commands: in one guild (instant, for development) or globally."""
        if guild_id is not None:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            return len(await self.tree.sync(guild=guild))
        return len(await self.tree.sync())

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: skip discord.ext's per-message command parsing (ingest listens itself)."""

    async def on_ready(self) -> None:
        log.info("connected", extra={"guilds": len(self.guilds), "shards": self.shard_count})

    async def close(self) -> None:
        try:
            await super().close()
        finally:  # also when closing the gateway was cut short: the database is closed cleanly
            if self._store is not None:
                store, self._store = self._store, None
                await store.close()
                log.info("store closed")


# -- logging -------------------------------------------------------------------------------------

_STANDARD_RECORD_KEYS = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line (time, level, logger, message, and any `extra=` fields)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD_RECORD_KEYS and not key.startswith("_"):
                entry[key] = value if isinstance(value, int | float | str | bool | None) else str(value)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class RedactingHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to stderr with a secret (the token) removed from every line, whatever logged it."""

    def __init__(self, secret: str) -> None:
        super().__init__(sys.stderr)
        self._secret = secret

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text.replace(self._secret, "[redacted]") if self._secret else text


def configure_logging(level: str, secret: str) -> None:
    handler = RedactingHandler(secret)
    handler.setFormatter(JsonLogFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("discord").setLevel(max(logging.INFO, root.level))


# -- entry points (the CLI) ------------------------------------------------------------------------


def _token(settings: Settings) -> str:
    secret: SecretStr | None = settings.discord_token
    token = secret.get_secret_value().strip() if secret is not None else ""
    if not token:
        raise ConfigurationError("JOBBOT_DISCORD_TOKEN is not set: put the bot token in the environment or in .env.")
    return token


async def _serve(bot: JobBot, token: str) -> int:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    runner = asyncio.create_task(bot.start(token))
    stopper = asyncio.create_task(stop.wait())
    try:
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if stopper not in done:
            await runner  # the bot stopped by itself: raises what stopped it, if anything
            return 0
        log.info("shutting down")
        await _close_within(bot, SHUTDOWN_SECONDS)
        # Whatever the connection raises while it is being closed is no error of the shutdown.
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(runner, 1.0)
        return 0
    except discord.LoginFailure:
        raise ConfigurationError("Discord rejected JOBBOT_DISCORD_TOKEN: check the token of your bot.") from None
    except discord.PrivilegedIntentsRequired:
        raise ConfigurationError(
            "Discord refused the message content intent: enable it for the bot in the Developer Portal."
        ) from None
    except discord.DiscordException as exc:  # e.g. the gateway closed for good, an HTTP error logging in
        log.error("discord stopped the bot", exc_info=exc)
        raise ConfigurationError(f"Discord stopped the bot ({type(exc).__name__}); the log has the details.") from None
    finally:
        stopper.cancel()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        if not bot.is_closed():
            await _close_within(bot, SHUTDOWN_SECONDS)


async def _close_within(bot: JobBot, seconds: float) -> None:
    """Close the gateway and the store, giving up after `seconds` (a supervisor waits 10 s)."""
    try:
        await asyncio.wait_for(bot.close(), seconds)
    except TimeoutError:
        log.error("shutdown timed out")


def run_bot(settings: Settings) -> int:
    """`jobbot run`: block until SIGTERM/SIGINT, then close the gateway and the store cleanly."""
    token = _token(settings)
    configure_logging(settings.log_level, token)
    try:
        return asyncio.run(_serve(JobBot(settings), token))
    except UserFacingError:
        raise
    except (OSError, aiohttp.ClientError) as exc:
        raise ConfigurationError(f"Cannot reach Discord ({type(exc).__name__}).") from None


async def sync_commands(settings: Settings, guild_id: int | None) -> int:
    """`jobbot sync [--guild ID]`: register the slash commands without connecting to the gateway."""
    token = _token(settings)
    target = guild_id if guild_id is not None else settings.dev_guild_id
    async with JobBot(settings, serving=False) as bot:
        try:
            await bot.login(token)
        except discord.LoginFailure:
            raise ConfigurationError("Discord rejected JOBBOT_DISCORD_TOKEN: check the token of your bot.") from None
        count = await bot.sync_app_commands(target)
    where = f"to guild {target}" if target is not None else "globally (may take up to an hour to appear)"
    print(f"Synced {count} commands {where}.")
    return 0
