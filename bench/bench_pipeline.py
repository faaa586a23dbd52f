"""Ingest and code the bundled samples many times over (distinct texts) in a fresh SQLite file."""

from __future__ import annotations

import resource
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

from sahelwatch.cli.code import code_stored
from sahelwatch.cli.ingest import ingest_sources
from sahelwatch.settings import load_settings

COPIES = 10


def _corpus(folder: Path) -> int:
    samples = resources.files("sahelwatch").joinpath("data", "samples")
    count = 0
    for copy in range(COPIES):
        for item in samples.iterdir():
            if item.name.endswith(".md"):
                text = item.read_text("utf-8")
                # A distinct closing line makes each copy a distinct document (new content hash).
                (folder / f"{copy:03d}-{item.name}").write_text(
                    f"{text}\n\nCopy {copy} of this report.\n", "utf-8"
                )
                count += 1
    return count


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        documents = _corpus(folder)
        settings = load_settings(environ={"SAHELWATCH_DB": f"sqlite:///{tmp}/bench.db"})
        started = time.perf_counter()
        ingest_sources([str(folder)], settings)
        ingested = time.perf_counter()
        result = code_stored(settings)
        coded = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "documents": documents,
        "ingest_docs_per_s": round(documents / (ingested - started), 1),
        "code_docs_per_s": round(result.documents / (coded - ingested), 1),
        "events": result.events,
        "peak_rss_mb": round(peak_mb),
    }
