"""`label : value` pairs, wherever a call writes them: "Date limite : 15 mars", a table
row (cells separated by tabs), a label alone on its line with its value on the next
("Apply by" / "26 Jan 2025"), and the label families each field is read from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from store.ingest.dates import fold_with_map
from store.ingest.layout import Line
from store.text import fold

# Label families, matched against the whole folded label (French, English, Arabic).
REFERENCE = re.compile(
    r"(?:n\s*[°o]\s*(?:de\s+)?)?(?:ref|reference|references?\s+de\s+l\s*(?:offre|avis|appel)"
    r"|vacancy\s+(?:code|number|no)|job\s+(?:no|number|id|code)|reference\s+number|ref\s+no"
    r"|(?:funding\s+opportunity|solicitation|tender|announcement|requisition)\s+(?:number|no)"
    r"|numero(?:\s+de\s+l\s*(?:avis|appel|offre))?|avis\s+n\s*[°o]|appel\s+d\s*offres?\s+n\s*[°o]"
    r"|المرجع|رقم\s+(?:الاعلان|الطلب|المرجع))"
)
DEADLINE = re.compile(
    r"(?:date\s+limite.*|delai.*|deadline.*|closing\s+date|apply\s+(?:by|before)|application"
    r"\s+deadline|date\s+de\s+(?:cloture|fin|depot|remise).*|cloture.*|fin\s+des?\s+\w+"
    r"|expiration|dernier\s+delai|اخر\s+اجل.*|الاجل.*|تاريخ\s+الاغلاق|اخر\s+موعد.*)"
)
DURATION = re.compile(
    r"(?:duree(?:\s+(?:de\s+la\s+mission|de\s+la\s+prestation|du\s+contrat|de\s+la\s+consultation"
    r"|de\s+l\s*(?:intervention|assignment|engagement)|d\s*un\s+projet|du\s+projet"
    r"|de\s+la\s+formation|previsionnelle|estimee|totale))?|duration(?:\s+of\s+\w+)?"
    r"|(?:program\s+)?(?:period\s+of\s+performance|performance\s+period)"
    r"|length\s+of\s+(?:assignment|contract|(?:the\s+)?performance\s+period)|expected\s+duration"
    r"|contract\s+duration|مده(?:\s+\w+)?)"
)
PLACE = re.compile(
    r"(?:lieu(?:x)?(?:\s+d\s*affectation|\s+de\s+(?:la\s+mission|travail|l\s*(?:atelier|activite"
    r"|intervention|formation)))?|duty\s+station|location|based\s+in|zone(?:s)?\s+d\s*intervention"
    r"|localisation|region(?:s)?(?:\s+(?:ciblee|concernee)s?)?|province(?:s)?|ville|مقر\s+العمل"
    r"|مكان\s+\w+|المنطقه|الجهه|الاقليم)"
)
APPLICANTS = re.compile(
    r"(?:eligible\s+applicants?|eligibilite|public\s+(?:cible|vise)|beneficiaires?|porteurs?"
    r"(?:\s+de\s+projets?)?|qui\s+peut\s+(?:postuler|candidater|participer)|who\s+can\s+apply"
    r"|candidats?\s+eligibles?|type\s+(?:de\s+)?(?:candidats?|soumissionnaires?)|الفءات\s+\w+"
    r"|المستفيدون|شروط\s+\w+)"
)

_COLON = re.compile(r"^(?P<label>[^:\t]{2,60}?)\s*[:：]\s*(?P<value>.*)$")


@dataclass(frozen=True)
class LabelValue:
    """One `label : value` pair: the folded label, the value as written, its line."""

    label: str
    value: str
    line: str
    index: int


def pairs(lines: list[Line]) -> Iterator[LabelValue]:
    """Every label/value pair, in reading order."""
    for index in range(len(lines)):
        found = _pair(lines, index)
        if found is not None:
            yield found


def _pair(lines: list[Line], index: int) -> LabelValue | None:
    line = lines[index]
    cells = [cell.strip() for cell in line.text.split("\t") if cell.strip()]
    if len(cells) >= 2:
        label = cells[0].rstrip(" :：")
        return LabelValue(_label_key(label), " ".join(cells[1:]), line.text, index)
    match = _COLON.match(line.content)
    if match and len(match.group("label").split()) <= 8:
        value = match.group("value").strip()
        if not value and index + 1 < len(lines) and not lines[index + 1].heading:
            value = lines[index + 1].text  # "Date limite :" / "15 mars 2025"
        return LabelValue(_label_key(match.group("label")), value, line.text, index)
    return None


def find(lines: list[Line], family: re.Pattern[str]) -> LabelValue | None:
    """The first pair whose label belongs to `family`; a label alone on its line
    ("Apply by") takes the next line as its value."""
    for found in pairs(lines):
        if family.fullmatch(found.label) and found.value:
            return found
    for index, line in enumerate(lines[:-1]):
        if len(line.content) <= 40 and family.fullmatch(_label_key(line.content)):
            value = lines[index + 1]
            if not value.heading or value.text[:1].isdigit():
                return LabelValue(_label_key(line.content), value.text, line.text, index)
    for index, line in enumerate(lines):
        unmarked = unmarked_value(line, family)
        if unmarked:
            return LabelValue("", unmarked, line.text, index)
    return None


def unmarked_value(line: Line, family: re.Pattern[str]) -> str | None:
    """A PDF table row loses its cell borders: "Organisme commanditaire Transparency Maroc"
    is label then value with only a space between. The value, when a short line starts
    with a whole label of `family` and has no colon of its own."""
    text = line.content
    if len(text) > 140 or ":" in text or "\t" in text:
        return None
    folded = fold_with_map(text)
    plain = folded.text.replace("'", " ").replace("-", " ")
    for match in re.finditer(r"\s+", plain):
        if match.start() > 60:
            break
        if family.fullmatch(" ".join(plain[: match.start()].split())):
            value = folded.quote(match.end(), len(plain)) if match.end() < len(plain) else ""
            # "Organisation d'un atelier …" is prose: a cell's value starts like a name.
            return value if value and not value[:1].islower() else None
    return None


def _label_key(label: str) -> str:
    key = fold(label.replace("*", "")).strip(" :-–—.")
    return re.sub(r"\s*\((?:s|e|es)\)|\s+", " ", key).strip()
