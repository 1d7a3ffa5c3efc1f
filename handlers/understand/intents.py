"""What a message asks for: intents from cue phrases in French, Arabic, Darija, Arabizi.

Cues are written folded (see store.text.fold): no accents, ة->ه, أ/إ/آ->ا, ى->ي.
A message can carry several intents ("c'est où et quand ?"): we answer each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from store.models import Kind
from store.text import fold

_AR_PREFIX = re.compile(r"^(و|ف|ب|ل)?(ال|لل)?(?=\S{3,})")


class Intent(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    GOODBYE = "goodbye"
    HELP = "help"
    LANG_SWITCH = "lang"
    LIST_OPEN = "list_open"
    LIST_CLOSED = "list_closed"
    DEADLINE = "deadline"
    WHEN = "when"
    DOCUMENTS = "documents"
    SUBMISSION = "submission"
    ELIGIBILITY = "eligibility"
    REQUIREMENTS = "requirements"
    PLACE = "place"
    DURATION = "duration"
    LANGUAGE = "language"
    REFERENCE = "reference"
    SUMMARY = "summary"
    CONTACT = "contact"
    BUDGET = "budget"


_CUES: dict[Intent, tuple[str, ...]] = {
    Intent.GREETING: (
        "salut",
        "bonjour",
        "bonsoir",
        "hello",
        "hi",
        "coucou",
        "salam",
        "slm",
        "bjr",
        "salam alaykoum",
        "salam alikom",
        "السلام عليكم",
        "سلام",
        "مرحبا",
        "اهلا",
        "صباح الخير",
        "مساء الخير",
        "ahlan",
        "labas",
        "لاباس",
        "/start",
    ),
    Intent.THANKS: (
        "merci",
        "thanks",
        "thank you",
        "شكرا",
        "الله يجازيك",
        "بارك الله فيك",
        "chokran",
        "choukran",
        "chokrane",
        "mrc",
        "barak allah fik",
        "tbarkallah",
        "يعطيك الصحه",
    ),
    Intent.GOODBYE: ("au revoir", "bye", "a plus", "bslama", "مع السلامه", "بسلامه"),
    Intent.HELP: (
        "aide",
        "help",
        "/help",
        "/aide",
        "que sais tu faire",
        "que peux tu faire",
        "tu fais quoi",
        "comment ca marche",
        "mode d emploi",
        "comment t utiliser",
        "comment utiliser",
        "مساعده",
        "كيفاش نخدم",
        "كيف اعمل",
        "شنو تقدر دير",
        "اش كتدير",
        "kifach nkhdem",
        "kifach nkhdm",
        "chno kat9der",
        "ach katdir",
        "kifach nkhdem m3akom",
        "كيفاش نخدم معاكم",
        "menu",
        "/menu",
        "مساعدة",
    ),
    Intent.LANG_SWITCH: (
        "/langue",
        "/lang",
        "/language",
        "/ar",
        "/fr",
        "en francais",
        "parle francais",
        "parlez francais",
        "in french",
        "en arabe",
        "parle arabe",
        "parlez arabe",
        "in arabic",
        "بالفرنسيه",
        "بالفرنساويه",
        "بالعربيه",
        "بالعربي",
        "بالدارجه",
        "bl3arbia",
        "b l3arbia",
        "bl3arbiya",
        "bel3arbiya",
        "changer de langue",
        "changer la langue",
        "بدل اللغه",
        "غير اللغه",
    ),
    Intent.LIST_OPEN: (
        "ouvert",
        "ouverts",
        "ouverte",
        "ouvertes",
        "en cours",
        "disponible",
        "disponibles",
        "en ce moment",
        "actuellement",
        "quels appels",
        "quelles offres",
        "y a t il des",
        "il y a des",
        "des appels",
        "des offres",
        "appels",
        "offres",
        "opportunites",
        "liste",
        "nouveaux appels",
        "appels a",
        "مفتوح",
        "العروض",
        "عروض",
        "الطلبات",
        "طلبات",
        "فرص",
        "الفرص",
        "كاين شي",
        "كاينه شي",
        "واش كاين",
        "kayn chi",
        "wach kayn",
        "chi appel",
        "chi offre",
        "chi forsa",
        "offres d emploi",
    ),
    Intent.LIST_CLOSED: (
        "ferme",
        "fermes",
        "fermee",
        "fermees",
        "clos",
        "cloture",
        "clotures",
        "cloturees",
        "expire",
        "expires",
        "expirees",
        "passes",
        "anciens",
        "مغلق",
        "المغلقه",
        "سالات",
        "سالاو",
        "salat",
        "mghlo9",
        "closed",
    ),
    Intent.DEADLINE: (
        "date limite",
        "deadline",
        "delai",
        "dernier delai",
        "date de cloture",
        "jusqu a quand",
        "avant quand",
        "il reste combien",
        "reste combien",
        "combien de temps reste",
        "il reste",
        "jours restants",
        "echeance",
        "limite",
        "اخر اجل",
        "الاجل",
        "اجل",
        "اخر موعد",
        "الموعد النهائي",
        "اخر يوم",
        "اخر تاريخ",
        "اخر وقت",
        "شحال باقي",
        "شحال بقا",
        "akhir ajal",
        "akher ajal",
        "ajal",
        "ch7al b9a",
        "ch7al ba9i",
        "chhal ba9i",
        "fo9ach ysali",
        "imta ysali",
        "فوقاش يسالي",
        "امتي يسالي",
        "فوقاش كيسالي",
    ),
    Intent.WHEN: (
        "quand",
        "date",
        "dates",
        "calendrier",
        "متي",
        "امتي",
        "فوقاش",
        "تاريخ",
        "التاريخ",
        "واقتاش",
        "fo9ach",
        "imta",
        "wa9tach",
        "when",
    ),
    Intent.DOCUMENTS: (
        "pieces",
        "piece",
        "documents",
        "document",
        "envoyer quoi",
        "quoi envoyer",
        "faut envoyer",
        "faut il envoyer",
        "a fournir",
        "fournir",
        "contenu du dossier",
        "composer le dossier",
        "composition du dossier",
        "dossier de candidature",
        "الوثائق",
        "وثائق",
        "الاوراق",
        "الكواغط",
        "شنو نصيفط",
        "اش نصيفط",
        "شنو خاص",
        "اش خاص",
        "شنو خاصني",
        "chno nsift",
        "ach nsift",
        "chno khas",
        "chno khasni",
        "lwata2i9",
        "lwataiq",
        "lwraq",
        "papiers",
    ),
    Intent.SUBMISSION: (
        "adresse",
        "adresse mail",
        "mail",
        "email",
        "e mail",
        "courriel",
        "comment postuler",
        "ou postuler",
        "pour postuler",
        "pour candidater",
        "comment candidater",
        "ou envoyer",
        "envoyer a",
        "objet",
        "objet du mail",
        "deposer",
        "soumettre",
        "comment soumettre",
        "العنوان",
        "البريد",
        "الايميل",
        "ايميل",
        "نصيفط",
        "نرسل",
        "ارسال",
        "كيفاش نترشح",
        "كيف اترشح",
        "طريقه الترشح",
        "الموضوع",
        "fin nsift",
        "nsift",
        "nsifet",
        "lmail",
        "l email",
        "l adresse",
        "kifach nterchah",
    ),
    Intent.ELIGIBILITY: (
        "eligible",
        "eligibilite",
        "je peux postuler",
        "puis je postuler",
        "peux postuler",
        "je peux candidater",
        "puis je candidater",
        "peux candidater",
        "ai je le droit",
        "mon profil",
        "je corresponds",
        "est ce que je peux",
        "j ai le profil",
        "واش نقدر",
        "نقدر نترشح",
        "هل يمكنني",
        "يمكنني الترشح",
        "مؤهل",
        "واش يمكن ليا",
        "nqder",
        "n9der",
        "n9dar",
        "nkder",
        "wach ymkn",
        "momkin nterchah",
    ),
    Intent.REQUIREMENTS: (
        "qui peut postuler",
        "qui peut candidater",
        "qui peut participer",
        "qui peut soumissionner",
        "qui peut deposer",
        "who can apply",
        "who may apply",
        "من يحق",
        "من يمكنه الترشح",
        "من يمكن له",
        "شكون لي يقدر",
        "شكون يقدر",
        "chkoun li y9der",
        "chkoun y9der",
        "chkon li y9der",
        "profil",
        "profil requis",
        "conditions",
        "criteres",
        "qualifications",
        "exigences",
        "competences",
        "diplome requis",
        "experience requise",
        "الشروط",
        "شروط",
        "المؤهلات",
        "المواصفات",
        "chorot",
        "chourout",
        "shorout",
    ),
    Intent.PLACE: (
        "c est ou",
        "ou se deroule",
        "ou a lieu",
        "ou ca",
        "lieu",
        "endroit",
        "ville",
        "se deroule ou",
        "ca se passe ou",
        "فين",
        "اين",
        "المكان",
        "مكان",
        "blasa",
        "fin kayn",
        "fin ghadi",
        "where",
    ),
    Intent.DURATION: (
        "duree",
        "combien dure",
        "dure combien",
        "combien de jours",
        "combien de temps",
        "nombre de jours",
        "dure",
        "jours par",
        "combien de mois",
        "مده",
        "المده",
        "شحال من يوم",
        "شحال ديال الوقت",
        "شحال من نهار",
        "lmodda",
        "modda",
        "ch7al mn nhar",
    ),
    Intent.LANGUAGE: (
        "langue",
        "langues",
        "en quelle langue",
        "اللغه",
        "لغه",
        "باش من لغه",
        "lougha",
        "logha",
        "language",
    ),
    Intent.REFERENCE: ("reference", "ref", "numero de l appel", "المرجع", "مرجع", "reference"),
    Intent.SUMMARY: (
        "resume",
        "c est quoi",
        "de quoi s agit",
        "de quoi parle",
        "en quoi consiste",
        "objet de la mission",
        "details",
        "plus d infos",
        "description",
        "شنو هو",
        "ما هو",
        "ملخص",
        "شرح",
        "اش هو",
        "chno howa",
        "achno hada",
        "chnou howa",
    ),
    Intent.CONTACT: (
        "contact",
        "contacter",
        "telephone",
        "qui contacter",
        "joindre",
        "الاتصال",
        "التواصل",
        "الهاتف",
        "نتاصل",
        "ntasel",
        "numero de telephone",
    ),
}

_KIND_CUES: dict[Kind, tuple[str, ...]] = {
    Kind.JOB: (
        "emploi",
        "emplois",
        "poste",
        "postes",
        "job",
        "jobs",
        "offres d emploi",
        "cdd",
        "خدمه",
        "منصب",
        "مناصب",
        "شغل",
        "وظيفه",
        "khdma",
        "tawdif",
    ),
    Kind.CONSULTANCY: (
        "consultance",
        "consultances",
        "consultant",
        "consultants",
        "consultante",
        "consultation",
        "expert",
        "experts",
        "tdr",
        "استشاره",
        "خبير",
        "مستشار",
    ),
    Kind.GRANT: (
        "subvention",
        "subventions",
        "appel a projets",
        "appels a projets",
        "financement",
        "grant",
        "grants",
        "منحه",
        "دعم المشاريع",
        "تمويل",
    ),
    Kind.TRAINING: ("formation", "formations", "تكوين", "تكوينات", "takwin"),
}

_WEEK_CUES = ("cette semaine", "semaine", "هذا الاسبوع", "هاد السيمانه", "had simana", "l7ad")
_MONTH_CUES = ("ce mois", "mois", "هذا الشهر", "هاد الشهر", "had chhar", "had ch7ar")
_TO_ARABIC = (
    "/ar",
    "en arabe",
    "parle arabe",
    "parlez arabe",
    "in arabic",
    "بالعربيه",
    "بالعربي",
    "بالدارجه",
    "bl3arbia",
    "b l3arbia",
    "bl3arbiya",
    "bel3arbiya",
)
_TO_FRENCH = (
    "/fr",
    "en francais",
    "parle francais",
    "parlez francais",
    "in french",
    "بالفرنسيه",
    "بالفرنساويه",
)


@dataclass(frozen=True)
class Cues:
    """A message folded two ways for cue matching."""

    padded: str  # " tok tok tok " of the folded words
    stripped: str  # the same with Arabic attached prefixes removed

    @classmethod
    def of(cls, text: str) -> Cues:
        words = re.findall(r"[\w/+]+", fold(text).replace("-", " ").replace("_", " "))
        stripped = [_AR_PREFIX.sub("", w) for w in words]
        return cls(f" {' '.join(words)} ", f" {' '.join(stripped)} ")

    def has(self, cue: str) -> bool:
        needle = f" {cue} "
        if needle in self.padded or needle in self.stripped:
            return True
        # Arabic single words also match as stems: "مفتوح" finds "مفتوحين".
        # Short stems would match too much ("اين" inside other words): four letters at least.
        return len(cue) >= 4 and " " not in cue and _is_arabic(cue) and f" {cue}" in self.stripped

    def any(self, cues: tuple[str, ...]) -> bool:
        return any(self.has(cue) for cue in cues)


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def detect_intents(cues: Cues, raw_text: str) -> set[Intent]:
    """Every intent whose cue appears in the message."""
    found = {intent for intent, words in _CUES.items() if cues.any(words)}
    if "où" in raw_text.lower():
        found.add(Intent.PLACE)
    return _resolve_overlaps(found)


def _resolve_overlaps(found: set[Intent]) -> set[Intent]:
    # "je peux postuler ?" is about eligibility, not how to apply; "فين نصيفط" is where
    # to send, not where the work is; a deadline question is also a "when".
    if Intent.ELIGIBILITY in found:
        found.discard(Intent.SUBMISSION)
    if Intent.SUBMISSION in found:
        found.discard(Intent.PLACE)
    if Intent.DEADLINE in found:
        # "il reste combien de temps ?" asks for the deadline, not the mission's length.
        found.discard(Intent.WHEN)
        found.discard(Intent.DURATION)
    if Intent.LIST_CLOSED in found:
        found.discard(Intent.LIST_OPEN)
    return found


def detect_kind(cues: Cues) -> Kind | None:
    for kind, words in _KIND_CUES.items():
        if cues.any(words):
            return kind
    return None


def detect_period(cues: Cues) -> str | None:
    """ "week" or "month" when the user restricts a listing in time."""
    if cues.any(_WEEK_CUES):
        return "week"
    if cues.any(_MONTH_CUES):
        return "month"
    return None


def requested_language(cues: Cues) -> str | None:
    """The language a switch asks for, or None when it only says "change language"."""
    if cues.any(_TO_ARABIC):
        return "ar"
    if cues.any(_TO_FRENCH):
        return "fr"
    return None


# Every word used in a cue: such words name no call, so the call finder skips them.
CUE_WORDS: frozenset[str] = frozenset(
    word
    for table in (_CUES, _KIND_CUES)
    for cues in table.values()
    for cue in cues
    for word in cue.split()
) | frozenset(w for cue in _WEEK_CUES + _MONTH_CUES for w in cue.split())
