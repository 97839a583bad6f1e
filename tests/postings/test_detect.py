"""`looks_like_posting`: the contract, the hard cases of chat about jobs, and bounded work."""

from __future__ import annotations

import ast
import math
import time
from pathlib import Path

import pytest

from bot.postings import detect
from bot.postings.detect import POSTING_THRESHOLD, looks_like_posting, score_breakdown


def is_posting(text: str) -> bool:
    return looks_like_posting(text) >= POSTING_THRESHOLD


POSTINGS = [
    # the short kind common in chat
    "Acme | Senior Backend Engineer | Remote (EU) | €80–100k | Python, Postgres | apply: https://acme.io/careers/42",
    "We're hiring a Data Analyst in Austin, TX — SQL + Tableau, 3+ yrs, $85k. DM me or apply at https://acme.io/jobs/7",
    "[Hiring] Registered Nurse, night shift, $48/hr, Denver",
    "Backend Engineer at Stripe https://boards.greenhouse.io/stripe/jobs/123",
    "Site Reliability Engineer – Kestrel – Remote (US) – https://jobs.lever.co/kestrel/0f3a9c",
    "Hiring 3 apprentice plumbers in Leeds, £11/hr to start, full training, start Monday. Call 0113 496 0000",
    "Line cook wanted at Rosa's Cantina, Austin TX — $18/hr + tips, nights and weekends. Apply in person",
    "Our clinic is hiring a part-time dental receptionist, $19-22/hr, M/W/F. Send your resume to jobs@brightsmile.com",
    # non-software and non-English
    "Wir suchen eine Pflegefachkraft (m/w/d) in Vollzeit für unsere Station in Bremen. Bewerbung an jobs@nord.de",
    "Nous recrutons un(e) comptable en CDI à Toulouse, 3 ans d'expérience, 38-42 k€. Candidature : rh@cabinet-roy.fr",
    "Buscamos electricista con 2 años de experiencia en Málaga, contrato indefinido, 1.600 € netos/mes.",
    "Vi søger en butiksassistent på deltid i Odense. Send din ansøgning til job@fynbutik.dk",
    # a full page with sections and site chrome
    """Sign in | Post a job | Salaries
Senior Accountant
Harbor Foods · Portland, OR · Full-time · $78,000 - $92,000 a year

About the role
Own month-end close for our two plants and partner with operations on cost reporting.

Responsibilities
- Prepare journal entries and reconciliations
- Maintain fixed-asset schedules
- Support the annual audit

Requirements
- 4+ years of accounting experience, CPA preferred
- NetSuite and advanced Excel

Benefits
Medical, dental, 401(k) with match, 3 weeks PTO.

Similar jobs
Staff Accountant · Portland, OR
© 2026 JobSite · Privacy · Cookies""",
    # markdown
    """**We're hiring: Junior UX Designer** 🎨
- **Where:** Lisbon (hybrid)
- **Pay:** €26k–€30k
- **You have:** a portfolio, Figma, curiosity
Apply 👉 https://apply.workable.com/mareva/j/1A2B3C/""",
]

CHAT = [
    "anyone hiring?",
    "got the offer!",
    "can anyone refer me to Google? I have 5 years of Python",
    "is $120k fair for a senior engineer in Austin?",
    "is this posting legit? they want 10 years of Rust lol",
    "https://techcrunch.com/2026/11/20/acme-lays-off-12-percent/ layoffs at Acme, hope nobody here got hit",
    "Should I put my certifications above my experience on my resume?",
    "third recruiter this week pitching me a '$40/hr senior Java contract, onsite in NJ'. I'm a frontend dev",
    "I GOT THE JOB. Senior Backend Engineer at a fintech, remote, $175k. thank you all!",
    "Anyone applied to this? https://boards.greenhouse.io/someco/jobs/4412345 wondering if it's a ghost job",
    "[FOR HIRE] Senior React developer, 6 yrs, available for contract work, $80/hr. Portfolio: https://devon.dev",
    "my interview for the warehouse supervisor job went well I think, they asked if I could start in two weeks",
    "```python\nprint('hello')\n```",
    "good morning everyone ☀️",
    # a resume: skills, years and a title, but written by a job seeker
    """roast my resume:
Experience:
Software Engineer, Acme Corp (2021–present)
- Built REST APIs in Python/Django serving 2M requests/day
Junior Developer, Beta LLC (2019–2021)
- Maintained React frontend
Skills: Python, Django, React, PostgreSQL, AWS, Docker
Education: BS Computer Science, 2019""",
    # a cover letter
    """Dear Hiring Manager,
I am excited to apply for the Data Analyst position at Lumen Kitchens. With three years of experience in SQL and
Tableau I believe I would be a strong fit for your Growth team.""",
    # quoting a posting's requirements to ask about them
    """am I qualified? the requirements say:
- 3+ years of B2B SaaS closing
- travel 25%
I have 2 years as an SDR""",
    # long off-topic
    """So I finally finished the kitchen renovation. Took three months longer than planned because the cabinets were
backordered, then the countertop guy measured wrong and we had to wait another five weeks for the quartz. The
electrician was great though, moved two outlets in an afternoon. Total came to about $38k, more than we budgeted.""",
]


@pytest.mark.parametrize("text", POSTINGS)
def test_postings_are_recognised(text: str) -> None:
    assert is_posting(text), score_breakdown(text)


@pytest.mark.parametrize("text", CHAT)
def test_chat_about_jobs_is_not_a_posting(text: str) -> None:
    assert not is_posting(text), score_breakdown(text)


def test_asking_about_a_posting_is_not_sharing_it() -> None:
    shared = "Backend Engineer at Stripe https://boards.greenhouse.io/stripe/jobs/123"
    asked = "anyone know anything about this one? " + shared + " — wondering what the team is like"
    assert is_posting(shared)
    assert not is_posting(asked)


def test_query_strings_are_not_questions_or_jokes() -> None:
    # "?jk=…" in an Indeed link once read as a question and as "jk" (just kidding).
    text = "Nurse Practitioner – Urgent Care, Flagstaff AZ: https://www.indeed.com/viewjob?jk=a1b2c3d4e5f60789"
    assert "questions" not in score_breakdown(text)
    assert "chatty" not in score_breakdown(text)
    assert is_posting(text)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "ok", "👍", "\x00\x01\x02binary\xff\xfe junk"])
def test_empty_and_junk_score_low(text: str) -> None:
    score = looks_like_posting(text)
    assert 0.0 <= score < POSTING_THRESHOLD


def test_score_is_a_probability_and_deterministic() -> None:
    for text in POSTINGS + CHAT:
        first = looks_like_posting(text)
        assert 0.0 <= first <= 1.0
        assert looks_like_posting(text) == first


def test_breakdown_explains_the_score() -> None:
    text = POSTINGS[0]
    logit = sum(score_breakdown(text).values())
    assert looks_like_posting(text) == pytest.approx(1 / (1 + math.exp(-logit)))
    assert score_breakdown(text)["bias"] == detect.BIAS


def test_html_tags_do_not_hide_a_posting() -> None:
    html = (
        "<h2>Data Engineer</h2><p>Remote (US) · $150,000 - $180,000</p><h3>Responsibilities</h3>"
        "<ul><li>Build pipelines in Spark</li></ul><h3>Requirements</h3><ul><li>4+ years of Python</li></ul>"
    )
    assert is_posting(html)


def test_only_the_head_of_huge_input_is_read() -> None:
    posting = POSTINGS[12]
    huge = posting + "\n" + "lorem ipsum dolor sit amet " * 200_000  # ~5 MB
    started = time.perf_counter()
    score = looks_like_posting(huge)
    elapsed = time.perf_counter() - started
    assert score == looks_like_posting(huge[: detect.HEAD_CHARS])
    assert is_posting(huge)
    assert elapsed < 2.0  # a few ms normally; generous for a loaded CI machine


def test_many_lines_and_nested_html_are_bounded() -> None:
    many_lines = "\n".join(f"- item {i}" for i in range(100_000))
    nested = "<div>" * 50_000 + "Senior Engineer" + "</div>" * 50_000
    for text in (many_lines, nested):
        started = time.perf_counter()
        looks_like_posting(text)
        assert time.perf_counter() - started < 2.0  # bounded work, not a timing test


def test_detector_stays_independent_of_the_parser_and_discord() -> None:
    source = Path(detect.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported <= {"__future__", "math", "re", "collections", "typing"}, imported


@pytest.mark.parametrize("text", ["good morning everyone", "haha yeah I remember that", "omg congrats 🎉"])
def test_plain_chat_takes_the_fast_exit(text: str) -> None:
    assert score_breakdown(text) == {"bias": detect.BIAS, "no_cues": -2.0}


def test_a_resume_without_dates_is_still_a_resume() -> None:
    resume = """Profile
Logistics professional with 4 years of experience in freight forwarding.
Phone: 555 010 2233
Email: sam@example.com
Work Experience
Import Coordinator, BlueWave Logistics
Handled 60+ active shipments per week
Coordinated with brokers and carriers
Reduced demurrage costs by renegotiating carrier contracts
Education
BA Business Administration
Skills
CargoWise, Excel, customs documentation"""
    cues = score_breakdown(resume)
    assert {"resume_headings", "personal_labels", "past_tense_bullets"} <= cues.keys()
    assert not is_posting(resume)


@pytest.mark.parametrize(
    "text",
    [
        "Bar staff needed this weekend at The Crown, Fri+Sat nights, £13.50 an hour. Pop in and ask for Sam",
        "Fahrradkurier gesucht – Berlin Mitte, flexible Schichten, 14 €/Std + Trinkgeld, eigenes Rad",
        "Busco cuidadora interna para mi madre en Sevilla, lunes a viernes, 1.100 € al mes. Contactar por WhatsApp",
        "Wij zoeken een magazijnmedewerker voor 32 uur per week in Venlo, €14,50 per uur.",
        "paid gig: need a logo + simple brand kit for my bakery, budget $300, 2 weeks. send portfolio",
    ],
)
def test_a_request_for_someone_with_pay_is_a_posting(text: str) -> None:
    cues = score_breakdown(text)
    assert "demand" in cues or "hiring_phrase" in cues, cues
    assert is_posting(text), cues


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Busco trabajo de camarero en Barcelona, 10 €/h, escríbeme por privado", "seeker"),
        ("Experienced cleaner looking for more houses in south Leeds, £15/h, message me if you need someone", "seeker"),
        ("freelance video editor here, my rate is $35/h or $300 per video, DM if you have projects", "seeker"),
        ('lmao look at this: "Event staff needed, $20/hr, must bring own black suit" who writes this', "quoted"),
        ("We're looking for volunteers to help at the food bank this Saturday, sign up in the thread", "volunteer"),
    ],
)
def test_job_seekers_quotes_and_volunteer_calls_are_not_postings(text: str, cue: str) -> None:
    cues = score_breakdown(text)
    assert cue in cues, cues
    assert not is_posting(text), cues


def test_an_agent_noun_counts_as_a_role_only_with_pay() -> None:
    # "upholsterer" is in no word list: after a request word it names a worker only when pay is stated too.
    assert "demand" in score_breakdown("Looking for an upholsterer to redo two armchairs, £250 for both, call Gaz")
    assert "demand" not in score_breakdown("looking for an upholsterer recommendation in Leeds")
