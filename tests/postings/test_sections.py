"""Sections: headings in many phrasings and languages, glued headings, cues inside sentences."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.postings.clean import clean_posting
from bot.postings.headings import heading_kind
from bot.postings.model import Section, SectionKind
from bot.postings.sections import split_sections

K = SectionKind


def _sections(raw: str) -> tuple[str, tuple[Section, ...]]:
    cleaned = clean_posting(raw)
    return cleaned.clean.text, split_sections(cleaned.clean.text, cleaned.heading_starts)


def _kind_of(raw: str, snippet: str) -> SectionKind:
    text, sections = _sections(raw)
    at = text.index(snippet)
    return next(s.kind for s in sections if s.start <= at < s.end)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Requirements", K.REQUIRED),
        ("What you'll bring", K.REQUIRED),
        ("What You’ll Bring:", K.REQUIRED),
        ("You have", K.REQUIRED),
        ("Must have", K.REQUIRED),
        ("Who you are", K.REQUIRED),
        ("Your profile", K.REQUIRED),
        ("Qualifications", K.REQUIRED),
        ("Minimum Qualifications", K.REQUIRED),
        ("About you", K.REQUIRED),
        ("WHAT WE'RE LOOKING FOR", K.REQUIRED),
        ("Dein Profil", K.REQUIRED),
        ("Das bringst du mit", K.REQUIRED),
        ("Din profil", K.REQUIRED),
        ("Profil recherché", K.REQUIRED),
        ("Nice to have", K.PREFERRED),
        ("Nice-to-haves", K.PREFERRED),
        ("Bonus points", K.PREFERRED),
        ("Preferred qualifications", K.PREFERRED),
        ("Things that might interest you", K.PREFERRED),
        ("It's a plus if you have", K.PREFERRED),
        ("Responsibilities", K.RESPONSIBILITIES),
        ("What you'll do", K.RESPONSIBILITIES),
        ("Your role", K.RESPONSIBILITIES),
        ("Deine Aufgaben", K.RESPONSIBILITIES),
        ("Dine opgaver", K.RESPONSIBILITIES),
        ("Vos missions", K.RESPONSIBILITIES),
        ("What we offer", K.BENEFITS),
        ("Our offer", K.BENEFITS),
        ("You get:", K.BENEFITS),
        ("What you'll get", K.BENEFITS),
        ("What can we offer you?", K.BENEFITS),
        ("Remuneration & Benefits", K.BENEFITS),
        ("Our requirements", K.REQUIRED),
        ("This is what you will need to have:", K.REQUIRED),
        ("Here's what you'll need to succeed", K.REQUIRED),
        ("Your role in the team", K.RESPONSIBILITIES),
        ("REQUIRED PROFILE", K.REQUIRED),
        ("What we're looking for in candidates", K.REQUIRED),
        ("We expect", K.REQUIRED),
        ("PACKAGE", K.BENEFITS),
        ("Salary package", K.BENEFITS),
        ("Perks", K.BENEFITS),
        ("Benefits & Perks", K.BENEFITS),
        ("Wir bieten", K.BENEFITS),
        ("Vi tilbyder", K.BENEFITS),
        ("About us", K.ABOUT),
        ("About Acme Robotics", K.ABOUT),
        ("Über uns", K.ABOUT),
        ("How to apply", K.APPLY),
        ("Equal Opportunity Employer", K.EEO),
        ("Job description", K.OTHER),
        ("About the job", K.OTHER),
    ],
)
def test_heading_phrasings(heading: str, kind: SectionKind) -> None:
    assert heading_kind(heading) is kind


def test_unknown_headings_and_sentences_are_not_headings() -> None:
    assert heading_kind("Our coffee machine") is None
    assert heading_kind("You will own the billing service end to end and more") is None


def test_label_form_heading_opens_a_section_on_its_line() -> None:
    raw = "Backend Engineer\n\nRequirements: 5+ years of Go, strong SQL\nBenefits: 30 days of holiday"
    assert _kind_of(raw, "5+ years of Go") is K.REQUIRED
    assert _kind_of(raw, "30 days") is K.BENEFITS


def test_preference_cue_turns_only_its_clause_preferred() -> None:
    raw = "Requirements\n- Fluent English; German is a plus\n- Docker, ideally Kubernetes too\n- Strong SQL"
    assert _kind_of(raw, "Fluent English") is K.REQUIRED
    assert _kind_of(raw, "German is a plus") is K.PREFERRED
    assert _kind_of(raw, "Kubernetes") is K.PREFERRED
    assert _kind_of(raw, "Strong SQL") is K.REQUIRED


def test_glued_headings_in_text_copied_from_a_pdf() -> None:
    raw = (
        "We are a wind energy company with offices in 12 countries and a warm culture of learning .\n"
        "Responsibilities Ensure that the delivery plan is followed Plan the required resources "
        "Qualifications An educational background with logistics Experience with SAP "
        "What we offer Apart from an attractive salary you join a great team ."
    )
    assert _kind_of(raw, "Ensure that") is K.RESPONSIBILITIES
    assert _kind_of(raw, "Experience with SAP") is K.REQUIRED
    assert _kind_of(raw, "attractive salary") is K.BENEFITS
    assert _kind_of(raw, "wind energy") is K.ABOUT  # what the employer is: the company blurb


def test_glued_headings_of_several_words_open_their_section() -> None:
    raw = (
        "Platform Engineer\n\nWe run the ticketing backend of a regional rail operator .\n"
        "Your role in the team Working with the platform group you keep our build pipelines fast .\n"
        "You will own Continuous Integration and Delivery and the alerting stack .\n"
        "Responsibilities and Duties Design the deployment tooling Review infrastructure changes\n"
        "Who we are looking for The right person has run Kubernetes clusters in production .\n"
        "What’s in it for you? A yearly learning budget and a quiet office ."
    )
    _, sections = _sections(raw)
    assert _kind_of(raw, "Working with the platform") is K.RESPONSIBILITIES
    assert _kind_of(raw, "Continuous Integration") is K.RESPONSIBILITIES  # the section goes on past the line
    assert _kind_of(raw, "Design the deployment") is K.RESPONSIBILITIES
    assert any(s.heading == "Responsibilities and Duties" for s in sections)
    assert _kind_of(raw, "Kubernetes clusters") is K.REQUIRED
    assert _kind_of(raw, "learning budget") is K.BENEFITS
    assert _kind_of(raw, "ticketing backend") is K.OTHER


def test_glued_heading_with_a_colon_at_the_end_of_a_line() -> None:
    raw = (
        "Requirements\n- Experience with Airflow and dbt ( ETL pipelines ) Job benefits:\n"
        "Private health insurance\nMeal allowance\nWhat we’re looking for: curiosity and Python ."
    )
    assert _kind_of(raw, "Airflow") is K.REQUIRED
    assert _kind_of(raw, "Private health insurance") is K.BENEFITS
    assert _kind_of(raw, "Meal allowance") is K.BENEFITS
    assert _kind_of(raw, "curiosity and Python") is K.REQUIRED


def test_a_glued_heading_needs_its_capitals_and_a_following_capital_or_colon() -> None:
    raw = "About the work\nOur skills needed most are patience and care , and the job title is Nurse ."
    assert _kind_of(raw, "patience") is K.ABOUT


def test_a_requirement_heading_after_an_interested_heading_ends_the_apply_section() -> None:
    raw = (
        "Duties\n- Keep the payment service healthy\nInterested?\nThis is what you will need to have:\n"
        "- Experience developing Kotlin services with Ktor and Gradle\n"
        "We do not discriminate on the basis of age , religion or disability ."
    )
    assert _kind_of(raw, "Experience developing Kotlin") is K.REQUIRED
    assert _kind_of(raw, "We do not discriminate") is K.EEO


def test_a_line_that_opens_with_what_the_employer_offers_is_a_benefit() -> None:
    raw = (
        "Payroll Specialist\n\nWe run payroll for 400 bakeries. We offer you a yearly training budget.\n"
        "Requirements\n- Experience with competitive pricing analysis\n- Knowledge of salary and pension systems\n"
        "- Competitive salary and a company pension"
    )
    assert _kind_of(raw, "competitive pricing") is K.REQUIRED
    assert _kind_of(raw, "Knowledge of salary") is K.REQUIRED
    assert _kind_of(raw, "Competitive salary and") is K.BENEFITS
    assert _kind_of(raw, "We offer you") is K.BENEFITS
    assert _kind_of(raw + "\nOur wide range of rewards: gym, bikes", "range of rewards") is K.BENEFITS
    assert _kind_of(raw, "We run payroll") is K.OTHER


def test_a_sentence_saying_what_the_employer_is_belongs_to_the_company_blurb() -> None:
    raw = (
        "Requirements\n- Experience with Kafka and Flink\n"
        "Northwind Freight is a global leader in logistics software for ports and rail yards .\n"
        "- You are a skilled Scala developer\n"
        "We are the leading supplier of container tracking platforms .\n"
        "The role is a great platform for growing into architecture ."
    )
    assert _kind_of(raw, "Northwind Freight is") is K.ABOUT
    assert _kind_of(raw, "We are the leading") is K.ABOUT
    assert _kind_of(raw, "skilled Scala developer") is K.REQUIRED
    assert _kind_of(raw, "The role is") is K.REQUIRED


def test_header_lines_then_intro_prose() -> None:
    raw = (
        "Senior Data Engineer\nAcme Corp\nBerlin, Germany\n\n"
        "Acme builds tools that help farmers plan their harvests better."
    )
    assert _kind_of(raw, "Senior Data Engineer") is K.HEADER
    assert _kind_of(raw, "Berlin") is K.HEADER
    assert _kind_of(raw, "Acme builds") is K.OTHER


def test_under_no_heading_requirement_bullets_count_as_required() -> None:
    raw = (
        "Data Analyst\n\nWe help shops sell more every single day of the week.\n\n"
        "- 3+ years of experience with SQL\n- Build dashboards for the sales team"
    )
    assert _kind_of(raw, "3+ years") is K.REQUIRED
    assert _kind_of(raw, "Build dashboards") is K.RESPONSIBILITIES


def test_eeo_and_apply_sentences_anywhere() -> None:
    raw = (
        "Benefits\n- Pension\nAcme is an equal opportunity employer and values diversity.\n"
        "Responsibilities\n- Ship features\nTo apply, send your CV to jobs@acme.example"
    )
    assert _kind_of(raw, "equal opportunity") is K.EEO
    assert _kind_of(raw, "To apply") is K.APPLY
    assert _kind_of(raw + "\nThe interview process consists of two calls .", "interview process") is K.APPLY


def test_chrome_block_of_other_jobs_ends_at_the_next_real_heading() -> None:
    raw = (
        "Data Engineer\nAcme\n\nRequirements\n- Python\nSimilar jobs\nData Analyst\nBeta Corp · Remote\n"
        "Benefits\n- Free lunch"
    )
    assert _kind_of(raw, "Data Analyst") is K.CHROME
    assert _kind_of(raw, "Beta Corp") is K.CHROME
    assert _kind_of(raw, "Free lunch") is K.BENEFITS


def test_sections_partition_the_text_and_empty_text_has_none() -> None:
    text, sections = _sections("Title\n\nRequirements\n- Go\n\nPerks\n- Lunch\n")
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(sections))
    assert split_sections("") == ()


def test_a_hundred_thousand_line_list_is_handled() -> None:
    text = "Requirements\n" + "".join(f"- skill number {i}\n" for i in range(100_000))
    sections = split_sections(text[:200_000])
    assert sections[-1].end == 200_000
    assert {s.kind for s in sections} <= {K.REQUIRED, K.OTHER, K.HEADER}


def test_pay_lines_inside_requirements_are_not_requirements() -> None:
    raw = "Requirements\n- Go\nThe base pay range for this position is $150,000 - $210,000.\nPay: $70/hr\n- SQL"
    assert _kind_of(raw, "base pay range") is K.OTHER
    assert _kind_of(raw, "Pay: $70") is K.OTHER
    assert _kind_of(raw, "SQL") is K.REQUIRED


_LINES = st.sampled_from(
    ["Requirements", "Nice to have:", "## About us", "- 5+ years of Python", "Apply now", "Similar jobs", "Benefits",
     "German is a plus; English required.", "", "  ", "Responsibilities Ensure quality Qualifications A degree",
     "Salary: $100k", "We are an equal opportunity employer.", "Data Engineer", "Acme · Berlin, Germany", "•", ":"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=30))
def test_any_mix_of_lines_gives_sections_that_tile_the_text(lines: list[str]) -> None:
    raw = "\n".join(lines)
    cleaned = clean_posting(raw)
    text = cleaned.clean.text
    sections = split_sections(text, cleaned.heading_starts)
    if not text:
        assert sections == ()
        return
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start and a.start < a.end for a, b in itertools.pairwise(sections))
    assert all(a.kind is not b.kind or a.heading != b.heading for a, b in itertools.pairwise(sections))


def test_sentences_of_pre_tokenised_text_are_judged_one_by_one() -> None:
    raw = "Java Developer\nZurich\n\nWe build trade apps . You have 7+ years of Java . Fluency in German is a plus ."
    assert _kind_of(raw, "We build") is K.OTHER
    assert _kind_of(raw, "7+ years") is K.REQUIRED
    assert _kind_of(raw, "German") is K.PREFERRED


def test_sentences_of_an_unheaded_paragraph_are_judged_one_by_one() -> None:
    raw = (
        "Senior Java Developer\nZurich, Switzerland\n\n"
        "We are a bank. You have 7+ years with Java. Knowledge of Kafka is an advantage. German is a must."
    )
    assert _kind_of(raw, "We are a bank") is K.ABOUT
    assert _kind_of(raw, "7+ years") is K.REQUIRED
    assert _kind_of(raw, "Kafka") is K.PREFERRED
    assert _kind_of(raw, "German is a must") is K.REQUIRED


def test_a_heading_with_a_colon_inside_a_requirement_item_does_not_open_a_section() -> None:
    raw = (
        "Payroll Administrator\nLeeds\n\nWhat you need\n"
        "- 2 years running Employee Benefits: pension and cycle-to-work schemes\n"
        "- Sage Payroll experience\n- Knowledge of PAYE and auto-enrolment\n\n"
        "About us\nWe are a logistics firm. Our team is growing fast Job benefits: Free parking and 28 days leave"
    )
    assert _kind_of(raw, "pension and cycle") is K.REQUIRED
    assert _kind_of(raw, "Sage Payroll") is K.REQUIRED
    assert _kind_of(raw, "PAYE") is K.REQUIRED
    assert _kind_of(raw, "Free parking") is K.BENEFITS  # glued to running text, it still opens the benefits


def test_requirement_items_that_open_like_a_benefit_or_a_company_blurb_stay_requirements() -> None:
    raw = (
        "Reward Analyst\nBristol\n\nRequirements\n"
        "- Generous benefits administration experience at a retailer\n"
        "- Competitive salary benchmarking with Mercer surveys\n"
        "- Our ideal candidate is a reward specialist with Excel and Power BI\n"
        "- Oracle HCM is the main HR platform; Oracle experience required\n"
        "- A competitive salary and bonus\n"
        "- Initech is a leading insurance company in the South West\n\n"
        "Benefits\n- Gym membership"
    )
    assert _kind_of(raw, "benefits administration") is K.REQUIRED
    assert _kind_of(raw, "Mercer") is K.REQUIRED
    assert _kind_of(raw, "Power BI") is K.REQUIRED
    assert _kind_of(raw, "Oracle HCM") is K.REQUIRED
    assert _kind_of(raw, "A competitive salary and bonus") is K.BENEFITS  # an offer misplaced under the requirements
    assert _kind_of(raw, "Initech is") is K.ABOUT
