"""Who may apply and for how long: profile requirements (degree, experience, languages,
legal status), working languages and the duration of the mission or post.

Numbers come only from what is written: "Master (BAC+4 minimum)" is 4 years, "master ou
doctorat" is 5, "universitaire supérieure" is no number; "expérience confirmée" is none.
"""

from __future__ import annotations

import re

from store.ingest import labels
from store.ingest.dates import fold_with_map
from store.ingest.layout import Line, section_after, shorten
from store.models import Requirements
from store.text import fold

# ---------------------------------------------------------------------------------------
# The profile section: from a profile heading to the next heading about something else.

_PROFILE_HEADING = re.compile(
    r"profil|qualification|competences?\s+requises|niveau\s+de\s+formation|exigences"
    r"|criteres|conditions\s+(?:requises|d[' ]\s*eligibilite)|eligibilite"
    r"|(?:devra|doit|doivent|devront)\s*(?:justifier\s+de|avoir|disposer\s+de)?\s*:$"
    r"|experiences?\s+requises|connaissances\s+requises|المءهلات|الشروط|المواصفات|الكفاءات"
)
_OTHER_SECTION = re.compile(
    r"dossier|piece|soumission|candidature|livrable|duree|langue|lieu|calendrier|date\s+limite"
    r"|offre|nous\s+vous\s+offrons|interesse|modalite|obligation|suivi|contexte|presentation"
    r"|objectif|description|tache|resultat|methodolog|budget|remuneration|contrat|الملف"
    r"|الوثاءق|المده|الترشيح"
)


def profile_lines(lines: list[Line]) -> list[Line]:
    """Lines of every profile section, sub-headings included."""
    found: list[Line] = []
    for index, line in enumerate(lines):
        if line.heading and _PROFILE_HEADING.search(line.folded):
            if line in found:
                continue
            found.append(line)
            found.extend(section_after(lines, index, _OTHER_SECTION))
    return found


def find_requirements(lines: list[Line]) -> Requirements:
    """Profile requirements: bullet texts, degree years, experience, languages, status."""
    section = profile_lines(lines)
    bullets = [line.content for line in section if line.bullet and not line.heading]
    if not bullets:
        bullets = [line.content for line in section if not line.heading]
    body = " ".join(line.text for line in section)
    return Requirements(
        text=[shorten(b.rstrip(" .;"), 220) for b in bullets[:15]],
        min_degree_years=min_degree_years(body),
        min_years_experience=min_years_experience(body),
        languages=required_languages(
            [*section, *(line for line in lines if _LANGUAGES_LABEL.match(line.folded))]
        ),
        legal_status=legal_status(body),
    )


# ---------------------------------------------------------------------------------------
# Degree: years after the baccalaureate.

_BAC_PLUS = re.compile(r"\bbac\s*\+\s*(\d)")
_DEGREES = (
    (re.compile(r"doctorat|\bphd\b|doctorate|دكتوراه"), 8),
    (
        re.compile(
            r"\bmasters?\b|mastere|\bdesa\b|\bdess\b|ingenieur\s+d[' ]\s*etat|ماستر"
            r"|ماجستير"
        ),
        5,
    ),
    (re.compile(r"\blicence\b|bachelor|اجازه"), 3),
    (re.compile(r"\bdeug\b|\bdut\b|\bbts\b|technicien\s+specialise"), 2),
)


def min_degree_years(text: str) -> int | None:
    """Lowest degree level the text requires, in years after the bac; None if unstated."""
    folded = fold(text)
    stated = [int(n) for n in _BAC_PLUS.findall(folded)]
    if stated:
        return min(stated)  # an explicit "BAC+4 minimum" beats the name of the degree
    levels = [years for pattern, years in _DEGREES if pattern.search(folded)]
    return min(levels) if levels else None


# ---------------------------------------------------------------------------------------
# Years of experience.

_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "douze": 12, "quinze": 15, "one": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "seven": 7, "ten": 10,
}  # fmt: skip
_N = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_EXPERIENCE = (
    # "au moins cinq ans d'expérience", "2 ans d'expérience", "5 years of experience"
    re.compile(rf"\b{_N}\s*(?:\(\d+\)\s*)?(?:ans|annees|years)\s+(?:d[' ]\s*|de\s+|of\s+)?"
               rf"(?:experience|pratique)"),
    # "expérience professionnelle d'au moins cinq ans", "expérience ... (min. 2 ans)"
    re.compile(rf"experience[^.;\n]{{0,90}}?(?:au\s+moins|minimum|min\.?|de|d[' ])\s*"
               rf"(?:de\s+)?{_N}\s*(?:\(\d+\)\s*)?(?:ans|annees|years)\b"),
    re.compile(r"خبره[^.\n]{0,30}?(\d{1,2})\s*(?:سنوات|سنه|سنين)"),
    re.compile(r"(\d{1,2})\s*(?:سنوات|سنه)\s+(?:من\s+)?(?:ال)?خبره"),
)  # fmt: skip


def min_years_experience(text: str) -> int | None:
    """Years of experience first stated as a requirement; None for "expérience confirmée"."""
    folded = fold(text)
    found: list[tuple[int, int]] = []
    for pattern in _EXPERIENCE:
        for match in pattern.finditer(folded):
            word = match.group(1)
            years = int(word) if word.isdigit() else _NUMBER_WORDS[word]
            found.append((match.start(), years))
    # The first figure is the general requirement ("10 ans dont 5 en ..." -> 10).
    return min(found)[1] if found else None


# ---------------------------------------------------------------------------------------
# Languages and legal status.

_LANGUAGES = (
    ("fr", re.compile(r"\bfrancais\b|\bfrench\b|الفرنسيه")),
    ("ar", re.compile(r"\barabe\b|\barabic\b|العربيه|\bdarija\b|الدارجه")),
    ("en", re.compile(r"\banglais\b|\benglish\b|الانجليزيه|الانكليزيه")),
)
# "Languages Required : English French", "Langues exigées : …", a label outside the profile.
_LANGUAGES_LABEL = re.compile(
    r"^(?:languages?\s+required|required\s+languages?|langues?\s+(?:requises?|exigees?"
    r"|obligatoires?)|اللغات\s+المطلوبه)\s*[:\t|]"
)
_LANGUAGE_CUES = re.compile(
    r"maitrise|connaissance|langue|language|parle|ecrit|courant|fluent|proficien|bilingue|lu,|اتقان"
    r"|اللغه|يتقن|اجاده"
)


def required_languages(section: list[Line]) -> list[str]:
    """Languages the profile asks the candidate to master, in order of mention."""
    found: list[str] = []
    for line in section:
        folded = line.folded
        if not _LANGUAGE_CUES.search(folded):
            continue
        mentions = sorted((m.start(), code) for code, p in _LANGUAGES if (m := p.search(folded)))
        found += [code for _, code in mentions if code not in found]
    return found


_LEGAL_STATUS = (
    ("auto-entrepreneur", re.compile(r"auto[- ]?entrepreneur|مقاول\s+ذاتي")),
    ("association", re.compile(r"association\s+(?:legalement|dument|de\s+droit\s+marocain)")),
    ("cooperative", re.compile(r"cooperative\s+(?:legalement|dument|de\s+droit)")),
    ("personne morale", re.compile(r"personne\s+morale")),
    ("personne physique", re.compile(r"personne\s+physique")),
)


def legal_status(text: str) -> list[str]:
    """Legal statuses the profile requires (auto-entrepreneur, association...)."""
    folded = fold(text)
    return [name for name, pattern in _LEGAL_STATUS if pattern.search(folded)]


_WORK_LANGUAGE_LABEL = re.compile(r"langues?\s*(?:\(s\)\s*)?de\s+travail|working\s+languages?"
                                  r"|لغه\s+العمل|لغات\s+العمل")  # fmt: skip
_WORK_LANGUAGE_PHRASE = re.compile(
    r"(?:se\s+deroulera|se\s+derouleront|sera\s+(?:menee?|conduite?|animee?)|seront\s+animee?s"
    r"|se\s+fera|se\s+feront|seront\s+redigee?s|doivent\s+etre\s+redigee?s|est\s+conduite?)"
    r"\s+(?:exclusivement\s+)?(?:en|dans\s+la\s+langue)\s+((?:\w+(?:,\s*|\s+et\s+|\s+ou\s+)?){1,3})"
)


def working_languages(lines: list[Line]) -> list[str]:
    """Languages the work is done in, only where the text says so."""
    found: list[str] = []
    for index, line in enumerate(lines):
        folded = line.folded
        texts: list[str] = []
        if _WORK_LANGUAGE_LABEL.search(folded):
            texts.append(folded)
            if index + 1 < len(lines):
                texts.append(lines[index + 1].folded)
        texts += [m.group(1) for m in _WORK_LANGUAGE_PHRASE.finditer(folded)]
        for text in texts:
            for code, pattern in _LANGUAGES:
                if pattern.search(text) and code not in found:
                    found.append(code)
    return found


# ---------------------------------------------------------------------------------------
# Duration of the mission or post (not of the programme that funds it).

_DURATION_LABEL = re.compile(
    r"^(?:[ivx]{1,5}|\d{1,2})?\s*[.)\-–—]?\s*(?:duree|period\s+of\s+performance|duration"
    r"|مده)\b(?P<label>[^:\t]{0,50})(?:[:\t]\s*(?P<rest>.*))?$"
)
_AMOUNT = re.compile(
    r"(?:\b\d{1,3}(?:[.,]\d)?|\bune?|\bdeux|\btrois|\bquatre|\bcinq|\bsix|\bdix|\bdouze)\s*"
    r"(?:jours?|j\b|mois|semaines?|ans?\b|annees?|heures?|h\b|days?|weeks?|months?|يوما|ايام"
    r"|اشهر|شهر|اسابيع)"
)
# Counted from the project start, it is the programme's length, not the mission's.
_PROGRAMME_SPAN = re.compile(r"\b(?:projet|programme|intervention|action)\b|البرنامج|المشروع")


def find_duration(lines: list[Line]) -> str | None:
    """The duration as written, short: "1 jour", "22 jours, à raison, de 2 J par commune"."""
    labelled = labels.find(lines, labels.DURATION)
    # "Durée du projet" is the programme's; "durée d'un projet" is the one applied for.
    programme = _PROGRAMME_SPAN.search(labelled.label) if labelled else None
    if labelled is not None and (not programme or re.search(r"\bd\s?'?\s*un\b", labelled.label)):
        value = _duration_value(labelled.value)
        if value and _AMOUNT.search(fold(value)):
            return value
    for index, line in enumerate(lines):
        match = _DURATION_LABEL.match(line.folded)
        if not match or _PROGRAMME_SPAN.search(match.group("label") or ""):
            continue
        rest = match.group("rest")
        value_line = line if rest else _next_text(lines, index)
        if value_line is None:
            continue
        value = _duration_value(value_line.text if not rest else _after_label(line.text))
        if value:
            return value
    return None


def _after_label(text: str) -> str:
    return re.split(r"[:\t]", text, maxsplit=1)[-1].strip()


def _next_text(lines: list[Line], index: int) -> Line | None:
    following = lines[index + 1] if index + 1 < len(lines) else None
    return None if following is None or following.heading else following


def _duration_value(text: str) -> str | None:
    text = re.sub(r"^\s*[-–—•·]\s*", "", text).strip()
    first = re.split(r"(?<=[^.\d])\.\s|\.$", text, maxsplit=1)[0].strip()
    folded = fold_with_map(first)
    counted_from = folded.text.partition("compter")[2]
    if counted_from and _PROGRAMME_SPAN.search(counted_from):
        return None
    amount = _AMOUNT.search(folded.text)
    if amount is None:
        return shorten(first.rstrip(" ."), 90) or None
    # Quote from the amount on: "Le nombre total de jours est de 1 jour" -> "1 jour".
    return shorten(first[folded.origin[amount.start()] :].rstrip(" ."), 90)
