"""A call's title as written: a title label, a line that starts like a title, the page's
first heading, or "X recrute un(e) Y"; never a generic heading ("TERMES DE RÉFÉRENCE").
"""

from __future__ import annotations

import re

from store.ingest.dates import fold_with_map
from store.ingest.evidence import GUESSED, LABELLED, POSITION, STATED, Found
from store.ingest.layout import Line, shorten
from store.text import fold

TITLE_LINE = 0.85  # a line that reads as the title, near the top

_TITLE_START = re.compile(
    r"^(?:recrutement|recrute|appel\s+(?:a|d|pour)|avis\s+(?:de|d|pour)|termes\s+de\s+reference"
    r"\s+(?:pour|relatifs?|de\s+la|du|d)|offre\s+d\s+emploi|consultation|recherche|mission"
    r"|selection|call\s+for|request\s+for|طلب|اعلان|توظيف|مباراه|دعوه)"
)
_TITLE_LABEL = re.compile(
    r"^(?:intitule(?:\s+du\s+poste|\s+de\s+la\s+(?:mission|consultation|formation))?"
    r"|titre(?:\s+du\s+poste|\s+de\s+la\s+(?:mission|consultation|prestation|formation))?"
    r"|objet(?:\s+de\s+l\s*(?:appel|avis|offre)|\s+de\s+la\s+consultation)?"
    r"|(?:funding\s+)?opportunity\s+title|job\s+title|position(?:\s+title)?|post\s+title"
    r"|title|job|description\s+de\s+la\s+mission|nom\s+du\s+(?:poste|programme|prix)"
    r"|vacancy|poste|activite|type\s+(?:de\s+)?mission|المنصب|موضوع\s+(?:الاعلان|الاستشاره)"
    r"|عنوان\s+(?:المشروع|الاعلان))\s*(?:[:\t|])\s*(?P<v>\S.+)$"
)
_JOB_COUNT_LINE = re.compile(r"^\d{1,2}\s+(?P<v>[A-Z][^\t]{3,80})$")
# Headers that announce a call without naming it: the title is elsewhere.
_GENERIC = re.compile(
    r"(?:appel\s+a\s+(?:candidatures?|consultation|manifestation\s+d\s+interet|projets?)"
    r"|avis\s+de\s+recrutement|avis\s+d\s+appel\s+d\s+offres?|offre\s+d\s+emploi|l?\s*appel"
    r"|termes\s+de\s+reference(?:\s+specifiques)?|tdrs?|objet(?:\s+du\s+marche)?|description"
    r"|job\s+description|vacancy\s+announcement|notice\s+of\s+funding\s+opportunity"
    r"|communique(?:\s+de\s+presse)?|contexte|presentation|cahier\s+des\s+charges|annonce"
    r"|(?:individual\s+consultant\s+)?procurement\s+notice|invitation\s+a\s+soumissionner"
    r"(?:\s+\(?rfp\)?)?|request\s+for\s+(?:proposals?|quotations?)|overview|job|vacancy"
    r"|appel\s+d\s*offres?(?:\s+ouvert)?|avis\s+de\s+consultation|no\s+translations?\s+\w+"
    r"|اعلان(?:\s+عن)?(?:\s+طلب)?(?:\s+ترشيحات|\s+عروض|\s+مشاريع)?|بلاغ|طلب\s+(?:ترشيحات|عروض))"
    r"\W*"
)
# Page furniture of converted web pages.
_FURNITURE = re.compile(
    r"taille\s+du\s+texte|partager|imprimer|accueil|se\s+connecter|lire\s+aussi|share|print"
    r"|^menu\b|^date\s+\d|^publie|^posted|^mis\s+a\s+jour|^redaction|^\d{1,2}/\d{1,2}/\d{2,4}"
)
_ANNOUNCES = re.compile(
    r"(?:\brecrute|\blance(?!\s+par)|\bis\s+(?:seeking|recruiting)|تعلن\s+عن|يعلن\s+عن|تطلق"
    r"|يطلق)\s+"
    r"(?P<v>.{8,})"
)


def find_title(lines: list[Line]) -> Found[str] | None:
    """The call's title as written, and how sure the reading is."""
    head = lines[:40]
    for finder in (_labelled, _title_start, _marked, _job_count, _announced, _first_heading):
        found = finder(head)
        if found is not None:
            return found
    return None


# "Termes de référence : évaluation finale du projet X": a generic head, then the title.
_HEAD_THEN_TITLE = re.compile(
    r"^(?:termes\s+de\s+reference|tdrs?|appel\s+a\s+\w+(?:\s+d\s*\w+)?|avis\s+d\s*\w+"
    r"|offre\s+d\s*emploi|vacancy|call\s+for\s+\w+)\s*[:–—-]\s*\S+(?:\s+\S+){2}"
)


def _title_start(head: list[Line]) -> Found[str] | None:
    for line in head:
        text = line.content.strip(' «»"“”:')
        folded = fold(text)
        starts = _TITLE_START.match(folded) or _HEAD_THEN_TITLE.match(folded)
        numbered = _NUMBER_ONLY.match(folded)  # "Appel d'offres n° ISED/RFQ 2023-12"
        if starts and not numbered and not _generic(text) and "\t" not in text:
            return Found(tidy_title(text), line.text, TITLE_LINE)
    return None


_NUMBER_ONLY = re.compile(r"^[^\d]{0,40}?\b(?:n\s*[°o]?|numero|no)\s+\S+(?:\s+\S+)?\s*$")


def _labelled(head: list[Line]) -> Found[str] | None:
    for line in head:
        match = _TITLE_LABEL.match(line.folded.replace("\t", " : "))
        if match and not re.match(r"objet\s+(?:du|de\s+votre)\s+(?:mail|courriel)", line.folded):
            value = re.split(r"\s*[:\t|]\s*", line.text, maxsplit=1)[-1]
            if not _generic(value):
                return Found(tidy_title(value), line.text, LABELLED)
    return None


def _first_heading(head: list[Line]) -> Found[str] | None:
    """The first heading of the page that names something (not a section, not furniture)."""
    for line in head[:12]:
        text = line.content.strip(' «»"“”:')
        folded = fold(text)
        if not line.heading or _generic(text) or _FURNITURE.search(folded):
            continue
        if len(folded.split()) >= 4 and not re.fullmatch(r"[\d\W]+", folded):
            return Found(tidy_title(text), line.text, POSITION)
    return None


def _marked(head: list[Line]) -> Found[str] | None:
    """The first line written as a heading ("# …", Word's Title style) that names the call."""
    for line in head[:12]:
        text = line.content.strip(' «»"“”:')
        if line.marked and not _generic(text, 2) and not _FURNITURE.search(fold(text)):
            return Found(tidy_title(text), line.text, TITLE_LINE)
    return None


def _job_count(head: list[Line]) -> Found[str] | None:
    for line in head[:12]:
        match = _JOB_COUNT_LINE.match(line.text)  # "1 Intervention Officer Territorial"
        if match:
            return Found(tidy_title(match.group("v")), line.text, STATED)
    return None


def _announced(head: list[Line]) -> Found[str] | None:
    """ "L'association X recrute un(e) comptable" -> "un(e) comptable" (a guess)."""
    for line in head[:12]:
        folded = fold_with_map(line.text)
        match = _ANNOUNCES.search(folded.text)
        if match:
            value = folded.quote(match.start("v"), match.end("v"))
            return Found(tidy_title(value), line.text, GUESSED)
    return None


def _generic(text: str, min_words: int = 3) -> bool:
    folded = fold(text).strip()
    return bool(_GENERIC.fullmatch(folded)) or len(folded.split()) < min_words


def tidy_title(text: str) -> str:
    """Without quotes, stars and trailing colons; cut at 200 characters."""
    text = " ".join(text.replace("*", "").strip(' «»"“”:.').split())
    return shorten(text, 200)
