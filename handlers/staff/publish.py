"""Publishing from chat: a document or pasted text becomes a draft, staff check and
correct it field by field, see whom it will reach, then publish.

The draft is a call stored unpublished (users never see it: the store hides drafts) and
its id in the staff member's conversation state, so a restart in the middle loses
nothing and button payloads stay short ("staff:pub:ask", "staff:pub:edit:deadline").
Publishing only flips the call to published: the planner's next pass alerts instant
subscribers and plans the reminders, exactly as for a call published from the CLI.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from handlers.conversation import Turn
from handlers.messages import Attachment, Button, Reply
from handlers.staff import access
from handlers.staff.calls import parse_date
from handlers.texts.format import format_deadline
from handlers.understand.intents import Cues, detect_kind
from store import calls as call_store
from store import staff as staff_store
from store.ingest.extract import extract_call
from store.ingest.layout import shorten
from store.ingest.read import IngestError, read_bytes
from store.models import THEME_IDS, Call, Kind
from store.text import fold
from store.vocab.places import find_places, region_name
from store.vocab.themes import find_themes, theme_name

PREFIX = "staff:pub:"
# The fields shown for checking, in this order; each is corrected as "<label>: <value>".
FIELDS = (
    "title",
    "reference",
    "organization",
    "kind",
    "deadline",
    "places",
    "themes",
    "emails",
    "subject",
    "address",
    "documents",
    "requirements",
    "duration",
    "languages",
    "contact",
)
# Fields offered as buttons under the draft: the ones extraction most often misses.
EDIT_BUTTONS = ("deadline", "emails", "title", "places")
SHOWN_CHARS = 300  # a field longer than this is cut in the review (the text is kept)
CLEAR = frozenset({"-", "—", "aucun", "aucune", "rien", "none", "لا شيء", "لا يوجد"})

# What staff type before the colon, folded (store.text.fold), in French, English, Arabic.
ALIASES: dict[str, str] = {
    **dict.fromkeys(("titre", "title", "intitule", "العنوان"), "title"),
    **dict.fromkeys(("reference", "ref", "المرجع"), "reference"),
    **dict.fromkeys(
        ("organisation", "organisme", "organization", "org", "structure", "المنظمه", "الهيءه"),
        "organization",
    ),
    **dict.fromkeys(("type", "kind", "nature", "النوع"), "kind"),
    **dict.fromkeys(
        ("date limite", "deadline", "delai", "date", "اخر اجل", "الاجل", "اجل"), "deadline"
    ),
    **dict.fromkeys(
        (
            "regions",
            "region",
            "lieu",
            "lieux",
            "villes",
            "ville",
            "places",
            "zone",
            "الجهه",
            "الجهات",
            "المكان",
            "المدينه",
            "المدن",
        ),
        "places",
    ),
    **dict.fromkeys(("themes", "theme", "thematiques", "المواضيع", "المحاور"), "themes"),
    **dict.fromkeys(
        ("email", "e-mail", "emails", "e-mails", "mail", "courriel", "adresse mail", "البريد"),
        "emails",
    ),
    **dict.fromkeys(("objet", "sujet", "subject", "objet du mail", "الموضوع"), "subject"),
    **dict.fromkeys(("adresse", "adresse postale", "address", "العنوان البريدي"), "address"),
    **dict.fromkeys(
        ("pieces", "pieces a fournir", "documents", "dossier", "الوثاءق", "الملف"), "documents"
    ),
    **dict.fromkeys(
        ("profil", "exigences", "conditions", "requirements", "qualifications", "الشروط"),
        "requirements",
    ),
    **dict.fromkeys(("duree", "duration", "المده"), "duration"),
    **dict.fromkeys(("langues", "langue", "languages", "اللغه", "اللغات"), "languages"),
    **dict.fromkeys(("contact", "الاتصال"), "contact"),
}
_CORRECTION = re.compile(r"^\s*([^:：=\n]{1,30}?)\s*[:：=]\s*(.*)$")
_EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_LANGUAGES = {
    **dict.fromkeys(("fr", "francais", "french", "الفرنسيه"), "fr"),
    **dict.fromkeys(("ar", "arabe", "arabic", "العربيه", "الدارجه", "darija"), "ar"),
    **dict.fromkeys(("en", "anglais", "english", "الانجليزيه", "الانكليزيه"), "en"),
}
_KINDS = {str(k): k for k in Kind} | {
    "subvention": Kind.GRANT,
    "appel a projets": Kind.GRANT,
    "منحه": Kind.GRANT,
    "autre": Kind.OTHER,
}


# --- entry points --------------------------------------------------------------------------


async def on_command(turn: Turn, args: str) -> Reply:
    """`/publier <text>` reads the text; `/publier` alone confirms the draft in progress
    or asks for a document."""
    if args.strip():
        return await from_text(turn, args, "")
    if await _draft(turn) is not None:
        return await confirm(turn)
    access.staff_state(turn)["await"] = "text"
    await access.audit(turn, "/publier", True, "waiting for a document")
    return Reply(turn.t("staff_publish_prompt"))


async def on_document(turn: Turn, attachment: Attachment) -> Reply:
    """A file sent by staff: read it (one-line reason when it cannot be) and draft it."""
    if not attachment.data:
        try:
            read_bytes(attachment.name, attachment.data)  # an unsupported type says so
        except IngestError as exc:
            if not str(exc).endswith("the file is empty"):
                return Reply(turn.t("staff_read_error", reason=str(exc)))
        return Reply(turn.t("staff_file_unavailable", name=attachment.name[:80]))
    try:
        text = read_bytes(attachment.name, attachment.data)
    except IngestError as exc:
        await access.audit(turn, "document", True, f"unreadable: {exc.reason}")
        return Reply(turn.t("staff_read_error", reason=str(exc)))
    return await from_text(turn, text, attachment.name)


async def on_text(turn: Turn) -> Reply | None:
    """Typed text during a publishing flow: the call's text after a bare `/publier`, a
    field's new value after its button, or "field: value" corrections. None otherwise."""
    state = access.staff_state(turn)
    if state.pop("await", None) == "text" and turn.text.strip():
        return await from_text(turn, turn.text, "")
    call = await _draft(turn)
    if call is None:
        return None
    field = state.pop("field", None)
    if isinstance(field, str) and field in FIELDS:
        return await _correct(turn, call, [(field, turn.text)])
    corrections = parse_corrections(turn.text)
    return await _correct(turn, call, corrections) if corrections else None


async def on_button(turn: Turn, rest: str) -> Reply | None:
    """ "staff:pub:<ask|go|review|drop|edit:<field>>"."""
    action, _, value = rest.partition(":")
    if action == "edit" and value in FIELDS and await _draft(turn) is not None:
        access.staff_state(turn)["field"] = value
        return Reply(turn.t("staff_ask_value", label=turn.t(f"staff_field_{value}")))
    handlers: dict[str, Callable[[Turn], Any]] = {
        "ask": confirm,
        "go": publish_draft,
        "review": _review_draft,
        "drop": drop_draft,
    }
    handler = handlers.get(action)
    return await handler(turn) if handler else None


# --- the draft -----------------------------------------------------------------------------


async def from_text(turn: Turn, text: str, source_name: str) -> Reply:
    """Extract a call from its text and store it as a draft (never over a published call)."""
    db = turn.deps.db
    call = extract_call(text, source_name=source_name)
    if await call_store.is_published(db, call.id):
        return Reply(turn.t("staff_already_published", id=call.id))
    await call_store.save_call(db, call, published=False, now=turn.now)
    state = access.staff_state(turn)
    state["draft"] = call.id
    state.pop("field", None)
    await access.audit(turn, "draft", True, f"call={call.id} from={source_name or 'text'}")
    return review(turn, call)


async def _draft(turn: Turn) -> Call | None:
    """The staff member's draft in progress, if it is still a draft."""
    state = access.staff_state(turn)
    call_id = state.get("draft")
    if not isinstance(call_id, str):
        return None
    db = turn.deps.db
    call = await call_store.get_call(db, call_id, include_drafts=True)
    if call is None or await call_store.is_published(db, call_id):
        state.pop("draft", None)  # published or deleted meanwhile (CLI, another staff)
        return None
    return call


async def _review_draft(turn: Turn) -> Reply | None:
    call = await _draft(turn)
    return review(turn, call) if call else Reply(turn.t("staff_no_draft"))


def review(turn: Turn, call: Call, note: str = "") -> Reply:
    """The draft field by field, what is missing flagged, and how to correct it."""
    lines = [note] if note else []
    lines.append(turn.t("staff_review_head", id=call.id))
    for field in FIELDS:
        value = shown_value(turn, call, field)
        if value and len(value) > SHOWN_CHARS:
            value = value[:SHOWN_CHARS].rsplit(" ", 1)[0] + " …"
        label = turn.t(f"staff_field_{field}")
        lines.append(
            turn.t("staff_field_line", label=label, value=value or turn.t("staff_missing"))
        )
        unsure = call.uncertain(field) if value else None
        if unsure is not None:  # read from position or guessed: staff check it first
            lines.append(turn.t("staff_unsure", line=shorten(unsure.line, 160)))
    lines += [turn.t(key) for key in flags(turn, call)]
    lines.append(turn.t("staff_review_hint"))
    buttons = [Button(turn.t("staff_btn_publish"), f"{PREFIX}ask")]
    buttons += [
        Button(turn.t("staff_btn_edit", label=turn.t(f"staff_field_{f}")), f"{PREFIX}edit:{f}")
        for f in EDIT_BUTTONS
    ]
    buttons.append(Button(turn.t("staff_btn_drop"), f"{PREFIX}drop"))
    return Reply("\n".join(lines), buttons)


def flags(turn: Turn, call: Call) -> list[str]:
    """Message keys for what the text did not give (or gave wrong)."""
    found = []
    deadline = call.deadline_at()
    if deadline is None:
        found.append("staff_flag_deadline")
    elif deadline <= turn.now:
        found.append("staff_flag_past")
    if not call.submission.emails:
        found.append("staff_flag_email")
    if not call.organization:
        found.append("staff_flag_organization")
    return found


def shown_value(turn: Turn, call: Call, field: str) -> str | None:
    """One field as staff read it in the review; None when the text did not give it."""
    lang = turn.lang
    if field == "kind":
        return turn.t(f"staff_kind_{call.kind}")
    if field == "deadline":
        deadline = call.deadline_at()
        if deadline is None:
            return None
        when = format_deadline(deadline, lang)
        phrase = call.deadline_text
        return turn.t("staff_deadline_value", deadline=when, phrase=phrase) if phrase else when
    if field == "places":
        names = [
            turn.t("staff_national") if r == "national" else region_name(r, lang)
            for r in call.regions
        ]
        return " ; ".join(p for p in (", ".join(names), ", ".join(call.cities)) if p) or None
    if field == "themes":
        return ", ".join(theme_name(th, lang) for th in call.themes) or None
    if field == "languages":
        return ", ".join(turn.t(f"lang_{c}") for c in call.languages_of_work) or None
    value = _plain_value(call, field)
    return value or None


def _plain_value(call: Call, field: str) -> str | None:
    values: dict[str, str | None] = {
        "title": call.title,
        "reference": call.reference,
        "organization": call.organization,
        "emails": ", ".join(call.submission.emails),
        "subject": call.submission.subject,
        "address": call.submission.postal_address,
        "documents": " ; ".join(call.required_documents),
        "requirements": " ; ".join(call.requirements.text),
        "duration": call.duration,
        "contact": call.contact,
    }
    return values.get(field)


# --- corrections ---------------------------------------------------------------------------


def parse_corrections(text: str) -> list[tuple[str, str]]:
    """[(field, value)] from "date limite: 30/01/2025 17h" lines; a line that names no
    field continues the previous value (a multi-line address). [] unless the first line
    is a correction."""
    found: list[tuple[str, str]] = []
    for line in text.splitlines():
        match = _CORRECTION.match(line)
        field = ALIASES.get(fold(match.group(1)).strip()) if match else None
        if match and field:
            found.append((field, match.group(2).strip()))
        elif found and line.strip():
            field, value = found[-1]
            found[-1] = (field, f"{value}\n{line.strip()}".strip())
        elif not found:
            return []
    return found


async def _correct(turn: Turn, call: Call, corrections: list[tuple[str, str]]) -> Reply:
    """Apply each correction; save the draft; show it again with what changed or failed."""
    done, failed = [], []
    for field, value in corrections:
        label = turn.t(f"staff_field_{field}")
        if apply_correction(call, field, value):
            done.append(label)
        elif field == "deadline":
            failed.append(turn.t("staff_bad_date", value=value[:100]))
        else:
            failed.append(turn.t("staff_bad_value", value=value[:100], label=label))
    if done:
        await call_store.save_call(turn.deps.db, call, published=False, now=turn.now)
        await access.audit(
            turn, "correct", True, f"call={call.id} fields={','.join(f for f, _ in corrections)}"
        )
    notes = [turn.t("staff_corrected", labels=", ".join(done))] if done else []
    return review(turn, call, "\n".join(notes + failed))


def apply_correction(call: Call, field: str, value: str) -> bool:
    """Set one field from what staff typed; False when the value does not fit the field."""
    value = value.strip()
    clear = fold(value) in CLEAR
    setter = _SETTERS.get(field)
    if setter is None:
        return False
    done = setter(call, "" if clear else value, clear)
    if done:
        call.evidence.pop(field, None)  # typed by staff: no longer a guess
    return done


def _set_text(attribute: str, *, required: bool = False) -> Callable[[Call, str, bool], bool]:
    def setter(call: Call, value: str, clear: bool) -> bool:
        if required and (clear or not value):
            return False
        target: Any = call.submission if attribute in ("subject", "postal_address") else call
        setattr(target, attribute, " ".join(value.split()) or None)
        return True

    return setter


def _set_kind(call: Call, value: str, clear: bool) -> bool:
    folded = fold(value).strip()
    kind = _KINDS.get(folded) or (Kind.OTHER if clear else detect_kind(Cues.of(value)))
    if kind is None:
        return False
    call.kind = kind
    return True


def _set_deadline(call: Call, value: str, clear: bool) -> bool:
    if clear:
        call.deadline = call.deadline_text = None
        return True
    deadline = parse_date(value)
    if deadline is None:
        return False
    call.deadline, call.deadline_text = deadline.isoformat(), " ".join(value.split())
    return True


def _set_places(call: Call, value: str, clear: bool) -> bool:
    places = find_places(value)
    if not clear and not places.regions:
        return False
    call.regions, call.cities = list(places.regions), list(places.cities)
    return True


def _set_themes(call: Call, value: str, clear: bool) -> bool:
    themes = list(find_themes(value)) or [w for w in re.split(r"[,;\s]+", value) if w in THEME_IDS]
    if not clear and not themes:
        return False
    call.themes = themes
    return True


def _set_emails(call: Call, value: str, clear: bool) -> bool:
    emails = list(dict.fromkeys(_EMAIL.findall(value)))
    if not clear and not emails:
        return False
    call.submission.emails = emails
    if emails and not call.contact:
        call.contact = emails[0]
    return True


def _set_list(attribute: str) -> Callable[[Call, str, bool], bool]:
    def setter(call: Call, value: str, clear: bool) -> bool:
        parts = re.split(r"\s*[;\n•]\s*", value)
        if len(parts) == 1:
            parts = re.split(r"\s*,\s*", value)
        items = [" ".join(p.split()) for p in parts if p.strip()]
        if attribute == "requirements":
            call.requirements.text = items
        else:
            call.required_documents = items
        return True

    return setter


def _set_languages(call: Call, value: str, clear: bool) -> bool:
    codes = [_LANGUAGES.get(w) for w in re.split(r"[,;/\s]+|\bet\b|\bو", fold(value)) if w]
    if not clear and (not codes or None in codes):
        return False
    call.languages_of_work = list(dict.fromkeys(c for c in codes if c))
    return True


_SETTERS: dict[str, Callable[[Call, str, bool], bool]] = {
    "title": _set_text("title", required=True),
    "reference": _set_text("reference"),
    "organization": _set_text("organization"),
    "kind": _set_kind,
    "deadline": _set_deadline,
    "places": _set_places,
    "themes": _set_themes,
    "emails": _set_emails,
    "subject": _set_text("subject"),
    "address": _set_text("postal_address"),
    "documents": _set_list("documents"),
    "requirements": _set_list("requirements"),
    "duration": _set_text("duration"),
    "languages": _set_languages,
    "contact": _set_text("contact"),
}


# --- confirming and publishing ---------------------------------------------------------------


async def confirm(turn: Turn) -> Reply:
    """How many subscribers the draft matches, per channel, before anything is sent."""
    call = await _draft(turn)
    if call is None:
        return Reply(turn.t("staff_no_draft"))
    audience = await staff_store.matching_subscribers(turn.deps.db, call)
    title = call.title[:120]
    buttons = [
        Button(turn.t("staff_btn_confirm"), f"{PREFIX}go"),
        Button(turn.t("staff_btn_back"), f"{PREFIX}review"),
    ]
    if not audience.total:
        text = f"{turn.t('staff_confirm_publish', title=title, total=0, channels='')}\n"
        return Reply(text + turn.t("staff_confirm_none"), buttons)
    parts = ", ".join(f"{channel} {n}" for channel, n in audience.by_channel.items())
    text = turn.t(
        "staff_confirm_publish", title=title, total=audience.total, channels=f" ({parts})"
    )
    return Reply(f"{text}\n{turn.t('staff_confirm_instant', count=audience.instant)}", buttons)


async def publish_draft(turn: Turn) -> Reply:
    """Publish the draft: users see it at once; the planner alerts on its next pass."""
    call = await _draft(turn)
    if call is None:
        return Reply(turn.t("staff_no_draft"))
    await call_store.set_published(turn.deps.db, call.id, True, turn.now)
    access.staff_state(turn).pop("draft", None)
    turn.focus(call.id)  # so that "/fermer" or "/prolonger DATE" next means this call
    await access.audit(turn, "publish", True, f"call={call.id}")
    return Reply(turn.t("staff_published", title=call.title[:120], id=call.id))


async def drop_draft(turn: Turn) -> Reply:
    """Delete the draft in progress (never a published call)."""
    call = await _draft(turn)
    access.staff_state(turn).pop("draft", None)
    if call is None:
        return Reply(turn.t("staff_no_draft"))
    await staff_store.delete_draft(turn.deps.db, call.id)
    await access.audit(turn, "drop_draft", True, f"call={call.id}")
    return Reply(turn.t("staff_draft_dropped"))
