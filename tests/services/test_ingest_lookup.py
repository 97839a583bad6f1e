"""Services without Discord: ingesting postings, finding them again, delivery claims, resume size."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import UserFacingError
from bot.postings.parse import parse_posting
from bot.services.delivery import claim_deliveries, delivery_failed
from bot.services.ingest import (
    MessageRef,
    Outcome,
    ingest_file,
    ingest_text,
    is_posting_file,
    job_board_link,
    remove_message,
    worth_reading,
)
from bot.services.lookup import choice_name, posting_number, rank_titles, resolve_posting
from bot.services.matching import check_resume_size
from bot.store import PostingTitle, Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BACKEND = (EXAMPLES / "posting-backend-engineer.md").read_text(encoding="utf-8")
NURSE = (EXAMPLES / "posting-icu-nurse.txt").read_text(encoding="utf-8")
GUILD = 10
SETTINGS = Settings(_env_file=None)  # type: ignore[call-arg]


def at(message_id: int, channel_id: int = 20, guild_id: int = GUILD) -> MessageRef:
    return MessageRef(guild_id, channel_id, message_id, 30)


def test_the_cheap_first_look() -> None:
    assert not worth_reading("lol same")
    assert worth_reading("we're hiring https://boards.greenhouse.io/acme/jobs/123")
    assert worth_reading(BACKEND)
    assert job_board_link("see <https://jobs.lever.co/acme/abc-123>.") == "https://jobs.lever.co/acme/abc-123"
    assert job_board_link("https://example.com/blog") is None
    embedded = "https://www.acme.com/careers/?utm=x&gh_jid=4012345"
    assert job_board_link(f"We're hiring: {embedded} (apply soon)") == embedded
    assert job_board_link("https://example.com/?q=gh_jid") is None


def test_posting_files_are_recognised_by_name_or_type() -> None:
    assert is_posting_file("Job.PDF", None)
    assert is_posting_file("posting", "text/html; charset=utf-8")
    assert not is_posting_file("cat.png", "image/png")


async def test_created_updated_duplicate_ignored_removed(store: Store) -> None:
    created = await ingest_text(store, at(1), BACKEND)
    assert created.outcome is Outcome.CREATED and created.stored is not None
    assert (await ingest_text(store, at(1), BACKEND)).outcome is Outcome.UPDATED
    duplicate = await ingest_text(store, at(2), BACKEND)
    assert duplicate.outcome is Outcome.DUPLICATE and duplicate.stored is not None
    assert duplicate.stored.id == created.stored.id
    assert (await ingest_text(store, at(3), "anyone up for lunch? " * 10)).outcome is Outcome.IGNORED
    assert await remove_message(store, GUILD, 1)
    assert await store.postings.get(GUILD, created.stored.id) is None


async def test_an_edit_reparses_even_when_the_text_no_longer_looks_like_a_posting(store: Store) -> None:
    first = await ingest_text(store, at(1), BACKEND)
    filled = "Filled, thanks all! Senior Backend Engineer, Northwind Analytics."
    edited = await ingest_text(store, at(1), filled, force=True)  # the cog forces known postings
    assert edited.outcome is Outcome.UPDATED and edited.stored is not None and first.stored is not None
    assert edited.stored.id == first.stored.id and edited.stored.raw_text == filled


async def test_a_link_to_a_job_on_a_known_board_stores_that_job(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.services import boards

    link = "https://boards.greenhouse.io/acme/jobs/123"
    asked: list[str] = []

    async def resolve(url: str, settings: Settings) -> boards.ResolvedPosting:
        asked.append(url)
        return boards.ResolvedPosting(parse_posting(BACKEND), url, None, None)

    monkeypatch.setattr(boards, "resolve_link", resolve)
    result = await ingest_text(store, at(1), f"we're hiring! {link}", settings=SETTINGS)
    assert asked == [link]
    assert result.outcome is Outcome.CREATED and result.stored is not None
    assert result.stored.url == link and result.stored.title and "Backend" in result.stored.title
    # A long posting that also carries the link is read from the message itself.
    own = await ingest_text(store, at(2), f"{NURSE}\n{link}", settings=SETTINGS)
    assert asked == [link] and own.stored is not None and own.stored.url == link


async def test_postings_are_scoped_to_their_guild(store: Store) -> None:
    await ingest_text(store, at(1, guild_id=GUILD + 1), BACKEND)
    with pytest.raises(UserFacingError, match="No postings have been saved"):
        await resolve_posting(store, GUILD, 20, None)


async def test_resolving_by_number_title_channel_and_guild(store: Store) -> None:
    backend = (await ingest_text(store, at(1, channel_id=20), BACKEND)).stored
    nurse = (await ingest_text(store, at(2, channel_id=21), NURSE)).stored
    assert backend is not None and nurse is not None
    assert (await resolve_posting(store, GUILD, 99, f"#{backend.id}")).id == backend.id
    assert (await resolve_posting(store, GUILD, 99, "backend engineer")).id == backend.id
    assert (await resolve_posting(store, GUILD, 20, None)).id == backend.id  # latest in this channel
    assert (await resolve_posting(store, GUILD, 99, None)).id == nurse.id  # else latest in the guild
    with pytest.raises(UserFacingError, match="No posting in this server matches"):
        await resolve_posting(store, GUILD, 20, "underwater basket weaving")


async def test_an_attached_text_file_is_read_as_a_posting(store: Store) -> None:
    result = await ingest_file(store, at(5), BACKEND.encode("utf-16"), "job.txt", None, SETTINGS)
    assert result.outcome is Outcome.CREATED and result.stored is not None
    assert result.stored.title and "Backend" in result.stored.title


async def test_a_binary_attachment_is_refused_in_one_sentence(store: Store) -> None:
    with pytest.raises(UserFacingError) as refused:
        await ingest_file(store, at(6), bytes(range(256)) * 100, "job.txt", None, SETTINGS)
    assert "\n" not in str(refused.value)


def test_autocomplete_ranking() -> None:
    titles = [
        PostingTitle(3, "ICU Nurse", "St. Mary"),
        PostingTitle(2, "Backend Engineer", "Acme"),
        PostingTitle(1, None, None),
    ]
    assert [t.id for t in rank_titles(titles, "")] == [3, 2, 1]
    assert [t.id for t in rank_titles(titles, "bakend")] == [2]
    assert [t.id for t in rank_titles(titles, "#2")] == [2]
    long = PostingTitle(12345, "Engineer " * 30, "Company " * 10)
    assert len(choice_name(long)) == 100 and choice_name(long).startswith("#12345 ")
    assert posting_number("#12 Backend — Acme") == 12 and posting_number("backend") is None
    assert posting_number(" 12 ") == 12 and posting_number("#12") == 12
    assert posting_number("2025 Graduate Programme") is None  # a title, searched as one


def test_resume_size_is_checked_against_the_setting() -> None:
    check_resume_size(SETTINGS.max_resume_bytes, SETTINGS)
    with pytest.raises(UserFacingError, match="limited to 8 MB"):
        check_resume_size(SETTINGS.max_resume_bytes + 1, SETTINGS)


async def test_deliveries_are_claimed_once_and_given_back_on_a_passing_failure(store: Store) -> None:
    wanted = await store.subscriptions.create(GUILD, 1, channel_id=40, keywords=["python"])
    await store.subscriptions.create(GUILD, 1, channel_id=41, keywords=["nursing"])
    stored = (await ingest_text(store, at(1), BACKEND)).stored
    assert stored is not None
    assert [s.id for s in await claim_deliveries(store, stored)] == [wanted.id]
    assert await claim_deliveries(store, stored) == []
    assert not await delivery_failed(store, wanted, stored.id, permanent=False, reason="500")
    assert [s.id for s in await claim_deliveries(store, stored)] == [wanted.id]
    assert await delivery_failed(store, wanted, stored.id, permanent=True, reason="gone")
    assert not await delivery_failed(store, wanted, stored.id, permanent=True, reason="gone")  # admins told once


async def test_match_reuses_the_guild_index_until_its_postings_change(store: Store) -> None:
    from bot.services import matching

    resume = (EXAMPLES / "resume-sam-lee.md").read_bytes()
    upload = matching.ResumeUpload(resume, "resume.md", "text/markdown")
    await ingest_text(store, at(1), BACKEND)
    await ingest_text(store, at(2), NURSE)
    first = await matching.match_resume(store, GUILD, upload, SETTINGS)
    index = matching._GUILD_INDEXES[GUILD][1]
    assert first[0].posting.fields.title == "Senior Backend Engineer"
    assert first[0].report.score > first[1].report.score
    again = await matching.match_resume(store, GUILD, upload, SETTINGS)
    assert matching._GUILD_INDEXES[GUILD][1] is index  # nothing changed: no rebuild
    assert [(r.posting_id, r.report.score) for r in again] == [(r.posting_id, r.report.score) for r in first]
    await remove_message(store, GUILD, 2)
    after_delete = await matching.match_resume(store, GUILD, upload, SETTINGS)
    assert matching._GUILD_INDEXES[GUILD][1] is not index
    assert [r.posting_id for r in after_delete] == [first[0].posting_id]
