"""Each job board's documented JSON → `SourcePosting`s (field lists in shared design notes).

A board payload that is not the documented shape raises `SourceFormatError` (one sentence for the
user); a single malformed job inside a good payload is skipped, so one odd job never hides the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from typing import Any

from bot.postings.sources.links import Provider
from bot.postings.sources.model import SourceFormatError, SourcePosting
from bot.postings.sources.values import (
    employment_type,
    get,
    headed,
    items,
    paragraph,
    salary,
    text,
    unique,
    workplace,
)

MAX_JOBS = 2000  # jobs read from one board payload; the biggest public boards hold a few hundred

JobParser = Callable[[Any], SourcePosting | None]


def _jobs(data: Any, key: str | None) -> list[Any]:
    found = data if key is None else get(data, key)
    if not isinstance(found, list):
        raise SourceFormatError()
    return found[:MAX_JOBS]


def _each(jobs: list[Any], parse: JobParser) -> list[SourcePosting]:
    out: list[SourcePosting] = []
    for job in jobs:
        posting = parse(job) if isinstance(job, dict) else None
        if posting is not None:
            out.append(posting)
    return out


# -- Greenhouse: jobs[]{id,title,location.name,absolute_url,content(entity-escaped HTML),offices,…} ------


def greenhouse_job(job: Any) -> SourcePosting | None:
    job_id = text(get(job, "id"))
    if job_id is None:
        return None
    offices = [text(get(o, "location")) or text(get(o, "name")) for o in items(get(job, "offices"))]
    pay = items(get(job, "pay_input_ranges"))
    pay_range = pay[0] if pay else None
    return SourcePosting(
        external_id=job_id,
        url=text(get(job, "absolute_url")),
        title=text(get(job, "title")),
        company=text(get(job, "company_name")),
        locations=unique([text(get(job, "location", "name")), *offices][:1]),
        workplace=workplace(get(job, "location", "name")),
        employment_type=None,
        salary=(
            salary(
                _cents(get(pay_range, "min_cents")),
                _cents(get(pay_range, "max_cents")),
                get(pay_range, "currency_type"),
                "year",
            )
            if pay_range
            else None
        ),
        body_html=unescape(text(get(job, "content")) or ""),
        stamp=text(get(job, "updated_at")),
    )


def _cents(value: Any) -> float | None:
    return value / 100 if isinstance(value, int | float) and not isinstance(value, bool) else None


# -- Lever: [{id,text,categories{location,commitment,team,allLocations},workplaceType,salaryRange,hostedUrl,
#            description,descriptionPlain,lists[{text,content}],additional}] ---------------------------------


def lever_job(job: Any) -> SourcePosting | None:
    job_id = text(get(job, "id"))
    if job_id is None:
        return None
    body = [text(get(job, "description")) or paragraph(text(get(job, "descriptionPlain")))]
    for block in items(get(job, "lists")):
        heading = text(get(block, "text"))
        content = text(get(block, "content"))
        if heading and content:
            body.append(headed(heading, f"<ul>{content}</ul>"))
    body.append(text(get(job, "additional")) or paragraph(text(get(job, "additionalPlain"))))
    locations = [text(x) for x in items(get(job, "categories", "allLocations"))]
    pay = get(job, "salaryRange")
    return SourcePosting(
        external_id=job_id,
        url=text(get(job, "hostedUrl")),
        title=text(get(job, "text")),
        company=None,
        locations=unique([text(get(job, "categories", "location")), *locations]),
        workplace=workplace(get(job, "workplaceType")),
        employment_type=employment_type(get(job, "categories", "commitment")),
        salary=salary(get(pay, "min"), get(pay, "max"), get(pay, "currency"), get(pay, "interval")) if pay else None,
        body_html="\n".join(b for b in body if b),
    )


# -- Ashby: jobs[]{id,title,location,secondaryLocations,isRemote,workplaceType,employmentType,jobUrl,
#             descriptionHtml,descriptionPlain,compensation{summaryComponents[…]}} ----------------------------


def ashby_job(job: Any) -> SourcePosting | None:
    job_id = text(get(job, "id"))
    if job_id is None:
        return None
    place = workplace(get(job, "workplaceType")) or ("remote" if get(job, "isRemote") is True else None)
    secondary = [text(get(x, "location")) for x in items(get(job, "secondaryLocations"))]
    return SourcePosting(
        external_id=job_id,
        url=text(get(job, "jobUrl")),
        title=text(get(job, "title")),
        company=None,
        locations=unique([text(get(job, "location")), *secondary]),
        workplace=place,
        employment_type=employment_type(get(job, "employmentType")),
        salary=_ashby_salary(get(job, "compensation")),
        body_html=text(get(job, "descriptionHtml")) or paragraph(text(get(job, "descriptionPlain"))),
    )


def _ashby_salary(compensation: Any) -> Any:
    components = items(get(compensation, "summaryComponents"))
    for tier in items(get(compensation, "compensationTiers")):
        components.extend(items(get(tier, "components")))
    for part in components:
        if (text(get(part, "compensationType")) or "").lower() == "salary":
            return salary(
                get(part, "minValue"), get(part, "maxValue"), get(part, "currencyCode"), get(part, "interval")
            )
    return None


# -- Workable: {name, jobs[]{shortcode,title,url,employment_type,telecommuting,city,state,country,
#              locations[],description,requirements,benefits}} ----------------------------------------------


def workable_jobs(data: Any) -> list[SourcePosting]:
    company = text(get(data, "name"))
    return _each(_jobs(data, "jobs"), lambda job: workable_job(job, company))


def workable_job(job: Any, company: str | None) -> SourcePosting | None:
    job_id = text(get(job, "shortcode")) or text(get(job, "code"))
    if job_id is None:
        return None
    own = ", ".join(x for x in (text(get(job, k)) for k in ("city", "state", "country")) if x) or None
    others = [
        ", ".join(x for x in (text(get(loc, k)) for k in ("city", "region", "country")) if x) or None
        for loc in items(get(job, "locations"))
    ]
    place = workplace(get(job, "workplace_type")) or ("remote" if get(job, "telecommuting") is True else None)
    body = [
        text(get(job, "description")) or "",
        headed("Requirements", text(get(job, "requirements"))),
        headed("Benefits", text(get(job, "benefits"))),
    ]
    return SourcePosting(
        external_id=job_id,
        url=text(get(job, "url")) or text(get(job, "shortlink")),
        title=text(get(job, "title")),
        company=company,
        locations=unique([own, *others]),
        workplace=place,
        employment_type=employment_type(get(job, "employment_type")),
        salary=None,
        body_html="\n".join(b for b in body if b),
    )


# -- SmartRecruiters: list content[]{id,name,location{city,region,country,remote,hybrid},typeOfEmployment,
#    company{name}}; one posting adds jobAd.sections.{companyDescription,jobDescription,qualifications,…} -----

_SMARTRECRUITERS_SECTIONS = (
    ("companyDescription", "About the company"),
    ("jobDescription", "Job description"),
    ("qualifications", "Requirements"),
    ("additionalInformation", "Additional information"),
)


def smartrecruiters_job(job: Any) -> SourcePosting | None:
    job_id = text(get(job, "id"))
    if job_id is None:
        return None
    location = get(job, "location")
    city = ", ".join(x for x in (text(get(location, k)) for k in ("city", "region", "country")) if x) or None
    place = "hybrid" if get(location, "hybrid") is True else "remote" if get(location, "remote") is True else None
    body = []
    for key, heading in _SMARTRECRUITERS_SECTIONS:
        section = get(job, "jobAd", "sections", key)
        # qualifications always read as requirements, whatever the company titled them
        title = heading if key == "qualifications" else text(get(section, "title")) or heading
        body.append(headed(title, text(get(section, "text"))))
    return SourcePosting(
        external_id=job_id,
        url=text(get(job, "postingUrl")) or text(get(job, "applyUrl")),
        title=text(get(job, "name")),
        company=text(get(job, "company", "name")),
        locations=unique([text(get(location, "fullLocation")) or city]),
        workplace=place,
        employment_type=employment_type(get(job, "typeOfEmployment", "label") or get(job, "typeOfEmployment", "id")),
        salary=None,
        body_html="\n".join(b for b in body if b),
    )


# -- Recruitee: offers[]{id,slug,title,company_name,careers_url,location,city,country,remote,hybrid,
#              on_site,employment_type_code,salary{min,max,currency,period},description,requirements} -------


def recruitee_job(job: Any) -> SourcePosting | None:
    job_id = text(get(job, "id"))
    if job_id is None:
        return None
    place = (
        "hybrid"
        if get(job, "hybrid") is True
        else "remote"
        if get(job, "remote") is True
        else "onsite"
        if get(job, "on_site") is True
        else None
    )
    pay = get(job, "salary")
    body = [text(get(job, "description")) or "", headed("Requirements", text(get(job, "requirements")))]
    return SourcePosting(
        external_id=job_id,
        url=text(get(job, "careers_url")),
        title=text(get(job, "title")),
        company=text(get(job, "company_name")),
        locations=unique([text(get(job, "location")) or text(get(job, "city"))]),
        workplace=place,
        employment_type=employment_type(get(job, "employment_type_code")),
        salary=salary(get(pay, "min"), get(pay, "max"), get(pay, "currency"), get(pay, "period")) if pay else None,
        body_html="\n".join(b for b in body if b),
    )


def recruitee_slug(job: Any) -> str | None:
    return text(get(job, "slug"))


# -- dispatch ---------------------------------------------------------------------------------------------

_BOARD_KEY: dict[Provider, str | None] = {
    Provider.GREENHOUSE: "jobs",
    Provider.LEVER: None,
    Provider.LEVER_EU: None,
    Provider.ASHBY: "jobs",
    Provider.SMARTRECRUITERS: "content",
    Provider.RECRUITEE: "offers",
}
_JOB_PARSERS: dict[Provider, JobParser] = {
    Provider.GREENHOUSE: greenhouse_job,
    Provider.LEVER: lever_job,
    Provider.LEVER_EU: lever_job,
    Provider.ASHBY: ashby_job,
    Provider.SMARTRECRUITERS: smartrecruiters_job,
    Provider.RECRUITEE: recruitee_job,
}


def parse_board(provider: Provider, data: Any) -> list[SourcePosting]:
    """Every job of a board payload (SmartRecruiters' and light Greenhouse listings hold no descriptions)."""
    if provider is Provider.WORKABLE:
        return workable_jobs(data)
    return _each(_jobs(data, _BOARD_KEY[provider]), _JOB_PARSERS[provider])


def parse_job(provider: Provider, data: Any) -> SourcePosting:
    """The payload of a one-job endpoint (Greenhouse, Lever, SmartRecruiters)."""
    parser = _JOB_PARSERS.get(provider)
    posting = parser(data) if parser is not None and isinstance(data, dict) else None
    if posting is None:
        raise SourceFormatError()
    return posting


def find_job(provider: Provider, data: Any, job_id: str) -> SourcePosting | None:
    """One job out of a board payload, by its id (or, on Recruitee, the slug its link shows)."""
    if provider is Provider.RECRUITEE:
        for job in _jobs(data, "offers"):
            if job_id in (text(get(job, "id")), recruitee_slug(job)):
                return recruitee_job(job)
        return None
    return next((job for job in parse_board(provider, data) if job.external_id == job_id), None)
