"""Turning what pypdf prints back into the text's own lines.

pypdf gives one string per printed line: paragraphs and list items are cut at the page
width, and in a right-to-left line that mixes Arabic with digits, Latin words or e-mails
the runs come out in visual order (left to right), each Arabic run still in logical order
inside ("2025  مارس15 آخر أجل"). Both are undone here, before any field is read.
"""

from __future__ import annotations

import itertools
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
    closing: list[str] = []
    runs: list[str] = []
    for run in _RUNS.findall(line.replace("•", " ")):
        # ".2019": the full stop that ends the line was drawn at its left, before a number.
        match = re.match(r"^\s*([.:;،!؟])\s*(\w.*)$", run)
        if match and not _ARABIC.match(match.group(2)):
            closing.append(match.group(1))
            run = match.group(2)
        runs.append(run.strip())
    return bullet + " ".join(run for run in reversed(runs) if run) + "".join(closing)


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
        starts_block = _BULLET.match(line) or _LABEL.match(line) or line.startswith("# ")
        if carry and line.strip() and not starts_block:
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
        current = joined[-1]
        ended = current.endswith("\n") or current.startswith("# ")
        carry = bool(line.strip()) and len(line) >= _FULL_LINE * long_line and not (
            ended or _SENTENCE_END.search(current)
        )
    return joined


def tidy_page(text: str, layout: LineSizes | None = None) -> str:
    """One page of pypdf text with Arabic lines in reading order, headings (printed larger
    than the body) marked "# ", and paragraphs joined."""
    lines = [logical_line(line) for line in text.split("\n")]
    if layout is None or len(layout.sizes) != len(lines):
        return "\n".join(join_wrapped(lines))
    ends = layout.paragraph_ends()
    lines = [f"{line}\n" if end else line for line, end in zip(lines, ends, strict=True)]
    return "\n".join(join_wrapped(mark_headings(lines, layout.sizes))).replace("\n\n", "\n")


_HEADING_SCALE = 1.2  # printed this much larger than the body text: a heading


def mark_headings(lines: list[str], sizes: list[float]) -> list[str]:
    """Lines printed larger than the body become "# " headings; a heading the margin cut
    over two lines becomes one."""
    weights: dict[float, int] = {}
    for line, size in zip(lines, sizes, strict=True):
        weights[size] = weights.get(size, 0) + len(line)
    body = max(weights, key=lambda size: weights[size]) if weights else 0.0
    marked: list[str] = []
    previous_heading = False
    for line, size in zip(lines, sizes, strict=True):
        heading = body > 0 and size >= _HEADING_SCALE * body and 0 < len(line.strip()) <= 160
        if heading and previous_heading:
            marked[-1] = f"{marked[-1]} {line.strip()}"
        else:
            marked.append(f"# {line.strip()}" if heading else line)
        previous_heading = heading
    return marked


class LineSizes:
    """A pypdf text visitor: the largest font size and the height on the page of each
    printed line (a taller gap than usual between two lines ends a paragraph)."""

    def __init__(self) -> None:
        self.sizes: list[float] = [0.0]
        self.heights: list[float | None] = [None]

    def __call__(self, text: str, cm: list[float], tm: list[float], *rest: object) -> None:
        size = float(rest[1]) if len(rest) > 1 else 0.0  # type: ignore[arg-type]
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        for index, part in enumerate(text.split("\n")):
            if index:
                self.sizes.append(0.0)
                self.heights.append(None)
            if part.strip():
                self.sizes[-1] = max(self.sizes[-1], round(size * scale, 1))
                if self.heights[-1] is None:
                    self.heights[-1] = tm[5] * cm[3] + cm[5]

    def paragraph_ends(self) -> list[bool]:
        """For each line, whether a wider gap than the usual line spacing follows it."""
        known = list(self.heights)
        gaps = [a - b for a, b in itertools.pairwise(known) if a is not None and b is not None]
        usual = sorted(g for g in gaps if g > 0)
        if not usual:
            return [False] * len(known)
        spacing = usual[len(usual) // 2]
        ends = []
        for a, b in zip(known, [*known[1:], None], strict=True):
            ends.append(a is not None and b is not None and (a - b > 1.45 * spacing or b > a))
        return ends
