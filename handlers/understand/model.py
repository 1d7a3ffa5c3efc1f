"""The intent model: examples in a YAML file anyone can edit, a linear classifier over
character n-grams of the folded text (they survive spelling: "fo9ach", "fokach",
"فوقاش") and word n-grams.

Deterministic: the same file gives the same model. It trains at start-up (well under a
second on this machine, see the README) and is shared, read-only, by every turn.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from store.text import fold

TRAINING_FILE = Path(__file__).parent / "training" / "intents.yaml"
WRITINGS = ("fr", "msa", "darija", "arabizi", "en")
# Below these the reading is a guess and the older cue lists decide (handlers.understand.
# reading). Chosen on the training file's cross-validation: above a score of 0 the model is
# right 4 times in 5 there (99 % on the outside dev set), below it little better than a coin.
CONFIDENT_SCORE = 0.0
CONFIDENT_MARGIN = 0.15
# When no cue list matches either, a guess above this beats "I did not understand" (on the
# outside dev set the model is right 19 times in 20 above it).
GUESS_SCORE = -0.45
# Starting a subscription from a listing question would be a wrong turn: a clear reading
# only. Stop and forget are confirmed with buttons first, so a guess may offer them.
SUBSCRIBE_SCORE = 0.25


class TrainingError(ValueError):
    """The training file cannot be used (what is wrong, and where)."""


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    writing: str


@dataclass(frozen=True)
class Prediction:
    intent: str
    # The linear score of the best intent (above 0: its one-vs-rest classifier claims the
    # message) and its lead over the runner-up (near 0: a tie between two readings).
    score: float
    margin: float
    ranked: tuple[tuple[str, float], ...]  # (intent, score), best first, three

    @property
    def confident(self) -> bool:
        return self.score > CONFIDENT_SCORE and self.margin > CONFIDENT_MARGIN


def load_examples(path: Path = TRAINING_FILE) -> list[Example]:
    """Every example of the file, checked: known writings, no empty text."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TrainingError(f"{path}: {exc}") from exc
    intents = data.get("intents") if isinstance(data, dict) else None
    if not isinstance(intents, dict) or not intents:
        raise TrainingError(f"{path}: no 'intents' mapping")
    examples: list[Example] = []
    for intent, entry in intents.items():
        by_writing = (entry or {}).get("examples") or {}
        for writing, texts in by_writing.items():
            if writing not in WRITINGS:
                raise TrainingError(f"{path}: {intent}: unknown writing {writing!r}")
            for text in texts or []:
                if not isinstance(text, str) or not text.strip():
                    raise TrainingError(f"{path}: {intent}/{writing}: empty example")
                examples.append(Example(text.strip(), str(intent), writing))
    return examples


def features(text: str) -> str:
    """What the classifier sees: the folded text, with "?" kept (it marks questions)."""
    return fold(text.replace("؟", "?")) + (" ?" if "?" in text or "؟" in text else "")


def _pipeline() -> Pipeline:
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    words = TfidfVectorizer(
        analyzer="word", ngram_range=(1, 2), token_pattern=r"[\w&/+?]+", sublinear_tf=True
    )
    return Pipeline(
        [
            ("features", FeatureUnion([("chars", chars), ("words", words)])),
            # liblinear, its shuffling seeded: deterministic, and the 27 intents train in a
            # fraction of a second.
            ("classify", LinearSVC(C=1.0, random_state=0)),
        ]
    )


class IntentModel:
    """A trained classifier; `predict` is safe to call from any turn (read-only)."""

    def __init__(self, examples: list[Example]) -> None:
        if len({e.intent for e in examples}) < 2:
            raise TrainingError("at least two intents are needed")
        self.examples = tuple(examples)
        self.digest = digest(examples)
        self._pipeline = _pipeline()
        self._pipeline.fit([features(e.text) for e in examples], [e.intent for e in examples])
        self.intents: tuple[str, ...] = tuple(self._pipeline.classes_)

    def predict(self, text: str) -> Prediction:
        scores = self._pipeline.decision_function([features(text)])[0]
        ranked = sorted(zip(self.intents, scores, strict=True), key=lambda p: -p[1])
        (best, top), (_, second) = ranked[0], ranked[1]
        return Prediction(
            best, float(top), float(top - second), tuple((i, float(s)) for i, s in ranked[:3])
        )


def digest(examples: list[Example]) -> str:
    """A fingerprint of the training data (the model is a function of it)."""
    joined = "\n".join(f"{e.intent}\t{e.writing}\t{e.text}" for e in examples)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def default_model() -> IntentModel:
    """The model of the repository's training file, trained once per process (it is
    immutable, so every Deps may share it)."""
    return IntentModel(load_examples())
