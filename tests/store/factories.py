"""Hand-built postings for store tests, so they do not depend on the parser's current output."""

from __future__ import annotations

from bot.postings.model import CleanText, Education, Posting, PostingFields, Salary, Section, SectionKind
from bot.skills.model import Category, Keyword, Mention


def make_posting(
    text: str = "Senior Python Engineer at Acme. Required: Python, PostgreSQL. Remote in Berlin.",
    *,
    title: str | None = "Senior Python Engineer",
    company: str | None = "Acme",
    locations: tuple[str, ...] = ("Berlin, Germany",),
    workplace: str | None = "remote",
    seniority: str | None = "senior",
    keywords: tuple[str, ...] = ("Python", "PostgreSQL"),
) -> Posting:
    """A posting whose keywords are found in `text` by plain search (the first occurrence)."""
    found = []
    for name in keywords:
        start = max(text.find(name), 0)
        mention = Mention(start, start + len(name), name, str(SectionKind.REQUIRED))
        found.append(Keyword(name, Category.PROGRAMMING_LANGUAGE, 0.8, True, (mention,), parents=()))
    return Posting(
        raw=text,
        clean=CleanText.identity(text),
        sections=(Section(SectionKind.REQUIRED, 0, len(text), "Required"),),
        fields=PostingFields(
            title=title,
            company=company,
            locations=locations,
            workplace=workplace,
            employment_type="full_time",
            seniority=seniority,
            years_min=3.0,
            years_max=None,
            salary=Salary(70000.0, 90000.0, "EUR", "year"),
            education=Education("bachelor", ("Computer Science",), False),
        ),
        keywords=tuple(found),
    )
