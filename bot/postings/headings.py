"""Section headings in the many ways postings phrase them → the SectionKind they open.

Rules are tried in order and the first whose pattern matches the whole normalised heading wins,
so the specific phrasings ("preferred qualifications", "about the role", "about you") come
before the general ones ("qualifications", "about …"). English first, then common German,
Danish/Norwegian/Swedish, French, Dutch and Spanish headings.
"""

# ruff: noqa: E501 - regular expressions of phrase lists read better unwrapped

from __future__ import annotations

import re

from bot.postings.model import SectionKind

_YOU_WILL = r"(?:you(?:'ll| will)?|we(?:'d| would)? (?:like|love|want) you to|you'd)"

_RULES: tuple[tuple[SectionKind, str], ...] = (
    (
        SectionKind.PREFERRED,
        r"(?:preferred|desired|desirable|bonus|additional|optional|nice[- ]to[- ]have|good[- ]to[- ]have|extra)"
        r"(?: (?:skills|qualifications|requirements|experience|points?|skills and experience|but not required))?"
        r"|nice[- ]to[- ]haves?|bonus(?: points)?(?: if you(?: have| are)?.*)?|(?:it's |it is )?a (?:big )?plus(?: if.*)?"
        r"|pluses|plus points|extra credit|(?:you(?:'ll| will) get )?extra points.*|things that might interest you|what (?:would|will) make you stand out"
        r"|(?:how to |ways to )?stand out|even better if.*|ideally(?: you (?:have|are|bring))?.*"
        r"|we(?:'d| would) (?:also )?love (?:it )?if.*|it(?:'s| is| would be)? (?:great|nice|a bonus) if.*"
        r"|desirable criteria|wünschenswert|von vorteil|pluspunkte|idealerweise.*|(?:det er )?en fordel(?: hvis.*)?|meriterande"
        r"|meritterende|(?:ce (?:qui )?)?serait un plus|les plus|atouts?|un plus|pluspunten|se valorará",
    ),
    (
        SectionKind.RESPONSIBILITIES,
        r"(?:key |main |core |primary |your |job |role |the )?(?:responsibilities|duties|tasks|accountabilities)"
        r"(?: (?:and|&) (?:duties|responsibilities|expectations))?(?: include)?"
        r"|what " + _YOU_WILL + r" (?:do|be doing|work on|own|achieve|accomplish)(?: here| in this role| day to day)?"
        r"|what (?:the|this) (?:role|job|position) (?:involves|entails|looks like)"
        r"|(?:about|in) (?:the|this) (?:role|position)|in this job|the (?:role|job|position|opportunity)"
        r"|your (?:role|mission|impact|day|job|opportunity|responsibilities|tasks)(?: in (?:the|our|this) team)?|role (?:description|overview|summary)"
        r"|(?:a )?day in the life|day[- ]to[- ]day|how you(?:'ll| will) (?:make an )?impact|impact|the work|the challenge"
        r"|(?:main |key )?duties of the (?:job|role|post|position)|job purpose|main purpose of the (?:job|role)"
        r"|job (?:responsibilities|duties)|position (?:responsibilities|overview)|essential (?:duties|functions).*"
        r"|you(?:'ll| will) be(?: doing| working on)?|wat ga (?:je|jij) doen|jouw taken|"
        r"(?:deine|ihre|unsere|die) aufgaben|aufgaben(?:gebiet|bereich)?|das erwartet (?:dich|sie)|dein job"
        r"|(?:dine |dina )?(?:arbejds)?opgaver|(?:dine|dina) arbetsuppgifter|arbeidsoppgaver|jobbet|stillingen|rollen"
        r"|(?:vos |tes )?missions?(?: principales)?|vos responsabilités|le poste|(?:jouw |je )?taken|functies"
        r"|funciones|responsabilidades",
    ),
    (
        SectionKind.REQUIRED,
        r"(?:minimum|basic|required|key|essential|must[- ]have|core|job|your|our|the|mandatory|professional)?"
        r" ?(?:qualifications?|requirements?|skills|competencies|experience)"
        r"(?: (?:and|&) (?:qualifications|requirements|skills|experience|competencies|education))?(?: required)?"
        r"|(?:this is |here(?:'s| is) )?what "
        + _YOU_WILL
        + r" (?:bring|need|have|offer)(?: to (?:have|bring|succeed))?"
        r"(?: to (?:the|this) (?:team|role|table))?"
        r"|what we(?:'re| are)? (?:look|looking|search|searching) for(?: in (?:you|candidates|a candidate|the candidate)| from you)?"
        r"|who (?:are )?we(?:'re| are)? looking for|what we (?:need|expect|require)|we expect"
        r"|(?:the )?(?:required|desired|ideal|candidate) (?:candidate )?profile"
        r"|who (?:you are|we(?:'re| are) looking for)|(?:we are looking for|we're looking for|looking for)"
        r"|(?:about|is this) you\??|you(?: have| are| bring| should have|'ll have| will have| need| must have)?"
        r"|your (?:profile|background|skills|experience|qualifications|expertise|toolkit)|(?:candidate )?profile"
        r"|must[- ]haves?|required|requirements|mandatory|person specification|essential(?: criteria| requirements| skills| qualifications)?|(?:the )?ideal candidate(?: will have)?|what it takes|skills (?:needed|required)"
        r"|what makes you a (?:great|good) fit|you (?:might|may) be a (?:great |good )?fit if.*|requirements and skills"
        r"|we(?:'d| would) love (?:you to have|to see|for you to have)|you(?:'ll| will) need|"
        r"we(?:'d| would) love to hear from you if.*|you should apply if.*|(?:to be|for) success(?:ful)? in this role.*"
        r"|(?:dein|ihr|unser) profil|das bringst du mit|das bringen sie mit|was (?:du|sie) mitbring(?:st|en)"
        r"|anforderungen|qualifikationen|was wir (?:erwarten|suchen)|(?:din|din|ditt) (?:profil|bakgrunn)"
        r"|kvalifikationer|kvalifikasjoner|vi forventer|hvem er du|om dig|vem är du|om deg|profil(?: recherché)?"
        r"|(?:votre|ton) profil|compétences(?: requises)?|qualifications requises|exigences|prérequis"
        r"|(?:jouw |je )?profiel|wat vragen wij|wat wij vragen|functie-?eisen|requisitos|perfil(?: buscado)?",
    ),
    (
        SectionKind.BENEFITS,
        r"(?:our |the |employee |key |additional )?(?:benefits|perks)(?: (?:and|&) (?:perks|benefits|compensation))?"
        r"|(?:job |employee )?benefits|salary and (?:appointment )?terms|(?:compensation|remuneration|salary|pay|rewards?)(?: (?:and|&) (?:benefits|perks))?|total rewards|what (?:we|you) (?:offer|get)|what can we offer(?: you)?|(?:what )?you(?:'ll| will)? get"
        r"|(?:we|our) offer|in return(?: we offer)?|(?:the |our |your |salary |compensation |benefits )?package|what(?:'s| is) in it for you|why (?:join us|join|work (?:here|with us)|us)"
        r"|why you(?:'ll| will) love (?:working (?:here|with us)|it here|us)|life at \w+|what we (?:give|provide)"
        r"|(?:was )?wir bieten(?: dir| ihnen)?|unser angebot|das bieten wir(?: dir)?|deine vorteile|benefits für dich"
        r"|vi (?:tilbyder|tilbyr|erbjuder)|(?:ce que )?nous (?:offrons|proposons)|avantages|pourquoi nous rejoindre"
        r"|wat (?:bieden wij|wij bieden)|ofrecemos|beneficios",
    ),
    (
        SectionKind.EEO,
        r"(?:equal (?:employment )?opportunit(?:y|ies)(?: employer)?|eeo(?: statement)?|diversity(?:,| and| &)?.*"
        r"|(?:our )?commitment to (?:diversity|inclusion|equity).*|inclusion.*|(?:reasonable )?accommodations?.*"
        r"|e-verify|pay transparency.*|legal|disclaimer|notice to (?:agencies|recruiters)|(?:recruitment )?agencies"
        r"|privacy(?: notice)?|data protection|gleichstellung|diversité)",
    ),
    (
        SectionKind.APPLY,
        r"(?:how to|ready to|want to|interested\?? ?(?:how to)?) apply\??|to apply|apply(?: here| now| today)?"
        r"|(?:the |our )?(?:application|interview|hiring|recruitment|recruiting) process|next steps|what happens next"
        r"|application(?: procedure| and contact| process)?|(?:contact|questions)(?: (?:us|person|information|info))?|application deadline|deadline|interested\??"
        r"|(?:deine |ihre )?bewerbung|so bewirbst du dich|kontakt(?:person)?|ansøgning|ansøg|søknad|ansökan"
        r"|candidature|comment postuler|postuler|sollicitatie|solliciteren|cómo aplicar",
    ),
    (
        SectionKind.ABOUT,
        r"about(?: us| the (?:company|team|department|organi[sz]ation|business)| (?!the job\b|this job\b)[\w&.'-]+(?: [\w&.'-]+){0,3})"
        r"|who we are|what (?:do )?we do|your team|culture|(?:our|the) (?:company|story|mission|team|culture|values)|meet the team|company (?:description|overview)"
        r"|the team|(?:über uns|wer wir sind|das sind wir|unternehmen)|om (?:os|oss|oss på|virksomheden|företaget)|vi er"
        r"|qui sommes-nous\??|à propos(?: de nous)?|l'entreprise|(?:over ons|wie zijn wij)|sobre nosotros|quiénes somos",
    ),
    (
        SectionKind.OTHER,
        r"(?:job |position |role )?(?:description|overview|summary|details|information)"
        r"|additional (?:information|details|info)|(?:tech(?:nology)?|our) stack|technologies|tools we use|the stack"
        r"|full job description|job title|role|industry|company (?:size|type)|location options|further information"
        r"|location|schedule|working hours|(?:job|position) (?:type|details)|other (?:information|details)|about (?:the|this) job"
        r"|seniority level|employment type|job function|industries|work location|experience level|job criteria"
        r"|stellenbeschreibung|beschreibung|stillingsbeskrivelse|description du poste|functieomschrijving",
    ),
)

_HEADING = re.compile("|".join(f"(?P<{kind.name}>{pattern})" for kind, pattern in _RULES))
"""One pattern, alternatives in rule order: a full match takes the first rule that matches, as a loop would."""
_KIND_NAMES = tuple((kind.name, kind) for kind, _ in _RULES)
_NOISE = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")


def normalise_heading(text: str) -> str:
    """Lower case, straight quotes, no surrounding punctuation or emoji, single spaces."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    if text and not (text[0].isalnum() and text[-1].isalnum()):  # what [\W_] is not: the pattern would keep it
        text = _NOISE.sub("", text)
    if "  " in text or not text.isprintable():  # only a plain single space is printable whitespace
        text = _SPACES.sub(" ", text)
    return text


def heading_kind(text: str) -> SectionKind | None:
    """The kind of section a heading opens, or None when the heading is not one we know."""
    norm = normalise_heading(text)
    if not norm or len(norm) > 80:
        return None
    m = _HEADING.fullmatch(norm)
    if m is None:
        return None
    return next(kind for name, kind in _KIND_NAMES if m.group(name) is not None)
