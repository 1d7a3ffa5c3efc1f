"""From the text of a call to a `Call`: every field the text states, null/empty otherwise.

Each field has its own finder (layout, dates, submission, profile, describe); this module
only composes them. Nothing here guesses: a field the text does not state stays empty.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

from store.ingest.applicants import find_legal_status, status_line
from store.ingest.dates import MOROCCO, Deadline, find_deadline
from store.ingest.describe import (
    find_aliases,
    find_call_themes,
    find_key_dates,
    find_kind,
    find_organization,
    find_partners,
    find_places_of_work,
    find_summary,
)
from store.ingest.evidence import FALLBACK, GUESSED, POSITION, STATED, Found, line_of
from store.ingest.layout import Line, clean_text, split_lines
from store.ingest.profile import find_duration, find_requirements, working_languages
from store.ingest.submission import (
    find_application_url,
    find_emails,
    find_postal_address,
    find_reference,
    find_required_documents,
    find_subject,
)
from store.ingest.title import find_title
from store.models import Call, Evidence, Kind, Submission
from store.text import fold


def extract_call(text: str, *, source_name: str = "") -> Call:
    """Build a `Call` from a call's full text; `source_name` names the file (for the title
    of last resort and the id). Every field found keeps its line and confidence."""
    cleaned, lines = clean_text(text), split_lines(text)
    deadline = find_deadline(text)
    deadline_day = deadline.at.astimezone(MOROCCO).date() if deadline and deadline.at else None
    call = Call(
        id="",
        title="",
        deadline=deadline.at.isoformat() if deadline and deadline.at else None,
        deadline_text=deadline.text if deadline else None,
        key_dates=find_key_dates(lines, deadline_day),
        duration=find_duration(lines),
        languages_of_work=working_languages(lines),
        required_documents=find_required_documents(lines, text),
        requirements=find_requirements(lines),
        source_text=text,
    )
    if deadline is not None:
        call.evidence["deadline"] = _deadline_evidence(lines, deadline)
    _how_to_apply(call, lines, text)
    _describe(call, lines, cleaned, source_name)
    _stated_evidence(call, lines)
    call.id = make_id(call, deadline_day or _first_day(call))
    return call


def _deadline_evidence(lines: list[Line], deadline: Deadline) -> Evidence:
    sure = deadline.strength >= 2 and not deadline.ambiguous and deadline.at is not None
    line = line_of(lines, deadline.text, deadline.text)
    return Found(deadline.text, line, STATED if sure else GUESSED).evidence()


def _describe(call: Call, lines: list[Line], cleaned: str, source_name: str) -> None:
    """Title, kind, organisation, partners, summary, places, themes and aliases."""
    title = find_title(lines)
    call.title = title.value if title else _title_from_name(source_name)
    call.evidence["title"] = (
        title.evidence() if title else Found(call.title, source_name, FALLBACK).evidence()
    )
    call.kind = find_kind(title.value if title else None, cleaned)
    funds_projects = call.kind in (Kind.GRANT, Kind.TRAINING, Kind.OTHER)
    call.requirements.legal_status = find_legal_status(
        lines, call.title, funds_projects=funds_projects
    )
    emails = [*call.submission.emails, *([call.contact] if call.contact else [])]
    organization = find_organization(lines, cleaned, emails)
    if organization is not None:
        call.organization = organization.value
        call.evidence["organization"] = organization.evidence()
    call.partners = find_partners(cleaned, call.organization)
    call.summary = find_summary(lines, call.title)
    places = find_places_of_work(lines, cleaned, call.organization)
    call.regions, call.cities = places.value
    if call.regions or call.cities:
        call.evidence["places"] = places.evidence()
    call.themes = find_call_themes(f"{call.title}\n{call.summary or ''}", cleaned)
    call.aliases = find_aliases(cleaned, call.organization)


def _how_to_apply(call: Call, lines: list[Line], text: str) -> None:
    """Reference, submission e-mails, subject, postal address, URL and contact."""
    call.reference = find_reference(lines)
    emails = find_emails(text)
    call.submission = Submission(
        emails=list(emails.submission),
        subject=find_subject(text, call.reference),
        postal_address=find_postal_address(text),
        url=find_application_url(text),
    )
    call.contact = _contact(emails.contacts, emails.submission)


# Fields read from a stated cue or a section: sure, with the line of their first value.
def _stated_evidence(call: Call, lines: list[Line]) -> None:
    req = call.requirements
    values: dict[str, str | None] = {
        "reference": call.reference,
        "emails": call.submission.emails[0] if call.submission.emails else None,
        "subject": call.submission.subject,
        "address": call.submission.postal_address,
        "url": call.submission.url,
        "documents": call.required_documents[0] if call.required_documents else None,
        "requirements": req.text[0] if req.text else None,
        "duration": call.duration,
        "contact": call.contact,
    }
    for name, value in values.items():
        if value:
            call.evidence[name] = Found(value, line_of(lines, value), STATED).evidence()
    if req.legal_status:
        line = status_line(lines, req.legal_status)
        call.evidence["applicants"] = Found(req.legal_status, line, STATED).evidence()
    call.evidence["kind"] = Found(call.kind, call.evidence["title"].line, POSITION).evidence()


def _contact(contacts: tuple[str, ...], submission: tuple[str, ...]) -> str | None:
    # Whom to ask: an address given for questions first, else where applications go.
    if contacts:
        return contacts[0]
    return submission[0] if submission else None


def _first_day(call: Call) -> date | None:
    return date.fromisoformat(call.key_dates[0].date[:10]) if call.key_dates else None


def _title_from_name(source_name: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]{2,4}$", "", source_name.rsplit("/", 1)[-1])
    return " ".join(re.split(r"[_\-]+", stem)).strip() or "Appel sans titre"


# ---------------------------------------------------------------------------------------
# Stable ids: organisation acronym + a few title words + year, the same for the same text.

_ID_STOPWORDS = frozenset(
    "recrutement recruter appel offres offre avis pour le la les de des du un une d l en et a"
    " au aux sur dans par e chargé charge charg termes reference"
    " tdr projet mission prestation elaboration sa son leur ses".split()
)


def make_id(call: Call, day: date | None) -> str:
    """A slug such as "alci-guide-bonnes-2024"; a hash of the text when no words are Latin."""
    parts = [_org_slug(call.organization)]
    words = [w for w in re.split(r"[^a-z0-9]+", fold(call.title)) if w]
    parts += [w for w in words if w not in _ID_STOPWORDS and len(w) > 2][:3]
    if day is not None:
        parts.append(str(day.year))
    slug = "-".join(p for p in parts if p)
    if not re.search(r"[a-z]", slug):
        digest = hashlib.sha1(call.source_text.encode("utf-8")).hexdigest()[:8]
        slug = f"call-{digest}" + (f"-{day.year}" if day else "")
    return slug[:60].strip("-")


def _org_slug(organization: str | None) -> str:
    if not organization:
        return ""
    acronym = re.search(r"\(([^()]{2,12})\)\s*$", organization)
    if acronym:
        return re.sub(r"[^a-z0-9]+", "", fold(acronym.group(1)))
    words = [w for w in re.split(r"[^a-z0-9]+", fold(organization)) if w]
    if len(words) == 1:
        return words[0]
    return "".join(w[0] for w in words if w not in _ID_STOPWORDS)
