"""`sahelwatch evaluate geoparse` and `geoparse-acled`: score the geocoder on gold data."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from sahelwatch.cli._console import console, settings
from sahelwatch.evaluate.geoparse import read_geowebnews, score_end_to_end, score_gold_spans
from sahelwatch.evaluate.geoparse_acled import read_acled_rows, score_acled_places
from sahelwatch.geo import build_geoparser, open_gazetteer
from sahelwatch.geo.context import demonym_countries
from sahelwatch.geo.resolve import seat_of


def register(app: typer.Typer) -> None:
    """Add ``geoparse`` and ``geoparse-acled`` to ``app``."""

    @app.command()
    def geoparse(
        source: Annotated[Path, typer.Argument(help="GeoWebNews XML (GWN.xml).")],
        as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
        demonyms: Annotated[
            bool,
            typer.Option(
                "--demonyms",
                help="Recognise demonyms ('Russian') as mentions of their countries, as "
                "GeoWebNews annotates them (sahelwatch reads them as context, not places).",
            ),
        ] = False,
    ) -> None:
        """Geocoding accuracy given the gold spans, and end to end (recognition + resolution)."""
        current = settings()
        articles = read_geowebnews(source)
        with open_gazetteer() as gazetteer:
            parser = build_geoparser(
                dict(current.spacy_models), gazetteer, current.batch_size, demonyms=demonyms
            )
            gold = score_gold_spans(articles, parser.resolve)
            texts = [a.text for a in articles]
            recognised = dict(zip(texts, parser.recognize(texts, "en"), strict=True))
            end = score_end_to_end(articles, lambda text: recognised[text], parser.resolve)
        result = {
            "gold_spans": asdict(gold),
            "end_to_end": {**asdict(end.scores), "precision": end.precision, "recall": end.recall},
        }
        if as_json:
            print(json.dumps(result))
            return
        for name, scores in result.items():
            console.print(f"{name}: {_figures(scores)}")

    @app.command("geoparse-acled")
    def geoparse_acled(
        source: Annotated[Path, typer.Argument(help="ACLED-format CSV with notes and points.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    ) -> None:
        """Place-only scores on ACLED rows: event point within 25 km, country right."""
        current = settings()
        rows = read_acled_rows(source)
        with open_gazetteer() as gazetteer:
            parser = build_geoparser(dict(current.spacy_models), gazetteer, current.batch_size)
            cues = parser.resolver.cues
            scores = score_acled_places(
                rows,
                lambda texts: parser.parse(texts, "en"),
                cues.country_of,
                lambda text: _main(demonym_countries(text, cues)),
                lambda place: seat_of(place, gazetteer) or place,
                gazetteer.capital,
            )
        if as_json:
            print(json.dumps(asdict(scores)))
            return
        console.print(_figures(asdict(scores)))


def _figures(scores: dict[str, Any]) -> str:
    return ", ".join(
        f"{key} {value:.3f}" if isinstance(value, float) else f"{key} {value}"
        for key, value in scores.items()
    )


def _main(countries: Counter[str]) -> str | None:
    return countries.most_common(1)[0][0] if countries else None
