"""Dates in calls: finding them, telling a deadline from other dates, and timing it.

Calls write dates in French ("1er mars 2025", "17/07/2022"), Arabic (Moroccan, MSA,
Levantine and Algerian month names, Arabic-Indic digits), English, and US order on UN boards
("04/17/2023"). A date is a deadline only when a deadline phrase leads to it ("au plus tard",
"date limite", "آخر أجل"...): a posting date, a project period or an event day is not.

Times are Morocco's legal time through zoneinfo: UTC+0 in winter before late 2018, UTC+1
since, except during Ramadan (UTC+0). An hour written "GMT"/"UTC" is converted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import get_month_names

MOROCCO = ZoneInfo("Africa/Casablanca")
END_OF_DAY = time(23, 59, 59)

# ---------------------------------------------------------------------------------------
# Folding with an offset map: we match on a simplified text but quote the original.

_SKIPPED = re.compile(r"[*\u200e\u200f\u200b\u0640\u0610-\u061a\u064b-\u065f\u0670]")
_CHAR_MAP = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "’": "'", "‘": "'", "،": ",",
        **{chr(0x660 + i): str(i) for i in range(10)},
        **{chr(0x6F0 + i): str(i) for i in range(10)},
    }
)  # fmt: skip


@dataclass(frozen=True)
class Folded:
    """Lowercase, accent-free, Arabic-folded text, and where each char came from."""

    text: str
    origin: tuple[int, ...]
    source: str

    def quote(self, start: int, end: int) -> str:
        """The original text behind folded span [start, end), without markdown stars."""
        if start >= end:
            return ""
        raw = self.source[self.origin[start] : self.origin[end - 1] + 1]
        return " ".join(raw.replace("*", "").split())


def fold_with_map(text: str) -> Folded:
    """Fold `text` one character at a time so every folded char maps back to the source."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if _SKIPPED.match(char):
            continue
        char = char.translate(_CHAR_MAP)
        if not char.isascii() and char.isalpha():
            base = unicodedata.normalize("NFD", char)[0]
            char = base if base.isascii() else char
        lower = char.lower()
        chars.append(lower if len(lower) == 1 else char)
        origin.append(index)
    return Folded("".join(chars), tuple(origin), text)


def _fold(text: str) -> str:
    return fold_with_map(text).text


# ---------------------------------------------------------------------------------------
# Month names, from Babel (fr, en, MSA, Moroccan, Algerian, Levantine) plus a few variants.

_MONTH_LOCALES = ("fr", "en", "ar", "ar_MA", "ar_DZ", "ar_LB")
_EXTRA_MONTHS = {
    "fevr": 2, "fev": 2, "sep": 9, "sept": 9, "aout": 8, "juil": 7,
    "يونيه": 6, "يوليه": 7, "ابريل": 4, "اغشت": 8, "شتمبر": 9, "نوفنبر": 11, "دجمبر": 12,
}  # fmt: skip


@lru_cache(maxsize=1)
def month_table() -> dict[str, int]:
    """Folded month name -> month number, in every language calls are written in."""
    table: dict[str, int] = {}
    for locale in _MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                key = " ".join(_fold(name).rstrip(".").split())
                if len(key) >= 3:
                    table.setdefault(key, number)
    for name, number in _EXTRA_MONTHS.items():
        table.setdefault(_fold(name), number)
    return table


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    months = "|".join(
        re.escape(m).replace(r"\ ", r"\s+") for m in sorted(month_table(), key=len, reverse=True)
    )
    day = r"(?P<d>[0-3]?\d)(?:\s?(?:er|e|eme|st|nd|rd|th))?"
    month = rf"(?P<mn>{months})\.?"
    year = r"(?P<y>(?:19|20)\d\d)"
    return (
        # 6 janvier 2024 / 15 مارس 2025 / 1er mars 2025 / 15 من شهر مارس سنة 2025
        re.compile(
            rf"(?<![\w/]){day}\s*(?:de\s+|من\s+)?(?:شهر\s+)?{month}(?!\w)"
            r"(?:\s*/\s*[^\W\d]+(?:\s+[^\W\d]+)?(?=[\s,]+(?:19|20)\d\d))?"  # "أكتوبر / تشرين"
            rf"(?:,?\s*(?:من\s+)?(?:سنه\s+|عام\s+)?{year}(?!\d))?"
        ),
        # April 17, 2023
        re.compile(rf"(?<!\w){month}\s+{day},?\s+{year}(?!\d)"),
        # 05-Jan-2020, 22-Sep-13 (job boards)
        re.compile(rf"(?<![\w/]){day}-{month}-(?P<y>(?:19|20)?\d\d)(?!\d)"),
        # 2025-03-15 or 2025/03/15
        re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?![\d/])"),
        # 17/07/2022, 17.07.22, 04/17/2023 (US order when the second number is over 12)
        re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)[/.-](?P<b>[01]?\d|[0-3]\d)[/.-]"
                   r"(?P<y>(?:19|20)?\d\d)(?![\d/])"),
    )  # fmt: skip


@dataclass(frozen=True)
class DateHit:
    """A calendar date found in folded text; `year` is None when the text omits it."""

    start: int
    end: int
    year: int | None
    month: int
    day: int

    def as_date(self) -> date | None:
        """The calendar date, or None without a year or for an impossible day (31/02)."""
        if self.year is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None


def find_dates(folded: str, *, us_order: bool = False) -> list[DateHit]:
    """Every day-precise date in folded text, in reading order (no overlaps).

    `us_order`: the document writes numeric dates month first (it shows "04/17/2023"),
    so an ambiguous "04/05/2023" is 5 April there.
    """
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_patterns():
        for match in pattern.finditer(folded):
            hit = _hit(match, us_order)
            if hit is None or any(s < hit.end and hit.start < e for s, e in taken):
                continue
            hits.append(hit)
            taken.append((hit.start, hit.end))
    return sorted(hits, key=lambda h: h.start)


def _hit(match: re.Match[str], us_order: bool = False) -> DateHit | None:
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if year is not None and year < 100:
        year += 2000
    if groups.get("mn"):
        month = month_table()[" ".join(groups["mn"].split())]
        day = int(groups["d"])
    elif groups.get("a"):
        day, month = _day_month(int(groups["a"]), int(groups["b"]), us_order)
    else:
        day, month = int(groups["d"]), int(groups["m"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    hit = DateHit(match.start(), match.end(), year, month, day)
    if year is not None and hit.as_date() is None:
        return None
    return hit


def _day_month(first: int, second: int, us_order: bool = False) -> tuple[int, int]:
    # French order by default; "04/17/2023" can only be US order (month first), and a
    # document that writes one date so writes them all that way.
    if second > 12 >= first or (us_order and first <= 12 and second <= 31):
        return second, first
    return first, second


_NUMERIC_DATE = re.compile(r"(?<![\d/.])([0-3]?\d)[/.-]([0-3]?\d)[/.-](?:19|20)?\d\d(?![\d/])")


def writes_us_order(folded: str) -> bool:
    """True when the text's numeric dates are month first: one has a second part over 12
    and none has a first part over 12."""
    pairs = [(int(a), int(b)) for a, b in _NUMERIC_DATE.findall(folded)]
    return any(b > 12 >= a for a, b in pairs) and not any(a > 12 for a, _ in pairs)


def ambiguous_order(hit_text: str) -> bool:
    """A numeric date whose two first parts could both be the month ("04/05/2023")."""
    match = _NUMERIC_DATE.search(hit_text)
    if match is None:
        return False
    return int(match.group(1)) <= 12 and int(match.group(2)) <= 12 and (
        match.group(1) != match.group(2)
    )


# ---------------------------------------------------------------------------------------
# Hours: "17h00", "17h", "17:00", "à midi", "avant minuit", "16h00 GMT", Arabic words.

_AR_HOURS = {
    "الواحده": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6,
    "السابعه": 7, "الثامنه": 8, "التاسعه": 9, "العاشره": 10, "الحاديه عشر": 11,
    "الحاديه عشره": 11, "الثانيه عشر": 12, "الثانيه عشره": 12,
}  # fmt: skip
_AR_FRACTIONS = {"النصف": 30, "نصف": 30, "الربع": 15, "ربع": 15, "الثلث": 20, "ثلث": 20}
_AR_HOUR_WORDS = "|".join(sorted(_AR_HOURS, key=len, reverse=True))
_AR_FRACTION = r"(?:\s*و\s*(?P<frac>النصف|نصف|الربع|ربع|الثلث|ثلث)|\s*(?P<less>الا\s*ربع))?"
_AR_PERIODS = r"صباحا|صباح|زوالا|بعد\s+الزوال|ظهرا|بعد\s+الظهر|مساءا|مساء|ليلا"
_AR_PERIOD = rf"(?:\s*(?P<period>{_AR_PERIODS}))?"
_TZ = r"(?:\s*\(?\s*(?P<tz>gmt|utc|tu)\s*(?:(?P<sign>[+-])\s*(?P<off>\d{1,2}))?)?"

_TIME_PATTERNS = (
    re.compile(rf"(?<![\d/])(?P<h>[0-2]?\d)\s*(?:heures?|h|:)\s*(?P<m>[0-5]\d)?(?![\d/]){_TZ}"),
    re.compile(rf"(?<![\d/])(?P<h>1[0-2]|0?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?m\b\.?{_TZ}"),
    re.compile(rf"الساعه\s*(?P<h>[0-2]?\d)(?::(?P<m>[0-5]\d))?{_AR_PERIOD}{_TZ}"),
    re.compile(rf"(?<![\d/])(?P<h>[0-2]?\d)(?::(?P<m>[0-5]\d))?\s*(?P<period>{_AR_PERIODS})"),
    re.compile(rf"(?:الساعه\s*)?(?P<word>{_AR_HOUR_WORDS}){_AR_FRACTION}{_AR_PERIOD}"),
    re.compile(r"(?P<noon>\bmidi\b|\bnoon\b|منتصف\s+النهار)"),
    re.compile(r"(?P<midnight>\bminuit\b|\bmidnight\b|منتصف\s+الليل|24\s*h\s*00)"),
)  # fmt: skip


@dataclass(frozen=True)
class TimeHit:
    """A clock time in folded text; `utc_offset` set when written in GMT/UTC."""

    start: int
    end: int
    at: time
    utc_offset: timedelta | None = None
    zone: ZoneInfo | None = None  # a named foreign zone ("New York time")


def find_time(folded: str) -> TimeHit | None:
    """The first clock time in a short folded fragment, if any."""
    found = [m for p in _TIME_PATTERNS if (m := p.search(folded))]
    # Leftmost first; at the same start the longest ("5:00 pm" over "5:00").
    for match in sorted(found, key=lambda m: (m.start(), -m.end())):
        clock = _clock(match.groupdict())
        if clock is not None:
            return TimeHit(match.start(), match.end(), clock, _utc_offset(match.groupdict()))
    return None


def _clock(groups: dict[str, str | None]) -> time | None:
    if groups.get("midnight"):
        return END_OF_DAY  # "avant minuit" closes the day it follows, not the next one
    if groups.get("noon"):
        return time(12, 0)
    if groups.get("word"):
        hour = _AR_HOURS[" ".join(str(groups["word"]).split())]
        minute = _AR_FRACTIONS.get(groups.get("frac") or "", 0)
        if groups.get("less"):
            hour, minute = hour - 1, 45
    else:
        hour, minute = int(groups["h"] or 0), int(groups.get("m") or 0)
    hour = _apply_period(hour, groups.get("period"), groups.get("ampm"))
    if not (0 <= hour <= 23):
        return None
    return time(hour, minute)


def _apply_period(hour: int, period: str | None, ampm: str | None) -> int:
    if ampm:
        return hour % 12 + (12 if ampm == "p" else 0)
    if not period or hour >= 12:
        return hour
    period = " ".join(period.split())
    if period in ("زوالا", "ظهرا"):
        # "الساعة 12 زوالا" is noon; "الواحدة زوالا" is 13:00; "11 زوالا" stays 11:00.
        return hour + 12 if hour <= 6 else hour
    if period.startswith("صباح"):
        return hour
    return hour + 12


def _utc_offset(groups: dict[str, str | None]) -> timedelta | None:
    if not groups.get("tz"):
        return None
    hours = int(groups.get("off") or 0)
    return timedelta(hours=-hours if groups.get("sign") == "-" else hours)


def local_datetime(day: date, clock: TimeHit | time | None = None) -> datetime:
    """Aware Moroccan datetime; the end of the day when no hour is given."""
    if clock is None:
        return datetime.combine(day, END_OF_DAY, MOROCCO)
    if isinstance(clock, time):
        return datetime.combine(day, clock, MOROCCO)
    if clock.zone is not None:
        return datetime.combine(day, clock.at, clock.zone).astimezone(MOROCCO)
    if clock.utc_offset is None:
        return datetime.combine(day, clock.at, MOROCCO)
    written = datetime.combine(day, clock.at, timezone(clock.utc_offset))
    return written.astimezone(MOROCCO)


# UN and European boards sometimes close on their own clock: convert it.
_FOREIGN_ZONES = (
    (re.compile(r"new\s+york|\bedt\b|\best\b|eastern\s+time"), "America/New_York"),
    (re.compile(r"paris|bruxelles|brussels|\bcet\b|\bcest\b"), "Europe/Paris"),
    (re.compile(r"geneve|geneva|gen[eè]ve"), "Europe/Zurich"),
)


def _foreign_zone(fragment: str) -> tuple[ZoneInfo, int] | None:
    """A named foreign time zone right after an hour, and where its name ends."""
    for pattern, name in _FOREIGN_ZONES:
        match = pattern.search(fragment[:40])
        if match:
            tail = re.match(r"\s*(?:time|heure)?\)?", fragment[match.end() :])
            return ZoneInfo(name), match.end() + (tail.end() if tail else 0)
    return None


# ---------------------------------------------------------------------------------------
# Deadlines: a date is one only when a deadline phrase leads to it.

# Cues that name a deadline; the date may follow a few words later ("date limite de dépôt
# des offres : le 6 janvier 2024", "آخر أجل لإيداع الملفات هو 15 مارس 2025").
_STRONG_CUES = re.compile(
    r"date\s+limite|au\s+plus\s+tard|dernier\s+delai|delai\s+de\s+rigueur|date\s+butoir"
    r"|date\s+de\s+cloture|\bcloture|jusqu'?\s*au\b|jusqu'?\s*a\s+la\s+date|\bdelai\b"
    r"|date\s+de\s+(?:depot|remise|soumission|reception)|avant\s+(?:le|la\s+date)\b"
    r"|deadline|no\s+later\s+than|not\s+later\s+than|closing\s+date|apply\s+before"
    r"|applications?\s+(?:close|must\s+be\s+received)|due\s+date|expiration|expire"
    r"|date\s+de\s+fin\s+(?:de\s+|des\s+)?(?:depot|candidature|reception|inscription)"
    r"|fin\s+(?:de\s+|des\s+)?(?:depot|candidatures?|inscriptions?|soumissions?)"
    r"|dernier\s+jour|ferme\s+le|jusqu'?\s*(?:a|au)\s+(?:la\s+)?(?:date|minuit)"
    r"|jusqu'?\s*a\s+(?=\d)|reste\s+ouverte?\s+jusqu|report(?:e|ee)?\s+au"
    r"|(?:depot|envoi|soumission|reception)\s+des\s+(?:dossiers|candidatures|offres"
    r"|propositions)\s+(?:avant|jusqu)|(?<!\w)(?:الي|حتي)\s+غايه(?!\w)|لا\s+يتعدي|قبل\s+متم"
    r"|اخر\s+اجل|اجل\s+اقصاه|في\s+اجل|اخر\s+موعد|موعد\s+اقصاه|اخر\s+تاريخ|تاريخ\s+اقصاه"
    r"|اقصاه|(?<!\w)الاجل(?!\w)"
    r"|(?:prorogee?s?|reportee?s?|prolongee?s?|extended)\s+(?:au|jusqu'?\s*au|to|until)\b"
)
# Short words that mean "before" only when right next to the date ("قبل 15 مارس").
_WEAK_CUES = re.compile(r"\bavant\b|\bbefore\b|\bby\b|\bd'ici\s+le\b|(?<!\w)قبل(?!\w)")
_STRONG_GAP, _WEAK_GAP = 70, 25
# Between the cue and the date, these mean the date belongs to something else.
_NOT_A_DEADLINE = re.compile(
    r"prevue?s?\b|aura\s+lieu|se\s+tiendra|se\s+deroulera|organisee?s?\s+le|publiee?s?\b"
    r"|publication|demarrage|lancement|signature|\bdu\b\s*$|\bentre\b|depuis|a\s+partir\s+du"
    r"|ستنظم|سينظم|المقرر|تاريخ\s+النشر"
)
_EXTENSION = re.compile(r"prorog|report|prolong|extension|extended|nouvelle\s+date|تمديد")
_SENTENCE_BREAK = re.compile(r"\.\s|\n\s*\n|;")


@dataclass(frozen=True)
class Deadline:
    """A deadline phrase as written and, when it names a full date, the instant it closes.

    `has_hour`: the text states the hour (else the day's end is assumed); `strength`: 2
    for a deadline phrase or label, 1 for a bare "avant"; `ambiguous`: a numeric date whose
    day/month order the text does not settle.
    """

    text: str
    at: datetime | None
    has_hour: bool = False
    strength: int = 2
    ambiguous: bool = False


def find_deadline(text: str) -> Deadline | None:
    """The call's deadline, or None when no date stands in a deadline context."""
    folded = fold_with_map(text)
    us_order = writes_us_order(folded.text)
    candidates: list[tuple[tuple[int, int, int], Deadline]] = []
    # French pages write day first; an English board that never shows which is unsure.
    order_unsettled = not us_order and _ENGLISH_BOARD.search(folded.text) is not None
    found = find_dates(folded.text, us_order=us_order)
    yearless = {hit.start for hit in found if hit.year is None}
    for hit in _with_years(found, folded.text):
        cue = (
            _cue_before(folded.text, hit.start)
            or _range_end(folded.text, hit.start)
            or _cue_after(folded.text, hit)
        )
        if cue is None:
            continue
        cue_start, strength = cue
        if _QUESTIONS.search(folded.text[max(0, cue_start - 40) : hit.start]):
            strength = 1  # "date limite des questions": not when applications close
        deadline = _deadline_at(folded, hit, cue_start, strength, order_unsettled)
        if hit.start in yearless:  # its year was read from the page's date: a guess
            deadline = replace(deadline, ambiguous=True)
        bonus = 1 if _EXTENSION.search(folded.text[max(0, cue_start - 80) : hit.start]) else 0
        # Highest strength, then an extension, then the earliest mention.
        candidates.append(((strength, bonus, -hit.start), deadline))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c[0])
    return _with_stated_hour(best, candidates)


def _with_stated_hour(
    best: tuple[tuple[int, int, int], Deadline],
    candidates: list[tuple[tuple[int, int, int], Deadline]],
) -> Deadline:
    """A banner "Closing date: 17/04/2023" and "Apply before 04/17/2023, 03:59 AM" name
    the same day: the one that states the hour says when it closes."""
    rank, chosen = best
    if chosen.at is None or chosen.has_hour:
        return chosen
    day = chosen.at.date()
    for other_rank, other in sorted(candidates, key=lambda c: c[0], reverse=True):
        same_day = other.at is not None and other.at.date() == day
        if same_day and other.has_hour and other_rank[:2] >= (rank[0] - 1, 0):
            return other
    return chosen


_QUESTIONS = re.compile(
    r"questions?|clarifications?|eclaircissements?|reponses|demandes\s+d\s*information|الاسءله"
)
# "pour le 9 avril 2018 à 10 heures au plus tard": the cue after the date (and its hour).
_CUE_AFTER = re.compile(r"^[^.;\n]{0,35}?\b(?:au\s+plus\s+tard|dernier\s+delai|at\s+the\s+latest)")


def _cue_after(folded: str, hit: DateHit) -> tuple[int, int] | None:
    if _CUE_AFTER.match(folded[hit.end : hit.end + 60]):
        return hit.start, 2
    return None


_YEARLESS_CUE = re.compile(
    r"^\s*(?:/\s*\S+\s+)?(?:courant|prochain|de\s+cette\s+annee|de\s+l'annee\s+en\s+cours"
    r"|المقبل|القادم|الجاري|الحالي)"
)


_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _year_before(folded: str, start: int) -> tuple[int, int] | None:
    """The last year written before `start` ("آب/أغسطس 2018"), month unknown (1)."""
    years = _A_YEAR.findall(folded[max(0, start - 3000) : start])
    return (int(years[-1]), 1) if years else None


def _with_years(hits: list[DateHit], folded: str) -> list[DateHit]:
    """ "le 30 mai courant" takes its year from the page's own date before it."""
    dated: list[DateHit] = []
    last_year: tuple[int, int] | None = None  # (year, month) of the latest full date seen
    for hit in hits:
        if hit.year is not None:
            last_year = (hit.year, hit.month)
        elif _YEARLESS_CUE.match(folded[hit.end : hit.end + 30]):
            seen = last_year or _year_before(folded, hit.start)
            if seen is not None:
                hit = replace(hit, year=seen[0] + (1 if hit.month < seen[1] else 0))
        dated.append(hit)
    return dated


# "Dépôt des candidatures : du 1er mars au 15 mars 2025", "من 24 أبريل إلى 25 أبريل 2025":
# the end of a window for applications is its deadline.
_RANGE_BEFORE = re.compile(r"(?:\bau\b|\bjusqu'?\s*au\b|\bto\b|\buntil\b|(?<!\w)الي(?!\w))\s*"
                           r"(?:(?:le|يوم)\s+)?(?:\w+\s+)?$")
_WINDOW_WORDS = re.compile(
    r"depot|candidature|inscription|soumission|reception|dossiers|applications?|submission"
    r"|particip|postuler|candidat|periode\s+de\s+candidature|المشاركه|الترشح"
    r"|ايداع|الترشيح|الترشيحات|التسجيل|الملفات|الطلبات|العروض"
)


def _range_end(folded: str, date_start: int) -> tuple[int, int] | None:
    before = folded[max(0, date_start - 140) : date_start]
    if not _RANGE_BEFORE.search(before[-25:]):
        return None
    opening = re.search(r"(?:\bdu\b|\bfrom\b|\bbetween\b|(?<!\w)من(?!\w)|ابتداء)", before)
    if not opening or not _WINDOW_WORDS.search(before[: opening.start() + 1][-90:] + before):
        return None
    start = max(0, date_start - 140) + opening.start()
    return start, 2


def parse_deadline(phrase: str) -> datetime | None:
    """The closing instant of one deadline phrase ("au plus tard le 17/07/2022")."""
    found = find_deadline(phrase)
    return found.at if found else None


def _cue_before(folded: str, date_start: int) -> tuple[int, int] | None:
    """(start of the nearest deadline cue before the date, strength), if one leads to it."""
    window_start = max(0, date_start - _STRONG_GAP - 30)
    window = folded[window_start:date_start]
    cues = ((_STRONG_CUES, _STRONG_GAP, 2), (_WEAK_CUES, _WEAK_GAP, 1))
    for pattern, gap_limit, strength in cues:
        matches = list(pattern.finditer(window))
        if not matches:
            continue
        gap = window[matches[-1].end() :]
        if len(gap) > gap_limit or not _clean_gap(gap):
            continue
        return window_start + _phrase_start(matches), strength
    return None


def _clean_gap(gap: str) -> bool:
    # Another date in between means the cue leads to that one, not to ours.
    return not (_SENTENCE_BREAK.search(gap) or _NOT_A_DEADLINE.search(gap) or find_dates(gap))


def _phrase_start(matches: list[re.Match[str]]) -> int:
    """Start of the run of adjacent cues ending at the last one ("في أجل" + "أقصاه")."""
    start = matches[-1].start()
    for match in reversed(matches[:-1]):
        if match.end() < start - 2:
            break
        start = match.start()
    return start


_ENGLISH_BOARD = re.compile(r"\b(?:apply\s+before|closing\s+date|posted\s+on|deadline)\b")


def _deadline_at(
    folded: Folded, hit: DateHit, cue_start: int, strength: int, order_unsettled: bool
) -> Deadline:
    clock, end = _time_after(folded.text, hit.end)
    if clock is None:
        clock = _time_between(folded.text, cue_start, hit.start)
    day = hit.as_date()
    at = local_datetime(day, clock) if day else None
    ambiguous = order_unsettled and ambiguous_order(folded.text[hit.start : hit.end])
    return Deadline(folded.quote(cue_start, end), at, clock is not None, strength, ambiguous)


def _time_after(folded: str, date_end: int) -> tuple[TimeHit | None, int]:
    """A time written just after the date ("à 17h00", ", avant minuit"), and the span end."""
    fragment = _SENTENCE_BREAK.split(folded[date_end : date_end + 80], maxsplit=1)[0]
    fragment = fragment.split("\n", 1)[0]
    found = find_time(fragment)
    if found is None or found.start > 30:
        return None, date_end
    zone = _foreign_zone(fragment[found.end :]) if found.utc_offset is None else None
    if zone is not None:
        found = replace(found, zone=zone[0], end=found.end + zone[1])
    return found, date_end + found.end


def _time_between(folded: str, cue_start: int, date_start: int) -> TimeHit | None:
    """A time written before the date ("avant 17h le 30 mai", "قبل الساعة 12 زوالا من يوم")."""
    return find_time(folded[cue_start:date_start])
