"""Staff tools, first half: roles, the audit trail, publishing from chat, closing,
extending and withdrawing calls, on every channel and on the command line.

Tier 1 through `handle()` on the demo catalog (clock at 2024-01-03 10:00), tier 2 with
the fake Bot API and the fake Twilio, and the CLI in a subprocess.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import docx
import pytest

from bot.channels.telegram import TelegramChannel
from bot.channels.whatsapp import WhatsAppChannel
from bot.config import Settings, SettingsError
from bot.http import build_app, start_http
from bot.sender import Sender, SendRates
from handlers import staff
from handlers.clock import parse_now
from handlers.deps import Deps
from handlers.handle import handle
from handlers.messages import Attachment, Inbound, Reply
from handlers.reminders import ReminderPolicy, announce_new_calls, plan
from handlers.texts import t
from store import calls as call_store
from store import staff as staff_store
from store import subscriptions as subs
from store.contacts import get_or_create_contact
from store.subscriptions import Frequency
from store.text import has_arabic
from tests.conftest import Chat
from tests.documents import make_pdf
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio
from tests.test_cli import run
from tests.test_reminders import RecordingChannel

BOSS, EDITOR, USER = "boss", "ed", "amina"
ALCI = "alci-guide-participation-2024"  # deadline 2024-01-06, Fès-Meknès + TTH
OMP = "omp-consultant-gestion-2025"  # deadline 2025-01-21
POLICY = ReminderPolicy()
# A call as staff paste it: no deadline and no e-mail (its organisation is in the header).
TANMIA = (
    "Association Tanmia Souss (ATS)\n"
    "Termes de référence : évaluation finale du projet « Jeunes et emploi » à Tiznit\n"
    "Référence : ATS/2024/07\n"
    "L'Association Tanmia Souss recrute un consultant pour l'évaluation finale de son "
    "projet d'insertion des jeunes.\n"
    "Lieu de la mission : Tiznit\n"
    "Durée : 20 jours ouvrables\n"
)
TANMIA_ID = "ats-evaluation-finale-jeunes"
# The same call with everything: its deadline, e-mail and organisation are found.
TANMIA_FULL = (
    "Association Tanmia Souss (ATS)\n"
    "Appel à consultation : évaluation finale du projet Jeunes et emploi à Tiznit\n"
    "Référence : ATS/2024/08\n"
    "Lieu de la mission : Tiznit\n"
    "Les offres sont à envoyer par e-mail à recrutement@tanmia.ma au plus tard le "
    "15 janvier 2024 à 16h00.\n"
)


@pytest.fixture
def team(deps: Deps) -> Deps:
    """An admin and an editor named in the settings (console channel)."""
    deps.staff_seed.update({("console", BOSS): "admin", ("console", EDITOR): "editor"})
    return deps


def texts(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def payloads(replies: list[Reply]) -> list[str]:
    return [b.payload for r in replies for b in r.buttons]


async def audit_rows(deps: Deps) -> list[dict[str, Any]]:
    rows = await deps.db.fetchall("SELECT * FROM audit_log ORDER BY id")
    return [dict(row) for row in rows]


async def snapshot(deps: Deps) -> dict[str, list[tuple[Any, ...]]]:
    """Every table a staff action could change (conversation state and contacts aside)."""
    names = [
        row["name"]
        for row in await deps.db.fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
            " AND name NOT LIKE 'call_lines_fts%'"
        )
    ]
    skip = {"contacts", "conversations", "audit_log", "offered_choices", "schema_migrations"}
    return {
        name: [tuple(r) for r in await deps.db.fetchall(f"SELECT * FROM {name} ORDER BY 1")]
        for name in sorted(set(names) - skip)
    }


async def subscriber(
    deps: Deps, channel: str, address: str, regions: list[str], frequency: Frequency
) -> int:
    now = deps.clock.now()
    contact = await get_or_create_contact(deps.db, channel, address, now)
    await subs.add_subscription(deps.db, contact.id, regions, [], frequency, now)
    return contact.id


async def follower(deps: Deps, address: str, call_id: str) -> int:
    contact = await get_or_create_contact(deps.db, "console", address, deps.clock.now())
    await subs.follow(deps.db, contact.id, call_id, deps.clock.now())
    return contact.id


async def outbox_rows(deps: Deps, **where: object) -> list[dict[str, Any]]:
    clause = " AND ".join(f"{k} = ?" for k in where) or "1"
    rows = await deps.db.fetchall(
        f"SELECT * FROM outbox WHERE {clause} ORDER BY id", list(where.values())
    )
    return [dict(row) for row in rows]


def make_docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


async def send_file(deps: Deps, user: str, name: str, data: bytes) -> list[Reply]:
    return await handle(deps, Inbound("console", user, attachment=Attachment(name, data)))


# --- roles ------------------------------------------------------------------------------------


def test_roles_from_settings() -> None:
    settings = Settings.load(
        {
            "FORSA_STAFF_TELEGRAM": "123456:admin, 789:editor",
            "FORSA_STAFF_WHATSAPP": "+212600000000:admin,whatsapp:+212611111111:Editor",
        },
        env_file=None,
    )
    assert dict(settings.staff) == {
        ("telegram", "123456"): "admin",
        ("telegram", "789"): "editor",
        ("whatsapp", "+212600000000"): "admin",
        ("whatsapp", "+212611111111"): "editor",
    }
    assert Settings.load({}, env_file=None).staff == {}
    for name, value in [
        ("FORSA_STAFF_TELEGRAM", "123456"),
        ("FORSA_STAFF_TELEGRAM", "123456:owner"),
        ("FORSA_STAFF_WHATSAPP", "0600000000:admin"),
    ]:
        with pytest.raises(SettingsError, match=name) as error:
            Settings.load({name: value}, env_file=None)
        assert "600000000" not in str(error.value)  # a number never echoed


async def test_roles_from_settings_and_from_the_table(chat: Chat, team: Deps) -> None:
    assert "Équipe Forsa" in await chat.text("/staff", BOSS)
    # An editor is staff but not an admin.
    assert await chat.text("/staff", EDITOR) == t("fr", "staff_admin_only")
    assert await chat.text("/publier", EDITOR) == t("fr", "staff_publish_prompt")
    # Someone added to the table is staff too, with the role stored there.
    await staff_store.add_staff(team.db, "console", "zineb", "admin", 1, team.clock.now())
    assert "Équipe Forsa" in await chat.text("/staff", "zineb")
    await staff_store.add_staff(team.db, "console", "zineb", "editor", 1, team.clock.now())
    assert await chat.text("/staff", "zineb") == t("fr", "staff_admin_only")


async def test_an_admin_manages_the_team_in_chat(chat: Chat, team: Deps) -> None:
    added = await chat.text("/staff_ajouter telegram 555123 editor", BOSS)
    assert added == "✔ telegram 555123 est maintenant éditeur."
    assert await staff_store.role_of(team.db, "telegram", "555123") == "editor"
    assert "whatsapp +212600000001 — administrateur" in (
        await chat.text("/staff_ajouter whatsapp +212600000001 admin", BOSS)
        + await chat.text("/staff", BOSS)
    )
    listing = await chat.text("/staff", BOSS)
    assert "console boss — administrateur (réglages" in listing
    assert "telegram 555123 — éditeur" in listing and "/staff_ajouter" in listing
    # The new editor can act at once, on their own channel.
    [reply] = await handle(team, Inbound("telegram", "555123", text="/publier"))
    assert reply.text == t("fr", "staff_publish_prompt")
    assert "ne fait plus partie" in await chat.text("/staff_retirer telegram 555123", BOSS)
    assert await staff_store.role_of(team.db, "telegram", "555123") is None
    [reply] = await handle(team, Inbound("telegram", "555123", text="/publier"))
    assert reply.text == t("fr", "off_topic")
    # Mistakes are explained; settings staff are out of reach.
    assert "Usage" in await chat.text("/staff_ajouter telegram", BOSS)
    assert "invalide" in await chat.text("/staff_ajouter whatsapp 0600 editor", BOSS)
    assert "réglages" in await chat.text("/staff_retirer console ed", BOSS)
    assert "réglages" in await chat.text("/staff_ajouter console ed admin", BOSS)
    assert "ne fait pas partie" in await chat.text("/staff_retirer telegram 42424", BOSS)
    assert await chat.text("/staff_ajouter telegram 1234 admin", EDITOR) == t(
        "fr", "staff_admin_only"
    )
    actions = [(r["command"], r["allowed"]) for r in await audit_rows(team)]
    assert ("staff_add", 1) in actions and ("staff_remove", 1) in actions
    assert ("/staff_ajouter", 0) in actions  # the editor's attempt


async def test_the_last_admin_cannot_be_removed(chat: Chat, deps: Deps) -> None:
    now = deps.clock.now()
    await staff_store.add_staff(deps.db, "console", "a1", "admin", 0, now)
    assert "dernier administrateur" in await chat.text("/staff_retirer console a1", "a1")
    assert "dernier administrateur" in await chat.text("/staff_ajouter console a1 editor", "a1")
    await chat.say("/staff_ajouter console a2 admin", "a1")
    assert "ne fait plus partie" in await chat.text("/staff_retirer console a1", "a2")
    assert "dernier administrateur" in await chat.text("/staff_retirer console a2", "a2")


# --- nobody else gets anything ------------------------------------------------------------------


STAFF_BUTTONS = (
    "staff:pub:ask",
    "staff:pub:go",
    "staff:pub:review",
    "staff:pub:drop",
    "staff:pub:edit:deadline",
    "staff:close",
    "staff:withdraw",
    "staff:keep",
    "staff:bc:m:fr",
    "staff:bc:ok",
    "staff:bc:status:1",
    "staff:st:refresh",
    "staff:stats:week",
)


async def test_non_staff_get_the_neutral_answer_for_every_staff_command(
    chat: Chat, team: Deps
) -> None:
    """Every alias of every staff command (the broadcast and statistics ones included),
    every staff button and a document: the answers any unknown command, stale button or
    file gets; nothing changes in the store; each attempt is audited."""
    before = await snapshot(team)
    attempts = 0
    for index, command in enumerate(staff.COMMANDS):
        for alias in command.aliases:
            user = f"intruder-{index}-{alias}"
            for text in (alias, f"{alias} {OMP} 30/01/2025", f"{alias} telegram 1 admin"):
                [reply] = await chat.say(text, user)
                lang = "ar" if has_arabic(alias) else "fr"
                assert reply.text == t(lang, "off_topic"), text
                attempts += 1
    for payload in STAFF_BUTTONS:
        [reply] = await chat.press(payload, "intruder-buttons")
        assert reply.text == t("fr", "unknown_button"), payload
        attempts += 1
    [reply] = await send_file(team, "intruder-file", "appel.txt", TANMIA.encode())
    assert reply.text == t("fr", "empty")
    attempts += 1
    # The same neutral answers as for a command and a button that never existed.
    assert texts(await chat.say("/nimportequoi", "x")) == t("fr", "off_topic")
    assert texts(await chat.press("zzz:1", "x")) == t("fr", "unknown_button")

    assert await snapshot(team) == before
    rows = await audit_rows(team)
    assert len(rows) == attempts
    assert all(not r["allowed"] and r["role"] is None for r in rows)
    commands = {r["command"] for r in rows}
    assert {c.name for c in staff.COMMANDS} <= commands
    assert {"staff:pub", "staff:bc", "staff:st", "staff:close", "document"} <= commands
    # Who: the contact id, never the address.
    assert not any("intruder" in json.dumps(r, ensure_ascii=False) for r in rows)


async def test_drafts_never_reach_users(chat: Chat, team: Deps) -> None:
    await chat.say(f"/publier {TANMIA}", BOSS)
    assert await call_store.get_call(team.db, TANMIA_ID) is None  # users' view
    assert await call_store.is_published(team.db, TANMIA_ID) is False
    for question in ("Tanmia", "appels à Tiznit", "offres ouvertes", f"/start {TANMIA_ID}"):
        assert "Tanmia" not in await chat.text(question, USER), question
        assert "Jeunes et emploi" not in await chat.text(question, USER), question
    # The publishing button pressed by someone else does nothing.
    [reply] = await chat.press("staff:pub:go", USER)
    assert reply.text == t("fr", "unknown_button")
    assert await call_store.is_published(team.db, TANMIA_ID) is False


# --- publishing from chat -------------------------------------------------------------------


async def test_publish_pasted_text_with_corrections_count_and_alert(
    chat: Chat, team: Deps
) -> None:
    souss = await subscriber(team, "telegram", "7001", ["souss-massa"], Frequency.INSTANT)
    await subscriber(team, "whatsapp", "+212600000007", [], Frequency.DAILY)
    oriental = await subscriber(team, "telegram", "7002", ["oriental"], Frequency.INSTANT)

    [draft] = await chat.say(f"/publier\n{TANMIA}", BOSS)
    assert f"id : {TANMIA_ID}" in draft.text
    assert "• Référence : ATS/2024/07" in draft.text
    assert "• Régions / villes : Souss-Massa ; Tiznit" in draft.text
    assert "• Durée : 20 jours ouvrables" in draft.text
    assert "⚠ pas de date limite" in draft.text and "⚠ pas d'e-mail" in draft.text
    assert "staff:pub:ask" in payloads([draft]) and "staff:pub:edit:deadline" in payloads([draft])
    assert all(len(p.encode()) <= 64 for p in payloads([draft]))

    fixed = await chat.text(
        "date limite : 30/01/2024 17h\n"
        "e-mail: Recrutement <recrutement@tanmia.ma>\n"
        "organisation: Association Tanmia Souss (ATS)\n"
        "titre: Évaluation finale du projet Jeunes et emploi",
        BOSS,
    )
    assert "✔ Corrigé : Date limite, E-mails de candidature, Organisation, Titre" in fixed
    assert "• Date limite : 30 janvier 2024 à 17h00" in fixed
    assert "• E-mails de candidature : recrutement@tanmia.ma" in fixed
    assert "⚠" not in fixed
    # A field through its button, then a value that does not fit.
    assert "Nouvelle valeur pour « Régions / villes »" in texts(
        await chat.press("staff:pub:edit:places", BOSS)
    )
    assert "• Régions / villes : Souss-Massa, Oriental" in await chat.text(
        "Souss-Massa, Oriental", BOSS
    )
    assert "⚠ Date non comprise : « bientôt »" in await chat.text("date limite: bientôt", BOSS)
    await chat.say("régions: Souss-Massa", BOSS)

    [ask] = await chat.press("staff:pub:ask", BOSS)
    assert "Abonnés concernés : 2 (telegram 1, whatsapp 1)." in ask.text
    assert "1 recevront l'alerte dès la publication" in ask.text
    assert await outbox_rows(team) == []  # nothing sent before the confirmation
    [done] = await chat.press("staff:pub:go", BOSS)
    assert done.text.startswith("✅ Publié : « Évaluation finale du projet Jeunes et emploi »")

    call = await call_store.get_call(team.db, TANMIA_ID)
    assert call is not None and call.deadline == "2024-01-30T17:00:00+01:00"
    assert call.organization == "Association Tanmia Souss (ATS)"
    assert "Tanmia" in await chat.text("appels à Tiznit", USER)
    await announce_new_calls(team.db, POLICY, team.clock.now())  # the planner's next pass
    alerts = await outbox_rows(team, kind="new_call", call_id=TANMIA_ID)
    assert [row["contact_id"] for row in alerts] == [souss]
    assert oriental not in [row["contact_id"] for row in alerts]
    assert "Évaluation finale" in json.loads(alerts[0]["body"])[0]["text"]
    commands = [r["command"] for r in await audit_rows(team) if r["allowed"]]
    assert commands == ["draft", "correct", "correct", "correct", "publish"]


async def test_publish_a_docx_and_a_pdf_attachment(chat: Chat, team: Deps) -> None:
    lines = TANMIA_FULL.splitlines()
    [draft] = await send_file(team, BOSS, "TDR Tanmia.docx", make_docx(lines))
    assert "• Date limite : 15 janvier 2024 à 16h00" in draft.text
    assert "« au plus tard le 15 janvier 2024 à 16h00 »" in draft.text
    assert "• E-mails de candidature : recrutement@tanmia.ma" in draft.text
    assert "⚠ pas de date limite" not in draft.text
    draft_id = await access_draft(team, chat)
    assert await call_store.is_published(team.db, draft_id) is False
    assert "Brouillon supprimé" in texts(await chat.press("staff:pub:drop", BOSS))
    assert await call_store.all_calls(team.db, include_drafts=True) == await call_store.all_calls(
        team.db
    )

    pdf_lines = [line for line in lines if "15 janvier" not in line]  # no deadline
    [draft] = await send_file(team, BOSS, "appel.pdf", make_pdf(pdf_lines))
    assert "Tiznit" in draft.text and "⚠ pas de date limite" in draft.text
    fixed = await chat.text("date limite: 20/01/2024", BOSS)
    assert "• Date limite : 20 janvier 2024" in fixed
    await chat.press("staff:pub:ask", BOSS)
    assert texts(await chat.press("staff:pub:go", BOSS)).startswith("✅ Publié")


async def access_draft(team: Deps, chat: Chat) -> str:
    """The id of the draft in progress, from the review the staff member sees."""
    [reply] = await chat.press("staff:pub:review", BOSS)
    return reply.text.split("id : ", 1)[1].split("\n", 1)[0]


async def test_unreadable_documents_get_their_one_line_reason(chat: Chat, team: Deps) -> None:
    [reply] = await send_file(team, BOSS, "tdr.docx", b"PK\x03\x04 truncated")
    assert reply.text.startswith(
        "⚠ Je n'ai pas pu lire ce document : tdr.docx: not a .docx document"
    )
    assert "\n" not in reply.text
    [reply] = await send_file(team, BOSS, "budget.xlsx", b"")
    assert "unsupported file type .xlsx" in reply.text
    [reply] = await send_file(team, BOSS, "huge.pdf", b"")  # not downloaded: over 10 MB
    assert "de plus de 10 Mo" in reply.text
    assert await call_store.all_calls(team.db, include_drafts=True) == await call_store.all_calls(
        team.db
    )


async def test_a_published_call_is_never_overwritten_by_a_draft(chat: Chat, team: Deps) -> None:
    await chat.say(f"/publier {TANMIA_FULL}", BOSS)
    await chat.press("staff:pub:go", BOSS)
    [call] = [c for c in await call_store.all_calls(team.db) if "Tanmia" in c.source_text]
    reply = await chat.text(f"/publier {TANMIA_FULL}", BOSS)
    assert "déjà publié" in reply and call.id in reply
    assert await call_store.is_published(team.db, call.id)


async def test_publier_alone_waits_for_the_text(chat: Chat, team: Deps) -> None:
    assert await chat.text("/publier", BOSS) == t("fr", "staff_publish_prompt")
    assert f"id : {TANMIA_ID}" in await chat.text(TANMIA, BOSS)
    # With a draft in progress, /publier goes to the confirmation.
    assert "Abonnés concernés : 0" in await chat.text("/publier", BOSS)
    # Ordinary questions still get ordinary answers in the middle of a draft.
    assert "6 janvier 2024" in await chat.text("date limite de ALCI ?", BOSS)


async def test_arabic_staff_get_arabic(chat: Chat, team: Deps) -> None:
    await chat.press("lang:ar", BOSS)
    [draft] = await chat.say(f"/publier {TANMIA}", BOSS)
    assert "⚠ لا يوجد آخر أجل" in draft.text and "⚠ لا يوجد بريد إلكتروني" in draft.text
    fixed = await chat.text("آخر أجل: 30 يناير 2024", BOSS)
    assert "✔ تم التصحيح: آخر أجل" in fixed and "30 يناير 2024" in fixed


# --- close, extend, withdraw ------------------------------------------------------------------


def sender(deps: Deps, channel: RecordingChannel) -> Sender:
    fast = SendRates(per_second=1e9, per_chat=1e9)
    return Sender(deps.db, deps.clock, channel, fast, POLICY)


async def test_extend_tells_followers_and_moves_the_reminders(chat: Chat, team: Deps) -> None:
    first = await follower(team, "f1", ALCI)
    second = await follower(team, "f2", ALCI)
    await plan(team.db, POLICY, team.clock.now())  # the 7-day reminder for the 6th
    old = await outbox_rows(team, kind="reminder")
    assert {row["contact_id"] for row in old} == {first, second}

    reply = await chat.text(f"/prolonger {ALCI} 20/01/2024 à 16h", BOSS)
    assert reply.startswith("📅 « Recrutement d'un(e) consultant(e) chargé(e)")
    assert "20 janvier 2024 à 16h00" in reply and "Prévenus : 2" in reply
    notices = await outbox_rows(team, kind="notice")
    assert {row["contact_id"] for row in notices} == {first, second}
    body = json.loads(notices[0]["body"])[0]
    assert body["text"].startswith("📅 Date limite prolongée")
    assert "20 janvier 2024 à 16h00 (17 jours restants)" in body["text"]
    assert body["template"] == {"1": body["text"].split("\n(STOP")[0]}
    assert body["buttons"][0]["payload"] == f"ask:documents:{ALCI}"
    assert "20 janvier 2024" in await chat.text("ALCI date limite ?", USER)

    channel = RecordingChannel()
    await sender(team, channel).drain()
    sent = channel.texts("f1")
    assert len(sent) == 1 and sent[0].startswith("📅 Date limite prolongée")  # not the old one
    skipped = await outbox_rows(team, kind="reminder", status="skipped")
    assert {row["error"] for row in skipped} == {"deadline changed"}
    # The planner plans the reminders of the new date.
    team.clock.set(parse_now("2024-01-13T10:00:00"))  # type: ignore[attr-defined]
    await plan(team.db, POLICY, team.clock.now())
    new = await outbox_rows(team, kind="reminder", status="pending")
    assert {row["deadline_utc"] for row in new} == {"2024-01-20T15:00:00+00:00"}
    # A second extension is news again: one more notice each.
    assert "Prévenus : 2" in await chat.text(f"/prolonger {ALCI} 25/01/2024", BOSS)
    assert len(await outbox_rows(team, kind="notice")) == 4
    # Mistakes.
    assert "Date non comprise" in await chat.text(f"/prolonger {ALCI} la semaine prochaine", BOSS)
    assert "déjà passée" in await chat.text(f"/prolonger {ALCI} 01/01/2024", BOSS)
    assert "Aucun appel avec l'id « nope »" in await chat.text("/prolonger nope 1/2/2025", BOSS)


async def test_withdraw_stops_reminders_and_alerts_without_telling_anyone(
    chat: Chat, team: Deps
) -> None:
    fan = await follower(team, "fan", ALCI)
    await plan(team.db, POLICY, team.clock.now())
    assert len(await outbox_rows(team, contact_id=fan, status="pending")) == 1

    reply = await chat.text(f"/retirer {ALCI}", BOSS)
    assert reply.startswith("↩ Retiré") and "aucun rappel" in reply
    assert await call_store.get_call(team.db, ALCI) is None
    assert "ALCI" not in await chat.text("offres ouvertes", USER)
    [row] = await outbox_rows(team, contact_id=fan)
    assert row["status"] == "skipped" and row["error"] == "call withdrawn by staff"
    await plan(team.db, POLICY, team.clock.now())
    assert await announce_new_calls(team.db, POLICY, team.clock.now()) == 0
    assert await outbox_rows(team, status="pending") == []
    assert "n'est pas publié" in await chat.text(f"/retirer {ALCI}", BOSS)
    assert ("withdraw", 1) in [(r["command"], r["allowed"]) for r in await audit_rows(team)]


async def test_close_by_command_or_by_button_on_the_call_discussed(chat: Chat, team: Deps) -> None:
    assert await chat.text(f"/fermer {OMP}", BOSS) == (
        "🔒 Fermé : « Recrutement d'un/une consultant-e chargé de projet ». "
        "Plus aucun rappel pour cet appel."
    )
    assert "Fermé (retiré ou clôturé par l'équipe)" in await chat.text("OMP", USER)
    assert "déjà fermé" in await chat.text(f"/fermer {OMP}", BOSS)
    # Without an id: the call under discussion, after a confirmation button.
    await chat.say("Enabel", BOSS)
    [ask] = await chat.say("/fermer", BOSS)
    assert ask.text.startswith("Fermer « Intervention Officer Territorial")
    assert payloads([ask]) == ["staff:close", "staff:keep"]
    assert texts(await chat.press("staff:close", BOSS)).startswith("🔒 Fermé")
    enabel = await call_store.get_call(team.db, "enabel-iot-oujda-2022")
    assert enabel is not None and enabel.closed_manually
    assert texts(await chat.press("staff:close", BOSS)) == t("fr", "unknown_button")  # used
    await chat.say("ALCI", BOSS)
    await chat.say("/retirer", BOSS)
    assert texts(await chat.press("staff:keep", BOSS)) == t("fr", "staff_kept")
    assert await call_store.is_published(team.db, ALCI)
    assert "Aucun appel avec l'id « nope »" in await chat.text("/fermer nope", BOSS)


# --- command line -----------------------------------------------------------------------------


def test_cli_extend_and_withdraw(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    assert run("calls", "list", "--demo", db=db).returncode == 0
    extended = run("calls", "extend", OMP, "15/02/2025", "17h", db=db)
    assert extended.returncode == 0, extended.stderr
    assert extended.stdout.strip() == (
        f"extended {OMP} to 2025-02-15T17:00:00+01:00; 0 follower(s) told"
    )
    shown = json.loads(run("calls", "show", OMP, "--json", db=db).stdout)
    assert (shown["deadline"], shown["deadline_text"]) == (
        "2025-02-15T17:00:00+01:00",
        "15/02/2025 17h",
    )
    bad = run("calls", "extend", OMP, "someday", db=db)
    assert bad.returncode == 1 and "is not a date" in bad.stderr
    assert run("calls", "extend", "nope", "15/02/2025", db=db).returncode == 1

    withdrawn = run("calls", "withdraw", OMP, db=db)
    assert withdrawn.returncode == 0 and withdrawn.stdout.strip() == f"withdrew {OMP}"
    assert OMP not in run("calls", "list", db=db).stdout
    assert OMP in run("calls", "list", "--drafts", db=db).stdout
    again = run("calls", "withdraw", OMP, db=db)
    assert again.returncode == 1 and "not published" in again.stderr
    assert run("calls", "publish", OMP, db=db).returncode == 0
    assert OMP in run("calls", "list", db=db).stdout


def test_console_staff_with_chat_jsonl(tmp_path: Path) -> None:
    document = tmp_path / "Tanmia.docx"
    document.write_bytes(make_docx(TANMIA_FULL.splitlines()))
    lines = [
        {"user": "boss", "file": str(document)},
        {"user": "boss", "text": "date limite: 31/01/2024 12h"},
        {"user": "boss", "button": "staff:pub:ask"},
        {"user": "boss", "button": "staff:pub:go"},
        {"user": "eve", "text": "/publier un appel"},
        {"user": "eve", "file": str(document)},
        {"user": "eve", "file": str(tmp_path / "missing.pdf")},
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    result = run(
        "chat", "--jsonl", "--staff", "boss", "--staff", "other", stdin=stdin, db=tmp_path / "f.db"
    )
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert "📝 Brouillon" in out[0]["replies"][0]["text"]
    assert "31 janvier 2024 à 12h00" in out[1]["replies"][0]["text"]
    assert "Abonnés concernés : 0" in out[2]["replies"][0]["text"]
    assert out[3]["replies"][0]["text"].startswith("✅ Publié")
    assert out[4]["replies"][0]["text"] == t("fr", "off_topic")
    assert out[5]["replies"][0]["text"] == t("fr", "empty")
    assert out[6]["replies"] == [] and "missing.pdf" in out[6]["error"]
    listed = run("calls", "list", db=tmp_path / "f.db").stdout
    assert "consultation-evaluation-finale-2024  [open]" in listed


# --- channels ---------------------------------------------------------------------------------


@pytest.fixture
async def telegram(deps: Deps) -> AsyncIterator[tuple[FakeTelegram, TelegramChannel]]:
    async with FakeTelegram() as api:
        deps.staff_seed.update({("telegram", "1001"): "admin"})
        channel = TelegramChannel(api.settings(), deps)
        await channel.start()
        yield api, channel
        await channel.stop()


async def test_telegram_documents_are_downloaded_for_staff(
    telegram: tuple[FakeTelegram, TelegramChannel], deps: Deps
) -> None:
    api, _ = telegram
    await api.push_document(1001, TANMIA.encode(), "appel.txt", caption="/publier")
    [draft] = await api.wait_for_messages(1001, 1)
    assert f"id : {TANMIA_ID}" in draft.text and "⚠ pas de date limite" in draft.text
    assert "staff:pub:ask" in draft.buttons
    assert api.downloads == ["documents/file_1"]
    assert api.calls_to("getFile")[0].params["file_id"] == "doc-1"
    # Too large: not downloaded, and the staff member is told why.
    await api.push_document(1001, b"x", "gros.pdf", file_size=11 * 1024 * 1024)
    [_, big] = await api.wait_for_messages(1001, 2)
    assert "de plus de 10 Mo" in big.text and len(api.downloads) == 1
    # Someone else's document gets the usual "no text" answer.
    await api.push_document(2002, TANMIA.encode(), "appel.txt")
    [other] = await api.wait_for_messages(2002, 1)
    assert other.text == t("fr", "empty")
    await api.wait_for(lambda: len(api.calls_to("sendMessage")) >= 3)


@pytest.fixture
async def whatsapp(
    deps: Deps, unused_tcp_port: int
) -> AsyncIterator[tuple[FakeTwilio, WhatsAppChannel]]:
    async with FakeTwilio() as api:
        deps.staff_seed.update({("whatsapp", "+212600000001"): "editor"})
        channel = WhatsAppChannel(api.settings(), deps)
        await channel.start()
        runner = await start_http(build_app(None, channel), "127.0.0.1", unused_tcp_port)
        api.connect(f"http://127.0.0.1:{unused_tcp_port}")
        yield api, channel
        await runner.cleanup()
        await channel.stop()


async def test_whatsapp_media_documents_are_downloaded_for_staff(
    whatsapp: tuple[FakeTwilio, WhatsAppChannel], deps: Deps
) -> None:
    api, channel = whatsapp
    pdf = make_pdf(TANMIA.splitlines())
    status = await api.send_inbound("+212600000001", "", documents=[("application/pdf", pdf)])
    assert status == 200
    await channel.idle()
    [draft, *_] = api.messages_to("+212600000001")
    assert "📝 Brouillon" in draft.text and "⚠ pas de date limite" in draft.text
    assert len(api.media_downloads) == 1
    assert api.media_downloads[0].startswith(f"/2010-04-01/Accounts/{api.account_sid}/")
    # A non-staff user's document: downloaded, but only the "no text" answer comes back.
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    await api.send_inbound("+212600000002", "", documents=[(docx_type, make_docx(["x"]))])
    await channel.idle()
    [answer] = api.messages_to("+212600000002")
    assert answer.text.startswith(t("fr", "empty"))
    # A photo stays a photo: nothing is downloaded.
    await api.send_inbound("+212600000001", "", media=1)
    await channel.idle()
    assert len(api.media_downloads) == 2


async def test_a_console_user_named_staff_in_deps_is_admin(deps: Deps) -> None:
    deps.staff_seed.update({("console", "local"): "admin"})
    [reply] = await handle(deps, Inbound("console", "local", text="/staff"))
    assert "console local — administrateur" in reply.text
