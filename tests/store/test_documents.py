"""Store.add_documents, document, rejects and documents_to_code."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from factories import CODER, make_document, make_rejected
from sahelwatch.model import Document, Extraction, Rejected
from sahelwatch.store import AddResult, Store
from sahelwatch.store._store import ADD_BATCH, CODE_PAGE


def test_add_documents_round_trips_every_field(store: Store) -> None:
    doc = make_document()

    result = store.add_documents([doc])

    assert result == AddResult(added=1, duplicates=0, rejected=0)
    assert store.document(doc.id) == doc


def test_add_documents_round_trips_a_minimal_document(store: Store) -> None:
    doc = Document(id="d-min", text="", raw=b"\x00\xff binary", language=None)

    store.add_documents([doc])

    assert store.document("d-min") == doc


def test_add_documents_is_idempotent(store: Store) -> None:
    docs = [make_document(f"report number {n}") for n in range(3)]
    store.add_documents(docs)

    again = store.add_documents([*docs, docs[0]])

    assert again == AddResult(added=0, duplicates=4, rejected=0)
    assert store.counts()["documents"] == 3


def test_add_documents_keeps_the_first_document_of_an_id(store: Store) -> None:
    doc = make_document()
    store.add_documents([doc, dataclasses.replace(doc, title="Another title")])

    assert store.document(doc.id) == doc


def test_add_documents_stores_an_identical_reject_once(store: Store) -> None:
    empty = make_rejected()
    binary = make_rejected(reason="binary", detail="the file is not text")
    changed_detail = make_rejected(detail="the same reject, told differently")

    result = store.add_documents([empty, binary, empty, changed_detail])

    assert result == AddResult(added=0, duplicates=2, rejected=2)
    assert store.rejects() == [empty, binary]
    assert store.add_documents([binary]) == AddResult(added=0, duplicates=1, rejected=0)


def test_add_documents_tells_rejects_of_different_documents_apart(store: Store) -> None:
    first = make_rejected(stage="nlp", reason="language", document_id="d1")
    second = dataclasses.replace(first, document_id="d2")

    assert store.add_documents([first, second]).rejected == 2


def test_rejects_filters_by_stage(store: Store) -> None:
    ingest = make_rejected()
    nlp = make_rejected(stage="nlp", reason="language", detail="Hausa is not supported")
    store.add_documents([ingest, nlp])

    assert store.rejects("nlp") == [nlp]
    assert store.rejects("ingest") == [ingest]
    assert store.rejects("extract") == []


def test_add_documents_counts_across_batches(store: Store) -> None:
    docs = [make_document(f"document {n}") for n in range(ADD_BATCH * 2 + 50)]
    rejects = [make_rejected(source=f"/data/{n}.bin") for n in range(30)]

    result = store.add_documents([*docs, *rejects])

    assert result == AddResult(added=len(docs), duplicates=0, rejected=30)
    assert store.counts()["documents"] == len(docs)
    assert store.counts()["rejects"] == 30


def test_add_documents_keeps_committed_batches_when_the_input_fails(store: Store) -> None:
    def items() -> Iterator[Document | Rejected]:
        for n in range(ADD_BATCH + 50):
            yield make_document(f"document {n}")
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        store.add_documents(items())

    assert store.counts()["documents"] == ADD_BATCH


def test_document_returns_none_for_an_unknown_id(store: Store) -> None:
    assert store.document("no-such-document") is None


def test_documents_to_code_yields_uncoded_and_other_coder_versions(store: Store) -> None:
    a, b, c = (make_document(f"document {name}") for name in "abc")
    store.add_documents([a, b, c])
    store.save_extraction(Extraction(a), [], "rules-0.1")
    store.save_extraction(Extraction(b), [], "rules-0.2")

    assert {doc.id for doc in store.documents_to_code("rules-0.1")} == {b.id, c.id}
    assert {doc.id for doc in store.documents_to_code("rules-0.2")} == {a.id, c.id}
    assert [doc.id for doc in store.documents_to_code("rules-0.3")] == sorted([a.id, b.id, c.id])
    assert store.counts()["coded"] == 2


def test_documents_to_code_yields_whole_documents(store: Store) -> None:
    doc = make_document()
    store.add_documents([doc])

    assert list(store.documents_to_code(CODER)) == [doc]


def test_documents_to_code_pages_while_the_caller_saves(store: Store) -> None:
    docs = [make_document(f"document {n}") for n in range(CODE_PAGE * 2 + 7)]
    store.add_documents(docs)

    seen = []
    for doc in store.documents_to_code(CODER):
        seen.append(doc.id)
        store.save_extraction(Extraction(doc), [], CODER)

    assert sorted(seen) == sorted(doc.id for doc in docs)
    assert len(seen) == len(set(seen))
    assert list(store.documents_to_code(CODER)) == []


def test_add_documents_rejects_a_document_the_database_refuses(store: Store) -> None:
    good, other = make_document("a good report"), make_document("another good report")
    refused = make_document("a report without a media type", media_type=None)

    result = store.add_documents([good, refused, other])

    assert result == AddResult(added=2, duplicates=0, rejected=1)
    (reject,) = store.rejects("store")
    assert (reject.reason, reject.document_id, reject.source) == (
        "unstorable",
        refused.id,
        refused.source,
    )
    assert store.document(refused.id) is None
    assert store.document(other.id) == other
