"""Helpers and texts shared by the ingest tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sahelwatch.model import Document, Rejected

Results = list[Document | Rejected]
Read = Callable[..., Results]
# Short texts written for these tests, one or two sentences each (lingua needs that much).
ENGLISH = (
    "Armed men on motorbikes attacked a cattle market near Ansongo on Friday, and residents "
    "said several herders were killed while hundreds of families fled toward Gao."
)
FRENCH = (
    "Des hommes armés à moto ont attaqué un marché à bétail près d'Ansongo vendredi ; selon "
    "des habitants, plusieurs éleveurs ont été tués et des centaines de familles ont fui vers Gao."
)
SPANISH = (
    "Hombres armados en motocicleta atacaron un mercado de ganado cerca de Ansongo el viernes, "
    "y los vecinos dijeron que varios pastores murieron mientras cientos de familias huían."
)
GERMAN = (
    "Bewaffnete Männer auf Motorrädern griffen am Freitag einen Viehmarkt bei Ansongo an; "
    "Anwohner berichteten, dass mehrere Hirten getötet wurden und Hunderte Familien flohen."
)


def documents(results: Iterable[Document | Rejected]) -> list[Document]:
    return [result for result in results if isinstance(result, Document)]


def rejections(results: Iterable[Document | Rejected]) -> list[Rejected]:
    return [result for result in results if isinstance(result, Rejected)]


def only_document(results: Results) -> Document:
    assert len(results) == 1, results
    assert isinstance(results[0], Document), results[0]
    return results[0]


def only_rejection(results: Results) -> Rejected:
    assert len(results) == 1, results
    assert isinstance(results[0], Rejected), results[0]
    assert results[0].stage == "ingest"
    assert "\n" not in results[0].detail
    return results[0]


# Over 400 characters: a feed item carrying this much text is not fetched.
LONG_ENGLISH = (
    "Humanitarian workers in Menaka said on Monday that a cholera treatment centre had run out "
    "of oral rehydration salts after a week in which more than forty patients were admitted. "
    "Displaced families living in makeshift shelters on the edge of town told aid staff that the "
    "only borehole nearby had broken down, forcing women and children to fetch water from a pond "
    "shared with livestock, and local health officials asked for tankers and new supplies."
)


def article_html(title: str, published: str, *paragraphs: str) -> str:
    """A small news page with navigation and a footer around the article."""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title} | Sahel Ledger</title>"
        f"<meta property='article:published_time' content='{published}'>"
        "<meta property='og:site_name' content='Sahel Ledger'></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    )
