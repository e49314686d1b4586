"""Reference values for the synoptic chain's geometry and differential-rotation tests, from Debian's sunpy 4.1.2.

Run from the repository root:
    /usr/bin/python3 products/src/test/resources/org/medoc/products/synoptic/reference/make_reference.py testdata \
        products/src/test/resources/org/medoc/products/synoptic/reference
It writes geometry.csv (pixel -> helioprojective -> Carrington), observers.csv and diff_rot.csv.

Conventions (PRODUCTS.md 2.3-2.4): Carrington longitudes are *geometric* (no light-travel-time correction), the
convention of the JSOC keyword CRLN_OBS that the chain follows.
* AIA: the observer is built from the header (HGLN_OBS, HGLT_OBS, DSUN_OBS), Carrington = Stonyhurst + (CRLN_OBS -
  HGLN_OBS); the solar radius is the header's RSUN_REF.
* EIT: the header has no DSUN/HGLN/CRLN; sunpy builds the observer from HEC_X/Y/Z (mean ecliptic), and the Carrington
  longitude is Stonyhurst + sunpy.coordinates.sun.L0(date, light_travel_time_correction=False); radius 695.7 Mm
  (sunpy's default, the file has no RSUN_REF).
"""
import csv
import sys
import warnings

import astropy.units as u
from astropy.coordinates import SkyCoord
import sunpy
import sunpy.map
from sunpy.coordinates import frames, sun
from sunpy.physics.differential_rotation import diff_rot

warnings.simplefilter('ignore')
testdata, out = sys.argv[1], sys.argv[2]
PIXELS = [(x, y) for x in range(3, 128, 8) for y in range(3, 128, 8)] + [(63.5, 63.5), (90, 70), (30, 100)]


def geometry(name, m, observer, rsun, offset):
    rows = []
    for x, y in PIXELS:
        world = m.wcs.pixel_to_world(x, y)
        hpc = SkyCoord(world.Tx, world.Ty, frame=frames.Helioprojective, observer=observer, obstime=m.date, rsun=rsun)
        hgs = hpc.transform_to(frames.HeliographicStonyhurst(obstime=m.date))
        lon = (hgs.lon.to_value(u.deg) + offset) % 360
        rows.append([name, x, y, '%.6f' % world.Tx.to_value(u.arcsec), '%.6f' % world.Ty.to_value(u.arcsec),
                     '%.6f' % lon if hgs.lat == hgs.lat else 'nan', '%.6f' % hgs.lat.to_value(u.deg)])
    return rows


aia = sunpy.map.Map(f'{testdata}/fits/aia_171_level1.fits')
aia_observer = SkyCoord(aia.meta['hgln_obs'] * u.deg, aia.meta['hglt_obs'] * u.deg, aia.meta['dsun_obs'] * u.m,
                        frame=frames.HeliographicStonyhurst, obstime=aia.date)
eit = sunpy.map.Map(f'{testdata}/fits/efz20040301.000010_s.fits')
eit_observer = eit.observer_coordinate
eit_l0 = sun.L0(eit.date, light_travel_time_correction=False).to_value(u.deg)

with open(f'{out}/geometry.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['# sunpy ' + sunpy.__version__ + ', make_reference.py; pixels 0-based; lon/lat Carrington (deg), nan off disc'])
    w.writerow(['file', 'x', 'y', 'tx_arcsec', 'ty_arcsec', 'lon_deg', 'lat_deg'])
    w.writerows(geometry('aia_171_level1.fits', aia, aia_observer, aia.meta['rsun_ref'] * u.m,
                         aia.meta['crln_obs'] - aia.meta['hgln_obs']))
    w.writerows(geometry('efz20040301.000010_s.fits', eit, eit_observer, 695.7 * u.Mm, eit_l0))

with open(f'{out}/observers.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['# sunpy ' + sunpy.__version__ + ', make_reference.py; geometric Carrington longitude of the observer'])
    w.writerow(['file', 'crln_deg', 'crlt_deg', 'dsun_m'])
    w.writerow(['efz20040301.000010_s.fits', '%.6f' % ((eit_observer.lon.to_value(u.deg) + eit_l0) % 360),
                '%.6f' % eit_observer.lat.to_value(u.deg), '%.1f' % eit_observer.radius.to_value(u.m)])

with open(f'{out}/diff_rot.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['# sunpy ' + sunpy.__version__ + ', make_reference.py; diff_rot(duration, latitude, rot_type), sidereal'])
    w.writerow(['model', 'days', 'lat_deg', 'rotation_deg'])
    for model in ['howard', 'snodgrass', 'allen', 'rigid']:
        for days in [1, 2, 10]:
            for lat in [0, 15, 30, 45, 60, 75, -30]:
                value = diff_rot(days * u.day, lat * u.deg, rot_type=model).to_value(u.deg)
                w.writerow([model, days, lat, '%.6f' % value])
