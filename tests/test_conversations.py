"""Tier 1: conversations over the demo catalog, clock at 2024-01-03 10:00 Casablanca.

At that instant ALCI is open (6 January 2024, 3 days left), OMP is open (21 January
2025), the Expertise France workshop has no deadline (workshop 13 November 2024), and
M&D (2016) and Enabel (2022) are closed.
"""

from __future__ import annotations

import re

from handlers.clock import FixedClock, parse_now
from tests.conftest import Chat

ARABIC = re.compile(r"[\u0600-\u06ff]")
MSA_MONTHS = ("يوليو ", "أغسطس", "سبتمبر", "نوفمبر", "ديسمبر", "مايو")


def is_arabic_reply(text: str) -> bool:
    # Call titles stay in French; the reply's own words must be Arabic.
    return len(ARABIC.findall(text)) > 15


# --- small talk ---------------------------------------------------------------------


async def test_french_greeting_says_what_forsa_does(chat: Chat) -> None:
    text = await chat.text("salut")
    assert "Bonjour" in text and "appels ouverts" in text and "date limite" in text


async def test_arabic_greeting(chat: Chat) -> None:
    text = await chat.text("مرحبا")
    assert is_arabic_reply(text) and "آخر أجل" in text


async def test_arabizi_help_gets_arabic(chat: Chat) -> None:
    assert is_arabic_reply(await chat.text("kifach nkhdem m3akom?"))


async def test_thanks_in_both_languages(chat: Chat) -> None:
    assert "plaisir" in await chat.text("merci !")
    assert "العفو" in await chat.text("شكرا جزيلا", user="u2")


async def test_off_topic_is_polite_and_invents_nothing(chat: Chat) -> None:
    text = await chat.text("Quel est le prix du pain ?")
    assert "société civile" in text and "appels ouverts" in text
    assert "@" not in text and "2024" not in text


async def test_start_deep_link_opens_the_call(chat: Chat) -> None:
    text = await chat.text("/start omp-consultant-gestion-2025")
    assert "Observatoire" in text and "21 janvier 2025" in text


# --- listings -----------------------------------------------------------------------


async def test_open_calls_sorted_with_days_left(chat: Chat) -> None:
    text = await chat.text("offres ouvertes en ce moment")
    assert "ALCI" in text and "OMP" in text
    assert text.index("ALCI") < text.index("OMP")  # soonest deadline first
    assert "3 jours restants" in text
    assert "Enabel" not in text and "Migrations" not in text


async def test_open_calls_in_arabic_use_moroccan_months(chat: Chat) -> None:
    text = await chat.text("شنو هي العروض لي باقين مفتوحين؟")
    assert "6 يناير 2024" in text and "21 يناير 2025" in text
    assert "باقي 3 أيام" in text
    assert not any(month in text for month in MSA_MONTHS)
    assert "Enabel" not in text


async def test_region_listing_mentions_undated_and_closed(chat: Chat) -> None:
    text = await chat.text("Y a-t-il des appels dans l'Oriental ?")
    assert "Expertise France" in text and "13 novembre 2024" in text
    assert "Enabel" in text and "17 juillet 2022" in text  # named as closed, not open
    assert "Aucun appel ouvert" in text


async def test_arabizi_region_listing(chat: Chat) -> None:
    text = await chat.text("wach kayn chi appel f souss?")
    assert is_arabic_reply(text)
    assert "سوس ماسة" in text and "M&D" in text  # M&D is in Souss-Massa, closed


async def test_city_names_map_to_their_region(chat: Chat) -> None:
    text = await chat.text("des appels à Tiznit ?")
    assert "Migrations" in text  # Tiznit is in Souss-Massa, where M&D worked


async def test_theme_listing_in_darija(chat: Chat) -> None:
    text = await chat.text("واش كاين شي حاجة على حقوق الإنسان؟")
    assert "OMP" in text or "Observatoire" in text
    assert is_arabic_reply(text)


async def test_theme_with_nothing_open_offers_a_way_on(chat: Chat) -> None:
    text = await chat.text("appels sur la migration")
    assert "Aucun appel ouvert" in text and "appels ouverts" in text


async def test_closed_calls_with_closing_dates(chat: Chat) -> None:
    text = await chat.text("appels fermés")
    assert "Enabel" in text and "17 juillet 2022" in text
    assert "Migrations" in text and "30 novembre 2016" in text
    assert "ALCI" not in text


async def test_closed_call_without_deadline_says_what_is_true(
    chat: Chat, clock: FixedClock
) -> None:
    clock.set(parse_now("2025-06-01T10:00"))
    text = await chat.text("appels fermés")
    assert "—\n" not in text and "depuis le —" not in text
    assert "Pas de date limite dans le texte" in text and "13 novembre 2024" in text
    text = await chat.text("العروض المغلقة")
    assert "لا يذكر النص آخر أجل" in text


async def test_this_week(chat: Chat) -> None:
    text = await chat.text("appels de la semaine")
    assert "ALCI" in text and "OMP" not in text


async def test_kind_filter_jobs(chat: Chat) -> None:
    text = await chat.text("offres d'emploi ouvertes")
    assert "Aucun appel ouvert" in text  # the only job (Enabel) closed in 2022


# --- one call -----------------------------------------------------------------------


async def test_days_left_for_a_named_project(chat: Chat) -> None:
    text = await chat.text("Il reste combien de temps pour l'appel Open Ma3louma ?")
    assert "6 janvier 2024" in text and "3 jours" in text


async def test_documents_for_the_observatory(chat: Chat) -> None:
    text = await chat.text("l'appel de l'observatoire, il faut envoyer quoi ?")
    for document in ("vitae", "méthodologique", "financière"):
        assert document in text


async def test_enabel_mail_subject_and_closed(chat: Chat) -> None:
    text = await chat.text("Quelle adresse mail pour candidater chez Enabel ?")
    assert "recrutement.mor@enabel.be" in text
    assert "07/2022/IOT /MAR20000211" in text  # quoted as written, space included
    assert "17 juillet 2022" in text and "fermée" in text


async def test_where_to_send_in_darija(chat: Chat) -> None:
    text = await chat.text("فين نصيفط الملف ديال ALCI؟")
    assert "mouvementalci@gmail.com" in text and "recrut.formation2024@gmail.com" in text
    assert "Guide des bonnes pratiques" in text and "6 يناير 2024" in text


async def test_duration_not_fixed(chat: Chat) -> None:
    text = await chat.text("Combien dure la mission OMP ?")
    assert "plan d'action" in text


async def test_place_and_date_of_the_workshop(chat: Chat) -> None:
    text = await chat.text("L'atelier REMACTO c'est où et quand ?")
    assert "Saïdia" in text and "Oasis Atlantico" in text and "13 novembre 2024" in text


async def test_no_deadline_points_to_the_contact(chat: Chat) -> None:
    text = await chat.text("la date limite pour l'atelier de réseautage ?")
    assert "n'indique pas de date limite" in text
    assert "Nicole.nkao@expertisefrance.fr" in text


async def test_follow_up_uses_the_call_under_discussion(chat: Chat) -> None:
    await chat.say("la date limite pour l'atelier de réseautage ?")
    assert "arabe" in await chat.text("quelle est la langue de l'atelier ?")
    assert "Saïdia" in await chat.text("et c'est où ?")


async def test_arabic_follow_up(chat: Chat) -> None:
    await chat.say("Enabel")
    text = await chat.text("وما هو آخر أجل؟")
    assert "17 يوليوز 2022" in text and "مغلق" in text


async def test_days_per_commune(chat: Chat) -> None:
    text = await chat.text("M&D c'était combien de jours par commune ?")
    assert "22 jours" in text and "2 J par commune" in text


async def test_name_alone_gives_a_card(chat: Chat) -> None:
    replies = await chat.say("Enabel")
    text = replies[0].text
    assert "Intervention Officer" in text and "Oujda" in text and "17 juillet 2022" in text
    payloads = [b.payload for b in replies[0].buttons]
    assert "ask:deadline:enabel-iot-oujda-2022" in payloads
    assert all(len(p.encode()) <= 64 for p in payloads)


async def test_reference_finds_the_call(chat: Chat) -> None:
    assert "Alternatives" in await chat.text("AMUSSU/2024/226")


async def test_typo_in_the_acronym(chat: Chat) -> None:
    text = await chat.text("la date limite de l'apel alcci ?")
    assert "6 janvier 2024" in text


async def test_arabizi_deadline(chat: Chat) -> None:
    text = await chat.text("fo9ach akhir ajal dyal OMP?")
    assert "21 يناير 2025" in text


async def test_free_question_quotes_the_french_text(chat: Chat) -> None:
    await chat.say("Enabel")
    text = await chat.text("Il y a un salaire ?")
    assert "salaire compétitif" in text and "cité" in text


async def test_arabic_free_question_finds_french_text(chat: Chat) -> None:
    await chat.say("Enabel", user="u9")
    text = await chat.text("شحال الراتب ديال Enabel؟", user="u9")
    assert "salaire" in text and "الفرنسي" in text


async def test_unknown_fact_says_so_and_points_to_contact(chat: Chat) -> None:
    await chat.say("ALCI")
    text = await chat.text("Est-ce que le logement est pris en charge ?")
    assert "ne trouve pas" in text and "mouvementalci@gmail.com" in text


# --- eligibility --------------------------------------------------------------------


async def test_eligible_with_doctorate_and_six_years(chat: Chat) -> None:
    text = await chat.text(
        "J'ai un doctorat et 6 ans d'expérience en guides méthodologiques, "
        "je peux postuler pour ALCI ?"
    )
    assert "correspond" in text and "ne correspond pas" not in text
    assert "vérifier vous-même" in text and "société civile" in text


async def test_not_eligible_in_darija(chat: Chat) -> None:
    text = await chat.text("عندي ماستر و عامين ديال الخبرة، واش نقدر نترشح ل ALCI؟")
    assert "لا يستوفي" in text and "5" in text
    assert "✔ الشهادة" in text  # the degree is fine: Master, BAC+4 minimum


async def test_salaried_status_quotes_the_text_without_verdict(chat: Chat) -> None:
    text = await chat.text("Est-ce que je peux postuler à l'OMP si je suis salarié ?")
    assert "auto-entrepreneur" in text and "Avoir un statut" in text
    assert "ne correspond pas" not in text


async def test_eligibility_asks_one_question_at_a_time(chat: Chat) -> None:
    await chat.say("Parle-moi de l'appel ALCI")
    first = (await chat.say("suis-je éligible ?"))[0]
    assert "diplôme" in first.text
    assert [b.payload for b in first.buttons][:2] == ["elig:degree:0", "elig:degree:3"]
    second = (await chat.press("elig:degree:5"))[0]
    assert "années d'expérience" in second.text and second.buttons
    verdict = await chat.text("3 ans")
    assert "ne correspond pas" in verdict and "au moins 5" in verdict


async def test_eligibility_remembers_the_profile(chat: Chat) -> None:
    await chat.say("j'ai une licence et 3 ans d'expérience, je peux postuler à Enabel ?")
    text = await chat.text("et pour ALCI, suis-je éligible ?")
    assert "ne correspond pas" in text  # licence < BAC+4 and 3 < 5 years, not asked again


async def test_status_question_with_yes_no_buttons(chat: Chat) -> None:
    reply = (await chat.say("suis-je éligible à l'appel de l'OMP ?"))[0]
    assert "auto-entrepreneur" in reply.text
    assert [b.payload for b in reply.buttons] == ["elig:status:1", "elig:status:0"]
    assert "correspond" in await chat.text("oui")


# --- language -----------------------------------------------------------------------


async def test_language_switch_is_remembered(chat: Chat) -> None:
    reply = (await chat.say("/langue"))[0]
    assert {b.payload for b in reply.buttons} == {"lang:fr", "lang:ar"}
    assert "العربية" in await chat.text("بالعربية عافاك")
    text = await chat.text("offres ouvertes")
    assert is_arabic_reply(text)


async def test_language_button(chat: Chat) -> None:
    await chat.press("lang:ar")
    assert is_arabic_reply(await chat.text("ALCI"))


async def test_remembered_language_for_names(chat: Chat) -> None:
    await chat.say("السلام عليكم")
    assert is_arabic_reply(await chat.text("Enabel"))


# --- users are independent, state is in the store -------------------------------------


async def test_users_do_not_share_the_call_under_discussion(chat: Chat) -> None:
    await chat.say("Enabel", user="a")
    await chat.say("OMP", user="b")
    assert "17 juillet 2022" in await chat.text("et la date limite ?", user="a")
    assert "21 janvier 2025" in await chat.text("et la date limite ?", user="b")


async def test_which_call_when_none_is_known(chat: Chat) -> None:
    reply = (await chat.say("quelle est la date limite ?"))[0]
    assert reply.buttons and all(b.payload.startswith("call:") for b in reply.buttons)
    answer = await chat.press(reply.buttons[0].payload)
    assert "date limite" in answer[0].text


async def test_unknown_button_payload(chat: Chat) -> None:
    text = await chat.text("x")
    assert text
    replies = await chat.press("nope:123")
    assert "bouton" in replies[0].text
    replies = await chat.press("ask:deadline:no-such-call")
    assert "bouton" in replies[0].text
    replies = await chat.press("elig:degree:5")  # nothing pending
    assert "bouton" in replies[0].text


async def test_a_french_sentence_gets_french_even_after_arabic(chat: Chat) -> None:
    await chat.say("مرحبا")
    assert "Appels fermés" in await chat.text("appels fermés")


async def test_polite_words_name_no_call(chat: Chat) -> None:
    text = await chat.text("merci beaucoup, bonne journée")
    assert "plaisir" in text and "Alternatives" not in text


async def test_how_long_follow_up(chat: Chat) -> None:
    await chat.say("OMP")
    assert "plan d'action" in await chat.text("c'est pour combien de temps ?")


async def test_a_non_answer_gets_the_question_again(chat: Chat) -> None:
    await chat.say("suis-je éligible à l'appel de l'OMP ?")
    reply = (await chat.say("3 ans"))[0]
    assert "pas compris" in reply.text and "auto-entrepreneur" in reply.text
    assert [b.payload for b in reply.buttons] == ["elig:status:1", "elig:status:0"]
    assert "ne correspond pas" in await chat.text("non")


async def test_theme_words_in_a_name_do_not_hijack_a_listing(chat: Chat) -> None:
    text = await chat.text("appels sur la participation citoyenne")
    assert "Participation citoyenne" in text and "ALCI" in text


async def test_nothing_open_offers_to_subscribe(chat: Chat, clock) -> None:  # type: ignore[no-untyped-def]
    from handlers.clock import parse_now

    clock.set(parse_now("2026-11-27T10:00"))  # every demo call has closed by now
    text = await chat.text("offres ouvertes")
    assert "Aucun appel ouvert" in text and "/abonner" in text and "appels fermés" in text
