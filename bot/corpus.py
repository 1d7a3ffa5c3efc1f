"""Scoring the extractor on a labelled corpus: `python -m bot corpus score [DIR]`.

A directory holds documents (`<stem>.md|.txt|.docx|.pdf`) beside their label
(`<stem>.json`, see tests/corpus/README.md). Every document is read and extracted as
`calls import` would, and each labelled field is compared with what came out; the table
gives right/total per field and per format, and the misses say what was expected.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from store.ingest.extract import extract_call
from store.ingest.read import IngestError, read_document
from store.models import Call
from store.text import fold
from store.vocab.places import find_places

DOCUMENT_SUFFIXES = (".md", ".txt", ".docx", ".pdf")
FORMATS = ("txt", "docx", "pdf", "pdf-ar")


@dataclass
class Miss:
    document: str
    field: str
    expected: Any
    got: Any


@dataclass
class Report:
    """right/total per (split, format, field), the misses, and the slowest import."""

    counts: dict[tuple[str, str, str], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    misses: list[tuple[str, Miss]] = field(default_factory=list)  # (split, miss)
    # (split, format) -> [fields the text does not state, of which something came out]
    unstated: dict[tuple[str, str], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    # (split, language of the call, format) -> [right, total] over every field
    by_writing: dict[tuple[str, str, str], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    unreadable: list[str] = field(default_factory=list)
    documents: int = 0
    slowest: tuple[float, str] = (0.0, "")

    def add(self, split: str, fmt: str, name: str, right: bool) -> None:
        cell = self.counts[(split, fmt, name)]
        cell[0] += int(right)
        cell[1] += 1

    def share(self, split: str, fmt: str | None = None) -> tuple[int, int]:
        """(right, total) over every field of a split, for one format or all."""
        cells = [
            v for (s, f, _), v in self.counts.items() if s == split and fmt in (None, f)
        ]
        return sum(c[0] for c in cells), sum(c[1] for c in cells)


# ---------------------------------------------------------------------------------------
# Comparing one field.


def _same_text(expected: str, got: str | None, floor: float = 88.0) -> bool:
    if not got:
        return False
    a, b = fold(expected), fold(got)
    return a == b or fuzz.ratio(a, b) >= floor or (len(a) > 12 and a in b and len(a) > len(b) / 2)


def _title(expected: str, got: str | None) -> bool:
    # A title is right when it is the call's own title, possibly cut or without the
    # decoration a curator added ("(Oujda)"); one generic word of it is not.
    if not got:
        return False
    a, b = fold(expected), fold(got.rstrip("…"))
    if fuzz.ratio(a, b) >= 88:
        return True
    shorter, longer = sorted((a.split(), b.split()), key=len)
    if len(shorter) >= 5:
        return fuzz.token_set_ratio(a, b) >= 80
    # "Intervention Officer Territorial" is the title of "… Territorial – Appui … (Oujda)".
    return len(shorter) >= 3 and f" {' '.join(shorter)} " in f" {' '.join(longer)} "


def _organization(expected: list[str] | str, got: str | None) -> bool:
    options = [expected] if isinstance(expected, str) else expected
    if not got:
        return False
    folded = fold(got)
    return any(_same_text(o, got, 85.0) or fold(o) == folded for o in options) or any(
        len(fold(o)) >= 3 and re.search(rf"\b{re.escape(fold(o))}\b", folded)
        and len(folded) <= 2 * len(fold(o)) + 12
        for o in options
    )


def _documents(expected: list[str], got: list[str]) -> bool:
    if len(expected) != len(got):
        return False
    remaining = [fold(g) for g in got]
    for item in expected:
        folded = fold(item)
        scores = [fuzz.token_set_ratio(folded, g.rstrip(".…")) for g in remaining]
        if not scores or max(scores) < 70:
            return False
        remaining.pop(scores.index(max(scores)))
    return True


def _cities(expected: list[str], got: list[str]) -> bool:
    # Only towns Forsa's vocabulary knows can be found; a douar it does not know is no miss.
    known = {city for name in expected for city in find_places(f"à {name}").cities}
    return known == set(got)


_AMOUNT_WORDS = {
    "un": "1", "une": "1", "one": "1", "deux": "2", "two": "2", "trois": "3", "three": "3",
    "quatre": "4", "four": "4", "cinq": "5", "five": "5", "six": "6", "douze": "12",
}  # fmt: skip
_UNITS = (
    ("day", r"jours?|j\b|days?|يوما|ايام|يوم"), ("week", r"semaines?|weeks?|اسابيع|اسبوع"),
    ("month", r"mois|months?|اشهر|شهر|شهور"), ("year", r"ans?\b|annees?|years?|سنه|سنوات"),
    ("hour", r"heures?|h\b|hours?|ساعات|ساعه"),
)  # fmt: skip
_AMOUNT = re.compile(
    r"(\d+(?:[.,]\d+)?|" + "|".join(_AMOUNT_WORDS) + r")\s*("
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _UNITS) + ")"
)


def _amounts(text: str) -> set[tuple[str, str]]:
    found = set()
    for match in _AMOUNT.finditer(fold(text)):
        unit = next(name for name, _ in _UNITS if match.group(name))
        found.add((_AMOUNT_WORDS.get(match.group(1), match.group(1)), unit))
    return found


def _duration(expected: str, got: str | None) -> bool:
    # "environ 30 jours" and "30 jours, à apprécier selon les phases" say the same length.
    if not got:
        return False
    wanted = _amounts(expected)
    return (bool(wanted) and wanted <= _amounts(got)) or _same_text(expected, got, 80.0)


def _url(expected: str, got: str | None) -> bool:
    def norm(url: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", url.strip().rstrip("/.")).lower()

    return got is not None and norm(expected) == norm(got)


def _optional(compare: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    """Null/empty expected means nothing may come out; else `compare` decides."""

    def check(expected: Any, got: Any) -> bool:
        if expected in (None, [], ""):
            return got in (None, [], "")
        return compare(expected, got)

    return check


def _set(expected: list[str], got: list[str]) -> bool:
    return {fold(x) for x in expected} == {fold(x) for x in got}


def _equal(expected: Any, got: Any) -> bool:
    return expected == got


# label field -> (value of the extracted call, comparison)
FIELDS: dict[str, tuple[Callable[[Call], Any], Callable[[Any, Any], bool]]] = {
    "title": (lambda c: c.title, _optional(_title)),
    "kind": (lambda c: str(c.kind), _equal),
    "organization": (lambda c: c.organization, _optional(_organization)),
    "reference": (lambda c: c.reference, _optional(lambda e, g: _same_text(e, g, 95.0))),
    "deadline": (lambda c: c.deadline, _equal),
    "regions": (lambda c: c.regions, _optional(_set)),
    "cities": (lambda c: c.cities, _cities),
    "submission_emails": (lambda c: c.submission.emails, _optional(_set)),
    "subject": (lambda c: c.submission.subject, _optional(lambda e, g: _same_text(e, g, 92.0))),
    "postal_address": (lambda c: c.submission.postal_address, _optional(_same_text)),
    "application_url": (lambda c: c.submission.url, _optional(_url)),
    "required_documents": (lambda c: c.required_documents, _optional(_documents)),
    "legal_status": (lambda c: c.requirements.legal_status, _optional(_set)),
    "min_degree_years": (lambda c: c.requirements.min_degree_years, _equal),
    "min_years_experience": (lambda c: c.requirements.min_years_experience, _equal),
    "languages_required": (lambda c: c.requirements.languages, _optional(_set)),
    "languages_desired": (lambda c: c.requirements.languages_desired, _optional(_set)),
    "duration": (lambda c: c.duration, _optional(_duration)),
    "languages_of_work": (lambda c: c.languages_of_work, _optional(_set)),
}


def score_call(call: Call, labels: dict[str, Any]) -> dict[str, tuple[bool, Any, Any]]:
    """field -> (right, expected, got) for every labelled field."""
    result: dict[str, tuple[bool, Any, Any]] = {}
    for name, (value_of, compare) in FIELDS.items():
        if name not in labels:
            continue
        expected, got = labels[name], value_of(call)
        result[name] = (bool(compare(expected, got)), expected, got)
    return result


# ---------------------------------------------------------------------------------------
# A directory of documents and labels.


@dataclass(frozen=True)
class Labelled:
    document: Path
    label: dict[str, Any]

    @property
    def split(self) -> str:
        return str(self.label.get("split", "dev"))

    @property
    def format(self) -> str:
        suffix = self.document.suffix.lower()
        if suffix == ".pdf":
            return "pdf-ar" if str(self.label.get("language", "")).startswith("ar") else "pdf"
        return "txt" if suffix in (".md", ".txt") else suffix.lstrip(".")


def find_documents(folder: Path) -> list[Labelled]:
    """Every document that has a label beside it, in name order."""
    found: list[Labelled] = []
    for path in sorted(folder.iterdir()):
        label_path = path.with_suffix(".json")
        if path.suffix.lower() in DOCUMENT_SUFFIXES and label_path.is_file():
            found.append(Labelled(path, json.loads(label_path.read_text(encoding="utf-8"))))
    return found


def score_documents(documents: Iterable[Labelled]) -> Report:
    """Read, extract and compare every document."""
    report = Report()
    for item in documents:
        report.documents += 1
        started = time.perf_counter()
        try:
            call = extract_call(read_document(item.document), source_name=item.document.name)
        except IngestError as exc:
            report.unreadable.append(str(exc))
            continue
        elapsed = time.perf_counter() - started
        report.slowest = max(report.slowest, (elapsed, item.document.name))
        for name, (right, expected, got) in score_call(call, item.label["fields"]).items():
            report.add(item.split, item.format, name, right)
            writing = report.by_writing[(item.split, str(item.label.get("language")), item.format)]
            writing[0] += int(right)
            writing[1] += 1
            if expected in (None, [], "") and name not in ("kind", "cities"):
                cell = report.unstated[(item.split, item.format)]
                cell[0] += 1
                cell[1] += int(not right)
            if not right:
                report.misses.append((item.split, Miss(item.document.name, name, expected, got)))
    return report


def _percent(right: int, total: int) -> str:
    return f"{right}/{total} {100 * right / total:5.1f}%" if total else "—"


def render_table(report: Report, split: str) -> str:
    """Per-field rows, one column per format, for one split."""
    formats = [f for f in FORMATS if report.share(split, f)[1]]
    width = max(len(n) for n in FIELDS) + 2
    lines = [f"{split}:".ljust(width) + "".join(f"{f:>16}" for f in formats)]
    for name in FIELDS:
        cells = [report.counts.get((split, f, name)) for f in formats]
        if not any(cells):
            continue
        lines.append(
            name.ljust(width) + "".join(f"{_percent(*(c or [0, 0])):>16}" for c in cells)
        )
    lines.append("all fields".ljust(width) + "".join(
        f"{_percent(*report.share(split, f)):>16}" for f in formats
    ))  # fmt: skip
    invented = [report.unstated.get((split, f), [0, 0]) for f in formats]
    lines.append("invented (unstated)".ljust(width) + "".join(
        f"{f'{bad}/{total}':>16}" for total, bad in invented
    ))  # fmt: skip
    return "\n".join(lines)


def render_writings(report: Report, split: str) -> str:
    """All fields right, by the language the calls are written in, one column per format."""
    formats = [f for f in FORMATS if report.share(split, f)[1]]
    writings = sorted({w for s, w, _ in report.by_writing if s == split})
    lines = [f"{split} by writing:".ljust(21) + "".join(f"{f:>16}" for f in formats)]
    for writing in writings:
        cells = [report.by_writing.get((split, writing, f)) for f in formats]
        lines.append(writing.ljust(21) + "".join(
            f"{_percent(*(c or [0, 0])):>16}" for c in cells
        ))  # fmt: skip
    return "\n".join(lines)


def render_report(report: Report, show_misses: set[str]) -> str:
    """The tables for each split present, then the misses of the splits asked for."""
    splits = sorted({s for s, _, _ in report.counts}, key=lambda s: (s != "dev", s))
    parts = [f"{report.documents} documents"]
    parts += [render_table(report, split) for split in splits]
    parts += [render_writings(report, split) for split in splits if split != "seeds"]
    if report.unreadable:
        parts.append("unreadable:\n" + "\n".join(f"  {u}" for u in report.unreadable))
    misses = [m for split, m in report.misses if split in show_misses]
    if misses:
        parts.append("misses:\n" + "\n".join(
            f"  {m.document} {m.field}: expected {m.expected!r}, got {m.got!r}" for m in misses
        ))  # fmt: skip
    hidden = sum(1 for split, _ in report.misses if split not in show_misses)
    if hidden:
        parts.append(f"({hidden} misses in {', '.join(sorted(set(splits) - show_misses))}"
                     " not shown: --misses all shows them)")  # fmt: skip
    seconds, name = report.slowest
    parts.append(f"slowest import: {seconds:.2f} s ({name})")
    return "\n\n".join(parts)


# ---------------------------------------------------------------------------------------
# The five seeds, labelled by the curated demo catalog.


def label_from_call(call: Call) -> dict[str, Any]:
    """The label fields of a curated call (the demo catalog is the seeds' label)."""
    return {
        "title": call.title,
        "kind": str(call.kind),
        "organization": call.organization,
        "reference": call.reference,
        "deadline": call.deadline,
        "regions": call.regions,
        "cities": call.cities,
        "submission_emails": call.submission.emails,
        "subject": call.submission.subject,
        "postal_address": call.submission.postal_address,
        "application_url": call.submission.url,
        "required_documents": call.required_documents,
        "legal_status": call.requirements.legal_status,
        "min_degree_years": call.requirements.min_degree_years,
        "min_years_experience": call.requirements.min_years_experience,
        "languages_required": call.requirements.languages,
        "languages_desired": call.requirements.languages_desired,
        "duration": call.duration,
        "languages_of_work": call.languages_of_work,
    }


def seed_documents(seeds_dir: Path, curated: list[Call]) -> list[Labelled]:
    """Each seed text with the label of the curated call made from it."""
    by_text = {call.source_text: call for call in curated}
    found: list[Labelled] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        call = by_text.get(path.read_text(encoding="utf-8"))
        if call is not None:
            label = {"split": "seeds", "language": "fr", "fields": label_from_call(call)}
            found.append(Labelled(path, label))
    return found
