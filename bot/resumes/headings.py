"""Which resume section a line opens, from the many ways people title sections.

A heading is a short line that, once its decoration is removed (Markdown #, bold markers,
trailing colon, letter spacing as in "E X P E R I E N C E"), is a known phrase. Unknown
all-caps or Markdown headings count when they hold a section word; other all-caps lines
(company names, job titles) never open a section.
"""

from __future__ import annotations

import re

_PHRASES: dict[str, tuple[str, ...]] = {
    "contact": (
        "contact",
        "contacts",
        "contact information",
        "contact info",
        "contact details",
        "contact me",
        "contact me at",
        "personal information",
        "personal info",
        "personal details",
        "personal data",
    ),
    "summary": (
        "summary",
        "professional summary",
        "career summary",
        "executive summary",
        "profile",
        "professional profile",
        "career profile",
        "personal profile",
        "about",
        "about me",
        "objective",
        "career objective",
        "objectives",
        "professional objective",
        "overview",
        "personal statement",
        "introduction",
        "summary of qualifications",
        "qualifications summary",
        "highlights",
        "career highlights",
        "professional highlights",
        "who i am",
        "bio",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "relevant experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "professional history",
        "career",
        "professional background",
        "positions held",
        "experience summary",
        "internships",
        "internship",
        "internship experience",
        "work",
        "industry experience",
        "research experience",
        "teaching experience",
        "military experience",
        "relevant work experience",
        "professional work experience",
        "experiences",
        "career experience",
        "job history",
        "previous experience",
        "work and experience",
        "leadership experience",
        "management experience",
        "freelance experience",
        "experience and projects",
        "experience and participated projects",
        "positions",
        "work expirience",
        "expirience",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "key skills",
        "skills summary",
        "areas of expertise",
        "expertise",
        "skills and expertise",
        "technologies",
        "technical proficiencies",
        "tools",
        "tools and technologies",
        "skills and abilities",
        "tech stack",
        "technical stack",
        "programming languages",
        "soft skills",
        "hard skills",
        "skill set",
        "skillset",
        "core skills",
        "technical expertise",
        "strengths",
        "key competencies",
        "computer skills",
        "it skills",
        "technical competencies",
        "tools and tech",
        "professional skills",
        "relevant skills",
        "skills and technologies",
        "technical summary",
        "qualifications and skills",
        "abilities",
        "languages and technologies",
        "technical knowledge",
        "software skills",
        "knowledge",
    ),
    "education": (
        "education",
        "academic background",
        "academic qualifications",
        "education and training",
        "educational background",
        "academics",
        "academic history",
        "qualifications",
        "degrees",
        "education and certifications",
        "education and courses",
        "academic",
        "studies",
        "education and qualifications",
        "academic profile",
        "educational qualifications",
        "schooling",
    ),
    "projects": (
        "projects",
        "personal projects",
        "key projects",
        "selected projects",
        "academic projects",
        "side projects",
        "portfolio",
        "open source",
        "open source contributions",
        "project experience",
        "projects and publications",
        "project examples",
        "relevant projects",
        "implemented projects",
        "notable projects",
        "project highlights",
    ),
    "certifications": (
        "certifications",
        "certificates",
        "certification",
        "licenses",
        "licenses and certifications",
        "certifications and licenses",
        "courses",
        "training",
        "professional development",
        "accreditations",
        "courses and certifications",
        "certifications and courses",
        "trainings",
        "additional training",
        "continuing education",
        "online courses",
    ),
    "other": (
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "achievements",
        "accomplishments",
        "publications",
        "interests",
        "hobbies",
        "hobbies and interests",
        "references",
        "volunteer",
        "volunteering",
        "volunteer experience",
        "languages",
        "spoken languages",
        "activities",
        "extracurricular activities",
        "memberships",
        "affiliations",
        "professional affiliations",
        "additional information",
        "additional",
        "links",
        "presentations",
        "patents",
        "military service",
        "leadership",
        "personal",
        "recommendations",
        "other",
        "miscellaneous",
    ),
}
# Words that make an unknown ALL-CAPS or Markdown heading a section of that kind.
_KIND_WORDS = (
    ("experience", ("experience", "expirience", "employment", "work history", "career")),
    ("skills", ("skill", "competenc", "technolog", "expertise")),
    ("education", ("education", "academic", "degree")),
    ("projects", ("project",)),
    ("certifications", ("certif", "licens", "course")),
    ("summary", ("summary", "profile", "objective")),
)
# Headings that may carry content on the same line ("Skills: Python, SQL"); others with a colon
# ("Technologies: Java") are too common inside job entries to end a section.
_INLINE_KINDS = frozenset({"skills", "education", "summary", "certifications"})
_INLINE_PHRASES = frozenset(
    {
        "skills",
        "technical skills",
        "key skills",
        "core competencies",
        "summary",
        "professional summary",
        "objective",
        "education",
        "certifications",
        "certificates",
        "profile",
    }
)
_MAX_HEADING_CHARS = 60
_MAX_HEADING_WORDS = 6
_LIGATURES = ("ti", "fi", "fl", "ff")  # PDF-to-DOCX converters drop these ("Educaon", "Cerficaons")


def _variants(phrase: str) -> set[str]:
    variants = {phrase}
    for ligature in _LIGATURES:
        variants |= {v.replace(ligature, "") for v in variants}
    return variants


_KIND_OF: dict[str, str] = {
    variant: kind for kind, phrases in _PHRASES.items() for phrase in phrases for variant in _variants(phrase)
}
_MARKDOWN = re.compile(r"^\s*#{1,6}\s+")
_DECORATION = re.compile(r"^[\s*_=#>|•·\-–—:]+|[\s*_=#|•·\-–—:.]+$")
_SPACED_LETTERS = re.compile(r"^(?:\S ){3,}\S(?:(?:\s{2,}|\t)(?:\S )*\S)*$")


def heading_kind(line: str) -> str | None:
    """The section kind `line` opens, or None when it is not a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS + 40:
        return None
    is_markdown = bool(_MARKDOWN.match(stripped))
    first_letter = next((ch for ch in stripped if ch.isalpha()), "")
    if first_letter.islower():
        return None  # a wrapped sentence ending in "...two\npatents", not a heading
    label, tab, _ = stripped.partition("\t")
    if tab and len(label) <= _MAX_HEADING_CHARS:
        # A layout table's label cell beside its content ("Skills<TAB>Kubernetes, Terraform").
        return _KIND_OF.get(_normalized(label))
    head, colon, rest = stripped.partition(":")
    if colon and rest.strip():
        phrase = _normalized(head)
        kind = _KIND_OF.get(phrase)
        if kind in _INLINE_KINDS and phrase in _INLINE_PHRASES:
            return kind
        return None
    if len(stripped) > _MAX_HEADING_CHARS:
        return None
    phrase = _normalized(stripped)
    if not phrase or len(phrase.split()) > _MAX_HEADING_WORDS:
        return None
    kind = _KIND_OF.get(phrase) or _two_column_kind(phrase)
    if kind:
        return kind
    letters = [ch for ch in stripped if ch.isalpha()]
    shouting = len(letters) >= 4 and all(ch.isupper() for ch in letters) and not any(ch.isdigit() for ch in stripped)
    if shouting or is_markdown or _SPACED_LETTERS.match(stripped):
        for kind, words in _KIND_WORDS:
            if any(word in phrase for word in words):
                return kind
        if is_markdown:
            return "other"
    return None


def _normalized(text: str) -> str:
    text = _DECORATION.sub("", text.strip())
    if _SPACED_LETTERS.match(text):
        text = " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}|\t", text))
    text = text.lower().replace("&", " and ").replace("/", " and ")
    text = re.sub(r"[^a-z ]+", " ", text)
    return " ".join(text.split())


def _two_column_kind(phrase: str) -> str | None:
    """'SUMMARY EDUCATION': two headings side by side in a two-column layout; the first wins."""
    words = phrase.split()
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if first in _KIND_OF and second in _KIND_OF:
            return _KIND_OF[first]
    return None
