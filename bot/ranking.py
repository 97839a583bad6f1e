"""Rank many postings for one resume fast, with the very numbers `bot.scoring.score` gives.

`/match` scores a resume against every live posting of a server. Building a full MatchReport
per posting costs about half a millisecond, too slow for tens of thousands. A `RankingIndex`
does the per-posting work once (keyword keys, effective weights and buckets, role words,
years/level and education asked) and keeps it in flat arrays; ranking a resume then costs:

- one credit per distinct keyword of the index (dictionary look-ups, near spellings batched
  in rapidfuzz's C code), and one title/experience/education answer per distinct value;
- a few numpy passes over the arrays that repeat `score()`'s arithmetic in the same order, so
  the totals are bit-for-bit the ones `score()` computes (tests assert it);
- full MatchReports only for the postings returned (the bot shows ten).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from bot.postings.model import Education, Posting
from bot.resumes.model import ResumeText
from bot.scoring import (
    BUCKET_FULL_WEIGHT,
    BUCKETS,
    DEGREE_RANK,
    GENERIC_ROLE_WEIGHT,
    GENERIC_ROLE_WORDS,
    RELEVANCE_FULL_AT,
    TITLE_ELSEWHERE_CREDIT,
    WEIGHTS,
    MatchReport,
    ResumeProfile,
    education_fraction,
    effective_weight,
    experience_fraction,
    fuzzy_allowed,
    health_category,
    keyword_credit,
    near_spellings,
    posting_level,
    profile_resume,
    score,
    title_role,
)
from bot.skills.model import Category

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
CACHED_INDEXES = 4  # indexes kept for callers that rank the same posting list again


class RankingIndex:
    """The postings' scoring inputs, computed once and reused for every resume ranked against them."""

    def __init__(self, postings: Sequence[Posting]) -> None:
        self.postings = tuple(postings)
        n = len(self.postings)
        self._keys: dict[tuple[str, bool], int] = {}
        roles: dict[tuple[str, ...], int] = {}
        experiences: dict[tuple[float | None, int | None], int] = {}
        educations: dict[Education, int] = {}
        kw_posting: list[int] = []
        kw_key: list[int] = []
        kw_bucket: list[int] = []
        kw_weight: list[float] = []
        self._role_id = np.full(n, -1, dtype=np.int64)
        self._exp_id = np.full(n, -1, dtype=np.int64)
        self._edu_id = np.full(n, -1, dtype=np.int64)
        keys = self._keys
        soft = BUCKETS.index("soft_skills")
        for i, posting in enumerate(self.postings):
            fields = posting.fields
            role = title_role(fields.title)
            role_set = frozenset(role)
            for kw in posting.keywords:  # the hot loop of a build: bucket_of() inlined
                key = (kw.keyword.lower(), fuzzy_allowed(kw))
                key_id = keys.get(key)
                if key_id is None:
                    key_id = keys[key] = len(keys)
                kw_posting.append(i)
                kw_key.append(key_id)
                kw_bucket.append(soft if kw.category is Category.SOFT_SKILL else 1 if kw.required is False else 0)
                kw_weight.append(effective_weight(kw, role_set))
            if role:
                self._role_id[i] = roles.setdefault(role, len(roles))
            years = fields.years_min if fields.years_min is not None and fields.years_min > 0 else None
            level = posting_level(fields)
            if years is not None or level is not None:
                self._exp_id[i] = experiences.setdefault((years, level), len(experiences))
            if fields.education is not None and fields.education.level in DEGREE_RANK:
                self._edu_id[i] = educations.setdefault(fields.education, len(educations))
        self._role_words, self._role_entry_role, self._role_entry_word, self._role_entry_weight = _role_entries(roles)
        self._role_total = np.bincount(self._role_entry_role, weights=self._role_entry_weight, minlength=len(roles))
        self._experiences = tuple(experiences)
        self._educations = tuple(educations)
        posting_of = np.asarray(kw_posting, dtype=np.int64)
        self._kw_key = np.asarray(kw_key, dtype=np.int64)
        self._weight = np.asarray(kw_weight, dtype=np.float64)
        bucket = np.asarray(kw_bucket, dtype=np.int64)
        # One bin per (posting, bucket); bincount adds each bin's keywords in keyword order, as score() does.
        self._cell = posting_of * len(BUCKETS) + bucket
        cells = len(BUCKETS) * n
        self._bucket_total = np.bincount(self._cell, weights=self._weight, minlength=cells).reshape(n, len(BUCKETS))
        self._bucket_present = np.bincount(self._cell, minlength=cells).reshape(n, len(BUCKETS)) > 0
        hard = np.flatnonzero(bucket != soft)
        self._hard_posting, self._hard_key, self._hard_weight = posting_of[hard], self._kw_key[hard], self._weight[hard]
        self._hard_total = np.bincount(self._hard_posting, weights=self._hard_weight, minlength=n)

    def __len__(self) -> int:
        return len(self.postings)

    def totals(self, resume: ResumeText | ResumeProfile) -> Floats:
        """Every posting's unrounded score total, equal to `score(posting, resume)`'s category sum."""
        profile = resume if isinstance(resume, ResumeProfile) else profile_resume(resume)
        n = len(self.postings)
        credit = self._credits(profile)
        cells = len(BUCKETS) * n
        earned = np.bincount(self._cell, weights=self._weight * credit[self._kw_key], minlength=cells)
        earned = earned.reshape(n, len(BUCKETS))
        parts: list[tuple[str, npt.NDArray[np.bool_], Floats]] = []  # in score()'s category order
        weights: list[Floats] = []  # each category's nominal weight per posting, in the same order as parts
        for b, name in enumerate(BUCKETS):
            asked = self._bucket_total[:, b]
            weight = WEIGHTS[name] * np.minimum(1.0, asked / BUCKET_FULL_WEIGHT)
            points = np.where(asked > 0, weight * earned[:, b] / np.where(asked > 0, asked, 1.0), 0.0)
            parts.append((name, self._bucket_present[:, b], points))
            weights.append(weight)
        title = np.asarray([*self._title_fractions(profile).tolist(), 0.0])  # role id -1 reads the trailing 0.0
        parts.append(("title", self._role_id >= 0, WEIGHTS["title"] * title[self._role_id]))
        weights.append(np.full(n, WEIGHTS["title"]))
        hard_credit = self._hard_weight * credit[self._hard_key]
        hard_earned = np.bincount(self._hard_posting, weights=hard_credit, minlength=n)
        has_hard = self._hard_total > 0
        fraction = hard_earned / np.where(has_hard, self._hard_total, 1.0)
        gate = np.where(has_hard, np.minimum(1.0, fraction / RELEVANCE_FULL_AT), 1.0)  # = scoring.gate_of
        for name, ids, fractions in (
            ("experience", self._exp_id, [self._experience(e, profile) for e in self._experiences]),
            ("education", self._edu_id, [self._education(e, profile) for e in self._educations]),
        ):
            by_id = np.asarray([*fractions, 0.0], dtype=np.float64)  # id -1 reads the trailing 0.0
            points = WEIGHTS[name] * by_id[ids]
            parts.append((name, ids >= 0, np.where(gate < 1.0, points * gate, points)))
            weights.append(np.full(n, WEIGHTS[name]))
        health = health_category(profile)
        weight_sum: Floats = np.zeros(n)
        for (_, present, _), weight in zip(parts, weights, strict=True):
            weight_sum = weight_sum + np.where(present, weight, 0.0)
        scale = 100.0 / (weight_sum + health.weight)
        total: Floats = np.zeros(n)
        for _, present, points in parts:
            total = total + np.where(present, points * scale, 0.0)
        total = total + health.points * scale
        return total

    def scores(self, resume: ResumeText | ResumeProfile) -> Ints:
        """Every posting's 0..100 score, as `score()` would report it."""
        total = self.totals(resume)
        return np.clip(np.floor(total + 0.5), 0, 100).astype(np.int64)

    def rank(self, resume: ResumeText | ResumeProfile, limit: int | None = None) -> list[tuple[Posting, MatchReport]]:
        """Postings best first, with full reports for the ones returned.

        Ordered by the unrounded total, then by input order: the shown scores never rise down the
        list, two postings that both show 71 keep the order of their exact totals, and exact ties
        keep the order the postings were given in (deterministic).
        """
        profile = resume if isinstance(resume, ResumeProfile) else profile_resume(resume)
        n = len(self.postings)
        count = n if limit is None else max(0, min(limit, n))
        if count == 0:
            return []
        totals = self.totals(profile)
        candidates = np.arange(n, dtype=np.int64)
        if count < n:
            cutoff = np.partition(totals, n - count)[n - count]  # the count-th best total
            candidates = np.flatnonzero(totals >= cutoff)
        chosen = candidates[np.lexsort((candidates, -totals[candidates]))][:count]
        return [(self.postings[i], score(self.postings[i], profile)) for i in chosen.tolist()]

    def _credits(self, profile: ResumeProfile) -> Floats:
        """Credit (0..1) of each distinct keyword of the index for this resume."""
        wanted = [name for (name, fuzzy_ok) in self._keys if fuzzy_ok and name not in profile.terms]
        near_spellings([w for w in wanted if w not in profile.implied], profile)  # batch; results memoised
        return np.asarray([keyword_credit(name, ok, profile)[1] for (name, ok) in self._keys], dtype=np.float64)

    def _title_fractions(self, profile: ResumeProfile) -> Floats:
        """`scoring.title_fraction` of every distinct role at once: per role word, then summed per role."""
        credit = np.asarray(
            [
                1.0 if w in profile.title_words else TITLE_ELSEWHERE_CREDIT if w in profile.words else 0.0
                for w in self._role_words
            ],
            dtype=np.float64,
        )
        earned = np.bincount(
            self._role_entry_role,
            weights=self._role_entry_weight * credit[self._role_entry_word],
            minlength=len(self._role_total),
        )
        fractions: Floats = earned / self._role_total
        return fractions

    @staticmethod
    def _experience(asked: tuple[float | None, int | None], profile: ResumeProfile) -> float:
        found = experience_fraction(asked[0], asked[1], profile)
        return found[0] if found is not None else 0.0

    @staticmethod
    def _education(education: Education, profile: ResumeProfile) -> float:
        found = education_fraction(education, profile)
        return found[0] if found is not None else 0.0


def _role_entries(roles: dict[tuple[str, ...], int]) -> tuple[tuple[str, ...], Ints, Ints, Floats]:
    """Distinct role words, and per (role, word) entry in title order: role id, word id, word weight."""
    words: dict[str, int] = {}
    entry_role: list[int] = []
    entry_word: list[int] = []
    entry_weight: list[float] = []
    for role, role_id in roles.items():
        for word in role:
            entry_role.append(role_id)
            entry_word.append(words.setdefault(word, len(words)))
            entry_weight.append(GENERIC_ROLE_WEIGHT if word in GENERIC_ROLE_WORDS else 1.0)
    return (
        tuple(words),
        np.asarray(entry_role, dtype=np.int64),
        np.asarray(entry_word, dtype=np.int64),
        np.asarray(entry_weight, dtype=np.float64),
    )


_CACHE: OrderedDict[tuple[int, ...], RankingIndex] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def index_for(postings: Sequence[Posting]) -> RankingIndex:
    """The index of exactly these posting objects, reused when the same list is ranked again.

    Keyed by the postings' identities; the cached index holds the postings, so an identity cannot
    be reused by another object while its entry lives.
    """
    key = tuple(map(id, postings))
    with _CACHE_LOCK:  # /match runs in worker threads
        index = _CACHE.get(key)
        if index is not None and all(a is b for a, b in zip(index.postings, postings, strict=True)):
            _CACHE.move_to_end(key)
            return index
    index = RankingIndex(postings)
    with _CACHE_LOCK:
        _CACHE[key] = index
        while len(_CACHE) > CACHED_INDEXES:
            _CACHE.popitem(last=False)
    return index
