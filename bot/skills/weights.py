"""How much a keyword matters and whether it is required: from where and how often a posting says it.

A term in the requirements outweighs one in the company blurb; repeating it helps a little, with
diminishing returns; the title counts; a sentence that says "is a plus" makes a term preferred even
inside a requirement list. Chrome never counts, and benefits, how-to-apply and legal boilerplate
never create a keyword or add a mention.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.postings.model import SectionKind
from bot.skills.model import Category
from bot.skills.sentences import Sentence

SECTION_WEIGHT: dict[SectionKind, float] = {
    SectionKind.REQUIRED: 1.0,
    SectionKind.PREFERRED: 0.75,
    SectionKind.RESPONSIBILITIES: 0.65,
    SectionKind.OTHER: 0.55,
    SectionKind.HEADER: 0.55,
    SectionKind.ABOUT: 0.3,
}  # chrome and boilerplate never reach a keyword
# Benefits, how-to-apply and legal text: never evidence of a requirement, so their mentions are dropped.
BOILERPLATE = frozenset({SectionKind.BENEFITS, SectionKind.APPLY, SectionKind.EEO})
TITLE_BONUS = 0.15
DISCOVERED_FACTOR = 0.5  # a term found outside the taxonomy is less certain
WEAK_FACTOR = 0.5  # generic taxonomy terms ("Computer", "Internet")


def mention_requirement(kind: SectionKind, sentence: Sentence) -> bool | None:
    """True if a mention in this sentence reads as required, False as preferred, None if the posting does not say."""
    if kind is SectionKind.PREFERRED or sentence.requirement is False:
        return False
    if kind is SectionKind.REQUIRED or sentence.requirement is True:
        return True
    return None


def keyword_required(marks: Sequence[bool | None]) -> bool | None:
    if True in marks:  # `in` compares with ==; the marks are only True, False or None
        return True
    if False in marks:
        return False
    return None


def keyword_weight(kinds: Sequence[SectionKind], *, in_title: bool, category: Category, weak: bool) -> float:
    """0..1: the best section's weight, a diminishing bonus for repeats, a title bonus."""
    if len(kinds) == 1:  # most keywords: one mention
        base, repeats = SECTION_WEIGHT.get(kinds[0], 0.0) * 0.8, 0.0
    else:
        base = max([SECTION_WEIGHT.get(k, 0.0) for k in kinds]) * 0.8
        repeats = min(0.15, 0.06 * math.log2(len(kinds)))
    weight = base + repeats + (TITLE_BONUS if in_title else 0.0)
    if weak:
        weight *= WEAK_FACTOR
    if category is Category.OTHER:
        weight *= DISCOVERED_FACTOR
    return round(min(1.0, weight), 4)
