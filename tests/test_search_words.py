"""Families' own words: which needs they name, which words decide nothing, and what the results
page says (issue 13). Engine behaviour runs on both engines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict
from geopy.distance import great_circle

from directory.models import Circumstance, DirectorySettings, Need
from search.intent import age_hint, has_search_words, understand
from search.lexicon import current_lexicon
from search.query import parse_search_query
from search.runner import SearchOutcome, run_search

pytestmark = pytest.mark.django_db

ORIGIN = (51.45, -0.01)
NEAR_ORIGIN = f"lat={ORIGIN[0]}&lng={ORIGIN[1]}"


def named(text: str) -> list[str]:
    return [found.term.name for found in current_lexicon().read(text).needs]


def run(querystring: str, engine_name: str) -> SearchOutcome:
    outcome = run_search(parse_search_query(QueryDict(querystring)), log=False)
    assert outcome.engine == engine_name and not outcome.fell_back
    return outcome


def names(outcome: SearchOutcome) -> list[str]:
    return [hit.document["name"] for hit in outcome.results.hits]


def at(miles: float, bearing: float = 0) -> dict[str, float]:
    point = great_circle(miles=miles).destination(ORIGIN, bearing)
    return {"latitude": point.latitude, "longitude": point.longitude}


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


# -- which needs the words name ------------------------------------------------------------------

# Several everyday phrasings per need, none of them the need's own name.
PHRASINGS = [
    ("my toddler isn't talking yet", "Speech, language and communication"),
    ("2 year old only says a few words", "Speech, language and communication"),
    ("she has a stammer", "Speech, language and communication"),
    ("SALT referral", "Speech, language and communication"),
    ("help with money", "Money and debt advice"),
    ("bailiffs at the door", "Money and debt advice"),
    ("i'm skint", "Money and debt advice"),
    ("my son is being bullied", "Bullying and online safety"),
    ("cyberbullying", "Bullying and online safety"),
    ("someone is sharing nudes of my daughter", "Bullying and online safety"),
    ("postnatal depression", "Parental mental health"),
    ("feeling low after having the baby", "Parental mental health"),
    ("ehcp", "Special educational needs and disabilities (SEND)"),
    ("my partner hits me", "Domestic abuse"),
    ("my boyfriend is really controlling", "Domestic abuse"),
    ("being evicted", "Housing and homelessness"),
    ("we got a section 21 notice", "Housing and homelessness"),
    ("kicked out by my mum", "Housing and homelessness"),
    ("my dad died", "Bereavement"),
    ("lost my nan last month", "Bereavement"),
    ("stay and play", "Early years development"),
    ("my mum drinks too much", "Parents' drug and alcohol use"),
    ("my son is smoking weed", "Young people's drug and alcohol use"),
    ("breastfeeding is agony, baby won't latch", "Infant feeding"),
    ("free nursery hours", "Childcare and early education"),
    ("he's been excluded from school", "Behaviour and exclusion from school"),
    ("she refuses to go to school", "School attendance"),
    ("county lines", "Exploitation (criminal and sexual)"),
    ("older boys giving him money", "Exploitation (criminal and sexual)"),
    ("caught shoplifting", "Youth crime prevention"),
    ("food bank", "Food and essentials"),
    ("can't afford nappies", "Food and essentials"),
    ("universal credit advice", "Benefits and cost of living"),
    ("lost my job", "Employment and skills"),
    ("raising my grandchildren", "Kinship care"),
    ("i look after my mum she is ill", "Young carers"),
    ("my daughter has autism", "Autism and ADHD"),
    ("self harming", "Emotional wellbeing and mental health"),
    ("my teenager is always angry and anxious", "Emotional wellbeing and mental health"),
    ("asylum seeker", "Refugee and asylum-seeking families"),
    ("nothing to do in the holidays", "Youth clubs and activities"),
    ("respite for my disabled son", "Disabled children and young people"),
    ("morning after pill", "Sexual health and relationships"),
    ("just found out i am pregnant", "Pregnancy and birth"),
    ("healthy start card", "Healthy Start food and vitamins"),
    ("parenting course", "Parenting programmes"),
    ("we argue all the time in front of the kids", "Parental conflict"),
    ("going through a divorce", "Separation and divorce"),
    ("dads group", "Dads and male carers"),
    ("my child is overweight", "Healthy weight and being active"),
    ("my teenager won't listen and stays out late", "Parenting teenagers"),
    ("apprenticeships for 16 year olds", "Education, employment and training after 16"),
]


@pytest.mark.parametrize(("words", "need"), PHRASINGS)
def test_everyday_words_name_their_need(words, need) -> None:
    assert need in named(words)[:2], named(words)


def test_a_family_word_alone_never_outweighs_what_the_words_say() -> None:
    assert named("my dad died") == ["Bereavement"]
    assert named("support for dads") == ["Dads and male carers"]


def test_abbreviations_in_capitals_match_the_word_exactly() -> None:
    assert "Special educational needs and disabilities (SEND)" in named("SEND support")
    assert "Special educational needs and disabilities (SEND)" not in named(
        "kids sending nasty messages"
    )


def test_misspellings_are_read_as_the_words_meant() -> None:
    lexicon = current_lexicon()
    assert lexicon.correct("bulliying") == "bullying"
    assert named(lexicon.correct("autsim")) == ["Autism and ADHD"]
    # Never into a word with another first letter, or a word the lexicon knows in another form.
    assert lexicon.correct("fail") is None
    assert lexicon.correct("failing") is None


def test_filler_and_place_words_decide_nothing() -> None:
    understood = understand("help with money near me", current_lexicon())
    assert understood.content == "money" and understood.wants_place
    assert [found.term.name for found in understood.reading.needs] == ["Money and debt advice"]
    assert not has_search_words("support for my kids nearby")
    assert has_search_words("speech therapy near me")


def test_ages_in_the_words_are_read() -> None:
    assert age_hint("my 14 year old won't talk to me") == (14, 14)
    assert age_hint("im 17 and pregnant") == (17, 17)
    assert age_hint("my 6 month old won't feed") == (0, 0)
    assert age_hint("what to do after year 11") == (16, 16)
    assert age_hint("toddler tantrums") == (1, 3)
    assert age_hint("section 21 notice") is None


def test_a_need_with_no_words_yet_is_named_by_the_parts_of_its_name() -> None:
    category = Need.objects.get(name="Health and wellbeing")
    Need.objects.create(name="Sleep and bedtimes", slug="sleep-and-bedtimes", parent=category)
    assert "Sleep and bedtimes" in named("help with bedtimes")


# -- on both engines ------------------------------------------------------------------------------


def test_a_named_need_s_services_match_and_rank_first(engine_name, make_service) -> None:
    make_service(title="Workshop", summary="Speech therapy ideas for parents.", needs=[])
    make_service(
        title="Chatter club",
        summary="Songs and games.",
        needs=["Speech, language and communication"],
    )
    make_service(title="Money advice", summary="Help with debts.", needs=["Money and debt advice"])
    outcome = run("q=speech therapy", engine_name)
    assert names(outcome) == ["Chatter club", "Workshop"]
    assert [n.term.name for n in outcome.understood.reading.needs] == [
        "Speech, language and communication"
    ]


def test_a_named_circumstance_s_services_rank_above_the_words_alone(
    engine_name, make_service
) -> None:
    circumstance = Circumstance.objects.get(name="Care leavers")
    circumstance.search_words = "moved on from care"
    circumstance.save()
    # The words alone score well (in the title and summary), but name no term of the service.
    make_service(
        title="Moved on from care drop-in",
        summary="For young people who have moved on from care.",
        needs=[],
    )
    make_service(
        title="After care hub",
        summary="Advice and a warm space.",
        circumstances=["Care leavers"],
        needs=[],
    )
    assert names(run("q=moved on from care", engine_name)) == [
        "After care hub",
        "Moved on from care drop-in",
    ]


def test_editing_a_need_s_words_applies_to_the_next_search(engine_name, make_service) -> None:
    make_service(
        title="Kickabout", summary="Football on Saturdays.", needs=["Youth clubs and activities"]
    )
    assert run("q=zorbing", engine_name).results.count == 0
    need = Need.objects.get(name="Youth clubs and activities")
    need.search_words += "\nzorbing"
    need.save()
    assert names(run("q=zorbing", engine_name)) == ["Kickabout"]
    circumstance = Circumstance.objects.get(name="Care leavers")
    circumstance.search_words = "moved on from care"
    circumstance.save()
    make_service(title="After care hub", circumstances=["Care leavers"], needs=[])
    assert "After care hub" in names(run("q=moved on from care", engine_name))


def test_with_words_and_a_place_the_best_answer_leads_not_the_nearest(
    engine_name, make_service
) -> None:
    speech = "Speech, language and communication"
    make_service(
        title="Play session",
        needs=["Early years development"],
        locations=[{"name": "Near", **at(0.1)}],
    )
    make_service(title="Talk group far", needs=[speech], locations=[{"name": "Far", **at(2.5)}])
    make_service(title="Talk group near", needs=[speech], locations=[{"name": "Close", **at(0.3)}])
    outcome = run(f"q=my toddler isn't talking yet&{NEAR_ORIGIN}", engine_name)
    assert outcome.query.sort == "relevance"
    # Both right answers first, the nearer of them leading (distance is a factor); not the
    # nearest service of all.
    assert names(outcome)[:2] == ["Talk group near", "Talk group far"]
    # Nearest first is still there when asked for.
    nearest = run(f"q=talking&{NEAR_ORIGIN}&sort=distance", engine_name)
    assert names(nearest) == sorted(names(nearest), key=["Talk group near", "Talk group far"].index)


def test_near_me_is_a_place_not_words(engine_name, make_service) -> None:
    make_service(title="Hub near", locations=[{"name": "Close", **at(0.2)}])
    make_service(title="Hub far", locations=[{"name": "Far", **at(1.5)}])
    outcome = run(f"q=near me&{NEAR_ORIGIN}", engine_name)
    assert outcome.query.sort == "distance" and not outcome.corrected
    assert names(outcome) == ["Hub near", "Hub far"]


def test_nothing_near_goes_wider_rather_than_a_dead_end(engine_name, make_service) -> None:
    make_service(
        title="Bereavement group", needs=["Bereavement"], locations=[{"name": "Far", **at(8)}]
    )
    make_service(
        title="Play session",
        needs=["Early years development"],
        locations=[{"name": "Near", **at(0.5)}],
    )
    outcome = run(f"q=my dad died&{NEAR_ORIGIN}", engine_name)
    assert names(outcome) == ["Bereavement group"] and outcome.widened_from == 3


def test_a_place_outside_the_area_keeps_what_reaches_everywhere(
    engine_name, make_service, postcodes
) -> None:
    make_service(
        title="Helpline", needs=["Domestic abuse"], by_phone=True, available_across_area=True
    )
    make_service(
        title="Local group",
        needs=["Domestic abuse"],
        locations=[{"name": "Hub", "postcode": "SE13 6LH"}],
    )
    for place in ("postcode=M1 1AE", "lat=53.48&lng=-2.24"):
        outcome = run(f"q=domestic abuse&{place}", engine_name)
        assert outcome.outside_area and names(outcome) == ["Helpline"]


# -- the page ----------------------------------------------------------------------------------


def test_the_page_says_what_the_words_named_and_links_its_menu(client, make_service) -> None:
    make_service(title="Chatter club", needs=["Speech, language and communication"])
    soup = soup_of(client.get("/search/", {"q": "my toddler isn't talking yet"}))
    notice = soup.find(id="showing-help-with")
    assert "Showing help with: Speech, language and communication" in notice.get_text(
        " ", strip=True
    )
    assert notice.find("a", href="/needs/speech-language-and-communication/")


def test_near_me_without_a_place_asks_for_one(client, make_service) -> None:
    make_service(title="Hub")
    soup = soup_of(client.get("/search/", {"q": "toddler groups near me"}))
    prompt = soup.find(id="place-needed")
    assert prompt.find("input", attrs={"name": "postcode"})
    assert prompt.find("input", attrs={"name": "q", "value": "toddler groups near me"})
    assert prompt.find(attrs={"data-near-me": True})
    assert soup.find(id="did-you-mean") is None


def test_nothing_found_is_never_a_dead_end(client, make_service, site_structure) -> None:
    make_service(
        title="Family line",
        needs=["Parenting programmes"],
        available_across_area=True,
        by_phone=True,
    )
    settings = DirectorySettings.for_site(site_structure.home.get_site())
    settings.area_name, settings.front_door_name = "Riverside", "Riverside Family Hub"
    settings.front_door_phone = "020 7946 0999"
    settings.save()
    response = client.get("/search/", {"q": "parking permit"})
    panel = soup_of(response).find(id="nothing-found")
    text = panel.get_text(" ", strip=True)
    assert "Family line" in text and "Riverside Family Hub" in text
    assert panel.find("a", href="tel:02079460999")
    assert panel.find("a", href="/needs/")


def test_nothing_found_offers_the_named_needs_help_across_the_area_first(
    client, make_service, site_structure
) -> None:
    for title, need in (("Aardvark line", "Parenting programmes"), ("Zebra line", "Bereavement")):
        make_service(
            title=title, needs=[need], available_across_area=True, by_phone=True, slug=title[:5]
        )
    # The words name bereavement, but no service is at the specialist level.
    response = client.get("/search/", {"q": "bereavement", "level": "specialist"})
    links = soup_of(response).find(id="nothing-found").find_all("a", string=re.compile("line"))
    assert [link.get_text() for link in links] == ["Zebra line", "Aardvark line"]
    # Without a named need, by name.
    response = client.get("/search/", {"q": "parking permit"})
    links = soup_of(response).find(id="nothing-found").find_all("a", string=re.compile("line"))
    assert [link.get_text() for link in links] == ["Aardvark line", "Zebra line"]


def test_outside_the_area_is_named_with_the_national_service(
    client, make_service, postcodes, site_structure
) -> None:
    make_service(title="Helpline", available_across_area=True, by_phone=True)
    make_service(title="Local group", locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    settings = DirectorySettings.for_site(site_structure.home.get_site())
    settings.area_name = "Riverside"
    settings.save()
    response = client.get("/search/", {"q": "parenting", "postcode": "M1 1AE"})
    assert response.status_code == 200
    notice = soup_of(response).find(id="outside-area")
    assert "outside Riverside" in notice.get_text(" ", strip=True)
    assert notice.find("a", href=settings.national_service_url)
    assert [item.name for item in response.context["items"]] == ["Helpline"]


def test_every_example_postcode_the_site_shows_exists_in_the_demo() -> None:
    from demo.builder import load_postcodes
    from directory.geocoding import geocode_postcode

    load_postcodes()
    root = Path(__file__).resolve().parent.parent
    shown = set()
    example = re.compile(r"(?:such as|for example|e\.g\.)\s+([A-Z]{1,2}\d[A-Z\d]?(?: \d[A-Z]{2})?)")
    for folder in ("home", "search", "directory", "templates", "static/js"):
        for path in (root / folder).rglob("*"):
            if path.suffix in {".html", ".py", ".js"} and "demo" not in path.parts:
                shown.update(example.findall(path.read_text(errors="ignore")))
    assert {"SE13 6LH", "SE13"} <= shown
    assert [postcode for postcode in sorted(shown) if geocode_postcode(postcode) is None] == []
