"""Reply language: script first, Arabizi cues, French cues, langdetect last."""

from __future__ import annotations

import pytest

from handlers.understand.language import detect_language, is_arabizi


@pytest.mark.parametrize(
    "text",
    [
        "salut",
        "Salut !",
        "merci !",
        "merciii",
        "bonjour",
        "oui",
        "non",
        "Quel est le prix du pain ?",
        "offres ouvertes en ce moment",
        "Il reste combien de temps pour l'appel Open Ma3louma ?",
        "l'appel de l'observatoire, il faut envoyer quoi ?",
        "Quelle adresse mail pour candidater chez Enabel ?",
        "Est-ce que je peux postuler à l'OMP si je suis salarié ?",
        "J'ai un doctorat et 6 ans d'expérience en guides méthodologiques",
        "suis-je éligible ?",
        "Combien dure la mission OMP ?",
        "L'atelier REMACTO c'est où et quand ?",
        "la date limite pour l'atelier de réseautage ?",
        "Y a-t-il des appels dans l'Oriental ?",
        "appels pour les associations de femmes",
        "appels fermés",
        "M&D c'était combien de jours par commune ?",
        "salam, je cherche un appel pour les jeunes",
        "Je voudrais m'abonner aux alertes de la région Souss-Massa",
        "le 3ème appel de la liste, il se termine quand ?",
    ],
)
def test_french(text: str) -> None:
    assert detect_language(text) == "fr"
    assert not is_arabizi(text)


@pytest.mark.parametrize(
    "text",
    [
        "مرحبا",
        "شكرا جزيلا",
        "شنو هي العروض لي باقين مفتوحين؟",
        "فين نصيفط الملف ديال ALCI؟",
        "عندي ماستر و عامين ديال الخبرة، واش نقدر نترشح ل ALCI؟",
        "واش كاين شي حاجة على حقوق الإنسان؟",
        "بالعربية عافاك",
        "ما هي آخر أجل للترشح؟",
        "Enabel شنو هو",
    ],
)
def test_arabic_script(text: str) -> None:
    assert detect_language(text) == "ar"
    assert detect_language(text, remembered="fr") == "ar"
    assert not is_arabizi(text)


@pytest.mark.parametrize(
    "text",
    [
        "kifach nkhdem m3akom?",
        "fo9ach akhir ajal?",
        "wach kayn chi appel f souss?",
        "3afak chi appel dyal jam3iyat",
        "bghit n3ref ch7al b9a f l'appel dyal ALCI",
        "chno homa les documents li khasni nsift?",
        "imta ysed l'appel?",
        "wach n9der ntrecha7?",
        "fin nsifet dossier?",
        "choukran bzaf",
        "mzyan, wakha",
        "salam, wach kayna chi khedma f agadir?",
    ],
)
def test_arabizi_is_answered_in_arabic(text: str) -> None:
    assert detect_language(text) == "ar"
    assert detect_language(text, remembered="fr") == "ar"
    assert is_arabizi(text)


@pytest.mark.parametrize("text", ["😀😀", "👍", "", "   ", "1234", "?", "AMUSSU/2024/226"])
@pytest.mark.parametrize("remembered", [None, "fr", "ar"])
def test_no_words_keeps_remembered(text: str, remembered: str | None) -> None:
    assert detect_language(text, remembered) == (remembered or "fr")


@pytest.mark.parametrize("text", ["Enabel", "Oujda", "ALCI", "OMP", "REMACTO", "Tiznit", "ok"])
def test_a_name_does_not_flip_an_arabic_user(text: str) -> None:
    assert detect_language(text, remembered="ar") == "ar"
    assert detect_language(text, remembered="fr") == "fr"
    assert detect_language(text) == "fr"


def test_other_languages_fall_back() -> None:
    assert detect_language("Hello, are there any calls for NGOs this week?") == "fr"
    assert detect_language("Hello, are there any calls for NGOs this week?", "ar") == "ar"


def test_french_without_function_words_goes_to_langdetect() -> None:
    text = "Recrutement consultant évaluation finale programme participation citoyenne"
    assert detect_language(text) == "fr"


def test_safi_alone_is_not_enough_for_arabizi() -> None:
    assert not is_arabizi("safi")
    assert detect_language("safi merci") == "fr"


def test_digits_of_french_words_are_not_arabizi() -> None:
    for text in ["3eme", "17h30", "2nd", "5km", "covid19", "MAR20000211"]:
        assert not is_arabizi(text)
