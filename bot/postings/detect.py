"""Is this chat message a job posting? A cheap, transparent scored-feature model.

The bot calls `looks_like_posting` on every message in watched channels, so it must cost
microseconds on a short chat line and well under a millisecond on a pasted page. It therefore
does not use the posting parser, and it avoids big regex alternations (Python's `re` tries every
branch at every position): it reads the words of the first `HEAD_CHARS` characters once, looks
them up in word tables, and runs a phrase's regex only when the phrase's first word occurs.

    score = logistic(BIAS + sum of the weights of the cues present)

Why these cues and weights (log-odds, hand-set; tuned on tests/postings/detection/dev.jsonl, on
SkillSpan train postings and on half of the shared measurement resumes, then widened for the terse chat
postings of fresh.jsonl after that batch's first scoring; bench/README.md has the figures):

* Posting voice, strong: "we're hiring", "[Hiring]", "Wir suchen", "Nous recrutons",
  "Vi søger", "(m/w/d)" (+2.4 / +2.0); weaker openers ("Wanted:", "need a dog walker",
  "Position:") +1.6. Alone they are not enough: chat quotes them ("another 'we're hiring!'
  post from a company that laid off 30%").
* Structure: distinct section headings at line starts (Responsibilities, Requirements, Benefits,
  Ihr Profil, Requisitos, ...): one is +0.9 (chat says "requirements: 10 years lol"), two or more
  are a posting's skeleton (+2.5 … +5.0); "Label:" fields (Location:, Salary:) +0.5 each;
  pipe-separated field lines ("Acme | Backend Engineer | Remote | €80k") up to +1.6.
* Fields a posting states and chat rarely states together: salary (a range adds more),
  workplace/location, employment type, "N+ years", job-board/careers links (an ATS host counts
  most, a careers home page least), a jobs@ address, "apply at/here/now", benefits,
  equal-opportunity text, a role title. Each is weak (+0.5 to +1.6); chat about jobs has one
  or two of them, postings have several. A short titled job link ("Backend Engineer at Stripe
  <greenhouse link>") with no question and no "I" gets +1.5: that is how postings are shared;
  a role, its pay and a way to reach someone together ("Truck driver, $0.68/mile, call Dave") +0.8.
  A posting also addresses the reader and speaks for a team ("you'll own…", "the ideal candidate",
  "we offer", "Would you like to join…?"): +0.6 per distinct phrase, up to three.
* A request for someone (`_read_demand`), +1.6 when no hiring phrase fired: the short chat postings of
  hospitality, care, cleaning, trades and gigs name no heading and often no known title ("need 2 servers for
  a wedding", "Aushilfe gesucht", "Busco cuidadora", "Wij zoeken een magazijnmedewerker"). A request word
  (need, seeking, looking for, paying, opening for, taking on, busco, cerchiamo, zoeken, søger, mangler,
  cherche, suche, … or, after the role, needed / wanted / required / gesucht / gezocht / søges) followed
  within five words by a title, a compound title (-medewerker, -hjælper, -kraft, -helfer, plural endings
  stripped) or a person ("someone", "staff", "students", "help") is a demand; an agent noun (-er, -or,
  -ist, -eur, -ero, -ista: "upholsterer") counts only when pay is stated too. Followed first by work
  ("a job", "trabajo", "Arbeit", "work", "clients") in the first person it is a job seeker (−1.6, as
  below); so is a search for hours ("looking for full-time nights"); none counts after "if you / if
  anyone" ("message me if you need someone" offers a service).
  A message that opens with a role ("Dental assistant, 4 days/wk, …", "Private carer required …") and
  states pay or a way to reach the poster, with no "I", gets +0.8 ("role_first").
  Then each fact that makes the request an offer — pay, a way to reach the poster or to apply, a time
  ("weekends", "Tue/Thu", "6-12", "3x a week"; alone +0.4) — adds +0.6 (at most two) to a demand or a
  hiring phrase ("gig_offer"). Pay is also read in words ("paid gig", "paying $50", "day rate", "flat fee",
  "budget $300", "minimum wage", "SMIC", "Stundenlohn", "/uur", "per session") and contact in the
  covered languages ("msg me", "call the shop", "WhatsApp", "me contacter en MP", "por privado",
  "bitte PN", "skriv til").
* The speaker, negative: chat about jobs is first person and asks questions. Each "I/my"
  costs 0.35 (capped at six), a question mark 1.1 (1.6 in a short message; more for more of
  them; only 0.5 in a text of 1,500+ characters, where questions are rhetorical), a question
  opening in a short message 1.0, and each distinct job-seeker phrase ("refer me", "my resume",
  "got the offer", "[for hire]", "laid off", "should I", "dear hiring manager", and first-person
  availability or rates: "I'm available", "hire me", "my rate", "taking on new clients", "je suis
  disponible", "ik ben beschikbaar", "rates from", "Cleaner here, …") 1.6. These
  separate a resume or "got the offer: Senior Engineer, remote, $175k" from a posting.
* Not-a-posting shapes: resumes (two year ranges like "2019–2021" or "2021  present" −2.5;
  three resume headings −2.5, two −1.0; a "Phone:/E-mail:/LinkedIn:" header −1.5; three lines
  opening with a past-tense verb, "Developed…", −1.5), code, news/article links, chatty words
  ("lol"), moderator notes about the posting format; a quotation of 25+ characters inside a short message
  (−1.2: chat quoting a posting to mock it) and a call for volunteers that states no pay (−1.2).

URLs are cut out before the speaker cues are read ("?jk=…" is no question). `BIAS` is negative
so that a message with no cues scores near zero; 0.5 is the logistic's natural decision point.
`score_breakdown` returns each cue's contribution, so a surprising verdict can be explained.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Final, NamedTuple

POSTING_THRESHOLD: Final[float] = 0.5
HEAD_CHARS: Final[int] = 6000  # a posting shows its nature early; bound the work on huge input
BIAS: Final[float] = -3.2

# One heading can be chat ("requirements: 10 years lol"); two or more are a posting's skeleton.
_HEADING_WEIGHTS: Final[tuple[float, ...]] = (0.0, 0.9, 2.5, 3.8, 5.0)
# Postings say "Education:" or "Skills:" too; three resume headings are a resume.
_RESUME_HEADING_WEIGHTS: Final[tuple[float, ...]] = (0.0, 0.0, -1.0, -2.5)

_DIGIT = re.compile(r"\d")
# Letters of the languages the tables cover (Latin-1 plus œ): a plain class scans far faster than [^\W\d_].
_WORD = re.compile(r"[a-zß-öø-ÿœ]+(?:'[a-zß-öø-ÿœ]+)?")
_URL = re.compile(r"https?://\S+|www\.\S+")
_HTML_TAG = re.compile(r"<\s*/?\s*(?:p|div|li|ul|ol|h[1-6]|br|span|strong|b|em|section|table|tr|td)\b[^>]*>", re.I)


def _words(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


# ---- word tables (lowercase words as `_WORD` reads them) ---------------------------------------

_TITLE_STEMS = _words(
    "engineer developer programmer architect designer analyst scientist manager director vp nurse rn lpn cna np",
    "physician therapist pharmacist paramedic technician hygienist assistant associate specialist coordinator",
    "consultant accountant bookkeeper controller auditor adjuster paralegal attorney teacher tutor instructor",
    "electrician plumber carpenter welder mechanic roofer operator driver cook chef baker barista bartender cashier",
    "receptionist clerk agent representative rep executive writer editor intern internship apprentice trainee",
    "werkstudent nanny landscaper caregiver administrator admin officer sre devops tester researcher attendant",
    "coder mechatroniker elektroniker pflegefachkraft counselor walker eng dev swe sde aide sonographer",
    "phlebotomist dentist veterinarian groomer stylist barber photographer videographer animator illustrator",
    "translator interpreter recruiter dispatcher pilot cleaner housekeeper dishwasher server host lifeguard mover",
    "laborer installer inspector estimator machinist painter mason pipefitter lineman babysitter guard janitor",
    "nounou",
    "custodian coach psychologist contable analista sygeplejerske tømrer comptable professor lecturer postdoc",
    "secretary trainer supervisor foreman superintendent planner buyer merchandiser marketer copywriter producer",
    "curator librarian advisor adviser banker teller underwriter broker realtor appraiser actuary surveyor drafter",
    "draftsman midwife doula surgeon doctor medic emt optometrist optician dietitian chiropractor radiographer",
    "caretaker porter concierge valet steward stewardess courier picker packer loader stocker sorter assembler",
    "fabricator millwright boilermaker glazier tiler plasterer drywaller bricklayer scaffolder rigger trucker",
    "deckhand farmhand fisherman gardener groundskeeper butcher sommelier hostess waiter waitress busser barback",
    "hairdresser referee educator paraprofessional treasurer investigator detective deputy firefighter ranger",
    "warden notary lawyer solicitor barrister reporter correspondent dancer actor singer navigator sailor captain",
    "worker",
    "staff helper ambassador promoter usher crew gp locum kp handyman sitter petsitter carer hha rbt",
    "bellhop doorman bouncer marshal labourer decorator transcriber tasker shopper rider demonstrator housekeeper",
    "chaperone nursery childminder lifeguard groomer operative guide caller shelver profe",
)
_TITLES = (
    _TITLE_STEMS
    | frozenset(word + "s" for word in _TITLE_STEMS)
    | _words(
        "infirmier infirmière infirmiers développeur développeuse developpeur vendeur vendeuse camarero camarera",
        "enfermero enfermera desarrollador desarrolladora diseñador diseñadora técnico técnica tecnico ingénieur",
        "ingeniero ingeniera mitarbeiter mitarbeiterin medarbejder freelancer freelancers serveur serveuse cuisinier",
        "cuisinière livreur caissier caissière chauffeur verkäufer verkäuferin kellner kellnerin koch köchin fahrer",
        "fahrerin erzieher erzieherin pædagog lærer sælger kok chauffør profesor profesora cocinero cocinera",
        "dependiente dependienta soignant soignante conseiller conseillère technicien technicienne commis plongeur",
        "éducateur éducatrice animateur animatrice manutentionnaire préparateur préparatrice cariste secrétaire",
        "responsable conductor conductora repartidor repartidora mozo auxiliar administrativo administrativa",
        "recepcionista limpiador limpiadora operario operaria elektriker murer smed mekaniker konsulent tjener",
        "ingeniør cameriere cameriera cuoco cuoca commesso commessa magazziniere infermiere infermiera",
        "sviluppatore autista ingenieur monteur referent baby-sitter",
        # chat postings in hospitality, care, cleaning, trades and retail, in the languages the tables cover
        "serveuses barman barmaid hôtesse saisonnier saisonnière saisonniers stagiaire alternant apprenti",
        "moniteur monitrice surveillant gardien jardinier peintre maçon électricien plombier menuisier boulanger",
        "pâtissier coiffeur coiffeuse esthéticienne auxiliaire équipier équipière déménageur déménageurs",
        "ayudante cuidador cuidadora niñera canguro socorrista fontanero electricista albañil pintor",
        "jardinero peón mecánico teleoperador teleoperadora azafata vigilante programador programadora becario",
        "becaria panadero carnicero cajero cajera reponedor reponedora mesero mesera friegaplatos camareros",
        "empregado empregada cozinheiro cozinheira garçom garçonete atendente vendedor vendedora motorista",
        "entregador enfermeira cuidadores babá diarista faxineira pedreiro eletricista canalizador rececionista",
        "operador operadora estagiário estagiária desenvolvedor professora explicador repositor padeiro copeiro",
        "lavapiatti badante muratore idraulico imbianchino giardiniere addetto addetta addetti operaio",
        "operaia segretaria segretario oss educatore educatrice insegnante tirocinante stagista programmatore",
        "pizzaiolo pasticcere bagnino animatori camerieri",
        "oppas kok bezorger schoonmaker schoonmaakster verkoper verkoopster kelner ober afwasser vakkenvuller",
        "stagiair verpleegkundige verzorgende timmerman schilder loodgieter elektricien hovenier docent leraar",
        "begeleider ontwikkelaar beveiliger oppasser medewerkers",
        "opvasker hjælper elev lærling praktikant ekspedient barnepige maler vikar vikarer tjenere",
        "aushilfe aushilfen minijobber praktikantin azubi auszubildende kassierer kassiererin kommissionierer",
        "tischler schreiner dachdecker gärtner hausmeister krankenpfleger altenpfleger lehrer lehrerin friseur",
        "friseurin bäcker metzger zusteller programmierer tagesmutter servicekraft",
    )
)
# Compound and agent-noun titles: "Softwareentwickler", "esthetician", "phlebotomist", "sonographer".
_TITLE_SUFFIXES: Final[tuple[str, ...]] = tuple(
    sorted(
        _words(
            "entwickler entwicklerin udvikler assistent medarbejder ician logist grapher ist kraft helfer leiter",
            "leiterin berater beraterin bearbeiter techniker mechaniker kaufmann kauffrau leder",
            "medewerker medewerkster mitarbeiter mitarbeiterin hjælper pfleger pflegerin lehrer hilfe bezorger",
            "fahrer fahrerin assistant",
        )
    )
)
_NOT_TITLES = _words(
    "list assist exist insist persist resist consist wrist mist fist gist whilst twist playlist checklist wishlist",
    "waitlist shortlist blacklist whitelist artist bist frist zuerst meist christ",
)
_FIRST_PERSON = _words("i i'm i've i'd i'll im ive my ich j'ai je jeg")
_CHATTY = _words("lol lmao lmfao omg bro ugh tbh imo smh jk wtf rip")
_CHATTY_EMOJI = re.compile("💀|😭|🚩|🤡")
_WORKPLACE = _words("remote hybrid onsite wfh télétravail homeoffice remoto híbrido híbrida modalidad")
_EMPLOYMENT = _words(
    "freelance internship permanent temporary seasonal ft pt cdi cdd vollzeit teilzeit unbefristet befristet",
    "indefinido deltid fuldtid barselsvikariat werkstudent c2c fulltime parttime contract",
)
_BENEFIT = _words(
    "pto medical dental vision equity tuition pension urlaub mutuelle stipend relocation bonus tips overtime",
    "differential benefits holiday vacation pensión frokostordning sundhedsforsikring formación ote",
    "propinas pourboires gorjetas mance fooien drikkepenge trinkgeld tronc",
)
_STRONG_HIRING = _words(
    "nowhiring wehiring stellenangebot stellenanzeige buscamos contratamos søges gesucht vacante recrute"
)
_APPLY_WORDS = _words(
    "bewerben bewerbung bewirb postuler postulez candidature inscríbete inscribete interesados ansøg ansøgning",
    "ansøgningsfrist",
)
# Not "referral", "accepted", "negotiation": postings say "referral bonus", "applications accepted",
# "negotiation skills".
_SEEKER_WORDS = _words(
    "roast rejected ghosted unemployed lowball lowballed scam accepting interviewer interviewers webinar",
    "psa layoff layoffs zusage entretien candidatures entrevista",
)
_OTHER_SITE_WORDS = _words("glassdoor techcrunch reddit")  # named in chat, not in postings
_CURRENCY_CODES = "usd|eur|gbp|cad|aud|nzd|chf|nok|sek|dkk|pln|mxn"
_TITLE_ALT = "|".join(sorted(_TITLES, key=len, reverse=True))
# The same, plus compound titles by their ending ("Reinigungskraft", "phlebotomist"), for phrases that name a role.
_ROLE_ALT = _TITLE_ALT + r"|\w+(?:" + "|".join(_TITLE_SUFFIXES) + ")"

# ---- demand: a word that asks for someone, and what it asks for ---------------------------------
# Terse chat postings name no section and often no known title: "need 2 servers for a wedding sat, $25/hr",
# "Busco cuidadora interna…", "Aushilfe gesucht". What they share is a request for a person. A request
# word followed (within a few words) by a role or a person is a demand; followed first by a job word it is
# a job seeker ("Busco trabajo de camarero", "seeking a part-time job in retail").
_DEMAND_BEFORE = _words(
    "need needs seeking seeks searching search searches looking hiring paying recruiting requirement opening",
    "openings vacancy vacancies buscando preciso mangler manglar behöver taking",
    "busco buscamos busca buscan necesito necesitamos necesita precisa precisamos procura procuramos procuro",
    "cerco cerchiamo cercasi cercando zoeken zoek zoekt gezocht søger søges recherche recherchons cherche",
    "cherchons suche suchen sucht gesucht",
)
# Words that ask for someone when they follow the role ("Bar staff needed", "Aushilfe gesucht").
_DEMAND_AFTER = _words("needed wanted required gesucht gezocht søges")
_DEMAND_WORDS = _DEMAND_BEFORE | _DEMAND_AFTER
_SEEKING = _words("looking searching seeking")  # the verbs of a job search too
# "looking for a…" (not "looking good"), "opening for a Lab Technician", "urgent requirement for tele-callers"
_NEEDS_FOR = _words("looking searching requirement opening openings vacancy vacancies")
_NEEDS_ON = _words("taking")  # "taking on student shelvers" (and, as a seeker, "taking on new clients")
# "search a pizza chef" (non-native English) asks for someone; "search results for barista jobs" does not.
_NEEDS_ARTICLE = _words("search searches")
# A company's needs ("the organization needs diversity and equal opportunities") are no job search, nor is
# "taking on the role" (a posting's phrase; the seeker's "taking on new clients" is a phrase of its own).
_THIRD_PERSON = _words("needs seeks searches busca buscan necesita precisa procura cercasi zoekt sucht taking")
# Who can be asked for besides a title: a person, helping hands, some roles only in a request ("femme de ménage").
_PEOPLE = _words(
    "someone somebody anybody people person persons folks hands help alguien quelqu'un quelqu jemand jemanden",
    "iemand nogen qualcuno alguém personas personal personale personeel persone mensen ménage ménagère",
    "pair extras models talent guy guys lady ladies student students teenager teenagers teen teens studenten",
    "jobstudent jobstudenten étudiant étudiante étudiants estudiante estudiantes estudante hånd",
)
# What a job seeker asks for: work itself, not a worker.
_JOB_OBJECTS = _words(
    "job jobs work gig gigs position role roles opportunities opportunity clients projects internship employment",
    "arbeit stelle minijob nebenjob ausbildungsplatz emploi travail boulot alternance trabajo empleo curro",
    "prácticas trabalho emprego estágio lavoro posto tirocinio baan bijbaan werk stageplek arbejde stilling",
    "praktikplads",
)
# An agent noun ("tiler", "dog groomer", "decorator") counts after a request word only when pay is stated too.
# Kinds of work one asks for when seeking it; a worker named after them ("part-time servers") still decides.
_WORK_HINTS = _words(
    "full part time night nights shift shifts hours weekend weekends evening evenings day days more extra temp",
    "remote freelance cover",
)
_AGENT_NOUN = re.compile(r"[a-zß-öø-ÿ]{3,}(?:er|or|eur|euse|ero|era|iere|ista|ist|ant|ante|ente|ian)s?")
_NOT_AGENTS = _words(
    "other others number after never ever under paper better together water order summer winter computer",
    "letter cover partner dinner answer corner power member customer error mirror floor door monitor motor",
    "sensor mentor sponsor player players roommate flyer poster sticker router laptop consultant tutorial",
    "either neither rather whether however over offer offers another further matter manager's sister brother",
    "mother father daughter son teacher's counter favor favour colour color doctor's ancient constant important",
    "present different instant restaurant student students giant assistant's elegant relevant pleasant",
)
# "if you need a babysitter, DM me", "if anyone needs a contractor": the reader's need, offered a service.
_CONDITIONAL = _words("if you u anyone anybody whoever si wenn falls hvis als")
_WINDOW: Final[int] = 5  # words after a request word that can name whom it asks for


_PLURAL_ENDINGS: Final[tuple[str, ...]] = ("'s", "s", "e", "en", "er", "es", "i")


def _is_role_word(word: str) -> bool:
    """A title, or a compound title by its ending ("Reinigungskraft", "magazijnmedewerker") but not the ending alone."""
    if word in _TITLES:
        return True
    for ending in _PLURAL_ENDINGS:  # "electrician's", "sundhedshjælpere", "medewerkers", "Aushilfen"
        if word.endswith(ending) and word[: -len(ending)] in _TITLES:
            return True
    stem = word.rstrip("se") if word.endswith(("s", "e")) else word
    return any(w.endswith(_TITLE_SUFFIXES) and w not in _NOT_TITLES and w not in _TITLE_SUFFIXES for w in (word, stem))


class _Demand(NamedTuple):
    person: bool  # a request for a title, a compound title or a person
    agent: bool  # a request for some agent noun ("tiler") — a demand only when pay is stated
    seeker: bool  # a request for work ("looking for a job")


def _read_demand(tokens: list[str]) -> _Demand:
    """Scan the words after (and, for "needed"/"gesucht", before) each request word."""
    person = agent = seeker = False
    for i, token in enumerate(tokens):
        if token not in _DEMAND_WORDS:
            continue
        if (
            token in _DEMAND_AFTER
            and i
            and (_is_role_word(tokens[i - 1]) or tokens[i - 1] in _PEOPLE or (i > 1 and _is_role_word(tokens[i - 2])))
        ):
            person = True
            continue
        if token not in _DEMAND_BEFORE or not _CONDITIONAL.isdisjoint(tokens[max(0, i - 4) : i]):
            continue
        start = i + 1
        if token in _NEEDS_FOR:
            if tokens[start : start + 1] != ["for"]:
                continue
            start += 1
        elif token in _NEEDS_ON:
            if tokens[start : start + 1] != ["on"]:
                continue
            start += 1
        elif token in _NEEDS_ARTICLE and tokens[start : start + 1] not in (["a"], ["an"], ["for"]):
            continue
        # "looking for full-time nights in Memphis", "looking for more houses": hours or clients, not a worker
        hinted = token in _SEEKING and tokens[start : start + 1] != [] and tokens[start] in _WORK_HINTS
        for place, word in enumerate(tokens[start : start + _WINDOW]):
            if word in _JOB_OBJECTS:
                seeker = seeker or (place < 3 and token not in _THIRD_PERSON)
                break
            if word in _WORK_HINTS:
                continue
            if _is_role_word(word) or word in _PEOPLE:
                person = True
                break
            if word not in _NOT_AGENTS and _AGENT_NOUN.fullmatch(word):
                agent = True
                break
        else:
            seeker = seeker or hinted
    return _Demand(person, agent, seeker)


_NO_DEMAND: Final[_Demand] = _Demand(False, False, False)
# "Cleaner here, available mornings…", "freelance video editor here!": a worker introducing themself.
_SELF_INTRO = re.compile(r"\W*(?:[\w/&'-]+ ){1,3}here\s*[,!.—–-]")
_FIRST_CLAUSE = re.compile(r"[^,;:|!?\n(–—]{0,50}")


def _names_role_first(prose: str) -> bool:
    """Does the message open with a role ("Dental assistant, 4 days/wk…", "Private carer required for…")?

    Chat postings name the role first; chat about a role puts a speaker or a question first.
    """
    clause = _FIRST_CLAUSE.match(prose.lstrip(" *#>-•[]"))
    words = _WORD.findall(clause.group()) if clause else []
    return 0 < len(words) <= 6 and any(_is_role_word(word) for word in words[:3])


# ---- phrase table: a phrase's regex runs only when its first word is among the message's words --


class _Phrase(NamedTuple):
    feature: str
    first: str  # the first word, as `_WORD` reads it
    pattern: re.Pattern[str]
    not_after: tuple[str, ...]  # the phrase does not count right after these strings


def _phrases(feature: str, firsts: str, tail: str = "", not_after: tuple[str, ...] = ()) -> list[_Phrase]:
    """One entry per first word; `tail` is the regex that must follow that word."""
    return [_Phrase(feature, w, re.compile(f"{re.escape(w)}(?:{tail})"), not_after) for w in firsts.split("|")]


_ROLE_VERBS = (
    "be|work|join|have|lead|own|help|build|get|support|report|take|play|develop|manage|design|collaborate"
    "|contribute|drive|need|bring"
)
_YEARS_WORDS = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|ten)\s*\+?\s*(?:years?|yrs?)"
_NOT_A_ROLE = r"(?!\s+(?:jobs?|roles?|positions?|openings?|referral|friends?))"

_PHRASE_LIST: list[_Phrase] = [
    # posting voice, strong
    *_phrases("hiring", "we're|we|currently|actively|still|now", r"\s+(?:now\s+)?hiring\b"),
    # "X is hiring a…" names what is hired; "trades are hiring like crazy" is talk about the market
    *_phrases(
        "hiring",
        "is|are",
        rf"\s+(?:now\s+|currently\s+)?hiring(?:\s+(?:a|an|\d+|two|three|several|for|again|now|remote|in|at)\b"
        rf"|\s+(?:[\w-]+\s+){{0,2}}(?:{_TITLE_ALT})\b|\s*[:!.]|\s*$)",
    ),
    *_phrases("hiring", "we're", r"\s+(?:looking for|seeking|searching for|growing|recruiting)\b"),
    *_phrases("hiring", "we", r"\s+are\s+(?:hiring|looking for|seeking|searching for|recruiting)\b"),
    *_phrases("hiring", "we", r"\s+have\s+an\s+opening"),
    *_phrases("hiring", "hiring", r"\s*(?:\]|[:!])"),
    *_phrases("hiring", "urgent", r"\s+hire\b"),
    *_phrases("hiring", "looking", r"\s+to\s+hire\b"),
    *_phrases("hiring", "join", r"\s+(?:our|the)\s+team\b"),
    *_phrases("hiring", "is", r"\s+(?:seeking|looking for)\b"),
    *_phrases("hiring", "recruiting", r"\s+for\b"),
    *_phrases("hiring", "new", r"\s+role\s+on\s+our\s+team"),
    *_phrases("hiring", "job|jobs|position|positions|role|roles|stelle", r"\s+(?:opening|open|available|vacancy)\b"),
    *_phrases("hiring", "open", r"\s+(?:position|role)s?\b"),
    *_phrases("hiring", "opening", r"(?:\s+on\s+my\s+team)?\s*(?:for\b|:)"),
    *_phrases("hiring", "vacancy", r"\s*:"),
    *_phrases("hiring", "wir", r"\s+(?:suchen|stellen\s+ein)\b"),
    *_phrases("hiring", "suche", r"\s+verstärkung"),
    *_phrases("hiring", "anzeige", r"\s*:"),
    *_phrases("hiring", "nous", r"\s+(?:recrutons|cherchons)\b"),
    *_phrases("hiring", "suchen", r"\s+wir\b"),
    *_phrases("hiring", "cercasi|cerchiamo|assumiamo"),
    *_phrases("hiring", "offerta", r"\s+di\s+lavoro"),
    *_phrases("title", "farm|ranch|deck|stage", r"\s+hands?\b"),
    *_phrases("hiring", "we", r"\s+have\s+(?:a|an|one|two)\s+(?:spot|opening|vacancy|role)\b"),
    *_phrases(
        "opener",
        "cherche|recherche|sucht|suche",
        rf"\s+(?:\w+\s+){{0,2}}(?:un|une|des|einen|eine)?\s*(?:{_ROLE_ALT})\b",
    ),
    *_phrases("hiring", "on", r"\s+recrute\b"),
    *_phrases("hiring", "offre", r"\s+d'(?:emploi|stage)|\s+de\s+(?:stage|job|travail)"),
    *_phrases("hiring", "stage", r"\s+de\b"),
    *_phrases("hiring", "se", r"\s+(?:busca|necesita)\b"),
    *_phrases("hiring", "oferta", r"(?:\s+de\s+empleo)?\s*:|\s+de\s+empleo"),
    *_phrases("hiring", "prácticas", r"\s+remuneradas"),
    *_phrases("hiring", "estamos", r"\s+contratando"),
    # offering work: "Ofrezco trabajo de jardinero", "offering shifts", "casting call:"
    *_phrases(
        "hiring",
        "ofrezco|ofrecemos|offering|biete|bieten|tilbyder",
        r"\s+(?:\w+\s+)?(?:trabajo|empleo|work|job|jobs|shifts|arbeit|job)\b",
    ),
    *_phrases("hiring", "casting", r"\s+call\b"),
    *_phrases("hiring", "vi", r"\s+søger\b"),
    *_phrases("hiring", "ledig", r"\s+stilling"),
    *_phrases("hiring", "stilling", r"\s+ledig"),
    *_phrases("hiring", "poste", r"\s+à\s+pourvoir"),
    # posting voice, weaker
    *_phrases("opener", "opportunity|job|position|role|opening|vacancy|gig", r"\s*:"),
    *_phrases("opener", "job", r"\s+(?:alert|opening)\s*:"),
    *_phrases("opener", "wanted|needed", r"\s*(?:[:,!—–-]|(?:at|for|on|in|to\s+join)\b)", not_after=("i ", "we ")),
    *_phrases("opener", "looking", r"\s+for\s+an?\s+[^.?\n]{0,60}?\b(?:for|to join|at|in)\s+(?:our|my)\b"),
    *_phrases(
        "opener",
        "need|needs|seeking|looking|searching",
        rf"\s+(?:for\s+)?(?:an?\s+|\d+x?\s+|two\s+|three\s+|several\s+)?(?:[\w/+-]+\s+){{0,3}}(?:{_TITLE_ALT})\b{_NOT_A_ROLE}",
    ),
    # a posting addresses the reader and speaks for a team ("you'll own…", "the ideal candidate", "we offer")
    *_phrases("voice", "you'll", rf"\s+(?:{_ROLE_VERBS})\b"),
    *_phrases("voice", "you", rf"\s+will\s+(?:{_ROLE_VERBS})\b"),
    *_phrases("voice", "the", r"\s+(?:ideal|successful|right)\s+(?:candidate|applicant|person)"),
    *_phrases("voice", "we", r"\s+(?:offer|provide|expect)\b"),
    *_phrases("voice", "what", r"\s+we\s+offer"),
    *_phrases("voice", "join", r"\s+us\b"),
    *_phrases("voice", "invites", r"\s+applications"),
    *_phrases("voice", "applications", r"\s+are\s+invited"),
    *_phrases("voice", "candidates|applicants", r"\s+(?:must|should|will)\b"),
    *_phrases("voice", "your", r"\s+(?:tasks|responsibilities|profile)\b"),
    *_phrases("voice", "in", r"\s+this\s+role\b"),
    *_phrases("voice", "this", r"\s+(?:role|position)\s+(?:is|will|requires|involves|reports)\b"),
    *_phrases("voice", "our", r"\s+(?:team|client|company)\s+(?:is|are|offers|provides|needs)\b"),
    *_phrases("voice", "reporting", r"\s+to\s+the\b"),
    # rhetorical openers of (mostly European) postings: "Would you like to join…?", "Are you ready for…?"
    *_phrases("voice", "would", r"\s+you\s+like\s+to\s+(?:join|work|be|help|take|use|develop|make|influence|know)\b"),
    *_phrases("voice", "are", r"\s+you\s+(?:ready|passionate|interested|motivated)\b"),
    *_phrases("voice", "do", r"\s+you\s+(?:want\s+to|have\s+what\s+it\s+takes|thrive|enjoy)\b"),
    *_phrases("voice", "deadline", r"\s+for\s+applications?"),
    *_phrases("voice", "application", r"\s+deadline"),
    *_phrases(
        "voice",
        "position|scholarship|opportunity|vacancy|is",
        r"\s+(?:is\s+|has\s+become\s+)?available\s+(?:at|in|as|from)\b",
    ),
    # how to apply
    *_phrases(
        "apply",
        "apply",
        r"\s*(?:here|now|at|online|in person|in store|today|by|through|via|on|using|in link|with|:|→|👉|->|-)",
    ),
    *_phrases("apply", "to", r"\s+apply\b"),
    *_phrases("apply", "easy", r"\s+apply\b"),
    *_phrases("apply", "application|applications", r"\s+(?:close|open|deadline)"),
    *_phrases(
        "apply",
        "send|email|submit|mail",
        r"\s+(?:us\s+)?(?:your\s+|a\s+|an\s+|me\s+)?(?:short\s+)?(?:resume|cv|application|portfolio|reel|intro|demos?"
        r"|samples|work samples|past work)",
    ),
    *_phrases("apply", "with", r"\s+(?:a|your)\s+resume"),
    *_phrases("apply", "reply", r"\s+with\s+your"),
    *_phrases("apply", "bewerbe", r"\s+dich"),
    *_phrases("apply", "envía|envia|envíanos", r"\s+tu\s+(?:cv|portafolio)"),
    *_phrases("apply", "enviar", r"\s+cv"),
    *_phrases("apply", "envoyez|envoyer|adressez", r"\s+(?:votre|son|un|nous\s+votre)\s+(?:cv|candidature)"),
    *_phrases("apply", "inviare|invia", r"\s+(?:il\s+)?(?:tuo\s+)?cv"),
    *_phrases("apply", "søg", r"\s+(?:via|senest|stillingen)"),
    *_phrases("apply", "send", r"\s+(?:din|en kort)\s"),
    *_phrases("contact", "dm|message|text|call|email|ping|msg|pm|write|inbox", r"\s+(?:to\s+)?(?:me|us|jim|maria|\d)"),
    # reaching the poster in chat, in the languages the tables cover
    *_phrases("contact", "whatsapp|sms|pn|vorbeikommen|contactar|contactez|contattare|contattatemi|scrivetemi"),
    *_phrases(
        "contact",
        "call|ring|phone|text|visit",
        r"\s+the\s+(?:shop|office|store|shed|bar|restaurant|salon|studio|farm)\b",
    ),
    *_phrases("contact", "give", r"\s+(?:\w+\s+)?a\s+(?:bell|call|ring|shout|text)\b"),
    *_phrases("contact", "reply", r"\s+(?:with|here|below|to\s+this\s+(?:ad|post))\b"),
    *_phrases("contact", "in", r"\s+(?:dms?|pms?|the\s+dms)\b"),
    *_phrases("contact", "send", r"\s+(?:us\s+|me\s+)?(?:a\s+)?(?:message|note|dm|text)\b"),
    *_phrases("contact", "pop|drop", r"\s+(?:in|by)\b"),
    *_phrases("contact", "me|nous", r"\s+contacter"),
    *_phrases("contact", "en|par|por|no|pelo|em|in|per", r"\s+(?:mp|privado|privato|pn)\b"),
    *_phrases("contact", "melde|meldet", r"\s+(?:dich|euch)"),
    *_phrases("contact", "stuur|bel|app", r"\s+(?:me|ons)\b"),
    *_phrases("contact", "skriv", r"\s+(?:til|en)\b"),
    *_phrases("apply", "bring|drop", r"\s+(?:in\s+)?(?:your|a)\s+(?:cv|resume)"),
    *_phrases("apply", "sign", r"\s+up\s+(?:here|at|via|on|:)"),
    *_phrases("apply", "meld", r"\s+je\s+aan"),
    *_phrases("apply", "aanmelden|solliciteren|solliciteer|sollicitatie|candidatura|candidate-se|candidatarsi"),
    *_phrases(
        "apply", "mandar|enviar|envie|enviem|manda|mande", r"\s+(?:o\s+|seu\s+|tu\s+|su\s+)?(?:cv|currículo|curriculo)"
    ),
    *_phrases("apply", "interesados|interessados|interessati|geïnteresseerden|interessierte"),
    *_phrases("contact", "dm", r"\s+(?:for|with)\s+(?:details|info|questions)"),
    *_phrases("contact", "mail", r"\s+an\b"),
    *_phrases("contact", "contact", r"\s*:"),
    *_phrases("contact", "hmu"),
    *_phrases("contact", "ring", r"\s+til"),
    *_phrases("contact", "llamar", r"\s+al"),
    *_phrases("contact", "call|text|phone", r"\b[^\n]{0,30}?\d{2,4}[ .-]\d{2,4}"),
    # fields
    *_phrases("eeo", "equal", r"\s+opportunity"),
    *_phrases("eeo", "eoe"),
    *_phrases("eeo", "affirmative", r"\s+action"),
    *_phrases("eeo", "reasonable", r"\s+accommodations?"),
    *_phrases("title", "head", r"\s+of\b"),
    *_phrases("title", "social", r"\s+worker"),
    *_phrases("workplace", "on", r"-site\b"),
    *_phrases("workplace", "in", r"-office\b"),
    *_phrases("workplace", "home", r"\s?office\b"),
    *_phrases("employment", "full|part", r"[- ]time\b"),
    *_phrases("employment", "temp", r"-to-hire"),
    *_phrases("employment", "per", r"\s+diem"),
    *_phrases("employment", "jornada", r"\s+completa"),
    *_phrases("employment", "tiempo", r"\s+completo"),
    *_phrases("employment", "temps", r"\s+plein"),
    *_phrases("employment", "fast", r"\s+stilling"),
    *_phrases("employment", "night|day|evening", r"\s+shift"),
    *_phrases("employment", "shifts", r"\s+per\s+week"),
    *_phrases("employment", "summer", r"\s+20\d\d"),
    *_phrases("employment", "new", r"\s+grads?\b"),
    *_phrases("years", "at", r"\s+least\s+" + _YEARS_WORDS),
    *_phrases("years", "minimum", r"(?:\s+of)?\s+" + _YEARS_WORDS + r"|\s+\d+\s+års"),
    *_phrases("years", "min", r"\.?\s+\d{1,2}\s*\+?\s*(?:years?|yrs?)"),
    *_phrases("years", "mindestens", r"\s+\d+\s+jahre"),
    *_phrases("salary", _CURRENCY_CODES, r"\s?\$?\d"),
    *_phrases("salary", "mensuales|commission|hourly"),
    *_phrases(
        "salary", "per", r"\s+(?:mile|shift|visit|hour|uur|stunde|heure|hora|ora|kilo|session|walk|video|event)\b"
    ),
    # pay stated in words: "paid gig", "paying $50", "day rate", "flat fee", "budget $300", "Stundenlohn"
    *_phrases("salary", "paid", r"\s+(?:gig|position|role|job|internship|work|shifts?|cash|weekly|daily|hourly|per)\b"),
    *_phrases("salary", "pay|pago|pagamento", r"\s+(?:[$€£]\s?\d|\d|per|por)"),
    *_phrases("salary", "minimum|living", r"\s+wage\b"),
    *_phrases("salary", "smic|mindestlohn|tarif|tvöd|cao"),
    *_phrases("salary", "paying", r"\s+(?:[$€£\d]|well|cash)"),
    *_phrases("salary", "will", r"\s+pay\s+(?:[$€£\d]|well|cash)"),
    *_phrases("salary", "fixed", r"\s+(?:price|fee|rate)\b"),
    *_phrases("salary", "competitive|attractive", r"\s+(?:salary|pay|wages?|rates?)\b"),
    *_phrases("salary", "day|hourly|daily", r"\s+rate\b"),
    *_phrases("salary", "flat", r"\s+fee\b"),
    *_phrases("salary", "budget", r"\s*(?::|is|of|around|~|up to|about)?\s*[$€£\d]"),
    *_phrases(
        "salary",
        "salaire|salario|sueldo|gehalt|stundenlohn|salário|stipendio|retribuzione|salaris|løn|vergoeding|rémunéré"
        "|rémunérée|remunerado|remunerada|retribuito|retribuita|bezahlt|betaald|betalt",
    ),
    *_phrases("salary", "bruto|brutos", r"\s+(?:anuales|/año)"),
    *_phrases("benefit", "paid", r"\s+time\s+off"),
    *_phrases("benefit", "health", r"\s+insurance"),
    *_phrases("benefit", "stock", r"\s+options"),
    *_phrases("benefit", "sign", r"-on\b"),
    *_phrases("benefit", "parental", r"\s+leave"),
    *_phrases("benefit", "ticket|tickets", r"\s+restaurant"),
    *_phrases("benefit", "visa", r"\s+sponsorship"),
    *_phrases("benefit", "betriebliche", r"\s+altersvorsorge"),
    # the speaker: job-seeker talk
    *_phrases("seeker", "refer|referral", r"\s+me\b"),
    *_phrases("seeker", "referral", r"\s+(?:at|for|to)\b"),
    *_phrases("seeker", "looking", r"\s+for\s+(?:a|my)\s+(?:[\w-]+\s+){0,2}(?:job|position)\s+(?:as|in|at)\b"),
    *_phrases("seeker", "seeking", r"\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:job|position)\b"),
    *_phrases("seeker", "career|carrier", r"\s+objective"),
    *_phrases(
        "seeker", "my", r"\s+(?:resume|cv|cover letter|portfolio|experience|interview|offer|last day|next role)\b"
    ),
    *_phrases("seeker", "my", r"\s+(?:current|last|new|next)\s+(?:job|role|position|company|manager)\b"),
    *_phrases("seeker", "review", r"\s+my\b"),
    *_phrases("seeker", "resume", r"\s+(?:review|template)"),
    *_phrases("seeker", "i", r"\s+applied\b|\s+got\b|\s+quit\b|\s+live\b|\s+have\s+\d|\s+am\s+excited\s+to\s+apply"),
    *_phrases("seeker", "i've", r"\s+applied\b"),
    *_phrases("seeker", "applied", r"\s+to\b"),
    *_phrases("seeker", "got", r"\s+the\s+(?:offer|job)"),
    *_phrases("seeker", "offer", r"\s+(?:letter|details)"),
    *_phrases("seeker", "accepted", r"\s+(?:it|the\s+offer|an\s+offer|last|yesterday|today|this)\b"),
    *_phrases("seeker", "salary", r"\s+update"),
    *_phrases("seeker", "offered", r"\s+me\b"),
    *_phrases("seeker", "accept|accepted|accepting", r"\s+(?:an|the)\s+offer"),
    *_phrases("seeker", "signed", r"\s+my\b"),
    *_phrases("seeker", "for", r"\s+hire\s*\]|\s+anyone\s+curious"),
    *_phrases("seeker", "freelance", r"\s+\w+\s+available"),
    *_phrases("seeker", "open", r"\s+to\s+work"),
    *_phrases("seeker", "looking", r"\s+for\s+work"),
    *_phrases("seeker", "seeking", r"\s+opportunities"),
    *_phrases("seeker", "available", r"\s+for\s+(?:\w+\s+)?(?:contract|work|hire|projects|gigs)\b"),
    *_phrases("seeker", "can", r"\s+start\s+immediately"),
    *_phrases("seeker", "laid", r"\s+off"),
    *_phrases("seeker", "phone", r"\s+screen"),
    *_phrases("seeker", "final", r"\s+round"),
    *_phrases("seeker", "should", r"\s+i\b"),
    *_phrases("seeker", "am", r"\s+i\s+qualified"),
    *_phrases("seeker", "starting", r"\s+(?:my\s+new|as)\b"),
    *_phrases("seeker", "quit", r"\s+my\b"),
    *_phrases("seeker", "dear", r"\s+(?:hiring|mr|ms|mrs|sir)\b"),
    *_phrases("seeker", "application", r"\s+for\s+the\b"),
    *_phrases("seeker", "ghost", r"\s+job"),
    *_phrases("seeker", "is", r"\s+this\s+(?:legit|normal|posting)"),
    *_phrases("seeker", "job", r"\s+market"),
    *_phrases("seeker", "hiring", r"\s+freeze"),
    *_phrases("seeker", "career", r"\s+fair"),
    *_phrases("seeker", "mock", r"\s+interview"),
    *_phrases("seeker", "ats", r"\s+keyword"),
    *_phrases("seeker", "i'm", r"\s+(?:an?\s+(?!recruiter)\w+\s+(?:with|in|at)|looking\s+for\s+(?:an?\s+)?job)\b"),
    *_phrases("seeker", "i", r"\s+am\s+an?\s+(?!recruiter)\w+\s+(?:with|in|at)\b"),
    *_phrases("seeker", "what", r"\s+do\s+\w+\s+make"),
    *_phrases("seeker", "going", r"\s+rate"),
    *_phrases("seeker", "fair", r"\s+for\b"),
    *_phrases("seeker", "they", r"\s+(?:said|told|offered|gave)\b"),
    *_phrases("seeker", "told", r"\s+me\b"),
    *_phrases("seeker", "bewerbungen", r"\s+bei"),
    *_phrases("seeker", "conseguí", r"\s+trabajo"),
    *_phrases("seeker", "fået", r"\s+jobbet"),
    *_phrases("seeker", "erfaring", r"\s+med\s+at\s+søge"),
    *_phrases("seeker", "check", r"\s+their\b"),
    *_phrases("seeker", "tip", r"\s*:"),
    # first-person availability and one's own rate: a job seeker advertising themself
    *_phrases("seeker", "i'm|im", r"\s+(?:\w+\s+)?available\b"),
    *_phrases("seeker", "i", r"\s+am\s+(?:\w+\s+)?available\b|\s+charge\b"),
    *_phrases("seeker", "hire", r"\s+me\b"),
    *_phrases("seeker", "available", r"\s+(?:mornings|evenings|afternoons|weekends|weekdays|nights)\b"),
    *_phrases("seeker", "they", r"\s+(?:only\s+)?(?:pay|paid)\b"),
    *_phrases("seeker", "my", r"\s+(?:day\s+|hourly\s+)?rates?\b"),
    *_phrases("seeker", "rates|prices", r"\s+(?:from|start)\b"),
    *_phrases("seeker", "taking", r"\s+on\s+(?:new\s+|small\s+|more\s+)?(?:jobs|clients|work|projects|bookings)"),
    *_phrases("seeker", "interview", r"\s+for\s+(?:a|an|the)\b"),
    *_phrases("seeker", "je", r"\s+suis\s+disponible"),
    *_phrases("seeker", "estoy|sono|estou", r"\s+disponi"),
    *_phrases("seeker", "ich", r"\s+bin\s+(?:verfügbar|auf\s+(?:jobsuche|der\s+suche))"),
    *_phrases("seeker", "ik", r"\s+ben\s+beschikbaar"),
    *_phrases("seeker", "jeg", r"\s+er\s+(?:ledig|tilgængelig)"),
    # code
    *_phrases("code", "def", r"\s+\w+\("),
    *_phrases("code", "class", r"\s+\w+[:(]"),
    # SQL names columns or "*" ("select product from the dropdown" is English)
    *_phrases("code", "select", r"\s+(?:\*|[\w.]+\s*,\s*[\w.]+)[\w*.,\s]{0,60}?\s+from\s+\w"),
    *_phrases("code", "kubectl"),
    *_phrases("code", "console", r"\.log"),
    *_phrases("code", "self", r"\.\w+\s*="),
    *_phrases("code", "traceback", r"\s+\(most recent"),
    *_phrases("code", "import", r"\s+\w+[ \t]*(?:\n|$)"),
]
_PHRASES: Final[dict[str, tuple[_Phrase, ...]]] = {}
for _p in _PHRASE_LIST:
    _PHRASES[_p.first] = (*_PHRASES.get(_p.first, ()), _p)
# Words that can start any posting-side cue: a short line with none of them cannot reach the threshold.
_POSTING_WORDS: Final[frozenset[str]] = (
    frozenset(p.first for p in _PHRASE_LIST if p.feature not in ("seeker", "code"))
    | _TITLES
    | _WORKPLACE
    | _EMPLOYMENT
    | _STRONG_HIRING
    | _APPLY_WORDS
    | _BENEFIT
    | _DEMAND_WORDS
)
# Characters that carry structure (links, addresses, field separators, gender marks, markdown labels).
_STRUCTURE_HINT = re.compile(r"[\w-]\.[a-z]{2}|[@|•·—–/*\[#\n]")

# ---- patterns over the text itself (each starts with a literal or a character class: cheap to scan) --

_GENDER_MARK = re.compile(r"\(\s?[mwfhdx]\s*/\s*[mwfhdx](?:\s*/\s*[mwfhdx])?\s?\)")
_HASH_HIRING = re.compile(r"\[\s?(?:hiring|job)\b|#\w*hiring\b")
_SALARY = re.compile(
    r"[$€£]\s?\d"
    r"|\d(?:[\d.,]*\s?(?:k|tsd\.?)?\s?(?:€|eur\b|euros?\b|kr\b|dkk\b|pln\b|nok\b|k€|\$/h|mxn\b|chf\b|usd\b|gbp\b|sek\b)"
    r"|\s?(?:/|per |an |a )\s?(?:hr|hour|h\b|yr|year|annum|month|mo\b|week|wk|visit|stunde|mile)"
    r"|\s?(?:/|per |par |pro |al |om |por |la |an |de l')\s?(?:uur|u\b|t\b|time\b|std|heure|hora|ora\b|mes\b|mois"
    r"|monat|maand|måned|day|dag\b|día|jour|giorno|session|walk|video|shift|night)"
    r"|\d{1,2}\s?k\b)"
)
_SALARY_RANGE = re.compile(
    r"[$€£]\s?\d[\d,.]*\s?k?\s?(?:-|–|—|to)\s?[$€£]?\s?\d"
    r"|\d[\d,.]*\s?k?\s?(?:-|–|—|to)\s?\d[\d,.]*\s?(?:k\b|€|eur|/h|/hr|per hour|an hour|\$|/month|/mo)"
)
_YEARS = re.compile(
    r"\d(?:\s?\+\s?(?:years?|yrs?)|\s?(?:-|–|to)\s?\d{1,2}\s?(?:years?|yrs?)"
    r"|\s?(?:years?|yrs?)\s+(?:of\s+)?(?:\w+\s+)?(?:experience|exp)\b|\+?\s?yrs? exp"
    r"|\s(?:ans|años|års?)\s(?:d'expérience|de experiencia|erfaring))"
)
_EMPLOYMENT_DIGITS = re.compile(
    r"\d(?:st|nd|rd) shift|w-?2\b|1099\b"
    r"|\d\s?(?:hrs?|hours|h|t|std\.?|timer|uur|ore|horas|heures)"
    r"\s?(?:/|per |a |om |par |pro |por |a la |in der |la )\s?(?:week|wk|uge|woche|semana|ugen|semaine|settimana)\b"
)
# When the work happens: chat postings say it ("Tue/Thu afternoons", "weekends", "6-12", "3x a week").
_SCHEDULE = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri weekdays weekend",
    "weekends mornings afternoons evenings nights overnight shifts asap montag dienstag mittwoch donnerstag",
    "freitag samstag sonntag wochenende wochenenden abends lundi mardi mercredi jeudi vendredi samedi dimanche",
    "soirs lunes martes miércoles jueves viernes sábado sábados domingo turnos noches maandag dinsdag woensdag",
    "donderdag vrijdag zaterdag zondag weekenden avonden mandag tirsdag onsdag torsdag fredag lørdag søndag",
    "aftener weekender segunda sábados turno noturno lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "turni serali",
)
_SCHEDULE_DIGITS = re.compile(
    r"\d\s?(?:am|pm)\b"
    r"|(?<!\d)\d{1,2}(?:[:.]\d\d)?\s?[-–]\s?\d{1,2}(?:[:.]\d\d)?(?![\d.,])(?!\s?(?:years|yrs|k\b|%|€|\$|/|jahre|años|ans))"
    r"|\d\s?x\s?(?:a|per|/)\s?(?:week|wk)|\d\s?days?\s?(?:/|a|per)\s?(?:week|wk)"
)
# A posting quoted inside chat ("look at this: 'Event staff needed, $20/hr…' who writes this").
# So is a hiring phrase in quotes ("every shop has a 'now hiring' sign"): the phrase is mentioned, not used.
_QUOTE_MARK = re.compile("[\"“„«‘]|\\s'")
_QUOTED = re.compile(
    r"[\"“„«][^\"“”„«»\n]{25,300}[\"”“»]|(?:^|\s)'[^'\n]{25,300}'(?=[\s.,!?)]|$)"
    r"|(?:^|\s)[\"'‘“][\w' ]{0,12}hiring[!.]?[\"'’”](?=[\s.,!?)]|$)"
)
_VOLUNTEER = _words(
    "volunteer volunteers volunteering unpaid vrijwilliger vrijwilligers bénévole bénévoles ehrenamtlich ehrenamt",
    "voluntario voluntarios voluntaria frivillig frivillige volontario volontari voluntário voluntários",
)
_BENEFIT_DIGITS = re.compile(r"401\(?k\)?|13e mois")
_DATE_RANGE = re.compile(
    r"(?:19|20)\d\d\s*(?:(?:-|–|—|to|\s)\s*(?:(?:19|20)\d\d|present|now|current|today)\b|(?:-|–|—)[ \t]*$)", re.M
)
# "Austin, TX", "Vancouver BC": a place written the way postings write it (real codes only: "Just DM" is no place).
_CITY_STATE = re.compile(
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?,? (?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS"
    r"|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|BC|AB|ON|QC|NS|MB)\b(?! ?\d{4})"
)
_QUESTION_OPEN = re.compile(
    r"\W*(?:anyone|any|does|do|is|are|should|can|could|how|what|what's|why|who|who's|has|have|did|would|where"
    r"|when|which|quelqu|hat jemand|er der|alguien|¿|thoughts|am i)\b"
)
_META = re.compile("job postings go in|please use the format|rules update|pinned|resume review channel|so the bot can")

# ---- links (read from whitespace-separated tokens that contain a dot or an @) ---------------------

_ATS_HOST = re.compile(
    r"greenhouse\.io|lever\.co/|ashbyhq\.com|workable\.com|smartrecruiters\.com|recruitee\.com|myworkdayjobs\.com"
    r"|teamtailor\.com|personio\.(?:de|com)|bamboohr\.com|linkedin\.com/jobs|indeed\.com/(?:viewjob|job|rc)"
    r"|governmentjobs\.com|welcometothejungle\.com|infojobs\.net|ycombinator\.com/companies/[^/\s]+/jobs"
    r"|amazon\.jobs|wellfound\.com|jobvite\.com|icims\.com|breezy\.hr|applytojob\.com|gh_jid"
)
_CAREERS_LINK = re.compile(
    r"\b(?:jobs?|careers?)\.|\.jobs\b"
    r"|/(?:careers?|jobs?|employment|join|positions?|karriere|empleo|emploi|apply|o)\b"
)
_ONE_JOB_PATH = re.compile(
    r"\.jobs/[\w%-]{3,}|/role/[\w%-]{3,}|/(?:jobs?|careers?|positions?|o|apply)/[\w%-]{3,}|(?:jobs?|careers?)\.[\w.-]+/[\w%?=-]{3,}"
)
_OTHER_SITE = re.compile(
    r"techcrunch|theverge|bloomberg\.com|nytimes|reuters|cnbc|wsj\.com|bbc\.|layoffs\.fyi|bls\.gov|youtube\.com"
    r"|youtu\.be|github\.com|levels\.fyi|glassdoor|reddit\.com|docs\.google|themuse\.com|medium\.com|substack"
)
_JOBS_EMAIL = re.compile(
    r"(?:^|[^\w.])(?:jobs?|careers?|hr|talent\w*|recruit\w*|hiring|karriere|bewerbung|empleo|emploi|rh|recrutement"
    r"|stages?|cv|office|kitchen|chef|design|vacantes|emplois)@[\w-]+\."
)
_ANY_EMAIL = re.compile(r"[\w.+-]@[\w-]+\.[a-z]{2,}")

# ---- lines ------------------------------------------------------------------------------------

_HEADING = re.compile(
    r"[ \t>#*_•\-–]{0,6}(?:"
    r"(?P<resp>(?:key |job |position |your |essential )?(?:responsibilities|duties)"
    r"|what you'll (?:do|work on|be doing)|what you will do|in this role|the role|your role|role overview|the work"
    r"|you will|as an? \w+,? you'll|essential functions|job summary|summary|job description|full job description"
    r"|about the (?:job|role)|(?:ihre|deine) aufgaben|aufgaben|(?:vos )?missions|funciones|dine opgaver|om jobbet"
    r"|the job)"
    r"|(?P<req>(?:minimum |basic |job )?(?:requirements|qualifications)|what we're looking for"
    r"|what you'll (?:need|bring)|what you need|what we need(?: from you)?|you have|you bring|who you are|about you"
    r"|who should apply|required|must[- ]haves?|(?:ihr|dein) profil|profil recherché|requisitos|vi forventer"
    r"|what we require|you might be a fit|who we're looking for)"
    r"|(?P<pref>nice[- ]to[- ]haves?|preferred(?: qualifications)?|bonus(?: points)?|pluspunkte)"
    r"|(?P<ben>benefits|perks|what we offer|we offer|compensation|(?:compensation|salary) (?:&|and) benefits"
    r"|wir bieten|nous offrons|ofrecemos|vi tilbyder|why join us|what's in it for you)"
    r"|(?P<about>about us|about the team|who we are|overview|om os|über uns|qui sommes-nous|our \w+ programme)"
    r"|(?P<apply>how to apply|to apply|application process)"
    r")(?:\b[^\n]{0,30}$|\s*:)"
)
_LABEL = re.compile(
    r"(?:^|[•|*])[^\w\n]{0,4}(location|loc|salary|pay|comp|compensation|job type|employment type|type|schedule"
    r"|shift|stack|role|position|company|org|where|apply|start date|contract|department|ubicación|empresa"
    r"|tipo de contrato|standort|gehalt|lieu|salaire|salario|client|job title|experience level|industry"
    r"|company size|company type|technologies|date posted|seniority|workload|reports to)\**\s*:"
)
_BULLET_STARTS: Final[frozenset[str]] = frozenset("-*•0123456789")
_BULLET = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])\s+\S")
_LINE_HIRING = re.compile(r"\W*(?:now\s+)?hiring\b")
_RESUME_HEADING = re.compile(
    r"[^\w\n]{0,3}(experience|work experience|professional experience|employment history|professional history"
    r"|work history|education|skills|technical skills|key skills|summary|professional summary|profile|objective"
    r"|career objective|projects|certifications|languages|references|achievements|interests|hobbies"
    r"|personal (?:details|information)|courses)(?:[^\w\n]{0,3}$|\s*:)"
)
# A resume's header: "Phone:", "E-mail:", "LinkedIn:", "Birth year:" (a posting gives at most an address to apply to).
_PERSONAL = re.compile(
    r"[^\w\n]{0,3}(phone|mobile|tel|e-?mail|linkedin|github|birth year|date of birth|born|nationality|address"
    r"|residence|marital status)\s*:"
)
# Resume bullets start with a past-tense verb ("Developed…", "Managed…"); posting bullets do not.
_PAST_BULLET = re.compile(r"[^\w\n]{0,4}([a-z]{3,}ed)\b")
_NOT_PAST_TENSE = _words(
    "required preferred experienced skilled detailed advanced based motivated organized organised dedicated",
    "certified licensed qualified interested related needed desired demonstrated proven seed speed need",
)
_FROM_IMPORT = re.compile(r"\s*from \w+(?:\.\w+)* import \w")
_FIELD_SEP = re.compile(r"\s(?:\||•|·)\s|\s[—–]\s")
_SEPARATOR = re.compile("[|•·—–]")
_FULL_PART_TIME = re.compile(r"(?:full|part)[- ]?time")


def _question_weight(questions: int, length: int) -> float:
    """A question is the point of a short message; a long posting asks rhetorical ones ("Do you love data?")."""
    if not questions:
        return 0.0
    if length >= 1500:
        return -0.5
    return -((1.6 if length < 300 else 1.1) + 0.5 * (_clip(questions, 4) - 1))


def _clip(count: int, cap: int) -> int:
    return count if count < cap else cap


def _links(text: str) -> str:
    """The tokens that can be a link or an address, joined: link cues look only here."""
    return " ".join(token for token in text.split() if "." in token or "@" in token)


def _phrase_hits(text: str, words: Iterable[str]) -> dict[str, set[str]]:
    """Feature → the distinct phrases found, trying only phrases whose first word occurs."""
    hits: dict[str, set[str]] = {}
    for word in words:
        for phrase in _PHRASES.get(word, ()):
            for match in phrase.pattern.finditer(text):
                start = match.start()
                before = text[max(0, start - 2) : start]
                if before[-1:].isalnum() or (before[-1:] == "'" and before[:1].isalnum()):
                    continue  # inside a longer word ("this hiring", "o'clock")
                if phrase.not_after and text[:start].endswith(phrase.not_after):
                    continue
                hits.setdefault(phrase.feature, set()).add(phrase.pattern.pattern)
                break
    return hits


def _is_field(segment: str) -> bool:
    """Does one "|"-separated segment state a posting field (title, pay, place, type, years, link)?"""
    low = segment.lower()
    words = set(_WORD.findall(low))
    return bool(
        words & _TITLES
        or words & _WORKPLACE
        or words & _EMPLOYMENT
        or _FULL_PART_TIME.search(low)
        or _SALARY.search(low)
        or _YEARS.search(low)
        or _CITY_STATE.search(segment)
        or _CAREERS_LINK.search(low)
    )


def _pipe_field_score(head: str) -> float:
    """A line like "Acme | Backend Engineer | Remote (EU) | €80–100k | apply: …": count segments that state fields."""
    best = 0
    for line in head.split("\n", 3)[:3]:
        parts = _FIELD_SEP.split(line)
        if len(parts) >= 3:
            best = max(best, sum(1 for part in parts if _is_field(part)))
    if best >= 3:
        return 1.6
    return 0.8 if best == 2 else 0.0


class _Lines(NamedTuple):
    heading_kinds: int  # distinct posting section kinds (responsibilities, requirements, benefits, …)
    bullets: int
    labels: int  # distinct "Location:", "Salary:", … field labels
    resume_headings: int  # distinct resume headings (Experience, Education, Skills, …)
    personal_labels: int  # distinct "Phone:", "E-mail:", "LinkedIn:" … labels
    past_bullets: int  # lines that open with a past-tense verb
    line_hiring: bool
    code_import: bool


def _read_lines(low: str) -> _Lines:
    """Line-start cues; each regex runs only on lines that could match it (cheap string tests first)."""
    kinds: set[str | None] = set()
    labels: set[str] = set()
    resume: set[str] = set()
    personal: set[str] = set()
    bullets = past = 0
    line_hiring = code_import = False
    for line in low.splitlines():
        colon = line.find(":")
        if colon >= 0:
            labels.update(m.group(1) for m in _LABEL.finditer(line))
            if colon < 20 and (found := _PERSONAL.match(line)):
                personal.add(found.group(1))
        if not line or len(line) > 200:
            continue
        if len(line) <= 70 or 0 <= colon < 45:
            heading = _HEADING.match(line)
            if heading:
                kinds.add(heading.lastgroup)
            if (len(line) <= 40 or 0 <= colon < 30) and (found := _RESUME_HEADING.match(line)):
                resume.add(found.group(1))
        if line.lstrip()[:1] in _BULLET_STARTS and _BULLET.match(line):
            bullets += 1
        verb = _PAST_BULLET.match(line)
        if verb and verb.group(1) not in _NOT_PAST_TENSE:
            past += 1
        line_hiring = line_hiring or ("hiring" in line and _LINE_HIRING.match(line) is not None)
        code_import = code_import or ("import" in line and _FROM_IMPORT.match(line) is not None)
    return _Lines(len(kinds), bullets, len(labels), len(resume), len(personal), past, line_hiring, code_import)


def score_breakdown(text: str) -> dict[str, float]:
    """Each cue's contribution in log-odds (bias included); their sum is the logit of the score."""
    head = text[:HEAD_CHARS].strip()
    if "<" in head and _HTML_TAG.search(head):
        head = _HTML_TAG.sub("\n", head)
    low = head.lower().replace("’", "'")
    # Speaker cues and phrases read the text without URLs: "?jk=…" is no question, "/jk" no joke.
    prose = _URL.sub(" ", low) if "://" in low or "www." in low else low
    tokens = _WORD.findall(prose)
    words = frozenset(tokens)
    has_digit = _DIGIT.search(low) is not None
    # Fast exit for the common case: one short line with no digit, no structure and no posting word. Its best
    # case (one heading, one label) stays far below the threshold, so the full model cannot change the verdict.
    if len(head) < 8 or (
        len(head) < 300 and not has_digit and words.isdisjoint(_POSTING_WORDS) and not _STRUCTURE_HINT.search(low)
    ):
        return {"bias": BIAS, "no_cues": -2.0}

    hits = _phrase_hits(prose, words & _PHRASES.keys())
    lines = _read_lines(low)
    links = _links(low) if "." in low or "@" in low else ""
    first_person = sum(tokens.count(word) for word in words & _FIRST_PERSON)
    has_title = (
        not words.isdisjoint(_TITLES)
        or "title" in hits
        or any(w.endswith(_TITLE_SUFFIXES) and w not in _NOT_TITLES and w not in _TITLE_SUFFIXES for w in words)
    )
    questions = prose.count("?")

    if "hiring" in hits or lines.line_hiring or _HASH_HIRING.search(low) or not words.isdisjoint(_STRONG_HIRING):
        voice = 2.4
    else:
        voice = 1.6 if "opener" in hits else 0.0
    job_url = 0.0
    jobs_email = 0.0
    if links:
        if _ATS_HOST.search(links):
            job_url = 1.6
        elif _CAREERS_LINK.search(links):
            job_url = 1.0 if _ONE_JOB_PATH.search(links) else 0.6
        if _JOBS_EMAIL.search(links):
            jobs_email = 1.0
        elif _ANY_EMAIL.search(links):
            jobs_email = 0.3
    salary = years = employment_digits = 0.0
    benefits = len(words & _BENEFIT) + len(hits.get("benefit", ()))
    if has_digit:
        salary = (1.0 if "salary" in hits or _SALARY.search(low) else 0.0) + (0.4 if _SALARY_RANGE.search(low) else 0.0)
        years = 0.9 if "years" in hits or _YEARS.search(low) else 0.0
        employment_digits = 0.8 if _EMPLOYMENT_DIGITS.search(low) else 0.0
        benefits += len(_BENEFIT_DIGITS.findall(low))
    elif "salary" in hits:
        salary = 1.0
    workplace = not words.isdisjoint(_WORKPLACE) or "workplace" in hits or _CITY_STATE.search(head) is not None
    employment = not words.isdisjoint(_EMPLOYMENT) or "employment" in hits
    # "Backend Engineer at Stripe <board link>": a bare titled job link is how postings are shared in chat.
    titled_link = job_url and has_title and len(head) < 300 and not questions and not first_person
    demand = _read_demand(tokens) if not words.isdisjoint(_DEMAND_WORDS) else _NO_DEMAND
    asks_for_someone = demand.person or (demand.agent and salary > 0)
    reach = job_url or jobs_email or "contact" in hits or "apply" in hits
    schedule = not words.isdisjoint(_SCHEDULE) or (has_digit and _SCHEDULE_DIGITS.search(low) is not None)
    offer_facts = (salary > 0) + bool(reach) + schedule
    seeker = len(hits.get("seeker", ())) + len(words & _SEEKER_WORDS) + demand.seeker
    seeker += "here" in prose and _SELF_INTRO.match(prose) is not None
    chatty = not words.isdisjoint(_CHATTY) or _CHATTY_EMOJI.search(low) is not None
    other_site = (links and _OTHER_SITE.search(links)) or not words.isdisjoint(_OTHER_SITE_WORDS)

    cues = (
        ("bias", BIAS),
        # Posting voice and structure.
        ("hiring_phrase", voice),
        ("gender_mark", 2.0 if "/" in low and _GENDER_MARK.search(low) else 0.0),
        ("apply", 1.2 if "apply" in hits or not words.isdisjoint(_APPLY_WORDS) else 0.0),
        ("contact", 0.5 if "contact" in hits else 0.0),
        ("jobs_email", jobs_email),
        ("headings", _HEADING_WEIGHTS[_clip(lines.heading_kinds, 4)]),
        ("labels", 0.5 * _clip(lines.labels, 4)),
        ("pipe_fields", _pipe_field_score(head) if _SEPARATOR.search(head) else 0.0),
        ("bullets", 0.5 if lines.bullets >= 4 and len(head) > 500 else 0.0),
        # Fields a posting states.
        ("job_url", job_url),
        ("title", 0.8 if has_title else 0.0),
        ("salary", salary),
        ("years", years),
        ("workplace", 0.7 if workplace else 0.0),
        ("employment_type", 0.8 if employment else employment_digits),
        ("benefits", 1.2 if benefits >= 3 else (0.6 if benefits else 0.0)),
        ("eeo", 1.0 if "eeo" in hits else 0.0),
        ("titled_link", 1.5 if titled_link else 0.0),
        ("stated_offer", 0.8 if has_title and salary and (job_url or jobs_email or "contact" in hits) else 0.0),
        ("voice", 0.6 * _clip(len(hits.get("voice", ())), 3)),
        ("demand", 1.6 if asks_for_someone and not voice else 0.0),
        ("role_first", 0.8 if (salary or reach) and not first_person and _names_role_first(prose) else 0.0),
        ("schedule", 0.4 if schedule else 0.0),
        ("gig_offer", 0.6 * _clip(offer_facts, 2) if asks_for_someone or voice else 0.0),
        # The speaker: first person, questions, job-seeker talk.
        ("questions", _question_weight(questions, len(prose))),
        ("question_open", -1.0 if len(prose) < 600 and _QUESTION_OPEN.match(prose) else 0.0),
        ("seeker", -1.6 * _clip(seeker, 4)),
        ("first_person", -0.35 * _clip(first_person, 6)),
        ("chatty", -0.8 if chatty else 0.0),
        ("other_site", -2.0 if other_site else 0.0),
        ("code", -2.5 if "code" in hits or lines.code_import or "```" in low else 0.0),
        ("resume_dates", -2.5 if has_digit and len(_DATE_RANGE.findall(prose)) >= 2 else 0.0),
        ("resume_headings", _RESUME_HEADING_WEIGHTS[_clip(lines.resume_headings, 3)]),
        ("personal_labels", -1.5 if lines.personal_labels >= 2 else 0.0),
        ("past_tense_bullets", -1.5 if lines.past_bullets >= 3 else 0.0),
        ("meta", -2.0 if _META.search(low) else 0.0),
        ("quoted", -1.2 if len(prose) < 600 and _QUOTE_MARK.search(prose) and _QUOTED.search(prose) else 0.0),
        ("volunteer", -1.2 if not salary and not words.isdisjoint(_VOLUNTEER) else 0.0),
    )
    return {name: value for name, value in cues if value}


def looks_like_posting(text: str) -> float:
    """Score in 0..1 that `text` is a job posting (≥ POSTING_THRESHOLD means posting). Pure and deterministic."""
    logit = sum(score_breakdown(text).values())
    return 1.0 / (1.0 + math.exp(-logit))
