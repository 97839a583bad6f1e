"""schema.org `JobPosting` JSON-LD from any web page (most career sites embed it for search engines).

Scripts are found with a regular expression over a bounded prefix of the page and each is parsed
with the standard JSON parser under a size cap, so a hostile page costs bounded time.
"""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

from bot.postings.sources.model import SourcePosting
from bot.postings.sources.values import employment_type, get, items, paragraph, salary, text, unique, workplace

MAX_PAGE_CHARS = 3_000_000
MAX_SCRIPT_CHARS = 1_000_000
MAX_SCRIPTS = 20
MAX_NODES = 2_000

_SCRIPT = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)


def _nodes(data: Any) -> list[dict[str, Any]]:
    """Every object in a JSON-LD document (lists and @graph walked, breadth first, bounded)."""
    found: list[dict[str, Any]] = []
    queue = [data]
    while queue and len(found) < MAX_NODES:
        node = queue.pop(0)
        if isinstance(node, list):
            queue.extend(node[:MAX_NODES])
        elif isinstance(node, dict):
            found.append(node)
            queue.extend(v for k, v in node.items() if k in ("@graph", "mainEntity", "itemListElement", "item"))
    return found


def _is_job_posting(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "JobPosting" for k in kinds)


def job_postings_in_page(html: str, page_url: str | None = None) -> list[SourcePosting]:
    """The JobPostings a page declares, in page order (usually one)."""
    out: list[SourcePosting] = []
    for i, match in enumerate(_SCRIPT.finditer(html[:MAX_PAGE_CHARS])):
        if i >= MAX_SCRIPTS:
            break
        body = match.group(1).strip()
        if not body or len(body) > MAX_SCRIPT_CHARS:
            continue
        try:
            data = json.loads(body.removeprefix("<!--").removesuffix("-->"), strict=False)
        except (ValueError, RecursionError):
            continue
        for node in _nodes(data):
            if _is_job_posting(node):
                out.append(_posting(node, page_url))
    return out


def _place(place: Any) -> str | None:
    if isinstance(place, str):
        return text(place)
    address = get(place, "address")
    if isinstance(address, str):
        return text(address)
    parts = [text(get(address, k)) for k in ("addressLocality", "addressRegion")]
    country = get(address, "addressCountry")
    parts.append(text(get(country, "name")) if isinstance(country, dict) else text(country))
    return ", ".join(p for p in parts if p) or text(get(place, "name"))


def _salary(node: dict[str, Any]) -> Any:
    pay = node.get("baseSalary") or node.get("estimatedSalary")
    if isinstance(pay, list):
        pay = pay[0] if pay else None
    if not isinstance(pay, dict):
        return None
    value = pay.get("value")
    if isinstance(value, dict):
        low = value.get("minValue", value.get("value"))
        high = value.get("maxValue", value.get("value"))
        return salary(low, high, pay.get("currency"), value.get("unitText") or pay.get("unitText"))
    return salary(value, value, pay.get("currency"), pay.get("unitText"))


def _posting(node: dict[str, Any], page_url: str | None) -> SourcePosting:
    identifier = node.get("identifier")
    ident = text(get(identifier, "value")) if isinstance(identifier, dict) else text(identifier)
    url = text(node.get("url")) or page_url
    places = node.get("jobLocation")
    locations = unique([_place(p) for p in (places if isinstance(places, list) else [places])])
    remote = text(node.get("jobLocationType"))
    kinds = node.get("employmentType")
    kind = next((k for k in (employment_type(x) for x in items(kinds) or [kinds]) if k), None)
    organisation = node.get("hiringOrganization")
    company = text(get(organisation, "name")) if isinstance(organisation, dict) else text(organisation)
    description = text(node.get("description")) or ""
    if "<" not in description and "&lt;" in description:
        description = unescape(description)  # entity-escaped HTML, as some sites emit it
    body = description if "<" in description else paragraph(description)
    return SourcePosting(
        external_id=ident or url or (text(node.get("title")) or "job"),
        url=url,
        title=text(node.get("title")),
        company=company,
        locations=locations,
        workplace="remote" if remote and workplace(remote) == "remote" else None,
        employment_type=kind,
        salary=_salary(node),
        body_html=body,
    )
