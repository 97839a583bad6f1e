"""/jobkeywords, /score and /match with mocked interactions over a real temporary store."""

from __future__ import annotations

from unittest.mock import AsyncMock

import discord
import pytest
from discord import app_commands

from bot.errors import UserFacingError
from bot.postings.parse import parse_posting
from bot.store import Store
from cogs.keywords import Keywords, Pager
from cogs.score import SCORE_RATE, Score
from tests.cogs.conftest import CHANNEL_ID, EXAMPLES, GUILD_ID, InteractionFactory, StandInBot
from tests.cogs.helpers import answer, attachment

BACKEND = (EXAMPLES / "posting-backend-engineer.md").read_text(encoding="utf-8")
ANALYST = (EXAMPLES / "posting-data-analyst.txt").read_text(encoding="utf-8")
RESUME = (EXAMPLES / "resume-sam-lee.md").read_bytes()


async def save(store: Store, text: str, message_id: int, guild_id: int = GUILD_ID) -> int:
    stored, _ = await store.postings.save_posting(
        guild_id, parse_posting(text), source="chat", channel_id=CHANNEL_ID, message_id=message_id
    )
    return stored.id


async def test_jobkeywords_in_a_guild_without_postings(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Keywords(bot)  # type: ignore[arg-type]
    inter = interaction()
    with pytest.raises(UserFacingError, match="No postings have been saved"):
        await cog.jobkeywords.callback(cog, inter, None)
    inter.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)


async def test_jobkeywords_for_an_unknown_posting(bot: StandInBot, interaction: InteractionFactory) -> None:
    await save(bot.store, BACKEND, 1)
    cog = Keywords(bot)  # type: ignore[arg-type]
    with pytest.raises(UserFacingError, match="no posting #999"):
        await cog.jobkeywords.callback(cog, interaction(), "#999")


async def test_jobkeywords_never_shows_another_guilds_posting(bot: StandInBot, interaction: InteractionFactory) -> None:
    other = await save(bot.store, BACKEND, 1, guild_id=GUILD_ID + 1)
    cog = Keywords(bot)  # type: ignore[arg-type]
    with pytest.raises(UserFacingError, match=f"no posting #{other}"):
        await cog.jobkeywords.callback(cog, interaction(), f"#{other}")


async def test_jobkeywords_shows_fields_and_keywords_not_the_text(
    bot: StandInBot, interaction: InteractionFactory
) -> None:
    posting_id = await save(bot.store, BACKEND, 1)
    await save(bot.store, ANALYST, 2)
    cog = Keywords(bot)  # type: ignore[arg-type]
    inter = interaction()
    await cog.jobkeywords.callback(cog, inter, "backend engineer")  # a typed title, not a choice
    sent = answer(inter)
    embed = sent["embed"]
    assert "Northwind" in embed.description and f"posting #{posting_id}" in embed.footer.text
    required_first = embed.fields[0].value.splitlines()[0]
    assert "required" in required_first
    assert "forecasting software" not in str(embed.to_dict())  # the posting's prose is not echoed
    assert sent["ephemeral"] and sent["allowed_mentions"].everyone is False


async def test_autocomplete_offers_at_most_25_short_choices(bot: StandInBot, interaction: InteractionFactory) -> None:
    for n in range(30):
        await save(
            bot.store,
            BACKEND.replace(
                "Senior Backend Engineer", f"Backend Engineer {n}, Payments Platform and Developer Tooling"
            ),
            n + 1,
        )
    cog = Keywords(bot)  # type: ignore[arg-type]
    choices = await cog.posting_autocomplete(interaction(), "backend")
    assert 1 <= len(choices) <= 25 and all(len(c.name) <= 100 for c in choices)
    assert all(c.value.startswith("#") for c in choices)


async def test_long_keyword_lists_are_paginated_for_the_asker_only(
    bot: StandInBot, interaction: InteractionFactory
) -> None:
    pages = [object(), object(), object()]
    pager = Pager(pages, owner_id=5)  # type: ignore[arg-type]
    assert pager.previous.disabled and not pager.next.disabled
    stranger = interaction(user_id=6)
    assert not await pager.interaction_check(stranger)
    assert answer(stranger)["ephemeral"]
    owner = interaction(user_id=5)
    assert await pager.interaction_check(owner)
    await pager._show(owner, +1)
    assert pager.index == 1 and not pager.previous.disabled
    assert owner.response.edit_message.await_args.kwargs["embed"] is pages[1]
    assert owner.response.edit_message.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}


async def test_score_refuses_an_oversized_resume_before_downloading(
    bot: StandInBot, interaction: InteractionFactory
) -> None:
    await save(bot.store, BACKEND, 1)
    cog = Score(bot)  # type: ignore[arg-type]
    inter = interaction()
    resume = attachment(b"x", "resume.pdf", size=50 * 1024 * 1024)
    with pytest.raises(UserFacingError, match="limited to 8 MB"):
        await cog.score.callback(cog, inter, resume, None)
    inter.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    resume.read.assert_not_awaited()


async def test_score_with_a_file_that_is_not_a_resume(bot: StandInBot, interaction: InteractionFactory) -> None:
    await save(bot.store, BACKEND, 1)
    cog = Score(bot)  # type: ignore[arg-type]
    with pytest.raises(UserFacingError) as refused:
        await cog.score.callback(cog, interaction(), attachment(b"\x00\x01\x02" * 500, "resume.pdf"), None)
    assert "\n" not in str(refused.value)


async def test_score_answers_privately_with_the_report(bot: StandInBot, interaction: InteractionFactory) -> None:
    posting_id = await save(bot.store, BACKEND, 1)
    cog = Score(bot)  # type: ignore[arg-type]
    inter = interaction()
    await cog.score.callback(cog, inter, attachment(RESUME), None)
    sent = answer(inter)
    assert sent["ephemeral"]
    embed = sent["embed"]
    assert embed.title.startswith("Match score: ") and f"Posting #{posting_id}" in embed.footer.text
    inter.followup.send.assert_awaited_once()  # answered after the defer


async def test_score_for_an_unknown_posting(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Score(bot)  # type: ignore[arg-type]
    with pytest.raises(UserFacingError, match="no posting #42"):
        await cog.score.callback(cog, interaction(), attachment(RESUME), "42")


async def test_match_in_an_empty_guild(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Score(bot)  # type: ignore[arg-type]
    with pytest.raises(UserFacingError, match="nothing to match"):
        await cog.match.callback(cog, interaction(), attachment(RESUME))


async def test_match_ranks_best_first(bot: StandInBot, interaction: InteractionFactory) -> None:
    await save(bot.store, BACKEND, 1)
    await save(bot.store, ANALYST, 2)
    cog = Score(bot)  # type: ignore[arg-type]
    inter = interaction()
    await cog.match.callback(cog, inter, attachment(RESUME))
    lines = answer(inter)["embed"].description.splitlines()
    scores = [int(line.split("**")[1]) for line in lines]
    assert len(lines) == 2 and scores == sorted(scores, reverse=True)


async def test_score_has_a_per_member_cooldown(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Score(bot)  # type: ignore[arg-type]
    member, other = interaction(user_id=5), interaction(user_id=6)
    for _ in range(SCORE_RATE):
        assert await cog.score._check_can_run(member)
    with pytest.raises(app_commands.CommandOnCooldown):
        await cog.score._check_can_run(member)
    assert await cog.score._check_can_run(other)  # another member is not slowed down


@pytest.mark.parametrize("command", ["score", "match"])
async def test_oversized_and_unreadable_resumes_are_refused_by_both_commands(
    bot: StandInBot, interaction: InteractionFactory, command: str
) -> None:
    await save(bot.store, BACKEND, 1)
    cog = Score(bot)  # type: ignore[arg-type]

    async def run(resume: object) -> None:
        app_command = getattr(cog, command)
        args = (resume, None) if command == "score" else (resume,)
        await app_command.callback(cog, interaction(), *args)

    huge = attachment(b"x", "resume.pdf", size=9 * 1024 * 1024)
    with pytest.raises(UserFacingError, match=r"limited to 8 MB\.$"):
        await run(huge)
    huge.read.assert_not_awaited()
    with pytest.raises(UserFacingError) as refused:
        await run(attachment(b"%PDF-1.7\n" + bytes(range(256)) * 64, "resume.pdf"))
    assert "\n" not in str(refused.value) and str(refused.value).endswith(".")


async def test_score_in_a_guild_without_postings(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Score(bot)  # type: ignore[arg-type]
    resume = attachment(RESUME)
    with pytest.raises(UserFacingError, match="No postings have been saved in this server yet"):
        await cog.score.callback(cog, interaction(), resume, None)


async def test_page_buttons_are_taken_away_when_they_time_out(interaction: InteractionFactory) -> None:
    pager = Pager([object(), object()], owner_id=5)  # type: ignore[list-item]
    await pager.on_timeout()  # never shown: nothing to edit, no error
    asked = interaction(user_id=5)
    asked.edit_original_response = AsyncMock()
    pager.answered = asked
    await pager.on_timeout()
    asked.edit_original_response.assert_awaited_once_with(view=None)


async def test_a_long_answer_comes_with_page_buttons_for_the_asker(
    bot: StandInBot, interaction: InteractionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    await save(bot.store, BACKEND, 1)
    pages = [discord.Embed(title=f"page {n}") for n in (1, 2, 3)]
    monkeypatch.setattr("cogs.keywords.keyword_pages", lambda posting, posting_id: pages)
    cog = Keywords(bot)  # type: ignore[arg-type]
    inter = interaction(user_id=9)
    await cog.jobkeywords.callback(cog, inter, None)
    sent = answer(inter)
    view = sent["view"]
    assert sent["embed"] is pages[0] and isinstance(view, Pager)
    assert view.owner_id == 9 and view.answered is inter
