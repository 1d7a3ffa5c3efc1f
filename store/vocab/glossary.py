"""Word-level vocabulary: tokens, Arabic prefixes, stopwords and the AR/Darija -> FR glossary.

The glossary is the bridge that lets an Arabic, Darija or Arabizi question find French call
text: `french_terms` turns any user message into folded French words for full-text search.
The tokenizer and the phrase scanner here are shared by `places` and `themes`, so that the
three vocabularies split and match words the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Generic, NamedTuple, TypeVar

from store.text import fold

V = TypeVar("V")

# Characters `fold` leaves alone but Moroccan users type: the Moroccan gaf (ڭ) for /g/,
# Eastern Arabic-Indic (Persian) digits.  Presentation forms (ﻷ) are decomposed before
# folding so that their hamza is folded too.
_PRE_FOLD = str.maketrans({"ڭ": "ك", **{chr(0x06F0 + d): str(d) for d in range(10)}})
_WORD = re.compile(r"[^\W_]+")
_ARABIC_START = re.compile(r"^[\u0600-\u06ff]")

# Arabic clitics users glue to a noun: (prefix, locative).  A locative prefix ("in", "to",
# "at") is itself evidence that the word is a place.  Longest first.
ARABIC_PREFIXES: tuple[tuple[str, bool], ...] = (
    ("وبال", True),
    ("وفال", True),
    ("وللا", True),
    ("ولل", True),
    ("بال", True),
    ("فال", True),
    ("وال", False),
    ("كال", False),
    ("لل", True),
    ("ال", False),
    ("وب", True),
    ("وف", True),
    ("ول", True),
    ("فل", True),
    ("ب", True),
    ("ف", True),
    ("ل", True),
    ("و", False),
)


def prefold(text: str) -> str:
    """NFKC plus the few Moroccan characters `fold` does not know, then `fold`."""
    return fold(unicodedata.normalize("NFKC", text).translate(_PRE_FOLD))


def words(text: str) -> list[str]:
    """Folded words: letters and digits only; hyphens, apostrophes and slashes split."""
    return _WORD.findall(prefold(text))


def is_arabic_word(word: str) -> bool:
    return bool(_ARABIC_START.match(word))


def arabic_variants(word: str) -> tuple[tuple[str, bool], ...]:
    """`word` itself, then the forms left after stripping a glued prefix (and the article).

    Each form comes with whether the stripped prefix was locative ("ب", "ف", "ل"...).
    "بالرباط" gives ("رباط", True) and ("الرباط", True).
    """
    forms: list[tuple[str, bool]] = [(word, False)]
    if not is_arabic_word(word):
        return tuple(forms)
    for prefix, locative in ARABIC_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 2:
            forms.append((rest, locative))
            if not rest.startswith("ال"):
                forms.append(("ال" + rest, locative))
    return tuple(forms)


class Hit(NamedTuple, Generic[V]):
    start: int
    length: int
    value: V
    locative: bool


Accept = Callable[[V, Sequence[str], int, int, bool], bool]


def key_of(phrase: str) -> tuple[str, ...]:
    """The lookup key of a phrase in a vocabulary table."""
    return tuple(words(phrase))


def scan(
    toks: Sequence[str],
    table: Mapping[tuple[str, ...], V],
    firsts: frozenset[str],
    max_n: int,
    accept: Accept[V] | None = None,
) -> Iterator[Hit[V]]:
    """Leftmost-longest matches of `table` keys in `toks`; a match consumes its words.

    `firsts` holds every key's first word, to skip most positions with one set lookup.
    Only the first word of a phrase may carry a glued Arabic prefix.
    """
    i = 0
    while i < len(toks):
        hit = _match_at(toks, i, table, firsts, max_n, accept)
        if hit is None:
            i += 1
            continue
        yield hit
        i += hit.length


def _match_at(
    toks: Sequence[str],
    i: int,
    table: Mapping[tuple[str, ...], V],
    firsts: frozenset[str],
    max_n: int,
    accept: Accept[V] | None,
) -> Hit[V] | None:
    forms = [f for f in arabic_variants(toks[i]) if f[0] in firsts]
    for n in range(min(max_n, len(toks) - i), 0, -1):
        rest = tuple(toks[i + 1 : i + n])
        for form, locative in forms:
            value = table.get((form, *rest))
            if value is not None and (accept is None or accept(value, toks, i, n, locative)):
                return Hit(i, n, value, locative)
    return None


# --- stopwords -------------------------------------------------------------------------


def _word_set(text: str) -> frozenset[str]:
    """The folded words of a whitespace-separated list."""
    return frozenset(fold(w) for w in text.split())


FRENCH_STOPWORDS: frozenset[str] = _word_set(
    """
    a au aux avec ce ces cet cette c ca d de des du dans elle elles en et est es etre
    eu il ils j je la le les leur leurs l lui m ma mais me meme mes moi mon n ne nos notre
    nous on ou par pas pour qu que quel quelle quelles quels qui quoi s sa se ses si son
    sur t ta te tes toi ton tu un une vos votre vous y sont suis sommes etes ai as avons avez
    ont avait etait sera seront serait peut peux pouvez puis faut fait faire dois doit
    devez quand comment combien pourquoi ici la-bas oui non ok merci bonjour salut bonsoir
    svp stp plait ya ceci cela celui celle ceux celles
    dont donc car ni or alors aussi tres plus moins bien tout tous toute toutes autre autres
    avant apres chez entre vers sans sous selon depuis pendant encore deja jamais toujours
    rien quelque quelques chaque aucun aucune etc veux voudrais voulez cherche
    cherchons besoin existe savoir connaitre dire dites donner donnez
    """
)

ARABIC_STOPWORDS: frozenset[str] = _word_set(
    """
    ما ماذا متى أين كيف هل كم من مَن الذي التي الذين اللذين هذا هذه ذلك تلك هناك هنا
    في على إلى الى عن مع و أو او ثم لكن بل لا لم لن إن ان أن قد كان كانت يكون كل بعض
    أنا انا أنت انت أنتم نحن هو هي هم هن لي لك له لها لنا لكم عند عندي عندك
    واش شنو اشنو آش اش شنهو شنهي فين فاين فوقاش إمتى امتى كيفاش شحال شكون علاش
    بغيت بغينا باغي خاصني خصني خاصنا كاين كاينة كاينين ديال ديالي ديالكم د ف ل ب
    دابا بزاف مزيان شي حتى غير واخا عافاك عفاك الله إلا الا ولا ولا راه راني راك
    هاد هادي هادا هادو ليا ليك ليه ليها معاكم معاك عليكم السلام سلام شكرا مرحبا
    نقدر يقدر نعرف بغيت نعرف واحد
    wach wech chno chnou achno ach ash fin fen fayn fo9ach foqach imta emta kifach kifash
    ch7al chhal chkoun chkon 3lach 3lash bghit bghina baghi khasni khassni kayn kayna
    kaynin dyal dial d f l b fi daba bzaf bezaf bzzaf mzyan mezyan chi chwiya 7ta ghir
    wakha waxa 3afak 3afakom lah allah ila wla wlla rah rani rak had hadi hada hado liya
    lik m3a m3ak m3akom 3la 3nd 3ndi 3andi ana nta nti ntoma 7na hna li lli salam
    choukran chokran shukran merci nqder n9der ne3ref n3ref nkhdem bach ach kif
    """
)

# --- glossary: Arabic / Darija / Arabizi phrase -> French search words ---------------------

_GLOSSARY_SOURCE: tuple[tuple[str, str], ...] = (
    # deadlines and dates
    ("آخر أجل|الأجل|اجل|أجل|آخر موعد|الموعد النهائي|آخر أجل للترشيح|آجال", "date limite delai"),
    ("akhir ajal|a5ir ajal|akher ajal|ajal|lajal|l'ajal|deadline", "date limite delai"),
    ("قبل|في أجل أقصاه|على أبعد تقدير", "avant plus tard"),
    ("تاريخ|التاريخ|نهار|النهار", "date"),
    ("imta|emta|fo9ach|foqach|فوقاش|إمتى|متى", "date"),
    # kinds of calls
    ("طلب عروض|طلبات عروض|طلب العروض", "appel offres"),
    ("طلب ترشيحات|طلب الترشيح|طلب ترشيح|إعلان عن ترشيح", "appel candidatures"),
    ("عروض|العروض|عرض|فرصة|فرص|الفرص|forsa|fors", "appel offre"),
    ("دفتر التحملات|دفتر الشروط", "cahier charges"),
    ("الشروط المرجعية|الإطار المرجعي", "termes reference tdr"),
    ("استشارة|الاستشارة|مستشار|مستشارة|خبير|خبيرة|الخبير", "consultant expert consultation"),
    ("منصب|المنصب|خدمة|الخدمة|وظيفة|الوظيفة|شغل|khedma|5edma|lkhedma|l5edma", "poste emploi"),
    ("منحة|المنحة|دعم|الدعم|تمويل|التمويل", "subvention financement"),
    # documents
    (
        "الوثائق|الوثائق المطلوبة|المستندات|الأوراق|lwata2i9|lwatha2iq|lwra9|lwra9i",
        "pieces documents dossier",
    ),
    ("الملف|ملف|ملف الترشيح|lmelf|lmalaf|dossier", "dossier candidature"),
    ("السيرة الذاتية|سيرة ذاتية|سي في|cv", "cv curriculum"),
    ("مذكرة منهجية|المذكرة المنهجية|منهجية|المنهجية", "note methodologique methodologie"),
    ("العرض المالي|عرض مالي", "offre financiere proposition"),
    ("العرض التقني|عرض تقني", "offre technique proposition"),
    ("رسالة تحفيز|رسالة التحفيز|رسالة الحافز|رسالة الدافع", "lettre motivation"),
    ("شهادة|الشهادة|شهادات|الشهادات|الدبلوم|دبلوم|diplome|diplom|chahada|cha7ada", "diplome"),
    ("القراية|l9raya|9raya|lqraya|الدراسة|الدراسات", "diplome etudes"),
    ("المراجع|مراجع", "references"),
    ("المرجع|الرقم المرجعي|مرجع", "reference"),
    # profile and eligibility
    ("الشروط|شروط|المؤهلات|مؤهلات|الملف الشخصي|البروفايل|profil", "profil qualifications"),
    ("الخبرة|خبرة|التجربة|تجربة|lkhibra|l5ibra|khibra|tajriba|ttajriba", "experience"),
    ("سنوات الخبرة|سنين ديال الخبرة|عوام ديال الخبرة", "annees experience"),
    ("سنوات|سنين|عوام|عامين|سنة|عام|3am|3amin|snin|snine", "annees ans"),
    ("ماستر|الماستر|ماجستير|master|mastere", "master"),
    ("إجازة|الإجازة|ليسانس|licence|lisans", "licence"),
    ("دكتوراه|الدكتوراه|دكتوراة|doctora|doktora", "doctorat"),
    ("باك|الباكالوريا|بكالوريا|bac", "bac"),
    (
        "مقاول ذاتي|المقاول الذاتي|مقاول ذاتية|auto entrepreneur|autoentrepreneur",
        "auto entrepreneur",
    ),
    ("موظف|أجير|مأجور|salarie", "salarie"),
    (
        "نترشح|الترشح|الترشيح|ترشيح|نقدم|التقديم|نتقدم|postuler|ntrecha7|ntrach7",
        "candidature postuler",
    ),
    ("مؤهل|نقدر نترشح|eligible", "eligible eligibilite"),
    # organisations and places
    ("جمعية|الجمعية|جمعيات|الجمعيات|jam3iya|jam3ia|jam3iyat", "association"),
    ("تعاونية|التعاونية|تعاونيات|ta3awniya", "cooperative"),
    ("جهة|الجهة|jiha|ljiha", "region"),
    ("إقليم|الإقليم|عمالة|العمالة", "province prefecture"),
    ("جماعة|الجماعة|الجماعات|جماعات|الجماعات الترابية|jma3a|ljma3a", "commune communes"),
    ("المجتمع المدني", "societe civile"),
    # mission details
    ("ورشة|الورشة|ورشات|lwarcha|warcha", "atelier"),
    ("تكوين|التكوين|تكوينات", "formation"),
    ("مدة|المدة|lmodda|modda|lmoda|ch7al dial lwa9t|شحال ديال الوقت", "duree"),
    ("لغة|اللغة|لغة العمل|lougha|logha", "langue"),
    ("اللغة العربية|العربية|بالعربية|l3arbia|3arbia|3arabiya", "arabe"),
    ("الفرنسية|بالفرنسية|lfransawiya|fransawiya|fransiya", "francais"),
    ("الإنجليزية|الانجليزية|النجليزية|lanjliziya", "anglais"),
    ("الفندق|فندق|otel|lotel", "hotel"),
    ("المكان|مكان|البلاصة|blassa|lblasa|lblassa|فين كاين", "lieu"),
    ("التقييم|تقييم|التقويم", "evaluation"),
    ("الميزانية|ميزانية|lmizaniya|mizaniya", "budget"),
    ("الموضوع|موضوع الرسالة", "objet"),
    (
        "البريد الإلكتروني|البريد الالكتروني|الإيميل|الايميل|إيميل|ايميل|لميل|لإيميل"
        "|lmail|imail|email|mail|gmail",
        "email courriel adresse",
    ),
    ("البريد", "email courriel adresse poste"),
    ("العنوان|عنوان|l3onwan|3onwan|adresse", "adresse"),
    ("نصيفط|نرسل|نبعث|إرسال|الإرسال|صيفط|nsifet|nsift|nsayfet|sift|nrsl", "envoyer adresse email"),
    (
        "الراتب|راتب|الأجرة|الأجر|الخلصة|الخلاص|lkhlass|l5lass|lkhlsa|lkhalss|salaire",
        "salaire remuneration",
    ),
    ("الثمن|ثمن|التعويض|تعويض|شحال كيخلصو", "honoraires remuneration prix"),
    ("عقد|العقد|الكونطرا|lkontra|contrat", "contrat"),
    ("التنقل|التنقلات|السفر|déplacement", "deplacements"),
    ("المهام|مهام|المهمة|مهمة|lmohima|lmahama", "mission taches"),
    ("الأهداف|أهداف|الهدف|هدف", "objectifs"),
    ("النتائج|نتائج|المخرجات|المنتظرة", "resultats livrables"),
    ("التسليم|المخرجات المنتظرة|livrable", "livrables"),
    ("الاتصال|التواصل|للتواصل|contact", "contact"),
    ("الهاتف|رقم الهاتف|تيليفون|tel|telephone|numero", "telephone"),
    ("الموقع|موقع|site", "site"),
    ("مفتوح|مفتوحة|مفتوحين|باقين مفتوحين|ma7loul|mafto7", "ouvert"),
    ("مغلق|مسدود|مسدودة|تسد|sad|msdoud", "ferme clos"),
)

_MULTI_SEP = "|"


def _glossary_table() -> dict[tuple[str, ...], tuple[str, ...]]:
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for sources, target in _GLOSSARY_SOURCE:
        terms = tuple(t for t in words(target) if t not in FRENCH_STOPWORDS)
        for source in sources.split(_MULTI_SEP):
            key = key_of(source)
            if key:
                table[key] = tuple(dict.fromkeys(table.get(key, ()) + terms))
    return table


_GLOSSARY: Mapping[tuple[str, ...], tuple[str, ...]] = _glossary_table()
_GLOSSARY_FIRSTS: frozenset[str] = frozenset(k[0] for k in _GLOSSARY)
_GLOSSARY_MAX_N: int = max(len(k) for k in _GLOSSARY)


def french_terms(text: str) -> list[str]:
    """Folded French search words for any user text (Arabic, Darija, Arabizi or French).

    Glossary phrases become their French words; other Latin words pass through folded
    unless they are French or Darija stopwords; other Arabic words are dropped.
    """
    toks = words(text)
    hits = {h.start: h for h in scan(toks, _GLOSSARY, _GLOSSARY_FIRSTS, _GLOSSARY_MAX_N)}
    out: dict[str, None] = {}
    i = 0
    while i < len(toks):
        hit = hits.get(i)
        if hit is not None:
            out.update(dict.fromkeys(hit.value))
            i += hit.length
            continue
        if _passes_through(toks[i]):
            out[toks[i]] = None
        i += 1
    return list(out)


def _passes_through(tok: str) -> bool:
    if is_arabic_word(tok) or tok in FRENCH_STOPWORDS or tok in ARABIC_STOPWORDS:
        return False
    return len(tok) >= 2 and not tok.isdigit()
