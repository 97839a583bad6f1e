"""The 35 real resumes in ../shared/data/resumes (read in place, never copied): every one
reads, has sections, and a plausible number of years. `pytest -s` prints a table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.resumes import read_resume

pytestmark = pytest.mark.shared

TODAY = date(2025, 6, 1)  # fixed so "Present" means the same on every run


def test_every_real_resume_reads_with_plausible_structure(shared_dir: Path) -> None:
    paths = sorted((shared_dir / "data" / "resumes").glob("cv-*.docx"))
    assert len(paths) >= 35
    rows = []
    for path in paths:
        resume = read_resume(path.read_bytes(), path.name, None, today=TODAY)
        kinds = {section.kind for section in resume.sections}
        rows.append((path.name, len(resume.text), resume.total_years, len(resume.positions), resume.degrees, kinds))
        assert resume.format == "docx"
        assert len(resume.text) > 300, path.name
        assert kinds & {"experience", "skills", "education", "summary"}, path.name
        assert resume.total_years is None or 0 <= resume.total_years <= 45, path.name
        for position in resume.positions:
            assert position.start is not None and position.start <= TODAY
    with_years = [row for row in rows if row[2] is not None]
    with_experience = [row for row in rows if "experience" in row[5]]
    assert len(with_years) >= 20  # the rest lost their dates to anonymisation or two-column layouts
    assert len(with_experience) >= 25
    print(f"\n{'file':<12} {'chars':>6} {'years':>6} {'pos':>4}  {'degrees':<24} sections")
    for name, chars, years, positions, degrees, kinds in rows:
        shown = "-" if years is None else f"{years:.1f}"
        print(f"{name:<12} {chars:>6} {shown:>6} {positions:>4}  {','.join(degrees):<24} {','.join(sorted(kinds))}")
