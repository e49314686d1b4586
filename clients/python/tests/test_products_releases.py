"""Products and releases: product search with cadence, release citation and package."""

import zipfile

import astropy.units as u
import pytest

from medoc_client import MedocError


def test_a_day_of_dem_maps_with_cadence(medoc, demo_day):
    maps = medoc.products("dem", str(demo_day), str(demo_day))
    assert len(maps) == 4 and set(maps["version"]) == {"1.0"}
    assert [t[11:16] for t in maps["reference_time"].isot] == ["12:00", "12:30", "13:00", "13:30"]
    assert maps["size"].unit == u.byte and all(len(s) == 64 for s in maps["sha256"])
    assert all(len(i.split(",")) == 6 for i in maps["inputs"])  # six AIA channels each
    hourly = medoc.products("dem", str(demo_day), str(demo_day), cadence=1 * u.h)
    assert [t[11:16] for t in hourly["reference_time"].isot] == ["12:00", "13:00"]


def test_dem_maps_download_verified(medoc, demo_day, tmp_path):
    maps = medoc.products("dem", str(demo_day), str(demo_day), cadence=2 * u.h)
    paths = medoc.download(maps, tmp_path, progress=False)
    assert [p.name for p in paths] == list(maps["filename"])


def test_a_release_is_cited_in_bibtex_and_ris(medoc):
    release = medoc.release("spice-demo", "1.0")
    assert release.identifier == "medoc-local:spice-demo/1.0"
    bibtex = release.cite("bibtex")
    assert bibtex.lstrip().startswith("@") and "SPICE Demo Data Release 1.0" in bibtex
    ris = release.cite("ris")
    assert "TY  - " in ris and "ER  -" in ris
    with pytest.raises(ValueError, match="bibtex' or 'ris"):
        release.cite("apa")


def test_the_newest_published_version_is_found_without_a_version(medoc):
    assert medoc.release("spice-demo").version == "1.0"
    with pytest.raises(MedocError, match="no published release"):
        medoc.release("no-such-collection")


def test_a_release_package_downloads_and_its_manifest_is_checked(medoc, tmp_path):
    path = medoc.release("spice-demo", "1.0").download(tmp_path, progress=False)
    with zipfile.ZipFile(path) as bag:
        payload = [n for n in bag.namelist() if "/data/" in n or n.startswith("data/")]
    assert path.name == "spice-demo-1.0.zip" and len(payload) >= 3
