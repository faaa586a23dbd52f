"""The learned sub-event classifier: word n-grams of an event's sentences plus the rules' hints,
a linear model (scikit-learn logistic regression).

It is trained by ``sahelwatch train --acled FILE.csv`` on an ACLED export the user holds and
saved in the user's data directory (``settings.data_dir``/``models``), never in the package.
:func:`load_model` returns None when there is no model: the rules then code alone.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sklearn  # type: ignore[import-untyped]
from scipy.sparse import hstack  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

from sahelwatch.errors import SettingsError

__all__ = ["MODEL_FILE", "SubEventClassifier", "fit_classifier", "load_model", "model_path"]

MODEL_FILE = "subevent-classifier.pkl"
META_FILE = "subevent-classifier.json"
# The rules' hints weigh half as much as the words (cross-validated on ACLED rows).
_HINT_WEIGHT = 0.5


def model_path(data_dir: Path) -> Path:
    return data_dir / "models" / MODEL_FILE


@dataclass(frozen=True, slots=True)
class SubEventClassifier:
    """A fitted classifier; ``trust_rules_above`` is the rules' confidence it defers to."""

    name: str
    words: TfidfVectorizer
    hints: CountVectorizer
    classifier: LogisticRegression
    trust_rules_above: float

    def _features(self, texts: Sequence[str], hints: Sequence[Sequence[str]]) -> Any:
        joined = [" ".join(h) for h in hints]
        return hstack([self.words.transform(texts), self.hints.transform(joined) * _HINT_WEIGHT])

    def predict(self, text: str, hints: Sequence[str]) -> tuple[str, float]:
        probabilities = self.classifier.predict_proba(self._features([text], [hints]))[0]
        best = int(np.argmax(probabilities))
        return str(self.classifier.classes_[best]), float(probabilities[best])

    def predict_many(
        self, texts: Sequence[str], hints: Sequence[Sequence[str]]
    ) -> list[tuple[str, float]]:
        probabilities = self.classifier.predict_proba(self._features(texts, hints))
        classes = self.classifier.classes_
        return [(str(classes[int(np.argmax(p))]), float(np.max(p))) for p in probabilities]


def fit_classifier(
    texts: Sequence[str], hints: Sequence[Sequence[str]], labels: Sequence[str], trust: float = 1.0
) -> SubEventClassifier:
    words = TfidfVectorizer(
        lowercase=True, ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=60000
    )
    hint_vectorizer = CountVectorizer(
        tokenizer=str.split, token_pattern=None, lowercase=False, binary=True
    )
    matrix = hstack(
        [
            words.fit_transform(texts),
            hint_vectorizer.fit_transform([" ".join(h) for h in hints]) * _HINT_WEIGHT,
        ]
    ).tocsr()
    classifier = LogisticRegression(C=8.0, max_iter=2000)
    classifier.fit(matrix, list(labels))
    digest = hashlib.sha256("\n".join(sorted(set(texts))).encode("utf-8")).hexdigest()[:8]
    return SubEventClassifier(f"learned-{digest}", words, hint_vectorizer, classifier, trust)


def save_model(model: SubEventClassifier, data_dir: Path, meta: dict[str, Any]) -> Path:
    """Write the model (and a JSON description of it) to the user's data directory."""
    path = model_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(
            {"name": model.name, "words": model.words, "hints": model.hints,
             "classifier": model.classifier, "trust": model.trust_rules_above,
             "sklearn": sklearn.__version__},
            handle,
        )  # fmt: skip
    meta = {**meta, "name": model.name, "trust_rules_above": model.trust_rules_above}
    (path.parent / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    return path


def load_model(data_dir: Path) -> SubEventClassifier | None:
    """The user's trained classifier, or None when there is none."""
    path = model_path(data_dir)
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            saved = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        raise SettingsError(f"cannot read the trained model {path}: {exc}") from exc
    if saved.get("sklearn") != sklearn.__version__:
        raise SettingsError(
            f"the trained model {path} was made with scikit-learn {saved.get('sklearn')}; "
            f"run `sahelwatch train` again"
        )
    return SubEventClassifier(
        saved["name"], saved["words"], saved["hints"], saved["classifier"], float(saved["trust"])
    )
