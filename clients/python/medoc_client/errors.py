"""Errors a user can act on: each says what went wrong and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["MedocError", "ServerUnreachable", "ApiError", "ChecksumMismatch", "FailedFile", "DownloadError"]


class MedocError(Exception):
    """Base of every error of the medoc client."""


class ServerUnreachable(MedocError):
    """The server did not answer (wrong address, server down, network or proxy problem)."""

    def __init__(self, base_url: str, cause: Exception):
        self.base_url = base_url
        self.cause = cause
        super().__init__(f"cannot reach the medoc server at {base_url} ({type(cause).__name__}: {cause}); "
                         "check the address, that the server is running and your network or proxy settings")


class ApiError(MedocError):
    """The server refused a request; ``problem`` is its RFC 9457 problem detail (title, detail, parameter...)."""

    def __init__(self, status: int, url: str, problem: dict | None, text: str = ""):
        self.status = status
        self.url = url
        self.problem = problem or {}
        self.title = self.problem.get("title")
        self.detail = self.problem.get("detail") or text.strip()[:300]
        self.parameter = self.problem.get("parameter")
        message = f"HTTP {status}"
        if self.title:
            message += f" {self.title}"
        if self.detail:
            message += f": {self.detail}"
        if status in (401, 403):
            message += " (this needs a medoc account with the right role: MedocClient(url, token='user:password'))"
        super().__init__(f"{message} [{url}]")


class ChecksumMismatch(MedocError):
    """A downloaded file's SHA-256 differs from the catalogue's: the file was deleted."""

    def __init__(self, path: Path | str, expected: str, actual: str):
        self.path = Path(path)
        self.expected = expected
        self.actual = actual
        super().__init__(f"{self.path.name}: SHA-256 {actual} differs from the catalogue's {expected}; "
                         "the file was deleted, download it again (if it keeps failing, tell the archive)")


@dataclass(frozen=True)
class FailedFile:
    """One file a download could not deliver verified."""
    name: str
    url: str
    reason: str

    def __str__(self):
        return f"{self.name} ({self.url}): {self.reason}"


class DownloadError(MedocError):
    """Some files of a download failed; ``downloaded`` holds the verified ones, ``failed`` the others with why.

    Nothing is silently left out: call ``download`` again to retry the failed files (partial files resume).
    """

    def __init__(self, failed: list[FailedFile], downloaded: list[Path]):
        self.failed = list(failed)
        self.downloaded = list(downloaded)
        lines = "\n".join(f"  - {f}" for f in self.failed)
        super().__init__(f"{len(self.failed)} of {len(self.failed) + len(self.downloaded)} files failed "
                         f"(the {len(self.downloaded)} others are downloaded and verified):\n{lines}\n"
                         "Run the same download again to retry them; partial files resume where they stopped.")
