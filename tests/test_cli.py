"""The command line, run as a user would: `python -m bot ...` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO_NOW, REPO, SEEDS

CALL_FIELDS = {
    "id",
    "reference",
    "kind",
    "title",
    "organization",
    "partners",
    "summary",
    "regions",
    "cities",
    "themes",
    "deadline",
    "deadline_text",
    "key_dates",
    "duration",
    "languages_of_work",
    "submission",
    "required_documents",
    "requirements",
    "contact",
    "source_text",
    "status",
    "evidence",
}


def run(*args: str, stdin: str = "", db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORSA_")}
    argv = [sys.executable, "-m", "bot", *args]
    if db is not None:
        argv += ["--db", str(db), "--now", DEMO_NOW]
    return subprocess.run(
        argv, input=stdin, capture_output=True, text=True, cwd=REPO, env=env, timeout=60
    )


def test_jsonl_one_line_per_input_in_order(tmp_path: Path) -> None:
    lines = [
        {"user": "a", "text": "offres ouvertes"},
        {"user": "b", "text": "Enabel"},
        {"user": "a", "text": "ALCI"},
        {"user": "b", "text": "et la date limite ?"},
        {"user": 7, "button": "lang:ar"},
        "this is not json",
        {"user": "a", "text": "et la date limite ?"},
        {"nobody": 1},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    result = run("chat", "--demo", "--jsonl", stdin=stdin, db=tmp_path / "f.db")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    assert [o["user"] for o in out] == ["a", "b", "a", "b", "7", None, "a", None]
    assert "ALCI" in out[0]["replies"][0]["text"]
    assert "17 juillet 2022" in out[3]["replies"][0]["text"]  # b's call: Enabel
    assert "6 janvier 2024" in out[6]["replies"][0]["text"]  # a's call: ALCI
    assert out[5]["error"] and out[7]["error"]
    assert set(out[1]["replies"][0]) == {"text", "buttons"}
    assert set(out[1]["replies"][0]["buttons"][0]) == {"label", "payload"}


def test_jsonl_lang_option(tmp_path: Path) -> None:
    stdin = json.dumps({"user": "x", "text": "Enabel"}) + "\n"
    result = run("chat", "--demo", "--jsonl", "--lang", "ar", stdin=stdin, db=tmp_path / "f.db")
    assert "مغلق" in json.loads(result.stdout)["replies"][0]["text"]


def test_show_and_list_json_field_names(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    listed = run("calls", "list", "--demo", "--json", db=db)
    calls = json.loads(listed.stdout)
    assert len(calls) == 5 and all(set(c) >= CALL_FIELDS for c in calls)
    statuses = {c["id"]: c["status"] for c in calls}
    assert statuses == {
        "alci-guide-participation-2024": "open",
        "ef-pagof-remacto-2024": "unknown",
        "md-pac-souss-massa-2016": "closed",
        "enabel-iot-oujda-2022": "closed",
        "omp-consultant-gestion-2025": "open",
    }
    shown = json.loads(run("calls", "show", "enabel-iot-oujda-2022", "--json", db=db).stdout)
    assert set(shown) >= CALL_FIELDS
    assert shown["submission"]["subject"] == "07/2022/IOT /MAR20000211"
    assert set(shown["requirements"]) == {
        "text",
        "min_degree_years",
        "min_years_experience",
        "languages",
        "languages_desired",
        "legal_status",
    }


def test_import_draft_then_publish_then_close(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    seed = str(SEEDS / "004_436948dae67f67f2.txt")
    imported = run("calls", "import", seed, "--json", db=db)
    assert imported.returncode == 0, imported.stderr
    call = json.loads(imported.stdout)
    assert call["deadline"] == "2025-01-21T23:59:59+01:00" and call["status"] == "open"
    assert run("calls", "list", "--json", db=db).stdout.strip() == "[]"  # a draft
    assert len(json.loads(run("calls", "list", "--drafts", "--json", db=db).stdout)) == 1
    assert run("calls", "publish", call["id"], db=db).returncode == 0
    assert len(json.loads(run("calls", "list", "--json", db=db).stdout)) == 1
    assert run("calls", "close", call["id"], db=db).returncode == 0
    shown = json.loads(run("calls", "show", call["id"], "--json", db=db).stdout)
    assert shown["status"] == "closed"


def test_imported_call_answers_in_chat(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    seed = str(SEEDS / "003_99924bbaabe483f9.txt")
    assert run("calls", "import", seed, "--publish", db=db).returncode == 0
    stdin = json.dumps({"user": "u", "text": "Quelle adresse mail pour Enabel ?"}) + "\n"
    out = json.loads(run("chat", "--jsonl", stdin=stdin, db=db).stdout)
    assert "recrutement.mor@enabel.be" in out["replies"][0]["text"]


def _bad_files(folder: Path) -> list[Path]:
    files = {
        "empty.txt": b"",
        "corrupt.pdf": b"%PDF-1.4\n this is not really a pdf",
        "binary.txt": bytes(range(256)) * 4,
        "table.xlsx": b"PK\x03\x04 not a call",
        "broken.docx": b"not a zip at all",
    }
    paths = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


@pytest.mark.parametrize("index", range(5))
def test_unreadable_files_are_refused_and_nothing_is_touched(tmp_path: Path, index: int) -> None:
    db = tmp_path / "f.db"
    before = run("calls", "list", "--demo", "--json", db=db).stdout
    bad = _bad_files(tmp_path)[index]
    good = str(SEEDS / "000_9e1f9dd7d02bdd0d.txt")
    result = run("calls", "import", good, str(bad), "--publish", db=db)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and bad.name in errors[0]
    assert run("calls", "list", "--json", db=db).stdout == before


def test_missing_file_and_bad_now(tmp_path: Path) -> None:
    result = run("calls", "import", str(tmp_path / "nope.pdf"), db=tmp_path / "f.db")
    assert result.returncode != 0 and "nope.pdf" in result.stderr
    bad_now = run("calls", "list", "--now", "yesterday")
    assert bad_now.returncode == 2 and "--now" in bad_now.stderr


def test_run_without_credentials_offers_the_console(tmp_path: Path) -> None:
    result = run("run", db=tmp_path / "f.db")
    assert "chat --demo" in result.stderr


def test_demo_console_starts_on_a_clock_where_demo_calls_are_open(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORSA_")}
    argv = [sys.executable, "-m", "bot", "chat", "--demo", "--db", str(tmp_path / "d.db")]
    done = subprocess.run(
        argv, input="offres ouvertes\n", capture_output=True, text=True, cwd=REPO, env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Horloge de démonstration : 03/01/2024 10:00" in done.stdout
    assert "Aucun appel ouvert" not in done.stdout
    assert "ALCI" in done.stdout and "3 jours" in done.stdout


def test_the_console_tells_the_configured_reminder_days(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORSA_")}
    env["FORSA_REMINDER_DAYS"] = "3"
    argv = [sys.executable, "-m", "bot", "chat", "--demo", "--jsonl"]
    argv += ["--db", str(tmp_path / "f.db"), "--now", "2024-01-03T10:00"]  # ALCI is open
    lines = [
        {"user": "u", "text": "ALCI"},
        {"user": "u", "button": "follow:alci-guide-participation-2024"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    done = subprocess.run(
        argv, input=stdin, capture_output=True, text=True, cwd=REPO, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "3 jours" in done.stdout and "7 jours" not in done.stdout
