"""Resume reading: latency (bytes → ResumeText) and peak memory on hostile files.

Run from the repository root:  python bench/bench_resumes.py [--runs N]

Latency is measured through `read_resume` with its worker pool warm (the one-off worker
start is printed apart). Memory is measured per hostile file in a fresh process that parses
it the way the worker does (peak RSS, parsers included); the calling side's Python
allocations are measured with tracemalloc.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pypdfium2 as pdfium  # noqa: E402

from bot.resumes import ResumeError, read_resume  # noqa: E402
from tests.resumes.builders import (  # noqa: E402
    BILLION_LAUGHS_DTD,
    make_docx,
    make_odt,
    make_pdf,
    replace_zip_member,
)

TODAY = date(2025, 6, 1)
SHARED_RESUMES = REPO.parent / "shared" / "data" / "resumes"

_EXPERIENCE = [
    "Senior Backend Engineer, Globex Corporation    Mar 2019 - Present",
    "Designed and ran Python and Go services on Kubernetes handling 40k requests per second.",
    "Led the migration from a monolith to event-driven services with Kafka and PostgreSQL.",
    "Mentored six engineers; introduced code review guidelines and on-call runbooks.",
    "Backend Engineer, Initech    06/2015 - 02/2019",
    "Built billing APIs in Django and REST; cut p95 latency from 800 ms to 120 ms.",
    "Automated deployments with Terraform, GitHub Actions and AWS (ECS, RDS, S3).",
]


def two_page_resume_lines() -> list[list[str]]:
    page1 = ["Jordan Rivera", "jordan.rivera@example.com | +1 (555) 010-2020 | Austin, TX", "PROFESSIONAL SUMMARY",
             "Backend engineer with nine years building reliable, observable distributed systems.",
             "WORK EXPERIENCE", *(_EXPERIENCE * 5)]  # fmt: skip
    page2 = ["PROJECTS", "Open-source rate limiter in Rust used by 300 repositories.", "TECHNICAL SKILLS",
             "Python, Go, Rust, SQL, Kafka, Kubernetes, Terraform, AWS, GCP, Redis, PostgreSQL",
             "EDUCATION", "B.Sc. in Computer Science, University of Texas, 2011 - 2015",
             "CERTIFICATIONS", "AWS Certified Solutions Architect - Associate, 2021", *(_EXPERIENCE * 3)]  # fmt: skip
    return [page1, page2]


def timed(read: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        read()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]


def latency(runs: int) -> None:
    pdf = make_pdf(two_page_resume_lines())
    lines = [line for page in two_page_resume_lines() for line in page]
    docx = make_docx(lines[:30], table=[["Skills", lines[-10]]], header=lines[0])
    started = time.perf_counter()
    read_resume(pdf, "cv.pdf", None, today=TODAY)
    print(f"cold start (first call, starts a worker): {(time.perf_counter() - started) * 1000:.0f} ms")
    cases: list[tuple[str, bytes, str]] = [
        (f"generated 2-page PDF ({len(pdf) // 1024} KB)", pdf, "cv.pdf"),
        (f"generated DOCX ({len(docx) // 1024} KB)", docx, "cv.docx"),
        ("plain text (in-process)", "\n".join(lines).encode(), "cv.txt"),
    ]
    print(f"\n{'input':<44} {'median ms':>10} {'p95 ms':>8}")
    for name, data, filename in cases:
        median, p95 = timed(lambda data=data, filename=filename: read_resume(data, filename, None, today=TODAY), runs)
        print(f"{name:<44} {median:>10.1f} {p95:>8.1f}")
    real = sorted(SHARED_RESUMES.glob("cv-*.docx"))
    if real:
        blobs = [path.read_bytes() for path in real]
        samples = []
        for _ in range(max(1, runs // 10)):
            for blob in blobs:
                started = time.perf_counter()
                read_resume(blob, "cv.docx", None, today=TODAY)
                samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        p95 = samples[round(0.95 * (len(samples) - 1))]
        name = f"{len(real)} real DOCX resumes (../shared), all runs"
        print(f"{name:<44} {statistics.median(samples):>10.1f} {p95:>8.1f}")
    else:
        print("(../shared absent: real DOCX resumes skipped)")


def hostile_files() -> dict[str, bytes]:
    base = make_docx(["EXPERIENCE", "Welder 2010 - 2020"])
    document = pdfium.PdfDocument.new()
    for _ in range(10_000):
        document.new_page(200, 200)
    many_pages = io.BytesIO()
    document.save(many_pages)
    # The worst DOCX inside the limits: ~45 MB of real-looking XML (compression ratio well under
    # the zip-bomb threshold), i.e. the most a worker's XML parser can be asked to hold.
    rng = random.Random(7)
    words = [
        "engineer",
        "welder",
        "python",
        "kubernetes",
        "nurse",
        "budget",
        "forecast",
        "logistics",
        "client",
        "audit",
        "safety",
    ]
    paragraphs = [
        "<w:p><w:r><w:t>" + " ".join(rng.choice(words) for _ in range(14)) + f" {i}</w:t></w:r></w:p>"
        for i in range(400)
    ]
    big_body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(rng.choice(paragraphs) for _ in range(300_000))
        + "</w:body></w:document>"
    )
    laughs = BILLION_LAUGHS_DTD + (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return {
        "zip bomb DOCX (60 MB of spaces)": replace_zip_member(base, "word/document.xml", b" " * (60 * 1024 * 1024)),
        f"DOCX, {len(big_body) >> 20} MB document.xml (under the limits)": replace_zip_member(
            base, "word/document.xml", big_body.encode()
        ),
        "billion laughs DOCX": replace_zip_member(base, "word/document.xml", laughs.encode()),
        "billion laughs ODT": make_odt("<text:p>&lol9;</text:p>", prolog=BILLION_LAUGHS_DTD),
        "10,000-page PDF": many_pages.getvalue(),
        "100-page PDF (read to page 20)": make_pdf([[f"Page {i} welder"] * 50 for i in range(100)]),
        "encrypted PDF": make_pdf([["Secret"]], user_password="pw"),
        "scanned PDF (images only, 20 pages)": make_pdf([[]] * 20, image_only=True),
        "8 MB text file": ("Welder and fabricator. " * 400_000).encode()[: 8 * 1024 * 1024 - 1],
    }


_WORKER_PEAK = """
import sys
from bot.resumes.extract import ParseRequest, extract
from bot.resumes.errors import ResumeError
from bot.resumes.limits import ResumeLimits
from bot.resumes.sniff import sniff

def status_kb(field):  # VmHWM is per address space: unlike ru_maxrss it does not inherit the parent's
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])

data = sys.stdin.buffer.read()
base = status_kb("VmRSS")
try:
    container = sniff(data)
    if container != "text":
        extract(ParseRequest(container, data, ResumeLimits()))
except ResumeError:
    pass
print(base, status_kb("VmHWM"))
"""


def memory() -> None:
    print(f"\n{'hostile file':<44} {'size':>8} {'outcome':<14} {'ms':>6} {'worker MB':>9} {'caller MB':>9}")
    for name, data in hostile_files().items():
        tracemalloc.start()
        started = time.perf_counter()
        try:
            read_resume(data, "upload", None, today=TODAY)
            outcome = "read"
        except ResumeError as error:
            outcome = type(error).__name__
        elapsed = (time.perf_counter() - started) * 1000
        caller_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        child = subprocess.run(
            [sys.executable, "-c", _WORKER_PEAK], input=data, capture_output=True, check=True, cwd=REPO
        )
        base_kb, peak_kb = map(int, child.stdout.split())
        size = f"{len(data) / 1024:.0f} KB" if len(data) < 2**20 else f"{len(data) / 2**20:.1f} MB"
        print(f"{name:<44} {size:>8} {outcome:<14} {elapsed:>6.0f} {peak_kb / 1024:>9.0f} {caller_peak:>9.1f}")
    print(f"(worker MB: peak RSS of a parsing process; {base_kb / 1024:.0f} MB before parsing: interpreter, parsers)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    latency(args.runs)
    memory()


if __name__ == "__main__":
    main()
