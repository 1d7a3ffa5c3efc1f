"""Settings: the only place that reads the environment (and `.env`, if present)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values

DEFAULT_DB = "data/forsa.db"


@dataclass(frozen=True)
class Settings:
    db_path: str = DEFAULT_DB
    log_level: str = "INFO"
    max_text_chars: int = 2000

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, env_file: str | None = ".env") -> Settings:
        """From `env` (default: the process environment), with `.env` filling the gaps."""
        values: dict[str, str | None] = {}
        if env_file and Path(env_file).is_file():
            values.update(dotenv_values(env_file))
        values.update(os.environ if env is None else env)
        return cls(
            db_path=values.get("FORSA_DB") or DEFAULT_DB,
            log_level=(values.get("FORSA_LOG_LEVEL") or "INFO").upper(),
            max_text_chars=int(values.get("FORSA_MAX_TEXT_CHARS") or 2000),
        )
