"""Whether a taxonomy match counts as a keyword mention, and how strongly it states a requirement.

Four rules (FORMAT.md describes the data options):
- an ambiguous name (`context=code|tool`: "Go", "R", "Excel", "Word") counts only next to other
  technologies or programming/tool words in its sentence;
- a generic term (a soft skill, a degree, a spoken language, or a practice/domain written as one
  ordinary word such as "teaching") counts only where the posting asks for it, because company
  blurbs use the same words ("our teaching environment", "a Danish company");
- a name its entry's data says is the ordinary word next to certain words ("Spring 2026", "American
  Express", "Unity and teamwork": `not-before`/`not-after`/`not-beside`) never counts there, and a spelling
  two entries share takes the entry its surrounding words pick (`sense=`: "EMR" near "Spark" is Amazon EMR);
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
from bot.skills.sentences import Sentence, Sentences
from bot.skills.taxonomy import NAME, YEAR, Context, Entry, Ordinary

# How far around an ambiguous name its context is looked for, within its sentence.
CONTEXT_WINDOW = 70
# A line of at most this many words that holds a generic term is a list item ("Scrum", "Teaching").
SHORT_LINE_WORDS = 3
TAG_LINE_WORDS = (3, 15)
SKILL_LIST_COVERAGE = 0.7
_SENTENCE_MARKS = ".!?;:,"  # a sentence mark before whitespace or at the end of a line
_LEADING_MARKS = " \t.,;:!?-*•·–—>"  # a list mark or stray punctuation before a line's first word
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
# The word right after a term, past spaces, tabs and hyphens: one regular-expression match per mention, then
# set look-ups, instead of one alternation per word list.
_WORD_AFTER = re.compile(r"[ \t-]*(\w*)")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# A role or team named after the term: "DevOps engineers", "our Java practice", "Frontend Developer".
_ROLE_WORDS = _word_set(
    """engineer engineers developer developers manager managers architect architects consultant consultants
    specialist specialists analyst analysts administrator administrators lead leads team teams community squad
    department expert experts designer designers programmer programmers scientist scientists tester testers
    officer officers director directors coordinator coordinators technician technicians evangelist evangelists
    champion champions practice guild chapter professional professionals partner partners supporter supporters
    representative representatives assistant assistants associate associates advisor advisors recruiter
    recruiters"""
)
# An organisational noun after a practice, domain or field names a unit, process or perk of the employer
# ("our HR team", "the Recruitment Committee", "education budget", "R&D unit"), not a skill.
_ORG_WORDS = _word_set(
    """team teams committee committees department division unit colleagues staff personnel budget budgets grant
    grants verification discount discounts portal recruiter recruiters agency agencies office offices hub hubs
    organisation organization funded backed insurance"""
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
# A spoken language as a skill, not an adjective ("Danish law", "a Danish company"): one of these anywhere in its
# sentence, even inside a word ("already" has "read"), or a cue of `_LANGUAGE_CUE_WORDS`. `in` per part: one
# regular expression with all of them tries every alternative at every position of a sentence of hundreds of
# characters, several times slower.
_LANGUAGE_CUE_PARTS = (
    "fluen",
    "speak",
    "spoken",
    "written",
    "writing",
    "verbal",
    "oral",
    "language",
    "native",
    "mother tongue",
    "proficien",
    "command of",
    "knowledge",
    "level",
    "read",
    "bilingual",
    "communicat",
    "business",
    "working",
    "conversational",
    "understand",
)
# "skill", "skills" and a CEFR level ("C1") as words; searched only where "skill", "1" or "2" occurs.
_LANGUAGE_CUE_WORDS = re.compile(r"skills?\b|\b[abc][12]\b")
_TECH = frozenset({Category.PROGRAMMING_LANGUAGE, Category.FRAMEWORK, Category.DATABASE, Category.CLOUD, Category.TOOL})
_GENERIC_CATEGORIES = frozenset(
    {Category.PRACTICE, Category.DOMAIN, Category.SOFT_SKILL, Category.EDUCATION, Category.LANGUAGE}
)
# Capitalised anyway ("Danish", "Finance", "PhD"): a capital says nothing about being a name here.
_NAMES_A_UNIT = frozenset({Category.PRACTICE, Category.DOMAIN, Category.EDUCATION})
# The categories `_not_a_skill_here` can reject.
_NOT_ALWAYS_A_SKILL = _NAMES_A_UNIT | {Category.LANGUAGE, Category.SOFT_SKILL}
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
_LANGUAGE, _EDUCATION, _SOFT_SKILL = Category.LANGUAGE, Category.EDUCATION, Category.SOFT_SKILL
_SKILL, _CODE = Context.SKILL, Context.CODE
_AMBIGUOUS = frozenset({Context.CODE, Context.TOOL})


class SectionIndex:
    """The section kind at any clean-text offset (text outside every section is OTHER)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        ordered = sorted(sections, key=lambda s: (s.start, s.end))
        self._starts = [s.start for s in ordered]
        self._ends = [s.end for s in ordered]
        self._kinds = [s.kind for s in ordered]

    def kind_at(self, offset: int) -> SectionKind:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return self._kinds[i]
        return _OTHER


def _word_after(low: str, end: int) -> str:
    """The word (a run of `\\w`) after `end` past spaces, tabs and hyphens; "" if none. A word list test on it
    is the same as the alternation `[ \\t-]*(?:word|…)\\b`, as every listed word is made of word characters."""
    found = _WORD_AFTER.match(low, end)
    return found[1] if found else ""  # indexing: a third cheaper than `.group(1)`


def _line(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end >= 0 else len(text)]


def asked_for(text: str, sentences: Sentences, match: Match, kind: SectionKind, skill_list: bool = False) -> bool:
    """Whether the posting asks the candidate for this term (rather than describing itself with it).

    `skill_list`: the term stands on a line made of taxonomy names ("Consulting Information Technology").
    """
    asked = _asked_in_sentence(sentences, match, kind)
    if asked is not None:
        return asked
    return skill_list or _listed_alone(text, match)


def _asked_in_sentence(sentences: Sentences, match: Match, kind: SectionKind) -> bool | None:
    """`asked_for` as far as the section and the sentence tell; None: up to the line the term is on.

    A section that is not about the candidate answers before the sentence is looked at: working out a
    sentence's facts is the dearest step here, and the term is not asked for whatever the sentence says."""
    if kind in _NOT_ABOUT_THE_CANDIDATE:
        return False
    sentence = sentences.at(match.start)
    if sentence.opens_as_company and not sentence.to_candidate:
        return False  # "We offer flexible hours", even when it trails a requirement list
    if kind in _ASKING_SECTIONS:
        return True
    if sentences.asks_in(sentence, match.start, match.end):
        return True
    return None


def _listed_alone(text: str, match: Match) -> bool:
    """The term stands on a short line or a tag line: a list item, not prose."""
    line = _line(text, match.start, match.end)
    return _short(line) or looks_like_tag_line(line)


def _short(line: str) -> bool:
    """At most SHORT_LINE_WORDS words; splits no further than needed to tell."""
    return len(line.split(None, SHORT_LINE_WORDS)) <= SHORT_LINE_WORDS


def skill_list_lines(text: str, matches: Sequence[Match]) -> set[int]:
    """Start offsets of lines that are lists of taxonomy names: taxonomy names cover most of their
    letters and they hold no sentence ("Consulting Information Technology IT Consulting")."""
    line_starts = [text.rfind("\n", 0, m.start) + 1 for m in matches]
    lines = set()
    for start, count in Counter(line_starts).items():
        if count >= 2:
            on_line = [m for m, at in zip(matches, line_starts, strict=True) if at == start]
            if _lists_names(text, _line(text, start, start), on_line):
                lines.add(start)
    return lines


def _lists_names(text: str, line: str, on_line: Sequence[Match]) -> bool:
    """Whether `line` is a list of the names `on_line` (two or more): no sentence mark, and the names
    cover most of its letters."""
    if _has_sentence_mark(_without_list_mark(line)):
        return False
    names = "".join([text[m.start : m.end] for m in on_line])
    return _letters(names) >= SKILL_LIST_COVERAGE * _letters(line)


class _SkillListLines:
    """`skill_list_lines` one line at a time, for matches sorted by start: a line is only worked out when a
    mention on it needs the answer, which most lines with mentions never do."""

    def __init__(self, text: str, matches: Sequence[Match]) -> None:
        self._text = text
        self._matches = matches
        self._starts = [m.start for m in matches]
        self._known: dict[int, bool] = {}  # line start → a list of names or not

    def holds(self, offset: int) -> bool:
        """Whether the line around `offset` is a list of taxonomy names."""
        text = self._text
        line_start = text.rfind("\n", 0, offset) + 1
        known = self._known.get(line_start)
        if known is None:
            line_end = text.find("\n", offset)
            if line_end < 0:
                line_end = len(text)
            # the matches whose line starts at line_start: starts from line_start up to the line break
            lo = bisect.bisect_left(self._starts, line_start)
            hi = bisect.bisect_right(self._starts, line_end)
            on_line = self._matches[lo:hi]
            known = len(on_line) >= 2 and _lists_names(text, text[line_start:line_end], on_line)
            self._known[line_start] = known
        return known


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
        line.islower()
        and TAG_LINE_WORDS[0] <= len(line.split()) <= TAG_LINE_WORDS[1]
        and not _has_sentence_mark(_without_list_mark(line))
    )


def _without_list_mark(line: str) -> str:
    """`line` without the list mark or stray punctuation it starts with (". net-core c# oop"), which ends
    no sentence."""
    return line.lstrip(_LEADING_MARKS)


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


def states_requirement(
    low: str, sentences: Sentences, sentence: Sentence, start: int, end: int, kind: SectionKind
) -> bool:
    """Whether a mention states the term for the job or the candidate (see the module docstring);
    `sentence` is `sentences.at(start)`, which the caller holds already for the mention's required mark."""
    if kind in _SECONDARY_SECTIONS:
        return False
    if kind in _ASKING_SECTIONS:
        return True
    if sentences.asks_in(sentence, start, end):
        return True
    if _word_after(low, end) in _ROLE_WORDS:
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
    if not sentence.speaks_as_company or sentence.to_candidate:
        return False
    if sentences.asks_in(sentence, match.start, match.end):
        return False
    return not sentence.hiring  # "we are looking for a DevOps engineer"


def _someone_elses_role(low: str, match: Match, kind: SectionKind, word_after: str) -> bool:
    """A practice or domain naming other people's role in the body ("our HR supporter", "work with Finance
    Partners", "Bioinformatics specialists"): not asked of the candidate. The title, and a role the posting
    hires for ("we are looking for a DevOps Engineer", "as a Site Reliability Engineer you…"), still count.
    `word_after` is `_word_after(low, match.end)`."""
    if kind is _HEADER or word_after not in _ROLE_WORDS:
        return False
    return not _THE_JOB_BEFORE.search(low, max(0, match.start - 60), match.start)


def _spoken(text: str, low: str, sentences: Sentences, match: Match) -> bool:
    """Whether a language name is asked for as a language: a cue in its sentence, or a short list line."""
    sentence = sentences.at(match.start)
    if _has_language_cue(low, sentence.start, sentence.end):
        return True
    return _short(_line(text, match.start, match.end))  # splits no further than the fourth word


def _has_language_cue(low: str, start: int, end: int) -> bool:
    """Whether `low[start:end]` holds a language cue (`_LANGUAGE_CUE_PARTS`, `_LANGUAGE_CUE_WORDS`)."""
    sentence = low[start:end]
    if any(part in sentence for part in _LANGUAGE_CUE_PARTS):
        return True
    if "skill" not in sentence and "1" not in sentence and "2" not in sentence:
        return False
    return _LANGUAGE_CUE_WORDS.search(low, start, end) is not None  # on `low`: `\b` sees the text around


# A soft-skill word that names how the work is organised or a thing, not a trait of the candidate:
# "in close collaboration with the client", "communication protocols", "a WHO Collaborating Centre",
# "our mentor will help you". People communicating ("communication between staff and families") is the skill.
_WORKING_WITH_BEFORE = re.compile(r"\b(?:in|with)\s+(?:(?:close|direct|tight|active|constant|ongoing|full)\s+)?$")
_WORKING_WITH = frozenset({"collaboration", "cooperation", "collaborating", "coordination", "consultation", "dialogue"})
_THING_WORDS = _word_set(
    """protocol protocols interface interfaces middleware material materials channel channels centre centres
    center centers network networks system systems platform platforms tool tools software stack layer layers bus
    buses busses technology technologies device devices module modules standard standards link links"""
)
_SOMEONE_BEFORE = re.compile(r"\b(?:our|their|your)\s+$")
_SOMEONE = frozenset({"mentor", "mentors", "coach", "coaches"})


def _names_the_work_or_a_thing(low: str, match: Match) -> bool:
    written = low[match.start : match.end]
    before = low[max(0, match.start - 30) : match.start]
    if written in _WORKING_WITH and _WORKING_WITH_BEFORE.search(before):
        return True
    if written in _SOMEONE and _SOMEONE_BEFORE.search(before):
        return True
    return _word_after(low, match.end) in _THING_WORDS  # on its line, like the unit and role words


def _not_a_skill_here(text: str, low: str, sentences: Sentences, match: Match, kind: SectionKind) -> bool:
    """The words name a unit, a programme, someone else's role or the employer itself, a soft-skill word names
    the way of working or a thing, or a language is an adjective ("Danish law"): whatever the section, no
    skill is asked for."""
    category = match.entry.category
    if category is _LANGUAGE:
        return not _spoken(text, low, sentences, match)
    if category is _SOFT_SKILL:
        return _names_the_work_or_a_thing(low, match)
    if category not in _NAMES_A_UNIT:
        return False
    if _about_the_company(low, sentences, match, kind):
        return True
    word_after = _word_after(low, match.end)
    if word_after in _ORG_WORDS:
        return True
    if word_after in _ROLE_WORDS and _someone_elses_role(low, match, kind, word_after):
        return True
    return category is _EDUCATION and _PROGRAMME_AFTER.match(low, match.end) is not None


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


_WORD_BEFORE = re.compile(r"(\w*)[ \t-]*$")
_LIST_JOIN = frozenset({",", "and", "or", "&", "/"})  # what lists two terms: "Unity and teamwork"
_CUE_WORD = re.compile(r"\w+")


def _neighbour_word(low: str, match: Match, after: bool) -> tuple[int, str]:
    """The word right before or after a name, past spaces, tabs and hyphens, and where it starts."""
    if after:
        found = _WORD_AFTER.match(low, match.end)
        return (found.start(1), found.group(1)) if found else (match.end, "")
    found = _WORD_BEFORE.search(low, max(0, match.start - 40), match.start)
    return (found.start(1), found.group(1)) if found else (match.start, "")


def _is_word_of(words: frozenset[str], text: str, at: int, word: str, previous: Match | None) -> bool:
    """Whether `word` (at `at`) is one of `words`: a listed word, YEAR a four-digit number, NAME a capitalised
    word inside a sentence that names no taxonomy entry itself ("American Express", not "Java Spring")."""
    if word in words:
        return True
    if YEAR in words and len(word) == 4 and word.isdigit():
        return True
    return (
        NAME in words
        and word.isalpha()
        and text[at].isupper()
        and not _sentence_start(text, at)
        and not (previous is not None and previous.end == at + len(word))
    )


def _listed_with(text: str, match: Match, other: Match | None, category: Category) -> bool:
    """`other` is a term of `category` listed right next to `match` ("Unity and teamwork", "teamwork, Unity")."""
    if other is None or other.entry.category is not category:
        return False
    gap = text[match.end : other.start] if other.start >= match.end else text[other.end : match.start]
    return gap.strip() in _LIST_JOIN or gap.strip(" ,") in _LIST_JOIN


def _ordinary_here(text: str, low: str, matches: Sequence[Match], i: int, ordinary: Ordinary) -> bool:
    """The name is the ordinary word here, by its entry's `not-before`/`not-after`/`not-beside` data."""
    match = matches[i]
    previous = matches[i - 1] if i else None
    following = matches[i + 1] if i + 1 < len(matches) else None
    if ordinary.before:
        at, word = _neighbour_word(low, match, after=False)
        if word and _is_word_of(ordinary.before, text, at, word, previous):
            return True
    if ordinary.after:
        at, word = _neighbour_word(low, match, after=True)
        if word and _is_word_of(ordinary.after, text, at, word, None):
            return True
    beside = ordinary.beside
    return beside is not None and (
        _listed_with(text, match, previous, beside) or _listed_with(text, match, following, beside)
    )


def _sense(low: str, matches: Sequence[Match], i: int) -> Entry:
    """The entry a spelling two entries share means here (`sense=` in FORMAT.md): the other entry when one
    of its cue words stands in the line around the name ("Spark on EMR clusters" → Amazon EMR), or when a
    term next to it is of the other entry's category (a list line "- EMR" after "- Amazon S3")."""
    match = matches[i]
    entry = match.entry
    written = low[match.start : match.end]
    for spelling, other, cues in entry.senses:
        if written == spelling or written == spelling + "s":
            lo, hi = _window(low, match)
            if not cues.isdisjoint(_CUE_WORD.findall(low, lo, hi)):
                return other
            neighbours = (*matches[max(0, i - 1) : i], *matches[i + 1 : i + 2])
            if any(m.entry.category is other.category and _listed_beside(low, match, m) for m in neighbours):
                return other
    return entry


def _listed_beside(low: str, match: Match, other: Match) -> bool:
    """`other` stands in the line around `match`, or `match` is a short list item ("- EMR") and `other` is on
    the line next to it ("- Amazon S3"). A term two lines away in a sentence is no evidence."""
    lo, hi = _window(low, match)
    if lo <= other.start and other.end <= hi:
        return True
    if len(_line(low, match.start, match.end).split()) > SHORT_LINE_WORDS:
        return False
    gap = low[other.end : match.start] if other.end <= match.start else low[match.end : other.start]
    return gap.count("\n") == 1


def settle_senses(low: str, matches: Sequence[Match]) -> list[Match]:
    """The matches with each spelling two entries share (`sense=`) given to the entry its context picks;
    runs before `in_context`, whose rules depend on the entry."""
    settled = list(matches)
    for i, match in enumerate(matches):
        if match.entry.senses:
            entry = _sense(low, matches, i)
            if entry is not match.entry:
                settled[i] = Match(match.start, match.end, entry)
    return settled


def in_context(
    text: str,
    sentences: Sentences,
    matches: Sequence[Match],
    kinds: Sequence[SectionKind],
    low: str | None = None,
) -> list[bool]:
    """For each match, whether it counts as a mention at all (`low` is `lower_keep_offsets(text)` when
    already known). Shared spellings are settled before (`settle_senses`).

    One pass over the matches decides each by the first rule that applies to it. The technologies that can
    support an ambiguous name are listed only when a posting has one, and the names rejected ambiguous names
    could lean on only when there are such names: most postings have neither.
    """
    if low is None:
        low = lower_keep_offsets(text)
    keep: list[bool] = []
    listed = _SkillListLines(text, matches)
    technologies: _Technologies | None = None  # built for the first ambiguous name
    unsupported: list[int] = []  # ambiguous names rejected here, looked at again once the others are known
    for i, match in enumerate(matches):
        start, end, entry = match
        context = entry.context
        kind = kinds[i]
        if (
            entry.ordinary is not None
            and text[start:end].isalpha()
            and _ordinary_here(text, low, matches, i, entry.ordinary)
        ):
            keep.append(False)  # the ordinary word, whatever supports it: never looked at again
        elif entry.category in _NOT_ALWAYS_A_SKILL and _not_a_skill_here(text, low, sentences, match, kind):
            keep.append(False)
            if context in _AMBIGUOUS:
                unsupported.append(i)
        elif context is _SKILL or (context is None and _generic(match, text)):
            asked = _asked_in_sentence(sentences, match, kind)
            keep.append(asked if asked is not None else listed.holds(start) or _listed_alone(text, match))
        elif context is not None and _ordinary_word(text[start:end]):  # `context=code|tool` written as a word
            if technologies is None:
                technologies = _Technologies(text, matches)
            lo, hi = _window(text, match)
            cues = _CODE_CUES if context is _CODE else _TOOL_CUES
            supported = technologies.inside(match, lo, hi) or _has_cue(cues, text, match, lo, hi)
            keep.append(supported)
            if not supported:
                unsupported.append(i)
        else:
            keep.append(True)
    if unsupported:
        _support_each_other(text, matches, keep, unsupported)
    return keep


class _Technologies:
    """The technologies that can support an ambiguous name nearby: the matches of a technology category that
    are not ambiguous names themselves (they need support of their own), sorted by start."""

    def __init__(self, text: str, matches: Sequence[Match]) -> None:
        self._matches = [
            m
            for m in matches
            if m.entry.category in _TECH and not (m.entry.context is not None and _ordinary_word(text[m.start : m.end]))
        ]
        self._starts = [m.start for m in self._matches]

    def inside(self, match: Match, lo: int, hi: int) -> bool:
        """Another technology inside [lo, hi)."""
        return _supported(match, self._matches, self._starts, lo, hi)


def _support_each_other(text: str, matches: Sequence[Match], keep: list[bool], unsupported: Sequence[int]) -> None:
    """Ambiguous names listed together ("C, C++ and Go" → Go) support each other once one is accepted:
    each match of `unsupported` (indices of rejected `context=code|tool` names) is kept when an accepted
    name with a `context=` stands in its window."""
    accepted = [m for m, k in zip(matches, keep, strict=True) if k and m.entry.context is not None]
    if not accepted:
        return
    accepted_starts = [m.start for m in accepted]
    for i in unsupported:
        match = matches[i]
        lo, hi = _window(text, match)
        keep[i] = _supported(match, accepted, accepted_starts, lo, hi)
