"""Splitting long replies for channels with a message size limit (Telegram, WhatsApp)."""

from __future__ import annotations

import unicodedata


def split_text(text: str, limit: int = 4096) -> list[str]:
    """Cut `text` into messages of at most `limit` UTF-16 code units (Telegram's measure,
    and stricter than counting characters, so it is safe for WhatsApp too).

    Cuts at a paragraph break, else a line break, else a space, preferring a cut in the
    second half of the message so that parts stay full; words and URLs stay whole. Only a
    single token longer than `limit` is cut inside (never before a combining mark).
    Whitespace at the cuts is dropped; blank text gives no message at all.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2")
    parts: list[str] = []
    rest = text.strip()
    while _utf16_len(rest) > limit:
        cut = _cut_index(rest, _fitting(rest, limit))
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fitting(text: str, limit: int) -> int:
    """How many characters from the start of `text` fit in `limit` UTF-16 units."""
    low, high = 0, min(len(text), limit)  # a character is one or two units
    while low < high:  # binary search: the prefix's length in units grows with it
        middle = (low + high + 1) // 2
        if _utf16_len(text[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


def _cut_index(text: str, n: int) -> int:
    """Where to cut `text`, whose first `n` characters fit (a separator at n also counts)."""
    window = text[: n + 1]
    found = [window.rfind(sep) for sep in ("\n\n", "\n", " ")]
    for index in found:
        if index >= n // 2:
            return index
    for index in found:
        if index > 0:
            return index
    while n > 1 and unicodedata.combining(text[n]):
        n -= 1  # keep a letter and its diacritics together
    return n
