"""Answers about one call: its card and each of its fields, only from what the text says."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from handlers.conversation import Turn
from handlers.messages import Button, Reply
from handlers.texts.format import (
    days_left,
    format_day,
    format_days,
    format_deadline,
    left_words,
    parse_day,
)
from handlers.understand.intents import Intent
from store.models import Call, Status
from store.search import search_lines
from store.text import fold
from store.vocab.places import region_name

_TITLE_CHARS = 90


def short_title(call: Call) -> str:
    """The title cut at a word boundary: some calls' titles are a whole paragraph."""
    title = " ".join(call.title.split())
    if len(title) <= _TITLE_CHARS:
        return title
    return title[:_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def call_label(call: Call) -> str:
    """A button-sized name: the acronym users know, else the organisation, else the title."""
    name = (call.aliases[0] if call.aliases else None) or call.organization or call.title
    return name[:40]


def organization(call: Call) -> str:
    """The publisher; marked "(?)" when the text only let us guess it."""
    if not call.organization:
        return "—"
    return f"{call.organization} (?)" if call.uncertain("organization") else call.organization


def left_text(turn: Turn, call: Call) -> str:
    deadline = call.deadline_at()
    assert deadline is not None
    if call.uncertain("deadline") is not None:
        return turn.t("left_unsure")
    return left_words(deadline, turn.now, turn.lang)


def undated_note(turn: Turn, call: Call) -> str:
    upcoming = [k for k in call.key_dates if parse_day(k.date) >= turn.now.date()]
    if not upcoming:
        return turn.t("undated_plain")
    first = upcoming[0]
    return turn.t(
        "undated_with_date", label=first.label, date=format_day(parse_day(first.date), turn.lang)
    )


def deadline_shown(turn: Turn, call: Call) -> str:
    """The deadline as a date, or, when the reading is unsure, the text's own words."""
    unsure = call.uncertain("deadline")
    moment = call.deadline_at()
    if unsure is None and moment is not None:
        return format_deadline(moment, turn.lang)
    phrase = call.deadline_text or (unsure.line if unsure else "")
    return turn.t("deadline_as_written", phrase=phrase)


def status_line(turn: Turn, call: Call) -> str:
    status = call.status(turn.now)
    deadline = call.deadline_at()
    if call.closed_manually:
        return turn.t("status_closed_manual")
    if call.uncertain("deadline") is not None and status is Status.OPEN:
        return turn.t("status_unsure", phrase=deadline_shown(turn, call))
    if status is Status.OPEN and deadline:
        return turn.t(
            "status_open",
            deadline=format_deadline(deadline, turn.lang),
            left=left_text(turn, call),
        )
    if status is Status.CLOSED and deadline:
        return turn.t("status_closed", closed=format_deadline(deadline, turn.lang))
    if status is Status.CLOSED and call.key_dates:
        # No deadline in the text: say what is true, that its last stated date has passed.
        last = max(call.key_dates, key=lambda k: parse_day(k.date))
        day = format_day(parse_day(last.date), turn.lang)
        return turn.t("status_past_event", label=last.label, date=day)
    upcoming = [k for k in call.key_dates if parse_day(k.date) >= turn.now.date()]
    if not upcoming:
        return turn.t("status_unknown")
    day = format_day(parse_day(upcoming[0].date), turn.lang)
    return turn.t("status_unknown_with_date", label=upcoming[0].label, date=day)


def place_text(turn: Turn, call: Call) -> str:
    parts = list(call.cities)
    parts += [region_name(r, turn.lang) for r in call.regions if r != "national" or not parts]
    return ", ".join(dict.fromkeys(parts))


def call_buttons(turn: Turn, call: Call) -> list[Button]:
    return [
        Button(turn.t("follow_label"), f"follow:{call.id}"),
        Button(turn.t("remind_label"), f"ask:deadline:{call.id}"),
        Button(turn.t("docs_label"), f"ask:documents:{call.id}"),
        Button(turn.t("apply_label"), f"ask:submission:{call.id}"),
        Button(turn.t("elig_label"), f"elig:start:{call.id}"),
    ]


def card(turn: Turn, call: Call) -> Reply:
    """A short card: title, organisation, place, status, and what else can be asked."""
    place = place_text(turn, call)
    text = turn.t(
        "card",
        title=short_title(call),
        org=organization(call),
        place=turn.t("card_place", place=place) if place else "",
        status=status_line(turn, call),
    )
    lines = [text, turn.t("card_more")]
    link = turn.deps.share_links.get(turn.contact.channel)
    if link:
        lines.append(turn.t("share_link", link=link.format(call_id=call.id)))
    return Reply("\n".join(lines), call_buttons(turn, call))


def contact_of(call: Call) -> str | None:
    if call.contact:
        return call.contact
    return ", ".join(call.submission.emails) or None


async def deadline(turn: Turn, call: Call) -> str:
    moment = call.deadline_at()
    title = short_title(call)
    unsure = call.uncertain("deadline")
    if unsure is not None:
        # Never a date we are not sure of: the line as written, and whom to ask.
        contact = contact_of(call)
        ask = turn.t("deadline_none_contact", contact=contact) if contact else ""
        return turn.t("deadline_unsure", title=title, quote=unsure.line, contact=ask).strip()
    if moment is None:
        lines = [turn.t("deadline_none", title=title)]
        if call.key_dates:
            lines.append(_key_dates_line(turn, call))
        contact = contact_of(call)
        lines.append(
            turn.t("deadline_none_contact", contact=contact)
            if contact
            else turn.t("deadline_none_no_contact")
        )
        return "\n".join(lines)
    when = format_deadline(moment, turn.lang)
    if call.status(turn.now) is Status.CLOSED:
        ago = turn.t("ago_days", days=format_days(-days_left(moment, turn.now), turn.lang))
        return turn.t("deadline_closed", title=title, deadline=when, ago=ago)
    if days_left(moment, turn.now) <= 0:
        return turn.t("deadline_today", title=title, deadline=when)
    return turn.t("deadline_open", title=title, deadline=when, left=left_text(turn, call))


def _key_dates_line(turn: Turn, call: Call) -> str:
    dates = "; ".join(
        f"{k.label} : {format_day(parse_day(k.date), turn.lang)}" for k in call.key_dates
    )
    return turn.t("key_dates", dates=dates)


async def when(turn: Turn, call: Call) -> str:
    if not call.key_dates:
        return await deadline(turn, call)
    lines = [short_title(call), _key_dates_line(turn, call)]
    if call.deadline:
        lines.append(await deadline(turn, call))
    return "\n".join(lines)


def _bullets(items: list[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


async def documents(turn: Turn, call: Call) -> str:
    if not call.required_documents:
        return turn.t("documents_none", title=short_title(call))
    items = _bullets(call.required_documents)
    return turn.t("documents", title=short_title(call), items=items, source=_source(turn, call))


async def submission(turn: Turn, call: Call) -> str:
    sub = call.submission
    title = short_title(call)
    if not (sub.emails or sub.postal_address or sub.url):
        lines = [turn.t("submission_none", title=title)]
        contact = contact_of(call)
        if contact:
            lines.append(turn.t("quote_contact", contact=contact).strip())
        return "\n".join(lines)
    lines = [turn.t("submission", title=title)]
    if sub.emails:
        lines.append(turn.t("submission_emails", emails=", ".join(sub.emails)))
    if sub.subject:
        lines.append(turn.t("submission_subject", subject=sub.subject))
    if sub.postal_address:
        lines.append(turn.t("submission_post", address=sub.postal_address))
    if sub.url:
        lines.append(turn.t("submission_url", url=sub.url))
    lines.append(_deadline_reminder(turn, call))
    return "\n".join(lines)


def _deadline_reminder(turn: Turn, call: Call) -> str:
    moment = call.deadline_at()
    if moment is None:
        return turn.t("status_unknown")
    when_text = format_deadline(moment, turn.lang)
    if call.status(turn.now) is Status.CLOSED:
        return turn.t("submission_closed", deadline=when_text)
    return turn.t("submission_deadline", deadline=f"{when_text} ({left_text(turn, call)})")


async def requirements(turn: Turn, call: Call) -> str:
    items = call.requirements.text
    if not items:
        none = turn.t("requirements_none", title=short_title(call))
        return "\n".join([none, *_applicants(turn, call)])
    text = turn.t(
        "requirements", title=short_title(call), items=_bullets(items), source=_source(turn, call)
    )
    return "\n".join([text, *_applicants(turn, call)])


async def place(turn: Turn, call: Call) -> str:
    where = place_text(turn, call)
    title = short_title(call)
    if not where:
        return turn.t("place_none", title=title)
    lines = [turn.t("place", title=title, place=where)]
    quote = await _quote_about(turn, call, [fold(c) for c in call.cities])
    if quote:
        lines.append(quote)
    return "\n".join(lines)


async def duration(turn: Turn, call: Call) -> str:
    if not call.duration:
        return turn.t("duration_none", title=short_title(call))
    return turn.t(
        "duration", title=short_title(call), duration=call.duration, source=_source(turn, call)
    )


async def languages(turn: Turn, call: Call) -> str:
    title = short_title(call)
    names = [
        turn.t(f"lang_{code}") for code in call.languages_of_work if code in ("fr", "ar", "en")
    ]
    lines = [
        turn.t("languages", title=title, languages=", ".join(names))
        if names
        else turn.t("languages_none", title=title)
    ]
    if call.requirements.languages:
        required = ", ".join(
            turn.t(f"lang_{code}") if code in ("fr", "ar", "en") else code
            for code in call.requirements.languages
        )
        lines.append(turn.t("languages_required", languages=required))
    return "\n".join(lines)


async def reference(turn: Turn, call: Call) -> str:
    if not call.reference:
        return turn.t("reference_none", title=short_title(call))
    return turn.t("reference", title=short_title(call), reference=call.reference)


async def summary(turn: Turn, call: Call) -> str:
    text = call.summary or short_title(call)
    return turn.t("summary", title=short_title(call), org=organization(call), summary=text)


async def contact(turn: Turn, call: Call) -> str:
    who = contact_of(call)
    if not who:
        return turn.t("contact_none", title=short_title(call))
    return turn.t("contact", title=short_title(call), contact=who)


# Words of amounts and pay, French, Arabic and English, as calls write them.
_MONEY_TERMS = [
    "montant", "budget", "salaire", "remuneration", "honoraires", "enveloppe", "subvention",
    "dirhams", "mad", "dh", "euros", "ميزانيه", "مبلغ", "اجره", "راتب", "منحه",
    "درهم", "salary", "amount", "fee", "fees",
]  # fmt: skip


async def budget(turn: Turn, call: Call) -> str:
    """Amounts as the text writes them; when it gives none, say so and who to ask."""
    return await quote(turn, call, _MONEY_TERMS)


async def _quote_about(turn: Turn, call: Call, terms: list[str]) -> str | None:
    hits = await search_lines(turn.deps.db, call.id, terms, limit=1)
    if not hits:
        return None
    return (
        f"{turn.t('quote_intro', source=_source(turn, call, original=True))}\n« {hits[0].line} »"
    )


async def quote(turn: Turn, call: Call, terms: list[str]) -> str:
    """The source lines that best answer a question no field covers, quoted as written."""
    hits = await search_lines(turn.deps.db, call.id, terms, limit=2)
    if not hits:
        who = contact_of(call)
        extra = turn.t("quote_contact", contact=who) if who else ""
        return turn.t("quote_none", title=short_title(call), contact=extra)
    quoted = "\n".join(f"« {hit.line} »" for hit in hits)
    intro = turn.t("quote_intro", source=_source(turn, call, original=True))
    return f"{short_title(call)}\n{intro}\n{quoted}"


def _source(turn: Turn, call: Call, *, original: bool = False) -> str:
    """ "(from the French text)" in Arabic answers, unless the call is written in Arabic."""
    letters = [ch for ch in call.source_text[:3000] if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff")
    if letters and arabic / len(letters) > 0.5:
        return ""
    return turn.t("from_french_original" if original else "from_french")


def status_name(turn: Turn, status: str) -> str:
    """A status id in the user's language ("consulting-firm" -> "bureau d'études")."""
    try:
        return turn.t(f"status_name_{status}")
    except KeyError:
        return status


def status_names(turn: Turn, statuses: list[str]) -> str:
    """ "auto-entrepreneur", "association ou coopérative": who may apply, in words."""
    names = [status_name(turn, s) for s in statuses]
    if len(names) == 1:
        return names[0]
    return turn.t("status_or", names=", ".join(names[:-1]), last=names[-1])


def _applicants(turn: Turn, call: Call) -> list[str]:
    """Who may apply, when the text says (association, coopérative…)."""
    statuses = call.requirements.legal_status
    return [turn.t("applicants", statuses=status_names(turn, statuses))] if statuses else []


FieldAnswer = Callable[[Turn, Call], Awaitable[str]]

FIELD_ANSWERS: dict[Intent, FieldAnswer] = {
    Intent.DEADLINE: deadline,
    Intent.WHEN: when,
    Intent.DOCUMENTS: documents,
    Intent.SUBMISSION: submission,
    Intent.REQUIREMENTS: requirements,
    Intent.PLACE: place,
    Intent.DURATION: duration,
    Intent.LANGUAGE: languages,
    Intent.REFERENCE: reference,
    Intent.SUMMARY: summary,
    Intent.CONTACT: contact,
    Intent.BUDGET: budget,
}
