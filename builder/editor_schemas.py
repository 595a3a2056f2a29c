"""JSON Schemas of the content files, made from the same field definitions `check` uses.

Editors with a YAML language server use them to validate and complete fields as a
contributor types. They cover each file's shape (keys, types, formats); references
between files, quotes and values are for `check` alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builder import schema

SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_NO_HTML = {"not": {"pattern": r"<\s*/?\s*[a-zA-Z]"}}
_FORMATS: dict[Any, dict[str, Any]] = {
    schema.text: {"type": "string", "minLength": 1, "pattern": r"\S", **_NO_HTML},
    schema.label_text: {"type": "string"},
    schema.number: {"type": "number"},
    schema.boolean: {"type": "boolean"},
    schema.year: {"type": "integer", "minimum": schema.MIN_YEAR, "maximum": schema.MAX_YEAR},
    schema.partial_date: {"anyOf": [
        {"type": "integer", "minimum": schema.MIN_YEAR, "maximum": schema.MAX_YEAR},
        {"type": "string", "pattern": schema.PARTIAL_DATE.pattern}]},
    schema.full_date: {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    schema.slug: {"type": "string", "pattern": schema.SLUG.pattern},
    schema.identifier: {"type": "string", "pattern": schema.IDENTIFIER.pattern},
    schema.web_url: {"type": "string", "pattern": r"^[hH][tT][tT][pP][sS]?://[^/\s]+\S*$"},
    schema.mapping: {"type": "object"},
}
_NESTED = {"themes": schema.THEME, "units": schema.UNIT, "metrics": schema.METRIC, "facts": schema.FACT,
           "coordinates": schema.COORDINATES}
_FACTORS = {"type": "object", "additionalProperties": {"type": ["number", "string"]}}
KINDS = {"site": schema.SITE, "metrics": schema.METRICS_FILE, "city": schema.CITY, "article": schema.ARTICLE}
TITLES = {"site": "content/site.yaml", "metrics": "content/metrics.yaml",
          "city": "front matter of content/cities/<slug>.md", "article": "front matter of content/articles/<slug>.md"}


def _value_schema(field: schema.Field) -> dict[str, Any]:
    if field.name == "from":
        return _FACTORS
    if field.name in _NESTED:
        nested = _object(_NESTED[field.name])
        if field.name == "facts":
            nested["oneOf"] = [{"required": ["year"]}, {"required": ["date"]}]  # exactly one of them
        return {"type": "array", "items": nested} if hasattr(field.check, "item") else nested
    item = getattr(field.check, "item", None)
    if item is not None:
        return {"type": "array", "items": _check_schema(item)}
    return _check_schema(field.check)


def _check_schema(check: schema.Check) -> dict[str, Any]:
    choices = getattr(check, "choices", None)
    return {"enum": list(choices)} if choices is not None else dict(_FORMATS[check])


def _object(fields: tuple[schema.Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.name: _value_schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of content file."""
    return {"$schema": SCHEMA_DRAFT, "title": TITLES[kind],
            "description": "See docs/content-format.md. Made by `python -m builder schemas`; do not edit.",
            **_object(KINDS[kind])}


def schema_files() -> dict[str, bytes]:
    """File name -> bytes of every schema, as committed in schemas/."""
    return {f"{kind}.schema.json": (json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n").encode()
            for kind in KINDS}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in schema_files().items():
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written
