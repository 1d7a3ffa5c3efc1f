"""Dates, hours and "days left" in French (Babel) and Moroccan Arabic."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date as babel_format_date

from handlers.clock import CASABLANCA

# Moroccan month names (not the MSA or Levantine ones): what users read every day.
_AR_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
)


def format_day(day: date, lang: str) -> str:
    """ "6 janvier 2024" / "6 يناير 2024" (Western digits in both)."""
    if lang == "ar":
        return f"{day.day} {_AR_MONTHS[day.month - 1]} {day.year}"
    return babel_format_date(day, format="d MMMM y", locale="fr_FR")


def format_hour(moment: datetime, lang: str) -> str:
    local = moment.astimezone(CASABLANCA)
    if lang == "ar":
        return f"{local:%H:%M}"
    return f"{local.hour}h{local.minute:02d}"


def is_end_of_day(moment: datetime) -> bool:
    local = moment.astimezone(CASABLANCA)
    return (local.hour, local.minute) == (23, 59)


def format_deadline(moment: datetime, lang: str) -> str:
    """The day, plus the hour when the text gave one (end of day means "any time that day")."""
    local = moment.astimezone(CASABLANCA)
    day = format_day(local.date(), lang)
    if is_end_of_day(local):
        return day
    hour = format_hour(local, lang)
    return f"{day} على الساعة {hour}" if lang == "ar" else f"{day} à {hour}"


def days_left(deadline: datetime, now: datetime) -> int:
    """Calendar days between today and the deadline's day, both in Casablanca time."""
    return (deadline.astimezone(CASABLANCA).date() - now.astimezone(CASABLANCA).date()).days


def format_days(count: int, lang: str) -> str:
    """ "3 jours" / "3 أيام", with Arabic's dual and plural forms."""
    if lang == "ar":
        if count == 1:
            return "يوم واحد"
        if count == 2:
            return "يومان"
        if 3 <= count <= 10:
            return f"{count} أيام"
        return f"{count} يوما"
    return "1 jour" if count == 1 else f"{count} jours"


def parse_day(value: str) -> date:
    """A key date as stored: a day or an instant."""
    if "T" in value:
        return datetime.fromisoformat(value).astimezone(CASABLANCA).date()
    return date.fromisoformat(value)


def left_words(deadline: datetime, now: datetime, lang: str) -> str:
    """ "3 jours restants" / "باقي 3 أيام", or "last day today"."""
    from handlers.texts import t  # the catalogs import nothing from here: no cycle

    left = days_left(deadline, now)
    if left <= 0:
        return t(lang, "left_today")
    if left == 1:
        return t(lang, "left_day")
    return t(lang, "left_days", days=format_days(left, lang))
