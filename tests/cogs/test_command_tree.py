"""The command tree as Discord will see it: names, option names, what is required, privacy hints."""

from __future__ import annotations

from collections import Counter
from typing import Any

import discord

from bot.app import EXTENSIONS, JobBot
from bot.config import Settings


async def synced_payload() -> list[dict[str, Any]]:
    async with JobBot(Settings(_env_file=None), serving=False) as bot:  # type: ignore[call-arg]
        for extension in EXTENSIONS:
            await bot.load_extension(extension)
        return [command.to_dict(bot.tree) for command in bot.tree.get_commands(type=None)]  # type: ignore[arg-type]


def options(payload: list[dict[str, Any]], *path: str) -> dict[str, bool]:
    node: dict[str, Any] = next(c for c in payload if c["name"] == path[0])
    for name in path[1:]:
        node = next(o for o in node["options"] if o["name"] == name)
    return {o["name"]: o.get("required", False) for o in node.get("options", [])}


async def test_the_command_contract() -> None:
    payload = await synced_payload()
    names = Counter((c["name"], c.get("type", 1)) for c in payload)
    assert all(count == 1 for count in names.values()), names
    assert options(payload, "jobkeywords") == {"posting": False}
    assert options(payload, "score") == {"resume": True, "posting": False}
    assert options(payload, "match") == {"resume": True}
    assert options(payload, "subscribe") == {
        "channel": True,
        "keywords": False,
        "location": False,
        "remote": False,
        "seniority": False,
        "company": False,
    }
    assert options(payload, "jobbot", "watch") == {"channel": True}
    menu = next(c for c in payload if c["name"] == "Save job posting")
    assert menu["type"] == discord.AppCommandType.message.value
    for name in ("jobkeywords", "score", "match", "Save job posting"):  # postings belong to a server
        command = next(c for c in payload if c["name"] == name)
        assert command.get("contexts") == [0] and command.get("dm_permission") is False


async def test_admin_commands_are_hidden_from_members_by_default() -> None:
    payload = await synced_payload()
    manage_guild = discord.Permissions(manage_guild=True).value
    for name in ("jobbot", "subscribe", "unsubscribe", "subscriptions"):
        command = next(c for c in payload if c["name"] == name)
        assert int(command["default_member_permissions"]) == manage_guild
        assert command.get("contexts") in (None, [0]) and command.get("dm_permission") is False
