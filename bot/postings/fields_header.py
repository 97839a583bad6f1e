"""Title, company and location: from labels ("Location: Berlin"), the header lines at the top
("Senior Nurse — St. Mary's Hospital", "Acme · London, UK · 2 weeks ago") and a few sentence
forms ("Acme is hiring a Senior Data Analyst", "About Acme", "based in Berlin, Germany").

Each value must look like what it claims to be (a title holds a job noun, a company starts with
a capital and is not a job, a place is "City, Region" or a known region), otherwise it is None.
"""

# ruff: noqa: E501 - regular expressions of phrase lists read better unwrapped

from __future__ import annotations

import re

JOB_NOUN = re.compile(
    r"\b(?:engineer|developer|programmer|architect|scientist|analyst|designer|manager|director|lead|head|officer"
    r"|specialist|consultant|coordinator|administrator|assistant|associate|representative|rep|nurse|technician"
    r"|electrician|plumber|carpenter|welder|mechanic|driver|operator|accountant|auditor|controller|recruiter|advisor"
    r"|adviser|intern|internship|trainee|apprentice|researcher|teacher|tutor|writer|editor|marketer|strategist"
    r"|executive|agent|clerk|cashier|chef|cook|barista|therapist|pharmacist|physician|doctor|surgeon|dentist"
    r"|hygienist|paramedic|caregiver|aide|worker|supervisor|foreman|installer|inspector|estimator|planner|buyer"
    r"|cto|ceo|cfo|coo|vp|president|owner|master|sre|devops|tester|expert|generalist|counsel|lawyer|attorney"
    r"|paralegal|bookkeeper|economist|statistician|actuary|underwriter|banker|trader|broker|teller|receptionist"
    r"|secretary|librarian|photographer|illustrator|animator|producer|journalist|translator|instructor|coach"
    r"|trainer|nanny|cleaner|janitor|guard|firefighter|midwife|sonographer|radiographer|partner|student|graduate"
    r"|fellow|hire|professional|staff|team member|crew|artist|copywriter|host|server|bartender|housekeeper"
    r"|\w*(?:entwickler|ingenieur|berater|leiter|referent|pfleger|fachkraft|kraft|manager|udvikler|ingeniør"
    r"|konsulent|sygeplejerske|medarbejder|ansvarlig|développeur|developpeur|ingénieur|chargée?|responsable"
    r"|infirmière?|stagiaire|technicien|vendeur|commercial|comptable|elektriker|mechaniker|praktikant|werkstudent"
    r"|koordinator|assistent|sachbearbeiter|kaufmann|kauffrau|mitarbeiter|specialist|chef|arkitekt|tekniker))s?\b",
    re.IGNORECASE,
)
_GENDER_TAG = re.compile(
    r"\s*[(\[](?:[mwfdhx]\s*/\s*[mwfdhx](?:\s*/\s*[mwfdhx])?|all genders?|alle geschlechter|h/f|f/h|w/m/d|m/f/d"
    r"|gn\*?|d/f/m)[)\]]",
    re.IGNORECASE,
)
_TITLE_SPLIT = re.compile(r"\s+(?:—|–|-|\||·|•|@|at|bei|chez|hos)\s+|\s*[|·•]\s*")
_SENTENCE_TITLE = re.compile(
    r"(?:looking for|seeking|(?:is|are|now) hiring|searching for|recruiting|looking to hire|search for|hire|\b[Aa]s)\s+"
    r"(?:an?|our (?:next|first|new)|one|two|a new)\s+(?:(?:experienced|talented|motivated|passionate|skilled|dedicated"
    r"|driven|dynamic|enthusiastic|full-time|part-time)\s+)*"
    r"(?P<title>[A-Z][\w/&+#.-]*(?:\s+(?:[A-Z][\w/&+#.-]*|of|and|&|in|for|\([mwfdx/]+\))){0,6})"
    r"|(?:suchen|sucht|søger|cherche|recherche|zoeken|zoekt)\s+(?:(?:wir|ab sofort|zum nächsten zeitpunkt|nu|une?|en|et|eine?n?"
    r"|einen?|nous)\s+)*(?P<title2>[A-ZÄÖÜÆØÅ][\w/&+#.-]*(?:\s+[A-ZÄÖÜÆØÅ][\w/&+#.-]*){0,4})"
)
_COMPANY_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<company>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:is|are)\s+"
    r"(?:hiring|looking|seeking|searching|recruiting|growing|expanding)\b"
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))At\s+(?P<at>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}),\s+(?:we|our)\b"
    r"|\bJoin\s+(?P<join>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:as|and|in|to|on)\b"
)
_NOT_COMPANY = re.compile(
    r"^(?:the\s+(?:[a-z]|(?:team|role|company|job|position|ideal|candidate)\b)|we|our|this|you|your|us|it|they|he|she|who|what|job|jobs|team|company|remote|hybrid|position|role"
    r"|hiring|apply|about|description|location|salary|full|part|contract|senior|junior|new|an?|my|join|home|today"
    r"|careers?|equal|all|please|if|in|on|at|for|with|and|or|is|are|here|there|now|immediate(?:ly)?|urgent(?:ly)?)\b",
    re.IGNORECASE,
)
_NOT_COMPANY_ANYWHERE = re.compile(
    r"\b(?:ir35|contract|permanent|full[- ]time|part[- ]time|temporary|freelance|salary|per (?:hour|year|day)|apply"
    r"|summer|winter|spring|autumn|fall|\d{4})\b",
    re.IGNORECASE,
)
_TITLE_WORKPLACE = re.compile(
    r"\s*(?:\((?:fully\s+)?(?:remote|hybrid|on-?site)[^)]{0,30}\)|[-–—|]\s*(?:fully\s+)?(?:remote|hybrid|on-?site)\b.*$)",
    re.IGNORECASE,
)
_NOT_A_PLACE = re.compile(
    r"(?:full|part)[- ]?time|permanent|contract|temporary|internship|freelance|remote|hybrid|on-?site|senior|junior"
    r"|level|\d+\s*(?:days?|weeks?|hours?|months?)\b|ago|applicants?|posted",
    re.IGNORECASE,
)
_DOLLAR_REGIONS = (
    ("CAD", re.compile(r"\b(?:Canada|Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick"
                       r"|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|Toronto|Vancouver|Montreal|Ottawa|Calgary|Edmonton|Halifax|Winnipeg)\b")),
    ("AUD", re.compile(r"\b(?:Australia|New South Wales|Victoria|Queensland|NSW|VIC|QLD|WA|SA|Sydney|Melbourne|Brisbane"
                       r"|Perth|Adelaide|Canberra)\b")),
    ("NZD", re.compile(r"\b(?:New Zealand|Auckland|Wellington|Christchurch)\b")),
    ("SGD", re.compile(r"\bSingapore\b")),
    ("HKD", re.compile(r"\bHong Kong\b")),
)  # fmt: skip
_ABOUT_COMPANY = re.compile(
    r"(?i:about|über|om|à propos de|over)\s+(?P<company>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
)
_REGIONS = (
    r"EU|EMEA|APAC|LATAM|Europe|European Union|Americas|North America|South America|Asia|Africa|Oceania|Nordics"
    r"|Scandinavia|DACH|Benelux|UK|U\.K\.|USA|U\.S\.A?\.?|US|United States|United Kingdom|Canada|Mexico|Brazil|Argentina"
    r"|Germany|Deutschland|France|Spain|Portugal|Italy|Netherlands|Belgium|Luxembourg|Switzerland|Austria|Ireland"
    r"|Denmark|Danmark|Sweden|Sverige|Norway|Norge|Finland|Iceland|Poland|Czechia|Czech Republic|Hungary|Romania"
    r"|Bulgaria|Greece|Croatia|Serbia|Estonia|Latvia|Lithuania|Ukraine|Turkey|Israel|UAE|United Arab Emirates|India"
    r"|Pakistan|Singapore|Japan|China|Hong Kong|Taiwan|South Korea|Korea|Vietnam|Philippines|Indonesia|Malaysia|Thailand"
    r"|Australia|New Zealand|South Africa|Nigeria|Kenya|Egypt|Morocco|Chile|Colombia|Peru|England|Scotland|Wales"
    r"|Northern Ireland|Bavaria|Bayern|Ontario|Quebec|British Columbia|Alberta|New South Wales|Victoria|Queensland"
    r"|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois"
    r"|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri"
    r"|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    r"|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    r"|West Virginia|Wisconsin|Wyoming|AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO"
    r"|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|ON|QC|BC|AB|NSW|VIC|QLD"
)
_CITIES = (
    r"London|Berlin|Munich|München|Hamburg|Frankfurt|Cologne|Köln|Stuttgart|Düsseldorf|Paris|Lyon|Madrid|Barcelona"
    r"|Lisbon|Rome|Milan|Amsterdam|Rotterdam|Brussels|Zurich|Zürich|Geneva|Vienna|Wien|Dublin|Copenhagen|København"
    r"|Aarhus|Odense|Aalborg|Stockholm|Gothenburg|Oslo|Helsinki|Warsaw|Krakow|Prague|Budapest|Bucharest|Athens|Tallinn"
    r"|Riga|Vilnius|Kyiv|Istanbul|Tel Aviv|Dubai|Bangalore|Bengaluru|Mumbai|Delhi|Hyderabad|Pune|Chennai|Singapore"
    r"|Tokyo|Seoul|Shanghai|Beijing|Sydney|Melbourne|Brisbane|Auckland|Toronto|Vancouver|Montreal|Ottawa|Calgary"
    r"|New York|NYC|San Francisco|Los Angeles|Seattle|Boston|Chicago|Austin|Denver|Atlanta|Miami|Dallas|Houston"
    r"|Washington, D\.?C\.?|Philadelphia|Portland|San Diego|San Jose|Phoenix|Minneapolis|Detroit|Pittsburgh"
    r"|Manchester|Edinburgh|Glasgow|Bristol|Leeds|Birmingham|Cambridge|Oxford|Cape Town|Johannesburg|Lagos|Nairobi"
    r"|São Paulo|Sao Paulo|Mexico City|Buenos Aires|Bogotá|Santiago"
)
_PLACE = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),\s*)+(?:"
    + _REGIONS
    + r")\b\.?|(?:"
    + _REGIONS
    + "|"
    + _CITIES
    + r")"
)
_WORKPLACE_WORDS = re.compile(
    r"\b(?:fully\s+|100%\s+)?(?:remote|hybrid|on[- ]?site|in[- ]office|onsite|in[- ]person|office[- ]based|wfh"
    r"|work from home|homeoffice)\b(?:\s*(?:first|friendly|only|possible|optional|eligible|ok))?",
    re.IGNORECASE,
)
_LOCATION_SPLIT = re.compile(r"\s*(?:;|\||/|\bor\b|\boder\b|\beller\b|\bou\b|\n)\s*")
_BODY_PLACE = re.compile(
    r"\b(?:based in|located in|office in|offices in|position is in|role is in)\s+(?:the\s+)?(?:heart of\s+)?"
    r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?)"
    r"|\b(?:in|at) our (?P<office>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?) (?:office|HQ|headquarters|hub|site|clinic|hospital)"
)


def clean_title(text: str) -> str | None:
    """A job title as written, without gender tags, workplace notes and edge punctuation, if it looks like one."""
    title = _TITLE_WORKPLACE.sub("", _GENDER_TAG.sub("", text)).strip(" \t-–—|·•:*#,")
    if not title or len(title) > 90 or len(title.split()) > 12 or title.endswith((".", "!", "?")):
        return None
    first_word = title.split()[0]
    if not JOB_NOUN.search(title) or first_word == first_word.lower():
        return None
    if re.match(r"(?:we|our|you|your|the|this|job|about)\b", title, re.IGNORECASE):
        return None
    return title


def split_company_place(text: str) -> tuple[str, str | None]:
    """ "Pixel & Pine (Leeds, UK)" → ("Pixel & Pine", "Leeds, UK")."""
    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*", text)
    if m and (is_place(m.group(2)) or _PLACE.match(m.group(2))):
        return m.group(1), m.group(2)
    return text, None


def clean_company(text: str) -> str | None:
    company = split_company_place(text)[0].strip(" \t-–—|·•:*#,")
    if company.endswith(".") and not re.search(r"\b(?:Inc|Ltd|Co|Corp|S\.A|N\.V|B\.V)\.$", company):
        company = company[:-1]
    company = re.sub(r"\s+(?:is|are|was)$", "", company)
    if not company or len(company) > 60 or len(company.split()) > 6 or not company[0].isupper():
        return None
    if _NOT_COMPANY.match(company) or JOB_NOUN.search(company) or _WORKPLACE_WORDS.search(company):
        return None
    if _NOT_COMPANY_ANYWHERE.search(company):
        return None
    if is_place(company) or re.search(r"\d+ (?:days?|weeks?|hours?|months?) ago|applicants|\d{3,}", company):
        return None
    return company


def is_place(text: str) -> bool:
    return _PLACE.fullmatch(text.strip(" .")) is not None


def clean_locations(text: str) -> tuple[str, ...]:
    """Places in a location value, without the workplace words around them."""
    text = re.sub(r"\([^)]*\)", lambda m: "" if _WORKPLACE_WORDS.search(m.group()) else m.group(), text)
    text = re.sub(r"\(\s*\)", "", text)
    places = []
    for part in _LOCATION_SPLIT.split(text):
        part = _WORKPLACE_WORDS.sub("", re.sub(r"^[^\w(]+", "", part))
        part = re.sub(r"^\s*(?:[-–—,:(]|in\b|from\b|within\b|anywhere in\b)\s*", "", part)
        part = re.sub(r"^\s*(?:[-–—,:(]|in\b)\s*", "", part)
        part = re.sub(r"\s+only$", "", part.strip(" \t-–—,:()·•."), flags=re.IGNORECASE)
        if _NOT_A_PLACE.search(part):
            continue
        if (
            part
            and len(part) <= 60
            and part[0].isupper()
            and not re.search(r"\d{2,}", part)
            and not re.fullmatch(r"(?:Anywhere|Worldwide|Global|Flexible|Multiple locations|Various|TBD|N/?A)", part)
        ):
            places.append(part)
    return tuple(dict.fromkeys(places))


def dollar_currency(locations: tuple[str, ...]) -> str:
    """The currency a bare "$" means where the job is: CAD in Calgary, AUD in Brisbane, else USD."""
    for code, pattern in _DOLLAR_REGIONS:
        if any(pattern.search(place) and not re.search(r"\b(?:USA?|United States)\b", place) for place in locations):
            return code
    return "USD"


def split_title_line(line: str) -> list[str]:
    return [p for p in _TITLE_SPLIT.split(_GENDER_TAG.sub("", line)) if p.strip()]


TITLE_TRIGGERS = frozenset(
    ("looking", "seeking", "hiring", "searching", "recruiting", "search", "hire", "as", "suchen", "sucht", "søger",
     "cherche", "recherche", "zoeken", "zoekt")
)  # fmt: skip
COMPANY_TRIGGERS = frozenset(("hiring", "looking", "seeking", "searching", "recruiting", "growing", "expanding"))
COMPANY_NEEDLES = ("\nat ", "\njoin ", ". at ", ". join ")
PLACE_TRIGGERS = frozenset(
    ("based", "located", "office", "offices", "hq", "headquarters", "hub", "clinic", "hospital", "site")
)


def title_from_sentences(text: str, spans: list[tuple[int, int]]) -> str | None:
    """A capitalised title after "looking for a", "is hiring a", … on one of the given lines."""
    for start, end in spans:
        m = _SENTENCE_TITLE.search(text, start, end)
        if m is None:
            continue
        words = (m.group("title") or m.group("title2")).split()
        while words and not JOB_NOUN.search(words[-1]):
            words.pop()
        title = clean_title(" ".join(words)) if words else None
        if title:
            return title
    return None


def company_from_sentences(text: str, spans: list[tuple[int, int]]) -> str | None:
    for start, end in spans:
        for m in _COMPANY_SENTENCE.finditer(text, start, end):
            company = clean_company(m.group("company") or m.group("at") or m.group("join") or "")
            if company:
                return company
    return None


def company_from_about_heading(heading: str) -> str | None:
    m = _ABOUT_COMPANY.fullmatch(heading.strip(" :"))
    return clean_company(m.group("company")) if m else None


def place_from_sentences(text: str, spans: list[tuple[int, int]]) -> str | None:
    for start, end in spans:
        for m in _BODY_PLACE.finditer(text, start, end):
            place = (m.group("place") or m.group("office") or "").strip()
            if place and (is_place(place) or _PLACE.match(place)):
                return place
    return None
