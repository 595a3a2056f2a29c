"""The command line: exit codes, messages on stderr, and `check` never writing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from builder.config import PROJECT_ROOT


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"} | (env or {})
    return subprocess.run([sys.executable, "-m", "builder", *args], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, check=False, env=environment)


def test_check_passes_on_the_real_content() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "0 error(s)" in result.stderr


def test_check_reports_every_error_and_exits_non_zero(fixture_content: Path) -> None:
    article = fixture_content / "articles/alpha-2022-07-01.md"
    article.write_text(article.read_text("utf-8").replace("value: 478", "value: lots")
                       .replace("year: 2021", "year: 21", 1), encoding="utf-8")
    result = run("check", "--content", str(fixture_content))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("content/articles/alpha-2022-07-01.md:12:12: facts[0].value: expected a number")
    assert lines[1].startswith("content/articles/alpha-2022-07-01.md:13:11: facts[0].year: expected a year")
    assert lines[-1] == "2 error(s), 1 warning(s)"  # gamma has no facts
    assert not (fixture_content.parent / "site").exists()


def test_strict_turns_warnings_into_errors(fixture_content: Path) -> None:
    (fixture_content / "cities/gamma.md").unlink()
    (fixture_content / "cities/delta.md").write_text(
        "---\nname: Delta\nname_zh: 德尔塔市\nprovince: Hunan\nprovince_zh: 湖南省\nlevel: county\n---\n", "utf-8")
    assert run("check", "--content", str(fixture_content)).returncode == 0
    strict = run("check", "--strict", "--content", str(fixture_content))
    assert strict.returncode == 1 and "no fact is about delta" in strict.stderr


def test_build_writes_the_site_and_a_failed_build_says_the_output_was_kept(fixture_content: Path,
                                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    ok = run("build", "--content", str(fixture_content), "--out", str(out), "--no-search")
    assert ok.returncode == 0 and (out / "index.html").is_file()
    (fixture_content / "site.yaml").write_text("title: [unclosed\n", "utf-8")
    failed = run("build", "--content", str(fixture_content), "--out", str(out), "--no-search")
    assert failed.returncode == 1
    assert failed.stderr.startswith("content/site.yaml:2:1: YAML syntax error")
    assert "was left as it was" in failed.stderr and (out / "index.html").is_file()


def test_a_base_url_that_is_not_a_web_address_is_refused(tmp_path: Path) -> None:
    result = run("build", "--out", str(tmp_path / "out"), "--base-url", "javascript:alert(1)")
    assert result.returncode == 2 and "expected an absolute URL" in result.stderr
    assert not (tmp_path / "out").exists()


def test_under_github_actions_problems_become_annotations(fixture_content: Path) -> None:
    article = fixture_content / "articles/alpha-2022-07-01.md"
    article.write_text(article.read_text("utf-8").replace("value: 478", "value: 1,000"), encoding="utf-8")
    result = run("check", "--content", str(fixture_content), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/articles/alpha-2022-07-01.md,line=12,col=12,title=content check::"
        "facts[0].value: expected a number, got '1,000' (write it without thousands separators: 1000)",
        "::warning file=content/cities/gamma.md,line=1,col=1,title=content check::"
        "no fact is about gamma (add facts about it from an article, or remove the city)",
    ]
    assert run("check", "--content", str(fixture_content)).stdout == ""
