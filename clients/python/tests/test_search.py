"""Searching observations: every filter, cadence, paging by cursor, units, and errors a user can act on."""

import datetime as dt

import astropy.units as u
import numpy as np
import pytest
from astropy.time import Time

from medoc_client import ApiError, MedocClient, ServerUnreachable

CHANNELS = [94, 131, 171, 193, 211, 335]


def day_bounds(day):
    return f"{day}T00:00:00Z", f"{day}T23:59:59Z"


def dem_rows(table):
    """The demo's six-channel DEM sets; the synoptic demo adds AIA 304 Å images on the same days."""
    return table[np.isin(table["wavelength"].to_value(u.AA), CHANNELS)]


def test_a_day_of_aia_is_four_six_channel_sets_with_units_and_times(medoc, demo_day):
    start, end = day_bounds(demo_day)
    table = medoc.search(start, end, instrument="AIA")
    assert len(table) == table.meta["total"] and len(dem_rows(table)) == 24
    assert table["wavelength"].unit == u.AA and table["size"].unit == u.byte and table["exposure"].unit == u.s
    assert isinstance(table["start_time"], Time)
    assert set(CHANNELS) <= set(table["wavelength"].to_value(u.AA))
    assert list(table["start_time"].isot) == sorted(table["start_time"].isot)  # oldest first
    assert all(len(sha) == 64 for sha in table["sha256"])
    assert all(url.startswith(medoc.base_url + "/api/v1/observations/") for url in table["url"])


def test_an_hourly_cadence_keeps_the_first_171_image_of_each_hour(medoc, demo_day):
    start, end = day_bounds(demo_day)
    hourly = medoc.search(start, end, instrument="AIA", wavelength=171 * u.AA, cadence=1 * u.h)
    assert [t[11:16] for t in hourly["start_time"].isot] == ["12:00", "13:00"]
    half_hourly = medoc.search(start, end, instrument="AIA", wavelength=171, cadence=dt.timedelta(minutes=30))
    assert len(half_hourly) == 4
    assert len(dem_rows(medoc.search(start, end, instrument="AIA", cadence=3600))) == 12  # 6 channels x 2 hours


def test_every_filter_narrows_the_result_as_documented(medoc, demo_day):
    start, end = day_bounds(demo_day)
    assert set(medoc.search(start, end, mission="SDO")["instrument"]) == {"AIA", "HMI"}
    assert len(dem_rows(medoc.search(start, end, detector="AIA/AIA"))) == 24
    assert len(dem_rows(medoc.search(start, end, instrument="AIA", level="1.5"))) == 24
    assert len(medoc.search(start, end, instrument="AIA", level="2")) == 0
    ranged = medoc.search(start, end, instrument="AIA", wavelength_range=(100 * u.AA, 200 * u.AA))
    assert sorted(set(ranged["wavelength"].value)) == [131, 171, 193]
    assert len(medoc.search(start, end, instrument="AIA", wavelength=1.93e-8 * u.m)) == 4  # 193 Å as metres
    scene = medoc.search(start, end, instrument="AIA", keywords={"SYNSCENE": "ACTIVE_REGION"})
    assert len(scene) == 6 and {t[11:16] for t in scene["start_time"].isot} == {"12:00"}
    assert len(medoc.search(start, end, instrument="AIA", keywords={"SYNSCENE": "ACTIVE_REGION", "WAVELNTH": 94})) == 1


def test_the_whole_result_is_read_page_by_page_through_the_cursor(medoc, demo_day):
    start, end = day_bounds(demo_day)
    whole = medoc.search(start, end, instrument="AIA")
    paged = medoc.search(start, end, instrument="AIA", page_size=5)
    assert paged.meta["pages"] == -(-len(whole) // 5) >= 5 and whole.meta["pages"] == 1
    assert list(paged["id"]) == list(whole["id"])
    assert len(set(paged["id"])) == len(whole) and len(dem_rows(paged)) == 24
    hourly = medoc.search(start, end, instrument="AIA", cadence=3600, page_size=5)
    assert hourly.meta["pages"] == -(-len(hourly) // 5) and len(dem_rows(hourly)) == 12
    assert list(hourly["id"]) == list(medoc.search(start, end, instrument="AIA", cadence=3600)["id"])


def test_a_limit_stops_paging_early(medoc, demo_day):
    start, end = day_bounds(demo_day)
    assert len(medoc.search(start, end, instrument="AIA", limit=7, page_size=5)) == 7


def test_files_in_a_published_release_name_it(medoc):
    spice = medoc.search(instrument="SPICE", level="2")
    assert len(spice) == 3
    assert set(spice["release"]) == {"medoc-local:spice-demo/1.0"}
    assert set(medoc.search(instrument="EIT")["release"]) == {""}


def test_capabilities_describe_what_can_be_searched(medoc, demo_day):
    capabilities = medoc.capabilities()
    aia = next(d for d in capabilities["detectors"] if d["qualifiedName"] == "AIA/AIA")
    assert set(CHANNELS) <= set(aia["catalogedWavelengthsAngstrom"])
    assert "1.5" in aia["levels"] and aia["observations"] >= 24
    instrument = next(i for i in capabilities["instruments"] if i["code"] == "AIA")
    assert instrument["lastObservation"] >= str(demo_day)  # the synoptic demo's AIA 304 Å images may be later
    dem = next(p for p in capabilities["productTypes"] if p["type"] == "dem")
    assert dem["currentVersion"] == "1.0" and dem["catalogued"][0]["products"] == 4
    assert capabilities["releaseCollections"][0]["versions"][0]["identifier"] == "medoc-local:spice-demo/1.0"


def test_a_refused_parameter_is_an_api_error_with_the_problem_detail(medoc):
    with pytest.raises(ApiError) as refused:
        medoc.search(wavelength_range=(300, 100))
    assert refused.value.status == 400 and refused.value.parameter == "wavelengthMin"
    assert "greater than wavelengthMax" in str(refused.value)
    with pytest.raises(ApiError, match="unknown product type 'nonsense'"):
        medoc.products("nonsense")
    with pytest.raises(ValueError, match="at least 1 second"):
        medoc.search(cadence=0.2)


@pytest.mark.offline
def test_an_unreachable_server_says_so_with_its_address():
    client = MedocClient("http://127.0.0.1:9", retries=1, backoff=0.01, timeout=2)
    with pytest.raises(ServerUnreachable, match=r"cannot reach the medoc server at http://127.0.0.1:9"):
        client.search(instrument="AIA")


def test_no_match_is_an_empty_table_with_the_same_columns(medoc):
    table = medoc.search("1990-01-01", "1990-01-02", instrument="AIA")
    assert len(table) == 0 and table.meta["total"] == 0
    assert {"start_time", "wavelength", "sha256", "url"} <= set(table.colnames)
    assert np.isnan(table["wavelength"].value).all()
