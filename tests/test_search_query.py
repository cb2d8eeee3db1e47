"""The public search query: every parameter, every bad input, and the helpers links rely on."""

from __future__ import annotations

import contextlib
import random
import string

import pytest
from django.http import QueryDict

from directory.models import AgeBand, Circumstance, LevelOfNeed, Need
from search.query import (
    DEFAULT_RADIUS,
    MAX_Q_LENGTH,
    SearchQuery,
    SearchQueryError,
    parse_search_query,
)

pytestmark = pytest.mark.django_db


def parse(query: str = "", **params) -> SearchQuery:
    """Parse a query string (as the browser sends it) or keyword parameters."""
    if params:
        return parse_search_query(params)
    return parse_search_query(QueryDict(query))


def errors_for(query: str = "", **params) -> dict[str, str]:
    with pytest.raises(SearchQueryError) as caught:
        parse(query, **params)
    return caught.value.errors


def need_id(slug: str) -> int:
    return Need.objects.get(slug=slug).pk


# --- Empty and unknown -------------------------------------------------------------------------


def test_no_parameters_is_an_empty_query_with_defaults(site_structure):
    query = parse("")
    assert query == SearchQuery()
    assert query.is_empty and not query.has_location
    assert (query.sort, query.page, query.per_page, query.radius) == ("relevance", 1, 20, 3.0)


def test_unknown_parameters_are_ignored(site_structure):
    assert parse("utm_source=leaflet&fbclid=abc&q=play") == parse("q=play")


def test_blank_values_count_as_absent(site_structure):
    # An HTML form submits every field, empty or not.
    query = parse(
        "q=&postcode=&lat=&lng=&radius=&need=&level=&age=&free=&commissioned=&sort=&page="
        "&per_page=&delivery=&access=&day=&language=&age_band=&circumstance="
    )
    assert query == SearchQuery()


def test_accepts_a_plain_mapping_with_lists(site_structure):
    query = parse_search_query({"q": "play", "need": ["domestic-abuse"], "age": 4, "x": None})
    assert (query.q, query.needs, query.age) == ("play", ("domestic-abuse",), 4)


# --- q -----------------------------------------------------------------------------------------


def test_q_collapses_whitespace_and_drops_control_characters(site_structure):
    assert parse(q="  speech \t\n toddlers  ").q == "speech toddlers"
    assert parse(q="speech\x00toddlers\x07").q == "speech toddlers"


def test_q_at_the_limit_is_fine_and_over_it_is_an_error(site_structure):
    assert parse(q="a" * MAX_Q_LENGTH).q == "a" * MAX_Q_LENGTH
    # Whitespace that collapses does not count against the limit.
    assert parse(q="a " + " " * 500 + "b").q == "a b"
    message = errors_for(q="x" * 5000)["q"]
    assert "fewer words" in message and "200" in message


def test_q_alone_is_not_empty_and_sorts_by_relevance(site_structure):
    query = parse("q=play")
    assert not query.is_empty and query.sort == "relevance"


# --- postcode ----------------------------------------------------------------------------------


def test_full_postcode_is_normalised_and_geocoded(postcodes):
    query = parse(postcode="se136lh")
    assert query.postcode == "SE13 6LH"
    assert (query.latitude, query.longitude) == (51.4521, -0.0123)
    assert query.has_location and query.origin == (51.4521, -0.0123)
    assert not query.is_empty


def test_outward_code_alone_resolves_to_the_district_centre(postcodes):
    query = parse(postcode=" se13 ")
    assert query.postcode == "SE13"
    assert query.latitude == pytest.approx((51.4521 + 51.4610) / 2)
    assert query.longitude == pytest.approx((-0.0123 - 0.0080) / 2)


def test_a_full_postcode_we_lack_is_searched_from_its_district(postcodes):
    query = parse("postcode=se13 9zz")
    district = parse("postcode=SE13")
    assert query.postcode == "SE13 9ZZ" and query.postcode_precision == "district"
    assert (query.latitude, query.longitude) == (district.latitude, district.longitude)
    assert parse("postcode=SE13 6LH").postcode_precision == "postcode"


def test_a_postcode_we_cannot_place_at_all_is_not_an_error_but_outside_the_area(postcodes):
    # Neither it nor its district is in the table, which holds at least the area served.
    for value in ("M1 1AE", "zz9"):
        query = parse(f"postcode={value}")
        assert query.place_unknown and not query.has_location and not query.is_empty
        assert parse_search_query(query.to_params()) == query
    assert not parse("postcode=SE13").place_unknown


@pytest.mark.parametrize("value", ["hello", "12345", "SE13 6LH 6LH", "🙂", "S" * 300])
def test_something_that_is_not_a_postcode_is_explained(postcodes, value):
    message = errors_for(postcode=value)["postcode"]
    assert "is not a postcode" in message and "SE13 6LH" in message
    assert len(message) < 200  # the junk echoed back is cut short


def test_postcode_wins_over_lat_lng_which_are_then_ignored(postcodes):
    query = parse(postcode="SE6 4RU", lat="55.9", lng="-3.2")
    assert query.postcode == "SE6 4RU" and query.latitude == 51.4381
    # Not even validated: they are stale leftovers of "use my location".
    assert parse(postcode="SE6 4RU", lat="junk", lng="999") == parse(postcode="SE6 4RU")


# --- lat / lng ---------------------------------------------------------------------------------


def test_lat_lng_give_a_location(site_structure):
    query = parse(lat="51.4521", lng="-0.0123")
    assert (query.latitude, query.longitude, query.postcode) == (51.4521, -0.0123, "")
    assert query.has_location and query.sort == "distance"


def test_lat_lng_are_rounded_to_about_a_metre(site_structure):
    query = parse(lat="51.452123456", lng="-0.012345678")
    assert (query.latitude, query.longitude) == (51.45212, -0.01235)


@pytest.mark.parametrize(
    ("lat", "lng", "bad"),
    [
        ("48.9", "0", {"lat"}),
        ("61.1", "0", {"lat"}),
        ("52", "-9.1", {"lng"}),
        ("52", "2.6", {"lng"}),
        ("40.7", "-74.0", {"lat", "lng"}),  # New York
        ("abc", "0", {"lat"}),
        ("nan", "inf", {"lat", "lng"}),
        ("52", "-infinity", {"lng"}),
        ("1e400", "0", {"lat"}),
    ],
)
def test_lat_lng_outside_the_uk_or_not_numbers_are_errors(site_structure, lat, lng, bad):
    errors = errors_for(lat=lat, lng=lng)
    assert set(errors) == bad
    assert all("postcode" in errors[name] for name in bad)


def test_lat_lng_at_the_uk_bounds_are_accepted(site_structure):
    assert parse(lat="49", lng="-9").has_location
    assert parse(lat="61", lng="2.5").has_location


@pytest.mark.parametrize(("given", "missing"), [("lat", "lng"), ("lng", "lat")])
def test_lat_and_lng_are_needed_together(site_structure, given, missing):
    errors = errors_for(**{given: {"lat": "51.5", "lng": "-0.1"}[given]})
    assert list(errors) == [missing]
    assert "both a latitude and a longitude" in errors[missing]


# --- radius ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3.0), ("0.5", 0.5), ("50", 50.0), ("10 miles", 10.0), ("2mi", 2.0), ("1.25", 1.25)],
)
def test_radius_in_miles(postcodes, value, expected):
    assert parse(postcode="SE13", radius=value).radius == expected


@pytest.mark.parametrize("value", ["0", "-1", "50.01", "10000", "abc", "nan", "inf", "1" * 50])
def test_bad_radius_is_an_error(postcodes, value):
    message = errors_for(postcode="SE13", radius=value)["radius"]
    assert message == "Choose a distance of up to 50 miles, such as 3 miles."


def test_radius_without_a_location_is_validated_then_dropped(site_structure):
    assert parse(q="play", radius="10").radius == DEFAULT_RADIUS
    assert parse(q="play", radius="10") == parse(q="play")
    assert "radius" in errors_for(q="play", radius="10000")


# --- needs -------------------------------------------------------------------------------------


def test_need_keeps_the_slug_and_its_id(site_structure):
    query = parse("need=domestic-abuse")
    assert query.needs == ("domestic-abuse",)
    assert query.need_ids == {need_id("domestic-abuse")}
    assert not query.is_empty


def test_a_category_includes_its_needs(site_structure):
    query = parse("need=staying-safe")
    category = Need.objects.get(slug="staying-safe")
    expected = {category.pk, *category.children.values_list("pk", flat=True)}
    assert len(expected) == 5
    assert query.needs == ("staying-safe",)
    assert query.need_ids == expected


def test_several_needs_are_sorted_deduplicated_and_expanded(site_structure):
    query = parse("need=staying-safe&need=bereavement&need=domestic-abuse&need=bereavement")
    assert query.needs == ("bereavement", "domestic-abuse", "staying-safe")
    staying_safe = set(Need.objects.get(slug="staying-safe").descendant_ids())
    assert query.need_ids == staying_safe | {need_id("bereavement")}


def test_a_new_need_in_a_category_is_included(site_structure):
    category = Need.objects.get(slug="staying-safe")
    added = Need.objects.create(name="Knife crime", slug="knife-crime", parent=category)
    assert added.pk in parse("need=staying-safe").need_ids


def test_unknown_need_is_an_error_naming_it(site_structure):
    assert errors_for("need=domestic-abuse&need=not-a-need")["need"] == (
        "We do not have a need called 'not-a-need'. Choose from the list."
    )
    message = errors_for("need=nope&need=also-nope")["need"]
    assert message.startswith("We do not have needs called 'also-nope', 'nope'")


def test_need_that_cannot_be_a_slug_is_unknown_without_a_query(
    site_structure, django_assert_num_queries
):
    with django_assert_num_queries(0), pytest.raises(SearchQueryError) as caught:
        parse_search_query({"need": ["bad slug!", "x" * 500, "'; drop table--"]})
    assert "need" in caught.value.errors


def test_too_many_needs_is_an_error(site_structure):
    errors = errors_for(need=[f"need-{number}" for number in range(101)])
    assert errors["need"] == "Choose fewer needs: at most 100."


# --- levels, age bands, circumstances ----------------------------------------------------------


def test_levels_age_bands_and_circumstances(site_structure):
    query = parse(
        "level=targeted&level=universal&age_band=2-to-4&circumstance=young-carers"
        "&circumstance=lone-parents"
    )
    assert query.levels == ("targeted", "universal")
    assert query.age_bands == ("2-to-4",)
    assert query.circumstances == ("lone-parents", "young-carers")
    # The slugs are the vocabularies' own.
    assert LevelOfNeed.objects.filter(slug__in=query.levels).count() == 2
    assert AgeBand.objects.filter(slug="2-to-4").exists()
    assert Circumstance.objects.filter(slug__in=query.circumstances).count() == 2


@pytest.mark.parametrize(
    ("param", "value", "expected"),
    [
        ("level", "very-high", "We do not have a level of need called 'very-high'."),
        ("age_band", "90-to-99", "We do not have an age group called '90-to-99'."),
        ("circumstance", "pirates", "We do not have a circumstance called 'pirates'."),
    ],
)
def test_unknown_vocabulary_terms_are_errors(site_structure, param, value, expected):
    assert errors_for(**{param: value})[param].startswith(expected)


# --- fixed choices: delivery, access, day, language --------------------------------------------


def test_fixed_choices_are_lower_cased_sorted_and_deduplicated(site_structure):
    query = parse(
        "delivery=online&delivery=Home-Visit&access=self-referral&access=front-door"
        "&day=sa&day=MO&day=sa&language=pl&language=sgn-gb"
    )
    assert query.delivery == ("home-visit", "online")
    assert query.access == ("front-door", "self-referral")
    assert query.days == ("mo", "sa")
    assert query.languages == ("pl", "sgn-gb")
    assert not query.is_empty


@pytest.mark.parametrize(
    ("param", "value", "hint"),
    [
        ("delivery", "teleport", "how services are delivered"),
        ("access", "walk-in", "how to get in touch"),
        ("day", "monday", "days of the week"),
        ("day", "xx", "days of the week"),
        ("language", "klingon", "languages"),
    ],
)
def test_unknown_fixed_choices_are_errors(site_structure, param, value, hint):
    message = errors_for(**{param: value})[param]
    assert f"'{value}'" in message and hint in message


# --- age ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [("0", 0), ("4", 4), (" 15 ", 15), ("120", 120)])
def test_age_in_years(site_structure, value, expected):
    assert parse(age=value).age == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-3", "Enter an age in years between 0 and 120, like 4."),
        ("121", "Enter an age in years between 0 and 120, like 4."),
        ("abc", "Enter an age in years, like 4."),
        ("4.5", "Enter an age in years, like 4."),
        ("9" * 5000, "Enter an age in years, like 4."),
    ],
)
def test_bad_age_is_an_error(site_structure, value, message):
    assert errors_for(age=value)["age"] == message


# --- free, commissioned ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["true", "1", "on", "yes", "TRUE", "Yes"])
@pytest.mark.parametrize("param", ["free", "commissioned"])
def test_booleans_accept_ticked_values(site_structure, param, value):
    assert getattr(parse(**{param: value}), param) is True


@pytest.mark.parametrize("param", ["free", "commissioned"])
def test_booleans_absent_are_none(site_structure, param):
    assert getattr(parse(q="play"), param) is None


@pytest.mark.parametrize("value", ["false", "0", "off", "maybe", "2"])
@pytest.mark.parametrize("param", ["free", "commissioned"])
def test_booleans_reject_anything_else(site_structure, param, value):
    assert "or leave it out" in errors_for(**{param: value})[param]


# --- sort --------------------------------------------------------------------------------------


def test_default_sort_is_distance_for_a_place_without_words(postcodes):
    assert parse("postcode=SE13").sort == "distance"
    assert parse("postcode=SE13&need=domestic-abuse").sort == "distance"
    # Words that only ask for a place, or are only filler, are no words.
    assert parse("postcode=SE13&q=near me").sort == "distance"
    assert parse("postcode=SE13&q=help for my kids nearby").sort == "distance"


def test_default_sort_is_relevance_with_words_even_with_a_place(postcodes):
    # Distance is a factor of relevance then (search.distance.distance_decay), not the order.
    assert parse("postcode=SE13&q=play").sort == "relevance"
    assert parse("postcode=SE13&q=speech therapy near me").sort == "relevance"
    assert parse("q=play").sort == "relevance"
    assert parse("need=domestic-abuse").sort == "relevance"


def test_sort_can_be_chosen(postcodes):
    assert parse("q=play&sort=name").sort == "name"
    assert parse("q=play&postcode=SE13&sort=distance").sort == "distance"
    assert parse("postcode=SE13&sort=relevance").sort == "relevance"
    assert parse("q=play&sort=NAME").sort == "name"


def test_distance_without_a_place_is_an_error(site_structure):
    assert errors_for("q=play&sort=distance") == {"sort": "Enter a postcode to sort by distance."}


def test_distance_with_a_wrong_postcode_only_complains_about_the_postcode(postcodes):
    assert list(errors_for("postcode=SE13 6L&sort=distance")) == ["postcode"]


def test_distance_from_a_place_we_cannot_find_falls_back_to_relevance(postcodes):
    assert parse("q=play&postcode=M1 1AE&sort=distance").sort == "relevance"


def test_unknown_sort_is_an_error(site_structure):
    assert errors_for("sort=popularity")["sort"] == "Sort by relevance, distance or name."


# --- page, per_page ----------------------------------------------------------------------------


def test_page_and_per_page(site_structure):
    query = parse("page=3&per_page=50")
    assert (query.page, query.per_page) == (3, 50)
    assert parse("page=1000&per_page=100").page == 1000
    # Paging through nothing is still nothing asked for.
    assert query.is_empty


@pytest.mark.parametrize("value", ["0", "-1", "1001", "abc", "2.5", "1" * 100])
def test_bad_page_is_an_error(site_structure, value):
    assert "page number" in errors_for(page=value)["page"]


@pytest.mark.parametrize("value", ["0", "101", "all"])
def test_bad_per_page_is_an_error(site_structure, value):
    assert "from 1 to 100" in errors_for(per_page=value)["per_page"]


def test_repeated_single_parameters_take_the_last_value(site_structure):
    assert parse("age=3&age=7&page=2&page=4").age == 7
    assert parse("q=first&q=second").q == "second"


# --- several errors at once --------------------------------------------------------------------


def test_every_problem_is_reported_at_once_in_parameter_order(postcodes):
    with pytest.raises(SearchQueryError) as caught:
        parse(
            "q=" + "x" * 300 + "&postcode=SE13 6L&radius=10000&need=nope&level=nope"
            "&age_band=nope&circumstance=nope&delivery=nope&access=nope&day=nope&language=nope"
            "&age=-3&free=maybe&commissioned=maybe&sort=nope&page=0&per_page=0"
        )
    error = caught.value
    assert list(error.errors) == [
        "q",
        "postcode",
        "radius",
        "need",
        "level",
        "age_band",
        "circumstance",
        "delivery",
        "access",
        "day",
        "language",
        "age",
        "free",
        "commissioned",
        "sort",
        "page",
        "per_page",
    ]
    assert isinstance(error, ValueError)
    assert "postcode: 'SE13 6L' is not a postcode." in str(error)


# --- the number of queries ---------------------------------------------------------------------


def test_one_query_per_vocabulary_and_one_for_the_postcode(
    postcodes, django_assert_max_num_queries
):
    params = QueryDict(
        "q=play&postcode=SE13 6LH&need=staying-safe&need=domestic-abuse&need=bereavement"
        "&level=targeted&level=universal&age_band=2-to-4&age_band=5-to-11"
        "&circumstance=young-carers&circumstance=lone-parents&delivery=online&language=pl"
        "&access=self-referral&day=mo&age=4&free=on&commissioned=on"
    )
    with django_assert_max_num_queries(5):
        query = parse_search_query(params)
    # staying-safe (itself and its four needs, domestic-abuse among them) and bereavement.
    assert len(query.need_ids) == 6


def test_no_queries_without_vocabulary_or_postcode(site_structure, django_assert_num_queries):
    with django_assert_num_queries(0):
        parse("q=play&lat=51.45&lng=-0.01&delivery=online&day=mo&age=4&free=1&sort=name")


# --- to_params and round trips -----------------------------------------------------------------

ROUND_TRIPS = [
    "",
    "q=speech toddlers",
    "postcode=se13 6lh",
    "postcode=SE13&radius=5",
    "postcode=SE13&radius=0.75&q=play",
    "lat=51.4521&lng=-0.0123&radius=12.5",
    "lat=51.452123456&lng=-0.012345678",
    "need=staying-safe&need=bereavement&level=targeted",
    "age_band=2-to-4&circumstance=young-carers&circumstance=lone-parents",
    "delivery=online&delivery=phone&language=pl&access=self-referral&day=mo&day=fr",
    "age=0&free=on&commissioned=yes",
    "q=play&sort=name&page=3&per_page=50",
    "postcode=SE13&sort=relevance",
    "q=play&postcode=SE13&sort=distance",
    "q=play&sort=relevance&radius=9",
]


@pytest.mark.parametrize("querystring", ROUND_TRIPS)
def test_round_trip(postcodes, querystring):
    query = parse(querystring)
    params = query.to_params()
    assert isinstance(params, QueryDict)
    again = parse_search_query(params)
    assert again == query
    assert again.to_params() == params
    assert parse(query.to_querystring()) == query
    assert again.cache_key() == query.cache_key()
    assert hash(again) == hash(query)  # usable as a dict key or in a set


def test_to_params_is_canonical_and_leaves_out_defaults(postcodes):
    query = parse(
        "free=on&need=staying-safe&q=  play  &postcode=se13&radius=3&sort=relevance&page=1"
        "&per_page=20&day=we&day=mo"
    )
    assert (
        query.to_querystring() == "q=play&postcode=SE13&need=staying-safe&day=mo&day=we&free=true"
    )
    assert parse("lat=51.5&lng=-0.1&radius=4").to_querystring() == "lat=51.5&lng=-0.1&radius=4"


def test_parameter_order_does_not_matter(postcodes):
    one = parse("need=bereavement&need=domestic-abuse&day=fr&day=mo&postcode=SE13")
    two = parse("postcode=se13&day=mo&need=domestic-abuse&day=fr&need=bereavement")
    assert one == two and one.to_params() == two.to_params()
    assert one.cache_key() == two.cache_key()


# --- without -----------------------------------------------------------------------------------


def test_without_one_need_keeps_the_others_and_their_expansion(site_structure):
    query = parse("need=staying-safe&need=bereavement&page=4")
    smaller = query.without("need", "staying-safe")
    assert smaller.needs == ("bereavement",)
    assert smaller.need_ids == {need_id("bereavement")}
    assert smaller.page == 1
    assert smaller == parse("need=bereavement")
    assert query.without("need").needs == ()
    assert query.without("need").need_ids == frozenset()


BASE = "level=targeted&level=universal&day=mo&day=sa&free=on&age=4&q=play"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("level", "targeted", "level=universal&day=mo&day=sa&free=on&age=4&q=play"),
        ("level", None, "day=mo&day=sa&free=on&age=4&q=play"),
        ("level", "not-chosen", BASE),
        ("day", "mo", "level=targeted&level=universal&day=sa&free=on&age=4&q=play"),
        ("free", None, "level=targeted&level=universal&day=mo&day=sa&age=4&q=play"),
        ("age", None, "level=targeted&level=universal&day=mo&day=sa&free=on&q=play"),
        ("q", None, "level=targeted&level=universal&day=mo&day=sa&free=on&age=4"),
    ],
)
def test_without_removes_one_selection_and_goes_back_to_page_one(
    site_structure, name, value, expected
):
    query = parse(BASE + "&page=2")
    assert query.without(name, value) == parse(expected)


def test_without_the_place_drops_radius_and_distance_sort(postcodes):
    query = parse("q=play&postcode=SE13&radius=10&sort=distance")
    for name in ("postcode", "location", "lat", "lng"):
        assert query.without(name) == parse("q=play")
    by_device = parse("lat=51.45&lng=-0.01&radius=10&sort=name")
    assert by_device.without("lat") == parse("sort=name")


def test_without_the_place_lets_the_default_sort_follow(postcodes):
    # Distance was only the default because of the place; without it, relevance.
    query = parse("q=play&postcode=SE13")
    assert query.without("postcode").sort == "relevance"
    assert query.without("postcode") == parse("q=play")
    # A sort the person chose stays.
    assert parse("q=play&postcode=SE13&sort=name").without("postcode").sort == "name"


def test_without_sort_radius_and_page(postcodes):
    query = parse("postcode=SE13&radius=10&sort=name&page=3&per_page=50")
    assert query.without("sort").sort == "distance"
    assert query.without("radius").radius == DEFAULT_RADIUS
    assert query.without("page").page == 1
    assert query.without("per_page").per_page == 20


def test_without_an_unknown_parameter_is_a_programming_error(site_structure):
    with pytest.raises(ValueError, match="not a search parameter"):
        SearchQuery().without("colour")


def test_with_page(site_structure):
    query = parse("q=play")
    assert query.with_page(3).to_querystring() == "q=play&page=3"
    assert query.with_page(0).page == 1


# --- cache_key ---------------------------------------------------------------------------------


def test_cache_key_is_stable_and_distinguishes_queries(postcodes):
    key = parse("q=play&postcode=SE13").cache_key()
    assert key == parse("postcode=se13&q=play  ").cache_key()
    assert key.startswith("search-query:v1:") and len(key) < 250  # memcached's limit
    others = {
        parse(querystring).cache_key()
        for querystring in ("q=play", "q=play&postcode=SE6", "q=play&postcode=SE13&page=2")
    }
    assert key not in others and len(others) == 3


def test_cache_key_changes_when_a_category_gains_a_need(site_structure):
    before = parse("need=staying-safe").cache_key()
    category = Need.objects.get(slug="staying-safe")
    Need.objects.create(name="Knife crime", slug="knife-crime", parent=category)
    assert parse("need=staying-safe").cache_key() != before


# --- log_params --------------------------------------------------------------------------------


def test_log_params_cut_the_postcode_to_its_district_and_drop_its_centre(postcodes):
    logged = parse("q=play&postcode=se13 6lh&need=domestic-abuse&age=4&radius=5").log_params()
    assert logged == {
        "q": "play",
        "postcode": "SE13",
        "radius": "5",
        "need": ["domestic-abuse"],
        "age": "4",
    }
    assert "6LH" not in repr(logged) and "51.45" not in repr(logged)


def test_log_params_round_device_coordinates_to_two_decimals(site_structure):
    logged = parse("lat=51.452123&lng=-0.012345").log_params()
    assert logged == {"lat": 51.45, "lng": -0.01}


def test_log_params_cut_postcodes_typed_into_the_words(site_structure):
    logged = parse(q="health visitor near se13 6lh and SE46RU").log_params()
    assert logged["q"] == "health visitor near SE13 and SE4"


def test_log_params_of_an_empty_query(site_structure):
    assert SearchQuery().log_params() == {}


# --- fuzz --------------------------------------------------------------------------------------

PARAMS = [
    "q",
    "postcode",
    "lat",
    "lng",
    "radius",
    "need",
    "level",
    "age_band",
    "circumstance",
    "delivery",
    "language",
    "age",
    "free",
    "access",
    "day",
    "commissioned",
    "sort",
    "page",
    "per_page",
    "utm_source",
]
NASTY = [
    "",
    " ",
    "\x00",
    "\u202e",
    "🙂" * 10,
    "Ω≈ç√",
    "ٰ٣",
    "１２",
    "nan",
    "-inf",
    "1e309",
    "9" * 5000,
    "-0",
    "0x10",
    "1_000",
    "%00",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "SE13 6LH",
    "se13",
    "staying-safe",
    "x" * 5000,
    "\n\t\r",
    "true",
    "distance",
]


def _junk(rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.4:
        return rng.choice(NASTY)
    if choice < 0.7:
        alphabet = string.printable + "éß€漢字🙂\u0000\u200b"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
    if choice < 0.85:
        return str(rng.choice([-1, 0, 1, 3, 50, 51, 120, 10**6, -(10**20), 2.5, 51.45, -0.01]))
    return rng.choice(PARAMS)


def test_fuzz_never_raises_anything_but_search_query_error(postcodes):
    rng = random.Random(20240603)
    outcomes = {"ok": 0, "error": 0}
    for _ in range(400):
        params = QueryDict(mutable=True)
        for _ in range(rng.randint(0, 8)):
            name = rng.choice(PARAMS)
            for _ in range(rng.choice([1, 1, 1, 2, 5, 150])):
                params.appendlist(name, _junk(rng))
        try:
            query = parse_search_query(params)
        except SearchQueryError as error:
            assert error.errors and all(isinstance(m, str) and m for m in error.errors.values())
            assert all(len(message) < 400 for message in error.errors.values())
            outcomes["error"] += 1
        else:
            # Whatever was accepted survives the round trip and the helpers.
            assert parse_search_query(query.to_params()) == query
            query.cache_key()
            query.log_params()
            outcomes["ok"] += 1
    assert outcomes["ok"] and outcomes["error"]


def test_fuzz_plain_mappings_with_odd_value_types(postcodes):
    odd_values = [None, 3, -3, 2.5, float("nan"), True, ["a", None], ("SE13",), {"x"}, b"bytes"]
    for name in PARAMS:
        for value in odd_values:
            with contextlib.suppress(SearchQueryError):
                parse_search_query({name: value})
