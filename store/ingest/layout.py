"""The layout of a call text: cleaned lines, headings, bullets, sections and sentences.

Calls arrive as converted PDFs and Word files: markdown stars, stray HTML tags, page headers
repeated on every page. Field extraction works on this cleaned view; the stored
`source_text` stays the original.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from store.text import fold

_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>\n]{0,40}>")
_MD_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((?:mailto:)?[^)\s]{1,300}\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_BULLET = re.compile(r"^\s*(?:[-–—•·▪►●○✓*]|\d{1,2}[.)](?!\d)|[a-z][.)]\s)\s*")
_NUMBERED_HEADING = re.compile(r"^\s*(?:[IVX]{1,5}|\d{1,2}|[A-H])\s*[.)\-–—:]\s*\S")
# Pictographs of social-media posts ("📍 Adresse :", "📅 Date limite :") hide the label that
# follows; check marks stay, they are bullets.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u2712\u2715-\u27BF\u2B00-\u2BFF\u2300-\u23FF"
                    "\uFE0F\u200D]+[ ]?")  # fmt: skip
_ARABIC_START = re.compile(r"[\u0600-\u06ff]")
# A page header/footer repeated this many times is layout noise, not content.
_REPEATED = 3


@dataclass(frozen=True)
class Line:
    """One non-empty cleaned line; `heading` and `bullet` describe its role."""

    text: str
    heading: bool
    bullet: bool
    marked: bool = False  # written as a heading ("# …", a Word heading style)

    @property
    def folded(self) -> str:
        """Folded text; tabs between table cells survive (labels sit in the first cell)."""
        return "\t".join(fold(cell) for cell in self.text.split("\t"))

    @property
    def content(self) -> str:
        """The text without its bullet mark or heading number."""
        return strip_marker(self.text)


def clean_text(text: str) -> str:
    """Drop markdown/HTML markup but keep line structure and every word."""
    text = _AUTOLINK.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _EMOJI.sub("", text)
    lines = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = _table_row(raw)
        line = _MD_HEADING.sub("", line)
        line = re.sub(r"^(\s*)\*\s", r"\1- ", line)  # "* item" is a bullet, keep it one
        line = line.replace("*", "").replace("\u00a0", " ")
        lines.append(line.rstrip())
    return "\n".join(lines)


_MARKED_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_PIPE_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
_PIPE_RULE = re.compile(r"^[\s|:\-–—]+$")


def _table_row(line: str) -> str:
    """A markdown table row "| Date limite | 15 mars |" becomes tab-separated cells, as
    Word tables read; its "|---|---|" rule becomes an empty line."""
    match = _PIPE_ROW.match(line)
    if not match:
        return line
    if _PIPE_RULE.match(line):
        return ""
    cells = [cell.strip() for cell in match.group("cells").split("|")]
    return "\t".join(cell for cell in cells if cell)


def split_lines(text: str) -> list[Line]:
    """Cleaned, non-empty lines with roles; repeated page headers kept only once."""
    raw_lines = [_squeeze(line) for line in clean_text(text).split("\n")]
    counts = Counter(line for line in raw_lines if line and len(line) <= 80)
    seen: set[str] = set()
    lines: list[Line] = []
    for raw, original in zip(raw_lines, text.split("\n"), strict=False):
        if not raw.strip():
            continue
        if counts[raw] >= _REPEATED and raw in seen:
            continue
        seen.add(raw)
        marked = bool(_MARKED_HEADING.match(original))
        lines.append(Line(raw, _is_heading(raw, original), bool(_BULLET.match(raw)), marked))
    return lines


def _squeeze(line: str) -> str:
    # Tabs separate table cells (converted Word/PDF tables): keep them, squeeze the rest.
    line = re.sub(r"[^\S\t]+", " ", line).strip(" ")
    return re.sub(r" ?\t[\s]*", "\t", line)


def strip_marker(text: str) -> str:
    """Remove a leading bullet or heading number ("· ", "- ", "III. ", "7. ")."""
    text = _BULLET.sub("", text, count=1)
    text = re.sub(r"^(?:[IVX]{1,5}|\d{1,2})\s*[.)\-–—:]\s+", "", text)
    return text.strip()


def _is_heading(line: str, original: str) -> bool:
    if len(line) > 90:
        return False
    if _MD_HEADING.match(original):
        return True
    if _NUMBERED_HEADING.match(line) and (line.endswith(":") or len(line) <= 60):
        # "2. Dossier de candidature" is a heading; "1. une lettre de demande ;" an item.
        after = strip_marker(line)
        if line.endswith((";", ",", ".")) or (after[:1].islower() and not line.endswith(":")):
            return False
        return ":" not in line.rstrip(":") or line.endswith(":")
    if _BULLET.match(line):
        return False
    # A short line with no sentence end: "Contexte", "Votre profil", "Nous vous offrons".
    starts_like_title = line[:1].isupper() or _ARABIC_START.match(line) is not None
    return len(line) <= 60 and not line.endswith((".", ";", ",")) and starts_like_title


def section_after(lines: list[Line], start: int, stop: re.Pattern[str]) -> list[Line]:
    """Lines after the heading at `start`, up to the next heading matching `stop`."""
    body: list[Line] = []
    for line in lines[start + 1 :]:
        if line.heading and stop.search(line.folded):
            break
        body.append(line)
    return body


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (periods followed by space and a capital)."""
    parts = re.split(r"(?<=[.!?؟])\s+(?=[A-ZÀ-Ý\u0600-\u06ff«\"])", text.strip())
    return [p.strip() for p in parts if p.strip()]


def shorten(text: str, limit: int = 160) -> str:
    """Cut at a word boundary, marking the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–")
    return cut + "…"
