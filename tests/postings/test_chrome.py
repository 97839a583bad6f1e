"""Page chrome: buttons, banners, nav bars and lists of other jobs are recognised; posting lines are not."""

from __future__ import annotations

import pytest

from bot.postings.chrome import ChromeHit, chrome_hit


@pytest.mark.parametrize(
    "line",
    [
        "Apply now",
        "Easy Apply",
        "Save job",
        "Share",
        "Sign in",
        "Upload your resume",
        "Sign up free to see how you compare to 100+ other applicants",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Accept all cookies",
        "© 2025 JobSprout",
        "Posted 3 days ago",
        "Over 200 applicants",
        "Employers / Post Job",
        "CareerHarbor Sign up Log in",
        "Keywords found: 12 of 18",
        "Try ResumeRocket Premium for free",
        "Facebook Twitter LinkedIn",
        "Report this job",
        "Show more",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert chrome_hit(line) is ChromeHit.LINE


@pytest.mark.parametrize(
    "line",
    [
        "Similar jobs",
        "More jobs at Greenleaf Solar",
        "People also viewed",
        "Jobs you may like",
        "Top keywords for this job",
    ],
)
def test_lists_of_other_jobs_open_a_chrome_block(line: str) -> None:
    assert chrome_hit(line) is ChromeHit.BLOCK


@pytest.mark.parametrize(
    "line",
    [
        "Apply now to join our nursing team and make a difference for patients every day.",
        "Senior Backend Engineer",
        "- Share knowledge with the team through code review",
        "Company: Acme",
        "Experience with sign-up flows and onboarding",
        "Requirements",
        "About us",
    ],
)
def test_posting_lines_are_not_chrome(line: str) -> None:
    assert chrome_hit(line) is None
