"""Postcodes: normalising, the local and online geocoders, location geocoding, the ONSPD import."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from geopy.exc import GeocoderTimedOut
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location as GeopyLocation

from directory.geocoding import (
    GeocodeResult,
    InvalidPostcode,
    PostcodeTableGeocoder,
    geocode_postcode,
    get_geocoder,
    normalise_postcode,
)
from directory.models import Postcode, ServiceLocation, ServicePage
from directory.postcode_import import import_postcodes

Status = ServiceLocation.GeocodeStatus


@pytest.fixture(autouse=True)
def fresh_geocoder() -> Iterator[None]:
    """get_geocoder() is lru_cached and online answers are cached: start and end clean."""
    get_geocoder.cache_clear()
    cache.clear()
    yield
    get_geocoder.cache_clear()
    cache.clear()


# -- normalise_postcode --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("sw1a1aa", "SW1A 1AA"),
        (" se13 6lh ", "SE13 6LH"),
        ("SE136LH", "SE13 6LH"),
        ("m1 1ae", "M1 1AE"),
        ("gir0aa", "GIR 0AA"),
    ],
)
def test_normalise_postcode(value: str, expected: str) -> None:
    assert normalise_postcode(value) == expected


def test_normalise_postcode_allows_an_outward_code_only_when_asked() -> None:
    assert normalise_postcode("se13", allow_outward=True) == "SE13"
    assert normalise_postcode(" sw1a ", allow_outward=True) == "SW1A"
    with pytest.raises(InvalidPostcode):
        normalise_postcode("se13")


@pytest.mark.parametrize("value", ["hello", "12345", "", "   ", "SE13 6L", "SE13 6LHX"])
def test_normalise_postcode_rejects_non_postcodes(value: str) -> None:
    with pytest.raises(InvalidPostcode):
        normalise_postcode(value, allow_outward=True)


# -- the local geocoder --------------------------------------------------------------------------


def test_default_geocoder_is_the_postcode_table_and_a_geopy_geocoder() -> None:
    geocoder = get_geocoder()
    assert isinstance(geocoder, Geocoder)
    assert isinstance(geocoder, PostcodeTableGeocoder)
    assert get_geocoder() is geocoder  # built once


def test_table_geocoder_finds_a_full_postcode(postcodes) -> None:
    location = PostcodeTableGeocoder().geocode("se13 6lh")
    assert isinstance(location, GeopyLocation)
    assert (location.latitude, location.longitude) == (51.4521, -0.0123)
    assert location.address == "SE13 6LH"
    assert location.raw["precision"] == "postcode"
    assert PostcodeTableGeocoder().geocode("SE13 6LH", exactly_one=False) == [location]


def test_table_geocoder_puts_an_outward_code_at_its_district_centroid(postcodes) -> None:
    location = PostcodeTableGeocoder().geocode("SE13")
    # The mean of SE13 6LH and SE13 5AB, the only SE13 postcodes known.
    assert location.latitude == pytest.approx((51.4521 + 51.4610) / 2)
    assert location.longitude == pytest.approx((-0.0123 + -0.0080) / 2)
    assert location.raw["precision"] == "district"


@pytest.mark.parametrize("query", ["SE13 9ZZ", "ZZ99", "hello", ""])
def test_table_geocoder_misses_return_none(postcodes, query: str) -> None:
    assert PostcodeTableGeocoder().geocode(query) is None


def test_geocode_postcode_with_the_table(postcodes) -> None:
    assert geocode_postcode("se136lh") == GeocodeResult(51.4521, -0.0123, "postcode")
    district = geocode_postcode("se6")
    assert district == GeocodeResult(51.4381, -0.0190, "district")  # one postcode: its own
    assert geocode_postcode("SE13").precision == "district"
    assert geocode_postcode("SE13 9ZZ") is None  # a full postcode never falls back to its district
    assert geocode_postcode("ZZ99") is None
    assert geocode_postcode("hello") is None


# -- an online geocoder set in settings ----------------------------------------------------------


class TimingOutGeocoder(Geocoder):
    """Stands in for Nominatim on a bad day."""

    calls = 0

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL):
        type(self).calls += 1
        raise GeocoderTimedOut("Service timed out")


class OnlineGeocoder(Geocoder):
    """Answers every UK query with one point, counting how often it is asked."""

    calls = 0

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL):
        type(self).calls += 1
        location = GeopyLocation(query, (51.5, -0.1), {})
        return location if exactly_one else [location]


def use_geocoder(settings, geocoder_class: type[Geocoder]) -> None:
    settings.GEOCODER = {**settings.GEOCODER, "BACKEND": f"{__name__}.{geocoder_class.__name__}"}
    geocoder_class.calls = 0
    get_geocoder.cache_clear()


@pytest.mark.django_db
def test_a_timing_out_online_geocoder_gives_none_and_is_asked_again_next_time(settings) -> None:
    use_geocoder(settings, TimingOutGeocoder)
    assert isinstance(get_geocoder(), TimingOutGeocoder)
    assert geocode_postcode("SE13 6LH") is None
    assert geocode_postcode("SE13 6LH") is None
    assert TimingOutGeocoder.calls == 2  # failures are not cached


@pytest.mark.django_db
def test_online_geocoder_answers_are_cached(settings) -> None:
    use_geocoder(settings, OnlineGeocoder)
    assert geocode_postcode("se13 6lh") == GeocodeResult(51.5, -0.1, "postcode")
    assert geocode_postcode("SE13 6LH") == GeocodeResult(51.5, -0.1, "postcode")
    assert geocode_postcode("SE13") == GeocodeResult(51.5, -0.1, "district")
    assert OnlineGeocoder.calls == 2


def test_a_timing_out_online_geocoder_never_blocks_saving_a_location(settings, make_service):
    use_geocoder(settings, TimingOutGeocoder)
    page = make_service(locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    location = page.locations.get()
    assert location.geocode_status == Status.NOT_FOUND
    assert not location.has_coordinates
    assert TimingOutGeocoder.calls >= 1


# -- ServiceLocation geocoding -------------------------------------------------------------------


def only_location(page: ServicePage) -> ServiceLocation:
    return ServiceLocation.objects.get(page=page)


def test_location_with_a_known_postcode_gets_its_coordinates(postcodes, make_service) -> None:
    page = make_service(locations=[{"name": "Hub", "postcode": "se136lh"}])
    location = only_location(page)
    assert location.postcode == "SE13 6LH"
    assert (location.latitude, location.longitude) == (51.4521, -0.0123)
    assert location.geocode_status == Status.POSTCODE


def test_unknown_full_postcode_is_not_found_even_when_its_district_is_known(
    postcodes, make_service
) -> None:
    page = make_service(locations=[{"name": "Hub", "postcode": "SE13 9ZZ"}])
    location = only_location(page)
    assert location.geocode_status == Status.NOT_FOUND
    assert not location.has_coordinates


def test_an_outward_code_is_not_a_location_postcode(postcodes, make_service) -> None:
    page = make_service(locations=[{"name": "Hub", "postcode": "SE13"}])
    location = only_location(page)
    assert location.geocode_status == Status.NOT_FOUND
    assert not location.has_coordinates


def test_unknown_postcode_is_saved_without_coordinates(postcodes, make_service) -> None:
    page = make_service(locations=[{"name": "Hub", "postcode": "ZZ99 9ZZ"}])
    assert page.live
    location = only_location(page)
    assert location.postcode == "ZZ99 9ZZ"
    assert location.geocode_status == Status.NOT_FOUND
    assert (location.latitude, location.longitude) == (None, None)


def test_changing_the_postcode_regeocodes(postcodes, make_service) -> None:
    page = make_service(locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    location = only_location(page)
    location.postcode = "se6 4ru"
    location.save()
    location = only_location(page)
    assert (location.latitude, location.longitude) == (51.4381, -0.0190)
    assert location.geocode_status == Status.POSTCODE

    # To an unknown postcode: the old postcode's coordinates go with it.
    location.postcode = "SE6 9ZZ"
    location.save()
    location = only_location(page)
    assert location.geocode_status == Status.NOT_FOUND
    assert not location.has_coordinates


def test_changing_the_postcode_in_a_published_revision_regeocodes(postcodes, make_service):
    page = make_service(locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    page = ServicePage.objects.get(pk=page.pk)
    locations = list(page.locations.all())
    locations[0].postcode = "SE4 1UA"
    page.locations = locations
    page.save_revision().publish()
    location = only_location(page)
    assert (location.latitude, location.longitude) == (51.4620, -0.0340)
    assert location.geocode_status == Status.POSTCODE


def test_hand_typed_coordinates_are_kept_for_an_unknown_postcode(postcodes, make_service):
    page = make_service(
        locations=[{"name": "Hub", "postcode": "SE13 9ZZ", "latitude": 51.45, "longitude": -0.01}]
    )
    location = only_location(page)
    assert (location.latitude, location.longitude) == (51.45, -0.01)
    assert location.geocode_status == Status.MANUAL


def test_changing_to_an_invalid_postcode_drops_the_old_coordinates(postcodes, make_service):
    page = make_service(locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    location = only_location(page)
    location.postcode = "SE13"
    location.save()
    location = only_location(page)
    assert location.geocode_status == Status.NOT_FOUND
    assert not location.has_coordinates


class FlakyGeocoder(Geocoder):
    """Answers once, then times out."""

    calls = 0

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL):
        type(self).calls += 1
        if type(self).calls > 1:
            raise GeocoderTimedOut("Service timed out")
        return GeopyLocation(query, (51.5, -0.1), {})


def test_an_online_outage_does_not_drop_coordinates_on_republish(settings, make_service):
    """Publishing rebuilds locations from the revision; the same postcode is not looked up again,
    so a failing online geocoder cannot wipe coordinates it gave earlier."""
    use_geocoder(settings, FlakyGeocoder)
    page = make_service(locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    cache.clear()  # as if the cached answer had expired
    page = ServicePage.objects.get(pk=page.pk)
    page.summary = "Changed the summary only."
    page.save_revision().publish()
    location = only_location(page)
    assert (location.latitude, location.longitude) == (51.5, -0.1)
    assert location.geocode_status == Status.POSTCODE
    assert FlakyGeocoder.calls == 1


# -- import_postcodes ----------------------------------------------------------------------------

HEADER = "pcd,pcd2,pcds,dointr,doterm,oslaua,lat,long,lsoa21"
GOOD = [
    "SE136LH,SE13 6LH,SE13 6LH,198001,,E09000023,51.452100,-0.012300,E01003189",
    "SE135AB,SE13 5AB,se135ab,198001,,E09000023,51.461000,-0.008000,E01003190",
    "SE6 4RU,SE6  4RU,SE6 4RU,198001,201612,E09000023,51.438100,-0.019000,E01003191",
    "M1  1AE,M1   1AE,M1 1AE,198001,,E08000003,53.480800,-2.242600,E01005000",
]
BAD = [
    "HELLO,HELLO,HELLO,198001,,E09000023,51.45,-0.01,E01",  # line 6: bad postcode
    "SE41UA,SE4  1UA,SE4 1UA,198001,,E09000023,n/a,-0.03,E01",  # line 7: lat not a number
    "ZE2 9XX,ZE2  9XX,ZE2 9XX,198001,,S12000027,99.999999,0.000000,",  # line 8: no grid ref
    "BT1 1AA,BT1  1AA,BT1 1AA,198001,,N09000003,54.6,5.1,",  # line 9: long out of range
    ",,,,,,,,",  # line 10: blank
    "SE6 1AA,SE6  1AA,SE6 1AA,198001,,E09000023,,,E01",  # line 11: blank coordinates
]


def write_csv(path: Path, lines: list[str], header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *lines]) + "\n")
    return path


def run_import(path: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("import_postcodes", str(path), "--no-progress", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_import_keeps_good_rows_and_reports_bad_ones(tmp_path: Path) -> None:
    output = run_import(write_csv(tmp_path / "onspd.csv", GOOD + BAD))

    assert dict(Postcode.objects.values_list("postcode", "outward")) == {
        "SE13 6LH": "SE13",
        "SE13 5AB": "SE13",
        "SE6 4RU": "SE6",  # terminated postcodes are kept: old addresses still use them
        "M1 1AE": "M1",
    }
    m1 = Postcode.objects.get(postcode="M1 1AE")
    assert (m1.latitude, m1.longitude) == (53.4808, -2.2426)
    assert "Skipped row 6: 'HELLO': not a full UK postcode" in output
    assert "Skipped row 7: 'n/a': latitude is not a number" in output
    assert "Skipped row 8: 'ZE2 9XX': no coordinates (lat 99.999999)" in output
    assert "Skipped row 9: '5.1': longitude outside the UK" in output
    assert "Skipped row 10: '': no postcode" in output
    assert "Skipped row 11: 'SE6 1AA': no coordinates" in output
    assert "Read 10 rows" in output
    assert "imported 4 (4 new, 0 updated), 0 unchanged, 6 skipped" in output


@pytest.mark.django_db
def test_reimporting_is_idempotent_and_updates_moved_postcodes(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "onspd.csv", GOOD + BAD)
    run_import(path)
    output = run_import(path)
    assert Postcode.objects.count() == 4
    assert "imported 0 (0 new, 0 updated), 4 unchanged, 6 skipped" in output

    moved = [GOOD[0].replace("51.452100", "51.452200"), *GOOD[1:]]
    output = run_import(write_csv(tmp_path / "onspd-next.csv", moved))
    assert Postcode.objects.count() == 4
    assert Postcode.objects.get(postcode="SE13 6LH").latitude == 51.4522
    assert "imported 1 (0 new, 1 updated), 3 unchanged, 0 skipped" in output


@pytest.mark.django_db
def test_import_in_small_batches_with_repeated_postcodes(tmp_path: Path) -> None:
    repeated = GOOD[0].replace("51.452100", "51.999999")
    lines = [GOOD[0], repeated, *GOOD[1:], GOOD[1]]
    output = run_import(write_csv(tmp_path / "onspd.csv", lines), "--batch-size", "2")
    assert Postcode.objects.count() == 4
    # The later row wins, within a batch and across batches.
    assert Postcode.objects.get(postcode="SE13 6LH").latitude == 51.999999
    assert "1 repeated postcodes (the later row kept)" in output


@pytest.mark.django_db
def test_import_lists_only_the_first_skipped_rows(tmp_path: Path) -> None:
    output = run_import(write_csv(tmp_path / "onspd.csv", GOOD + BAD), "--show-skipped", "2")
    assert output.count("Skipped row") == 2
    assert "… and 4 more skipped rows." in output
    assert "Skipped 6 rows (" in output


@pytest.mark.django_db
def test_import_without_a_pcds_column_writes_nothing(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "onspd.csv", GOOD, header=HEADER.replace("pcds", "postcode"))
    with pytest.raises(CommandError, match="no pcds column"):
        run_import(path)
    assert not Postcode.objects.exists()


@pytest.mark.django_db
def test_import_of_a_missing_or_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No such file"):
        run_import(tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(CommandError, match="empty"):
        run_import(tmp_path / "empty.csv")


@pytest.mark.django_db
def test_import_reads_gzip_and_a_byte_order_mark(tmp_path: Path) -> None:
    text = "\ufeff" + "\r\n".join([HEADER, *GOOD]) + "\r\n"
    path = tmp_path / "onspd.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        handle.write(text)
    run_import(path)
    assert Postcode.objects.count() == 4


@pytest.mark.django_db
def test_import_postcodes_function_reads_an_open_file() -> None:
    report = import_postcodes(io.StringIO("\n".join([HEADER, *GOOD, *BAD])), batch_size=3)
    assert (report.rows_read, report.created, report.skipped) == (10, 4, 6)
    assert [problem.row for problem in report.problems] == [6, 7, 8, 9, 10, 11]
    assert report.skipped_by_reason["not a full UK postcode"] == 1
    # The imported table feeds the geocoder straight away.
    assert geocode_postcode("M1 1AE") == GeocodeResult(53.4808, -2.2426, "postcode")


@pytest.mark.django_db
def test_a_misconfigured_online_geocoder_never_blocks_saving(settings, make_service) -> None:
    # Nominatim refuses to start without its own user agent: a configuration mistake.
    settings.GEOCODER = {**settings.GEOCODER, "BACKEND": "geopy.geocoders.Nominatim"}
    assert geocode_postcode("SE13 6LH") is None
    page = make_service(locations=[{"name": "Hub", "postcode": "SE13 6LH"}])
    assert only_location(page).geocode_status == ServiceLocation.GeocodeStatus.NOT_FOUND


def test_changing_the_geocoder_setting_takes_effect_without_clearing_by_hand(settings) -> None:
    assert isinstance(get_geocoder(), PostcodeTableGeocoder)
    settings.GEOCODER = {**settings.GEOCODER, "BACKEND": f"{__name__}.TimingOutGeocoder"}
    assert isinstance(get_geocoder(), TimingOutGeocoder)
