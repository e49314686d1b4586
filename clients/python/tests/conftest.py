"""The client's tests run against a medoc server with its demo data: MEDOC_URL (the Maven build's PythonClientIT starts
the packaged application on a free port and sets it). Without MEDOC_URL the suite is skipped with the way to run it,
unless CI is set (then it fails: CI must run it)."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
import requests

MEDOC_URL = os.environ.get("MEDOC_URL")
HOW = ("set MEDOC_URL to a medoc started with its demo data (./medoc --server.port=8080), or run "
       "./mvnw verify -pl planner-ui -am -Dit.test=PythonClientIT, which starts one")


def pytest_collection_modifyitems(config, items):
    if MEDOC_URL:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("MEDOC_URL is not set: " + HOW)
    for item in items:
        if "offline" not in item.keywords:
            item.add_marker(pytest.mark.skip(reason="no medoc server: " + HOW))


def pytest_configure(config):
    config.addinivalue_line("markers", "offline: runs without a medoc server (local stand-ins only)")


@pytest.fixture(scope="session")
def base_url() -> str:
    """The server, once its demo is complete: the DEM maps made by the product chain and the SPICE release published
    (both happen in the background after start-up)."""
    deadline = time.monotonic() + 180
    last = None
    while time.monotonic() < deadline:
        try:
            capabilities = requests.get(f"{MEDOC_URL}/api/v1/capabilities", timeout=5).json()
            dem = [p for p in capabilities["productTypes"] if p["type"] == "dem"]
            products = sum(v["products"] for v in dem[0]["catalogued"]) if dem else 0
            released = [c for c in capabilities["releaseCollections"] if c["collection"] == "spice-demo"]
            if products >= 4 and released:
                return MEDOC_URL
            last = f"{products} DEM maps, spice-demo published: {bool(released)}"
        except (requests.RequestException, ValueError, KeyError) as e:
            last = repr(e)
        time.sleep(1)
    pytest.fail(f"the demo at {MEDOC_URL} was not complete after 180 s ({last})")


@pytest.fixture(scope="session")
def medoc(base_url):
    from medoc_client import MedocClient
    return MedocClient(base_url, backoff=0.05)


@pytest.fixture(scope="session")
def demo_day(medoc) -> dt.date:
    """The day of the demo's four synthetic AIA six-channel sets (12:00 to 13:30 UTC): that of its DEM maps."""
    dem = next(p for p in medoc.capabilities()["productTypes"] if p["type"] == "dem")
    return dt.date.fromisoformat(dem["catalogued"][0]["firstReferenceTime"][:10])
