"""Where a mention stands: its section, its sentence, and whether an ambiguous name is meant as a skill.

Names that are also ordinary words ("Go", "R", "Excel", "Word", "communication") carry a
`context=` option in the taxonomy; this module decides, from the words and the other skills around
a mention, whether it counts (FORMAT.md describes the rules).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from bot.postings.model import Section, SectionKind
from bot.skills.matcher import Match
from bot.skills.model import Category
from bot.skills.taxonomy import Context

# How far around a mention its context is looked for, within its sentence.
CONTEXT_WINDOW = 70

_SENTENCE_SEPARATORS = ("\n", ". ", "; ", "? ", "! ", "•")

_CODE_CUES = re.compile(
    r"\b(?:programming|program|languages?|coding|code|codebase|written in|developers?|development|develop"
    r"|software|scripting|scripts?|compil\w*|frameworks?|librar(?:y|ies)|stack|back-?end|front-?end|full-?stack"
    r"|engineer\w*|sdks?|apis?|experience (?:in|with)|proficien\w*|knowledge of|familiar\w*|skills? in"
    r"|technolog\w*|tech|runtime|syntax)\b",
    re.IGNORECASE,
)
_TOOL_CUES = re.compile(
    r"\b(?:microsoft|ms|office|suite|software|tools?|tooling|applications?|apps?|programs?|spreadsheets?"
    r"|proficien\w*|experience (?:in|with|using)|knowledge of|skills? in|skilled in|familiar\w*|such as|including"
    r"|e\.g|use of|using|platforms?|systems?|packages?)\b",
    re.IGNORECASE,
)
ASK_CUES = (
    "experience",
    "knowledge",
    "skill",
    "background",
    "degree",
    "understanding",
    "familiar",
    "proficien",
    "expertise",
    "expert",
    "qualif",
    "you have",
    "you are",
    "you bring",
    "you know",
    "abilit",
    "able to",
    "competen",
    "require",
    "prefer",
    "a plus",
    "must",
    "should have",
    "track record",
    "education",
    "certif",
    "fluent",
    "master",
    "bachelor",
    "phd",
    "specialist in",
    "trained in",
    "know-how",
    "worked with",
    "grasp of",
    "command of",
    "insight",
    "hold",
    "obtained",
    "completed",
    "speak",
    "spoken",
    "written",
    "oral",
    "verbal",
    "native",
    "mother tongue",
    "language",
)
SHORT_LINE_WORDS = 3
_SECONDARY_SECTIONS = frozenset({SectionKind.HEADER, SectionKind.ABOUT})
_ROLE_AFTER = re.compile(
    r"[ \t-]*(?:engineers?|developers?|managers?|architects?|consultants?|specialists?|analysts?|administrators?"
    r"|leads?|team|teams|community|squad|department|experts?|designers?|programmers?|scientists?|testers?"
    r"|officers?|directors?|coordinators?|technicians?|evangelists?|champions?|practice|guild|chapter)\b"
)
_COMPANY_OPENINGS = ("we ", "our ", "<organization>", "at <organization>", "the company", "founded", "headquartered")
_CANDIDATE_WORDS = (" you ", " you'", " your ", "candidate", "applicant")
_COMPANY_CUES = (
    " we ",
    " our ",
    " us ",
    "we are ",
    "we're ",
    "our company",
    "our customers",
    "our clients",
    "our mission",
    "our products",
    "our platform",
    "our vision",
    "founded in",
    "headquartered",
    "is a leading",
    "is the leading",
    "world's leading",
    "employees",
)
_GENERIC_CATEGORIES = frozenset(
    {Category.PRACTICE, Category.DOMAIN, Category.SOFT_SKILL, Category.EDUCATION, Category.LANGUAGE}
)
# Capitalised anyway ("Danish", "Finance", "PhD"): a capital says nothing about being asked for.
_ALWAYS_GENERIC = frozenset({Category.SOFT_SKILL, Category.EDUCATION, Category.LANGUAGE})
_ASKING_SECTIONS = frozenset({SectionKind.REQUIRED, SectionKind.PREFERRED})
_CANDIDATE_CUES = re.compile(
    r"\b(?:you|your|you'll|you're|candidate|applicant|ability|able to|skills?|strong|excellent|good|great|proven"
    r"|demonstrated|must|required|requirements?|qualifications?|experience|proficien\w*|we (?:are )?(?:look|seek)\w*"
    r"|ideal|effective|outstanding|superb|exceptional)\b",
    re.IGNORECASE,
)

_TECH = frozenset({Category.PROGRAMMING_LANGUAGE, Category.FRAMEWORK, Category.DATABASE, Category.CLOUD, Category.TOOL})
_REQUIREMENT_SECTIONS = frozenset({SectionKind.REQUIRED, SectionKind.PREFERRED, SectionKind.RESPONSIBILITIES})
_NOT_ABOUT_THE_CANDIDATE = frozenset(
    {SectionKind.ABOUT, SectionKind.BENEFITS, SectionKind.EEO, SectionKind.APPLY, SectionKind.CHROME}
)


class SectionIndex:
    """The section kind at any clean-text offset (text outside every section is OTHER)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self._sections = sorted(sections, key=lambda s: (s.start, s.end))
        self._starts = [s.start for s in self._sections]

    def kind_at(self, offset: int) -> SectionKind:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._sections[i].end:
            return self._sections[i].kind
        return SectionKind.OTHER


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line, or bullet) around [start, end), at most a few hundred characters each way."""
    lo, hi = max(0, start - 300), min(len(text), end + 300)
    left, right = lo, hi
    for separator in _SENTENCE_SEPARATORS:
        i = text.rfind(separator, lo, start)
        if i >= 0 and i + len(separator) > left:
            left = i + len(separator)
        j = text.find(separator, end, right)
        if j >= 0:
            right = j
    return left, right


def _window(text: str, match: Match) -> tuple[int, int]:
    left, right = sentence_bounds(text, match.start, match.end)
    return max(left, match.start - CONTEXT_WINDOW), min(right, match.end + CONTEXT_WINDOW)


def _has_cue(pattern: re.Pattern[str], text: str, match: Match, lo: int, hi: int) -> bool:
    return any(cue.end() <= match.start or cue.start() >= match.end for cue in pattern.finditer(text, lo, hi))


def _supported(match: Match, others: Sequence[Match], lo: int, hi: int) -> bool:
    return any(o is not match and lo <= o.start and o.end <= hi and o.entry.category in _TECH for o in others)


def asked_for(text: str, low: str, match: Match, kind: SectionKind) -> bool:
    """Whether the posting asks the candidate for this term (rather than describing itself with it)."""
    if kind in _ASKING_SECTIONS:
        return True
    if kind in _NOT_ABOUT_THE_CANDIDATE or kind is SectionKind.HEADER:
        return False
    left, right = sentence_bounds(text, match.start, match.end)
    sentence = f"{low[left : match.start]} {low[match.end : right]}"  # "communication skills" is no cue for itself
    if any(cue in sentence for cue in ASK_CUES):
        return True
    line_start = text.rfind("\n", 0, match.start) + 1
    line_end = text.find("\n", match.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line.split()) <= SHORT_LINE_WORDS


def states_requirement(text: str, low: str, start: int, end: int, kind: SectionKind) -> bool:
    """Whether a mention states the term for the job or the candidate.

    Not so: the posting's header and company blurb, a role or team name ("our DevOps team",
    "Java Developer – full time") and sentences about the company ("We build SaaS for banks")
    unless they also ask something of the candidate. Such mentions are kept only for a term the
    posting states nowhere else.
    """
    if kind in _SECONDARY_SECTIONS:
        return False
    left, right = sentence_bounds(text, start, end)
    sentence = f"{low[left:start]} {low[end:right]}"
    if any(cue in sentence for cue in ASK_CUES):
        return True
    if _ROLE_AFTER.match(low, end):
        return False
    head = low[left : left + 40].lstrip(" \t•*-–—·")
    if head.startswith(_COMPANY_OPENINGS):
        return False
    padded = f" {sentence} "
    if any(cue in padded for cue in _CANDIDATE_WORDS):
        return True
    return not any(cue in padded for cue in _COMPANY_CUES)


def _generic(match: Match, text: str) -> bool:
    """A practice, domain or soft skill written as one ordinary word ("teaching", "compliance"), or a `weak` entry.

    Multi-word terms ("machine learning"), acronyms ("SEO") and names capitalised inside a sentence
    ("we run Scrum") are specific enough to count wherever the posting uses them.
    """
    if match.entry.weak:
        return True
    if match.entry.category not in _GENERIC_CATEGORIES:
        return False
    if match.entry.category in _ALWAYS_GENERIC:
        return True
    written = text[match.start : match.end]
    if not written.isalpha():
        return False
    if written[0].isupper() and not _sentence_start(text, match.start):
        return False
    return written[1:].islower()


def _sentence_start(text: str, offset: int) -> bool:
    i = offset - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;•*-–—(\"'"


def in_context(text: str, low: str, matches: Sequence[Match], kinds: Sequence[SectionKind]) -> list[bool]:
    """For each match, whether it counts.

    Named technologies count wherever the posting content names them; ambiguous names (`context=`)
    need their context; generic terms (practices, domains, soft skills in ordinary words) count
    only where the posting asks for them.
    """
    keep = [m.entry.context is None for m in matches]
    plain = [m for m, k in zip(matches, keep, strict=True) if k]
    for i, match in enumerate(matches):
        context = match.entry.context
        if context is Context.SKILL or (context is None and _generic(match, text)):
            keep[i] = asked_for(text, low, match, kinds[i])
        elif context is not None:
            lo, hi = _window(text, match)
            cues = _CODE_CUES if context is Context.CODE else _TOOL_CUES
            keep[i] = _supported(match, plain, lo, hi) or _has_cue(cues, text, match, lo, hi)
    # ambiguous names listed together ("C, C++ and Go" → Go) support each other once one is accepted
    accepted = [m for m, k in zip(matches, keep, strict=True) if k and m.entry.context is not None]
    if accepted:
        for i, match in enumerate(matches):
            if not keep[i] and match.entry.context in (Context.CODE, Context.TOOL):
                lo, hi = _window(text, match)
                keep[i] = _supported(match, accepted, lo, hi)
    return keep
