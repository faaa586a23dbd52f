"""``/api/documents``: one document with its evidence marked, and ingesting documents.

Ingest goes through the ingest stage itself (:func:`sahelwatch.ingest.read_sources` over a
temporary JSON Lines file), so a document sent to the API is read, normalised, hashed,
language-checked and rejected exactly as one read from a file. Documents are stored, not
coded: ``sahelwatch code`` codes what is new (coding loads the language models, which a web
request should not wait for).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from sahelwatch.api._auth import Analyst, Reader
from sahelwatch.api._errors import NotFoundError
from sahelwatch.api._marks import document_marks, segments
from sahelwatch.api._serialize import document_json, jsonable
from sahelwatch.api._state import app_state, store_of
from sahelwatch.ingest import read_sources
from sahelwatch.model import Document, Rejected
from sahelwatch.store import Store

router = APIRouter(prefix="/api/documents", tags=["documents"])

MAX_BATCH = 500
MAX_TEXT = 2_000_000


def marked_document(store: Store, doc_id: str) -> dict[str, Any]:
    """The document, its marks (evidence, places, assessments) and its text cut at them."""
    document = store.document(doc_id)
    if document is None:
        raise NotFoundError(f"no document {doc_id}")
    reports = store.document_reports(doc_id)
    assessments = [a for a in store.assessments() if a.doc_id == doc_id]
    marks = document_marks(document.text, reports, store.place_mentions(doc_id), assessments)
    body = document_json(document)
    body["marks"] = [jsonable(mark) for mark in marks]
    body["segments"] = [jsonable(segment) for segment in segments(document.text, marks)]
    body["events"] = sorted({event_id for event_id, _ in reports})
    body["assessments"] = [jsonable(a) for a in assessments]
    return body


@router.get("/{doc_id}", summary="A document's text with its evidence spans marked")
def get_document(request: Request, _: Reader, doc_id: str) -> dict[str, Any]:
    """`segments` cut the text at every mark; each lists the indexes of the `marks`
    (evidence of an event's report, a place, an assessment) that cover it."""
    return marked_document(store_of(request), doc_id)


class DocumentIn(BaseModel):
    """One article: `text` (or `html`) and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=MAX_TEXT)
    html: str | None = Field(default=None, max_length=MAX_TEXT)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: dt.date | None = None
    language: str | None = Field(default=None, max_length=16)


class DocumentBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_BATCH)


def _line(document: DocumentIn) -> str:
    record = document.model_dump(exclude_none=True)
    if document.published is not None:
        record["published"] = document.published.isoformat()
    return json.dumps(record, ensure_ascii=False)


def _read(request: Request, documents: list[DocumentIn], source: str) -> list[Document | Rejected]:
    """Read the documents with the ingest stage; sources become `source#n`."""
    with tempfile.TemporaryDirectory(prefix="sahelwatch-api-") as folder:
        path = Path(folder) / "documents.jsonl"
        path.write_text("".join(_line(d) + "\n" for d in documents), "utf-8")
        items = list(read_sources([str(path)], app_state(request).settings))
    read: list[Document | Rejected] = []
    for item in items:
        number = item.source.rpartition(":")[2] if item.source else "?"
        read.append(dataclasses.replace(item, source=f"{source}#{number}"))
    return read


@router.post("", summary="Store one document or a batch (analyst)", status_code=201)
def post_documents(
    request: Request,
    caller: Analyst,
    body: Annotated[DocumentIn | DocumentBatch, Body()],
) -> JSONResponse:
    """Store documents as received (`{"text": ...}` or `{"documents": [...]}`).

    Each comes back `added`, `duplicate` (the same text is stored already) or
    `rejected` with its reason; the status is 201 when something was added, else 200.
    Stored documents are coded by `sahelwatch code`.
    """
    documents = body.documents if isinstance(body, DocumentBatch) else [body]
    store = store_of(request)
    results: list[dict[str, str | None]] = []
    for item in _read(request, documents, f"api:{caller.author.name}"):
        added = store.add_documents([item])
        if isinstance(item, Rejected):
            results.append({"status": "rejected", "reason": item.reason, "detail": item.detail})
        else:
            status = "added" if added.added else "duplicate"
            results.append({"status": status, "id": item.id, "language": item.language})
    counts = {s: sum(r["status"] == s for r in results) for s in ("added", "duplicate", "rejected")}
    body_out = {"documents": results, **counts, "coded": False}
    return JSONResponse(body_out, status_code=201 if counts["added"] else 200)
