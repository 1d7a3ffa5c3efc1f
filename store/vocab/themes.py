"""Themes of calls (ids in `store.models.THEME_IDS`) and finding them in text.

Keywords are whole folded words or phrases, in French, MSA, Darija and Arabizi.  French
plurals match singulars ("prisons" = "prison", "locaux" = "local"); Arabic glued prefixes
are stripped ("وحقوق الإنسان", "للنساء").  A few phrases are blocked because they contain
a keyword but not the theme: "offre d'emploi" is a job ad, not economic development;
"Handicap International" is an organisation; "auto-entrepreneur" is a legal status.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from store.models import THEME_IDS
from store.vocab.glossary import is_arabic_word, scan, words

_THEME_NAMES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "citizen-participation": ("Participation citoyenne", "المشاركة المواطنة"),
        "local-governance": ("Gouvernance locale", "الحكامة المحلية"),
        "human-rights": ("Droits humains", "حقوق الإنسان"),
        "women-gender": ("Femmes et genre", "المرأة والنوع"),
        "children": ("Enfance", "الطفولة"),
        "youth": ("Jeunesse", "الشباب"),
        "disability": ("Handicap", "الإعاقة"),
        "migration": ("Migration", "الهجرة"),
        "environment": ("Environnement et climat", "البيئة والمناخ"),
        "economic-development": ("Développement économique et emploi", "التنمية الاقتصادية"),
        "education-training": ("Éducation et formation", "التعليم والتكوين"),
        "health": ("Santé", "الصحة"),
        "civil-society-strengthening": (
            "Renforcement de la société civile",
            "تقوية المجتمع المدني",
        ),
    }
)

# theme id -> keywords, "|" separated.  French singular or plural; Arabic with or without
# the article.  Darija/Arabizi only where the word is unambiguous.
_KEYWORDS: Mapping[str, str] = MappingProxyType(
    {
        "citizen-participation": (
            "participation citoyenne|participation des citoyens|démocratie participative"
            "|gouvernement ouvert|gouvernement local ouvert|open government|PAGOF|OGP"
            "|budget participatif|pétition|pétitions|instances consultatives"
            "|instance consultative|approche participative|citoyenneté|citoyenneté active"
            "|accès à l'information|droit d'accès à l'information|concertation publique"
            "|redevabilité|transparence|dialogue citoyen|engagement citoyen"
            "|المشاركة المواطنة|المشاركة المواطنية|مشاركة المواطنين|الديمقراطية التشاركية"
            "|الحكومة المنفتحة|الحكومة المفتوحة|العرائض|الملتمسات|هيئات التشاور"
            "|الهيئات الاستشارية|المقاربة التشاركية|الحق في الحصول على المعلومات"
            "|الحصول على المعلومات|المواطنة|الشفافية|المساءلة|الميزانية التشاركية"
        ),
        "local-governance": (
            "gouvernance locale|gouvernance territoriale|collectivité territoriale"
            "|collectivités territoriales|collectivité locale|collectivités locales"
            "|PAC|plan d'action communal|plan d'action communale|plan communal"
            "|planification communale|planification stratégique|planification territoriale"
            "|programme d'action de la commune|plan de développement régional"
            "|conseil communal|conseil régional|élu local|élus locaux|élus"
            "|décentralisation|déconcentration|régionalisation avancée|développement territorial"
            "|DGCT|REMACTO|PACTO|gestion de la chose publique|gestion locale|politique locale"
            "|politiques territoriales|politique territoriale"
            "|الحكامة المحلية|الحكامة الترابية|الجماعات الترابية|الجماعة الترابية"
            "|الجماعات المحلية|المجالس المنتخبة|المجلس الجماعي"
            "|المنتخبين|اللامركزية|الجهوية المتقدمة|برنامج عمل الجماعة|التدبير المحلي"
            "|التنمية الترابية|الشأن المحلي|الشأن العام المحلي"
        ),
        "human-rights": (
            "droits humains|droits de l'homme|droits de la personne|droits fondamentaux"
            "|droit humain|justice|accès à la justice|justice transitionnelle|prison"
            "|prisons|détenu|détenus|détenue|prisonnier|prisonniers|milieu carcéral"
            "|carcéral|carcérale|pénitentiaire|torture|libertés|libertés publiques"
            "|liberté d'expression|état de droit|plaidoyer pour les droits|CNDH|OMP"
            "|observatoire marocain des prisons|réinsertion des détenus"
            "|حقوق الإنسان|حقوق الانسان|الحقوق والحريات|السجون|السجن|السجناء"
            "|المعتقلين|المعتقلون|المعتقل|العدالة|الحريات|الحريات العامة|التعذيب|حقوقي"
            "|حقوقية|الحقوقية|المؤسسات السجنية|الحبس|الحباسات|l7bs|lhbs|7o9o9|l7o9o9"
            "|7ou9ou9|l7ou9ou9|huquq"
        ),
        "women-gender": (
            "femme|femmes|féminin|féminine|genre et développement|approche genre"
            "|approche de genre|égalité de genre|égalité des genres|égalité femmes hommes"
            "|égalité hommes femmes|égalité entre les sexes|fondée sur le genre"
            "|basée sur le genre|basées sur le genre|sensible au genre|intégration du genre"
            "|égalité|parité|violence faite aux femmes|violences faites aux femmes|VBG"
            "|autonomisation des femmes|leadership féminin|fille|filles|féminisme"
            "|féministe|gender|women|النساء|نساء|المرأة|امرأة|مرأة|النسائية|نسائية"
            "|مقاربة النوع|المقاربة النوع|النوع الاجتماعي|مقاربة النوع الاجتماعي|المساواة"
            "|المناصفة|العنف ضد النساء|العنف المبني على النوع|الفتيات|الفتاة|عيالات"
            "|العيالات|لعيالات|النسا|لمرا|المرا|l3yalat|3yalat"
        ),
        "children": (
            "enfant|enfants|enfance|petite enfance|protection de l'enfance|protection de"
            " l'enfant|mineurs non accompagnés|orphelin|orphelins|préscolaire"
            "|droits de l'enfant"
            "|الطفولة|الطفل|الأطفال|أطفال|اطفال|القاصرين|القاصرات|الأيتام|التعليم الأولي"
            "|حماية الطفولة|الدراري|ddrari|drari"
        ),
        "youth": (
            "jeune|jeunes|jeunesse|adolescent|adolescents|adolescente|adolescentes|juvénile"
            "|jeunes diplômés|youth|الشباب|شباب|الشبان|الشابات|الشاب|اليافعين|اليافعات"
            "|الشبيبة|chabab|chbab|lchabab|chabeb"
        ),
        "disability": (
            "handicap|handicapé|handicapés|handicapée|handicapées|personne handicapée"
            "|personnes handicapées|situation de handicap|besoins spécifiques"
            "|besoins spéciaux|besoins particuliers|PSH|malvoyant|malentendant|sourd"
            "|aveugle|inclusion des personnes|accessibilité universelle|disability"
            "|الإعاقة|إعاقة|اعاقة|الاعاقة|ذوي الاحتياجات الخاصة|الاحتياجات الخاصة"
            "|ذوي الإعاقة|الأشخاص في وضعية إعاقة|وضعية إعاقة|المعاقين|المعاق|الصم|المكفوفين"
        ),
        "migration": (
            "migration|migrations|migrant|migrants|migrante|migrantes|migratoire|immigration"
            "|émigration|réfugié|réfugiés|demandeur d'asile|asile|diaspora|MRE"
            "|marocains du monde|marocains résidant à l'étranger|mobilité humaine"
            "|الهجرة|المهاجرين|المهاجرون|مهاجرين|المهاجر|اللاجئين|اللاجئون|اللجوء"
            "|مغاربة العالم|مغاربة الخارج|الجالية|l7rig|lhrig|l7erga"
        ),
        "environment": (
            "environnement|environnemental|environnementale|environnementaux|climat"
            "|climatique|climatiques|changement climatique|changements climatiques"
            "|écologie|écologique|biodiversité|déchets|pollution|désertification"
            "|énergie renouvelable|énergies renouvelables|transition écologique"
            "|transition énergétique|développement durable|ressources naturelles|forêt"
            "|oasis|gestion de l'eau|stress hydrique|sécheresse|environment|climate"
            "|البيئة|بيئة|البيئية|بيئي|المناخ|التغير المناخي|التغيرات المناخية"
            "|التنمية المستدامة|النفايات|التلوث|التصحر|الطاقات المتجددة|الطاقة المتجددة"
            "|الموارد الطبيعية|الواحات|الجفاف|lbi2a|bi2a|lbiaa"
        ),
        "economic-development": (
            "développement économique|emploi|emplois|employabilité|AGR"
            "|activités génératrices de revenus|activité génératrice de revenus"
            "|entrepreneuriat|entreprenariat|entrepreneur|entrepreneurs|entrepreneuse"
            "|auto-emploi|économie sociale|économie sociale et solidaire|ESS|coopérative"
            "|coopératives|insertion économique|insertion professionnelle"
            "|autonomisation économique|microfinance|micro-crédit|microcrédit|artisanat"
            "|tourisme solidaire|produits de terroir|produits du terroir|création d'emploi"
            "|création d'emplois|TPE|startup|start-up|INDH"
            "|التنمية الاقتصادية|التشغيل|الشغل|فرص الشغل|المقاولة|المقاولات|المقاولاتية"
            "|ريادة الأعمال|التعاونيات|التعاونية|تعاونية|الاقتصاد الاجتماعي"
            "|الاقتصاد الاجتماعي والتضامني|الإدماج الاقتصادي|الأنشطة المدرة للدخل"
            "|الإدماج المهني|التمكين الاقتصادي|المبادرة الوطنية للتنمية البشرية"
        ),
        "education-training": (
            "éducation|éducatif|éducative|formation|formations|formation professionnelle"
            "|enseignement|école|écoles|scolaire|scolarisation|alphabétisation"
            "|décrochage scolaire|abandon scolaire|apprentissage|éducation non formelle"
            "|université|universitaire|education|training"
            "|التعليم|تعليم|التربية|تربية|التكوين|تكوين|التكوين المهني|التمدرس"
            "|محاربة الأمية|محو الأمية|الهدر المدرسي|المدرسة|المدارس|التربية غير النظامية"
            "|t3lim|tta3lim|lmadrasa|takwin|ttakwin"
        ),
        "health": (
            "santé|santé publique|santé mentale|santé reproductive|médical|médicale"
            "|médicaux|hôpital|hôpitaux|sanitaire|sanitaires|nutrition|malnutrition|VIH"
            "|sida|soins|soins de santé|health|الصحة|صحة|الصحية|صحي|الصحي|المستشفى"
            "|المستشفيات|طبي|الطبية|التغذية|الصحة النفسية|الصحة الإنجابية|السيدا"
            "|sbitar|ssbitar|sse7a|sa7a|s7a"
        ),
        "civil-society-strengthening": (
            "société civile|OSC|OSCs|ONG|ONGs|renforcement des capacités"
            "|renforcement de capacités|renforcement de leurs capacités|association"
            "|associations|associatif|associative|tissu associatif|réseau associatif"
            "|acteurs associatifs|mouvement associatif|réseautage"
            "|organisations de la société civile|capacity building|civil society|NGO"
            "|المجتمع المدني|الجمعيات|جمعية|الجمعية|جمعيات|العمل الجمعوي|الجمعوي"
            "|الجمعوية|النسيج الجمعوي|تقوية القدرات|تعزيز القدرات|بناء القدرات"
            "|تقوية قدرات|منظمات المجتمع المدني|jam3iya|jam3ia|jam3iyat|jami3at|ljam3iyat"
        ),
    }
)

# Phrases that contain a keyword but do not carry its theme: they are consumed unmatched.
_BLOCKED = (
    "offre d'emploi|offres d'emploi|demande d'emploi|emploi du temps|poste d'emploi"
    "|auto-entrepreneur|auto entrepreneur|statut d'auto-entrepreneur|handicap international"
    "|climat de confiance|climat de communication|climat de travail|climat des affaires"
    "|égalité des chances|formation universitaire|formation supérieure|formation requise"
    "|formation de base|formation académique|niveau de formation|ce genre|de ce genre"
    "|hôtel oasis|environnement de travail|environnement multiculturel|environnement inclusif"
)


def _stem(word: str) -> str:
    """French plural -> singular, rough but symmetric (applied to keys and text alike)."""
    if is_arabic_word(word) or len(word) <= 3:
        return word
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in words(text)]


def _build_index() -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for theme, phrases in _KEYWORDS.items():
        for phrase in phrases.split("|"):
            key = tuple(_stems(phrase))
            if key:
                index.setdefault(key, theme)
    for phrase in _BLOCKED.split("|"):
        index[tuple(_stems(phrase))] = ""
    return index


_INDEX: Mapping[tuple[str, ...], str] = MappingProxyType(_build_index())
_FIRSTS: frozenset[str] = frozenset(k[0] for k in _INDEX)
_MAX_N: int = max(len(k) for k in _INDEX)


def count_theme_mentions(text: str) -> dict[str, int]:
    """How many times each theme is mentioned in `text`, in order of first mention."""
    counts: dict[str, int] = {}
    for hit in scan(_stems(text), _INDEX, _FIRSTS, _MAX_N):
        if hit.value:
            counts[hit.value] = counts.get(hit.value, 0) + 1
    return counts


def find_themes(text: str) -> tuple[str, ...]:
    """Theme ids named in `text` (raw; folded here), in order of first mention."""
    return tuple(count_theme_mentions(text))


def theme_name(theme_id: str, lang: str) -> str:
    """Display name of a theme id in "fr" or "ar" (any other lang falls back to French)."""
    fr_name, ar_name = _THEME_NAMES[theme_id]
    return ar_name if lang == "ar" else fr_name


def all_theme_ids() -> tuple[str, ...]:
    """Every theme id with a display name, in `THEME_IDS` order."""
    return tuple(t for t in THEME_IDS if t in _THEME_NAMES)
