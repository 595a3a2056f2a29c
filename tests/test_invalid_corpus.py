"""Every case of the bad-input corpus fails the build with exactly its located problems, writing nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.config import Config
from builder.errors import BuildFailed
from builder.pipeline import build
from tests.corpus import Case, cases
from tests.sitekit import BASE_CONTENT
from tests.test_site import tree_digest

CASES = cases()


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("previous") / "site"
    build(Config(content_dir=BASE_CONTENT, out_dir=out, search=False))
    return out


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_bad_input_is_located_and_the_site_is_untouched(case: Case, previous_site: Path, tmp_path: Path) -> None:
    content = case.materialize(tmp_path / "work")
    out = tmp_path / "site"
    shutil.copytree(previous_site, out)
    before = tree_digest(out)
    with pytest.raises(BuildFailed) as failure:
        build(Config(content_dir=content, out_dir=out, strict=case.strict, search=False))
    reported = [f"{p.path}:{p.line}:{p.column}: {p.message}" for p in failure.value.problems]
    assert reported == case.expected
    assert all(problem.hint for problem in failure.value.problems), "every problem says how to fix it"
    assert tree_digest(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "work"]
