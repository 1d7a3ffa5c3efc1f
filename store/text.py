"""Text folding shared by indexing (store) and understanding (handlers).

The same function must fold both the catalog and the user's words, or matching breaks:
that is why it lives beside the store rather than in the handlers.
"""

from __future__ import annotations

import re
import unicodedata

_LATIN_MARKS = re.compile(r"[\u0300-\u036f]")
_ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_ARABIC_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "ء",
        "ئ": "ء",
        "ک": "ك",
        "ی": "ي",
        "گ": "ك",
        "ڭ": "ك",
        "ڤ": "ف",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
        "،": ",",
        "؟": "?",
        "؛": ";",
    }
)
_APOSTROPHES = ("'", "’", "ʼ", "`", "‘", "´")
# Three or more of the same letter ("merciii", "salaaam") collapse to one.
_REPEATS = re.compile(r"([a-z\u0621-\u064a])\1{2,}")
_TOKEN = re.compile(r"[\w/@.+-]+")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


def _strip_latin_accents(text: str) -> str:
    """ "é" -> "e", "œ" -> "oe". Arabic marks are left to fold_arabic, so hamza carriers
    fold the way users type them."""
    text = text.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    if not _ARABIC_LETTER.search(text):
        # Latin text: decompose and keep ASCII. One C pass; symbols and stray letters of
        # other scripts fall away, which only ever removes noise from matching.
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return unicodedata.normalize("NFKC", _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text)))


def fold_arabic(text: str) -> str:
    if not _ARABIC_LETTER.search(text):
        return text
    # NFKC first: presentation forms ("ﻷ") become ordinary letters before folding.
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_DIACRITICS.sub("", text.replace(_TATWEEL, ""))
    return text.translate(_ARABIC_MAP)


def fold(text: str) -> str:
    """Lowercase, fold Arabic letter forms and Latin accents, split elisions, squeeze.

    On the hot path of every message and every indexed line, so each step is one C-level
    pass and the costly ones run only when the text needs them.
    """
    for apostrophe in _APOSTROPHES:
        # "l'appel", "d'offres", "qu'il": every apostrophe splits words when matching.
        if apostrophe in text:
            text = text.replace(apostrophe, " ")
    text = fold_arabic(text).lower()
    if not text.isascii():
        text = _strip_latin_accents(text)
    if _REPEATS.search(text):
        text = _REPEATS.sub(r"\1", text)
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """Folded word tokens; keeps digits, slashes and dots inside references and e-mails."""
    return [t.strip(".-+") for t in _TOKEN.findall(fold(text)) if t.strip(".-+")]
