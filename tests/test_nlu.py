"""The trained intent model: its training file, its determinism, its measurement, and
the phrasings the ordered cue lists got wrong (issue 9), in a real conversation."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.__main__ import main
from handlers.understand.intents import Cues
from handlers.understand.model import (
    WRITINGS,
    Example,
    IntentModel,
    TrainingError,
    default_model,
    digest,
    load_examples,
)
from handlers.understand.profile import parse_profile
from handlers.understand.reading import read
from tests.conftest import Chat


def test_the_training_file_covers_every_intent_in_every_writing() -> None:
    examples = load_examples()
    per_intent = Counter(e.intent for e in examples)
    assert min(per_intent.values()) >= 40
    for intent in per_intent:
        writings = {e.writing for e in examples if e.intent == intent}
        assert writings == set(WRITINGS), intent
    texts = [e.text.lower() for e in examples]
    assert len(texts) == len(set(texts))  # no example twice


def test_training_is_deterministic() -> None:
    examples = load_examples()
    first, second = IntentModel(examples), IntentModel(examples)
    assert first.digest == second.digest == digest(examples)
    for text in ("fo9ach akhir ajal", "الوثائق المطلوبة", "hello"):
        assert first.predict(text) == second.predict(text)


def test_a_broken_training_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "intents.yaml"
    bad.write_text("intents:\n  deadline:\n    examples:\n      klingon: [x]\n", "utf-8")
    with pytest.raises(TrainingError, match="unknown writing"):
        load_examples(bad)
    bad.write_text("intents: [", "utf-8")
    with pytest.raises(TrainingError):
        load_examples(bad)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("À quelle heure ferme l'appel ALCI ?", "deadline"),
        ("wach n9der nsifet dossier b la poste?", "submission"),
        ("combien de temps dure l'atelier de Saïdia", "duration"),
        ("et c'est à envoyer où ?", "submission"),
        ("stop svp plus de messages", "unsubscribe"),
        ("hi, what calls are open right now?", "list_open"),
        ("ما هي الوثائق المطلوبة لطلب ALCI؟", "documents"),
        ("ch7al salaire f enabel", "budget"),
    ],
)
def test_phrasings_the_cue_lists_missed(text: str, intent: str) -> None:
    assert default_model().predict(text).intent == intent


def test_nlu_test_prints_the_cross_validation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "test", "--folds", "3"]) == 0
    out = capsys.readouterr().out
    assert "3-fold cross-validation: accuracy" in out
    assert "by writing:" in out and "arabizi" in out and "most confused" in out


def test_nlu_eval_hides_the_misses_of_an_unseen_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = (
        '- id: t-1\n  writing: fr\n  turns: []\n  text: "bonjour"\n'
        "  expect: {intent: deadline, call: null}\n"
    )
    (tmp_path / "dev.yaml").write_text(case, "utf-8")
    (tmp_path / "unseen.yaml").write_text(case, "utf-8")
    args = ["nlu", "eval", str(tmp_path / "dev.yaml"), str(tmp_path / "unseen.yaml")]
    assert main([*args, "--misses"]) == 0
    out = capsys.readouterr().out
    assert "dev.yaml: 0/1" in out and "t-1" in out.split("unseen.yaml")[0]
    assert "t-1" not in out.split("unseen.yaml")[1]


async def test_a_question_in_another_shape_is_answered(chat: Chat) -> None:
    text = await chat.text("À quelle heure ferme l'appel ALCI ?")
    assert "Fermé" not in text.split("\n")[0] or "ALCI" in text
    assert "appels fermés" not in text.lower()


async def test_and_for_another_call_asks_the_same_question(chat: Chat) -> None:
    first = await chat.text("quels documents pour Enabel ?")
    second = await chat.text("et pour M&D ?")
    assert "pièces à fournir" in first or "ne liste pas les pièces" in first
    assert "pièces à fournir" in second or "ne liste pas les pièces" in second
    assert first != second
    card = await chat.text("M&D")  # the name alone is the card, not the documents
    assert card != second


async def test_stop_in_a_sentence_is_confirmed_first(chat: Chat) -> None:
    replies = await chat.say("stop svp plus de messages")
    assert [b.payload for b in replies[0].buttons] == ["stop:yes", "stop:no"]
    kept = await chat.press("stop:no")
    assert kept[0].text


@pytest.mark.parametrize(
    ("text", "has", "has_not"),
    [
        ("je ne suis pas auto-entrepreneuse, je peux candidater ?", None, "auto-entrepreneur"),
        ("لست مقاولا ذاتيا، هل يمكنني الترشح؟", None, "auto-entrepreneur"),
        ("ana machi auto-entrepreneur wach n9der?", None, "auto-entrepreneur"),
        ("on est pas une association mais une coopérative", "association", None),
        ("je suis auto-entrepreneur", "auto-entrepreneur", None),
    ],
)
def test_negated_profiles(text: str, has: str | None, has_not: str | None) -> None:
    stated = parse_profile(text)
    assert (stated.status, stated.not_status) == (has, has_not)


async def test_not_having_the_status_is_not_a_match(chat: Chat) -> None:
    await chat.say("OMP")
    text = await chat.text("je ne suis pas auto-entrepreneuse, je peux candidater ?")
    assert "ne correspond pas" in text and "auto-entrepreneur" in text


async def test_an_organisation_named_in_arabic_is_its_call_not_a_theme(chat: Chat) -> None:
    card = await chat.text("الهجرة والتنمية")
    assert "planification stratégique" in card
    documents = await chat.text("شنو هي الوثائق ديال الهجرة والتنمية؟")
    assert "Note méthodologique" in documents
    theme = await chat.text("appels sur la migration")  # the theme is still a theme
    assert "Migration" in theme and "planification" not in theme


async def test_a_question_naming_only_a_place_is_about_the_one_call_there(chat: Chat) -> None:
    replies = await chat.say("l'atelier de Saïdia ghadi ykon imta?")
    assert replies[0].about == "when"
    assert replies[0].about_call == "ef-pagof-remacto-2024"


async def test_subscriptions_held_are_not_a_new_subscription(chat: Chat) -> None:
    replies = await chat.say("mes alertes actives ?")
    assert replies[0].about == "my_subscriptions"


async def test_a_guess_never_offers_to_erase_data(chat: Chat) -> None:
    replies = await chat.say("vous pouvez corriger mon CV ?")
    assert "forget:yes" not in [b.payload for b in replies[0].buttons]


def test_nlu_eval_through_the_whole_core(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = (
        '- id: c-1\n  writing: arabizi\n  turns: []\n  text: "fo9ach akhir ajal dyal alci"\n'
        "  expect: {intent: deadline, call: alci-guide-participation-2024}\n"
        '- id: c-2\n  writing: fr\n  turns: ["quels documents pour Enabel ?"]\n'
        '  text: "et pour M&D ?"\n'
        "  expect: {intent: documents, call: md-pac-souss-massa-2016}\n"
    )
    (tmp_path / "dev.yaml").write_text(cases, "utf-8")
    assert main(["nlu", "eval", "--conversations", str(tmp_path / "dev.yaml")]) == 0
    assert "dev.yaml: 2/2 100.0%" in capsys.readouterr().out


def test_an_intent_no_handler_answers_yet_falls_back_to_the_cue_lists(tmp_path: Path) -> None:
    examples = [*load_examples(), *[
        Example(f"je veux un stage numero {n}", "internship", "fr") for n in range(30)
    ]]  # fmt: skip
    model = IntentModel(examples)
    reading = read(model, Cues.of("je veux un stage numero 3"), "je veux un stage numero 3")
    assert reading.prediction.intent == "internship"
    assert reading.action is None and "internship" not in {str(i) for i in reading.intents}
