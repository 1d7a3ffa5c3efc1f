"""What a user says about themselves: degree, years of experience, legal status."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.text import fold

# Years of higher education after the baccalauréat, as the call model counts them.
_DEGREES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (8, ("doctorat", "doctorate", "phd", "docteur", "دكتوراه", "دكتوراة", "doctora", "dectora")),
    (
        5,
        (
            "master",
            "mastere",
            "bac+5",
            "ingenieur",
            "dess",
            "dea",
            "ماستر",
            "ماجستير",
            "مهندس",
            "ماستير",
            "lmaster",
        ),
    ),
    (4, ("bac+4", "maitrise")),
    (
        3,
        (
            "licence",
            "bac+3",
            "licence professionnelle",
            "اجازه",
            "الاجازه",
            "ليسانس",
            "licance",
            "lisans",
        ),
    ),
    (2, ("bac+2", "dut", "bts", "deug", "technicien specialise", "دبلوم تقني")),
    (0, ("bac", "baccalaureat", "باك", "باكالوريا", "البكالوريا", "بكالوريا")),
)

_NUMBER_WORDS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "واحد": 1,
    "وحده": 1,
    "جوج": 2,
    "زوج": 2,
    "اثنين": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "تلاته": 3,
    "تلت": 3,
    "اربع": 4,
    "اربعه": 4,
    "ربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثمان": 8,
    "تمنيه": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
    "jouj": 2,
    "tlata": 3,
    "reb3a": 4,
    "khamsa": 5,
    "sta": 6,
    "seb3a": 7,
}
_YEAR_UNITS = r"(?:ans?|annees?|years?|سنوات|سنين|سنه|عام|اعوام|اعواما|سنوه|snin|sna|3am|a3wam)"
_YEARS = re.compile(rf"(?<![\w/])(\d{{1,2}}|[^\W\d_]+)\s*{_YEAR_UNITS}(?!\w)")
# Arabic duals are one word: "عامين" / "سنتين" = two years.
_DUALS = re.compile(r"(?<!\w)(عامين|عامان|سنتين|سنتان|3amayn|3amin|3amine)(?!\w)")
_STATUSES: dict[str, tuple[str, ...]] = {
    "auto-entrepreneur": (
        "auto entrepreneur",
        "auto-entrepreneur",
        "autoentrepreneur",
        "مقاول ذاتي",
        "المقاول الذاتي",
        "مقاول ذاتيه",
        "مقاولا ذاتيا",
        "مقاوله ذاتيه",
        "auto-entrepreneuse",
    ),
    "salarié": (
        "salarie",
        "salariee",
        "employe",
        "fonctionnaire",
        "موظف",
        "اجير",
        "ماجور",
        "خدام",
        "salari",
    ),
    "étudiant": ("etudiant", "etudiante", "طالب", "طالبه"),
    "association": ("association", "جمعيه", "cooperative", "تعاونيه"),
}


@dataclass(frozen=True)
class StatedProfile:
    degree_years: int | None = None
    years_experience: int | None = None
    status: str | None = None  # "auto-entrepreneur", "salarié", ... as the user said it
    not_status: str | None = None  # "je ne suis pas auto-entrepreneuse": said NOT to have

    def is_empty(self) -> bool:
        return (self.degree_years, self.years_experience, self.status, self.not_status) == (
            None,
            None,
            None,
            None,
        )


_EXPERIENCE_WORDS = re.compile(r"experience|خبره|الخبره|khibra|lkhibra|tajriba|تجربه|خدمت")


def parse_profile(text: str, *, expecting_years: bool = False) -> StatedProfile:
    """The degree, experience and status the user states in this message, if any.

    Years count as experience only next to an experience word ("j'ai 30 ans" is an age),
    unless we just asked for them; then a bare number is the answer.
    """
    folded = fold(text).replace(" + ", "+").replace("bac +", "bac+")
    padded = f" {folded} "
    years = None
    if expecting_years or _EXPERIENCE_WORDS.search(folded):
        years = _years(folded)
        if years is None and expecting_years:
            years = _bare_number(folded)
    status, not_status = _statuses(padded)
    return StatedProfile(
        degree_years=_degree(padded),
        years_experience=years,
        status=status,
        not_status=not_status,
    )


def _bare_number(folded: str) -> int | None:
    match = re.fullmatch(r"\D*?(\d{1,2})\D*", folded)
    return int(match.group(1)) if match else None


def _degree(padded: str) -> int | None:
    for years, words in _DEGREES:
        if any(re.search(rf"(?<![\w+]){re.escape(w)}(?![\w+])", padded) for w in words):
            return years
    return None


def _years(folded: str) -> int | None:
    if _DUALS.search(folded):
        return 2
    for match in _YEARS.finditer(folded):
        amount = match.group(1)
        if amount.isdigit():
            return int(amount)
        if amount in _NUMBER_WORDS:
            return _NUMBER_WORDS[amount]
    if re.search(r"(?<!\w)(عام واحد|سنه واحده|un an|une annee)(?!\w)", folded):
        return 1
    return None


# A negation just before a status word: "je ne suis pas", "on n'est pas une", "not a",
# «ماشي», «لست», «لسنا», «ليس», "machi".
_NEGATION = re.compile(
    r"(?:\bpas|\bnot|\bnon|\bni|ماشي|لست|لسنا|ليس|ليست|ماشيش|\bmachi|\bmashi|\bmach)"
    r"(?:\s+(?:un|une|d|de|a|an|une\s+vraie|du\s+tout|من))?\s*$"
)


def _statuses(padded: str) -> tuple[str | None, str | None]:
    """(the status the user has, the status the user says they do not have)."""
    has: str | None = None
    has_not: str | None = None
    for status, words in _STATUSES.items():
        said = [
            bool(_NEGATION.search(padded[max(0, m.start() - 40) : m.start()]))
            for word in words
            for m in re.finditer(rf" {re.escape(word)}", padded)
        ]
        if False in said:  # "pas une association mais une coopérative": a cooperative
            has = has or status
        elif said:
            has_not = has_not or status
    return has, has_not


def parse_yes_no(text: str) -> bool | None:
    words = set(fold(text).replace("!", " ").replace(".", " ").split())
    if words & {
        "oui",
        "yes",
        "ouais",
        "نعم",
        "اه",
        "iyeh",
        "ah",
        "wah",
        "واه",
        "ايوا",
        "bien sur",
    }:
        return True
    if words & {"non", "no", "لا", "la", "lla", "nn", "والو"}:
        return False
    return None
