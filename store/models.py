"""The call model shared by the store, the importer, the handlers and the CLI.

Field names are the public JSON names (`calls show --json`), so `to_json` is a plain
dataclass dump plus the status computed from the clock.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    CONSULTANCY = "consultancy"
    JOB = "job"
    GRANT = "grant"
    TRAINING = "training"
    OTHER = "other"


class Status(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


REGION_IDS: tuple[str, ...] = (
    "national",
    "tanger-tetouan-al-hoceima",
    "oriental",
    "fes-meknes",
    "rabat-sale-kenitra",
    "beni-mellal-khenifra",
    "casablanca-settat",
    "marrakech-safi",
    "draa-tafilalet",
    "souss-massa",
    "guelmim-oued-noun",
    "laayoune-sakia-el-hamra",
    "dakhla-oued-ed-dahab",
)

THEME_IDS: tuple[str, ...] = (
    "citizen-participation",
    "local-governance",
    "human-rights",
    "women-gender",
    "children",
    "youth",
    "disability",
    "migration",
    "environment",
    "economic-development",
    "education-training",
    "health",
    "civil-society-strengthening",
)


@dataclass
class KeyDate:
    date: str  # ISO date (YYYY-MM-DD) or datetime with offset
    label: str


@dataclass
class Submission:
    emails: list[str] = field(default_factory=list)
    subject: str | None = None
    postal_address: str | None = None
    url: str | None = None


@dataclass
class Requirements:
    text: list[str] = field(default_factory=list)
    min_degree_years: int | None = None
    min_years_experience: int | None = None
    languages: list[str] = field(default_factory=list)  # required
    legal_status: list[str] = field(default_factory=list)
    languages_desired: list[str] = field(default_factory=list)  # "un atout", "souhaité"


# Below this confidence a field is shown to staff as uncertain, and users are given the
# line it came from rather than the value as a fact.
CERTAIN = 0.7


@dataclass
class Evidence:
    """Where an extracted field came from: its source line, and how sure the reading is."""

    line: str
    confidence: float

    @property
    def certain(self) -> bool:
        return self.confidence >= CERTAIN


@dataclass
class Call:
    id: str
    title: str
    reference: str | None = None
    kind: Kind = Kind.OTHER
    organization: str | None = None
    partners: list[str] = field(default_factory=list)
    summary: str | None = None
    regions: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    deadline: str | None = None  # ISO 8601 with offset, Africa/Casablanca
    deadline_text: str | None = None
    key_dates: list[KeyDate] = field(default_factory=list)
    duration: str | None = None
    languages_of_work: list[str] = field(default_factory=list)
    submission: Submission = field(default_factory=Submission)
    required_documents: list[str] = field(default_factory=list)
    requirements: Requirements = field(default_factory=Requirements)
    contact: str | None = None
    source_text: str = ""
    # Names users call it by besides title/organisation: acronyms, project names.
    aliases: list[str] = field(default_factory=list)
    # Set by staff with `calls close`: closed whatever the deadline says.
    closed_manually: bool = False
    # Field name ("deadline", "organization", "submission.emails"...) -> its evidence;
    # empty for calls curated by hand or corrected by staff (those are certain).
    evidence: dict[str, Evidence] = field(default_factory=dict)

    def uncertain(self, name: str) -> Evidence | None:
        """The evidence of a field read with low confidence, else None."""
        found = self.evidence.get(name)
        return found if found is not None and not found.certain else None

    def status(self, now: datetime) -> Status:
        """Open/closed from the clock: deadline first, then key dates, else unknown."""
        if self.closed_manually:
            return Status.CLOSED
        if self.deadline:
            return Status.OPEN if now <= datetime.fromisoformat(self.deadline) else Status.CLOSED
        if self.key_dates and all(_key_date_passed(k.date, now) for k in self.key_dates):
            return Status.CLOSED
        return Status.UNKNOWN

    def deadline_at(self) -> datetime | None:
        return datetime.fromisoformat(self.deadline) if self.deadline else None

    def to_json(self, now: datetime) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["status"] = str(self.status(now))
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Call:
        known = {k: v for k, v in data.items() if k in _CALL_FIELDS}
        known["kind"] = Kind(known.get("kind") or "other")
        known["key_dates"] = [KeyDate(**k) for k in known.get("key_dates") or []]
        known["submission"] = Submission(**(known.get("submission") or {}))
        known["requirements"] = Requirements(**(known.get("requirements") or {}))
        known["evidence"] = {k: Evidence(**v) for k, v in (known.get("evidence") or {}).items()}
        return cls(**known)


_CALL_FIELDS = set(Call.__dataclass_fields__)


def _key_date_passed(value: str, now: datetime) -> bool:
    """A key date given as a day has passed once that whole local day is over."""
    if "T" in value:
        return datetime.fromisoformat(value) < now
    return value < now.date().isoformat()
