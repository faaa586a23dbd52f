"""Tiny hand-written GeoNames dumps (same 19-column format as the real files)."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path


def row(
    geonameid: int,
    name: str,
    alternates: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    country: str,
    admin1: str = "",
    admin2: str = "",
    population: int = 0,
    modified: str = "2021-03-10",
) -> str:
    ascii_name = name.encode("ascii", "ignore").decode() or name
    cells = [
        str(geonameid),
        name,
        ascii_name,
        alternates,
        str(lat),
        str(lon),
        fclass,
        fcode,
        country,
        "",
        admin1,
        admin2,
        "",
        "",
        str(population),
        "",
        "400",
        "Africa/Bamako",
        modified,
    ]
    return "\t".join(cells)


ML_ROWS = [
    row(
        2476086,
        "Ti-n-Zaouâtene",
        "Bordj Pierre Bordes,Tin Zaouaten,Tinzaouaten,تين زواتين",
        19.95427,
        2.96732,
        "P",
        "PPL",
        "ML",
        "10",
    ),
    row(
        2455290,
        "Kidal",
        "Kidal,Kidali,Кидаль,كيدال",
        18.44111,
        1.40778,
        "P",
        "PPLA",
        "ML",
        "10",
        population=11643,
    ),
    row(2455289, "Kidal", "", 18.46111, 1.385, "H", "WAD", "ML", "00"),
    row(
        2597449,
        "Kidal Region",
        "Kidal,Région de Kidal",
        19.7,
        1.3,
        "A",
        "ADM1",
        "ML",
        "10",
        population=67638,
    ),
    row(
        2459652,
        "Boughessa",
        "Boughessa,Bouressa",
        20.01361,
        2.26306,
        "P",
        "PPL",
        "ML",
        "10",
        "8631541",
    ),
    row(
        2453866,
        "Republic of Mali",
        "Mali,République du Mali,مالي",
        17.0,
        -4.0,
        "A",
        "PCLI",
        "ML",
        "00",
        population=19077690,
    ),
]
CITIES_ROWS = [
    # also in ML.txt, but older here: the ML.txt row must win
    row(
        2455290,
        "Kidal",
        "Kidal",
        18.4,
        1.4,
        "P",
        "PPLA",
        "ML",
        "10",
        population=1,
        modified="2001-01-01",
    ),
    row(
        2493273,
        "In Guezzam",
        "I-n-Guezzam,In Guezam,TMR,عين قزام,Ин-Геззам",
        19.57361,
        5.76806,
        "P",
        "PPLA",
        "DZ",
        "IG",
        population=11000,
    ),
    row(
        2507480,
        "Algiers",
        "Alger,Argel,الجزائر,Алжир",
        36.73225,
        3.08746,
        "P",
        "PPLC",
        "DZ",
        "01",
        population=1977663,
    ),
    row(
        5000001,
        "Morocco",
        "Morocco Town,Марокко",
        40.95,
        -87.45,
        "P",
        "PPL",
        "US",
        "IN",
        population=1129,
    ),
]
ADMIN1 = [
    "ML.10\tKidal\tKidal\t2597449",
    "DZ.IG\tIn Guezzam\tIn Guezzam\t12226386",
    "DZ.01\tAlgiers\tAlgiers\t2507475",
    "US.IN\tIndiana\tIndiana\t4921868",
]
ADMIN2 = ["ML.10.8631541\tCercle d’ Abeïbara\tCercled'Abeibara\t8631541"]
COUNTRY_INFO = [
    "ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld"
    "\tCurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages"
    "\tgeonameid\tneighbours\tEquivalentFipsCode",
    "ML\tMLI\t466\tML\tMali\tBamako\t1240000\t19077690\tAF\t.ml\tXOF\tFranc\t223\t\t\tfr-ML"
    "\t2453866\tSN,NE,DZ\t",
    "DZ\tDZA\t012\tAG\tAlgeria\tAlgiers\t2381740\t42228429\tAF\t.dz\tDZD\tDinar\t213\t#####"
    "\t^(\\d{5})$\tar-DZ\t2589581\tNE,EH,LY\t",
    "US\tUSA\t840\tUS\tUnited States\tWashington\t9629091\t327167434\tNA\t.us\tUSD\tDollar"
    "\t1\t\t\ten-US\t6252001\tCA,MX\t",
]
ADDITIONS = [
    {
        "geonameid": -1,
        "name": "Tin Zaouatine",
        "alternate_names": ["Tinzaouaten", "Bordj Pierre Bordes"],
        "lat": 19.96,
        "lon": 2.97,
        "feature_code": "PPL",
        "country": "DZ",
        "admin1": "IG",
        "admin2": None,
        "source": "A test fact: the Algerian twin of Malian Tinzaouaten.",
    },
    {
        "geonameid": 2476086,
        "name": "Tinzaouaten",
        "alternate_names": ["Tin Zaouaten", "Ti-n-Zaouâtene"],
        "lat": 19.95427,
        "lon": 2.96732,
        "feature_code": "PPLA3",
        "country": "ML",
        "admin1": "10",
        "admin2": "8631541",
        "source": "A test fact: the Malian town without the Algerian names.",
    },
]


def write_geonames(directory: Path) -> Path:
    """Write the sample dumps into ``directory`` and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {
        "ML.txt": ML_ROWS,
        "cities500.txt": CITIES_ROWS,
        "admin1CodesASCII.txt": ADMIN1,
        "admin2Codes.txt": ADMIN2,
        "countryInfo.txt": COUNTRY_INFO,
    }
    for name, lines in files.items():
        (directory / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def write_additions(path: Path, lines: list[dict[str, object]] | None = None) -> Path:
    rows = ADDITIONS if lines is None else lines
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


NE_FIELDS = (
    ("ISO_A2", 5),
    ("ISO_A2_EH", 3),
    ("NAME", 32),
    ("NAME_FR", 40),
    ("NAME_AR", 40),
    ("LABEL_X", 11),
    ("LABEL_Y", 10),
)


def dbf_table(records: list[dict[str, str]]) -> bytes:
    """A minimal dBase III table, as Natural Earth ships them (UTF-8 text fields)."""
    header_length = 32 + 32 * len(NE_FIELDS) + 1
    record_length = 1 + sum(length for _, length in NE_FIELDS)
    header = struct.pack("<BBBBIHH20x", 3, 122, 5, 9, len(records), header_length, record_length)
    descriptors = b"".join(
        struct.pack("<11sc4xBB14x", name.encode(), b"C", length, 0) for name, length in NE_FIELDS
    )
    body = b"".join(
        b" "
        + b"".join(
            record.get(name, "").encode("utf-8").ljust(length, b" ")[:length]
            for name, length in NE_FIELDS
        )
        for record in records
    )
    return header + descriptors + b"\r" + body + b"\x1a"


def write_natural_earth(path: Path) -> Path:
    """A Natural Earth countries zip with Algeria only."""
    record = {
        "ISO_A2": "DZ",
        "ISO_A2_EH": "DZ",
        "NAME": "Algeria",
        "NAME_FR": "Algérie",
        "NAME_AR": "الجزائر",
        "LABEL_X": "2.808241",
        "LABEL_Y": "27.397406",
    }
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ne_10m_admin_0_countries.dbf", dbf_table([record]))
    return path
