"""Downloads that never end silently partial: resume, retries with back-off, SHA-256 of every file, a progress bar."""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import requests

from .errors import ApiError, ChecksumMismatch, DownloadError, FailedFile
from .http import RETRYABLE, Http, api_error

CHUNK = 256 * 1024


@dataclass(frozen=True)
class RemoteFile:
    """A file to fetch: its name on disk, absolute URL, size in bytes and SHA-256 (hex) from the catalogue."""
    name: str
    url: str
    size: int
    sha256: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def safe_name(name: str) -> str:
    """The last path segment only: a catalogue name never writes outside the target directory."""
    base = os.path.basename(str(name).replace("\\", "/"))
    if base in ("", ".", ".."):
        raise ValueError(f"not a file name: {name!r}")
    return base


class Progress:
    """A one-line progress bar on standard error: files done and bytes received of the whole download."""

    def __init__(self, files: int, total_bytes: int, enabled: bool):
        self.files, self.total = files, max(total_bytes, 1)
        self.done_files, self.bytes = 0, 0
        self.enabled = enabled
        self.lock = threading.Lock()

    def advance(self, received: int = 0, finished: bool = False):
        with self.lock:
            self.bytes += received
            self.done_files += 1 if finished else 0
            if self.enabled:
                share = min(self.bytes / self.total, 1.0)
                bar = "#" * int(share * 30)
                sys.stderr.write(f"\rmedoc: {self.done_files}/{self.files} files "
                                 f"{self.bytes / 1e6:8.2f}/{self.total / 1e6:.2f} MB [{bar:<30}]")
                sys.stderr.flush()

    def close(self):
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def download_files(http: Http, files: list[RemoteFile], directory, *, parallel: int = 4, progress: bool = True,
                   retries: int | None = None) -> list[Path]:
    """Downloads every file into ``directory`` and verifies it; the verified paths in the order of ``files``.

    A file already there with the right SHA-256 is kept; a ``<name>.part`` left by an interrupted download resumes
    with an HTTP Range request. Connection failures and busy answers are retried with exponential back-off; a file
    whose SHA-256 differs is deleted and fetched once more from scratch. Raises DownloadError listing every file that
    still failed (the others are in its ``downloaded``).
    """
    directory = Path(directory).expanduser()
    directory.mkdir(parents=True, exist_ok=True)
    retries = http.retries if retries is None else retries
    bar = Progress(len(files), sum(f.size for f in files), progress)
    results: dict[int, Path | FailedFile] = {}

    def one(index: int, remote: RemoteFile):
        try:
            results[index] = fetch_verified(http, remote, directory, retries, bar)
        except Exception as e:  # every failure is reported, none is swallowed
            results[index] = FailedFile(remote.name, remote.url, str(e))
        finally:
            bar.advance(finished=True)

    try:
        with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
            for future in [pool.submit(one, i, f) for i, f in enumerate(files)]:
                future.result()
    finally:
        bar.close()
    ordered = [results[i] for i in range(len(files))]
    failed = [r for r in ordered if isinstance(r, FailedFile)]
    downloaded = [r for r in ordered if isinstance(r, Path)]
    if failed:
        raise DownloadError(failed, downloaded)
    return downloaded


def fetch_verified(http: Http, remote: RemoteFile, directory: Path, retries: int, bar: Progress) -> Path:
    target = directory / safe_name(remote.name)
    if target.exists():
        if target.stat().st_size == remote.size and sha256_of(target) == remote.sha256:
            bar.advance(remote.size)
            return target
        target.unlink()  # not the catalogued file: fetch it again
    part = target.with_name(target.name + ".part")
    mismatches = 0
    attempt = 0
    while True:
        try:
            complete = transfer(http, remote, part, bar)
        except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as e:
            if attempt >= retries:
                raise RuntimeError(f"connection failed {attempt + 1} times, last: {e}; "
                                   f"{part.name} is kept and resumes next time") from e
            http.sleep(attempt)
            attempt += 1
            continue
        except _Busy as e:
            if attempt >= retries:
                raise RuntimeError(f"the server answered HTTP {e.status} {attempt + 1} times") from e
            http.sleep(attempt, e.retry_after)
            attempt += 1
            continue
        if not complete:
            continue
        actual = sha256_of(part)
        if actual == remote.sha256:
            os.replace(part, target)
            return target
        part.unlink()
        mismatches += 1
        if mismatches > 1:
            raise ChecksumMismatch(target, remote.sha256, actual)


class _Busy(Exception):
    def __init__(self, status: int, retry_after: str | None):
        super().__init__(f"HTTP {status}")
        self.status, self.retry_after = status, retry_after


def transfer(http: Http, remote: RemoteFile, part: Path, bar: Progress) -> bool:
    """Appends the missing bytes to ``part``; False when the part had to be dropped (start again)."""
    offset = part.stat().st_size if part.exists() else 0
    if offset > remote.size:
        part.unlink()
        return False
    if offset == remote.size and offset > 0:
        return True  # complete already: only the verification is left
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    with http.session.get(remote.url, headers=headers, stream=True, timeout=http.timeout) as response:
        if response.status_code in RETRYABLE:
            raise _Busy(response.status_code, response.headers.get("Retry-After"))
        if response.status_code == 416:  # the part does not fit the file any more
            part.unlink(missing_ok=True)
            return False
        if response.status_code not in (200, 206):
            error: ApiError = api_error(response)
            raise error
        # a server that ignores the range sends the whole file: start the part again
        mode = "ab" if response.status_code == 206 and offset else "wb"
        if mode == "ab":
            bar.advance(offset)
        with open(part, mode) as out:
            for chunk in response.iter_content(CHUNK):
                out.write(chunk)
                bar.advance(len(chunk))
    received = part.stat().st_size
    if received < remote.size:
        # the connection ended early without an error (urllib3 does not insist on Content-Length): resume it
        raise requests.ConnectionError(f"the transfer ended at {received} of {remote.size} bytes")
    return True
