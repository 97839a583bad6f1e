"""Board API payloads in each provider's documented shape (written by hand from the field lists)."""

from __future__ import annotations

from html import escape
from typing import Any

REQUIREMENTS_HTML = "<li>5+ years of Python</li><li>Experience with PostgreSQL and Docker</li>"
BENEFITS_HTML = "<li>Health insurance</li><li>Learning budget</li>"
DESCRIPTION_HTML = (
    "<p>We build payment infrastructure for small businesses. You will design APIs and own services end to end.</p>"
)


def greenhouse_job(job_id: int = 4001, title: str = "Senior Backend Engineer", extra: str = "") -> dict[str, Any]:
    html = f"{DESCRIPTION_HTML}<h3>Requirements</h3><ul>{REQUIREMENTS_HTML}</ul>{extra}"
    return {
        "id": job_id,
        "internal_job_id": job_id + 1,
        "title": title,
        "updated_at": "2026-11-20T10:00:00-05:00",
        "first_published": "2026-11-01T10:00:00-05:00",
        "requisition_id": "R-1",
        "location": {"name": "Berlin, Germany"},
        "absolute_url": f"https://job-boards.greenhouse.io/acme/jobs/{job_id}",
        "company_name": "Acme",
        "departments": [{"id": 1, "name": "Engineering"}],
        "offices": [{"id": 2, "name": "Berlin", "location": "Berlin, Germany"}],
        "metadata": None,
        "content": escape(html),  # Greenhouse sends its HTML entity-escaped
    }


def greenhouse_board(*jobs: dict[str, Any]) -> dict[str, Any]:
    return {"jobs": list(jobs), "meta": {"total": len(jobs)}}


def lever_job(job_id: str = "a1b2c3d4-0000-4000-8000-000000000001", title: str = "Data Engineer") -> dict[str, Any]:
    return {
        "id": job_id,
        "text": title,
        "categories": {"location": "London", "commitment": "Full-time", "team": "Data", "allLocations": ["London"]},
        "country": "GB",
        "workplaceType": "hybrid",
        "salaryRange": {"min": 70000, "max": 90000, "currency": "GBP", "interval": "per-year-salary"},
        "createdAt": 1763000000000,
        "hostedUrl": f"https://jobs.lever.co/globex/{job_id}",
        "applyUrl": f"https://jobs.lever.co/globex/{job_id}/apply",
        "description": "<div>Globex moves data for hospitals.</div>",
        "descriptionPlain": "Globex moves data for hospitals.",
        "lists": [
            {"text": "What you'll do", "content": "<li>Build Airflow pipelines</li><li>Model data in dbt</li>"},
            {"text": "What we're looking for", "content": "<li>Strong SQL</li><li>Apache Spark experience</li>"},
        ],
        "additional": "<div>We offer private health cover.</div>",
        "additionalPlain": "We offer private health cover.",
    }


def ashby_board(*jobs: dict[str, Any]) -> dict[str, Any]:
    return {"apiVersion": "1", "jobs": list(jobs)}


def ashby_job(job_id: str = "0f6a2b7c-1111-4222-8333-444455556666", title: str = "Product Designer") -> dict[str, Any]:
    return {
        "id": job_id,
        "title": title,
        "department": "Design",
        "team": "Design",
        "employmentType": "FullTime",
        "location": "Remote - US",
        "secondaryLocations": [{"location": "New York, NY"}],
        "publishedAt": "2026-11-02T12:00:00.000+00:00",
        "isListed": True,
        "isRemote": True,
        "workplaceType": "Remote",
        "jobUrl": f"https://jobs.ashbyhq.com/initech/{job_id}",
        "applyUrl": f"https://jobs.ashbyhq.com/initech/{job_id}/application",
        "descriptionHtml": (
            "<p>Design flows in Figma.</p><h2>Requirements</h2><ul><li>Figma</li><li>User research</li></ul>"
        ),
        "descriptionPlain": "Design flows in Figma.",
        "compensation": {
            "compensationTierSummary": "$120K – $150K",
            "summaryComponents": [
                {
                    "compensationType": "Salary",
                    "interval": "1 YEAR",
                    "currencyCode": "USD",
                    "minValue": 120000,
                    "maxValue": 150000,
                },
                {"compensationType": "EquityPercentage", "interval": "NONE", "minValue": 0.1, "maxValue": 0.2},
            ],
        },
    }


def workable_account(*jobs: dict[str, Any]) -> dict[str, Any]:
    return {"name": "Umbrella Corp", "description": "Biotech.", "jobs": list(jobs)}


def workable_job(shortcode: str = "A1B2C3D4E5", title: str = "QA Engineer") -> dict[str, Any]:
    return {
        "title": title,
        "shortcode": shortcode,
        "code": "",
        "employment_type": "Contract",
        "telecommuting": False,
        "department": "Engineering",
        "url": f"https://apply.workable.com/j/{shortcode}",
        "shortlink": f"https://apply.workable.com/j/{shortcode}",
        "application_url": f"https://apply.workable.com/j/{shortcode}/apply",
        "published_on": "2026-11-03",
        "created_at": "2026-11-03",
        "country": "Netherlands",
        "city": "Amsterdam",
        "state": "North Holland",
        "education": "",
        "experience": "Mid-Senior level",
        "locations": [
            {
                "country": "Netherlands",
                "countryCode": "NL",
                "city": "Amsterdam",
                "region": "North Holland",
                "hidden": False,
            }
        ],
        "description": "<p>Test our lab software.</p>",
        "requirements": "<ul><li>Selenium</li><li>Cypress</li></ul>",
        "benefits": "<ul><li>Pension plan</li></ul>",
    }


def smartrecruiters_list(*ids: str) -> dict[str, Any]:
    return {
        "offset": 0,
        "limit": 100,
        "totalFound": len(ids),
        "content": [
            {
                "id": i,
                "name": "Network Engineer",
                "uuid": f"uuid-{i}",
                "refNumber": "REF1",
                "company": {"identifier": "Hooli", "name": "Hooli"},
                "releasedDate": "2026-11-04T09:00:00.000Z",
                "location": {"city": "Austin", "region": "TX", "country": "us", "remote": False},
                "typeOfEmployment": {"id": "permanent", "label": "Full-time"},
            }
            for i in ids
        ],
    }


def smartrecruiters_posting(posting_id: str = "744000012345678") -> dict[str, Any]:
    base = smartrecruiters_list(posting_id)["content"][0]
    return {
        **base,
        "postingUrl": f"https://jobs.smartrecruiters.com/Hooli/{posting_id}-network-engineer",
        "applyUrl": f"https://jobs.smartrecruiters.com/Hooli/{posting_id}-network-engineer?oga=true",
        "jobAd": {
            "sections": {
                "companyDescription": {"title": "Company Description", "text": "<p>Hooli runs data centres.</p>"},
                "jobDescription": {"title": "Job Description", "text": "<p>Run our BGP backbone.</p>"},
                "qualifications": {"title": "What you bring", "text": "<ul><li>CCNP</li><li>BGP and OSPF</li></ul>"},
                "additionalInformation": {"title": "Additional Information", "text": "<p>Relocation offered.</p>"},
            }
        },
    }


def recruitee_offers(*offers: dict[str, Any]) -> dict[str, Any]:
    return {"offers": list(offers)}


def recruitee_offer(offer_id: int = 901, slug: str = "frontend-developer") -> dict[str, Any]:
    return {
        "id": offer_id,
        "slug": slug,
        "title": "Frontend Developer",
        "company_name": "Stark Industries",
        "careers_url": f"https://stark.recruitee.com/o/{slug}",
        "location": "Warsaw, Poland",
        "city": "Warsaw",
        "country": "Poland",
        "remote": False,
        "hybrid": True,
        "on_site": False,
        "employment_type_code": "fulltime_permanent",
        "salary": {"min": "12000", "max": "18000", "currency": "PLN", "period": "month"},
        "description": "<p>Build our dashboard in React.</p>",
        "requirements": "<ul><li>TypeScript</li><li>React</li></ul>",
        "published_at": "2026-11-05 10:00:00 UTC",
    }


_ESCAPED_DESCRIPTION = escape(
    "<p>Keep our Kubernetes clusters up.</p><h3>Requirements</h3><ul><li>Terraform</li><li>Prometheus</li></ul>",
    quote=False,
)


def jsonld_page(title: str = "Site Reliability Engineer") -> str:
    return f"""<!doctype html><html><head><title>Careers</title>
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [{{"@type": "Organization", "name": "Wayne"}},
 {{"@type": "JobPosting", "title": "{title}", "identifier": {{"@type": "PropertyValue", "value": "SRE-7"}},
  "hiringOrganization": {{"@type": "Organization", "name": "Wayne Enterprises"}},
  "employmentType": ["FULL_TIME"], "jobLocationType": "TELECOMMUTE",
  "jobLocation": {{"@type": "Place", "address": {{"addressLocality": "Gotham", "addressRegion": "NJ",
    "addressCountry": "US"}}}},
  "baseSalary": {{"@type": "MonetaryAmount", "currency": "USD",
    "value": {{"@type": "QuantitativeValue", "minValue": 150000, "maxValue": 180000, "unitText": "YEAR"}}}},
  "description": "{_ESCAPED_DESCRIPTION}"}}]}}
</script></head><body><nav>Home | About</nav><main>(rendered by script)</main></body></html>"""


PLAIN_PAGE = """<!doctype html><html><head><title>Accountant - Dunder Mifflin</title></head><body>
<header><a href="/">Home</a> <a href="/jobs">Jobs</a></header>
<main><h1>Staff Accountant</h1><p>Dunder Mifflin · Scranton, PA · Full-time</p>
<h2>Responsibilities</h2><ul><li>Prepare monthly reconciliations</li><li>Support the annual audit</li></ul>
<h2>Requirements</h2><ul><li>CPA preferred</li><li>3+ years of experience with QuickBooks and Excel</li></ul>
</main><footer>© Dunder Mifflin</footer></body></html>"""
