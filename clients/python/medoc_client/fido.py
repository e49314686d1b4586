"""MedocFidoClient: medoc as a data provider of sunpy's Fido (defined, and so registered with Fido, on import).

Fido sends a search here when it names ``a.Provider('MEDOC')`` or a medoc attribute (``a.medoc.Product``,
``a.medoc.Release``), so that searches meant for other providers never gain medoc rows by surprise. The server is
``$MEDOC_URL`` (default http://localhost:8080) or the one given to :func:`configure`, which also registers its
vocabulary (instruments, detectors, levels, product types, release collections from ``/api/v1/capabilities``).
"""

from __future__ import annotations

import os
from pathlib import Path

import astropy.units as u
import numpy as np
import parfive
from astropy.time import Time
from parfive.utils import default_name
from sunpy import config as sunpy_config
from sunpy.net import attr as sunpy_attr
from sunpy.net import attrs as a
from sunpy.net.base_client import BaseClient, QueryResponseTable

from . import attrs as medoc_attrs
from .client import MedocClient
from .download import sha256_of
from .errors import ChecksumMismatch, MedocError

__all__ = ["MedocFidoClient", "MedocResponseTable", "configure"]

DEFAULT_URL = "http://localhost:8080"


class MedocResponseTable(QueryResponseTable):
    """Fido's table of medoc results: visible columns Start Time, End Time, Instrument, Detector, Wavelength, Level,
    Provider, Size, SHA-256 (and Product, Version for products); the file URL, id and release are kept hidden."""
    hide_keys = ["url", "id", "Filename", "Release", "Mission"]
    size_column = "Size"


class MedocFidoClient(BaseClient):
    """Searches and fetches observations and products of a medoc archive (MEDOC-style solar data centre); fetched
    files are verified against the catalogue's SHA-256."""

    base_url = os.environ.get("MEDOC_URL", DEFAULT_URL)

    def __init__(self, base_url: str | None = None, token=None):
        self.client = MedocClient(base_url or type(self).base_url, token)

    @property
    def info_url(self):
        return self.client.base_url

    # ------------------------------------------------------------------ registration

    @classmethod
    def _attrs_module(cls):
        return "medoc", "medoc_client.attrs"

    @classmethod
    def _supported_attrs(cls):
        return {a.Time, a.Instrument, a.Detector, a.Wavelength, a.Level, a.Sample, a.Provider, a.Source,
                medoc_attrs.Product, medoc_attrs.Release}

    @classmethod
    def _can_handle_query(cls, *query):
        if not {type(x) for x in query} <= cls._supported_attrs():
            return False
        if any(isinstance(x, (medoc_attrs.Product, medoc_attrs.Release)) for x in query):
            return True
        return any(isinstance(x, a.Provider) and str(x.value).upper() == "MEDOC" for x in query)

    @classmethod
    def register_values(cls, *query):
        values = {a.Provider: [("MEDOC", "Multi Experiment Data & Operation Centre archive (medoc)")]}
        try:
            capabilities = MedocClient(cls.base_url, timeout=3, retries=0).capabilities()
        except (MedocError, ValueError):
            # no medoc there at import time: the provider is still known, the vocabulary comes with configure()
            return values
        values[a.Source] = [(m["code"], m["name"]) for m in capabilities["missions"]]
        values[a.Instrument] = [(i["code"], f"{i['name']} ({i['mission']}, {i['observations']} observations)")
                                for i in capabilities["instruments"]]
        values[a.Detector] = sorted({(d["detector"], f"{d['qualifiedName']}") for d in capabilities["detectors"]})
        levels = sorted({level for d in capabilities["detectors"] for level in d["levels"]})
        values[a.Level] = [(level, f"data level {level}") for level in levels]
        values[medoc_attrs.Product] = [(p["type"], p.get("title") or p["type"]) for p in capabilities["productTypes"]]
        values[medoc_attrs.Release] = [(c["collection"], c.get("title") or c["collection"])
                                       for c in capabilities["releaseCollections"]]
        return values

    # ------------------------------------------------------------------ search

    def search(self, *query) -> MedocResponseTable:
        terms = {type(x): x for x in query}
        time = terms.get(a.Time)
        start, end = (time.start, time.end) if time is not None else (None, None)
        cadence = terms[a.Sample].value * u.s if a.Sample in terms else None
        if medoc_attrs.Product in terms:
            product = terms[medoc_attrs.Product]
            return self._products(product.value, product.version, start, end, cadence)
        wavelength = wavelength_range = None
        if a.Wavelength in terms:
            w = terms[a.Wavelength]
            low, high = w.min.to(u.AA, equivalencies=u.spectral()), w.max.to(u.AA, equivalencies=u.spectral())
            if np.isclose(low.value, high.value):
                wavelength = low
            else:
                wavelength_range = (min(low, high), max(low, high))
        table = self.client.search(
            start, end, mission=terms[a.Source].value if a.Source in terms else None,
            instrument=terms[a.Instrument].value if a.Instrument in terms else None,
            detector=terms[a.Detector].value if a.Detector in terms else None,
            wavelength=wavelength, wavelength_range=wavelength_range,
            level=str(terms[a.Level].value) if a.Level in terms else None, cadence=cadence)
        if medoc_attrs.Release in terms:
            wanted = terms[medoc_attrs.Release]
            identifier = self.client.release(wanted.value, wanted.version).identifier
            table = table[table["release"] == identifier]
        return MedocResponseTable({
            "Start Time": table["start_time"], "End Time": table["end_time"],
            "Instrument": table["instrument"], "Detector": table["detector"], "Wavelength": table["wavelength"],
            "Level": table["level"], "Provider": ["MEDOC"] * len(table),
            "Size": table["size"].to(u.Mibyte), "SHA-256": table["sha256"],
            "Mission": table["mission"], "Filename": table["filename"], "Release": table["release"],
            "url": table["url"], "id": table["id"]}, client=self)

    def _products(self, product_type, version, start, end, cadence) -> MedocResponseTable:
        table = self.client.products(product_type, start, end, version=version, cadence=cadence)
        n = len(table)
        return MedocResponseTable({
            "Start Time": table["reference_time"], "End Time": table["reference_time"],
            "Instrument": [t.upper() for t in table["type"]], "Detector": [""] * n,
            "Wavelength": u.Quantity(np.full(n, np.nan), u.AA), "Level": [""] * n, "Provider": ["MEDOC"] * n,
            "Size": table["size"].to(u.Mibyte), "SHA-256": table["sha256"],
            "Product": table["type"], "Version": table["version"], "Mission": [""] * n,
            "Filename": table["filename"], "Release": table["release"], "url": table["url"], "id": table["id"]}, client=self)

    # ------------------------------------------------------------------ fetch

    def fetch(self, query_results, *, path=None, downloader=None, wait=True, overwrite=False, progress=True, **kwargs):
        """Downloads the rows' files through parfive under the server's Content-Disposition names, then verifies
        each against its SHA-256: a file that differs is deleted and listed in the result's ``errors``.

        The download and the verification happen here, whatever ``wait`` says, so that no unverified file is ever
        handed back; Fido then merges these results with those of other clients.
        """
        if path is None:
            path = Path(sunpy_config.get("downloads", "download_dir")) / "{file}"
        elif "{file}" not in str(path):
            path = Path(path) / "{file}"
        if downloader is not None:
            max_conn, overwrite = downloader.config.max_conn, downloader.config.overwrite or overwrite
            progress = downloader.config.progress and progress
        else:
            max_conn = 4
        own = parfive.Downloader(max_conn=max_conn, max_splits=1, progress=progress, overwrite=overwrite)
        expected, saved_as = {}, {}
        for row in query_results:
            url = str(row["url"])
            expected[url] = (str(row["SHA-256"]).strip(), str(row["Filename"]))
            fields = {k: v for k, v in row.response_block_map.items() if k != "file"}
            directory = Path(str(path).format(file="", **fields)).expanduser()
            directory.mkdir(parents=True, exist_ok=True)

            # parfive calls it with (response, url) (its docstring says the reverse)
            def named(response, url, directory=directory):
                target = Path(default_name(directory, response, url))  # the Content-Disposition name
                saved_as[str(target)] = url
                return target

            own.enqueue_file(url, path=directory, filename=named, headers={"User-Agent": "medoc-client (Fido)"})
        downloaded = own.download()
        verified = parfive.Results()
        verified._errors = list(downloaded.errors)
        for file in downloaded:
            url = saved_as.get(str(file)) or next((u_ for u_, (_, name) in expected.items() if Path(file).name == name), None)
            sha, _ = expected.get(url, (None, None))
            actual = sha256_of(Path(file))
            if sha is not None and actual == sha:
                verified.append(file)
            else:
                Path(file).unlink(missing_ok=True)
                verified.add_error(file, url, ChecksumMismatch(file, sha, actual))
        return verified


def configure(base_url: str, token=None) -> None:
    """Points Fido's medoc client at ``base_url`` and registers that server's vocabulary (``a.Instrument.aia``...)."""
    MedocFidoClient.base_url = base_url.rstrip("/")
    values = MedocFidoClient.register_values()
    sunpy_attr.Attr.update_values({MedocFidoClient: values})
