"""The core never imports a channel library: handlers/ and store/ return data only."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

FORBIDDEN = ("telegram", "twilio", "bot")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_no_channel() -> None:
    offenders = []
    for folder in ("handlers", "store"):
        for path in (REPO / folder).rglob("*.py"):
            bad = _imports(path) & set(FORBIDDEN)
            if bad:
                offenders.append(f"{path.relative_to(REPO)}: {sorted(bad)}")
    assert offenders == []


def test_sql_lives_only_in_store() -> None:
    offenders = []
    for folder in ("handlers", "bot"):
        for path in (REPO / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if any(word in text for word in ("SELECT ", "INSERT INTO", "UPDATE calls")):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_only_config_reads_the_environment() -> None:
    offenders = []
    for folder in ("handlers", "store", "bot"):
        for path in (REPO / folder).rglob("*.py"):
            if path.name != "config.py" and "os.environ" in path.read_text(encoding="utf-8"):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_message_catalogs_have_the_same_keys() -> None:
    from handlers.texts import ar, fr

    assert set(fr.MESSAGES) == set(ar.MESSAGES)
