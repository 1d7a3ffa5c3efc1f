"""Message catalogs: `t(lang, key, **values)` is the only way handlers produce words."""

from __future__ import annotations

from handlers.texts import ar, fr

CATALOGS: dict[str, dict[str, str]] = {"fr": fr.MESSAGES, "ar": ar.MESSAGES}


def t(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang` (French if unknown), filled with `values`."""
    template = CATALOGS.get(lang, fr.MESSAGES)[key]
    return template.format(**values) if values else template
