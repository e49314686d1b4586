"""An independent VO client (Debian python3-pyvo) against medoc's TAP service, run by TapPyvoTests.

Runs sync and async queries on both tables (TOP, time range, instrument, ORDER BY), downloads the first file an
access_url names and prints what it saw as JSON on stdout.
"""
import hashlib
import json
import sys
import urllib.request

import pyvo

tap_url = sys.argv[1]
service = pyvo.dal.TAPService(tap_url)
report = {}

EPN = ("SELECT TOP 5 granule_uid, instrument_name, time_min, access_url FROM medoc.epn_core "
       "WHERE instrument_name = 'AIA' AND time_min BETWEEN 2400000.5 AND 2500000.5 ORDER BY time_min")
OBSCORE = ("SELECT TOP 5 obs_publisher_did, instrument_name, t_min, access_url FROM ivoa.obscore "
           "WHERE instrument_name = 'AIA' AND t_min > 0 ORDER BY t_min")


def rows(result, *columns):
    return [[str(row[c]) if not isinstance(row[c], float) else float(row[c]) for c in columns] for row in result]


report["sync_epn"] = rows(service.search(EPN), "granule_uid", "instrument_name", "time_min", "access_url")
report["sync_obscore"] = rows(service.search(OBSCORE), "obs_publisher_did", "instrument_name", "t_min", "access_url")

job = service.submit_job(EPN)
job.run()
job.wait(phases=["COMPLETED", "ERROR", "ABORTED"], timeout=60)
report["async_epn_phase"] = job.phase
job.raise_if_error()
report["async_epn"] = rows(job.fetch_result(), "granule_uid", "instrument_name", "time_min", "access_url")
job.delete()

report["async_obscore"] = rows(service.run_async(OBSCORE), "obs_publisher_did", "instrument_name", "t_min", "access_url")

url = report["sync_epn"][0][3]
with urllib.request.urlopen(url) as response:
    report["download"] = {"url": url, "sha256": hashlib.sha256(response.read()).hexdigest()}

print(json.dumps(report))
