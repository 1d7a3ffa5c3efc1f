"""Which language to answer in: "ar" (MSA, Darija, Arabizi) or "fr".

Script first: any Arabic letter means Arabic.  Latin text is weighed word by word: Darija
function words and digits inside words ("m3akom", "fo9ach") against French function
words.  Language-ID (langdetect) only breaks ties, since it costs milliseconds and does
not know Arabizi.  A one- or two-word message (a call name, a town) keeps the language
the user was last answered in.
"""

from __future__ import annotations

import re
from typing import Literal

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from store.text import fold, has_arabic

Lang = Literal["fr", "ar"]

DetectorFactory.seed = 0  # langdetect is random by default: make it repeatable

_LATIN_WORD = re.compile(r"[a-z0-9]+")
_ACCENTED = re.compile(r"[éèêëàâçùûîïô]", re.IGNORECASE)
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# Arabizi digits standing for Arabic letters: 2=ء 3=ع 5=خ 6=ط 7=ح 8=ه 9=ق.
_ARABIZI_DIGIT = re.compile(r"[2356789]")
_DIGIT_RUN = re.compile(r"\d\d")
# Digits that belong to French/English words: 3eme, 2nd, 17h30, 5km, 4g, covid19.
_NOT_ARABIZI = re.compile(r"^\d+(e|er|eme|ere|nd|nde|h|h\d+|min|mn|km|kg|dh|mad|g|ans?|j)$")


def _word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list (already folded: ASCII only)."""
    return frozenset(text.split())


# Darija words written in Latin letters that are not French words.
_DARIJA_STRONG = _word_set(
    """
    wach wech wash chno chnou chnu achno achnou ash ach fo9ach foqach fou9ach imta emta
    bghit bghina bghiti baghi baghia khasni khassni khesni khassna kayn kayna kayen
    kaynin kaynine makaynch dyal dial dyali diali dyalkom dialkom daba bzaf bezaf bzzaf
    mzyan mezyan mzyana kifach kifash kifch chkoun chkon ch7al chhal shhal 3lach 3lash
    wakha waxa nkhdem nekhdem khdma khedma nta nti ntoma ntouma wlla mnin fach bach
    m3a m3ak m3akom m3akoum 3la 3nd 3ndi 3andi 3afak 3afakom smahli smhli labas lbas
    hamdullah hamdoulah choukran chokran shukran chokrane rah rani
    raha rak hadchi hadi hada hado dakchi walo bla ghadi ghan kan kanet kont kantsna
    nqder n9der ne3ref n3ref nsawel nsift nsifet sift 3tini 3tina 3awni ysed ysdo
    b9a b9at b9aw ba9i ba9a homa howa hiya nta3 ntrecha7 ntrache7 n9ra
    """
)
# Darija words that are also French words, town names or letters, and greetings French
# speakers use too ("salam"): half a cue each.
_DARIJA_WEAK = _word_set("fin safi la ana f l d chi ila had men li lli hna ma salam slm bslama")
# French function words (never Darija): each is a French cue.
_FRENCH_WORDS = _word_set(
    """
    le les un une des du de au aux et est sont je tu il elle nous vous ils elles
    mon mes ton ta tes son sa ses notre votre nos vos leur leurs ce cette ces
    qui que quoi quel quelle quels quelles quand comment combien pourquoi ou dans pour
    par sur avec sans chez entre vers avant apres pas plus tres bien aussi ne ni mais
    donc car si oui non merci salut bonjour bonsoir svp stp cordialement
    y en on peut peux puis pouvez suis es etes avez avons ont ai faut voudrais veux
    cherche aimerais
    appel appels offre offres ouvert ouverts ouverte ouvertes ferme fermes fermee fermees
    date limite candidature postuler emploi poste consultant consultante formation
    """
)
# Half a French cue each: also Darija ("la" = no, "a" = o) or too short.
_FRENCH_WEAK = _word_set("a la ma l d c s t m n j qu")
_SURE = 0.9


def _scores(text: str) -> tuple[float, float]:
    """(Arabizi score, French score) of a Latin-script text."""
    arabizi = french = 0.0
    for word in _LATIN_WORD.findall(fold(text)):
        if word in _DARIJA_STRONG or _is_digit_word(word):
            arabizi += 1
        elif word in _FRENCH_WORDS:
            french += 1
        elif word in _DARIJA_WEAK:
            arabizi += 0.5
        if word in _FRENCH_WEAK:
            french += 0.5
    return arabizi, french


def _is_digit_word(word: str) -> bool:
    """A Latin word spelled with Arabizi digits: "3afak", "m3akom", "ch7al"."""
    letters = sum(c.isalpha() for c in word)
    digits = len(word) - letters
    if letters < 2 or not 1 <= digits <= 3 or _NOT_ARABIZI.match(word):
        return False
    return bool(_ARABIZI_DIGIT.search(word)) and not _DIGIT_RUN.search(word)


def is_arabizi(text: str) -> bool:
    """Darija written in Latin letters (and digits), rather than French."""
    if has_arabic(text):
        return False
    arabizi, french = _scores(text)
    return arabizi >= 1 and arabizi > french


def detect_language(text: str, remembered: str | None = None) -> Lang:
    """The language to reply in; `remembered` (the user's last one) breaks weak evidence."""
    fallback: Lang = "ar" if remembered == "ar" else "fr"
    if has_arabic(text):
        return "ar"
    arabizi, french = _scores(text)
    if arabizi >= 1 and arabizi > french:
        return "ar"
    if french >= 1 and french >= arabizi:
        return "fr"
    if arabizi == 0 and _ACCENTED.search(text) and len(_LETTER_WORD.findall(text)) >= 2:
        # "délai dépassé ?": French accents in a sentence (a lone "Saïdia" is just a name).
        return "fr"
    if len(_LETTER_WORD.findall(text)) < 3:
        return fallback
    return _guess(text, remembered, fallback)


def _guess(text: str, remembered: str | None, fallback: Lang) -> Lang:
    """langdetect, trusted for French only when sure or when nothing is remembered."""
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return fallback
    if best.lang == "ar":
        return "ar"
    if best.lang == "fr" and (best.prob >= _SURE or remembered is None):
        return "fr"
    return fallback
