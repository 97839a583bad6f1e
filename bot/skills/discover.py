"""Likely keywords the taxonomy does not know, so a new framework is not invisible.

Two signals, both restricted to text about the candidate (never the company blurb, benefits or
legal boilerplate): product-like tokens (acronyms, CamelCase, names with digits or dots such as
"Vue3", "Next.js") on lines that list skills and in sentences that ask for something, and the
object of "experience with X",
"knowledge of X", "proficiency in X" when X is written like a name. Common capitalised words,
sentence-initial capitals, placeholders ("<ORGANIZATION>"), places and names the posting also uses
about itself are left out, and a posting yields a bounded number of them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from bot.postings.model import SectionKind

MAX_DISCOVERED = 12
MAX_CANDIDATES = 100  # candidate spans examined per posting: bounded work on a huge paste

_CANDIDATE_SECTIONS = frozenset(
    {SectionKind.REQUIRED, SectionKind.PREFERRED, SectionKind.RESPONSIBILITIES, SectionKind.OTHER}
)
_LIST_SECTIONS = frozenset({SectionKind.REQUIRED, SectionKind.PREFERRED})

# Product-like tokens; the character before a match is checked in code (a leading look-behind
# would make the regular expression engine try every position). Every repetition is possessive
# ("+" after it): giving a character back could only leave a letter or digit where the next part
# or the final look-ahead refuses one, so backtracking never finds a match, it only costs time
# (about 40% of the scan).
_PRODUCT_TOKEN = re.compile(
    r"[A-Z](?:"
    r"[A-Z]{1,5}+[0-9]{0,2}+(?![\w@>])"  # AWS, ETL, HL7
    r"|[a-z0-9]{1,30}+(?:[A-Z][a-z0-9]{0,30}+){1,4}+(?![\w@>])"  # TestCafe, CamelCase
    r"|[A-Za-z]{1,30}+[0-9]{1,4}+[A-Za-z0-9]{0,10}+(?![\w@>])"  # Vue3-like
    r")"
)  # every repetition is bounded, so a 200,000-letter "word" costs linear time
_ROMAN = re.compile(r"[IVXLC]+")
_REFERENCE_NUMBER = re.compile(r"\d{4}")  # "IRC11980", "REQ2021": a job or form reference
# What follows a name makes it an organisation, unit or channel: "WWF's", "the CHIP IT department",
# "our YouTube channel", "AMBA accreditations".
_OWNER_AFTER = re.compile(
    r"(?:['’\x92]s\b|\s+(?:it\s+)?(?:department|team|unit|centre|center|institute|foundation|network|group"
    r"|programme|program|project|grant|channel|page|accreditations?|alliance|consortium|office)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w-]*")
_DOTTED_SUFFIX = re.compile(r"\.(?:js|io|ai|py|rb)")  # Next.js, Socket.io (on the lower-cased text)
_TRIGGERS = ("experience", "expertise", "proficien", "knowledge", "familiar", "skilled", "fluen", "hands-on")
# Matched at each trigger found in the lower-cased text. The spaces, the optional word before the
# preposition and the lower-case letters before a capital ("iPhone") are taken possessively ("+"
# after them): what follows each needs a different kind of character, so giving one back never
# helps a match, it only made a failing attempt ("experience in software") retry every split.
_PATTERN = re.compile(
    r"(?i:experience|expertise|proficiency|proficient|knowledge|familiarity|familiar|skilled|fluency|fluent|hands-on)"
    r"\s++(?:[a-z]++\s++)?(?:in|with|of|using)\s++"
    r"((?:[A-Z][\w.+#-]{0,40}|[a-z]{1,20}+[A-Z]\w{0,30}|\w{0,20}\d\w{0,20})(?:\s(?:[A-Z][\w.+#-]{0,40}|\d[\w.]{0,20})){0,2})"
)
_STOP_WORDS = """
    a an the and or of in on at to for with by from as is are be we you our your their they it this that these
    i me my us he she his her who what which where when why how all any each every some such other more most
    experience experienced knowledge strong excellent good great solid proven demonstrated ability skills skill
    senior junior lead principal staff head chief team teams company companies job jobs role roles position work
    working department group business office offices client clients customer customers partner partners
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december new please apply applications application contact email phone
    inc ltd llc gmbh corp co plc ag sa bv ab as nv spa srl ceo cto cfo coo cmo cio vp svp evp hr it pr eu us usa uk
    un eea usd eur gbp dkk sek nok chf cad aud inr jpy cet cest est edt pst pdt gmt utc am pm id ok faq tbd asap etc
    eg ie vs na n/a fyi dob ssn eeo eoe ada ofccp pto cv resume phd msc bsc ba bs ms ma mba hq q1 q2 q3 q4 fte yoe
    bachelor bachelors master masters degree university college school diploma certificate certification
    english german french spanish danish swedish norwegian dutch italian portuguese chinese japanese
    remote hybrid onsite full part time year years month months week weeks day days hour hours
    salary benefits bonus equity insurance health dental vision leave holiday holidays vacation
    tasks profile requirements qualifications responsibilities duties summary overview description details perks
    offer offers about mission values culture plus big bring do will ideal level daily now table function
    sw hw pc sme rsu vip gb tb covid covid-19 mid-level musd mdkk meur keur mio
    europe european america american asia asian africa african nordic nordics scandinavia emea apac latam
    denmark copenhagen aarhus odense aalborg sweden stockholm gothenburg malmo norway oslo finland helsinki
    germany berlin munich hamburg frankfurt cologne france paris spain madrid barcelona italy rome milan
    netherlands amsterdam rotterdam belgium brussels switzerland zurich geneva austria vienna poland warsaw
    krakow ireland dublin london manchester england scotland edinburgh india bangalore bengaluru mumbai delhi
    hyderabad pune chennai china beijing shanghai japan tokyo singapore australia sydney melbourne canada
    toronto vancouver montreal york california texas washington boston chicago seattle austin francisco
    angeles atlanta denver portugal lisbon estonia tallinn latvia lithuania czech prague hungary budapest
    romania bucharest ukraine kyiv israel tel aviv dubai brazil mexico argentina"""
_STOP = frozenset(_STOP_WORDS.split())
_END = itemgetter(1)  # sort key of a (start, end) span: cheaper than a lambda called per span


@dataclass(frozen=True, slots=True)
class Discovered:
    start: int  # offsets into the clean text
    end: int
    name: str  # the spelling of its first mention


def _sentence_initial(text: str, start: int) -> bool:
    """True at the first word of a line, bullet or sentence."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;•*-–—(\"'"


def _plain_capitalised(token: str) -> bool:
    return token[:1].isupper() and token[1:].islower()


def _is_heading_line(text: str, start: int) -> bool:
    """An all-capitals line ("QUALIFICATIONS AND SKILLS") is a heading, not a list of acronyms."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line) > 12 and line.isupper() and " " in line.strip()


def _pattern_spans(text: str, low: str) -> list[tuple[int, int]]:
    spans = []
    for trigger in _TRIGGERS:
        i = low.find(trigger)
        while i >= 0:
            m = _PATTERN.match(text, i)
            if m:
                spans.append(m.span(1))
            i = low.find(trigger, i + len(trigger))
    return spans


def _runs(text: str, lines: Sequence[int]) -> list[list[int]]:
    """The lines as [start, end) runs of consecutive lines. No token spans a line break, so one scan
    per run finds what one scan per line would, at a fraction of the calls (a requirements section
    is one run, not dozens of lines)."""
    runs: list[list[int]] = []
    for line_start in lines:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        if runs and runs[-1][1] + 1 == line_start:
            runs[-1][1] = line_end
        else:
            runs.append([line_start, line_end])
    return runs


def _line_spans(text: str, low: str, lines: Sequence[int]) -> list[tuple[int, int]]:
    spans = []
    for run_start, run_end in _runs(text, lines):
        for m in _PRODUCT_TOKEN.finditer(text, run_start, run_end):
            before = text[m.start() - 1] if m.start() else " "
            if not (before.isalnum() or before in "_.<@/-"):
                spans.append(m.span())
        for m in _DOTTED_SUFFIX.finditer(low, run_start, run_end):
            i, end = m.span()
            start = i
            while start > run_start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                start -= 1
            if start < i and (end == len(text) or not text[end].isalnum()):
                spans.append((start, end))
    return spans


def discover(
    text: str,
    low: str,
    kind_at: Callable[[int], SectionKind],
    taken: Sequence[tuple[int, int]],
    skill_lines: Sequence[int],
    asks: Callable[[int, int], bool],
) -> list[Discovered]:
    """Candidates outside `taken` spans (taxonomy matches), first mention of each, in text order.

    `skill_lines` are the start offsets of lines that list taxonomy skills (requirement and
    preference sections count wholesale); a product-like token elsewhere on such a line counts
    only in a sentence that asks for something (`asks(start, end)`).
    """
    asked = _pattern_spans(text, low)
    taxonomy = _TakenSpans(taken)
    tokens = _line_spans(text, low, skill_lines)
    if len(asked) + len(tokens) <= MAX_CANDIDATES:
        # The cut to MAX_CANDIDATES below cannot apply, so a token the loop would skip for overlapping
        # a taxonomy match (most of them: "AWS", "SQL") can go before its sentence is asked about. A
        # token ends in a letter or digit, so the loop's trimming of punctuation leaves its span as is.
        tokens = [span for span in tokens if not taxonomy.overlaps(*span)]
    listed = [s for s in tokens if kind_at(s[0]) in _LIST_SECTIONS or asks(*s)]
    found: dict[str, Discovered] = {}
    rejected: set[str] = set()  # spellings ruled out whatever their position
    for start, end in sorted(set(asked + listed))[:MAX_CANDIDATES]:
        name = text[start:end].rstrip(".-)?!,;:")
        end = start + len(name)
        key = name.casefold()
        if not name or key in found or key in rejected or kind_at(start) not in _CANDIDATE_SECTIONS:
            continue
        if taxonomy.overlaps(start, end):
            continue
        if (start > 0 and text[start - 1] == "<") or _is_heading_line(text, start) or _shouted(text, start, end):
            continue
        words = key.split()
        if len(words) == 1 and _plain_capitalised(name) and _sentence_initial(text, start):
            continue
        if (
            any(w in _STOP for w in words)
            or _ROMAN.fullmatch(name)
            or _REFERENCE_NUMBER.search(name)
            or _OWNER_AFTER.match(text, end)
            or _abbreviates_a_name(text, name)
            or _said_about_itself(low, key, kind_at)
        ):
            rejected.add(key)
            continue
        found[key] = Discovered(start, end, name)
        if len(found) >= MAX_DISCOVERED:
            break
    return list(found.values())  # candidates are visited in text order, so these are too


class _TakenSpans:
    """The spans of the taxonomy matches, to tell whether a candidate overlaps one."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._spans = sorted(spans, key=_END)
        self._ends = [end for _, end in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps the first span, in order of end, that ends after `start`."""
        i = bisect.bisect_left(self._ends, start + 1)
        return i < len(self._spans) and self._spans[i][0] < end


def _shouted(text: str, start: int, end: int) -> bool:
    """A word of a capitalised phrase ("WHAT YOU WILL DO", "BIG PLUS"): an all-capitals word next to an
    all-capitals common word is a heading or emphasis, not an acronym."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    neighbours = before[-1:] + after[:1]
    return any(w.isalpha() and w.isupper() and w.lower() in _STOP for w in neighbours)


def _abbreviates_a_name(text: str, name: str) -> bool:
    """An acronym the posting spells out ("Innovative Training Network ( ITN )"): an organisation,
    unit or programme it names, not a skill."""
    if not name.isupper() or len(name) < 2:
        return False
    if f"({name}" not in text and f"( {name}" not in text:
        return False  # two scans of the text rule out all four spellings below in the usual case
    for opening in (f"({name})", f"( {name} )", f"( {name})", f"({name} )"):
        i = text.find(opening)
        for _ in range(10):  # the first few spellings-out are enough
            if i < 0:
                break
            before = text[max(0, i - 120) : i]
            if before.rstrip().endswith(">"):
                return True  # "<ORGANIZATION> ( ITN )": the name it abbreviates was a placeholder
            initials = "".join(w[0] for w in _WORD.findall(before) if w[0].isupper())
            if initials.endswith(name):
                return True
            i = text.find(opening, i + 1)
    return False


def _said_about_itself(low: str, key: str, kind_at: Callable[[int], SectionKind]) -> bool:
    """The posting also uses the term outside text about the candidate: its company, product or place."""
    i = low.find(key)
    for _ in range(200):  # bounded on a huge paste
        if i < 0:
            break
        if kind_at(i) not in _CANDIDATE_SECTIONS:
            return True
        i = low.find(key, i + len(key))
    return False
