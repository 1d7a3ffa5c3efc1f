"""Greetings, thanks, help, language changes and off-topic: short, polite, useful."""

from __future__ import annotations

from handlers.conversation import Turn
from handlers.messages import Button, Reply


def menu_buttons(turn: Turn) -> list[Button]:
    open_label = "العروض المفتوحة" if turn.lang == "ar" else "Appels ouverts"
    help_label = "مساعدة" if turn.lang == "ar" else "Aide"
    other = Button("Français", "lang:fr") if turn.lang == "ar" else Button("العربية", "lang:ar")
    return [Button(open_label, "list:open"), Button(help_label, "menu:help"), other]


def greeting(turn: Turn) -> Reply:
    return Reply(turn.t("greeting"), menu_buttons(turn))


def help_reply(turn: Turn) -> Reply:
    return Reply(turn.t("help"), menu_buttons(turn))


def thanks(turn: Turn) -> Reply:
    return Reply(turn.t("thanks"))


def goodbye(turn: Turn) -> Reply:
    return Reply(turn.t("goodbye"))


def off_topic(turn: Turn) -> Reply:
    return Reply(turn.t("off_topic"), menu_buttons(turn))


def empty(turn: Turn) -> Reply:
    return Reply(turn.t("empty"), menu_buttons(turn))


def choose_language(turn: Turn) -> Reply:
    return Reply(
        turn.t("lang_choose"), [Button("Français", "lang:fr"), Button("العربية", "lang:ar")]
    )


def set_language(turn: Turn, lang: str) -> Reply:
    """Switch and remember: an explicit choice wins over detection until changed again."""
    turn.lang = lang
    turn.state["lang_fixed"] = lang
    return Reply(turn.t("lang_set"), menu_buttons(turn))
