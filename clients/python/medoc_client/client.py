"""MedocClient: search observations and products, download and verify their files, cite releases."""

from __future__ import annotations

import datetime as _dt
import hashlib
import zipfile
from pathlib import Path

import astropy.units as u
import numpy as np
from astropy.table import QTable, Row, Table
from astropy.time import Time

from .download import RemoteFile, download_files, safe_name
from .errors import ChecksumMismatch, MedocError
from .http import Http

__all__ = ["MedocClient", "Release"]

#: Rows asked per request while paging (the server's maximum).
PAGE_SIZE = 1000


def iso(value) -> str | None:
    """An ISO-8601 UTC string from a str, datetime, date or astropy Time (None stays None)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, Time):
        return value.utc.isot + "Z"
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat() + "Z"
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"a time must be a string, datetime, date or astropy Time, was {type(value).__name__}")


def seconds(value) -> int | None:
    """Whole seconds from a number of seconds, an astropy Quantity of time or a timedelta."""
    if value is None:
        return None
    if isinstance(value, u.Quantity):
        value = value.to_value(u.s)
    elif isinstance(value, _dt.timedelta):
        value = value.total_seconds()
    if value < 1:
        raise ValueError(f"cadence must be at least 1 second, was {value} s")
    return int(round(float(value)))


def angstrom(value) -> float | None:
    """Ångström from a number (already Å) or an astropy Quantity of length (spectral equivalence)."""
    if value is None:
        return None
    if isinstance(value, u.Quantity):
        return float(value.to_value(u.AA, equivalencies=u.spectral()))
    return float(value)


class MedocClient:
    """A medoc archive at ``base_url`` (e.g. ``http://localhost:8080``).

    ``token`` is only needed for staff data: ``'user:password'`` (HTTP Basic, as medoc's API expects). Anonymous
    callers see public data. ``retries`` and ``backoff`` (seconds, doubled at each attempt) govern retries of failed
    connections and busy answers (429, 502-504).
    """

    def __init__(self, base_url: str, token=None, *, timeout: float = 30.0, retries: int = 3, backoff: float = 0.5):
        self.http = Http(base_url, token, timeout=timeout, retries=retries, backoff=backoff)

    @property
    def base_url(self) -> str:
        return self.http.base_url

    def __repr__(self):
        return f"MedocClient({self.base_url!r})"

    # ------------------------------------------------------------------ vocabulary

    def capabilities(self) -> dict:
        """What the server can be searched for: missions, instruments (time coverage), detectors (wavelengths,
        levels), product types (versions) and release collections (``GET /api/v1/capabilities``)."""
        return self.http.json("/api/v1/capabilities")

    # ------------------------------------------------------------------ observations

    def search(self, start=None, end=None, *, instrument=None, detector=None, wavelength=None, wavelength_range=None,
               level=None, cadence=None, keywords=None, mission=None, limit=None, page_size=PAGE_SIZE) -> QTable:
        """Every observation overlapping [start, end] that matches, oldest first, as an astropy Table with units.

        ``wavelength`` is a nominal channel (number in Å or a Quantity, matched within 0.5 Å); ``wavelength_range`` a
        (min, max) pair; ``cadence`` keeps at most one observation per instrument, detector and wavelength in each
        interval (seconds, Quantity or timedelta), the one closest to the interval's start; ``keywords`` a mapping of
        FITS header keywords to required values. The whole result is fetched ``page_size`` rows at a time, each page
        continuing after the last by the server's keyset cursor, unless ``limit`` rows are enough. ``meta`` holds the
        total and the number of pages.
        """
        params = {
            "from": iso(start), "to": iso(end), "mission": mission, "instrument": instrument, "detector": detector,
            "wavelength": angstrom(wavelength), "level": level, "cadence": seconds(cadence), "sort": "dateObs,asc",
        }
        if wavelength_range is not None:
            low, high = wavelength_range
            params["wavelengthMin"], params["wavelengthMax"] = angstrom(low), angstrom(high)
        if keywords:
            params["keyword"] = [f"{name}:{value}" for name, value in keywords.items()]
        params = {k: v for k, v in params.items() if v is not None}
        rows, total, pages = [], 0, 0
        cursor = None
        while True:
            size = page_size if limit is None else max(1, min(page_size, limit - len(rows)))
            page = self.http.json("/api/v1/observations", **params, size=size, cursor=cursor)
            pages += 1
            total = page["total"] if cursor is None else total
            rows.extend(page["items"])
            cursor = page.get("nextCursor")
            if not cursor or (limit is not None and len(rows) >= limit):
                break
        table = self._observation_table(rows)
        table.meta.update({"total": total, "pages": pages, "query": {k: v for k, v in params.items() if k != "sort"},
                           "server": self.base_url})
        return table

    def _observation_table(self, rows: list[dict]) -> QTable:
        def column(key, default=""):
            return [default if row.get(key) is None else row[key] for row in rows]

        table = QTable()
        table["id"] = np.array(column("id", 0), dtype=np.int64)
        table["mission"] = column("mission")
        table["instrument"] = column("instrument")
        table["detector"] = column("detector")
        table["wavelength"] = u.Quantity(np.array(column("wavelength", np.nan), dtype=float), u.AA)
        table["start_time"] = Time([r["dateObs"] for r in rows], scale="utc") if rows else Time([], format="isot")
        table["end_time"] = Time([r["dateEnd"] for r in rows], scale="utc") if rows else Time([], format="isot")
        table["exposure"] = u.Quantity(np.array(column("exposure", np.nan), dtype=float), u.s)
        table["level"] = column("level")
        table["filename"] = column("filename")
        table["size"] = u.Quantity(np.array(column("size", 0), dtype=np.int64), u.byte, dtype=np.int64)
        table["sha256"] = column("sha256")
        table["url"] = [self.http.url(r["fileUrl"]) for r in rows]
        table["release"] = column("release")
        return table

    # ------------------------------------------------------------------ products

    def products(self, type=None, start=None, end=None, *, version=None, cadence=None, limit=None) -> QTable:
        """Every product of ``type`` (e.g. ``'dem'``) whose reference time lies in [start, end], oldest first, with
        its data file's size, SHA-256, URL, release and its inputs (observation ids)."""
        params = {"type": type, "from": iso(start), "to": iso(end), "version": version, "cadence": seconds(cadence)}
        params = {k: v for k, v in params.items() if v is not None}
        rows, page_number = [], 0
        while True:
            page = self.http.json("/api/v1/products", **params, page=page_number, size=PAGE_SIZE)
            rows.extend(page["items"])
            page_number += 1
            if len(rows) >= page["total"] or not page["items"] or (limit is not None and len(rows) >= limit):
                total = page["total"]
                break
        rows = sorted(rows[:limit] if limit else rows, key=lambda r: (r["referenceTime"], r["id"]))
        table = QTable()
        table["id"] = np.array([r["id"] for r in rows], dtype=np.int64)
        table["type"] = [r["type"] for r in rows]
        table["version"] = [r["version"] for r in rows]
        table["reference_time"] = Time([r["referenceTime"] for r in rows], scale="utc") if rows else Time([], format="isot")
        table["filename"] = [r.get("fileName") or "" for r in rows]
        table["size"] = u.Quantity(np.array([r.get("size") or 0 for r in rows], dtype=np.int64), u.byte, dtype=np.int64)
        table["sha256"] = [r.get("sha256") or "" for r in rows]
        table["url"] = [self.http.url(r["fileUrl"]) for r in rows]
        table["release"] = [r.get("release") or "" for r in rows]
        table["flags"] = [",".join(r.get("flags") or []) for r in rows]
        table["inputs"] = [",".join(str(i["observationId"]) for i in r.get("inputs") or []) for r in rows]
        table.meta.update({"total": total, "query": params, "server": self.base_url})
        return table

    # ------------------------------------------------------------------ downloads

    def download(self, results, directory=".", *, parallel: int = 4, progress: bool = True) -> list[Path]:
        """Downloads the files of ``results`` (a table from search or products, or rows of one) into ``directory``,
        ``parallel`` at a time, resuming partial files, retrying with back-off and verifying every SHA-256.

        Returns the verified paths in the order of the rows. Raises DownloadError listing the files that failed (a
        file whose checksum differs is deleted and listed); the others stay downloaded and verified.
        """
        rows = [results] if isinstance(results, (Row, dict)) else results
        remotes = []
        for row in rows:
            if not row["filename"]:
                raise MedocError(f"row {row['id']} has no file to download")
            remotes.append(RemoteFile(str(row["filename"]), str(row["url"]), int(u.Quantity(row["size"], u.byte).value),
                                      str(row["sha256"]).strip()))
        return download_files(self.http, remotes, directory, parallel=parallel, progress=progress)

    # ------------------------------------------------------------------ releases

    def releases(self) -> list[dict]:
        """The releases anyone may read (published and withdrawn), newest of each collection first."""
        return self.http.json("/api/v1/releases")

    def release(self, collection: str, version: str | None = None) -> "Release":
        """A published release; without ``version``, the newest published version of the collection."""
        if version is None:
            published = [r for r in self.releases() if r["collection"] == collection and r["state"] == "PUBLISHED"]
            if not published:
                raise MedocError(f"collection {collection!r} has no published release on {self.base_url}")
            version = max(published, key=lambda r: r["publishedAt"])["version"]
        return Release(self, self.http.json(f"/api/v1/releases/{collection}/{version}"))


class Release:
    """A published release: its metadata (``info``), its citation and its BagIt package."""

    def __init__(self, client: MedocClient, info: dict):
        self.client = client
        self.info = info
        self.collection = info["collection"]
        self.version = info["version"]
        self.identifier = info["identifier"]
        self.doi = info.get("doi")
        self.title = info.get("title")

    def __repr__(self):
        return f"<Release {self.collection} {self.version} {self.identifier} ({self.info.get('fileCount')} files)>"

    @property
    def _base(self) -> str:
        return f"/releases/{self.collection}/{self.version}"

    def cite(self, style: str = "bibtex") -> str:
        """The citation as the landing page exports it: ``'bibtex'`` or ``'ris'``."""
        kinds = {"bibtex": "cite.bib", "bib": "cite.bib", "ris": "cite.ris"}
        if style.lower() not in kinds:
            raise ValueError(f"style must be 'bibtex' or 'ris', was {style!r}")
        return self.client.http.text(f"{self._base}/{kinds[style.lower()]}")

    def download(self, directory=".", *, progress: bool = True) -> Path:
        """Downloads the release's BagIt package (zip) into ``directory`` (resuming a partial one) and checks every
        payload file against the package's own SHA-256 manifest; returns the zip's path."""
        url = self.client.http.url(f"{self._base}/package.zip")
        name = safe_name(f"{self.collection}-{self.version}.zip")
        target = Path(directory).expanduser() / name
        # the package is made on the fly: no catalogue checksum to compare with, so the bag's manifest is the check
        part = target.with_name(name + ".part")
        directory = Path(directory).expanduser()
        directory.mkdir(parents=True, exist_ok=True)
        with self.client.http.request("GET", url, stream=True) as response, open(part, "wb") as out:
            for chunk in response.iter_content(256 * 1024):
                out.write(chunk)
        verify_bag(part)
        part.replace(target)
        return target


def verify_bag(path: Path):
    """Checks each payload file of a zipped BagIt bag against its manifest-sha256.txt; ChecksumMismatch otherwise
    (the zip is deleted)."""
    with zipfile.ZipFile(path) as bag:
        names = bag.namelist()
        manifests = [n for n in names if n.rsplit("/", 1)[-1] == "manifest-sha256.txt"]
        if not manifests:
            return
        root = manifests[0][: -len("manifest-sha256.txt")]
        for line in bag.read(manifests[0]).decode("utf-8").splitlines():
            if not line.strip():
                continue
            expected, _, relative = line.partition(" ")
            relative = relative.strip().lstrip("*")
            digest = hashlib.sha256()
            with bag.open(root + relative) as member:
                for block in iter(lambda: member.read(1024 * 1024), b""):
                    digest.update(block)
            if digest.hexdigest() != expected.lower():
                path.unlink()
                raise ChecksumMismatch(Path(relative), expected, digest.hexdigest())
