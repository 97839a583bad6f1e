"""Salary: "$150k–$190k", "€60.000 - €75.000 per year", "45/hr", "£40,000 pa", "USD 120,000".

Every figure with a currency or a pay period is a candidate; a candidate needs enough evidence
(currency, period, a range, a pay word such as "salary" on the same line) and must not sit next to
words that make it something else ("learning budget", "signing bonus", "401k"). The best
candidate wins. A figure stated once gives minimum = maximum; "up to" gives only a maximum,
"from"/"starting at" only a minimum. The period is None unless the posting states it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.postings.model import Salary

_CODES = "USD|EUR|GBP|CAD|AUD|NZD|CHF|DKK|SEK|NOK|PLN|INR|JPY|SGD|HKD|CZK|HUF|ZAR|BRL|MXN|ILS|AED|RON|ISK"
_SYMBOL_CODES = {
    "$": "USD",
    "us$": "USD",
    "usd$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad$": "CAD",
    "nz$": "NZD",
    "s$": "SGD",
    "hk$": "HKD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "zł": "PLN",
    "r$": "BRL",
}
_CUR = r"(?:(?:US|USD|A|AU|C|CA|CAD|NZ|S|HK|R)?\$|€|£|¥|₹|(?:" + _CODES + r")\b)"
_AMOUNT = r"\d{1,3}(?:[.,' \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d{1,7}(?:[.,]\d{1,2})?"
_MULT = r"(?:\s?(?:k|K|thousand|tsd\.?|Tsd\.?|mil|mio\.?)(?![a-zA-Z]))"
_PERIOD = (
    r"(?:per|a|an|/|each|every|p\.?)\s?(?:year|yr|annum|a\b|month|mo|mth|week|wk|day|hour|hr|h\b)\.?"
    r"|annually|annual|yearly|monthly|weekly|daily|hourly|p\.?a\.?(?![a-z])|pro jahr|im jahr|brutto(?:jahresgehalt)?"
    r"|pro monat|om måneden|pr\.? måned|par an|par mois|/\s?(?:yr|mo|h)\b"
)
_SALARY = re.compile(
    r"(?P<lead>\b(?i:up to|from|starting (?:at|from)|at least|minimum(?: of)?|ab|bis zu|jusqu'à)\s+)?"
    r"(?P<cur1>" + _CUR + r")?\s?(?P<a>" + _AMOUNT + r")(?P<ka>" + _MULT + r")?"
    r"(?:\s?(?P<cur2>" + _CUR + r"|kr\.?|,-))?"
    r"(?:\s?(?:-|–|—|to|bis|til|à|and)\s?(?P<cur3>" + _CUR + r")?\s?(?P<b>" + _AMOUNT + r")(?P<kb>" + _MULT + r")?"
    r"(?:\s?(?P<cur4>" + _CUR + r"|kr\.?|,-))?)?"
    r"(?P<gross>\s?(?:gross|brutto|base|OTE|DOE|\+\s?(?:bonus|equity|benefits|super))?)"
    r"(?:\s?(?P<period>(?i:" + _PERIOD + r")))?",
)
_PREFIX = re.compile(
    r"(?:\b(?i:up to|from|starting (?:at|from)|at least|minimum(?: of)?|ab|bis zu|jusqu'à)\s+)?(?:" + _CUR + r")?\s?\Z"
)
_PAY_WORDS = re.compile(
    r"salary|salaries|\bpay\b|compensation|\bwage|\bbase\b|\bearn|\brate\b|\bOTE\b|gehalt|vergütung|\bløn\b|lønn|lön"
    r"|salaire|rémunération|salario|sueldo|package|range|per annum|\bTC\b",
    re.IGNORECASE,
)
_NOT_PAY = re.compile(
    r"budget|allowance|stipend|reimburse|gift|signing|sign-on|relocation|\bfund|401\s?\(?k|retirement|pension|match"
    r"|revenue|funding|raised|valuation|customers|users|employees|people|\bARR\b|investment|insurance|discount|referral"
    r"|equity|\bstock|\bshares|donat|requests|queries|events|messages|transactions|rows|records|downloads|installs"
    r"|visitors|members|subscribers|followers|stars|lines|tokens|devices|per (?:second|minute)|[tqr]ps\b|/s\b",
    re.IGNORECASE,
)
_PERIOD_KINDS = (
    ("hour", re.compile(r"hour|\bhr|\bh\b|/\s?h|stunde|heure|hourly")),
    ("day", re.compile(r"\bday|daily|\btag")),
    ("week", re.compile(r"week|\bwk|woche")),
    ("month", re.compile(r"month|\bmo\b|\bmth|monat|måned|mois")),
    ("year", re.compile(r"year|\byr|annum|annual|\bp\.?\s?a\b|jahr|\ban\b|brutto|\bår")),
)
_MIN_AMOUNT = {"hour": 5.0, "day": 40.0, "week": 150.0, "month": 400.0, "year": 5_000.0}
_MAX_AMOUNT = {"hour": 2_000.0, "day": 10_000.0, "week": 50_000.0, "month": 500_000.0, "year": 50_000_000.0}


def _period(text: str | None) -> str | None:
    if not text:
        return None
    low = text.lower()
    for name, pattern in _PERIOD_KINDS:
        if pattern.search(low):
            return name
    return None


def _currency(dollar: str, *symbols: str | None) -> str | None:
    for symbol in symbols:
        if symbol and symbol not in (",-",):
            low = symbol.lower().rstrip(".")
            if low == "$":
                return dollar
            if low in _SYMBOL_CODES:
                return _SYMBOL_CODES[low]
            if symbol.upper() in _CODES.split("|"):
                return symbol.upper()
    return None


def _number(text: str, multiplier: str | None) -> float:
    """'60.000' and '60,000' are sixty thousand; '45.50' and '45,5' are decimals."""
    digits = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("'", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        value = float(re.sub(r"[.,]", "", digits))
    else:
        m = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})*)([.,]\d{1,2})?", digits)
        if m and m.group(2):
            value = float(re.sub(r"[.,]", "", m.group(1)) + "." + m.group(2)[1:])
        else:
            value = float(re.sub(r"[.,]", "", digits))
    if multiplier and multiplier.strip():
        word = multiplier.strip().lower()
        value *= 1_000_000 if word.startswith(("mil", "mio")) else 1_000
    return value


SALARY_SYMBOLS = (
    "0k", "5k", "0K", "5K", "$", "€", "£", "¥", "₹", "zł", "kr.", "/h", "/y", "/m", "/d", "/w", "/ h", "/ y", "/ m",
    "p.a", "per hour", "per year", "per month", "per week", "per day", "per annum", "an hour", "a year", "a month",
    "a week", "a day", "pro jahr", "pro monat", "par an", "par mois", "pr. måned", "om måneden",
)  # fmt: skip
SALARY_TRIGGERS = frozenset(
    ("usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "dkk", "sek", "nok", "pln", "inr", "jpy", "sgd", "hkd", "czk",
     "huf", "zar", "brl", "mxn", "ils", "aed", "ron", "isk", "kr", "annum", "annual", "annually", "yearly", "monthly",
     "hourly", "weekly", "daily", "pa", "salary", "salaries", "pay", "compensation", "wage", "wages", "rate", "ote",
     "gehalt", "vergütung", "løn", "lønn", "lön", "salaire", "rémunération", "sueldo", "salario", "brutto")
)  # fmt: skip
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d[\d.,]*")
_CLAUSE_BREAK = re.compile(r"[,;.()]\s|\s[-–—]\s")


_CONTEXT = 200
"""Characters either side of a figure read for pay words: a line, or this much of a very long one."""
MAX_CANDIDATES = 300
"""Figures examined per posting: a real posting has a handful; a list of 100,000 prices is not a posting."""


def find_salary(text: str, spans: list[tuple[int, int]], dollar: str = "USD") -> Salary | None:
    """The salary stated on the given lines of `text` (chrome blanked out), or None.

    `dollar` is the currency a bare "$" stands for where the job is (CAD in Toronto).
    """
    best: tuple[int, int, Salary] | None = None
    seen = 0
    for start, end in spans:
        if _DIGIT.search(text, start, end) is None:
            continue
        for m in _figures(text, start, end):
            seen += 1
            if seen > MAX_CANDIDATES:
                return best[2] if best else None
            candidate = _candidate(text, m, dollar)
            if candidate is not None and (best is None or candidate[0] > best[0]):
                best = (candidate[0], -m.start(), candidate[1])
    return best[2] if best else None


def _figures(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Salary-shaped matches in text[start:end], tried only where a number starts (with what precedes it)."""
    done = start
    for number in _NUMBER.finditer(text, start, end):
        if number.start() < done:
            continue
        window = max(start, number.start() - 24)
        prefix = _PREFIX.search(text, window, number.start())
        m = _SALARY.match(text, prefix.start() if prefix else number.start(), end)
        if m is not None and m.end() > number.start():
            done = m.end()
            yield m
        else:
            done = number.end()


def _candidate(text: str, m: re.Match[str], dollar: str) -> tuple[int, Salary] | None:
    a, b = m.group("a"), m.group("b")
    end = m.end()
    start = next(m.start(g) for g in ("lead", "cur1", "a") if m.group(g) is not None)
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/#"):
        return None
    stated = m.group("cur1") or m.group("cur2") or m.group("cur3") or m.group("cur4") or m.group("period")
    if not stated and b is None:  # a bare number: only a labelled range ("Salary: 60,000 - 75,000") counts
        return None
    line_start = text.rfind("\n", max(0, start - _CONTEXT), start) + 1 or max(0, start - _CONTEXT)
    line_end = text.find("\n", end, end + _CONTEXT)
    line = text[line_start : line_end if line_end >= 0 else min(len(text), end + _CONTEXT)]
    after = text[end : min(end + 30, line_start + len(line))]
    clause = _CLAUSE_BREAK.search(after)
    near = text[max(line_start, start - 40) : start] + " " + (after[: clause.start()] if clause else after)
    if _NOT_PAY.search(near):
        return None
    pay_words = _PAY_WORDS.search(line) is not None
    labelled_range = pay_words and b is not None and line.lstrip("- ")[:1].isalpha()
    if not stated and not labelled_range and not m.group("kb"):  # "90-110k" reads as pay on its own
        return None
    currency = _currency(dollar, m.group("cur1"), m.group("cur2"), m.group("cur3"), m.group("cur4"))
    period = _period(m.group("period"))
    ka, kb = m.group("ka"), m.group("kb")
    if b is not None and kb and not ka:
        ka = kb  # "€80–100k": the k belongs to both figures
    low = _number(a, ka)
    high = _number(b, kb) if b is not None else None
    if high is not None and high < low:
        return None
    check = period or ("year" if (ka or low >= 10_000) else None)
    if check is None and currency is None:
        return None
    if check is not None:
        values = [low] if high is None else [low, high]
        if any(v < _MIN_AMOUNT[check] or v > _MAX_AMOUNT[check] for v in values):
            return None
    elif low < 100:
        return None
    if period is None and 1900 <= low <= 2100 and not (ka or currency):
        return None
    if period is None and high is None and not pay_words and not (ka or low >= 10_000):
        return None
    evidence = (
        (2 if currency else 0)
        + (2 if period else 0)
        + (1 if high is not None else 0)
        + (2 if pay_words else 0)
        + (1 if m.group("kb") else 0)
    )
    if evidence < 2:
        return None
    lead = (m.group("lead") or "").strip().lower()
    if high is None:
        if lead in ("up to", "bis zu", "jusqu'à"):
            return evidence, Salary(None, low, currency, period)
        if lead in ("from", "starting at", "starting from", "at least", "minimum", "minimum of", "ab"):
            return evidence, Salary(low, None, currency, period)
        return evidence, Salary(low, low, currency, period)
    return evidence, Salary(low, high, currency, period)
