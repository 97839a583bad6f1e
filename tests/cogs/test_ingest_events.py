"""The ingest cog's gateway paths: raw edits and deletes, restart catch-up, hostile and oversized files."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

import discord
import pytest

from bot.errors import UserFacingError
from bot.store import StoredPosting
from cogs.ingest import Ingest
from tests.cogs.conftest import CHANNEL_ID, EXAMPLES, GUILD_ID, InteractionFactory, StandInBot
from tests.cogs.helpers import attachment, chat_message

BACKEND = (EXAMPLES / "posting-backend-engineer.md").read_text(encoding="utf-8")
ANALYST = (EXAMPLES / "posting-data-analyst.txt").read_text(encoding="utf-8")


async def watched_cog(bot: StandInBot) -> Ingest:
    await bot.store.guilds.watch(GUILD_ID, CHANNEL_ID)
    return Ingest(bot)  # type: ignore[arg-type]


def posted(content: str, **kwargs: object) -> MagicMock:
    return chat_message(content, guild_id=GUILD_ID, channel_id=CHANNEL_ID, **kwargs)  # type: ignore[arg-type]


async def shared_in_chat(bot: StandInBot) -> tuple[Ingest, MagicMock, StoredPosting]:
    """A watched channel where a member just shared the backend posting, and what was stored."""
    cog = await watched_cog(bot)
    message = posted(BACKEND)
    await cog.on_message(message)
    stored = await bot.store.postings.get_by_message(GUILD_ID, message.id)
    assert stored is not None
    return cog, message, stored


def raw_edit(message: MagicMock, content: str) -> MagicMock:
    """What discord.py gives for an edit of a message it never cached."""
    message.content = content
    payload = MagicMock(spec=discord.RawMessageUpdateEvent)
    payload.guild_id, payload.channel_id, payload.message_id = GUILD_ID, CHANNEL_ID, message.id
    payload.data = {"id": str(message.id), "content": content}
    payload.message = message
    return payload


def raw_delete(message_id: int) -> MagicMock:
    payload = MagicMock(spec=discord.RawMessageDeleteEvent)
    payload.guild_id, payload.message_id = GUILD_ID, message_id
    return payload


async def test_an_edit_reparses_and_a_delete_removes_uncached_messages(bot: StandInBot) -> None:
    cog, message, first = await shared_in_chat(bot)

    await cog.on_raw_message_edit(raw_edit(message, ANALYST))
    edited = await bot.store.postings.get_by_message(GUILD_ID, message.id)
    assert edited is not None and edited.id == first.id and edited.raw_text == ANALYST
    assert [e for e, _ in bot.dispatched].count("jobbot_posting_created") == 1  # an edit announces nothing new

    await cog.on_raw_message_delete(raw_delete(message.id))
    assert await bot.store.postings.get(GUILD_ID, first.id) is None


async def test_an_unfurl_or_a_chat_edit_costs_no_parse(bot: StandInBot, monkeypatch: pytest.MonkeyPatch) -> None:
    cog = await watched_cog(bot)
    parse = AsyncMock()
    monkeypatch.setattr("cogs.ingest.ingest_text", parse)
    unfurl = raw_edit(posted("look https://example.com"), "look https://example.com")
    unfurl.data = {"id": "777", "embeds": []}  # Discord added a link preview: no content in the update
    await cog.on_raw_message_edit(unfurl)
    by_bot = raw_edit(posted("x", bot_author=True), BACKEND)
    await cog.on_raw_message_edit(by_bot)
    parse.assert_not_awaited()


async def test_editing_the_caption_of_a_posting_file_keeps_the_file_posting(
    bot: StandInBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    cog = await watched_cog(bot)
    parse = AsyncMock()
    monkeypatch.setattr("cogs.ingest.ingest_text", parse)
    with_file = posted("see attached", attachments=[attachment(BACKEND.encode(), "posting.txt")])
    await cog.on_raw_message_edit(raw_edit(with_file, "see attached (still open)"))
    parse.assert_not_awaited()


async def test_a_bulk_delete_removes_every_posting_among_the_messages(bot: StandInBot) -> None:
    cog, message, stored = await shared_in_chat(bot)
    payload = MagicMock(spec=discord.RawBulkMessageDeleteEvent)
    payload.guild_id, payload.message_ids = GUILD_ID, {message.id, 123456}
    await cog.on_raw_bulk_message_delete(payload)
    assert await bot.store.postings.get(GUILD_ID, stored.id) is None
    assert ("jobbot_postings_changed", (GUILD_ID,)) in bot.dispatched


async def test_catch_up_marks_a_stored_message_without_reading_it_again(
    bot: StandInBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    cog, _, _ = await shared_in_chat(bot)  # stored and marked; then the bot restarts
    again = posted(BACKEND)  # as the channel history returns it, without our reaction (a crash came first)
    parse = AsyncMock()
    monkeypatch.setattr("cogs.ingest.ingest_text", parse)
    await cog._catch_up_message(again)
    parse.assert_not_awaited()
    again.add_reaction.assert_awaited_once_with("✅")

    marked = posted(BACKEND)
    marked.reactions = [MagicMock(me=True, emoji="✅")]
    await cog._catch_up_message(marked)
    marked.add_reaction.assert_not_awaited()


async def test_catch_up_reads_a_message_edited_while_the_bot_was_away(bot: StandInBot) -> None:
    cog, message, stored = await shared_in_chat(bot)
    edited = posted(ANALYST)
    edited.edited_at = discord.utils.utcnow()
    await cog._catch_up_message(edited)
    again = await bot.store.postings.get_by_message(GUILD_ID, message.id)
    assert again is not None and again.id == stored.id and again.raw_text == ANALYST


async def test_a_hostile_posting_file_in_chat_gets_one_sentence_that_pings_no_one(bot: StandInBot) -> None:
    cog = await watched_cog(bot)
    junk = posted("", attachments=[attachment(bytes(range(256)) * 40, "posting.txt")])
    await cog.on_message(junk)
    (call,) = junk.reply.await_args_list
    sentence = call.args[0]
    assert sentence and "\n" not in sentence and "Traceback" not in sentence
    assert call.kwargs["allowed_mentions"].to_dict() == {"parse": []} and call.kwargs["mention_author"] is False
    assert await bot.store.postings.get_by_message(GUILD_ID, junk.id) is None


async def test_save_job_posting_refuses_an_oversized_file_without_downloading(
    bot: StandInBot, interaction: InteractionFactory
) -> None:
    cog = Ingest(bot)  # type: ignore[arg-type]
    big = attachment(b"%PDF-1.4", "posting.pdf", size=500 * 1024 * 1024)
    with pytest.raises(UserFacingError, match="the limit for postings"):
        await cog.save_job_posting(interaction(), posted("", attachments=[big]))
    big.read.assert_not_awaited()


async def test_save_job_posting_on_chat_that_is_not_a_posting_still_saves_it(
    bot: StandInBot, interaction: InteractionFactory
) -> None:
    """Someone asked: detection is skipped, the words are parsed as they are."""
    cog = Ingest(bot)  # type: ignore[arg-type]
    inter = interaction()
    await cog.save_job_posting(inter, posted("Barista wanted at our cafe, weekends, apply in person"))
    assert inter.followup.send.await_args.kwargs["content"].startswith("Saved as posting #")


async def test_thread_summaries_fall_back_to_the_reaction_where_threads_are_forbidden(bot: StandInBot) -> None:
    cog = await watched_cog(bot)
    await bot.store.guilds.set_ack_style(GUILD_ID, "thread")
    message = posted(BACKEND)
    message.create_thread = AsyncMock(side_effect=discord.Forbidden(MagicMock(status=403, reason="no"), "Missing"))
    await cog.on_message(message)
    message.create_thread.assert_awaited_once()
    message.add_reaction.assert_awaited_once_with("✅")


async def test_thread_summaries_post_the_posting_card_without_pings(bot: StandInBot) -> None:
    cog = await watched_cog(bot)
    await bot.store.guilds.set_ack_style(GUILD_ID, "thread")
    message = posted(BACKEND)
    thread = MagicMock(send=AsyncMock())
    message.create_thread = AsyncMock(return_value=thread)
    await cog.on_message(message)
    assert "Backend" in message.create_thread.await_args.kwargs["name"]
    assert thread.send.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}
    message.add_reaction.assert_not_awaited()
