"""HTTP: one client per ``read_sources`` call, bodies streamed under the size limit.

The transport is the test seam: tests pass an ``httpx.MockTransport``; nothing is patched.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType

import httpx

from sahelwatch.ingest._draft import oversize, reject
from sahelwatch.model import Rejected
from sahelwatch.settings import Settings

_HEADERS = {"User-Agent": "sahelwatch (offline crisis event monitor)"}


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body as received, with what its headers say about it."""

    url: str
    body: bytes
    content_type: str | None
    charset: str | None


class Fetcher:
    """Fetches URLs through one lazily opened ``httpx.Client``; use it as a context manager."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None) -> None:
        self._settings = settings
        self._transport = transport
        self._client: httpx.Client | None = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str) -> Fetched | Rejected:
        """GET ``url``; an HTTP error, a timeout or a body over the size limit is a rejection."""
        try:
            return self._get(url)
        except httpx.TimeoutException:
            timeout = self._settings.fetch_timeout_s
            return reject("fetch", f"no answer within {timeout:g} s (ingest.fetch_timeout_s)", url)
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            return reject("fetch", f"cannot fetch the URL: {error or type(error).__name__}", url)

    def _get(self, url: str) -> Fetched | Rejected:
        limit = self._settings.max_file_bytes
        with self._open().stream("GET", url) as response:
            if not response.is_success:
                detail = f"the server answered HTTP {response.status_code} {response.reason_phrase}"
                return reject("fetch", detail, url)
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > limit:
                return oversize(int(length), limit, url)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    return oversize(None, limit, url)
            content_type = response.headers.get("Content-Type")
            media_type = content_type.split(";")[0].strip().lower() if content_type else None
            return Fetched(str(response.url), bytes(body), media_type, response.charset_encoding)

    def _open(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                transport=self._transport,
                timeout=self._settings.fetch_timeout_s,
                follow_redirects=True,
                headers=_HEADERS,
            )
        return self._client
