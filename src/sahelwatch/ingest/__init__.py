"""The ingest stage: files, directories and URLs in, ``Document`` or ``Rejected`` values out.

Formats: plain text and Markdown (optional ``key: value`` front matter), HTML (trafilatura),
JSON Lines, RSS/Atom feeds (feedparser; short items have their page fetched) and ACLED-format
CSV. Content that cannot be read is a ``Rejected(stage="ingest")`` with a short reason code
(``missing``, ``unreadable``, ``empty``, ``binary``, ``oversize``, ``encoding``, ``malformed``,
``unsupported``, ``fetch``, ``language``) and a one-line detail; the run always goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import httpx

from sahelwatch.ingest._draft import document_id
from sahelwatch.ingest._language import LanguageResolver, Refusal
from sahelwatch.ingest._reader import Reader
from sahelwatch.model import Document, Rejected
from sahelwatch.settings import Settings

# LanguageResolver serves callers that code texts not read from sources (``sahelwatch extract``).
__all__ = ["LanguageResolver", "Refusal", "document_id", "read_sources"]


def read_sources(
    sources: Iterable[str],
    settings: Settings,
    *,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[Document | Rejected]:
    """Yield one ``Document`` per article and one ``Rejected`` per thing that cannot be read.

    ``sources`` are file paths, directories (walked recursively in sorted order, hidden
    entries skipped) and http(s) URLs. ``transport`` replaces the network for HTTP (tests pass
    an ``httpx.MockTransport``). Settings that cannot be used (an unknown language or
    encoding) raise ``SettingsError`` here, before anything is read.
    """
    if isinstance(sources, str):
        sources = (sources,)
    return Reader(settings, transport).read(sources)
