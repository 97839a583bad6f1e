"""Recognise the job site around a pasted posting ("page chrome").

A posting copied from a job board drags the board along: sign-up prompts, "Upload your resume",
"Apply now" buttons, cookie banners, share bars, "More jobs at Acme" followed by other job
titles, "Similar jobs", ads and footers. None of it may become a keyword, a title or a
requirement, so the section splitter marks it CHROME.

Two kinds of hit:
- LINE: this one line is chrome (a button label, a banner, a footer line);
- BLOCK: this line opens a list of other jobs or links; the short lines after it are chrome too.

Only short lines are tested against the button/navigation phrases: "Apply now to join our
nursing team!" inside a paragraph is part of the posting, a bare "Apply now" line is a button.
"""

# ruff: noqa: E501 - regular expressions of phrase lists read better unwrapped

from __future__ import annotations

import re
from enum import Enum


class ChromeHit(Enum):
    LINE = "line"
    BLOCK = "block"


MAX_BUTTON_LINE = 60
"""Longest line that can be a button or navigation label."""
MAX_LISTING_LINE = 120
"""Longest line that can still be an entry (a job title, company · city) in a list of other jobs."""

_BLOCK_OPENERS = re.compile(
    r"(?:similar|related|recommended|suggested|other|more|recent|recently viewed|popular|trending|latest|new|top)"
    r"(?: \w+){0,2} (?:jobs|roles|positions|openings|vacancies|opportunities|searches|companies|listings)\b.{0,60}"
    r"|more (?:jobs|roles|openings|positions|opportunities) (?:at|from|by|like this|in)\b.{0,60}"
    r"|jobs (?:you may|you might|similar|like this|for you|near you|by (?:location|category|title))\b.{0,40}"
    r"|people (?:also )?(?:viewed|searched|also applied)\b.{0,40}"
    r"|(?:explore|browse|see|view) (?:more|all|other|similar) (?:jobs|roles|openings|positions)\b.{0,40}"
    r"|(?:people|others) who viewed this job.{0,40}"
    r"|(?:explore )?(?:collaborative )?articles?.{0,20}|(?:popular|related|similar) searches"
    r"|top (?:\d+ )?(?:keywords|skills)(?: for this (?:job|role|posting))?|(?:missing|matched|found) (?:keywords|skills)"
    r"|(?:keywords|skills) (?:to add|you(?:'re| are) missing|in this job)|ats keywords.{0,30}"
    r"|(?:for job seekers|for employers|quick links|useful links|follow us|connect with us|"
    r"stay connected|download (?:the|our) app|get the app|site ?map)\b.{0,30}",
    re.IGNORECASE,
)

_BUTTONS = re.compile(
    r"(?:sign (?:up|in)|log ?in|log ?out|register|join now|join (?:for )?free|create (?:an |a free )?(?:account|profile)"
    r"|upload (?:your |a )?(?:resume|cv)|(?:easy |quick |1-click )?apply(?: now| for this (?:job|position|role)"
    r"| on (?:the )?company (?:site|website)| with linkedin| with indeed)?|i'?m interested|save(?:d)?(?: (?:this )?job)?"
    r"|share(?: (?:this )?(?:job|posting|on \w+|via \w+))?|tweet|copy link|email (?:this )?job|print(?: this job)?"
    r"|report(?: this)?(?: job| listing| ad)?|flag (?:this )?job|show (?:more|less)|see (?:more|less|all)|read more"
    r"|view (?:all )?(?:jobs|job|details|more|company)|back(?: to)?(?: all)? (?:search|jobs|results|top|listings)"
    r"|(?:skip|jump) to (?:main )?content|menu|close|dismiss|home|jobs|find jobs|search(?: jobs)?|post (?:a )?jobs?"
    r"|for employers|employers|companies|salaries|company reviews|career advice|messaging|notifications|people"
    r"|learning|network|premium|try premium(?: for free)?|upgrade(?: now)?|unlock\b.*|get (?:job )?alerts?"
    r"|(?:create|set(?: up)?) (?:a )?job alert|get notified.*|follow|following|promoted|sponsored|advertisement|ad"
    r"|actively (?:recruiting|hiring)|be an early applicant|new|urgently hiring|hiring|reposted|verified"
    r"|(?:facebook|twitter|linkedin|x|instagram|whatsapp|email|youtube|tiktok|xing)(?:[ ,|·/]+"
    r"(?:facebook|twitter|linkedin|x|instagram|whatsapp|email|youtube|tiktok|xing))*"
    r"|match (?:your )?resume.*|scan (?:your )?resume.*|see how you (?:match|compare).*|check your (?:ats )?score.*"
    r"|(?:get|try) (?:it )?(?:for )?free|get started(?: for free)?|continue with (?:google|apple|email)"
    r"|accept(?: all)?(?: cookies)?|reject(?: all)?|decline|manage (?:cookies|preferences)|cookie (?:settings|preferences)"
    r"|got it|ok|yes|no|×|x|✕|…|\.\.\.)"
    r"[ !.:»›>→]*",
    re.IGNORECASE,
)

_BANNERS = re.compile(
    r"(?:we use cookies|this (?:site|website) uses cookies|by (?:clicking|continuing|using this site)"
    r"|cookie (?:policy|notice|consent)|privacy (?:policy|notice|statement)|terms (?:of (?:service|use)|& conditions|and conditions)"
    r"|©|\(c\) ?\d{4}|copyright\b|all rights reserved"
    r"|sign up (?:free|for free|now|today|to)|create (?:a )?free account|join (?:\w+ ){0,2}(?:job ?seekers|members|professionals)"
    r"|upload (?:your |a )?(?:resume|cv)\b|get (?:more )?interviews|(?:boost|optimi[sz]e) your (?:resume|cv)"
    r"|(?:posted|reposted|updated) (?:\d+|an?|one) (?:minutes?|hours?|days?|weeks?|months?) ago"
    r"|\d+\+? applicants?\b|over \d+ applicants|(?:likes|views): \d+"
    r"|date posted\b|job id\b|req(?:uisition)? id\b|reference (?:no|number|code)\b"
    r"|home\s*[>›/»]\s*\w|jobs\s*[>›/»]\s*\w"
    r"|see who \w+(?: \w+)? has hired|you(?:'ll| will) be redirected|this job (?:is no longer|has expired)"
    r"|(?:is|are) (?:this|these) jobs? (?:a good fit|right for you)|how (?:well )?do you match"
    r"|keywords (?:found|matched|missing)\b|(?:resume )?match (?:score|rate)\b|try \w+ (?:premium|pro|plus)\b"
    r"|unlock (?:all|more|the full)\b|advertisement\b|sponsored\b|ad choices|profile insights|here's how the job (?:qualifications|details) align)",
    re.IGNORECASE,
)


_SHORT_LINE = re.compile(f"(?P<button>{_BUTTONS.pattern})|(?P<block>{_BLOCK_OPENERS.pattern})", re.IGNORECASE)
_NAV_SEPARATOR = re.compile(r"\s*[/|·•]\s*")


_NAV_PHRASES = re.compile(
    r"\b(?:sign (?:up|in)|log ?(?:in|out)|register|post a job|find jobs|upload (?:your )?(?:resume|cv)|create account"
    r"|join now|for employers|company reviews|salaries|my jobs|saved jobs)\b",
    re.IGNORECASE,
)


def chrome_hit(line: str) -> ChromeHit | None:
    """Whether a stripped, non-empty line is site chrome (and whether it opens a list of links)."""
    if len(line) <= MAX_LISTING_LINE:
        text = line.lstrip("-–•*#>| ").rstrip(" :")
        if len(text) <= MAX_BUTTON_LINE:
            short = _SHORT_LINE.fullmatch(text)
            if short is not None:
                return ChromeHit.LINE if short.lastgroup == "button" else ChromeHit.BLOCK
            if text.count(" ") >= 2 and len(_NAV_PHRASES.findall(text)) >= 2:  # a site menu flattened into one line
                return ChromeHit.LINE
            if any(sep in text for sep in "/|·•") and all(
                _BUTTONS.fullmatch(p) for p in _NAV_SEPARATOR.split(text) if p
            ):
                return ChromeHit.LINE
    if _BANNERS.match(line.lstrip("-–•*#>| ")):
        return ChromeHit.LINE
    return None
