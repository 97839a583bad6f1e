"""/jobbot watch, unwatch, status, settings: outcomes and the Manage Server refusal."""

from __future__ import annotations

from unittest.mock import MagicMock

import discord
import pytest
from discord import app_commands

from cogs.admin import Admin
from cogs.errors import describe_error
from tests.cogs.conftest import ADMIN_ID, CHANNEL_ID, GUILD_ID, InteractionFactory, StandInBot
from tests.cogs.helpers import answer


def text_channel(channel_id: int = CHANNEL_ID) -> MagicMock:
    channel = MagicMock(spec=discord.TextChannel)
    channel.id = channel_id
    channel.mention = f"<#{channel_id}>"
    return channel


async def test_watch_then_watch_again(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Admin(bot)  # type: ignore[arg-type]
    first = interaction(user_id=ADMIN_ID, manage_guild=True)
    await cog.watch.callback(cog, first, text_channel())
    assert "now read" in answer(first)["content"] and answer(first)["ephemeral"]
    assert await bot.store.guilds.watched_channels(GUILD_ID) == [CHANNEL_ID]
    assert ("jobbot_watch_changed", (GUILD_ID,)) in bot.dispatched

    again = interaction(user_id=ADMIN_ID, manage_guild=True)
    await cog.watch.callback(cog, again, text_channel())
    assert "already" in answer(again)["content"]


async def test_unwatch_a_channel_that_is_not_watched(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Admin(bot)  # type: ignore[arg-type]
    inter = interaction(user_id=ADMIN_ID, manage_guild=True)
    await cog.unwatch.callback(cog, inter, text_channel())
    assert "was not reading" in answer(inter)["content"]


async def test_status_of_an_empty_guild(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Admin(bot)  # type: ignore[arg-type]
    inter = interaction(user_id=ADMIN_ID, manage_guild=True)
    await cog.status.callback(cog, inter)
    embed = answer(inter)["embed"]
    values = {f.name: f.value for f in embed.fields}
    assert values["Postings"].startswith("0 saved")
    assert "None yet" in values["Watched channels (0)"]


async def test_settings_switches_to_thread_summaries(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Admin(bot)  # type: ignore[arg-type]
    inter = interaction(user_id=ADMIN_ID, manage_guild=True)
    await cog.settings.callback(cog, inter, "thread", None)
    assert "summary in a thread" in answer(inter)["content"]
    assert (await bot.store.guilds.settings(GUILD_ID)).ack_style == "thread"


@pytest.mark.parametrize("command", ["watch", "unwatch", "status", "settings"])
async def test_members_without_manage_server_are_refused(
    bot: StandInBot, interaction: InteractionFactory, command: str
) -> None:
    cog = Admin(bot)  # type: ignore[arg-type]
    app_command = getattr(cog, command)
    with pytest.raises(app_commands.MissingPermissions) as refused:
        await app_command._check_can_run(interaction(manage_guild=False))
    assert describe_error(refused.value) == "You need the Manage Server permission to use this command."
    assert await app_command._check_can_run(interaction(manage_guild=True))


def test_the_group_is_guild_only_and_hidden_from_members(bot: StandInBot) -> None:
    group = Admin(bot).app_command  # type: ignore[arg-type]
    assert group is not None and group.name == "jobbot" and group.guild_only
    assert group.default_permissions == discord.Permissions(manage_guild=True)


async def test_a_server_that_removes_the_bot_is_forgotten(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Admin(bot)  # type: ignore[arg-type]
    await bot.store.guilds.watch(GUILD_ID, CHANNEL_ID)
    await bot.store.subscriptions.create(GUILD_ID, ADMIN_ID, channel_id=CHANNEL_ID)
    await cog.on_guild_remove(MagicMock(id=GUILD_ID))
    assert await bot.store.guilds.watched_channels(GUILD_ID) == []
    assert await bot.store.subscriptions.for_guild(GUILD_ID) == []


async def test_watch_tells_what_the_bot_lacks_in_the_channel(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Admin(bot)  # type: ignore[arg-type]
    inter = interaction(user_id=ADMIN_ID, manage_guild=True)
    channel = text_channel()
    channel.permissions_for = MagicMock(return_value=discord.Permissions(view_channel=True))
    await cog.watch.callback(cog, inter, channel)
    content = answer(inter)["content"]
    assert content.startswith("I now read job postings")
    assert content.endswith("I need the Read Message History and Add Reactions permissions there to do it.")
    channel.permissions_for.assert_called_once_with(inter.guild.me)

    fine = interaction(user_id=ADMIN_ID, manage_guild=True)
    channel.permissions_for = MagicMock(return_value=discord.Permissions.all())
    await cog.watch.callback(cog, fine, channel)
    assert "I need" not in answer(fine)["content"]
