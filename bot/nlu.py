"""`python -m bot nlu test` and `nlu eval`: the intent model measured, the way
`rasa test nlu` does it.

- test: k-fold cross-validation over the training file; precision, recall and F1 per
  intent, accuracy per writing, and the most frequent confusions.
- eval: a set of conversations written outside the team (tests/understanding/outside/):
  accuracy per writing and per intent of what Forsa reads from each last message. Misses
  are listed only for a dev file: an unseen set stays unseen.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from handlers.understand.intents import Cues
from handlers.understand.model import Example, IntentModel, _pipeline, features
from handlers.understand.reading import follow_up_intents, read


@dataclass
class CrossValidation:
    examples: list[Example]
    predicted: list[str]

    @property
    def accuracy(self) -> float:
        right = sum(e.intent == p for e, p in zip(self.examples, self.predicted, strict=True))
        return right / len(self.examples)


def cross_validate(examples: list[Example], folds: int = 5) -> CrossValidation:
    """Every example predicted by a model that never saw it (fixed folds: deterministic)."""
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    predicted = cross_val_predict(
        _pipeline(), [features(e.text) for e in examples], [e.intent for e in examples],
        cv=splitter,
    )  # fmt: skip
    return CrossValidation(examples, [str(p) for p in predicted])


def render_cross_validation(result: CrossValidation, folds: int) -> str:
    truth = [e.intent for e in result.examples]
    labels = sorted(set(truth))
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, result.predicted, labels=labels, zero_division=0
    )
    lines = [
        f"{len(truth)} examples, {len(labels)} intents, {folds}-fold cross-validation: "
        f"accuracy {100 * result.accuracy:.1f}%",
        "",
        f"{'intent':<18}{'precision':>10}{'recall':>8}{'f1':>7}{'n':>5}",
    ]
    for row in zip(labels, precision, recall, f1, support, strict=True):
        label, p, r, f, n = row
        lines.append(f"{label:<18}{100 * p:>9.0f}%{100 * r:>7.0f}%{100 * f:>6.0f}%{n:>5}")
    lines += ["", "by writing:"]
    by_writing: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for example, predicted in zip(result.examples, result.predicted, strict=True):
        cell = by_writing[example.writing]
        cell[0] += int(example.intent == predicted)
        cell[1] += 1
    for writing, (right, total) in sorted(by_writing.items()):
        lines.append(f"  {writing:<10}{right:>5}/{total:<5}{100 * right / total:6.1f}%")
    confusions = Counter(
        (e.intent, p) for e, p in zip(result.examples, result.predicted, strict=True)
        if e.intent != p
    )  # fmt: skip
    lines += ["", "most confused (expected -> read):"]
    lines += [f"  {a} -> {b}: {n}" for (a, b), n in confusions.most_common(12)]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# Conversations written outside the team.


@dataclass
class Evaluation:
    cases: int = 0
    right: int = 0
    by_writing: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_intent: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[str] = field(default_factory=list)


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        raise ValueError(f"{path}: a list of cases is expected")
    return cases


def read_label(model: IntentModel, text: str, earlier: list[str]) -> str:
    """The label Forsa gives a message, after the earlier turns of the same chat."""
    reading = read(model, Cues.of(text), text)
    if reading.action:
        return reading.action
    intents = set(reading.intents)
    if earlier and reading.asks_nothing_itself:  # as handlers.routes does
        before = read(model, Cues.of(earlier[-1]), earlier[-1])
        intents = set(follow_up_intents(text, before.intents)) or intents
    if not intents:
        # Nothing to answer: a listing or a card when a call is named, else off-topic,
        # which is what the router does (summary: the card of the call named).
        label = reading.prediction.intent
        return label if label in ("summary", "off_topic") else "off_topic"
    return str(sorted(intents)[0]) if len(intents) > 1 else str(next(iter(intents)))


def evaluate(model: IntentModel, cases: list[dict[str, Any]]) -> Evaluation:
    result = Evaluation()
    for case in cases:
        expected = str(case["expect"]["intent"])
        got = read_label(model, str(case["text"]), [str(t) for t in case.get("turns") or []])
        miss = f"  {case['id']}: {case['text']!r} expected {expected}, read {got}"
        _count(result, case, expected, got == expected, miss)
    return result


def render_evaluation(name: str, result: Evaluation, show_misses: bool) -> str:
    lines = [f"{name}: {result.right}/{result.cases} {100 * result.right / result.cases:.1f}%"]
    for title, table in (("by writing", result.by_writing), ("by intent", result.by_intent)):
        lines.append(f"{title}:")
        lines += [
            f"  {key:<18}{right:>4}/{total:<4}{100 * right / total:6.1f}%"
            for key, (right, total) in sorted(table.items())
        ]
    if show_misses and result.misses:
        lines += ["misses:", *result.misses]
    elif result.misses:
        lines.append(f"({len(result.misses)} misses not shown: this set stays unseen)")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# The same cases through the whole core: a real store with the demo catalog, `handle()`,
# and what the router says its last reply answers (Reply.about), about which call.


async def converse(cases: list[dict[str, Any]], now: str, folder: Path) -> Evaluation:
    """Every case as a chat of its own; right when the last reply answers the expected
    intent and, when a call is expected, is about that call."""
    from bot.app import load_demo
    from handlers.clock import FixedClock, parse_now
    from handlers.deps import Deps
    from handlers.handle import handle
    from handlers.messages import Inbound
    from store.db import Database

    db = await Database.open(str(folder / "conversations.db"))
    try:
        clock = FixedClock(parse_now(now))
        await load_demo(db, clock)
        deps = Deps(db=db, clock=clock)
        result = Evaluation()
        for number, case in enumerate(cases):
            user = f"case-{number}"
            replies: list[Any] = []
            for text in [*(case.get("turns") or []), case["text"]]:
                replies = await handle(deps, Inbound("console", user, text=str(text)))
            last = replies[-1] if replies else None
            got = (last.about or "?") if last else "?"
            about = last.about_call if last else None
            expected = str(case["expect"]["intent"])
            call = case["expect"].get("call")
            right = expected in got.split("+") and (not call or last.about_call == call)
            wanted = f"{expected} about {call}"
            miss = f"  {case['id']}: {case['text']!r} expected {wanted}, got {got} about {about}"
            _count(result, case, expected, right, miss)
        return result
    finally:
        await db.close()


def _count(
    result: Evaluation, case: dict[str, Any], expected: str, right: bool, miss: str
) -> None:
    """One case into the totals, by writing and by intent; `miss` kept when wrong."""
    result.cases += 1
    result.right += int(right)
    for cell in (result.by_writing[str(case["writing"])], result.by_intent[expected]):
        cell[0] += int(right)
        cell[1] += 1
    if not right:
        result.misses.append(miss)
