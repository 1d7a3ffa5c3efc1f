"""Subscribing, following, stopping and forgetting, in conversation (tier 1)."""

from __future__ import annotations

from store import outbox
from store import subscriptions as subs
from store.contacts import get_or_create_contact
from tests.conftest import Chat


async def _contact_id(chat: Chat, user: str = "u1") -> int:
    contact = await get_or_create_contact(chat.deps.db, "console", user, chat.deps.clock.now())
    return contact.id


async def test_subscribe_in_french_with_preselection(chat: Chat) -> None:
    first = (await chat.say("je veux recevoir les appels de l'Oriental"))[0]
    assert "✅ Oriental" in [b.label for b in first.buttons]
    await chat.press("sub:r:souss-massa")
    await chat.press("sub:next")
    themes = (await chat.say("femmes"))[0]  # typed names tick themes too
    assert any(b.label.startswith("✅") and "Femmes" in b.label for b in themes.buttons)
    await chat.press("sub:next")
    freq = (await chat.say("x"))  # not a choice: the flow waits, the question stays
    assert freq
    confirm = (await chat.press("sub:f:daily"))[0]
    assert "Oriental, Souss-Massa" in confirm.text and "Femmes" in confirm.text
    done = (await chat.press("sub:ok"))[0]
    assert "C'est fait" in done.text
    found = await subs.list_subscriptions(chat.deps.db, await _contact_id(chat))
    assert len(found) == 1
    assert found[0].regions == ("oriental", "souss-massa")
    assert found[0].themes == ("women-gender",)
    assert found[0].frequency == "daily"


async def test_subscribe_in_darija_from_plain_words(chat: Chat) -> None:
    reply = (await chat.say("بغيت نتسجل ف جهة سوس"))[0]
    assert "✅ سوس ماسة" in [b.label for b in reply.buttons]
    for payload in ("sub:next", "sub:next", "sub:f:instant", "sub:ok"):
        last = (await chat.press(payload))[0]
    assert "تم" in last.text


async def test_subscribe_command_and_cancel(chat: Chat) -> None:
    reply = (await chat.say("/abonner"))[0]
    assert any(b.payload == "sub:r:all" for b in reply.buttons)
    for payload in ("sub:next", "sub:next", "sub:f:weekly"):
        await chat.press(payload)
    assert "annulé" in (await chat.press("sub:no"))[0].text
    assert await subs.list_subscriptions(chat.deps.db, await _contact_id(chat)) == []


async def test_my_subscriptions_change_and_delete(chat: Chat) -> None:
    await chat.say("/abonner")
    for payload in ("sub:next", "sub:next", "sub:f:instant", "sub:ok"):
        await chat.press(payload)
    listing = (await chat.say("/mes_abonnements"))[0]
    assert "Tout le Maroc" in listing.text and "Tous les thèmes" in listing.text
    change = next(b.payload for b in listing.buttons if b.payload.startswith("sub:freq:"))
    options = (await chat.press(change))[0]
    weekly = next(b.payload for b in options.buttons if b.payload.endswith(":weekly"))
    assert "semaine" in (await chat.press(weekly))[0].text
    delete = next(b.payload for b in listing.buttons if b.payload.startswith("sub:del:"))
    assert "supprimé" in (await chat.press(delete))[0].text
    assert "pas d'abonnement" in await chat.text("/mes_abonnements")


async def test_follow_from_a_call_card(chat: Chat) -> None:
    card = (await chat.say("OMP"))[0]
    assert "follow:omp-consultant-gestion-2025" in [b.payload for b in card.buttons]
    text = (await chat.press("follow:omp-consultant-gestion-2025"))[0].text
    assert "21 janvier 2025" in text and "7 jours" in text
    assert "Observatoire" not in (await chat.press("follow:enabel-iot-oujda-2022"))[0].text
    listing = (await chat.say("/mes_abonnements"))[0]
    assert "unfollow:omp-consultant-gestion-2025" in [b.payload for b in listing.buttons]
    assert "ne suivez plus" in (await chat.press("unfollow:omp-consultant-gestion-2025"))[0].text


async def test_stop_and_start_again(chat: Chat) -> None:
    for word in ("STOP", "arrêt", "توقف", "/stop"):
        text = await chat.text(word, user=f"s-{word}")
        assert "START" in text
    assert "reprennent" in await chat.text("START", user="s-STOP")
    row = await chat.deps.db.fetchone(
        "SELECT status FROM contacts WHERE address = ?", ("s-arrêt",)
    )
    assert row is not None and row["status"] == "stopped"


async def test_stopped_users_still_get_answers(chat: Chat) -> None:
    await chat.say("STOP")
    assert "6 janvier 2024" in await chat.text("date limite ALCI ?")


async def test_my_data_shows_what_is_stored(chat: Chat) -> None:
    await chat.say("j'ai un master et 3 ans d'expérience, je peux postuler à Enabel ?")
    text = await chat.text("/mes_donnees")
    assert "console" in text and "u1" in text and "Abonnements : 0" in text
    assert '"degree": 5' in text and "/oublier" in text
    assert "بياناتي" not in text
    assert "القناة" in await chat.text("بياناتي", user="ar-user")


async def test_forget_deletes_everything_after_confirmation(chat: Chat) -> None:
    await chat.say("/abonner")
    for payload in ("sub:next", "sub:next", "sub:f:instant", "sub:ok"):
        await chat.press(payload)
    await chat.press("follow:omp-consultant-gestion-2025")
    confirm = (await chat.say("/oublier"))[0]
    assert [b.payload for b in confirm.buttons] == ["forget:yes", "forget:no"]
    assert "Rien" in (await chat.press("forget:no"))[0].text
    await chat.say("/oublier")
    assert "effacé" in (await chat.press("forget:yes"))[0].text
    db = chat.deps.db
    for table in ("contacts", "subscriptions", "follows", "conversations", "outbox"):
        row = await db.fetchone(f"SELECT COUNT(*) AS n FROM {table}")
        assert row is not None and row["n"] == 0, table
    assert await outbox.status_counts(db) == {}
