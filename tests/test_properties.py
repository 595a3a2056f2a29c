"""Random text, bytes and YAML never crash `check`: every failure is a located problem with a hint."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.config import Config
from builder.pipeline import check
from tests.sitekit import BASE_CONTENT

ARTICLE = "articles/alpha-2022-07-01.md"
# HYPOTHESIS_PROFILE=thorough runs many more examples, for a maintainer hunting bugs by hand.
settings.register_profile("thorough", max_examples=3000)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
PROPERTY_SETTINGS = settings(max_examples=settings().max_examples if os.environ.get("HYPOTHESIS_PROFILE") else 120,
                             deadline=None, suppress_health_check=[HealthCheck.too_slow])

yaml_scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
                | st.dates(min_value=dt.date(1, 1, 1)))
yaml_values = st.recursive(yaml_scalars, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=10), children, max_size=4), max_leaves=12)


@contextmanager
def content_with(relative: str, data: bytes) -> Iterator[Path]:
    """A copy of the fixture content with one file replaced by the given bytes."""
    root = Path(tempfile.mkdtemp())
    try:
        content = root / "content"
        shutil.copytree(BASE_CONTENT, content)
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        yield content
    finally:
        shutil.rmtree(root)


def assert_located(content: Path, relative: str, data: bytes) -> None:
    result = check(Config(content_dir=content))
    lines = data.count(b"\n") + 2
    for problem in result.errors + result.warnings:
        assert problem.path.startswith("content/") and problem.message and problem.hint, problem
        assert problem.line >= 1 and problem.column >= 1, problem
        if problem.path == f"content/{relative}":
            assert problem.line <= lines, problem


@PROPERTY_SETTINGS
@given(st.text(max_size=400), st.sampled_from(["cities/delta.md", ARTICLE, "site.yaml", "metrics.yaml"]))
def test_random_text_in_any_file(text: str, relative: str) -> None:
    data = text.encode("utf-8")
    with content_with(relative, data) as content:
        assert_located(content, relative, data)


@PROPERTY_SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_as_front_matter(raw: bytes) -> None:
    data = b"---\n" + raw + b"\n---\nBody.\n"
    with content_with("cities/delta.md", data) as content:
        assert_located(content, "cities/delta.md", data)


@PROPERTY_SETTINGS
@given(yaml_values)
def test_random_yaml_as_front_matter(value: Any) -> None:
    data = ("---\n" + yaml.safe_dump(value, allow_unicode=True) + "---\nBody text.\n").encode("utf-8")
    with content_with(ARTICLE, data) as content:
        assert_located(content, ARTICLE, data)


@PROPERTY_SETTINGS
@given(st.sampled_from(["city", "metric", "value", "unit", "year", "date", "qualifier", "scope", "quote", "note"]),
       yaml_values)
def test_random_values_in_a_valid_fact(key: str, value: Any) -> None:
    text = (BASE_CONTENT / ARTICLE).read_text("utf-8")
    front, body = text.split("---\n")[1], text.split("---\n", 2)[2]
    data = yaml.safe_load(front)
    data["facts"][0][key] = value
    encoded = ("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body).encode("utf-8")
    with content_with(ARTICLE, encoded) as content:
        assert_located(content, ARTICLE, encoded)
