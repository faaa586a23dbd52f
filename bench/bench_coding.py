"""The coder's cost: the extract stage against bare spaCy ``nlp.pipe`` on the same texts.

The texts are the bundled samples repeated (distinct copies), plus invented ACLED-style one-line
notes; the benchmark parses them once with ``nlp.pipe`` (timed), then codes the parsed documents
with :func:`sahelwatch.extract.extract_events` (timed). The target is coding <= 25% of parsing.
"""

from __future__ import annotations

import resource
import time
from importlib import resources
from typing import Any

from sahelwatch.coding import build_toolkit
from sahelwatch.extract import extract_events
from sahelwatch.model import Document
from sahelwatch.nlp import Parsed
from sahelwatch.settings import load_settings

COPIES = 10
NOTES = (
    "On {n} March 2020, presumed JNIM militants attacked the village of Town{n} and killed "
    "{n} civilians.",
    "On {n} May 2020, unknown gunmen abducted a village chief near Hamlet{n}.",
    "Students staged a sit-in in City{n} to demand the resumption of classes.",
)  # fmt: skip


def _documents() -> list[Document]:
    samples = resources.files("sahelwatch").joinpath("data", "samples")
    documents = []
    for copy in range(COPIES):
        for item in sorted(samples.iterdir(), key=lambda p: p.name):
            if not item.name.endswith(".md"):
                continue
            raw = item.read_text("utf-8").split("---", 2)[2]
            text = f"{raw}\n\nCopy {copy}."
            language = "fr" if item.name.startswith("fr-") else "en"
            documents.append(Document(f"{copy}-{item.name}", text, text.encode(), language))
    for number in range(300):
        text = NOTES[number % 3].format(n=number % 28 + 1)
        documents.append(Document(f"note-{number}", text, text.encode(), "en"))
    return documents


def run() -> dict[str, Any]:
    toolkit = build_toolkit(load_settings(), learned=False)
    documents = _documents()
    parsed: list[Parsed] = []
    parse_s = 0.0
    for language in ("en", "fr"):
        batch = [d for d in documents if d.language == language]
        nlp = toolkit.pipelines.get(language)
        toolkit.coder.for_language(nlp, language)  # build the matchers outside the timing
        started = time.perf_counter()
        docs = list(nlp.pipe((d.text for d in batch), batch_size=32))
        parse_s += time.perf_counter() - started
        parsed += [Parsed(d, doc) for d, doc in zip(batch, docs, strict=True)]
    started = time.perf_counter()
    extractions = list(extract_events(parsed, toolkit.coder, toolkit.pipelines))
    code_s = time.perf_counter() - started
    return {
        "documents": len(documents),
        "nlp_pipe_s": round(parse_s, 2),
        "extract_s": round(code_s, 2),
        "extract_over_nlp": round(code_s / parse_s, 3),
        "events": sum(len(e.reports) for e in extractions),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
