"""The JSON Schemas in schemas/ are current and agree with `check` on the real content and the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.config import PROJECT_ROOT
from builder.editor_schemas import schema_files
from tests.corpus import Case, cases
from tests.schemakit import SCHEMAS, schema_verdicts

CASES = cases()


def test_the_committed_schemas_are_current() -> None:
    committed = {path.name: path.read_bytes() for path in SCHEMAS.glob("*.schema.json")}
    assert committed == schema_files(), "run `python -m builder schemas` and commit the result"


def test_the_real_content_satisfies_the_schemas() -> None:
    verdicts = schema_verdicts(PROJECT_ROOT / "content")
    assert len(verdicts) >= 14 and all(verdicts.values()), verdicts


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_schema_rejects_only_what_check_rejects(case: Case, tmp_path: Path) -> None:
    verdicts = schema_verdicts(case.materialize(tmp_path))
    rejected = {path for path, ok in verdicts.items() if not ok}
    flagged = {line.split(":")[0] for line in case.expected}
    assert rejected <= flagged
    assert ("rejects" if rejected else "accepts") == case.spec["schema"]


def test_editors_are_pointed_at_the_schemas() -> None:
    for kind in ("site", "metrics"):
        first_line = (PROJECT_ROOT / "content" / f"{kind}.yaml").read_text("utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"
    settings = (PROJECT_ROOT / ".vscode" / "settings.json").read_text("utf-8")
    for kind in ("site", "metrics"):
        assert f'"./schemas/{kind}.schema.json": "content/{kind}.yaml"' in settings
