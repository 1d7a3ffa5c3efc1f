"""Routing typed text: what was asked, about which call, and who answers it."""

from __future__ import annotations

import re

from handlers import callinfo, eligibility, listing, privacy, smalltalk, staff, subscribe
from handlers.conversation import Turn
from handlers.listing import ListRequest
from handlers.messages import Button, Reply
from handlers.understand.callnames import STRONG_MATCH
from handlers.understand.intents import (
    CUE_WORDS,
    Intent,
    detect_kind,
    detect_period,
    requested_language,
)
from handlers.understand.profile import parse_profile
from handlers.understand.reading import Reading, follow_up_intents, read
from store import calls as call_store
from store.models import Call, Kind
from store.search import search_lines
from store.text import tokens
from store.vocab.glossary import ARABIC_STOPWORDS, FRENCH_STOPWORDS, french_terms
from store.vocab.places import find_places
from store.vocab.themes import find_themes

FIELD_INTENTS = tuple(callinfo.FIELD_ANSWERS)
_KNOWN_WORDS = CUE_WORDS | FRENCH_STOPWORDS | ARABIC_STOPWORDS
_SMALLTALK = {
    Intent.GREETING: smalltalk.greeting,
    Intent.HELP: smalltalk.help_reply,
    Intent.THANKS: smalltalk.thanks,
    Intent.GOODBYE: smalltalk.goodbye,
}
_QUESTION = re.compile(r"[?؟]|^(quel|quelle|quels|combien|est ce|y a t il|comment)\b")


async def on_text(turn: Turn) -> list[Reply]:
    """Answer a typed message."""
    staff_replies = await staff.on_text(turn)
    if staff_replies is not None:
        return staff_replies
    if not any(ch.isalnum() for ch in turn.text):
        return [smalltalk.empty(turn)]
    if turn.text.startswith("/start"):
        return await _start(turn)
    account = await privacy.on_text(turn)
    if account:
        return [_tag(turn, account, "account")]
    asked = turn.pending
    waiting = bool(asked and asked.get("type") == "eligibility")
    reading = read(turn.deps.nlu, turn.cues, turn.text, guess=not waiting)
    subscription = await _subscriptions(turn, reading)
    if subscription:
        return [_tag(turn, subscription, "subscription")]
    pending = await _answer_pending(turn)
    if pending:
        return [_tag(turn, pending, "pending")]
    if reading.action:
        return [_tag(turn, await _action(turn, reading.action), reading.action)]
    intents = set(reading.intents)
    asked_again = follow_up_intents(turn.text, turn.state.get("asked") or [])
    if asked_again and reading.asks_nothing_itself:
        intents = set(asked_again)  # "et pour M&D ?": the question asked last, about M&D
    if Intent.LANG_SWITCH in intents:
        wanted = requested_language(turn.cues)
        chosen = smalltalk.set_language(turn, wanted) if wanted else None
        return [_tag(turn, chosen or smalltalk.choose_language(turn), "lang")]
    replies = await _route(turn, intents)
    if asked and asked.get("type") == "eligibility" and replies[0].text == turn.t("off_topic"):
        # Neither an answer nor a new question: ask our question again rather than
        # leave the user with a generic reply.
        again = await _ask_again(turn, asked)
        return [_tag(turn, again, "pending")] if again else replies
    return replies


async def _action(turn: Turn, action: str) -> Reply:
    """Subscribe, my subscriptions, stop or forget, read from a sentence by the model."""
    if action == "subscribe":
        return subscribe.start(turn)
    if action == "my_subscriptions":
        return await subscribe.my_subscriptions(turn)
    if action == "unsubscribe":
        return privacy.confirm_stop(turn)
    return privacy.confirm_forget(turn)


_SUBSCRIBE = (
    "/abonner",
    "/subscribe",
    "/abonnement",
    "abonner",
    "m abonner",
    "abonnement",
    "je veux recevoir",
    "recevoir les appels",
    "recevoir les offres",
    "m inscrire",
    "s inscrire",
    "inscription",
    "alertes",
    "اشتراك",
    "نشترك",
    "بغيت نتسجل",
    "نتسجل",
    "سجلني",
    "تنبيهات",
    "bghit ntsajel",
    "ntsajel",
    "tsajelni",
    "ntabonna",
)
_MY_SUBSCRIPTIONS = (
    "/mes abonnements",  # "/mes_abonnements": cues see words, "_" is a space
    "/subscriptions",
    "/abonnements",
    "mes abonnements",
    "اشتراكاتي",
)


async def _subscriptions(turn: Turn, reading: Reading) -> Reply | None:
    """Subscription commands and phrases, and typed choices during the subscription flow.
    A phrase cue gives way to a clear reading of something else ("mes alertes actives ?"
    is about subscriptions held, «أرجو إلغاء اشتراكي» asks to stop)."""
    command = turn.text.lstrip().startswith("/")
    other = reading.prediction.confident and reading.prediction.intent not in (
        "subscribe",
        "my_subscriptions",
    )
    if reading.prediction.confident and reading.prediction.intent == "my_subscriptions":
        return _tag(turn, await subscribe.my_subscriptions(turn), "my_subscriptions")
    if turn.cues.any(_MY_SUBSCRIPTIONS) and (command or not other):
        return _tag(turn, await subscribe.my_subscriptions(turn), "my_subscriptions")
    if turn.cues.any(_SUBSCRIBE) and (command or not other):
        return _tag(turn, subscribe.start(turn), "subscribe")
    return subscribe.on_text_during_flow(turn)


async def _ask_again(turn: Turn, asked: dict[str, object]) -> Reply | None:
    call = await call_store.get_call(turn.deps.db, str(asked.get("call")))
    if call is None:
        return None
    turn.set_pending(asked)
    question = eligibility.question(turn, call, str(asked.get("asking")))
    return Reply(f"{turn.t('not_understood')}\n{question.text}", question.buttons)


def _tag(turn: Turn, reply: Reply, about: str) -> Reply:
    """Mark what a reply answers, and the call in focus after it."""
    reply.about = reply.about or about
    reply.about_call = turn.current_call
    return reply


async def _route(turn: Turn, intents: set[Intent]) -> list[Reply]:
    label, reply = await _decide(turn, intents)
    return [_tag(turn, reply, label)]


async def _decide(turn: Turn, intents: set[Intent]) -> tuple[str, Reply]:
    """The reply to a message, and what it answers."""
    request = _list_request(turn)
    named = await _named_calls(turn)
    fields = [i for i in FIELD_INTENTS if i in intents]
    stated = parse_profile(turn.text)
    if Intent.ELIGIBILITY in intents or stated.degree_years or stated.years_experience:
        asked = [Intent.ELIGIBILITY]
        return "eligibility", await _about_call(turn, named, weak_ok=True, intents=asked)
    label = "+".join(str(f) for f in fields)
    if fields and (
        named.strong or named.weak or turn.current_call or not _wants_list(intents, request)
    ):
        return label, await _about_call(turn, named, weak_ok=True, intents=fields)
    only = await listing.only_call(turn, request) if fields else None
    if only is not None:  # "l'atelier de Saïdia, c'est quand ?": the one call there
        return label, await answer_about(turn, only, fields)
    if Intent.LIST_CLOSED in intents:
        return "list_closed", await listing.list_closed(turn, request)
    if Intent.LIST_OPEN in intents and request.is_filtered():
        # "appels sur la migration" asks for a theme, even if "Migrations & Développement"
        # is also a name.
        return "list_open", await listing.list_open(turn, request)
    if named.strong:
        return await _call_or_quote(turn, named.strong[0])
    if _wants_list(intents, request):
        return "list_open", await listing.list_open(turn, request)
    if named.weak and len(tokens(turn.text)) <= 3:
        return await _call_or_quote(turn, named.weak[0])
    for intent, reply in _SMALLTALK.items():
        if intent in intents:
            return str(intent), reply(turn)
    return await _fallback(turn)


def _wants_list(intents: set[Intent], request: ListRequest) -> bool:
    return Intent.LIST_OPEN in intents or request.is_filtered()


def _list_request(turn: Turn) -> ListRequest:
    places = find_places(turn.text)
    themes = find_themes(turn.text)
    kind = detect_kind(turn.cues)
    if kind is Kind.TRAINING:
        themes = tuple(th for th in themes if th != "education-training")
    if len(themes) > 1:
        # "associations de femmes": the association is who applies, women the theme.
        themes = tuple(th for th in themes if th != "civil-society-strengthening")
    return ListRequest(
        regions=places.regions,
        cities=places.cities,
        themes=themes,
        kind=kind,
        period=detect_period(turn.cues),
    )


class NamedCalls:
    def __init__(self, strong: list[str], weak: list[str]) -> None:
        self.strong = strong
        self.weak = weak


async def _named_calls(turn: Turn) -> NamedCalls:
    index = await turn.deps.names.get(turn.deps.db)
    scored = index.match(turn.text, _KNOWN_WORDS)
    if not scored:
        return NamedCalls([], [])
    best = scored[0][1]
    top = [call_id for call_id, score in scored if score >= best * 0.999]
    return NamedCalls(top, []) if best >= STRONG_MATCH else NamedCalls([], top)


async def _about_call(
    turn: Turn, named: NamedCalls, *, weak_ok: bool, intents: list[Intent]
) -> Reply:
    candidates = named.strong or (named.weak if weak_ok else [])
    if len(candidates) > 1:
        return await _which_call(turn, intents, candidates)
    call_id = candidates[0] if candidates else turn.current_call
    call = await call_store.get_call(turn.deps.db, call_id) if call_id else None
    if call is None:
        return await _which_call(turn, intents, [])
    return await answer_about(turn, call, intents)


async def answer_about(turn: Turn, call: Call, intents: list[Intent]) -> Reply:
    """Answer each asked field of one call, or run the eligibility check."""
    turn.focus(call.id)
    if intents == [Intent.ELIGIBILITY]:
        return await eligibility.check(turn, call, parse_profile(turn.text))
    turn.state["asked"] = [str(i) for i in intents]  # for "et pour X ?" next
    parts = [await callinfo.FIELD_ANSWERS[intent](turn, call) for intent in intents]
    return Reply("\n\n".join(parts), callinfo.call_buttons(turn, call))


async def _which_call(turn: Turn, intents: list[Intent], candidates: list[str]) -> Reply:
    """Ask which call is meant, offering the candidates or the soonest open calls."""
    db = turn.deps.db
    if candidates:
        calls = await call_store.get_calls(db, candidates[:5])
    else:
        calls, _ = await call_store.open_calls(
            db, turn.now, call_store.CallFilter(), 5, count=False
        )
    turn.set_pending({"type": "which", "intents": [str(i) for i in intents]})
    if not calls:
        return Reply(turn.t("which_call_none"))
    key = "ambiguous" if candidates else "which_call"
    buttons = [Button(callinfo.call_label(c), f"call:{c.id}") for c in calls]
    return Reply(turn.t(key), buttons)


async def _call_or_quote(turn: Turn, call_id: str) -> tuple[str, Reply]:
    """A call named alone gets its card; named with other words, the text is searched."""
    call = await call_store.get_call(turn.deps.db, call_id)
    if call is None:
        return "summary", Reply(turn.t("call_gone"))
    turn.focus(call.id)
    terms = _search_terms(turn, call)
    if terms and _QUESTION.search(turn.cues.padded.strip() + turn.text[-1:]):
        quoted = await callinfo.quote(turn, call, terms)
        return "quote", Reply(quoted, callinfo.call_buttons(turn, call))
    return "summary", callinfo.card(turn, call)


def _search_terms(turn: Turn, call: Call) -> list[str]:
    name_words = set(tokens(f"{call.organization or ''} {call.title} {' '.join(call.aliases)}"))
    name_words |= set(tokens(call.reference or ""))
    return [w for w in french_terms(turn.text) if w not in name_words and w not in CUE_WORDS]


# Words that show a question is about the call itself, not about the world.
_CALL_WORDS = frozenset(
    """appel offre mission poste atelier consultation candidature contrat prestation
    salaire remuneration honoraires budget frais deplacement deplacements transport
    logement assurance stage equipe livrable livrables rapport formation
    طلب عرض مهمه منصب ورشه ترشيح عقد راتب اجره ميزانيه""".split()
)


async def _fallback(turn: Turn) -> tuple[str, Reply]:
    """A question about the call under discussion goes to its text; anything else is
    off-topic."""
    call_id = turn.current_call
    if call_id and _QUESTION.search(turn.cues.padded.strip() + turn.text[-1:]):
        call = await call_store.get_call(turn.deps.db, call_id)
        terms = _search_terms(turn, call) if call else []
        if call and terms:
            hits = await search_lines(turn.deps.db, call.id, terms, limit=1)
            if hits or _CALL_WORDS & set(terms) or _CALL_WORDS & set(tokens(turn.text)):
                reply = await callinfo.quote(turn, call, terms)
                return "quote", Reply(reply, callinfo.call_buttons(turn, call))
    return "off_topic", smalltalk.off_topic(turn)


async def _answer_pending(turn: Turn) -> Reply | None:
    pending = turn.pending
    if not pending:
        return None
    if pending.get("type") == "eligibility":
        call = await call_store.get_call(turn.deps.db, str(pending.get("call")))
        if call:
            reply = await eligibility.answer_pending(
                turn, call, str(pending.get("asking")), turn.text
            )
            if reply:
                return reply
    if pending.get("type") == "which":
        named = await _named_calls(turn)
        intents = [
            Intent(i) for i in pending.get("intents", []) if i in Intent.__members__.values()
        ]
        if (named.strong or named.weak) and intents:
            turn.set_pending(None)
            return await _about_call(turn, named, weak_ok=True, intents=intents)
    # Anything else is a new question: the pending one is dropped, not forced.
    turn.set_pending(None)
    return None


async def _start(turn: Turn) -> list[Reply]:
    """/start, or /start <call id> from a deep link shared by staff."""
    parts = turn.text.split(maxsplit=1)
    if len(parts) == 2:
        call = await call_store.get_call(turn.deps.db, parts[1].strip())
        if call:
            turn.focus(call.id)
            return [callinfo.card(turn, call)]
    return [smalltalk.greeting(turn)]
