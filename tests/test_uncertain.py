"""What the text only lets us guess is shown as uncertain to staff, and never told to
users as a fact: they get the line it came from, and whom to ask."""

from __future__ import annotations

from handlers.deps import Deps
from store import calls as call_store
from store.ingest.extract import extract_call
from tests.conftest import Chat

BOSS, USER = "boss", "amina"
# An English job board that writes day/month numerically without saying which is which,
# and an organisation named only by the domain of its address.
BOARD = (
    "Monitoring and Evaluation Officer\n"
    "Location: Agadir\n"
    "Deadline: 04/05/2024\n"
    "Send your CV to jobs@tafraout-dev.org with the subject « M&E Officer ».\n"
    "The Tafraout-Dev team works with cooperatives in the Souss.\n"
)


def test_guessed_fields_carry_their_line_and_a_low_confidence() -> None:
    call = extract_call(BOARD, source_name="board.txt")
    deadline = call.uncertain("deadline")
    assert deadline is not None and "04/05/2024" in deadline.line
    organization = call.uncertain("organization")
    assert call.organization == "Tafraout-Dev" and organization is not None
    assert call.uncertain("emails") is None  # "Send your CV to …" says it plainly
    assert call.evidence["emails"].line.startswith("Send your CV")


def test_a_clear_call_has_no_uncertain_field() -> None:
    text = (
        "Association Tanmia Souss (ATS)\n"
        "Appel à consultation : évaluation finale du projet Jeunes et emploi à Tiznit\n"
        "Les offres sont à envoyer à recrutement@tanmia.ma au plus tard le 15 janvier 2024.\n"
    )
    call = extract_call(text)
    assert call.deadline == "2024-01-15T23:59:59+01:00"
    for name in ("deadline", "title", "organization", "emails"):
        assert call.uncertain(name) is None, name


async def test_staff_see_uncertain_fields_and_a_correction_settles_them(
    chat: Chat, deps: Deps
) -> None:
    deps.staff_seed.update({("console", BOSS): "admin"})
    [draft] = await chat.say(f"/publier\n{BOARD}", BOSS)
    assert draft.text.count("⚠ incertain") == 2  # the deadline and the organisation
    assert "« Deadline: 04/05/2024 »" in draft.text
    fixed = await chat.text("date limite : 04/05/2024\norganisation : Tafraout-Dev", BOSS)
    assert "⚠ incertain" not in fixed


async def test_users_get_the_line_not_an_unsure_date(chat: Chat, deps: Deps) -> None:
    call = extract_call(BOARD, source_name="board.txt")
    await call_store.save_call(deps.db, call, published=True, now=deps.clock.now())
    text = await chat.text("Tafraout-Dev date limite ?", USER)
    assert "pas sûr de la date limite" in text and "« Deadline: 04/05/2024 »" in text
    assert "mai 2024" not in text and "avril 2024" not in text
    assert "jobs@tafraout-dev.org" in text  # whom to ask
    arabic = await chat.text("شنو هو آخر أجل ديال Tafraout-Dev؟", "karim")
    assert "لست متأكدا من آخر أجل" in arabic and "04/05/2024" in arabic
    listing = await chat.text("offres ouvertes", USER)
    assert "date à vérifier" in listing and "Tafraout-Dev (?)" in listing
