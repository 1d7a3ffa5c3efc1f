"""Places, themes and the AR/Darija -> FR glossary, in the four ways users write."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from store.models import REGION_IDS, THEME_IDS
from store.vocab.glossary import (
    ARABIC_STOPWORDS,
    FRENCH_STOPWORDS,
    arabic_variants,
    french_terms,
    words,
)
from store.vocab.places import PlaceMatch, city_region, find_places, region_name
from store.vocab.themes import count_theme_mentions, find_themes, theme_name

SEEDS = Path("/work/shared/seeds")

# --- places -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Y a-t-il des appels dans l'Oriental ?", ("oriental",)),
        ("appels région orientale", ("oriental",)),
        ("بغيت نتسجل ف جهة سوس", ("souss-massa",)),
        ("wach kayn chi appel f souss?", ("souss-massa",)),
        ("Souss-Massa", ("souss-massa",)),
        ("souss massa", ("souss-massa",)),
        ("فسوس", ("souss-massa",)),
        ("شي حاجة فجهة الشرق؟", ("oriental",)),
        ("appel à Fès", ("fes-meknes",)),
        ("Fès-Meknès", ("fes-meknes",)),
        ("Marrakech-Safi", ("marrakech-safi",)),
        ("offres à Casa", ("casablanca-settat",)),
        ("كاين شي حاجة فكازا؟", ("casablanca-settat",)),
        ("بالدار البيضاء", ("casablanca-settat",)),
        ("الدار البيضاء سطات", ("casablanca-settat",)),
        ("appels dans la région TTH", ("tanger-tetouan-al-hoceima",)),
        ("Tanger-Tétouan-Al Hoceima", ("tanger-tetouan-al-hoceima",)),
        ("لطنجة", ("tanger-tetouan-al-hoceima",)),
        ("بوجدة", ("oriental",)),
        ("f wjda", ("oriental",)),
        ("Drâa", ("draa-tafilalet",)),
        ("درعة تافيلالت", ("draa-tafilalet",)),
        ("Guelmim-Oued Noun", ("guelmim-oued-noun",)),
        ("Laâyoune-Sakia El Hamra", ("laayoune-sakia-el-hamra",)),
        ("Dakhla-Oued Ed-Dahab", ("dakhla-oued-ed-dahab",)),
        ("الداخلة وادي الذهب", ("dakhla-oued-ed-dahab",)),
        ("appels au niveau national", ("national",)),
        ("tout le maroc", ("national",)),
        ("المغرب كله", ("national",)),
        ("national", ("national",)),
        ("Rabat ou Kénitra", ("rabat-sale-kenitra",)),
        ("je suis à Oujda, y a-t-il quelque chose à Agadir ?", ("oriental", "souss-massa")),
        ("Béni Mellal", ("beni-mellal-khenifra",)),
        ("bni mellal", ("beni-mellal-khenifra",)),
        ("بني ملال", ("beni-mellal-khenifra",)),
        ("5ouribga", ("beni-mellal-khenifra",)),
        ("Ouarzazate et Zagora", ("draa-tafilalet",)),
        ("Laayoune", ("laayoune-sakia-el-hamra",)),
        ("العيون", ("laayoune-sakia-el-hamra",)),
    ],
)
def test_regions_found(text: str, regions: tuple[str, ...]) -> None:
    assert find_places(text).regions == regions


@pytest.mark.parametrize(
    ("text", "region", "city"),
    [
        ("Tiznit", "souss-massa", "Tiznit"),
        ("تيزنيت", "souss-massa", "Tiznit"),
        ("Saïdia", "oriental", "Saïdia"),
        ("saidia", "oriental", "Saïdia"),
        ("السعيدية", "oriental", "Saïdia"),
        ("Oujda", "oriental", "Oujda"),
        ("وجدة", "oriental", "Oujda"),
        ("Taroudannt", "souss-massa", "Taroudant"),
        ("تارودانت", "souss-massa", "Taroudant"),
        ("Taliouine", "souss-massa", "Taliouine"),
        ("Tafraoute", "souss-massa", "Tafraoute"),
        ("Inezgane", "souss-massa", "Inezgane"),
        ("Agadir", "souss-massa", "Agadir"),
        ("أكادير", "souss-massa", "Agadir"),
        ("Nador", "oriental", "Nador"),
        ("الناظور", "oriental", "Nador"),
        ("Berkane", "oriental", "Berkane"),
        ("Figuig", "oriental", "Figuig"),
        ("Driouch", "oriental", "Driouch"),
        ("Guercif", "oriental", "Guercif"),
        ("Jerada", "oriental", "Jerada"),
        ("Taourirt", "oriental", "Taourirt"),
        ("Errachidia", "draa-tafilalet", "Errachidia"),
        ("الرشيدية", "draa-tafilalet", "Errachidia"),
        ("Tinghir", "draa-tafilalet", "Tinghir"),
        ("Midelt", "draa-tafilalet", "Midelt"),
        ("Khénifra", "beni-mellal-khenifra", "Khénifra"),
        ("Khouribga", "beni-mellal-khenifra", "Khouribga"),
        ("Fquih Ben Salah", "beni-mellal-khenifra", "Fquih Ben Salah"),
        ("Azilal", "beni-mellal-khenifra", "Azilal"),
        ("Settat", "casablanca-settat", "Settat"),
        ("El Jadida", "casablanca-settat", "El Jadida"),
        ("Sidi Bennour", "casablanca-settat", "Sidi Bennour"),
        ("Mohammedia", "casablanca-settat", "Mohammedia"),
        ("Berrechid", "casablanca-settat", "Berrechid"),
        ("Benslimane", "casablanca-settat", "Benslimane"),
        ("Médiouna", "casablanca-settat", "Médiouna"),
        ("Nouaceur", "casablanca-settat", "Nouaceur"),
        ("Essaouira", "marrakech-safi", "Essaouira"),
        ("Kelaa des Sraghna", "marrakech-safi", "El Kelaâ des Sraghna"),
        ("قلعة السراغنة", "marrakech-safi", "El Kelaâ des Sraghna"),
        ("Youssoufia", "marrakech-safi", "Youssoufia"),
        ("Benguerir", "marrakech-safi", "Benguerir"),
        ("Rehamna", "marrakech-safi", "Rehamna"),
        ("Chichaoua", "marrakech-safi", "Chichaoua"),
        ("Al Haouz", "marrakech-safi", "Al Haouz"),
        ("Marrakech", "marrakech-safi", "Marrakech"),
        ("مراكش", "marrakech-safi", "Marrakech"),
        ("آسفي", "marrakech-safi", "Safi"),
        ("Laâyoune", "laayoune-sakia-el-hamra", "Laâyoune"),
        ("Boujdour", "laayoune-sakia-el-hamra", "Boujdour"),
        ("Es-Smara", "laayoune-sakia-el-hamra", "Es-Semara"),
        ("Tarfaya", "laayoune-sakia-el-hamra", "Tarfaya"),
        ("Dakhla", "dakhla-oued-ed-dahab", "Dakhla"),
        ("الداخلة", "dakhla-oued-ed-dahab", "Dakhla"),
        ("Aousserd", "dakhla-oued-ed-dahab", "Aousserd"),
        ("Guelmim", "guelmim-oued-noun", "Guelmim"),
        ("Tan-Tan", "guelmim-oued-noun", "Tan-Tan"),
        ("Tantan", "guelmim-oued-noun", "Tan-Tan"),
        ("Sidi Ifni", "guelmim-oued-noun", "Sidi Ifni"),
        ("Assa-Zag", "guelmim-oued-noun", "Assa-Zag"),
        ("Tétouan", "tanger-tetouan-al-hoceima", "Tétouan"),
        ("تطوان", "tanger-tetouan-al-hoceima", "Tétouan"),
        ("Al Hoceima", "tanger-tetouan-al-hoceima", "Al Hoceïma"),
        ("الحسيمة", "tanger-tetouan-al-hoceima", "Al Hoceïma"),
        ("Larache", "tanger-tetouan-al-hoceima", "Larache"),
        ("Chefchaouen", "tanger-tetouan-al-hoceima", "Chefchaouen"),
        ("Ouezzane", "tanger-tetouan-al-hoceima", "Ouezzane"),
        ("M'diq", "tanger-tetouan-al-hoceima", "M'diq"),
        ("Mdiq", "tanger-tetouan-al-hoceima", "M'diq"),
        ("Fnideq", "tanger-tetouan-al-hoceima", "Fnideq"),
        ("Tangier", "tanger-tetouan-al-hoceima", "Tanger"),
        ("طنجة", "tanger-tetouan-al-hoceima", "Tanger"),
        ("Taza", "fes-meknes", "Taza"),
        ("Taounate", "fes-meknes", "Taounate"),
        ("Sefrou", "fes-meknes", "Sefrou"),
        ("Ifrane", "fes-meknes", "Ifrane"),
        ("Boulemane", "fes-meknes", "Boulemane"),
        ("Moulay Yacoub", "fes-meknes", "Moulay Yacoub"),
        ("El Hajeb", "fes-meknes", "El Hajeb"),
        ("Meknès", "fes-meknes", "Meknès"),
        ("مكناس", "fes-meknes", "Meknès"),
        ("فاس", "fes-meknes", "Fès"),
        ("Fez", "fes-meknes", "Fès"),
        ("Kénitra", "rabat-sale-kenitra", "Kénitra"),
        ("القنيطرة", "rabat-sale-kenitra", "Kénitra"),
        ("Temara", "rabat-sale-kenitra", "Témara"),
        ("Skhirat", "rabat-sale-kenitra", "Skhirat"),
        ("Khémisset", "rabat-sale-kenitra", "Khémisset"),
        ("Sidi Kacem", "rabat-sale-kenitra", "Sidi Kacem"),
        ("Sidi Slimane", "rabat-sale-kenitra", "Sidi Slimane"),
        ("Rabat", "rabat-sale-kenitra", "Rabat"),
        ("للرباط", "rabat-sale-kenitra", "Rabat"),
        ("Chtouka Aït Baha", "souss-massa", "Chtouka Aït Baha"),
        ("Tata", "souss-massa", "Tata"),
        ("طاطا", "souss-massa", "Tata"),
        ("Casablanca", "casablanca-settat", "Casablanca"),
        ("الدار البيضاء", "casablanca-settat", "Casablanca"),
        ("كازا", "casablanca-settat", "Casablanca"),
    ],
)
def test_city_named_adds_its_region(text: str, region: str, city: str) -> None:
    match = find_places(text)
    assert region in match.regions
    assert city in match.cities
    assert city_region(city) == region


@pytest.mark.parametrize(
    "text",
    [
        "professionnel",
        "professionnels de la santé",
        "safi merci",
        "safi",
        "la sale affaire",
        "العروض الجديدة",
        "الفرص الجديدة ديال الشهر",
        "الشرق الأوسط",
        "Quel est le prix du pain ?",
        "sous la supervision du directeur",
        "une rencontre nationale sera organisée par la DGCT avec tous les partenaires du projet",
        "offres ouvertes en ce moment",
        "Tata Fatima m'a parlé de Forsa",
        "",
        "😀😀",
    ],
)
def test_no_place_in_common_words(text: str) -> None:
    assert find_places(text) == PlaceMatch((), ())


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("un appel à Safi", "Safi"),
        ("f safi", "Safi"),
        ("ville de Safi", "Safi"),
        ("appels à Salé", "Salé"),
        ("Salé", "Salé"),
        ("فرص بالجديدة", "El Jadida"),
        ("مدينة الجديدة", "El Jadida"),
        ("province de Tata", "Tata"),
    ],
)
def test_ambiguous_names_count_after_a_place_cue(text: str, city: str) -> None:
    assert city in find_places(text).cities


def test_region_phrase_wins_over_its_towns() -> None:
    assert find_places("Région Marrakech-Safi") == PlaceMatch(("marrakech-safi",), ())
    assert find_places("Fès-Meknès") == PlaceMatch(("fes-meknes",), ())


def test_homonym_read_with_the_words_around_it() -> None:
    # El Aïoun Sidi Mellouk is in the Oriental; Laâyoune alone is in the south.
    assert find_places("العيون سيدي ملوك").regions == ("oriental",)
    assert find_places("El Aioun Sidi Mellouk").regions == ("oriental",)
    assert find_places("العيون").regions == ("laayoune-sakia-el-hamra",)


def test_order_of_first_mention_and_dedup() -> None:
    match = find_places("Tiznit, Oujda, Taroudant puis encore Tiznit et Saïdia")
    assert match.regions == ("souss-massa", "oriental")
    assert match.cities == ("Tiznit", "Oujda", "Taroudant", "Saïdia")


def test_seed_call_places() -> None:
    text = (SEEDS / "002_9b515f13b0e33dc6.txt").read_text()
    match = find_places(text)
    assert match.regions[0] == "souss-massa"
    assert {"Tiznit", "Taroudant", "Tafraoute", "Taliouine"} <= set(match.cities)
    workshop = find_places((SEEDS / "001_d58b274cec0e9dd5.txt").read_text())
    assert "oriental" in workshop.regions
    assert "national" not in workshop.regions


@pytest.mark.parametrize("region_id", REGION_IDS)
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_region_display_names_are_found(region_id: str, lang: str) -> None:
    name = region_name(region_id, lang)
    assert name
    assert find_places(name).regions == (region_id,)


def test_region_names() -> None:
    assert region_name("souss-massa", "fr") == "Souss-Massa"
    assert region_name("souss-massa", "ar") == "سوس ماسة"
    assert region_name("oriental", "fr") == "Oriental"
    assert region_name("oriental", "ar") == "الشرق"
    assert region_name("national", "fr") == "tout le Maroc"
    assert region_name("national", "ar") == "كل المغرب"


def test_city_region_unknown() -> None:
    assert city_region("Paris") is None
    assert city_region("Souss") is None  # a region, not a town
    assert city_region("saidia") == "oriental"


def test_find_places_is_fast() -> None:
    text = (
        "Bonjour, je voudrais savoir s'il y a des appels ouverts pour les associations de "
        "femmes dans la région de Souss Massa, surtout à Tiznit et Agadir, merci beaucoup"
    )
    find_places(text)
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        find_places(text)
    assert (time.perf_counter() - start) / runs < 0.001


# --- themes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("appels pour les associations de femmes", "women-gender"),
        ("appels pour les associations de femmes", "civil-society-strengthening"),
        ("واش كاين شي حاجة على حقوق الإنسان؟", "human-rights"),
        ("prisons", "human-rights"),
        ("droits de l'homme", "human-rights"),
        ("les détenus", "human-rights"),
        ("السجون", "human-rights"),
        ("approche genre", "women-gender"),
        ("المرأة", "women-gender"),
        ("للنساء", "women-gender"),
        ("مقاربة النوع", "women-gender"),
        ("égalité", "women-gender"),
        ("enfance", "children"),
        ("protection des enfants", "children"),
        ("الأطفال", "children"),
        ("الطفولة", "children"),
        ("jeunes", "youth"),
        ("jeunesse", "youth"),
        ("الشباب", "youth"),
        ("chabab", "youth"),
        ("handicap", "disability"),
        ("personnes en situation de handicap", "disability"),
        ("besoins spécifiques", "disability"),
        ("ذوي الاحتياجات الخاصة", "disability"),
        ("الإعاقة", "disability"),
        ("migrants", "migration"),
        ("الهجرة", "migration"),
        ("المهاجرين", "migration"),
        ("environnement", "environment"),
        ("changement climatique", "environment"),
        ("البيئة", "environment"),
        ("développement économique", "economic-development"),
        ("AGR", "economic-development"),
        ("entrepreneuriat féminin", "economic-development"),
        ("entrepreneuriat féminin", "women-gender"),
        ("التنمية الاقتصادية", "economic-development"),
        ("éducation", "education-training"),
        ("formation professionnelle", "education-training"),
        ("التعليم", "education-training"),
        ("التكوين", "education-training"),
        ("santé", "health"),
        ("الصحة", "health"),
        ("société civile", "civil-society-strengthening"),
        ("renforcement des capacités des OSC", "civil-society-strengthening"),
        ("المجتمع المدني", "civil-society-strengthening"),
        ("الجمعيات", "civil-society-strengthening"),
        ("participation citoyenne", "citizen-participation"),
        ("démocratie participative", "citizen-participation"),
        ("gouvernement ouvert", "citizen-participation"),
        ("المشاركة المواطنة", "citizen-participation"),
        ("gouvernance locale", "local-governance"),
        ("collectivités territoriales", "local-governance"),
        ("accompagnement des communes pour le PAC", "local-governance"),
        ("الحكامة المحلية", "local-governance"),
        ("الجماعات الترابية", "local-governance"),
        ("justice", "human-rights"),
    ],
)
def test_theme_found(text: str, theme: str) -> None:
    assert theme in find_themes(text)


@pytest.mark.parametrize(
    "text",
    [
        "offres d'emploi",
        "statut d'auto-entrepreneur",
        "Handicap International",
        "un climat de confiance",
        "professionnel",
        "Quel est le prix du pain ?",
        "ce genre de mission",
        "",
    ],
)
def test_no_theme(text: str) -> None:
    assert find_themes(text) == ()


def test_count_theme_mentions_picks_the_dominant_theme() -> None:
    counts = count_theme_mentions((SEEDS / "004_436948dae67f67f2.txt").read_text())
    assert max(counts, key=counts.__getitem__) == "human-rights"
    counts = count_theme_mentions("les femmes, les femmes rurales et la jeunesse")
    assert counts == {"women-gender": 2, "youth": 1}


@pytest.mark.parametrize("theme_id", THEME_IDS)
def test_theme_names(theme_id: str) -> None:
    assert theme_name(theme_id, "fr")
    assert theme_name(theme_id, "ar")
    assert theme_name(theme_id, "fr") != theme_name(theme_id, "ar")


def test_theme_name_examples() -> None:
    assert theme_name("women-gender", "fr") == "Femmes et genre"
    assert theme_name("women-gender", "ar") == "المرأة والنوع"


# --- glossary -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("فين نصيفط الملف", {"dossier"}),
        ("شنو الوثائق المطلوبة", {"pieces", "documents"}),
        ("آخر أجل", {"date", "limite"}),
        ("اخر اجل", {"date", "limite"}),
        ("fo9ach akhir ajal?", {"date", "limite"}),
        ("السيرة الذاتية", {"cv"}),
        ("العرض المالي", {"offre", "financiere"}),
        ("مذكرة منهجية", {"note", "methodologique"}),
        ("رسالة تحفيز", {"lettre", "motivation"}),
        ("عندي ماستر و عامين ديال الخبرة", {"master", "experience"}),
        ("واش خاص مقاول ذاتي؟", {"auto", "entrepreneur"}),
        ("شحال المدة ديال المهمة؟", {"duree"}),
        ("lmodda", {"duree"}),
        ("lkhibra", {"experience"}),
        ("l9raya", {"diplome"}),
        ("الورشة فين؟", {"atelier"}),
        ("شنو هي اللغة", {"langue"}),
        ("الميزانية", {"budget"}),
        ("البريد الإلكتروني", {"email"}),
        ("العنوان", {"adresse"}),
        ("الراتب", {"salaire"}),
        ("بالعربية", {"arabe"}),
        ("دكتوراه", {"doctorat"}),
        ("إجازة", {"licence"}),
        ("طلب عروض", {"appel", "offres"}),
        ("دفتر التحملات", {"cahier", "charges"}),
        ("wach khasni cv?", {"cv"}),
    ],
)
def test_french_terms_from_arabic(text: str, expected: set[str]) -> None:
    assert expected <= set(french_terms(text))


def test_french_terms_pass_french_through_without_stopwords() -> None:
    terms = french_terms("Quelle est la date limite de l'appel Enabel ?")
    assert terms == ["date", "limite", "appel", "enabel"]


def test_french_terms_drop_darija_function_words_and_unknown_arabic() -> None:
    terms = french_terms("wach kayn chi haja dyal ALCI? واش كاين شي حاجة")
    assert "wach" not in terms and "kayn" not in terms and "dyal" not in terms
    assert "alci" in terms
    assert all(not any("\u0600" <= c <= "\u06ff" for c in t) for t in terms)


def test_stopword_sets() -> None:
    assert {"le", "la", "des", "quand", "comment"} <= FRENCH_STOPWORDS
    assert {"wach", "chno", "fin", "dyal", "f", "l", "bghit", "kayn"} <= ARABIC_STOPWORDS
    assert {"واش", "شنو", "فين", "ديال"} <= ARABIC_STOPWORDS
    assert "متي" in ARABIC_STOPWORDS  # folded: ى -> ي


def test_words_split_and_fold() -> None:
    assert words("l'Oriental, Tan-Tan & M'diq") == ["l", "oriental", "tan", "tan", "m", "diq"]
    assert words("أڭادير") == ["اكادير"]  # Moroccan gaf folded to kaf
    assert words("ﻷ") == ["لا"]  # presentation form folded too


def test_arabic_variants() -> None:
    forms = dict(arabic_variants("بالرباط"))
    assert forms["الرباط"] is True
    assert arabic_variants("oujda") == (("oujda", False),)


@pytest.mark.parametrize(
    "text",
    [
        "طب العيون",
        "الرابطة المحمدية للعلماء",
        "أفران تقليدية للخبز",
        "واش باقا مفتوحة؟",
        "تعاونية ديال بطاطا",
        "M. Hamid est le directeur",
        "المبادرة الوطنية للتنمية البشرية",
        "Entraide Nationale",
        "مضيق جبل طارق",
    ],
)
def test_no_place_in_arabic_and_french_homographs(text: str) -> None:
    assert find_places(text) == PlaceMatch((), ())


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("بالعيون", "Laâyoune"),
        ("مدينة العيون", "Laâyoune"),
        ("فالمحمدية", "Mohammedia"),
        ("ف بركان", "Berkane"),
        ("بجرادة", "Jerada"),
        ("فإفران", "Ifrane"),
        ("المضيق", "M'diq"),
    ],
)
def test_arabic_homographs_count_with_a_locative(text: str, city: str) -> None:
    assert find_places(text).cities == (city,)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("l7bs", "human-rights"),
        ("jam3iyat dyal nsa", "civil-society-strengthening"),
        ("الشباب والنساء", "youth"),
        ("الشباب والنساء", "women-gender"),
        ("حقوق المرأة", "women-gender"),
        ("emploi des jeunes", "youth"),
        ("emploi des jeunes", "economic-development"),
        ("les collectivités locales", "local-governance"),
        ("projets environnementaux", "environment"),
        ("centres hospitaliers et hôpitaux", "health"),
        ("بالتعليم", "education-training"),
        ("فالصحة", "health"),
    ],
)
def test_theme_found_in_darija_and_inflections(text: str, theme: str) -> None:
    assert theme in find_themes(text)


@pytest.mark.parametrize(
    "text",
    ["عندي إجازة فالحقوق", "des ajustements mineurs", "الخطوط العريضة للمشروع"],
)
def test_no_theme_in_homographs(text: str) -> None:
    assert find_themes(text) == ()
