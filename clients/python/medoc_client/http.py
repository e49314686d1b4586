"""The HTTP side of the client: one session, problem details turned into ApiError, retries with back-off."""

from __future__ import annotations

import time
from urllib.parse import urljoin

import requests

from . import __version__
from .errors import ApiError, ServerUnreachable

#: Status codes worth retrying: the server is busy or restarting, or a gateway timed out.
RETRYABLE = {429, 502, 503, 504}


class Http:
    """A requests session bound to one medoc server."""

    def __init__(self, base_url: str, token=None, timeout: float = 30.0, retries: int = 3, backoff: float = 0.5):
        if not base_url or "://" not in base_url:
            raise ValueError(f"base_url must be the server's address, such as http://localhost:8080, was {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.session = requests.Session()
        self.session.headers["User-Agent"] = f"medoc-client/{__version__}"
        self.session.headers["Accept"] = "application/json, application/problem+json;q=0.9, */*;q=0.5"
        if token is not None:
            # medoc's API authenticates with HTTP Basic: token is 'user:password' or a (user, password) pair; any
            # other string is sent as a bearer token (for a gateway in front of medoc)
            if isinstance(token, (tuple, list)):
                self.session.auth = tuple(token)
            elif ":" in token:
                user, _, password = token.partition(":")
                self.session.auth = (user, password)
            else:
                self.session.headers["Authorization"] = f"Bearer {token}"

    def url(self, path: str) -> str:
        """An absolute URL for a path of the server (``/api/v1/...``); absolute URLs are kept."""
        return path if "://" in path else urljoin(self.base_url + "/", path.lstrip("/"))

    def request(self, method: str, path: str, *, stream: bool = False, ok=(200,), **kwargs) -> requests.Response:
        """The response, after retrying connection failures and busy answers; ApiError for any other refusal."""
        url = self.url(path)
        kwargs.setdefault("timeout", self.timeout)
        for attempt in range(self.retries + 1):
            try:
                response = self.session.request(method, url, stream=stream, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as e:
                if attempt < self.retries:
                    self.sleep(attempt)
                    continue
                raise ServerUnreachable(self.base_url, e) from e
            if response.status_code in RETRYABLE and attempt < self.retries:
                response.close()
                self.sleep(attempt, response.headers.get("Retry-After"))
                continue
            if response.status_code not in ok:
                raise api_error(response)
            return response
        raise AssertionError("unreachable")

    def json(self, path: str, **params):
        return self.request("GET", path, params={k: v for k, v in params.items() if v is not None}).json()

    def text(self, path: str) -> str:
        response = self.request("GET", path)
        response.encoding = response.encoding or "utf-8"
        return response.text

    def sleep(self, attempt: int, retry_after: str | None = None):
        delay = self.backoff * (2 ** attempt)
        if retry_after and retry_after.isdigit():
            delay = max(delay, min(float(retry_after), 60.0))
        time.sleep(delay)


def api_error(response: requests.Response) -> ApiError:
    problem = None
    if "json" in response.headers.get("Content-Type", ""):
        try:
            problem = response.json()
        except ValueError:
            problem = None
    text = "" if problem else response.text
    response.close()
    return ApiError(response.status_code, response.url, problem if isinstance(problem, dict) else None, text)
