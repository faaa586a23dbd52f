"""Country codes for the store: ACLED's numeric ``iso`` column and ISO filters.

The table itself is :mod:`sahelwatch.countries` (GeoNames countryInfo, CC BY 4.0).
"""

from __future__ import annotations

from sahelwatch.countries import countries


def country_code(text: str | None) -> str | None:
    """The alpha-2 code for an alpha-2 or alpha-3 code, an English name or an alias, any case."""
    country = countries().find(text)
    return country.iso2 if country else None


def iso_numeric(alpha2: str | None) -> int | None:
    """ISO 3166-1 numeric code (ACLED's ``iso`` column) of an alpha-2 code."""
    country = countries().find(alpha2)
    return country.iso_numeric if country else None
