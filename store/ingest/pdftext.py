"""Turning what pypdf prints back into the text's own lines.

pypdf gives one string per printed line: paragraphs and list items are cut at the page
width, and in a right-to-left line that mixes Arabic with digits, Latin words or e-mails
the runs come out in visual order (left to right), each Arabic run still in logical order
inside ("2025  مارس15 آخر أجل"). Both are undone here, before any field is read.
"""

from __future__ import annotations

import re

_ARABIC = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
# A run is Arabic letters (with the spaces and Arabic punctuation between them) or not.
_RUNS = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+(?:[ \u060c\u061b]+"
                   r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+)*|[^\u0600-\u06ff\ufb50-\ufdff"
                   r"\ufe70-\ufeff]+")  # fmt: skip
# Signs of visual order: an Arabic letter glued to a digit or Latin letter ("مارس15"), or
# a line that starts with the punctuation that closed it (".AO/2025" , ":الإلكتروني").
_GLUED = re.compile(r"[\u0600-\u06ff][0-9A-Za-z]|[0-9A-Za-z][\u0600-\u06ff]")
_CLOSING_FIRST = re.compile(r"^\s*[.:;،)!؟]")
_BULLET = re.compile(r"^\s*(?:[•·▪►●○✓\uf0b7\uf0a7*-]|\d{1,2}[.)]\s|[a-z][.)]\s)")
# "Date limite de dépôt : …" starts a line of its own (a label is never a continuation).
_LABEL = re.compile(r"^\s*[^\W\d][^:.;!?]{1,45}?\s?:\s*\S")
_SENTENCE_END = re.compile(r"[.:;!?؟»)]\s*$")
_FULL_LINE = 0.72  # a line this share of the page's long lines is cut by the margin


def logical_line(line: str) -> str:
    """A right-to-left line printed in visual run order, put back in reading order."""
    if not _ARABIC.search(line) or not (_GLUED.search(line) or _CLOSING_FIRST.match(line)):
        return line
    bullet = "• " if "•" in line else ""  # drawn at the right margin, read anywhere
    runs = [run.strip() for run in _RUNS.findall(line.replace("•", " "))]
    return bullet + " ".join(run for run in reversed(runs) if run)


def join_wrapped(lines: list[str]) -> list[str]:
    """Join the lines the page margin cut: a long line that does not end a sentence goes
    on in the next line, unless that one starts a list item."""
    lengths = sorted(len(line) for line in lines if line.strip())
    if not lengths:
        return lines
    long_line = max(lengths[int(0.9 * (len(lengths) - 1))], 30)
    joined: list[str] = []
    carry = False
    for line in lines:
        if carry and line.strip() and not (_BULLET.match(line) or _LABEL.match(line)):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
        current = joined[-1]
        carry = bool(line.strip()) and len(line) >= _FULL_LINE * long_line and not (
            _SENTENCE_END.search(current)
        )
    return joined


def tidy_page(text: str) -> str:
    """One page of pypdf text with Arabic lines in reading order and paragraphs joined."""
    lines = [logical_line(line) for line in text.split("\n")]
    return "\n".join(join_wrapped(lines))
