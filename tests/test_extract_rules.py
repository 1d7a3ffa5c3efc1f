"""Extraction rules found on the corpus, each checked on a text written for the test
(not a corpus call) and on a counter-example that must not trigger it."""

from __future__ import annotations

from store.ingest.extract import extract_call
from store.models import Kind


def test_the_implementing_agency_publishes() -> None:
    call = extract_call(
        "# Chargé·e de suivi-évaluation\n\n"
        "Le programme Jisr est financé par l'Union européenne et mis en œuvre par l'OIM.\n\n"
        "Date limite : 12 mars 2025\n"
    )
    assert call.organization and "OIM" in call.organization


def test_a_sentence_naming_an_organisation_is_no_letterhead() -> None:
    call = extract_call(
        "# Formation de formateurs en entrepreneuriat\n\n"
        "Elle s'adresse aux conseillers de l'ANAPEC.\n\n"
        "Le marché est attribué et exécuté par l'APEFE.\n"
    )
    assert call.organization == "APEFE"


def test_the_publisher_in_a_job_board_title() -> None:
    titled = extract_call("# AMSED : recrutement d'un comptable\n\nDate limite : 3 mai 2025\n")
    assert titled.organization == "AMSED"
    arabic = extract_call("# جماعة تيزنيت: مباراة لتوظيف متصرفين\n\nآخر أجل 3 ماي 2025\n")
    assert arabic.organization == "جماعة تيزنيت"
    # A town before the colon is a dateline, not a publisher.
    town = extract_call("# Tiznit : appel à projets pour les associations\n")
    assert town.organization != "Tiznit"


def test_the_addressee_of_the_dossier_publishes() -> None:
    call = extract_call(
        "# Recrutement d'animateurs\n\n"
        "Dossier à adresser à l'Association Tafoukt pour le Développement (ATD) avant le "
        "3 juin 2025.\n"
    )
    assert call.organization and call.organization.startswith("Association Tafoukt")


def test_a_ministry_call_without_a_place_is_national_as_a_guess() -> None:
    ministry = extract_call(
        "# Prix national de l'économie sociale\n\n"
        "Le Ministère de l'Artisanat et de l'Économie sociale lance la 5e édition du prix.\n"
    )
    assert ministry.regions == ["national"]
    assert ministry.uncertain("places")
    abroad = extract_call(
        "# Appel à projets\n\nLe Ministère délégué chargé des Marocains résidant à l'étranger "
        "lance un appel à projets.\n"
    )
    assert abroad.regions == []


def test_a_call_limited_to_one_region_drops_the_programme_s_others() -> None:
    call = extract_call(
        "# Appel à manifestation d'intérêt\n\n"
        "Le programme couvre deux régions :\n- Souss-Massa\n- Drâa-Tafilalet\n\n"
        "Le présent appel porte uniquement sur la région de Drâa-Tafilalet.\n"
    )
    assert call.regions == ["draa-tafilalet"]


def test_pictographs_do_not_hide_labels() -> None:
    call = extract_call(
        "# Concours de recrutement\n\n"
        "## 📂 Dossier de candidature\n\n"
        "Le dossier comprend :\n1. 📄 Un CV détaillé\n2. 🆔 Une copie de la CIN\n\n"
        "## 🗓️ Dépôt des candidatures\n\n"
        "📍 Adresse : 12, avenue Hassan II – Errachidia\n"
    )
    assert call.required_documents == ["CV détaillé", "Copie de la CIN"]
    assert call.submission.postal_address == "12, avenue Hassan II – Errachidia"


def test_documents_named_in_a_sentence() -> None:
    call = extract_call(
        "# Programme de volontariat\n\n"
        "Pour participer, remplir le formulaire d'inscription sur la plateforme, puis "
        "déposer le dossier de volontariat à la délégation provinciale.\n"
    )
    assert [d.lower() for d in call.required_documents] == [
        "formulaire d'inscription",
        "dossier de volontariat",
    ]
    vague = extract_call("# Appel\n\nLes associations peuvent déposer leur dossier au siège.\n")
    assert vague.required_documents == []


def test_a_catch_all_item_is_no_document() -> None:
    call = extract_call(
        "# Appel à projets\n\nLe dossier comprend les pièces suivantes :\n"
        "- une fiche technique du projet ;\n- le budget prévisionnel ;\n"
        "- tout autre document jugé utile.\n"
    )
    assert len(call.required_documents) == 2


def test_subject_after_mentionnant_and_bare_references() -> None:
    call = extract_call(
        "# Évaluation finale (Réf : 25EVALFIN)\n\n"
        "Envoyer l'offre à offres@example.org\nMentionnant l'objet : « Évaluation finale 2025 »\n"
    )
    assert call.submission.subject == "Évaluation finale 2025"
    assert call.reference == "25EVALFIN"
    topic = extract_call(
        "# Formation\n\nUne session portant « Gouvernance locale » aura lieu.\n"
    )
    assert topic.submission.subject is None


def test_a_site_to_learn_more_is_no_application_url() -> None:
    call = extract_call(
        "# Appel à consultation\n\n"
        "Pour mieux connaître l'association, les candidats peuvent consulter son site : "
        "https://www.example.org\n"
    )
    assert call.submission.url is None
    assert call.kind is Kind.CONSULTANCY


def test_labelled_languages_and_performance_period() -> None:
    call = extract_call(
        "# Program Officer\n\n| Languages Required : | Arabic French |\n\n"
        "Length of performance period: 18 months\n"
    )
    assert call.requirements.languages == ["ar", "fr"]
    assert call.duration and "18 months" in call.duration
