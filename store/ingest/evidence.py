"""What a finder found, where, and how sure it is.

Every extracted field keeps the source line it came from and a confidence: a value read
from a label ("Date limite : …") or a strong cue is sure; one inferred from position or
from an e-mail domain, or a date whose day/month order the text does not settle, is not.
Staff see uncertain fields marked; users get the line quoted instead of a value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from store.ingest.layout import Line
from store.models import Evidence
from store.text import fold

T = TypeVar("T")

# How sure each way of finding a value is (below store.models.CERTAIN is "uncertain").
LABELLED = 0.95  # "Date limite : …", "Organisation : …", a table cell beside its label
STATED = 0.9  # a cue phrase: "au plus tard le …", "X recrute", "à envoyer à …"
POSITION = 0.75  # the header block, a title line, the signature
GUESSED = 0.5  # an e-mail domain, a weak "avant …", an ambiguous day/month order
FALLBACK = 0.2  # nothing in the text: the file name


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value, the line it was read from, and how sure the reading is."""

    value: T
    line: str
    confidence: float

    def evidence(self) -> Evidence:
        return Evidence(line=" ".join(self.line.split())[:300], confidence=self.confidence)


def line_of(lines: list[Line], needle: str, default: str = "") -> str:
    """The first line that contains `needle` (folded), else `default`."""
    key = " ".join(fold(needle).split())
    if not key:
        return default
    for line in lines:
        if key in " ".join(fold(line.text).split()):
            return line.text
    head = key[:40]
    for line in lines:
        if head in " ".join(fold(line.text).split()):
            return line.text
    return default or needle
