"""Validate content files against the JSON Schemas in schemas/, as an editor's YAML language server would."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema

from builder.config import PROJECT_ROOT
from builder.load import content_files, load_file, shown_path

SCHEMAS = PROJECT_ROOT / "schemas"


def _as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_verdicts(content: Path) -> dict[str, bool]:
    """Shown path -> whether the file's schema accepts it (a file YAML cannot read is rejected)."""
    validators = {kind: jsonschema.Draft202012Validator(json.loads((SCHEMAS / f"{kind}.schema.json").read_text()))
                  for kind in ("site", "metrics", "city", "article")}
    verdicts = {}
    for path, kind in content_files(content):
        shown = shown_path(path, content)
        if not path.is_file():
            continue
        try:
            data = load_file(path, shown, kind).data
        except Exception:  # the loader's own located error; the schema cannot apply
            verdicts[shown] = False
            continue
        verdicts[shown] = validators[kind].is_valid(_as_json(data))
    return verdicts
