"""Whether a taxonomy match counts as a keyword mention, and how strongly it states a requirement.

Three rules (FORMAT.md describes the `context=` options):
- an ambiguous name (`context=code|tool`: "Go", "R", "Excel", "Word") counts only next to other
  technologies or programming/tool words in its sentence;
- a generic term (a soft skill, a degree, a spoken language, or a practice/domain written as one
  ordinary word such as "teaching") counts only where the posting asks for it, because company
  blurbs use the same words ("our teaching environment", "a Danish company");
- a mention in the header, the company blurb, a team or role name ("our DevOps team") or a sentence
  about the company does not state a requirement; such mentions are used only for a term the
  posting states nowhere else.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from bot.postings.model import Section, SectionKind
from bot.skills.matcher import Match, lower_keep_offsets
from bot.skills.model import Category
from bot.skills.sentences import Sentences
from bot.skills.taxonomy import Context

# How far around an ambiguous name its context is looked for, within its sentence.
CONTEXT_WINDOW = 70
# A line of at most this many words that holds a generic term is a list item ("Scrum", "Teaching").
SHORT_LINE_WORDS = 3
TAG_LINE_WORDS = (3, 15)
SKILL_LIST_COVERAGE = 0.7
_SENTENCE_MARKS = ".!?;:,"  # a sentence mark before whitespace or at the end of a line
_NOT_ALNUM_ASCII = bytes(b for b in range(128) if not chr(b).isalnum())

_CODE_CUES = re.compile(
    r"\b(?:programming|program|languages?|coding|code|codebase|written in|developers?|development|develop"
    r"|software|scripting|scripts?|compil\w*|frameworks?|librar(?:y|ies)|stack|back-?end|front-?end|full-?stack"
    r"|engineer\w*|sdks?|apis?|experience (?:in|with)|proficien\w*|knowledge of|familiar\w*|skills? in"
    r"|technolog\w*|tech|runtime|syntax|configuration|automation|infrastructure|devops|deploy\w*|provisioning"
    r"|pipelines?|servers?|cloud)\b",
    re.IGNORECASE,
)
_TOOL_CUES = re.compile(
    r"\b(?:microsoft|ms|office|suite|software|tools?|tooling|spreadsheets?|proficien\w*|experience (?:in|with|using)"
    r"|knowledge of|skills? in|skilled in|familiar\w*|use of|packages?|documents?|documentation|charting|ehr|emr|erp"
    r"|crm|presentations?|reports?|email)\b",
    re.IGNORECASE,
)
# A role or team named after the term: "DevOps engineers", "our Java practice", "Frontend Developer".
_ROLE_AFTER = re.compile(
    r"[ \t-]*(?:engineers?|developers?|managers?|architects?|consultants?|specialists?|analysts?|administrators?"
    r"|leads?|team|teams|community|squad|department|experts?|designers?|programmers?|scientists?|testers?"
    r"|officers?|directors?|coordinators?|technicians?|evangelists?|champions?|practice|guild|chapter"
    r"|professionals?|partners?|supporters?|representatives?|assistants?|associates?|advisors?|recruiters?)\b"
)
# An organisational noun after a practice, domain or field names a unit, process or perk of the employer
# ("our HR team", "the Recruitment Committee", "education budget", "R&D unit"), not a skill.
_ORG_AFTER = re.compile(
    r"[ \t-]*(?:teams?|committees?|department|division|unit|colleagues|staff|personnel|budgets?|grants?"
    r"|verification|discounts?|portal|recruiters?|agenc(?:y|ies)|offices?|hubs?|organi[sz]ation|funded|backed|insurance)\b"
)
# A degree that names a programme or its people rather than a requirement ("the PhD programme", "PhD students").
_PROGRAMME_AFTER = re.compile(
    r"[ \t-]*(?:programmes?|programs?|students?|regulations|thesis|theses|scholarships?|fellows?|fellowships?"
    r"|courses?|supervision|school|candidates?|level courses)\b"
)
# Words before a role name that make it the job itself ("we are looking for a DevOps Engineer").
_THE_JOB_BEFORE = re.compile(
    r"\b(?:as an?|looking for an?|seeking an?|hiring an?|searching for an?|join us as an?|you are an?|you will be an?"
    r"|become an?|role of|position of|looking for|seeking|hiring)"
    r"(?:\s+(?:experienced|senior|junior|lead|principal|staff|talented|skilled|passionate|motivated|new|mid-level"
    r"|full-time|part-time|trusted))*\s+$"
)
_HIRING = re.compile(r"\b(?:looking for|seeking|hiring|searching for|join us|recruiting|need an?)\b")
# A spoken language as a skill, not an adjective ("Danish law", "a Danish company").
_LANGUAGE_CUE = re.compile(
    r"fluen|speak|spoken|written|writing|verbal|oral|language|native|mother tongue|proficien|command of|skills?\b"
    r"|knowledge|level|read|bilingual|communicat|\b[abc][12]\b|business|working|conversational|understand"
)
_TECH = frozenset({Category.PROGRAMMING_LANGUAGE, Category.FRAMEWORK, Category.DATABASE, Category.CLOUD, Category.TOOL})
_GENERIC_CATEGORIES = frozenset(
    {Category.PRACTICE, Category.DOMAIN, Category.SOFT_SKILL, Category.EDUCATION, Category.LANGUAGE}
)
# Capitalised anyway ("Danish", "Finance", "PhD"): a capital says nothing about being a name here.
_NAMES_A_UNIT = frozenset({Category.PRACTICE, Category.DOMAIN, Category.EDUCATION})
# The categories `_not_a_skill_here` can reject.
_UNIT_OR_LANGUAGE = _NAMES_A_UNIT | {Category.LANGUAGE}
_ALWAYS_GENERIC = frozenset({Category.SOFT_SKILL, Category.EDUCATION, Category.LANGUAGE})
_ASKING_SECTIONS = frozenset({SectionKind.REQUIRED, SectionKind.PREFERRED})
_NOT_ABOUT_THE_CANDIDATE = frozenset(
    {
        SectionKind.ABOUT,
        SectionKind.BENEFITS,
        SectionKind.EEO,
        SectionKind.APPLY,
        SectionKind.CHROME,
    }
)
_SECONDARY_SECTIONS = frozenset({SectionKind.HEADER, SectionKind.ABOUT})
# Enum members the per-match code compares with, as module names: `SectionKind.ABOUT` is a class attribute
# lookup that costs several times a global's.
_ABOUT, _HEADER, _OTHER = SectionKind.ABOUT, SectionKind.HEADER, SectionKind.OTHER
_LANGUAGE, _EDUCATION = Category.LANGUAGE, Category.EDUCATION
_SKILL, _CODE = Context.SKILL, Context.CODE
_AMBIGUOUS = frozenset({Context.CODE, Context.TOOL})


class SectionIndex:
    """The section kind at any clean-text offset (text outside every section is OTHER)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self._sections = sorted(sections, key=lambda s: (s.start, s.end))
        self._starts = [s.start for s in self._sections]

    def kind_at(self, offset: int) -> SectionKind:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._sections[i].end:
            return self._sections[i].kind
        return _OTHER


def _line(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end >= 0 else len(text)]


def asked_for(text: str, sentences: Sentences, match: Match, kind: SectionKind, skill_list: bool = False) -> bool:
    """Whether the posting asks the candidate for this term (rather than describing itself with it).

    `skill_list`: the term stands on a line made of taxonomy names ("Consulting Information Technology").
    """
    sentence = sentences.at(match.start)
    if sentence.opens_as_company and not sentence.to_candidate:
        return False  # "We offer flexible hours", even when it trails a requirement list
    if kind in _ASKING_SECTIONS:
        return True
    if kind in _NOT_ABOUT_THE_CANDIDATE:
        return False
    if skill_list or sentences.asks_for(match.start, match.end):  # the cheap test first
        return True
    line = _line(text, match.start, match.end)
    return _short(line) or looks_like_tag_line(line)


def _short(line: str) -> bool:
    """At most SHORT_LINE_WORDS words; splits no further than needed to tell."""
    return len(line.split(None, SHORT_LINE_WORDS)) <= SHORT_LINE_WORDS


def skill_list_lines(text: str, matches: Sequence[Match]) -> set[int]:
    """Start offsets of lines that are lists of taxonomy names: taxonomy names cover most of their
    letters and they hold no sentence ("Consulting Information Technology IT Consulting")."""
    return _skill_list_lines(text, matches, _line_starts(text, matches))


def _line_starts(text: str, matches: Sequence[Match]) -> list[int]:
    """The start offset of each match's line."""
    return [text.rfind("\n", 0, m.start) + 1 for m in matches]


def _skill_list_lines(text: str, matches: Sequence[Match], line_starts: Sequence[int]) -> set[int]:
    """`skill_list_lines`, given each match's line start. Only lines with two names or more and no sentence
    mark get their letters counted."""
    lines = set()
    for start, count in Counter(line_starts).items():
        if count < 2:
            continue
        line = _line(text, start, start)
        if _has_sentence_mark(line):
            continue
        names = "".join([text[m.start : m.end] for m, at in zip(matches, line_starts, strict=True) if at == start])
        if _letters(names) >= SKILL_LIST_COVERAGE * _letters(line):
            lines.add(start)
    return lines


def _letters(text: str) -> int:
    """How many characters are letters or digits (`str.isalnum`); ASCII text by deleting the other bytes,
    which runs in C."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_ALNUM_ASCII))
    return sum(map(str.isalnum, text))


def looks_like_tag_line(line: str) -> bool:
    """A line that is only a lower-case list of names, as job boards print tags ("docker agile jenkins")."""
    # islower() first: it rejects most lines without splitting them
    return (
        line.islower() and TAG_LINE_WORDS[0] <= len(line.split()) <= TAG_LINE_WORDS[1] and not _has_sentence_mark(line)
    )


def _has_sentence_mark(line: str) -> bool:
    """Whether ". ! ? ; : ," stands before whitespace or at the end of `line`. `str.find` per mark: a
    regular expression's scan is several times slower on text that is not Latin-1."""
    for mark in _SENTENCE_MARKS:
        i = line.find(mark)
        while i >= 0:
            following = line[i + 1 : i + 2]
            if not following or following.isspace():
                return True
            i = line.find(mark, i + 1)
    return False


def states_requirement(low: str, sentences: Sentences, start: int, end: int, kind: SectionKind) -> bool:
    """Whether a mention states the term for the job or the candidate (see the module docstring)."""
    if kind in _SECONDARY_SECTIONS:
        return False
    if kind in _ASKING_SECTIONS:
        return True
    sentence = sentences.at(start)
    if sentence.asks and sentences.asks_for(start, end):  # asks_for is False where the sentence asks nothing
        return True
    if _ROLE_AFTER.match(low, end):
        return False
    if sentence.opens_as_company:
        return False
    return sentence.to_candidate or not sentence.speaks_as_company


def _about_the_company(low: str, sentences: Sentences, match: Match, kind: SectionKind) -> bool:
    """A practice, domain or field the employer uses only to describe itself ("a global leader in financial
    services", "we build machine learning products"): the company blurb, or a sentence that speaks as the
    company without addressing or asking anything of the candidate. A technology named there still counts:
    the company's stack is the job's stack."""
    if kind is _ABOUT:
        return True
    if kind in _ASKING_SECTIONS:
        return False
    sentence = sentences.at(match.start)
    if not sentence.speaks_as_company or sentence.to_candidate or sentences.asks_for(match.start, match.end):
        return False
    return not _HIRING.search(low, sentence.start, sentence.end)  # "we are looking for a DevOps engineer"


def _someone_elses_role(low: str, match: Match, kind: SectionKind) -> bool:
    """A practice or domain naming other people's role in the body ("our HR supporter", "work with Finance
    Partners", "Bioinformatics specialists"): not asked of the candidate. The title, and a role the posting
    hires for ("we are looking for a DevOps Engineer", "as a Site Reliability Engineer you…"), still count."""
    if kind is _HEADER or not _ROLE_AFTER.match(low, match.end):
        return False
    return not _THE_JOB_BEFORE.search(low, max(0, match.start - 60), match.start)


def _spoken(text: str, low: str, sentences: Sentences, match: Match) -> bool:
    """Whether a language name is asked for as a language: a cue in its sentence, or a short list line."""
    sentence = sentences.at(match.start)
    if _LANGUAGE_CUE.search(low, sentence.start, sentence.end):
        return True
    return len(_line(text, match.start, match.end).split()) <= SHORT_LINE_WORDS


def _not_a_skill_here(text: str, low: str, sentences: Sentences, match: Match, kind: SectionKind) -> bool:
    """The words name a unit, a programme, someone else's role or the employer itself, or a language is an
    adjective ("Danish law"): whatever the section, no skill is asked for."""
    category = match.entry.category
    if category is _LANGUAGE:
        return not _spoken(text, low, sentences, match)
    if category not in _NAMES_A_UNIT:
        return False
    return bool(
        _about_the_company(low, sentences, match, kind)
        or _ORG_AFTER.match(low, match.end)
        or _someone_elses_role(low, match, kind)
        or (category is _EDUCATION and _PROGRAMME_AFTER.match(low, match.end))
    )


def _sentence_start(text: str, offset: int) -> bool:
    i = offset - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;•*-–—(\"'"


def _generic(match: Match, text: str) -> bool:
    """A soft skill, degree or language, a practice/domain written as one ordinary word, or a `weak` entry.

    Multi-word terms ("machine learning"), acronyms ("SEO") and names capitalised inside a sentence
    ("we run Scrum") are specific enough to count wherever the posting uses them.
    """
    entry = match.entry
    if entry.weak or entry.category in _ALWAYS_GENERIC:
        return True
    if entry.category not in _GENERIC_CATEGORIES:
        return False
    written = text[match.start : match.end]
    if not written.isalpha():
        return False
    if written[0].isupper() and not _sentence_start(text, match.start):
        return False
    return written[1:].islower()


def _ordinary_word(written: str) -> bool:
    """ "Excel", "Go", "R": could be an ordinary word; "MS Excel", "Apache Spark", "Rust lang" could not."""
    return written.isalpha()


def _window(text: str, match: Match) -> tuple[int, int]:
    """The line around an ambiguous name, at most CONTEXT_WINDOW characters each way ("…; Jenkins is a plus")."""
    line_start = text.rfind("\n", max(0, match.start - CONTEXT_WINDOW), match.start) + 1
    line_end = text.find("\n", match.end, match.end + CONTEXT_WINDOW)
    return max(line_start, match.start - CONTEXT_WINDOW), line_end if line_end >= 0 else match.end + CONTEXT_WINDOW


def _has_cue(pattern: re.Pattern[str], text: str, match: Match, lo: int, hi: int) -> bool:
    return any(cue.end() <= match.start or cue.start() >= match.end for cue in pattern.finditer(text, lo, hi))


def _supported(match: Match, others: Sequence[Match], starts: Sequence[int], lo: int, hi: int) -> bool:
    """Another technology inside [lo, hi); `others` are sorted by start and `starts` are their starts."""
    for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
        other = others[i]
        if other is not match and other.end <= hi and other.entry.category in _TECH:
            return True
    return False


def in_context(
    text: str,
    sentences: Sentences,
    matches: Sequence[Match],
    kinds: Sequence[SectionKind],
    low: str | None = None,
) -> list[bool]:
    """For each match, whether it counts as a mention at all (`low` is `lower_keep_offsets(text)` when
    already known)."""
    ambiguous = [m.entry.context is not None and _ordinary_word(text[m.start : m.end]) for m in matches]
    keep = [not a for a in ambiguous]
    plain = [m for m, a in zip(matches, ambiguous, strict=True) if not a]  # matches come sorted by start
    plain_starts = [m.start for m in plain]
    line_starts = _line_starts(text, matches)
    listed = _skill_list_lines(text, matches, line_starts)
    if low is None:
        low = lower_keep_offsets(text)
    for i, match in enumerate(matches):
        entry = match.entry
        context = entry.context
        if entry.category in _UNIT_OR_LANGUAGE and _not_a_skill_here(text, low, sentences, match, kinds[i]):
            keep[i] = False
        elif context is _SKILL or (context is None and _generic(match, text)):
            keep[i] = asked_for(text, sentences, match, kinds[i], line_starts[i] in listed)
        elif ambiguous[i]:
            lo, hi = _window(text, match)
            cues = _CODE_CUES if context is _CODE else _TOOL_CUES
            keep[i] = _supported(match, plain, plain_starts, lo, hi) or _has_cue(cues, text, match, lo, hi)
    # ambiguous names listed together ("C, C++ and Go" → Go) support each other once one is accepted
    accepted = [m for m, k in zip(matches, keep, strict=True) if k and m.entry.context is not None]
    accepted_starts = [m.start for m in accepted]
    if accepted:
        for i, match in enumerate(matches):
            if not keep[i] and match.entry.context in _AMBIGUOUS:
                lo, hi = _window(text, match)
                keep[i] = _supported(match, accepted, accepted_starts, lo, hi)
    return keep
