"""The demo catalog: five seed calls curated by hand, loaded by `--demo`."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import datetime
from pathlib import Path

import pytest

from store.models import REGION_IDS, THEME_IDS, Call, Kind

REPO = Path(__file__).resolve().parents[1]
CATALOG = REPO / "store" / "demo" / "calls.json"
SEEDS = REPO.parent / "shared" / "seeds"

SEED_FILES = {
    "alci-guide-participation-2024": "000_9e1f9dd7d02bdd0d.txt",
    "ef-pagof-remacto-2024": "001_d58b274cec0e9dd5.txt",
    "md-pac-souss-massa-2016": "002_9b515f13b0e33dc6.txt",
    "enabel-iot-oujda-2022": "003_99924bbaabe483f9.txt",
    "omp-consultant-gestion-2025": "004_436948dae67f67f2.txt",
}


def _raw() -> list[dict]:
    return json.loads(CATALOG.read_text(encoding="utf-8"))


def _calls() -> list[Call]:
    return [Call.from_json(item) for item in _raw()]


def test_catalog_has_the_five_seed_calls_with_stable_ids() -> None:
    assert [c.id for c in _calls()] == list(SEED_FILES)


def test_every_object_has_exactly_the_call_fields() -> None:
    names = {f.name for f in fields(Call)}
    for item in _raw():
        assert set(item) == names, item["id"]


def test_region_and_theme_ids_are_valid() -> None:
    for call in _calls():
        assert set(call.regions) <= set(REGION_IDS), call.id
        assert set(call.themes) <= set(THEME_IDS), call.id
        assert call.themes, call.id
        assert isinstance(call.kind, Kind)


def test_deadlines_and_key_dates_parse_as_aware_datetimes() -> None:
    for call in _calls():
        if call.deadline is not None:
            assert call.deadline_at().tzinfo is not None, call.id
            assert call.deadline_text, call.id
        for key in call.key_dates:
            datetime.fromisoformat(key.date)
            assert key.label


def test_morocco_offsets_follow_the_date() -> None:
    # Before the 2018 change Morocco was UTC+0 in winter; since then UTC+1 outside Ramadan.
    by_id = {c.id: c for c in _calls()}
    assert by_id["md-pac-souss-massa-2016"].deadline == "2016-11-30T17:00:00+00:00"
    assert by_id["enabel-iot-oujda-2022"].deadline == "2022-07-17T23:59:59+01:00"
    assert by_id["ef-pagof-remacto-2024"].deadline is None


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed files not present")
def test_source_text_is_the_seed_file_verbatim() -> None:
    for call in _calls():
        assert call.source_text == (SEEDS / SEED_FILES[call.id]).read_text(encoding="utf-8")


def test_stated_values_occur_in_the_source_text() -> None:
    # Curated values that are quoted from the text must be found there as written.
    for call in _calls():
        for email in call.submission.emails:
            assert email in call.source_text, (call.id, email)
        for value in (call.reference, call.submission.subject, call.submission.postal_address,
                      call.duration, call.contact):
            if value is not None:
                assert value in call.source_text, (call.id, value)


def test_traps_are_kept_honest() -> None:
    by_id = {c.id: c for c in _calls()}
    assert by_id["ef-pagof-remacto-2024"].submission.emails == []
    assert by_id["omp-consultant-gestion-2025"].regions == []
    assert by_id["alci-guide-participation-2024"].requirements.min_degree_years == 4
    assert by_id["omp-consultant-gestion-2025"].requirements.min_years_experience is None
