"""Embeds always fit Discord's limits, whatever the posting holds."""

from __future__ import annotations

import discord

from bot.postings.model import CleanText, Posting, PostingFields, Salary
from bot.skills.model import Category, Keyword, Mention
from cogs.render import keyword_pages, posting_embed

EMBED_LIMIT = 6000


def posting_with(keywords: int, name_length: int = 12) -> Posting:
    categories = list(Category)
    made = tuple(
        Keyword(
            keyword=f"Skill{n:03d}" + "x" * name_length,
            category=categories[n % len(categories)],
            weight=1 - n / (keywords + 1),
            required=(True, False, None)[n % 3],
            mentions=tuple(Mention(n, n + 5, f"skill{n}", "required") for _ in range(1 + n % 4)),
        )
        for n in range(keywords)
    )
    fields = PostingFields(
        title="T" * 400,
        company="Acme",
        locations=("Berlin", "Remote"),
        years_min=3,
        salary=Salary(70000, 90000, "EUR", "year"),
    )
    return Posting(raw="", clean=CleanText.identity(""), sections=(), fields=fields, keywords=made)


def fits(embed: discord.Embed) -> bool:
    return (
        len(embed) <= EMBED_LIMIT
        and len(embed.fields) <= 25
        and all(len(f.value or "") <= 1024 and len(f.name or "") <= 256 for f in embed.fields)
        and len(embed.title or "") <= 256
        and len(embed.description or "") <= 4096
    )


def test_a_huge_keyword_list_is_split_into_pages_that_fit() -> None:
    pages = keyword_pages(posting_with(400, name_length=60), posting_id=7)
    assert len(pages) > 1 and all(fits(page) for page in pages)
    shown = sum(len((f.value or "").splitlines()) for page in pages for f in page.fields)
    assert shown == 400  # every keyword appears once
    assert pages[0].footer.text and pages[0].footer.text.endswith(f"page 1/{len(pages)}")


def test_a_small_posting_is_one_page_with_required_first_and_counts() -> None:
    (page,) = keyword_pages(posting_with(6), posting_id=1)
    assert fits(page)
    first = page.fields[0]
    assert first.value and first.value.splitlines()[0].endswith("· required")
    assert "×" in "".join(f.value or "" for f in page.fields)
    assert page.description and "70,000–90,000 EUR a year" in page.description and "```" in page.description


def test_a_posting_without_keywords_says_so() -> None:
    (page,) = keyword_pages(posting_with(0))
    assert page.description and "no skills or qualifications" in page.description


def test_the_announcement_fits_and_links_to_the_message() -> None:
    embed = posting_embed(posting_with(300, name_length=80), posting_id=3, link="https://discord.com/channels/1/2/3")
    assert fits(embed) and embed.url == "https://discord.com/channels/1/2/3"
