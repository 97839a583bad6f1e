"""Other ways postings arrive: the "Save job posting" menu (no message-content intent needed) and files."""

from __future__ import annotations

import io

import pytest
from docx import Document

from tests.e2e.conftest import BotFactory
from tests.e2e.fake_discord import GENERAL_CHANNEL_ID, GUILD_ID, JOBS_CHANNEL_ID, FakeDiscord
from tests.e2e.helpers import BACKEND_POSTING, NURSE_POSTING, eventually, watch

pytestmark = pytest.mark.e2e

EPHEMERAL = 64


def docx_bytes(text: str) -> bytes:
    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


async def test_save_job_posting_from_the_message_menu_anywhere(fake: FakeDiscord, start_bot: BotFactory) -> None:
    bot = await start_bot()
    target = fake.message(NURSE_POSTING, channel_id=GENERAL_CHANNEL_ID)  # not a watched channel
    interaction = await fake.invoke(
        "Save job posting",
        command_type=3,
        target_id=int(target["id"]),
        resolved={"messages": {target["id"]: target}},
        channel_id=GENERAL_CHANNEL_ID,
    )
    callback = (await fake.wait_callback(interaction)).json()
    assert callback["type"] == 5 and callback["data"]["flags"] & EPHEMERAL
    answer = (await fake.wait_followup(interaction)).json()
    assert answer["content"].startswith("Saved as posting #")
    stored = await bot.store.postings.get_by_message(GUILD_ID, int(target["id"]))
    assert stored is not None and stored.source == "command"
    await fake.wait_request("PUT", f"/channels/{GENERAL_CHANNEL_ID}/messages/{target['id']}/reactions/[^/]+/@me")


def html_bytes(markdown: str) -> bytes:
    """The posting as a saved web page: headings, paragraphs and list items."""
    parts = ["<html><head><title>Careers</title></head><body><nav>Home | Jobs</nav><main>"]
    for line in markdown.splitlines():
        if line.startswith("## "):
            parts.append(f"<h2>{line[3:]}</h2>")
        elif line.startswith("# "):
            parts.append(f"<h1>{line[2:]}</h1>")
        elif line.startswith("- "):
            parts.append(f"<li>{line[2:]}</li>")
        elif line.strip():
            parts.append(f"<p>{line}</p>")
    parts.append("</main></body></html>")
    return "\n".join(parts).encode()


@pytest.mark.parametrize(
    ("filename", "content_type", "make"),
    [
        ("posting.docx", None, docx_bytes),
        ("posting.html", "text/html", lambda t: html_bytes(t)),
        ("posting.txt", "text/plain; charset=utf-8", lambda t: t.encode()),
    ],
)
async def test_an_attached_posting_file_is_read(
    fake: FakeDiscord, start_bot: BotFactory, filename: str, content_type: str | None, make: object
) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    data = make(BACKEND_POSTING)  # type: ignore[operator]
    message = await fake.post_message("", attachments=[fake.attachment(filename, data, content_type)])
    await fake.wait_request("PUT", f"/channels/{JOBS_CHANNEL_ID}/messages/{message['id']}/reactions/[^/]+/@me")
    stored = await bot.store.postings.get_by_message(GUILD_ID, int(message["id"]))
    assert stored is not None and stored.title and "Backend" in stored.title


async def test_an_oversized_posting_file_is_answered_without_downloading(
    fake: FakeDiscord, start_bot: BotFactory
) -> None:
    await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    big = fake.attachment("posting.pdf", b"%PDF-1.4", "application/pdf", size=300 * 1024 * 1024)
    await fake.post_message("see attached", attachments=[big])
    (reply,) = await fake.wait_request("POST", f"/channels/{JOBS_CHANNEL_ID}/messages")
    assert "the limit for postings" in reply.json()["content"]
    assert reply.json()["allowed_mentions"]["parse"] == []
    assert not fake.downloads


async def test_a_hostile_posting_file_gets_one_sentence(fake: FakeDiscord, start_bot: BotFactory) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    junk = fake.attachment("posting.txt", bytes(range(256)) * 40, "text/plain")
    message = await fake.post_message("", attachments=[junk])
    (reply,) = await fake.wait_request("POST", f"/channels/{JOBS_CHANNEL_ID}/messages")
    content = reply.json()["content"]
    assert content and "\n" not in content and "Traceback" not in content  # sent once reading failed
    assert await bot.store.postings.get_by_message(GUILD_ID, int(message["id"])) is None


async def test_a_posting_pasted_twice_is_stored_once(fake: FakeDiscord, start_bot: BotFactory) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    first = await fake.post_message(BACKEND_POSTING)
    second = await fake.post_message(BACKEND_POSTING.replace("## ", "### "))  # same words, other markdown
    for message in (first, second):
        await fake.wait_request("PUT", f"/channels/{JOBS_CHANNEL_ID}/messages/{message['id']}/reactions/[^/]+/@me")
    counts = await eventually(lambda: bot.store.postings.counts(GUILD_ID), lambda c: c.active >= 1)
    assert counts.active == 1
