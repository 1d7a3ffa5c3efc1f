""" "Am I eligible?": a verdict from what the user states, or one question at a time.

Only the call's stated, checkable criteria (degree, years of experience, legal status)
get a verdict; everything else is listed for the user to check, quoted from the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from handlers.callinfo import call_buttons, short_title, status_name, status_names
from handlers.conversation import Turn
from handlers.messages import Button, Reply
from handlers.understand.profile import StatedProfile, parse_profile, parse_yes_no
from store.models import Call
from store.search import search_lines
from store.text import fold

DEGREE_CHOICES = (0, 3, 5, 8)
EXPERIENCE_CHOICES = (0, 1, 2, 3, 5, 10)
_CHECK_YOURSELF_MAX = 5


@dataclass(frozen=True)
class Check:
    ok: bool | None  # None: the text's condition and the user's answer do not settle it
    reason: str
    quote: str = ""


def remember(turn: Turn, stated: StatedProfile) -> None:
    """Keep what the user said about themselves for the next eligibility question."""
    if stated.degree_years is not None:
        turn.profile["degree"] = stated.degree_years
    if stated.years_experience is not None:
        turn.profile["experience"] = stated.years_experience
    if stated.status is not None:
        turn.profile["status"] = stated.status
    if stated.not_status is not None:  # "je ne suis pas auto-entrepreneuse"
        turn.profile.setdefault("statuses", {})[stated.not_status] = False


def _missing(turn: Turn, call: Call) -> list[str]:
    req, profile = call.requirements, turn.profile
    missing = []
    if req.min_degree_years is not None and "degree" not in profile:
        missing.append("degree")
    if req.min_years_experience is not None and "experience" not in profile:
        missing.append("experience")
    statuses = profile.get("statuses", {})
    for status in req.legal_status:
        if status not in statuses and profile.get("status") is None:
            missing.append("status")
            break
    return missing


async def check(turn: Turn, call: Call, stated: StatedProfile | None = None) -> Reply:
    """Answer "am I eligible for this call?", asking what is missing first."""
    if stated:
        remember(turn, stated)
    turn.focus(call.id)
    missing = _missing(turn, call)
    if missing:
        turn.set_pending({"type": "eligibility", "call": call.id, "asking": missing[0]})
        return question(turn, call, missing[0])
    turn.set_pending(None)
    return await _verdict(turn, call)


def question(turn: Turn, call: Call, what: str) -> Reply:
    if what == "degree":
        labels = {0: "deg_bac", 3: "deg_licence", 5: "deg_master", 8: "deg_doctorat"}
        buttons = [Button(turn.t(labels[y]), f"elig:degree:{y}") for y in DEGREE_CHOICES]
        return Reply(turn.t("ask_degree"), buttons)
    if what == "experience":
        buttons = [Button(turn.t(f"exp_{y}"), f"elig:experience:{y}") for y in EXPERIENCE_CHOICES]
        return Reply(turn.t("ask_experience"), buttons)
    return Reply(
        turn.t("ask_status", status=status_names(turn, call.requirements.legal_status)),
        [Button(turn.t("yes"), "elig:status:1"), Button(turn.t("no"), "elig:status:0")],
    )


async def answer_pending(turn: Turn, call: Call, asking: str, text: str) -> Reply | None:
    """Take a typed answer to our last question; None when the text is not an answer."""
    stated = parse_profile(text, expecting_years=asking == "experience")
    if asking == "status":
        said = parse_yes_no(text)
        if said is not None:
            return await answer_button(turn, call, "status", int(said))
    if stated.is_empty():
        return None
    return await check(turn, call, stated)


async def answer_button(turn: Turn, call: Call, asking: str, value: int) -> Reply:
    if asking == "degree":
        turn.profile["degree"] = value
    elif asking == "experience":
        turn.profile["experience"] = value
    elif asking == "status":
        statuses = turn.profile.setdefault("statuses", {})
        for status in call.requirements.legal_status:
            statuses[status] = bool(value)
    return await check(turn, call)


async def _verdict(turn: Turn, call: Call) -> Reply:
    checks = [c for c in (_degree(turn, call), _experience(turn, call)) if c]
    if call.requirements.legal_status:
        checks.append(await _status(turn, call))
    title = short_title(call)
    if not checks:
        lines = [turn.t("elig_no_criteria", title=title)]
    elif any(c.ok is False for c in checks):
        lines = [turn.t("elig_verdict_no", title=title)]
    elif all(c.ok for c in checks):
        lines = [turn.t("elig_verdict_yes", title=title)]
    else:
        lines = [turn.t("elig_verdict_partial", title=title)]
    for c in checks:
        mark = {True: "✔", False: "✘", None: "•"}[c.ok]
        lines.append(f"{mark} {c.reason}")
        if c.quote:
            lines.append(c.quote)
    others = _other_requirements(call)
    if others:
        items = "\n".join(f"• {item}" for item in others[:_CHECK_YOURSELF_MAX])
        lines.append(turn.t("elig_check_yourself", items=items))
    return Reply("\n".join(lines), call_buttons(turn, call))


def _degree_name(turn: Turn, years: int) -> str:
    key = f"degree_name_{years}"
    return turn.t(key) if years in (0, 2, 3, 4, 5, 8) else f"Bac+{years}"


def _degree(turn: Turn, call: Call) -> Check | None:
    need = call.requirements.min_degree_years
    have = turn.profile.get("degree")
    if need is None or have is None:
        return None
    names = {"have": _degree_name(turn, have), "need": _need_degree(turn, need)}
    ok = have >= need
    return Check(ok, turn.t("elig_degree_ok" if ok else "elig_degree_ko", **names))


def _need_degree(turn: Turn, years: int) -> str:
    return f"Bac+{years}" if turn.lang == "fr" else f"باك+{years}"


def _experience(turn: Turn, call: Call) -> Check | None:
    need = call.requirements.min_years_experience
    have = turn.profile.get("experience")
    if need is None or have is None:
        return None
    ok = have >= need
    return Check(ok, turn.t("elig_exp_ok" if ok else "elig_exp_ko", have=have, need=need))


async def _status(turn: Turn, call: Call) -> Check:
    needed = call.requirements.legal_status
    need = status_names(turn, needed)
    statuses = turn.profile.get("statuses", {})
    said = turn.profile.get("status")
    if any(statuses.get(s) is True for s in needed) or (
        said and any(fold(said) == fold(s) for s in needed)
    ):
        return Check(True, turn.t("elig_status_ok", need=need))
    terms = [fold(status_name(turn, s)) for s in needed]
    hits = await search_lines(turn.deps.db, call.id, [*terms, *needed], limit=1)
    quote = turn.t("elig_status_quote", quote=hits[0].line) if hits else ""
    have = said or turn.t("status_no")
    # "Salarié" does not by itself rule the status out: no verdict beyond what the text
    # says. Only a plain "no" to "do you have the status?" settles it.
    settled = False if all(statuses.get(s) is False for s in needed) else None
    return Check(settled, turn.t("elig_status_ko", need=need, have=have), quote)


def _other_requirements(call: Call) -> list[str]:
    return list(call.requirements.text)
