"""Who publishes a call: from a label, "X recrute", "lancé par X", the header block, the
signature, or (as a guess) the domain of the address applications go to.

A funder ("financé par", "avec l'appui de") or a partner is not the publisher.
"""

from __future__ import annotations

import re

from store.ingest import labels
from store.ingest.dates import fold_with_map
from store.ingest.evidence import GUESSED, LABELLED, POSITION, STATED, Found
from store.ingest.layout import Line
from store.text import fold
from store.vocab import organizations

# Words an organisation's name starts with, folded (French, English, Arabic).
_ORG_HEAD = (
    r"(?:l\s*'?\s*|la\s+|le\s+|les\s+|the\s+)?(?:association|asso|fondation|foundation|federation"
    r"|reseau|union|collectif|coalition|ong|organisation|organization|agence|agency|ministere"
    r"|ministry|secretariat|delegation|commune|conseil|council|observatoire|centre|center"
    r"|institut|institute|universite|university|cooperative|prefecture|comite|mouvement|forum"
    r"|ambassade|embassy|consulat|haut[- ]commissariat|stiftung|jamiat|جمعيه|الجمعيه|مءسسه"
    r"|المءسسه|منظمه|المنظمه|جماعه|الجماعه|وزاره|الوزاره|مجلس|المجلس|عماله|مرصد|المرصد|شبكه"
    r"|الشبكه|مركز|المركز|تعاونيه|التعاونيه|فيدراليه|الفيدراليه|اتحاد|الاتحاد|مديريه|المديريه"
    r"|وكاله|الوكاله)\b"
)
_ORG_LINE = re.compile(rf"^{_ORG_HEAD}")
# Header lines that are never the publisher: the kingdom, a motto, a page title.
_NOT_PUBLISHER = re.compile(
    r"^(?:royaume\s+du\s+maroc|kingdom\s+of\s+morocco|المملكه\s+المغربيه|الله\s+الوطن\s+الملك"
    r"|programme\s+d\s*appui|termes\s+de\s+reference|appel|avis|offre|recrutement)"
)
_ORG_LABEL = re.compile(
    r"^(?:organisation|organisme|organization|hiring\s+(?:office|organization|unit)|agency"
    r"|employeur|employer|entite|structure|maitre\s+d\s*ouvrage|porteur(?:\s+du\s+projet)?"
    r"|publie\s+par|lance\s+par|(?:organisme\s+)?commanditaire|donneur\s+d\s*ordre"
    r"|organisme\s+(?:contractant|demandeur|employeur|recruteur)|structure\s+d\s*accueil"
    r"|operateur(?:\s+sur\s+l\s*activite)?|association"
    r"|nom\s+de\s+l\s*(?:organisation|association)|donor|pouvoir\s+adjudicateur|contractant"
    r"|organization\s+name|execute\s+par|mis\s+en\s+(?:oe|œ)uvre\s+par|implemented\s+by"
    r"|الجهه(?:\s+المنظمه|\s+المعلنه)?|الهيءه)"
    r"\s*[:\t|]\s*(?P<v>\S.+)$"
)
_ORG_LABEL_WORDS = re.compile(_ORG_LABEL.pattern.split(r")\s*[:\t|]")[0][1:] + ")")
# "L'association X recrute", "X lance un appel", "X is seeking", "تعلن جمعية X عن".
_ANNOUNCER_VERB = re.compile(
    r"\s+(?:recrute|recherche\s+(?:un|une|des|pour)|lance|lancent|organise|a\s+lance"
    r"|vient\s+de\s+lancer|a\s+prolonge|prolonge|annonce|a\s+annonce|a\s+ouvert|met\s+en\s+place"
    r"|a\s+publie|invite\s+(?:les|tous|toutes)|appelle\s+(?:les|tous)|launches|announces|invites"
    r"|souhaite\s+(?:recruter|engager)"
    r"|se\s+propose|invite|annonce|ouvre|publie|is\s+(?:seeking|recruiting|looking)"
    r"|tient\s+a|envisage|compte\s+recruter)\b"
)
_AR_ANNOUNCES = re.compile(r"^(?:تعلن|يعلن|تنظم|ينظم|تطلق|يطلق)\s+(?P<v>.{4,80}?)\s+عن\b")
# An implementing agency recruits for the programme it runs ("financé par l'UE et exécuté
# par l'UNOPS"): across the corpus the implementer named so is the publisher.
_RUN_BY = re.compile(
    r"(?:lance(?:e|s)?\s+par|publie(?:e)?\s+par|launched\s+by|(?:mis|mise)\s+en\s+(?:oe|œ)uvre\s+par"
    r"|execute(?:e)?\s+par|implemented\s+by)\s+"
    r"(?:l\s*'\s*|la\s+|le\s+|les\s+)?"
)
_GENERIC_DOMAINS = frozenset(
    "gmail.com yahoo.fr yahoo.com hotmail.com hotmail.fr outlook.com outlook.fr live.fr"
    " menara.ma gmail.fr aol.com icloud.com protonmail.com".split()
)


def find_organization(lines: list[Line], text: str, emails: list[str]) -> Found[str] | None:
    """The publisher, best reading first; None when nothing names it."""
    for finder in (_labelled, _announcer, _run_by, _in_title, _addressee, _header, _signature):
        found = finder(lines)
        if found is not None:
            return found
    return _most_named(lines) or _from_domain(lines, emails)


def find_labelled(lines: list[Line]) -> Found[str] | None:
    """ "Organisation : X", "Hiring Office | X"."""
    return _labelled(lines)


def find_announcer(lines: list[Line]) -> Found[str] | None:
    """ "L'association X recrute …", "تعلن جمعية X عن …"."""
    return _announcer(lines)


def _labelled(lines: list[Line]) -> Found[str] | None:
    for line in lines[:60]:
        match = _ORG_LABEL.match(line.folded.replace("\t", " : "))
        value = re.split(r"\s*[:\t|]\s*", line.text, maxsplit=1)[-1] if match else None
        value = value or labels.unmarked_value(line, _ORG_LABEL_WORDS)
        name = tidy_name(value) if value else ""
        if name and not _NOT_PUBLISHER.match(fold(name)):
            return Found(name, line.text, LABELLED)
    return None


def _announcer(lines: list[Line]) -> Found[str] | None:
    for line in lines[:40]:
        if line.bullet:
            continue
        folded = fold_with_map(line.content)
        verb = _ANNOUNCER_VERB.search(folded.text)
        if verb and 3 <= verb.start() <= 140:
            subject = folded.quote(0, verb.start())
            name = _subject_name(subject)
            if name:
                return Found(name, line.text, STATED)
        arabic = _AR_ANNOUNCES.match(folded.text)
        if arabic and _ORG_LINE.match(arabic.group("v")):
            return Found(tidy_name(folded.quote(*arabic.span("v"))), line.text, STATED)
    return None


def _subject_name(subject: str) -> str | None:
    """The organisation that is the subject of "X recrute": the last clause's name."""
    subject = re.split(r"[.;:!?]\s+|\s[-–—]\s", subject)[-1]
    subject = re.sub(r"^(?:\w+\s*[-–—,]\s*)?", "", subject) if "," in subject[:20] else subject
    name = tidy_name(subject)
    words = name.split()
    if not words or len(words) > 14:
        return None
    known = organizations.named_in(name)
    if _ORG_LINE.match(fold(name)) or (known and len(words) <= 6):
        return name
    if re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,9}", name):  # "MRG recrute"
        return name
    return None


def _run_by(lines: list[Line]) -> Found[str] | None:
    for line in lines[:60]:
        folded = fold_with_map(line.text)
        match = _RUN_BY.search(folded.text)
        if match:
            rest = folded.quote(match.end(), len(folded.text))
            name = _proper_run(rest)
            if name:
                return Found(name, line.text, STATED)
    return None


def _proper_run(text: str) -> str | None:
    """The capitalised name at the start of `text` ("Friedrich Ebert : …" -> "Friedrich
    Ebert"), with the small words names carry ("de", "pour la")."""
    kept: list[str] = []
    for word in text.split():
        bare = word.strip(",;:.()«»\"")
        if bare[:1].isupper() or (kept and bare in ("de", "des", "du", "la", "pour", "et", "d'")):
            kept.append(bare)
            if bare != word and not word.endswith(")"):
                break
        else:
            break
    while kept and kept[-1] in ("de", "des", "du", "la", "pour", "et", "d'"):
        kept.pop()
    return " ".join(kept) if kept else None


# Job boards and news sites title a call "ADELMA : recrutement de trois agents",
# «جهة مراكش آسفي: مباراة لتوظيف …», "Concours de recrutement – Agence …", or
# "Appel à projets … de la Fondation de France".
_CALL_WORDS = re.compile(
    r"^(?:recrutement|recrute|appel|avis|concours|consultation|offre|termes|selection|call"
    r"|vacancy|job|مباراه|طلب|اعلان|فتح\s+باب|توظيف|دعوه)\b"
)
_TITLE_PUBLISHER = re.compile(
    r"(?:\bde\s+la|\bde\s+l\s*'|\bdu|\bpar\s+l[ae]?\s*'?|\bby\s+the|\bof\s+the)\s*"
    rf"(?P<v>{_ORG_HEAD}.*)$"
)
# A council named by its territory publishes in its own name: «جهة مراكش آسفي», "Région X".
_TERRITORY_BODY = re.compile(
    r"^(?:جهه|الجهه|مجلس|المجلس|جماعه|الجماعه|عماله|اقليم|region|commune|province|conseil)\b"
)


def _in_title(lines: list[Line]) -> Found[str] | None:
    for line in lines[:12]:
        if not line.marked or line.bullet:
            continue
        name = _title_name(line.content.strip(" #"))
        if name:
            return Found(name, line.text, POSITION)
    return None


def _title_name(title: str) -> str | None:
    parts = re.split(r"\s*(:)\s*", title, maxsplit=1)
    if len(parts) == 3 and _CALL_WORDS.match(fold(parts[2])) and 1 <= len(parts[0].split()) <= 8:
        name = tidy_name(parts[0])
        folded = fold(name)
        acronym = re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,11}", name)
        if not _NOT_PUBLISHER.match(folded) and not _CALL_WORDS.match(folded) and (
            acronym or _ORG_LINE.match(folded) or _TERRITORY_BODY.match(folded)
            or organizations.leading(name)
        ):
            return name
    for part in re.split(r"\s+[–—-]\s+", title)[1:]:
        if _ORG_LINE.match(fold(part)) and not _NOT_PUBLISHER.match(fold(part)):
            return tidy_name(part)
    mapped = fold_with_map(title)
    tail = _TITLE_PUBLISHER.search(mapped.text)
    if tail and len(mapped.text[tail.start("v") :].split()) <= 10:
        return tidy_name(mapped.quote(tail.start("v"), len(mapped.text)))
    return None


# "Dossier à adresser à l'Association … (ADELMA)": applications go to the publisher.
_ADDRESSED_TO = re.compile(
    r"(?:a\s+adresser|a\s+envoyer|a\s+deposer|adressee?s?|envoyee?s?)\s+(?:a|au|aupres\s+de)\s+"
    r"(?:l\s*'\s*|la\s+|le\s+)?"
)


def _addressee(lines: list[Line]) -> Found[str] | None:
    for line in lines:
        folded = fold_with_map(line.content)
        match = _ADDRESSED_TO.search(folded.text)
        if match is None or not _ORG_LINE.match(folded.text[match.end() :]):
            continue
        rest = folded.quote(match.end(), len(folded.text))
        name = re.split(r"(?<=\))|[,;:.]\s|\s+(?:par|avant|au\s+plus|a\s+l'adresse)\s", rest)[0]
        if 2 <= len(name.split()) <= 14:
            return Found(tidy_name(name), line.text, POSITION)
    return None


def _header(lines: list[Line]) -> Found[str] | None:
    """An organisation's name among the first lines (the letterhead)."""
    for line in lines[:8]:
        # "Site | Section" is a web page's masthead, not a letterhead.
        if line.bullet or "\t" in line.text or ":" in line.text or "|" in line.text:
            continue
        folded = fold(line.content)
        if _ORG_LINE.match(folded) and not _NOT_PUBLISHER.match(folded) and _is_name(line):
            return Found(tidy_name(line.content), line.text, POSITION)
        # A letterhead starts with the name ("PNUD, 13 avenue …", "APEFE – Association …");
        # a sentence that mentions one ("… formateurs de l'ANAPEC.") is not a letterhead.
        known = organizations.leading(line.content)
        if known and not line.content.rstrip().endswith("."):
            return Found(known, line.text, POSITION)
    return None


_FUNDER_CONTEXT = re.compile(
    r"(?:financ\w*|appui|soutien|support\w*|funded|bailleur|partenariat|partenaires?)[^.\n]{0,60}$"
)


def _most_named(lines: list[Line]) -> Found[str] | None:
    """A guess: the listed organisation the text names most (twice at least), not as a
    funder or partner."""
    counts: dict[str, int] = {}
    first_line: dict[str, str] = {}
    for line in lines:
        for name in organizations.named_in(line.text):
            before = fold(line.text.split(name.split(" (")[0])[0]) if name in line.text else ""
            if _FUNDER_CONTEXT.search(before):
                continue
            counts[name] = counts.get(name, 0) + 1
            first_line.setdefault(name, line.text)
    if not counts:
        return None
    best = max(counts, key=lambda n: counts[n])
    return Found(best, first_line[best], GUESSED) if counts[best] >= 2 else None


_SIGNER = re.compile(
    r"^(?:le|la|pour\s+l[ea]?)\s*'?\s*(?:president|presidente|directeur|directrice|bureau"
    r"|coordinat\w*|comite|secretaire|equipe|conseil)\b[^,]{0,40}?\s+(?:de|du|des|d)\s*'?\s*"
)


def _signature(lines: list[Line]) -> Found[str] | None:
    """The organisation that signs at the end ("Le Bureau de l'Association X")."""
    for line in reversed(lines[-8:]):
        if line.bullet or not _is_name(line):
            continue
        folded = fold_with_map(line.content)
        signer = _SIGNER.match(folded.text)
        rest = folded.quote(signer.end(), len(folded.text)) if signer else line.content
        if _ORG_LINE.match(fold(rest)) and not _NOT_PUBLISHER.match(fold(rest)):
            return Found(tidy_name(rest), line.text, POSITION)
    return None


def _is_name(line: Line) -> bool:
    text = line.content
    return 2 <= len(text) <= 110 and not text.rstrip().endswith((".", ":", ";", ",")) and (
        "@" not in text and not re.search(r"\d{4}", text)
    )


def _from_domain(lines: list[Line], emails: list[str]) -> Found[str] | None:
    """A guess: "recrutement@enabel.be" names Enabel when the text writes "Enabel"."""
    for email in emails:
        domain = email.rsplit("@", 1)[-1].lower()
        if domain in _GENERIC_DOMAINS:
            continue
        stem = re.sub(r"[^a-z0-9]", "", domain.split(".")[0])
        if len(stem) < 3:
            continue
        # "expertisefrance.fr" is written "Expertise France"; not inside an address.
        spelled = r"[\s-]?".join(re.escape(ch) for ch in stem)
        pattern = re.compile(rf"(?<![\w@.-]){spelled}(?![\w@-])(?!\.\w)", re.IGNORECASE)
        for line in lines:
            match = pattern.search(line.text)
            if match:
                return Found(match.group(), line.text, GUESSED)
    return None


def tidy_name(name: str) -> str:
    """Trim articles, quotes and trailing punctuation (the acronym is placed by
    describe.find_organization, the one caller)."""
    name = " ".join(name.replace("*", "").split()).strip(" .:;,«»\"“”")
    name = re.sub(r"^(?:l['’]\s*|la\s+|le\s+|les\s+|the\s+)(?=[A-Za-zÀ-ÿ])", "", name, flags=re.I)
    return name[:1].upper() + name[1:]
