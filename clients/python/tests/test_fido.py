"""The Fido plugin: sunpy's attrs and medoc's, columns, vocabulary from /api/v1/capabilities, verified fetch."""

import hashlib
from pathlib import Path

import astropy.units as u
import pytest

sunpy_net = pytest.importorskip("sunpy.net", reason="the Fido plugin needs sunpy: apt-get install python3-sunpy")
pytest.importorskip("parfive", reason="the Fido plugin needs parfive: apt-get install python3-parfive")

from sunpy.net import Fido, attrs as a  # noqa: E402

import medoc_client  # noqa: E402,F401  (importing it registers the client with Fido)
from medoc_client.fido import MedocFidoClient, configure  # noqa: E402

COLUMNS = ["Start Time", "End Time", "Instrument", "Detector", "Wavelength", "Level", "Provider", "Size", "SHA-256"]


@pytest.fixture(autouse=True)
def only_medoc(base_url, monkeypatch):
    """The tests run without Internet access: sunpy's other clients (VSO...) would fail to connect on any search
    they share with medoc, so Fido consults medoc only here. Registration itself is checked separately."""
    configure(base_url)
    monkeypatch.setattr(Fido, "registry", {MedocFidoClient: MedocFidoClient._can_handle_query})


def day(demo_day):
    return a.Time(f"{demo_day}T00:00:00", f"{demo_day}T23:59:59")


def test_importing_the_package_registers_the_client_and_its_attrs_with_fido():
    from sunpy.net.base_client import BaseClient
    assert MedocFidoClient in BaseClient._registry
    assert a.medoc.Product is medoc_client.attrs.Product and a.medoc.Release is medoc_client.attrs.Release


def test_the_vocabulary_comes_from_the_servers_capabilities():
    assert a.Instrument.aia.value == "AIA" and a.Instrument.spice.value == "SPICE"
    assert a.Provider.medoc.value == "MEDOC"
    assert a.medoc.Product.dem.value == "dem"
    assert a.Level.onepointfive.value == "1.5"  # sunpy's spelling of a level it registers
    assert a.medoc.Release.spice_demo.value == "spice-demo"


def test_medoc_answers_only_queries_that_name_it():
    assert MedocFidoClient._can_handle_query(a.Time("2024-01-01", "2024-01-02"), a.Provider("MEDOC"))
    assert MedocFidoClient._can_handle_query(a.medoc.Product("dem"))
    assert not MedocFidoClient._can_handle_query(a.Time("2024-01-01", "2024-01-02"), a.Instrument("AIA"))
    assert not MedocFidoClient._can_handle_query(a.Time("2024-01-01", "2024-01-02"), a.Provider("VSO"))


def test_sunpy_attrs_search_with_cadence_and_the_documented_columns(demo_day):
    result = Fido.search(day(demo_day), a.Instrument("AIA"), a.Wavelength(171 * u.AA), a.Sample(1 * u.h),
                         a.Level("1.5"), a.Provider("MEDOC"))
    assert len(result) == 1 and len(result[0]) == 2
    table = result[0]
    assert all(c in table.colnames for c in COLUMNS)
    assert [t.isot[11:16] for t in table["Start Time"]] == ["12:00", "13:00"]
    assert list(table["Provider"]) == ["MEDOC", "MEDOC"]
    assert table["Wavelength"].unit == u.AA and table["Size"].unit == u.Mibyte
    assert table.total_size() > 0 * u.byte


def test_a_wavelength_range_and_a_detector_narrow_the_search(demo_day):
    result = Fido.search(day(demo_day), a.Wavelength(100 * u.AA, 200 * u.AA), a.Detector("AIA"), a.Provider("MEDOC"))
    assert sorted(set(result[0]["Wavelength"].to_value(u.AA))) == [131, 171, 193]


def test_fetch_saves_the_servers_file_names_and_verifies_them(demo_day, tmp_path):
    result = Fido.search(day(demo_day), a.Instrument("AIA"), a.Wavelength(171 * u.AA), a.Sample(1 * u.h), a.Provider("MEDOC"))
    files = Fido.fetch(result, path=tmp_path / "{file}", progress=False)
    assert not files.errors
    assert sorted(Path(f).name for f in files) == sorted(result[0]["Filename"])
    for f in files:
        row = next(r for r in result[0] if r["Filename"] == Path(f).name)
        assert hashlib.sha256(Path(f).read_bytes()).hexdigest() == row["SHA-256"]


def test_a_file_that_does_not_match_its_checksum_is_deleted_and_reported(demo_day, tmp_path):
    result = Fido.search(day(demo_day), a.Instrument("AIA"), a.Wavelength(211 * u.AA), a.Sample(1 * u.h), a.Provider("MEDOC"))
    table = result[0]
    table["SHA-256"][0] = "0" * 64  # as if the file had been damaged on its way
    files = MedocFidoClient().fetch(table, path=tmp_path, progress=False)
    assert len(files) == 1 and len(files.errors) == 1
    assert "differs from the catalogue's" in str(files.errors[0].exception)
    assert sorted(p.name for p in tmp_path.iterdir()) == [Path(files[0]).name]


def test_products_are_searched_and_fetched_with_the_medoc_product_attr(demo_day, tmp_path):
    result = Fido.search(day(demo_day), a.medoc.Product("dem"), a.Sample(1 * u.h))
    table = result[0]
    assert len(table) == 2 and set(table["Product"]) == {"dem"} and set(table["Version"]) == {"1.0"}
    files = Fido.fetch(table[:1], path=tmp_path, progress=False)
    assert not files.errors and Path(files[0]).name.startswith("aia_dem_")


def test_the_release_attr_keeps_the_files_of_that_release():
    result = Fido.search(a.medoc.Release("spice-demo", "1.0"), a.Provider("MEDOC"))
    assert len(result[0]) == 3 and set(result[0]["Release"]) == {"medoc-local:spice-demo/1.0"}
    assert set(result[0]["Instrument"]) == {"SPICE"}
