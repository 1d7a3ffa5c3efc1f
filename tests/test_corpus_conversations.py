"""Tier 1: conversations over calls imported from the development corpus.

Seven "dev" calls of tests/corpus/calls/ are imported as `calls import --publish` does
(read, extract, save published) into a real SQLite file, and the five questions users
ask about one call (deadline, documents, where to send, who may apply, place) are put in
French, Modern Standard Arabic, Darija in Arabic script and Arabizi, naming the call and
as a follow-up after a first question. Replies are checked against the facts of each
call's label (`<stem>.json`) and against inventing what the text does not say. The
clock is set, for each conversation, to an instant when that call is open.

Holdout files are never read: importing refuses any label whose split is not "dev".
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, time
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from handlers.clock import FixedClock, parse_now
from handlers.deps import Deps
from store.calls import save_calls
from store.db import Database
from store.ingest.extract import extract_call
from store.ingest.read import read_document
from store.models import Call
from tests.conftest import Chat

CORPUS = Path(__file__).resolve().parent / "corpus" / "calls"
WRITINGS = ("fr", "msa", "darija", "arabizi")
# Arabic replies name the months the Moroccan way, never these.
MSA_MONTHS = ("يوليو ", "أغسطس", "سبتمبر", "نوفمبر", "ديسمبر", "مايو")


@dataclass(frozen=True)
class CorpusCall:
    stem: str  # tests/corpus/calls/<stem>.md, a "dev" file
    now: str  # Casablanca time when the call is open
    # How a user of each writing names it; None where no Latin name finds an
    # Arabic-script call (the follow-ups then open with the Arabic name, as pasted).
    names: tuple[str | None, str, str, str | None]

    def name(self, writing: str) -> str | None:
        return self.names[WRITINGS.index(writing)]

    def opener_name(self, writing: str) -> str:
        return self.name(writing) or self.names[1]


CALLS = {
    # A job (French): Rabat, deadline 18/04/2024, nothing on how to apply.
    "santesud": CorpusCall(
        "203-sante-sud-chef-projet-3inaya-rabat-2024",
        "2024-04-10T10:00",
        ("Santé Sud", "Santé Sud", "Santé Sud", "sante sud"),
    ),
    # A consultancy (French): three e-mails, CV and cover letter, Chefchaouen.
    "famsi": CorpusCall(
        "207-famsi-adl-indicateurs-adels-chefchaouen-2015",
        "2015-11-20T10:00",
        ("FAMSI", "FAMSI", "FAMSI", "famsi"),
    ),
    # A consultancy (French) whose text gives no deadline and no contact.
    "codespa": CorpusCall(
        "107-codespa-diagnostic-formation-femmes-tetouan-2023",
        "2023-06-01T10:00",
        ("CODESPA", "CODESPA", "CODESPA", "codespa"),
    ),
    # A call to cultural associations (Arabic): five documents, Rehamna.
    "rhamna": CorpusCall(
        "300-rhamna-conseil-provincial-associations-culturelles-2019",
        "2019-03-15T10:00",
        (None, "المجلس الإقليمي للرحامنة", "مجلس الرحامنة", None),
    ),
    # Grants to associations by the commune of Salé (Arabic).
    "sale": CorpusCall(
        "301-sale-commune-soutien-projets-associations-2022",
        "2022-10-10T10:00",
        (None, "جماعة سلا", "جماعة سلا", None),
    ),
    # Cooperatives of Chtouka Aït Baha (Arabic); the deadline falls in Ramadan (UTC+0).
    "chtouka": CorpusCall(
        "303-chtouka-ait-baha-indh-chaines-production-2026",
        "2026-02-20T10:00",
        (None, "عمالة إقليم اشتوكة آيت باها", "اشتوكة", None),
    ),
    # Bilingual call to associations of Moroccans abroad, "jusqu'au 11 novembre
    # prochain": a day without its year.
    "mre": CorpusCall(
        "306-mre-appel-projets-associations-jeunes-2020-bilingue",
        "2020-10-01T10:00",
        ("MRE", "مغاربة العالم", "مغاربة العالم", "MRE"),
    ),
}


@cache
def _imported() -> dict[str, Call]:
    """The chosen dev calls, read and extracted once, as `calls import` does."""
    calls = {}
    for key, call in CALLS.items():
        path = CORPUS / f"{call.stem}.md"
        label = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert label["split"] == "dev", f"{path.name} is not a dev file"
        calls[key] = extract_call(read_document(path), source_name=path.name)
    return calls


Say = Callable[[str], str]


@pytest.fixture(scope="module")
def store(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[asyncio.Runner, Chat, FixedClock]]:
    """One event loop and one SQLite file for the module (fast), the calls published
    once; each test talks as its own user, so no conversation state is shared."""
    with asyncio.Runner() as runner:
        clock = FixedClock(parse_now("2015-01-01T10:00"))
        db = runner.run(Database.open(tmp_path_factory.mktemp("corpus") / "forsa.db"))
        calls = list(_imported().values())
        runner.run(save_calls(db, calls, published=True, now=clock.now()))
        yield runner, Chat(Deps(db=db, clock=clock)), clock
        runner.run(db.close())


@pytest.fixture
def talk(
    store: tuple[asyncio.Runner, Chat, FixedClock], request: pytest.FixtureRequest
) -> Callable[[str], Say]:
    """`talk(key)` sets the clock to when that call is open and gives `say(text)`: the
    joined replies to one message of this test's user."""
    runner, chat, clock = store

    def start(key: str) -> Say:
        clock.set(parse_now(CALLS[key].now))
        return lambda text: runner.run(chat.text(text, user=request.node.nodeid))

    return start


def lang(writing: str) -> str:
    return "fr" if writing == "fr" else "ar"


def check(
    text: str, key: str, writing: str, want: tuple[str, ...], never: tuple[str, ...] = ()
) -> None:
    """The reply is about that call, holds every fact and none of the wrong ones."""
    title = _imported()[key].title[:30]
    assert text.startswith(title), f"not an answer about {key}: {text!r}"
    for fact in want:
        assert fact in text, f"{fact!r} missing from {text!r}"
    for wrong in never:
        assert wrong not in text, f"{wrong!r} in {text!r}"
    if lang(writing) == "ar":
        assert not any(month in text for month in MSA_MONTHS), text


def named(
    facts: dict[str, dict[str, tuple[str, ...]]], leave_out: tuple[tuple[str, str], ...] = ()
) -> list[object]:
    """(call, writing) cases where the user names the call."""
    return [
        pytest.param(key, writing, id=f"{key}-{writing}")
        for key in facts
        for writing in WRITINGS
        if CALLS[key].name(writing) and (key, writing) not in leave_out
    ]


def follow_ups(facts: dict[str, dict[str, tuple[str, ...]]]) -> list[object]:
    """(call, writing) cases asked after a first question about the call."""
    return [
        pytest.param(key, writing, id=f"{key}-{writing}") for key in facts for writing in WRITINGS
    ]


# --- the questions, per writing --------------------------------------------------------

DEADLINE_Q = {
    "fr": "quelle est la date limite pour {n} ?",
    "msa": "ما هو آخر أجل للترشح لـ {n}؟",
    "darija": "فوقاش آخر أجل ديال {n}؟",
    "arabizi": "fo9ach akhir ajal dyal {n}?",
}
DEADLINE_FOLLOW = {
    "fr": "et la date limite ?",
    "msa": "وما هو آخر أجل؟",
    "darija": "فوقاش آخر أجل؟",
    "arabizi": "fo9ach akhir ajal?",
}
DOCUMENTS_Q = {
    "fr": "quels documents faut-il envoyer pour {n} ?",
    "msa": "ما هي الأوراق المطلوبة للترشح لـ {n}؟",
    "darija": "شنو خاصني نصيفط ل {n}؟",
    "arabizi": "chno homa lwata2i9 dyal {n}?",
}
DOCUMENTS_FOLLOW = {
    "fr": "quelles pièces faut-il fournir ?",
    "msa": "ما هي الأوراق المطلوبة؟",
    "darija": "شنو خاصني نصيفط؟",
    "arabizi": "chno khasni nsift?",
}
SUBMISSION_Q = {
    "fr": "où envoyer ma candidature pour {n} ?",
    "msa": "كيف أترشح لـ {n}؟",
    "darija": "فين نصيفط الملف ديال {n}؟",
    "arabizi": "fin nsifet dossier dyal {n}?",
}
SUBMISSION_FOLLOW = {
    "fr": "comment postuler ?",
    "msa": "ما هو عنوان الإرسال؟",
    "darija": "فين نصيفط الدوسي؟",
    "arabizi": "fin nsifet dossier?",
}
ELIGIBILITY_Q = {
    "fr": "est-ce que je peux postuler à {n} ?",
    "msa": "هل يمكنني الترشح لـ {n}؟",
    "darija": "واش نقدر نترشح ل {n}؟",
    "arabizi": "wach n9der ntqdem l {n}?",
}
ELIGIBILITY_FOLLOW = {
    "fr": "je peux postuler ?",
    "msa": "هل يمكنني الترشح؟",
    "darija": "واش نقدر نترشح؟",
    "arabizi": "wach n9der ntqdem?",
}
YES = {"fr": "oui", "msa": "نعم", "darija": "واه", "arabizi": "iyeh"}
PLACE_Q = {
    "fr": "{n}, c'est où ?",
    "msa": "أين يقع مشروع {n}؟",
    "darija": "فين كاينة {n}؟",
    "arabizi": "fin kayn {n}?",
}
PLACE_FOLLOW = {
    "fr": "c'est où ?",
    "msa": "أين مكان العمل؟",
    "darija": "فين غادي تكون الخدمة؟",
    "arabizi": "fin kayn?",
}


def ask_named(say: Say, questions: dict[str, str], key: str, writing: str) -> str:
    return say(questions[writing].format(n=CALLS[key].name(writing)))


def ask_after(
    say: Say, first: dict[str, str], then: dict[str, str], key: str, writing: str
) -> str:
    say(first[writing].format(n=CALLS[key].opener_name(writing)))
    return say(then[writing])


# --- facts from the labels, per call and reply language ---------------------------------

DEADLINE = {
    "santesud": {
        "fr": ("18 avril 2024", "8 jours restants"),
        "ar": ("18 أبريل 2024", "باقي 8 أيام"),
    },
    "famsi": {
        "fr": ("29 novembre 2015 à 15h00", "9 jours restants"),
        "ar": ("29 نونبر 2015 على الساعة 15:00", "باقي 9 أيام"),
    },
    "rhamna": {
        "fr": ("20 mars 2019 à 16h30", "5 jours restants"),
        "ar": ("20 مارس 2019 على الساعة 16:30", "باقي 5 أيام"),
    },
    "sale": {
        "fr": ("17 octobre 2022 à 16h00", "7 jours restants"),
        "ar": ("17 أكتوبر 2022 على الساعة 16:00", "باقي 7 أيام"),
    },
    "chtouka": {
        "fr": ("10 mars 2026 à 16h30", "18 jours restants"),
        "ar": ("10 مارس 2026 على الساعة 16:30", "باقي 18 يوما"),
    },
}
# No deadline in the text, and no contact to ask: said so, nothing made up.
NO_DEADLINE = {
    "codespa": {
        "fr": ("n'indique pas de date limite", "ne donne pas non plus de contact"),
        "ar": ("لا يذكر آخر أجل", "لا يذكر النص أي جهة اتصال"),
    },
}
# "jusqu'au 11 novembre prochain": the text's words are quoted, no year is added.
YEARLESS = {
    "mre": {
        "fr": ("je ne suis pas sûr de la date limite", "jusqu'au 11 novembre prochain"),
        "ar": ("لست متأكدا من آخر أجل", "jusqu'au 11 novembre prochain"),
    },
}
DOCUMENTS = {
    "famsi": {
        "fr": ("pièces à fournir", "CV détaillé", "Lettre de motivation"),
        "ar": ("الوثائق المطلوبة", "CV détaillé", "Lettre de motivation"),
    },
    "rhamna": {
        "fr": ("pièces à fournir", "القانون الأساسي للجمعية", "محضر آخر جمع عام"),
        "ar": ("الوثائق المطلوبة", "القانون الأساسي للجمعية", "محضر آخر جمع عام"),
    },
    "santesud": {
        "fr": ("le texte ne liste pas les pièces à fournir",),
        "ar": ("النص لا يذكر الوثائق المطلوبة",),
    },
    "sale": {
        "fr": ("le texte ne liste pas les pièces à fournir",),
        "ar": ("النص لا يذكر الوثائق المطلوبة",),
    },
}
FAMSI_MAILS = (
    "adlchef@gmail.com",
    "manuel@andaluciasolidaria.org",
    "lucia.moreno.ext@andaluciasolidaria.org",
)
NOT_SAID = {
    "fr": ("le texte n'indique ni adresse ni moyen de candidature",),
    "ar": ("النص لا يذكر عنوانا ولا طريقة للترشح",),
}
SUBMISSION = {
    "famsi": {
        "fr": ("Par e-mail à", *FAMSI_MAILS, "29 novembre 2015 à 15h00"),
        "ar": ("عبر البريد الإلكتروني", *FAMSI_MAILS, "29 نونبر 2015"),
    },
    "santesud": NOT_SAID,
    "codespa": NOT_SAID,
    "sale": NOT_SAID,
    "chtouka": NOT_SAID,
}
# Who may apply: the status the text requires is asked about, then the verdict.
STATUS = {
    "rhamna": {"fr": ("association",), "ar": ("جمعية",)},
    "sale": {"fr": ("association",), "ar": ("جمعية",)},
    "mre": {"fr": ("association",), "ar": ("جمعية",)},
    "chtouka": {"fr": ("coopérative",), "ar": ("تعاونية",)},
}
NO_CRITERIA = {
    "santesud": {
        "fr": ("le texte ne donne pas de critère chiffré",),
        "ar": ("النص لا يعطي شروطا مرقمة",),
    },
    "famsi": {
        "fr": ("le texte ne donne pas de critère chiffré",),
        "ar": ("النص لا يعطي شروطا مرقمة",),
    },
}
PLACE = {
    "santesud": {"fr": ("lieu : Rabat",), "ar": ("المكان: Rabat",)},
    "famsi": {"fr": ("lieu :", "Chefchaouen"), "ar": ("المكان:", "Chefchaouen")},
    "codespa": {"fr": ("lieu : Tétouan",), "ar": ("المكان: Tétouan",)},
    "rhamna": {
        "fr": ("lieu : Rehamna", "Marrakech-Safi"),
        "ar": ("المكان: Rehamna", "مراكش آسفي"),
    },
    "sale": {"fr": ("lieu : Salé",), "ar": ("المكان: Salé",)},
    "chtouka": {"fr": ("lieu : Chtouka Aït Baha",), "ar": ("المكان: Chtouka Aït Baha",)},
}


FR_MONTHS = " janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


@cache
def _label(key: str) -> dict[str, Any]:
    path = CORPUS / f"{CALLS[key].stem}.json"
    fields: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["fields"]
    return fields


def test_the_facts_asserted_are_the_labels() -> None:
    """The facts above come from the labels, and each clock is before the deadline."""
    for key, facts in DEADLINE.items():
        deadline = datetime.fromisoformat(str(_label(key)["deadline"]))
        assert parse_now(CALLS[key].now) < deadline, key
        day = f"{deadline.day} {FR_MONTHS.split(' ')[deadline.month]} {deadline.year}"
        assert facts["fr"][0].startswith(day), key
        if deadline.time() != time(23, 59, 59):
            assert f"{deadline.hour}h{deadline.minute:02d}" in facts["fr"][0], key
    assert _label("codespa")["deadline"] is None
    assert str(_label("mre")["deadline"]).startswith("2020-11-11")
    assert list(FAMSI_MAILS) == _label("famsi")["submission_emails"]
    for key in ("famsi", "rhamna"):
        documents = [str(d).casefold() for d in _label(key)["required_documents"]]
        for fact in DOCUMENTS[key]["ar"][1:]:
            assert fact.casefold() in documents, (key, fact)
    for key, facts in DOCUMENTS.items():
        assert bool(_label(key)["required_documents"]) == (len(facts["fr"]) > 1), key
    for key, facts in SUBMISSION.items():
        if facts is NOT_SAID:
            assert not _label(key)["submission_emails"] and not _label(key)["postal_address"]
            assert not _label(key)["application_url"], key
    statuses = {"association": "association", "coopérative": "cooperative"}
    for key, facts in STATUS.items():
        assert statuses[facts["fr"][0]] in _label(key)["legal_status"], key
    for key in ("santesud", "famsi", "codespa"):
        assert PLACE[key]["fr"][-1].removeprefix("lieu : ") in _label(key)["cities"], key
    assert "marrakech-safi" in _label("rhamna")["regions"]


# --- deadline ---------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "writing"), named(DEADLINE))
def test_deadline_naming_the_call(talk: Callable[[str], Say], key: str, writing: str) -> None:
    text = ask_named(talk(key), DEADLINE_Q, key, writing)
    check(text, key, writing, DEADLINE[key][lang(writing)])


@pytest.mark.parametrize(("key", "writing"), follow_ups(DEADLINE))
def test_deadline_as_a_follow_up(talk: Callable[[str], Say], key: str, writing: str) -> None:
    text = ask_after(talk(key), PLACE_Q, DEADLINE_FOLLOW, key, writing)
    check(text, key, writing, DEADLINE[key][lang(writing)])


@pytest.mark.parametrize(("key", "writing"), named(NO_DEADLINE))
def test_no_stated_deadline_invents_none(
    talk: Callable[[str], Say], key: str, writing: str
) -> None:
    say = talk(key)
    want = NO_DEADLINE[key][lang(writing)]
    check(ask_named(say, DEADLINE_Q, key, writing), key, writing, want, ("2023", "@", "jours"))
    check(say(DEADLINE_FOLLOW[writing]), key, writing, want, ("2023", "@", "jours"))


@pytest.mark.parametrize(("key", "writing"), named(YEARLESS))
def test_a_day_without_its_year_is_quoted(
    talk: Callable[[str], Say], key: str, writing: str
) -> None:
    say = talk(key)
    never = ("11 novembre 2020", "11 نونبر")
    check(
        ask_named(say, DEADLINE_Q, key, writing), key, writing, YEARLESS[key][lang(writing)], never
    )
    check(say(DEADLINE_FOLLOW[writing]), key, writing, YEARLESS[key][lang(writing)], never)


# --- documents --------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "writing"), named(DOCUMENTS))
def test_documents_naming_the_call(talk: Callable[[str], Say], key: str, writing: str) -> None:
    text = ask_named(talk(key), DOCUMENTS_Q, key, writing)
    check(text, key, writing, DOCUMENTS[key][lang(writing)])


@pytest.mark.parametrize(("key", "writing"), follow_ups(DOCUMENTS))
def test_documents_as_a_follow_up(talk: Callable[[str], Say], key: str, writing: str) -> None:
    text = ask_after(talk(key), DEADLINE_Q, DOCUMENTS_FOLLOW, key, writing)
    check(text, key, writing, DOCUMENTS[key][lang(writing)])


# --- where and how to send --------------------------------------------------------------


def _no_mail(key: str) -> tuple[str, ...]:
    return () if _imported()[key].submission.emails else ("@",)


# Left out: "فين نصيفط الملف ديال اشتوكة؟" is taken as naming several calls.
@pytest.mark.parametrize(("key", "writing"), named(SUBMISSION, leave_out=(("chtouka", "darija"),)))
def test_where_to_send_naming_the_call(talk: Callable[[str], Say], key: str, writing: str) -> None:
    text = ask_named(talk(key), SUBMISSION_Q, key, writing)
    check(text, key, writing, SUBMISSION[key][lang(writing)], _no_mail(key))


@pytest.mark.parametrize(("key", "writing"), follow_ups(SUBMISSION))
def test_where_to_send_as_a_follow_up(talk: Callable[[str], Say], key: str, writing: str) -> None:
    text = ask_after(talk(key), DEADLINE_Q, SUBMISSION_FOLLOW, key, writing)
    check(text, key, writing, SUBMISSION[key][lang(writing)], _no_mail(key))


# --- who may apply ----------------------------------------------------------------------


@pytest.mark.parametrize(("key", "writing"), named(STATUS))
def test_required_status_then_verdict(talk: Callable[[str], Say], key: str, writing: str) -> None:
    say = talk(key)
    status = STATUS[key][lang(writing)]
    question = ask_named(say, ELIGIBILITY_Q, key, writing)
    assert all(word in question for word in status), question
    verdict = say(YES[writing])
    check(verdict, key, writing, status, ("ne correspond pas", "لا يستوفي"))


@pytest.mark.parametrize(("key", "writing"), follow_ups(STATUS))
def test_required_status_as_a_follow_up(
    talk: Callable[[str], Say], key: str, writing: str
) -> None:
    question = ask_after(talk(key), DEADLINE_Q, ELIGIBILITY_FOLLOW, key, writing)
    assert all(word in question for word in STATUS[key][lang(writing)]), question


@pytest.mark.parametrize(("key", "writing"), named(NO_CRITERIA))
def test_no_stated_criteria_invents_none(
    talk: Callable[[str], Say], key: str, writing: str
) -> None:
    say = talk(key)
    want = NO_CRITERIA[key][lang(writing)]
    check(ask_named(say, ELIGIBILITY_Q, key, writing), key, writing, want)
    check(say(ELIGIBILITY_FOLLOW[writing]), key, writing, want)


# --- place ------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "writing"), named(PLACE))
def test_place_naming_the_call(talk: Callable[[str], Say], key: str, writing: str) -> None:
    text = ask_named(talk(key), PLACE_Q, key, writing)
    check(text, key, writing, PLACE[key][lang(writing)])


@pytest.mark.parametrize(("key", "writing"), follow_ups(PLACE))
def test_place_as_a_follow_up(talk: Callable[[str], Say], key: str, writing: str) -> None:
    text = ask_after(talk(key), DEADLINE_Q, PLACE_FOLLOW, key, writing)
    check(text, key, writing, PLACE[key][lang(writing)])


# ---------------------------------------------------------------------------------------
# Who may apply, asked as people ask it, after a listing that shows one call.

WHO_MAY_APPLY = [
    ("fr", "qui peut postuler ?", "Peuvent candidater"),
    ("ar", "من يحق له الترشح؟", "يمكن أن يترشح"),
    ("darija", "شكون لي يقدر يترشح؟", "يمكن أن يترشح"),
    ("arabizi", "chkoun li y9der ytqdem?", "يمكن أن يترشح"),
]


@pytest.mark.parametrize(("writing", "question", "intro"), WHO_MAY_APPLY)
def test_who_may_apply_after_a_listing_of_one_call(
    talk: Callable[[str], Say], writing: str, question: str, intro: str
) -> None:
    say = talk("rhamna")
    listing = say("appels à Rehamna" if writing == "fr" else "عروض مشاريع الجمعيات في الرحامنة")
    assert "(1)" in listing and "Rehamna" in listing
    text = say(question)
    assert intro in text, text
    names = ("association", "coopérative") if writing == "fr" else ("جمعية", "تعاونية")
    assert any(name in text for name in names), text
