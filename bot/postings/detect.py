"""Is this chat message a job posting? A cheap, transparent scored-feature model.

The bot calls `looks_like_posting` on every message in watched channels, so it must cost
microseconds on the common case (a short chat line) and stay well under a millisecond on a
pasted page. It therefore does not use the posting parser: it runs a handful of compiled
regular expressions over the first `HEAD_CHARS` characters and adds hand-set weights.

    score = logistic(BIAS + sum of the weights of the cues present)

Why these cues and weights (log-odds; tuned on tests/postings/detection/dev.jsonl only):

* Posting voice, strong: "we're hiring", "[Hiring]", "Wir suchen", "Nous recrutons",
  "Vi søger", "(m/w/d)" (+2.4 / +2.0). Alone they are not enough: chat quotes them
  ("another 'we're hiring!' post from a company that laid off 30%").
* Structure: distinct section headings (Responsibilities, Requirements, Benefits, Ihr Profil,
  Requisitos, ...) at line starts, +1.3 each up to four; "Label:" fields (Location:, Salary:),
  pipe-separated field lines ("Acme | Backend Engineer | Remote | €80k"). A full page is
  carried by these.
* Fields a posting states and chat rarely states together: salary with a period or range,
  workplace/location, employment type, "N+ years", job-board/careers links, a jobs@ address,
  "apply at/here/now", benefits, equal-opportunity text, a role title. Each is weak (+0.5 to
  +1.6); chat about jobs has one or two of them, postings have several.
* The speaker, negative: chat about jobs is first person and asks questions. Each "I/my"
  costs 0.35 (capped), a question mark costs 1.1 (more for more of them), a question opening
  costs 1.0, and job-seeker phrases ("refer me", "my resume", "got the offer", "[for hire]",
  "laid off", "should I", "dear hiring manager") cost 1.6 each. These are what separate a
  resume or a "got the offer: Senior Engineer, remote, $175k" from a posting.
* Not-a-posting shapes: resume date ranges ("2019–2021", "2021–present") and resume headings,
  code, news/article domains, chatty tokens ("lol"), moderator notes about the posting format.

`BIAS` is negative so that a message with no cues scores near zero; the threshold 0.5 is the
natural decision point of the logistic. `score_breakdown` returns each cue's contribution,
so a surprising verdict can be explained.
"""

from __future__ import annotations

import math
import re
from typing import Final

POSTING_THRESHOLD: Final[float] = 0.5
HEAD_CHARS: Final[int] = 8000  # a posting shows its nature early; bound the work on huge input
BIAS: Final[float] = -3.2

_F = re.IGNORECASE
_M = re.IGNORECASE | re.MULTILINE

# A short message with none of these fragments cannot be a posting: skip the full model.
_ANY_CUE = re.compile(
    r"hir|http|www\.|appl|\d|\||@|job|stell|recru|emploi|empleo|busca|søger|wanted|needed|"
    r"looking|opening|position|role|intern|stage|suche|wir |nous|vi |join|seek|engineer|nurse|"
    r"develop|analyst|manager|designer",
    _F,
)

_URL = re.compile(r"https?://\S+|www\.\S+", _F)
_HTML_TAG = re.compile(r"<\s*/?\s*(?:p|div|li|ul|ol|h[1-6]|br|span|strong|b|em|section|table|tr|td)\b[^>]*>", _F)

_ONE_JOB_PATH = re.compile(
    r"/(?:jobs?|careers?|positions?|o|apply)/[\w%-]{3,}|(?:jobs?|careers?)\.[\w.-]+/[\w%?=-]{3,}", _F
)
_TITLE_WORDS = (
    r"engineer|developer|programmer|architect|designer|analyst|scientist|manager|director|head of|vp"
    r"|nurse|rn|lpn|cna|np|physician|therapist|pharmacist|paramedic|technician|hygienist|assistant|associate"
    r"|specialist|coordinator|consultant|accountant|bookkeeper|controller|auditor|adjuster|paralegal|attorney"
    r"|teacher|tutor|instructor|electrician|plumber|carpenter|welder|mechanic|roofer|operator|driver|cook|chef"
    r"|baker|barista|bartender|cashier|receptionist|clerk|agent|representative|rep|executive|writer|editor"
    r"|intern|internship|apprentice|trainee|werkstudent|nanny|landscaper|caregiver|administrator|admin|officer"
    r"|sre|devops|tester|researcher|attendant|auditor|coder|therapist|mechatroniker|elektroniker|pflegefachkraft"
    r"|\w*entwickler(?:in)?|infirmi[eè]re?|d[ée]veloppeu(?:r|se)|vendeu(?:r|se)|camarer[oa]|enfermer[oa]"
    r"|desarrollador[a]?|contable|analista|sygeplejerske|\w*udvikler|tømrer|\w*assistent|counselor|walker|eng|dev|swe|sde|pm|aide|sonographer|phlebotomist|dentist|veterinarian"
    r"|groomer|stylist|barber|photographer|videographer|animator|illustrator|translator|interpreter|recruiter"
    r"|dispatcher|pilot|cleaner|housekeeper|dishwasher|server|host|lifeguard|mover|laborer|installer|inspector"
    r"|estimator|machinist|painter|mason|pipefitter|lineman|babysitter|guard|janitor|custodian|coach|social worker"
    r"|psychologist|diseñador[a]?|t[ée]cnic[oa]|comptable|ingeni[eé]ur|mitarbeiter(?:in)?|medarbejder"
)
_TITLE = re.compile(rf"\b(?:{_TITLE_WORDS})s?\b", _F)
# "need a part-time dog walker", "looking for 2 camp counselors": someone wants a role filled (not "an RN job").
_ROLE_WANTED = re.compile(
    r"\b(?:need|needs|looking for|seeking|searching for)\s+(?:an?\s+|\d+x?\s+|two\s+|three\s+|several\s+)?"
    rf"(?:[\w/+-]+\s+){{0,3}}(?:{_TITLE_WORDS})s?\b(?!\s+(?:jobs?|roles?|positions?|openings?|referral|friends?))",
    _F,
)

_HIRING = re.compile(
    r"\b(?:we(?:'|’)?re|we are|now|currently|actively|still|team is|company is|is|are)\s+(?:now\s+)?hiring\b"
    r"|hiring\s*\]|\[\s*(?:job|hiring)|#\w*hiring|^\W*(?:now\s+)?hiring\b|\bhiring\s*[:!]|urgent hire|looking to hire"
    r"|\bwe(?:'|’)?re (?:looking for|seeking|searching for|growing)|\bwe are (?:looking for|seeking|searching for)"
    r"|\bjoin (?:our|the) team|\bis (?:seeking|looking for)\b|\brecruiting for\b|\bnew role on our team"
    r"|\b(?:job|position|role|stelle) (?:opening|open|available|vacancy)\b|\bopen (?:position|role)s?\b"
    r"|\bopening(?: on my team)?\s*(?:for|:)|\bposition\s*(?:open|available)|\bvacancy\s*:"
    r"|\bwir (?:suchen|stellen ein)|\bsuche verstärkung|\bstellen(?:angebot|anzeige)|^\W*anzeige\s*:"
    r"|\bnous recrutons|\bon recrute|\boffre d['’](?:emploi|stage)|\boffre de stage|^\W*stage de"
    r"|\bse (?:busca|necesita)|\bbuscamos\b|\boferta(?: de empleo)?\s*:|\boferta de empleo|\bprácticas remuneradas"
    r"|\bvi søger|\bledig stilling|\bstilling ledig|\bsøges\b|\bestamos contratando|\bcontratamos\b|^\W*vacante\b"
    r"|\bposte à pourvoir|\bnous cherchons|\bgesucht\b|\bwe have an opening|\bwe(?:'|’)?re recruiting",
    _M,
)
# Weaker openers: chat parodies and quotes use them too ("job posting: entry level, 10 years experience").
_OPENER = re.compile(
    r"\b(?:opportunity|job\s*(?:alert|opening)?|position|role|opening|vacancy|(?:paid )?gig)\s*:"
    r"|(?<!\bi )(?<!we )\b(?:wanted|needed)\s*(?:[:,!—–-]|at\b|for\b)"
    r"|\blooking for an? [^.?\n]{0,60}\b(?:for|to join|at|in) (?:our|my)\b",
    _F,
)
_GENDER_MARK = re.compile(r"\((?:m|w|f|h|d|x)\s*/\s*(?:m|w|f|h|d|x)(?:\s*/\s*(?:m|w|f|h|d|x))?\)", _F)

_APPLY = re.compile(
    r"\bapply\s*(?:here|now|at|online|in person|today|by|through|via|on|using|in link|:|→|👉|->|-)"
    r"|\bto apply\b|\bhow to apply|\bapplications? (?:close|open|deadline)|\beasy apply"
    r"|\b(?:send|email|e-mail|submit|mail)\s+(?:us\s+)?(?:your|a|an)?\s*(?:short\s+)?(?:resume|cv|application|portfolio|reel|intro)"
    r"|\bwith (?:a|your) resume|\breply with your"
    r"|\bbewerb(?:en|ung|e dich)|\bpostule[rz]|\bcandidature|\benv[ií]a(?:nos)? tu (?:cv|portafolio)"
    r"|\benviar cv|\binscr[ií]bete"
    r"|\binteresados\b|\bsøg (?:via|senest|stillingen)|\bansøg|\bsend (?:din|en kort) ",
    _F,
)
_DM_CONTACT = re.compile(
    r"\b(?:dm|message|text|call|email|ping|ring til|llamar al)\s+(?:me|us|jim|maria|\d)|\bhmu\b", _F
)
_PHONE = re.compile(r"\b(?:call|text|ring til|llamar al|phone)\b[^\n]{0,30}?\d{2,4}[ .-]\d{2,4}", _F)
_JOBS_EMAIL = re.compile(
    r"\b(?:jobs?|careers?|hr|talent\w*|recruit\w*|hiring|karriere|bewerbung|empleo|emploi|rh|recrutement|stages?"
    r"|cv|office|kitchen|chef|design|job)@[\w-]+\.",
    _F,
)
_ANY_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[a-z]{2,}", _F)

_ATS_URL = re.compile(
    r"greenhouse\.io|lever\.co/|ashbyhq\.com|workable\.com|smartrecruiters\.com|recruitee\.com|myworkdayjobs\.com"
    r"|teamtailor\.com|personio\.(?:de|com)|bamboohr\.com|linkedin\.com/jobs|indeed\.com/(?:viewjob|job|rc)"
    r"|governmentjobs\.com|welcometothejungle\.com|infojobs\.net|ycombinator\.com/companies/[^/\s]+/jobs"
    r"|amazon\.jobs|wellfound\.com|jobvite\.com|icims\.com|breezy\.hr|applytojob\.com|gh_jid",
    _F,
)
_CAREERS_URL = re.compile(
    r"(?:https?://|www\.|\b)[\w.-]*(?:\bjobs?\.|\bcareers?\.|\.jobs\b|\w/careers?\b|\w/jobs?\b|\w/job/|/employment\b"
    r"|/join\b|/positions?/|/karriere|/empleo|/emploi|/apply\b|/o/)",
    _F,
)


_SALARY = re.compile(
    r"(?:[$€£]|\b(?:usd|eur|gbp|cad|aud|nzd|chf|nok|sek|dkk|pln|s\$)\s?)\s?\d"
    r"|\d[\d.,]*\s?(?:k|tsd\.?)?\s?(?:€|\beur\b|\beuros?\b|\bkr\b|\bdkk\b|\bpln\b|\bnok\b|k€|\$/h)"
    r"|\d\s?(?:/|per |an |a )\s?(?:hr|hour|h\b|yr|year|annum|month|mo\b|week|wk|visit|stunde)"
    r"|\d\s?(?:mxn|brl|inr|sgd|hkd|jpy)\b|\bmensuales\b|\bbrutos? (?:anuales|/año)"
    r"|\b\d{2,3}\s?k\b",
    _F,
)
_SALARY_RANGE = re.compile(
    r"[$€£]\s?\d[\d,.]*\s?k?\s?(?:-|–|—|to)\s?[$€£]?\s?\d"
    r"|\d[\d,.]*\s?k?\s?(?:-|–|—|to)\s?\d[\d,.]*\s?(?:k\b|€|\beur|/h|/hr|per hour|an hour|\$|/month|/mo)",
    _F,
)
_WORKPLACE = re.compile(
    r"\b(?:remote|hybrid|on-?site|in-office|wfh|télétravail|home ?office|remoto|híbrid[ao]|modalidad)\b", _F
)
# "Austin, TX", "Vancouver BC": a place written the way postings write it (real codes only: "Just DM" is no place).
_CITY_STATE = re.compile(
    r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?,? (?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS"
    r"|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|BC|AB|ON|QC|NS|MB)\b(?! ?\d{4})"
)
_EMPLOYMENT = re.compile(
    r"\b(?:full[- ]?time|part[- ]?time|contract(?:-to-hire)?|temp-to-hire|freelance|internship|per diem|w-?2|1099"
    r"|c2c|permanent|temporary|seasonal|ft|pt|cdi|cdd|vollzeit|teilzeit|unbefristet|befristet|indefinido"
    r"|jornada completa|tiempo completo|temps plein|fast stilling|deltid|fuldtid|barselsvikariat"
    r"|werkstudent|summer 20\d\d|new grad"
    r"|(?:night|day|evening|1st|2nd|3rd) shift|shifts per week"
    r"|\d+\s?(?:hrs?|hours|h|t|std\.?|timer)\s?(?:/|per |a |om )\s?(?:week|wk|uge|woche|semana|ugen))\b",
    _F,
)
_YEARS = re.compile(
    r"\b\d{1,2}\s?\+\s?(?:years?|yrs?)|\b\d{1,2}\s?(?:-|–|to)\s?\d{1,2}\s?(?:years?|yrs?)"
    r"|\b(?:at least|minimum(?: of)?|min\.?)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|ten)"
    r"\s*\+?\s*(?:years?|yrs?)"
    r"|\b\d{1,2}\s?(?:years?|yrs?)\s+(?:of\s+)?(?:\w+\s+)?(?:experience|exp)\b|\b\d{1,2}\+?\s?yrs? exp"
    r"|\bmindestens \d+ jahre|\b\d+ (?:ans|años|års?) (?:d['’]expérience|de experiencia|erfaring)|\bminimum \d+ års",
    _F,
)
_BENEFIT = re.compile(
    r"\b(?:401\(?k\)?|pto|paid time off|health insurance|medical|dental|vision|equity|stock options|sign-on bonus"
    r"|tuition|parental leave|pension|urlaub|mutuelle|tickets? restaurant|13e mois|stipend|relocation"
    r"|visa sponsorship|bonus|tips|overtime|differential|benefits|holiday|vacation|pensión|pension|frokostordning"
    r"|betriebliche altersvorsorge|sundhedsforsikring|formación|ote)\b",
    _F,
)
_EEO = re.compile(r"equal opportunity|\beoe\b|e\.o\.e|affirmative action|reasonable accommodation", _F)

_HEADING = re.compile(
    r"^[ \t>#*_•\-–]{0,6}(?:"
    r"(?P<resp>(?:key |job |position |your |essential )?(?:responsibilities|duties)"
    r"|what you(?:'|’)?ll (?:do|work on|be doing)"
    r"|what you will do|in this role|the role|your role|role overview|the work|you will|as an? \w+,? you(?:'|’)?ll"
    r"|essential functions|job summary|summary|job description|full job description|about the (?:job|role)"
    r"|(?:ihre|deine) aufgaben|aufgaben|(?:vos )?missions|funciones|dine opgaver|om jobbet|the job)"
    r"|(?P<req>(?:minimum |basic |job )?(?:requirements|qualifications)|what we(?:'|’)?re looking for"
    r"|what you(?:'|’)?ll (?:need|bring)"
    r"|what you need|what we need(?: from you)?|you have|you bring|who you are|about you|who should apply|required"
    r"|must[- ]haves?|(?:ihr|dein) profil|profil recherché|requisitos|vi forventer|what we require|you might be a fit"
    r"|who we(?:'|’)?re looking for)"
    r"|(?P<pref>nice[- ]to[- ]haves?|preferred(?: qualifications)?|bonus(?: points)?|pluspunkte)"
    r"|(?P<ben>benefits|perks|what we offer|we offer|compensation|(?:compensation|salary) (?:&|and) benefits"
    r"|wir bieten|nous offrons|ofrecemos|vi tilbyder|why join us|what(?:'|’)?s in it for you)"
    r"|(?P<about>about us|about the team|who we are|overview|om os|über uns|qui sommes-nous|our \w+ programme)"
    r"|(?P<apply>how to apply|to apply|application process)"
    r")(?:\b[^\n]{0,30}$|\s*:)",
    _M,
)
_LABEL = re.compile(
    r"(?:^|[•|*\n]\s*)\W{0,3}(?:location|loc|salary|pay|comp(?:ensation)?|job type|employment type|type|schedule|shift"
    r"|stack|role|position|company|org|where|apply|start date|contract|department|ubicación|empresa"
    r"|tipo de contrato|standort|gehalt|lieu|salaire|salario|client|job title|where)\**\s*:",
    _M,
)
_FIELD_SEP = re.compile(r"\s(?:\||•|·)\s|\s[—–]\s")
_BULLET_LINE = re.compile(r"^[ \t]*(?:[-*•]|\d{1,2}[.)])\s+\S", re.MULTILINE)

_QUESTION_OPEN = re.compile(
    r"^\W*(?:anyone|any\b|does|do|is|are|should|can|could|how|what|what's|why|who|who's|has|have|did|would|where"
    r"|when|which|quelqu|hat jemand|er der|alguien|¿|thoughts|am i)\b",
    _F,
)
_SEEKER = re.compile(
    r"\brefer(?:ral)? me\b|\breferrals?\b|\bmy (?:resume|cv|cover letter|portfolio|experience|interview|offer)"
    r"|\broast\b|\breview my\b|\bresume review|\bi(?:'ve)? applied\b|\bapplied to\b|\bi got\b|\bgot the (?:offer|job)"
    r"|\boffer letter|\boffered me\b|\baccept(?:ed|ing)? (?:an|the) offer|\baccepting\b|\bsigned my\b|\bfor hire\s*\]"
    r"|^\W*freelance \w+ available|\bopen to work|\blooking for work|\bseeking opportunities|\bmy next role"
    r"|\bavailable for (?:contract|work)|\bcan start immediately|\brejected\b|\bghosted\b|\blaid off|\blayoffs?\b"
    r"|\bunemployed|\bphone screen|\bfinal round|\binterviewer|\bshould i\b|\bam i qualified|\bi have \d"
    r"|\bmy (?:current|last|new|next) (?:job|role|position|company|manager)|\bstarting (?:my new|as)\b|\bmy last day"
    r"|\bquit my\b|\bi quit\b|\bdear (?:hiring|mr|ms|mrs|sir)|\bi am excited to apply|\bapplication for the"
    r"|\blowball|\bnegotiat|\bscam\b|\bghost job|\bis this (?:legit|normal|posting)|\bjob market|\bhiring freeze"
    r"|\bcareer fair|\bwebinar|\bmock interview|\bresume template|\bats keyword"
    r"|\bi(?:'m| am) (?:a|an) (?!recruiter)\w+ (?:with|in|at)"
    r"|\bwhat do \w+ make|\bgoing rate|\bfair for|\bthey (?:said|told|offered|gave)|\btold me\b|\bi live\b"
    r"|\bzusage\b|\bbewerbungen bei|\bentretien|\bcandidatures\b|\bconseguí trabajo|\bentrevista|\bfået jobbet"
    r"|\berfaring med at søge|\baccepted\b|\boffer details|\bfor anyone curious"
    r"|\bi(?:'m| am) looking for (?:a |an )?job"
    r"|\bcheck out\b|\bcheck their|\byou should\b|\bpsa\b|\btip\s*:",
    _M,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i’m|i've|i'd|i'll|im|ive|my|ich|j'ai|je|jeg)\b", _F)
_CHATTY = re.compile(r"\b(?:lol|lmao|lmfao|omg|bro|ugh|tbh|imo|smh|jk|wtf|rip)\b|💀|😭|🚩|🤡", _F)
_OTHER_SITE = re.compile(
    r"techcrunch|theverge|bloomberg\.com|nytimes|reuters|cnbc|wsj\.com|bbc\.|layoffs\.fyi|bls\.gov|youtube\.com"
    r"|youtu\.be|github\.com|levels\.fyi|glassdoor|reddit\.com|docs\.google|themuse\.com|medium\.com|substack",
    _F,
)
_CODE = re.compile(
    r"```|traceback \(most recent|\bdef \w+\(|\bclass \w+[:(]|\bselect\b[^\n]{1,80}\bfrom\b|\bkubectl\b"
    r"|console\.log|^\s*(?:import|from) \w+|\bself\.\w+\s*=",
    _M,
)
_DATE_RANGE = re.compile(
    r"\b(?:19|20)\d\d\s?(?:-|–|—|to)\s?(?:(?:19|20)\d\d|present|now|current)\b|\b(?:19|20)\d\d\s?(?:-|–|—)\s?$", _M
)
_RESUME_HEADING = re.compile(
    r"^\W{0,3}(?:experience|work experience|education|skills|summary|work history|certifications|projects)\W{0,3}$"
    r"|^\W{0,3}(?:experience|education|skills)\s*:",
    _M,
)
_META = re.compile(
    r"job postings go in|please use the format|rules update|\bpinned\b|resume review channel|so the bot can",
    _F,
)


# One heading can be chat ("requirements: 10 years lol"); two or more are a posting's skeleton.
_HEADING_WEIGHTS: Final[tuple[float, ...]] = (0.0, 0.9, 2.5, 3.8, 5.0)


def _clip(count: int, cap: int) -> int:
    return count if count < cap else cap


def _pipe_field_score(head: str) -> float:
    """A line like "Acme | Backend Engineer | Remote (EU) | €80–100k | apply: …": count segments that state fields."""
    best = 0
    for line in head.split("\n", 3)[:3]:
        parts = _FIELD_SEP.split(line)
        if len(parts) < 3:
            continue
        fields = sum(
            1
            for part in parts
            if _TITLE.search(part)
            or _SALARY.search(part)
            or _WORKPLACE.search(part)
            or _EMPLOYMENT.search(part)
            or _YEARS.search(part)
            or _CITY_STATE.search(part)
            or _CAREERS_URL.search(part)
        )
        best = max(best, fields)
    if best >= 3:
        return 1.6
    return 0.8 if best == 2 else 0.0


def score_breakdown(text: str) -> dict[str, float]:
    """Each cue's contribution in log-odds (bias included); their sum is the logit of the score."""
    out: dict[str, float] = {"bias": BIAS}
    head = text[:HEAD_CHARS].strip()
    if len(head) < 8 or (len(head) < 200 and not _ANY_CUE.search(head)):
        out["no_cues"] = -2.0
        return out
    if "<" in head and _HTML_TAG.search(head):
        head = _HTML_TAG.sub("\n", head)

    # Speaker cues read the text without URLs: "?jk=…" is no question, "/jk" no joke.
    prose = _URL.sub(" ", head) if "://" in head or "www." in head else head

    def add(name: str, value: float) -> None:
        if value:
            out[name] = value

    # Posting voice and structure.
    if _HIRING.search(head):
        add("hiring_phrase", 2.4)
    elif _OPENER.search(head) or _ROLE_WANTED.search(prose):
        add("hiring_phrase", 1.6)
    add("gender_mark", 2.0 if _GENDER_MARK.search(head) else 0.0)
    add("apply", 1.2 if _APPLY.search(head) else 0.0)
    add("contact", 0.5 if _DM_CONTACT.search(head) or _PHONE.search(head) else 0.0)
    add("jobs_email", 1.0 if _JOBS_EMAIL.search(head) else (0.3 if _ANY_EMAIL.search(head) else 0.0))
    families = {m.lastgroup for m in _HEADING.finditer(head)}
    add("headings", _HEADING_WEIGHTS[_clip(len(families), 4)])
    labels = {m.group(0).strip(" \t\n•|*:").lower() for m in _LABEL.finditer(head)}
    add("labels", 0.5 * _clip(len(labels), 4))
    add("pipe_fields", _pipe_field_score(head))
    bullets = len(_BULLET_LINE.findall(head))
    add("bullets", 0.5 if bullets >= 4 and len(head) > 500 else 0.0)

    # Fields a posting states.
    if _ATS_URL.search(head):
        add("job_url", 1.6)
    elif _CAREERS_URL.search(head):
        add("job_url", 1.0 if _ONE_JOB_PATH.search(head) else 0.6)
    add("title", 0.8 if _TITLE.search(head) else 0.0)
    add("salary", (1.0 if _SALARY.search(head) else 0.0) + (0.4 if _SALARY_RANGE.search(head) else 0.0))
    add("workplace", 0.7 if _WORKPLACE.search(head) or _CITY_STATE.search(head) else 0.0)
    add("employment_type", 0.8 if _EMPLOYMENT.search(head) else 0.0)
    add("years", 0.9 if _YEARS.search(head) else 0.0)
    benefits = len({m.group(0).lower() for m in _BENEFIT.finditer(head)})
    add("benefits", 1.2 if benefits >= 3 else (0.6 if benefits else 0.0))
    add("eeo", 1.0 if _EEO.search(head) else 0.0)
    # "Backend Engineer at Stripe <board link>": a bare titled job link is how postings are shared in chat.
    titled_link = "job_url" in out and "title" in out and len(head) < 300 and "?" not in prose
    add("titled_link", 1.5 if titled_link and not _FIRST_PERSON.search(prose) else 0.0)

    # The speaker: first person, questions, job-seeker talk.
    questions = prose.count("?")
    short_message = len(prose) < 300  # a question is the point of a short message
    add("questions", -((1.6 if short_message else 1.1) + 0.5 * (_clip(questions, 4) - 1)) if questions else 0.0)
    add("question_open", -1.0 if _QUESTION_OPEN.search(prose) else 0.0)
    seeker = len({m.group(0).lower() for m in _SEEKER.finditer(prose)})
    add("seeker", -1.6 * _clip(seeker, 4))
    add("first_person", -0.35 * _clip(len(_FIRST_PERSON.findall(prose)), 6))
    add("chatty", -0.8 if _CHATTY.search(prose) else 0.0)
    add("other_site", -2.0 if _OTHER_SITE.search(head) else 0.0)
    add("code", -2.5 if _CODE.search(prose) else 0.0)
    add("resume_dates", -2.5 if len(_DATE_RANGE.findall(prose)) >= 2 else 0.0)
    add("resume_headings", -1.5 if len(_RESUME_HEADING.findall(prose)) >= 2 else 0.0)
    add("meta", -2.0 if _META.search(head) else 0.0)
    return out


def looks_like_posting(text: str) -> float:
    """Score in 0..1 that `text` is a job posting (≥ POSTING_THRESHOLD means posting). Pure and deterministic."""
    logit = sum(score_breakdown(text).values())
    return 1.0 / (1.0 + math.exp(-logit))
