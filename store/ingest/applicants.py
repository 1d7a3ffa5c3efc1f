"""Who may apply: associations, cooperatives, consulting firms, individuals…

Civil-society calls name associations everywhere ("renforcer les associations"), so a
status counts only where the text says who is eligible: an eligibility heading and its
section, an "Eligible applicants" label, or a sentence with an eligibility cue ("sont
éligibles", "peuvent soumissionner", "ouvert aux", "open to", "يحق ل").
"""

from __future__ import annotations

import re

from store.ingest import labels
from store.ingest.layout import Line, section_after
from store.ingest.profile import profile_lines
from store.text import fold

# Status id -> how the texts name it (folded).
STATUSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("association", r"\bassociations?\b|\bong\b|\bngos?\b|non[- ]governmental|organisations?"
                        r"\s+(?:de\s+la\s+)?societe\s+civile|\boscs?\b|civil[- ]society\s+organi"
                        r"|non[- ]profit\s+organi|organisation\s+a\s+but\s+non\s+lucratif"
                        r"|جمعيات|الجمعيات|جمعيه|الجمعيه|هيءات\s+المجتمع\s+المدني"),
        ("cooperative", r"\bcooperatives?\b|تعاونيات|التعاونيات|تعاونيه|التعاونيه"),
        ("network", r"reseaux?\s+(?:d\s*associations|associatifs?)|federations?|unions?\s+d\s*asso"
                    r"|networks?\s+of|شبكات|الشبكات|اتحادات|الفيدراليات"),
        ("consulting-firm", r"bureaux?\s+d\s*etudes?|cabinets?\b|consulting\s+firms?|\bfirms?\b"
                            r"|societes?\s+de\s+conseil|مكاتب\s+(?:ال)?دراسات|مكتب\s+دراسات"),
        ("individual", r"consultants?\s*(?:\(\s*e?s?\s*\)|e|es)?\s+(?:individuel|independant)"
                       r"|personnes?\s+physiques?|\bindividuals?\b"
                       r"|individual\s+consultants?|consultante?s?\s+independant|experts?\s+individ"
                       r"|اشخاص\s+ذاتيين|الاشخاص\s+الذاتيين|الشخصيات|الافراد"),
        ("auto-entrepreneur", r"auto[- ]?entrepreneur|مقاول\s+ذاتي"),
        ("company", r"\bentreprises?\b|\bsocietes?\b(?!\s+civile)|\btpme\b|\bpme\b|start[- ]?ups?"
                    r"|\bcompan(?:y|ies)\b|social\s+business|\bgie\b|groupements?\s+d\s*interet"
                    r"|مقاولات|المقاولات|شركات"),
        ("legal-entity", r"personnes?\s+morales?|legal\s+entit|اشخاص\s+اعتباريين"),
        ("local-authority", r"collectivites\s+territoriales|local\s+authorit|الجماعات\s+الترابيه"),
    )
)  # fmt: skip

_INDIVIDUAL = dict(STATUSES)["individual"]
_PERSONAL = frozenset(("individual", "auto-entrepreneur", "legal-entity"))
_SECTION = re.compile(
    r"eligib|qui\s+peut|who\s+can|criteres|conditions\s+de\s+participation|candidats"
    r"|soumissionnaires|شروط|من\s+يحق|الهيءات\s+المعنيه|الجهات\s+المعنيه|المترشحون|المعنيون"
)
# In a call for projects or a training, those it benefits are those who apply; in a
# consultancy, "bénéficiaires" are the people the mission serves.
_BENEFICIARIES = re.compile(
    r"beneficiaires|public\s+(?:cible|vise)|destinee?s?\s+aux|porteurs?|الفءات|المستفيدون"
    r"|لفاءده|categories|اصناف|المستهدفه"
)
_OTHER = re.compile(
    r"dossier|piece|soumission|modalit|date|calendrier|budget|contexte|objectif|activit"
    r"|livrable|contact|الملف|الوثاءق|اجال|الاجل"
)
_CUE = re.compile(
    r"eligibles?\b|sont\s+invitee?s|peu(?:t|vent)\s+(?:soumettre|soumissionner|postuler|candidater"
    r"|participer|beneficier|presenter|deposer|repondre)|ouverte?s?\s+(?:aux|a\s+tou)"
    r"|s\s*adresse\s+aux|reservee?s?\s+aux|open\s+to|welcomes?"
    r"\s+applications|applicants?\s+(?:must|should|can)|eligible|invite[sd]?\s+(?:les\s+)?"
    r"|fait\s+appel\s+aux|recherche\s+(?:un|une|des)|يحق|مفتوح\s+في\s+وجه|الراغبه|الراغبين"
    r"|تدعو|المءهله"
)


def find_legal_status(lines: list[Line], title: str, *, funds_projects: bool) -> list[str]:
    """Status ids the call says may apply, in a fixed order; [] when it names none.
    `funds_projects`: a call for projects or a training, whose beneficiaries apply."""
    texts = [line.text for line in _eligibility_lines(lines, funds_projects)]
    labelled = labels.find(lines, labels.APPLICANTS)
    if labelled is not None:
        texts.append(labelled.value)
    folded = fold(" \n ".join(texts))
    found = {name for name, pattern in STATUSES if pattern.search(folded)}
    # A profile names the candidate's own status; its "experience with associations" is not.
    profile = fold(" \n ".join(line.text for line in profile_lines(lines)))
    found |= {name for name, p in STATUSES if name in _PERSONAL and p.search(profile)}
    head = " ".join([title, *(line.text for line in lines[:3])])
    if _INDIVIDUAL.search(fold(head)):  # "Individual Consultant Procurement Notice"
        found.add("individual")
    return [name for name, _ in STATUSES if name in found]


def status_line(lines: list[Line], statuses: list[str]) -> str:
    """The first line that names one of `statuses` (the evidence of who may apply)."""
    patterns = [pattern for name, pattern in STATUSES if name in statuses]
    for line in lines:
        if any(p.search(line.folded) for p in patterns):
            return line.text
    return ""


def _eligibility_lines(lines: list[Line], funds_projects: bool) -> list[Line]:
    found: list[Line] = []
    for index, line in enumerate(lines):
        folded = line.folded
        beneficiaries = funds_projects and _BENEFICIARIES.search(folded)
        if line.heading and (_SECTION.search(folded) or beneficiaries):
            found.append(line)
            found.extend(section_after(lines, index, _OTHER)[:25])
        elif _CUE.search(folded) or beneficiaries:
            found.append(line)
            found.extend(_list_after(lines, index))
    return found


def _list_after(lines: list[Line], index: int) -> list[Line]:
    """The list a cue line introduces ("… sont éligibles :" then items)."""
    if not lines[index].text.rstrip().endswith(":"):
        return []
    items: list[Line] = []
    for line in lines[index + 1 : index + 12]:
        if not line.bullet:
            break
        items.append(line)
    return items
