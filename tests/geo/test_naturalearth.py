from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sahelwatch.errors import GazetteerError
from sahelwatch.geo.naturalearth import read_country_labels

from .samples import dbf_table


def test_read_country_labels_from_zip(tmp_path: Path) -> None:
    records = [
        {
            "ISO_A2": "DZ",
            "ISO_A2_EH": "DZ",
            "NAME": "Algeria",
            "NAME_FR": "Algérie",
            "NAME_AR": "الجزائر",
            "LABEL_X": "2.808241",
            "LABEL_Y": "27.397406",
        },
        {
            "ISO_A2": "-99",
            "ISO_A2_EH": "FR",
            "NAME": "France",
            "NAME_FR": "France",
            "LABEL_X": "2.552275",
            "LABEL_Y": "46.696113",
        },
        {"ISO_A2": "-99", "ISO_A2_EH": "-99", "NAME": "Bir Tawil", "LABEL_X": "33.6"},
    ]
    archive = tmp_path / "ne_10m_admin_0_countries.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("ne_10m_admin_0_countries.dbf", dbf_table(records))
    labels = read_country_labels(archive)
    assert set(labels) == {"DZ", "FR"}
    assert labels["DZ"].names == ("Algeria", "Algérie", "الجزائر")
    assert (labels["DZ"].latitude, labels["DZ"].longitude) == (27.397406, 2.808241)
    assert labels["FR"].names == ("France",)


def test_read_country_labels_rejects_a_zip_without_table(tmp_path: Path) -> None:
    archive = tmp_path / "empty.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("README.txt", "nothing")
    with pytest.raises(GazetteerError, match=r"no \.dbf"):
        read_country_labels(archive)
