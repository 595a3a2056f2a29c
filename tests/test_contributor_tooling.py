"""The pre-commit hook and the pull-request workflow run the content check."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import yaml

from builder.config import PROJECT_ROOT


def test_the_pre_commit_hook_runs_check_and_fails_on_bad_content(fixture_content: Path) -> None:
    config = yaml.safe_load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["files"] == "^content/" and hook["pass_filenames"] is False
    command = shlex.split(hook["entry"])
    assert subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, check=False).returncode == 0
    article = fixture_content / "articles/alpha-2022-07-01.md"
    article.write_text(article.read_text("utf-8").replace("value: 478", "value: lots"), encoding="utf-8")
    broken = subprocess.run([*command, "--content", str(fixture_content)], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, check=False)
    assert broken.returncode == 1 and "facts[0].value: expected a number" in broken.stderr


def test_pull_requests_run_check_then_the_tests() -> None:
    workflow = yaml.safe_load((PROJECT_ROOT / ".github/workflows/ci.yml").read_text("utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    runs = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    check_step = runs.index("python3 dev.py check")
    assert runs.index("python3 dev.py test") > check_step
