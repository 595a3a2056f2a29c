"""The documentation's examples stay true: CONTRIBUTING's worked example passes `check`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from builder.config import PROJECT_ROOT, Config
from builder.pipeline import check

FRONT_MATTER_BLOCK = re.compile(r"```(?:markdown|md|yaml)?\n(---\n.*?)```", re.DOTALL)


def test_the_worked_example_in_contributing_passes_check(tmp_path: Path) -> None:
    blocks = FRONT_MATTER_BLOCK.findall((PROJECT_ROOT / "CONTRIBUTING.md").read_text("utf-8"))
    city = next(block for block in blocks if block.startswith("---\nname: Examplecity"))
    article = next(block for block in blocks if "examplecity" in block and "facts:" in block)
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    (content / "cities/examplecity.md").write_text(city, encoding="utf-8")
    (content / "articles/examplecity-2023-03-15.md").write_text(article, encoding="utf-8")
    result = check(Config(content_dir=content))
    assert result.errors == []
    assert result.site is not None and len(result.site.facts_by_city["examplecity"]) == 4
    assert not (PROJECT_ROOT / "content/cities/examplecity.md").exists()
