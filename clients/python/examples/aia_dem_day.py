"""Worked example (docs/python.md): a day of AIA 171 Å at 1-hour cadence, downloaded and verified, one image opened
with sunpy, the DEM maps of the same day, and the citation of a release.

    python3 examples/aia_dem_day.py http://localhost:8080 2024-05-10
"""

import sys
from pathlib import Path

import astropy.units as u

from medoc_client import MedocClient

url = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
medoc = MedocClient(url)
day = sys.argv[2] if len(sys.argv) > 2 else None
if day is None:  # the demo's day: that of its DEM maps
    dem_type = next(p for p in medoc.capabilities()["productTypes"] if p["type"] == "dem")
    day = dem_type["catalogued"][0]["firstReferenceTime"][:10]
print(f"medoc at {url}, day {day}")

# 1. AIA 171 Å images of the day, at most one per hour
aia = medoc.search(day, day, instrument="AIA", wavelength=171 * u.AA, cadence=1 * u.h)
print(f"\n{len(aia)} AIA 171 Å images at 1-hour cadence ({aia.meta['total']} matched):")
aia["start_time", "wavelength", "level", "size", "filename"].pprint(max_width=140)

# 2. download them (4 at a time, resumable); every file's SHA-256 is checked against the catalogue
files = medoc.download(aia, Path("medoc-data-example/aia"), progress=False)
print(f"\ndownloaded and verified: {[f.name for f in files]}")

# 3. open one with sunpy
import sunpy.map  # noqa: E402

aia_map = sunpy.map.Map(files[0])
print(f"\nsunpy: {aia_map.instrument}, {aia_map.wavelength}, {aia_map.date.isot}, {aia_map.dimensions}, "
      f"mean {aia_map.data.mean():.1f} {aia_map.unit}")

# 4. the DEM maps made from the AIA sets of the same day
dem = medoc.products("dem", day, day)
print(f"\n{len(dem)} DEM maps:")
dem["reference_time", "version", "size", "filename", "release"].pprint(max_width=140)
dem_files = medoc.download(dem[:1], Path("medoc-data-example/dem"), progress=False)
from astropy.io import fits  # noqa: E402

with fits.open(dem_files[0]) as hdus:
    print("DEM file HDUs:", [f"{h.name}{h.shape if h.is_image and h.shape else ''}" for h in hdus])

# 5. cite what you used: the release that holds it (search rows name it), here the demo's published release
collection = medoc.capabilities()["releaseCollections"][0]["collection"]
release = medoc.release(collection)
print(f"\n{release}")
print(release.cite("bibtex"))
