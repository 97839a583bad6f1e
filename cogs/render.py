"""Sending and formatting helpers shared by the cogs: every message leaves here without pings."""

from __future__ import annotations

from typing import Any

import discord

from bot.postings.model import Posting, PostingFields
from bot.scoring import CATEGORY_LABELS as CATEGORY_LABEL
from bot.scoring import KeywordMatch, MatchReport
from bot.skills.model import Keyword

NO_PINGS = discord.AllowedMentions.none()


async def say(
    interaction: discord.Interaction[Any],
    content: str | None = None,
    *,
    embed: discord.Embed | None = None,
    view: discord.ui.View | None = None,
    ephemeral: bool = True,
) -> None:
    """Answer an interaction: its first response if none was sent yet, a follow-up otherwise."""
    kwargs: dict[str, Any] = {"content": content, "ephemeral": ephemeral, "allowed_mentions": NO_PINGS}
    if embed is not None:
        kwargs["embed"] = embed
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(**kwargs)


# -- embeds ----------------------------------------------------------------------------------------

EMBED_COLOUR = discord.Colour.blurple()
FIELD_LIMIT = 1024
DESCRIPTION_LIMIT = 4000
FIELDS_PER_PAGE = 10
PAGE_CHARS = 3500  # well under Discord's 6,000 characters per embed

CATEGORY_TITLES = {
    "programming_language": "Programming languages",
    "framework": "Frameworks and libraries",
    "database": "Databases",
    "cloud": "Cloud and infrastructure",
    "tool": "Tools",
    "practice": "Practices",
    "domain": "Domain knowledge",
    "soft_skill": "Soft skills",
    "certification": "Certifications",
    "education": "Education",
    "language": "Languages",
    "other": "Other terms",
}


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def posting_label(posting: Posting) -> str:
    """How a posting is named in lists and autocomplete: "Title — Company"."""
    fields = posting.fields
    title = fields.title or "Untitled posting"
    return f"{title} — {fields.company}" if fields.company else title


def _years(fields: PostingFields) -> str | None:
    low, high = fields.years_min, fields.years_max
    if low is None and high is None:
        return None
    if low is not None and high is not None and high != low:
        return f"{low:g}–{high:g} years"
    return f"{(low if low is not None else high):g}+ years"


def facts_line(posting: Posting) -> str:
    """Company · location · workplace · type · seniority · years · salary, whatever the posting says."""
    f = posting.fields
    parts = [
        f.company,
        "; ".join(f.locations) if f.locations else None,
        f.workplace,
        f.employment_type.replace("_", " ") if f.employment_type else None,
        f.seniority,
        _years(f),
        f.salary.describe() if f.salary else None,
    ]
    return " · ".join(p for p in parts if p) or "No company, location or experience stated."


def _keyword_line(keyword: Keyword) -> str:
    tag = {True: "required", False: "preferred"}.get(keyword.required)  # type: ignore[arg-type]
    count = f" ×{keyword.count}" if keyword.count > 1 else ""
    return f"**{keyword.keyword}**{count}" + (f" · {tag}" if tag else "")


def _copy_term(keyword: Keyword) -> str:
    """The wording to paste into a resume: how the posting wrote it most often."""
    if not keyword.mentions:
        return keyword.keyword
    texts = [m.text for m in keyword.mentions]
    return max(dict.fromkeys(texts), key=texts.count)


def _grouped(keywords: tuple[Keyword, ...]) -> list[tuple[str, list[Keyword]]]:
    """Categories with the most required keywords first; required first inside each."""
    groups: dict[str, list[Keyword]] = {}
    for keyword in keywords:
        groups.setdefault(str(keyword.category), []).append(keyword)
    rank = {True: 0, None: 1, False: 2}
    for members in groups.values():
        members.sort(key=lambda k: (rank[k.required], -k.weight, k.keyword.lower()))
    return sorted(
        groups.items(),
        key=lambda item: (-sum(1 for k in item[1] if k.required), -max(k.weight for k in item[1]), item[0]),
    )


def keyword_pages(posting: Posting, *, posting_id: int | None = None) -> list[discord.Embed]:
    """The /jobkeywords answer: fields, then keywords by category, split into pages that fit Discord."""
    header = facts_line(posting)
    chunks: list[tuple[str, str, list[Keyword]]] = []
    for category, members in _grouped(posting.keywords):
        title = f"{CATEGORY_TITLES.get(category, category)} ({len(members)})"
        lines: list[str] = []
        part: list[Keyword] = []
        for keyword in members:
            line = _keyword_line(keyword)
            if sum(len(x) + 1 for x in lines) + len(line) > FIELD_LIMIT - 20:
                chunks.append((title, "\n".join(lines), part))
                lines, part, title = [], [], f"{CATEGORY_TITLES.get(category, category)} (continued)"
            lines.append(line)
            part.append(keyword)
        chunks.append((title, "\n".join(lines), part))

    pages: list[list[tuple[str, str, list[Keyword]]]] = [[]]
    for chunk in chunks:
        page = pages[-1]
        size = sum(len(t) + len(v) for t, v, _ in page)
        if page and (len(page) >= FIELDS_PER_PAGE or size + len(chunk[0]) + len(chunk[1]) > PAGE_CHARS):
            pages.append(page := [])
        page.append(chunk)

    embeds: list[discord.Embed] = []
    for number, page in enumerate(pages, 1):
        terms = ", ".join(dict.fromkeys(_copy_term(k) for _, _, part in page for k in part))
        description = clip(header, 600)
        if terms:
            description += "\n```\n" + clip(terms, DESCRIPTION_LIMIT - len(description) - 20) + "\n```"
        elif not posting.keywords:
            description += "\nI found no skills or qualifications in this posting."
        embed = discord.Embed(title=clip(posting_label(posting), 256), description=description, colour=EMBED_COLOUR)
        for title, value, _ in page:
            embed.add_field(name=clip(title, 256), value=value or "—", inline=False)
        footer = f"{len(posting.keywords)} keywords"
        if posting_id is not None:
            footer += f" · posting #{posting_id}"
        if len(pages) > 1:
            footer += f" · page {number}/{len(pages)}"
        embed.set_footer(text=footer)
        embeds.append(embed)
    return embeds


def _terms(matches: tuple[KeywordMatch, ...], limit: int = 20) -> str:
    names = [m.keyword + ("" if m.status == "matched" else " (partly)") for m in matches[:limit]]
    more = len(matches) - limit
    text = ", ".join(names) + (f" and {more} more" if more > 0 else "")
    return clip(text, FIELD_LIMIT) or "—"


def score_embed(posting: Posting, report: MatchReport, *, posting_id: int | None = None) -> discord.Embed:
    """The /score answer: the score, the category breakdown, matched and missing keywords, advice."""
    embed = discord.Embed(
        title=f"Match score: {report.score}/100",
        description=clip(f"**{posting_label(posting)}**\n{facts_line(posting)}", DESCRIPTION_LIMIT),
        colour=EMBED_COLOUR,
    )
    breakdown = "\n".join(f"{CATEGORY_LABEL.get(c.name, c.name)}: {c.percent}% — {c.detail}" for c in report.categories)
    embed.add_field(name="Breakdown", value=clip(breakdown, FIELD_LIMIT) or "—", inline=False)
    missing_required = tuple(m for m in report.missing if m.required)
    embed.add_field(name=f"Matched ({len(report.matched)})", value=_terms(report.matched), inline=False)
    embed.add_field(name=f"Missing ({len(report.missing)})", value=_terms(report.missing), inline=False)
    if missing_required:
        embed.add_field(name="Missing and required", value=_terms(missing_required, 10), inline=False)
    if report.advice:
        advice = "\n".join(f"• {line}" for line in report.advice[:6])
        embed.add_field(name="Advice", value=clip(advice, FIELD_LIMIT), inline=False)
    footer = f"Method {report.method} · your resume was read in memory and not stored"
    if posting_id is not None:
        footer = f"Posting #{posting_id} · {footer}"
    embed.set_footer(text=footer)
    return embed


def match_embed(ranked: list[tuple[int, Posting, MatchReport]]) -> discord.Embed:
    """The /match answer: the guild's postings best first for one resume."""
    lines = [
        f"{i}. **{report.score}** · {clip(posting_label(posting), 80)} (#{posting_id})"
        for i, (posting_id, posting, report) in enumerate(ranked, 1)
    ]
    embed = discord.Embed(
        title="Best matching postings",
        description=clip("\n".join(lines), DESCRIPTION_LIMIT),
        colour=EMBED_COLOUR,
    )
    embed.set_footer(text="Use /score with a posting number for the details · your resume was not stored")
    return embed


def posting_embed(posting: Posting, *, posting_id: int, link: str | None) -> discord.Embed:
    """A new posting announced to a subscription, or summarised under the shared message."""
    embed = discord.Embed(title=clip(posting_label(posting), 256), url=link, colour=EMBED_COLOUR)
    embed.description = clip(facts_line(posting), DESCRIPTION_LIMIT)
    required = [k.keyword for k in posting.keywords if k.required][:12]
    others = [k.keyword for k in posting.keywords if not k.required][:12]
    if required:
        embed.add_field(name="Required", value=clip(", ".join(required), FIELD_LIMIT), inline=False)
    if others:
        embed.add_field(name="Also mentioned", value=clip(", ".join(others), FIELD_LIMIT), inline=False)
    embed.set_footer(text=f"Posting #{posting_id} · /jobkeywords and /score work with it")
    return embed
