"""Incremental builds: the same bytes as a full build, files rewritten only when they change."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest

from builder.config import Config
from builder.pipeline import build
from tests.test_site import tree_digest


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def bump_a_value(content: Path, rng: random.Random) -> None:
    """Change one fact's value, with its quote and the sentence in the text, as a contributor would."""
    article = content / "articles/alpha-2022-07-01.md"
    text = article.read_text("utf-8")
    old = int(re.search(r"there were (\d+) high-tech", text).group(1))  # type: ignore[union-attr]
    new = old + rng.randint(1, 50)
    article.write_text(text.replace(str(old), str(new)), encoding="utf-8")


def add_a_fact(content: Path, rng: random.Random) -> None:
    article = content / "articles/beta-2021-03-02.md"
    year = rng.randint(2015, 2019)
    sentence = f"In {year}, Beta counted {rng.randint(2, 99)} high-tech enterprises."
    value = sentence.split("counted ")[1].split(" ", maxsplit=1)[0]
    text = article.read_text("utf-8").replace(
        "facts:\n", f"facts:\n  - city: beta\n    metric: high_tech_enterprises\n    value: {value}\n"
        f"    year: {year}\n    quote: \"{sentence}\"\n", 1)
    article.write_text(text + f"\n{sentence}\n", encoding="utf-8")


def rename_a_city(content: Path, rng: random.Random) -> None:
    city = content / "cities/gamma.md"
    city.write_text(city.read_text("utf-8").replace("name: Gamma", f"name: Gamma{rng.randint(2, 9)}", 1),
                    encoding="utf-8")


def add_a_city(content: Path, rng: random.Random) -> None:
    slug = f"delta-{rng.randint(100, 999)}"
    (content / f"cities/{slug}.md").write_text(
        f"---\nname: Delta\nname_zh: 德尔塔市\nprovince: Hubei\nprovince_zh: 湖北省\nlevel: county\n---\n{slug}.\n",
        encoding="utf-8")


EDITS = (bump_a_value, add_a_fact, rename_a_city, add_a_city)


@pytest.mark.parametrize("seed", range(4))
def test_an_incremental_build_writes_the_bytes_of_a_full_build(fixture_content: Path, tmp_path: Path,
                                                                seed: int) -> None:
    rng = random.Random(seed)
    incremental, cache = tmp_path / "incremental", tmp_path / "cache"
    build(Config(content_dir=fixture_content, out_dir=incremental, cache_dir=cache, search=False))
    for step in range(3):
        before_digests, before_inodes = tree_digest(incremental), inodes(incremental)
        rng.choice(EDITS)(fixture_content, rng)
        result = build(Config(content_dir=fixture_content, out_dir=incremental, cache_dir=cache, search=False))
        full = tmp_path / f"full-{step}"
        build(Config(content_dir=fixture_content, out_dir=full, search=False))
        after = tree_digest(incremental)
        assert not result.unchanged and after == tree_digest(full)
        now = inodes(incremental)
        rewritten = {path for path in after if before_inodes.get(path) != now[path]}
        changed = {path for path in after if before_digests.get(path) != after[path]}
        assert rewritten == changed, "only the files whose bytes changed are rewritten"


def test_an_unchanged_build_does_nothing_and_a_damaged_site_is_rebuilt(fixture_content: Path,
                                                                        tmp_path: Path) -> None:
    out, cache = tmp_path / "site", tmp_path / "cache"
    config = Config(content_dir=fixture_content, out_dir=out, cache_dir=cache)
    first = build(config)
    digests, before = tree_digest(out), inodes(out)
    again = build(config)
    assert again.unchanged and inodes(out) == before and again.file_count == first.file_count
    (out / "cities/alpha/index.html").write_text("damaged", encoding="utf-8")
    repaired = build(config)
    assert not repaired.unchanged and tree_digest(out) == digests


def test_a_template_change_rebuilds(fixture_content: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    import shutil

    from builder.config import PROJECT_ROOT
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    config = Config(content_dir=fixture_content, out_dir=tmp_path / "site", cache_dir=tmp_path / "cache",
                    templates_dir=templates, search=False)
    build(config)
    footer = templates / "base.html"
    footer.write_text(footer.read_text("utf-8").replace("Download the data", "Download all the data"), "utf-8")
    os.utime(footer, ns=(1, 1))  # a different modification time, as any edit gives
    result = build(config)
    assert not result.unchanged
    assert "Download all the data" in (tmp_path / "site/index.html").read_text("utf-8")
