"""One reading of a message: the trained model's intent, checked against the cue lists.

The model decides when it is confident (it reads phrasings no list holds: "À quelle
heure ferme l'appel ?", "stop svp plus de messages"); the cue lists keep what the model
cannot give: several questions in one message ("date limite et pièces ?") and a guess
when the model hesitates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from handlers.understand.intents import Cues, Intent, detect_intents
from handlers.understand.model import (
    CONFIDENT_SCORE,
    GUESS_SCORE,
    SUBSCRIBE_SCORE,
    IntentModel,
    Prediction,
)
from store.text import fold

# Model labels that are actions of their own, not questions about calls.
ACTIONS = frozenset({"subscribe", "my_subscriptions", "unsubscribe", "forget_me"})
_FIELDS = frozenset(
    {
        Intent.DEADLINE, Intent.WHEN, Intent.DOCUMENTS, Intent.SUBMISSION,
        Intent.REQUIREMENTS, Intent.PLACE, Intent.DURATION, Intent.LANGUAGE,
        Intent.REFERENCE, Intent.CONTACT, Intent.BUDGET,
    }
)  # fmt: skip


_KNOWN_LABELS = frozenset({*(str(i) for i in Intent), *ACTIONS, "affirm", "deny", "off_topic"})


@dataclass(frozen=True)
class Reading:
    intents: frozenset[Intent]
    action: str | None  # one of ACTIONS, when the message asks for it
    prediction: Prediction
    listed: frozenset[Intent]  # what the cue lists saw, whatever was decided

    @property
    def asks_nothing_itself(self) -> bool:
        """Neither a clear question nor a cue: "et pour M&D ?" may be a follow-up (a call
        name read as "tell me about it" is no question of its own)."""
        clear = self.prediction.confident and self.prediction.intent != "summary"
        return not clear and not (self.listed - {Intent.SUMMARY})


def read(model: IntentModel, cues: Cues, text: str, *, guess: bool = True) -> Reading:
    """What the message asks: the intents to answer, or an action to run. With
    `guess=False` (while we wait for the answer to our own question) a hesitant reading
    is not used."""
    listed = frozenset(detect_intents(cues, text))
    prediction = model.predict(text)
    label = prediction.intent
    weak = prediction.score < GUESS_SCORE or not guess
    unsure = not prediction.confident and (listed or weak)
    # An intent added to the training file that no handler answers yet is no reading.
    unknown = label not in _KNOWN_LABELS
    if unsure or unknown or label in ("affirm", "deny"):
        # Outside a question of ours, "oui"/"non" ask nothing: the cue lists decide.
        return Reading(listed, None, prediction, listed)
    if label in ACTIONS:
        # An action is started only on a clear reading ("vous pouvez corriger mon CV ?"
        # guessed as forget-me must not offer to erase anything).
        # Stop is confirmed with buttons first: a guess may offer it.
        needed = {"subscribe": SUBSCRIBE_SCORE, "unsubscribe": GUESS_SCORE}.get(
            label, CONFIDENT_SCORE
        )
        if prediction.score > needed and (prediction.confident or label == "unsubscribe"):
            return Reading(frozenset(), label, prediction, listed)
        return Reading(listed, None, prediction, listed)
    if label == "off_topic":
        return Reading(frozenset(), None, prediction, listed)
    intent = Intent(label)
    if intent in _FIELDS and intent in listed and len(listed & _FIELDS) > 1:
        # "date limite et pièces à fournir ?": every field asked, the model's among them.
        return Reading(listed & _FIELDS, None, prediction, listed)
    if intent is Intent.SUMMARY:
        return Reading(frozenset(), None, prediction, listed)  # the call named gets its card
    return Reading(frozenset({intent}), None, prediction, listed)


# "et pour M&D ?", "w l Enabel?", «وبالنسبة لـ OMP؟», "and for ALCI?", "même chose pour …":
# the same question about another call.
_FOLLOW_UP = re.compile(
    r"^(?:et|w|wa|o|and|what\s+about|how\s+about|(?:la\s+)?meme\s+chose|pareil|idem|و"
    r"|وبالنسبه|وفي|بالنسبه|حتي|hta|7ta|ou\s+pour|وماذا\s+عن|ماذا\s+عن|وشنو\s+علي)\b|^و"
)


def follow_up_intents(text: str, asked_before: Iterable[str]) -> frozenset[Intent]:
    """The field questions asked last, when `text` is a short "and for X?" follow-up."""
    folded = fold(text)
    if len(folded.split()) > 6 or not _FOLLOW_UP.search(folded):
        return frozenset()
    return frozenset(Intent(i) for i in asked_before if i in set(Intent)) & _FIELDS
