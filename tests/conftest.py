"""Shared fixtures: builds of the real content and of fixture sites, a local server, Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from builder.config import PROJECT_ROOT, Config
from builder.pipeline import BuildResult, build
from tests.sitekit import make_site

SUB_PATH = "/city-profiles/"

# In CI the property tests draw the same examples every run, so a landing never depends
# on luck; run locally (or with HYPOTHESIS_PROFILE=thorough) they explore new ones.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The real content/ built once, search index included."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = build(Config(content_dir=PROJECT_ROOT / "content", out_dir=out))
    return out, result


@pytest.fixture
def fixture_content(tmp_path: Path) -> Path:
    """A fresh, valid two-article fixture content tree that a test may edit."""
    return make_site(tmp_path)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    log_lines: list[str] = []  # noqa: RUF012

    def log_message(self, format: str, *args: object) -> None:
        self.log_lines.append(format % args)


@contextlib.contextmanager
def serve(site_dir: Path, web_root: Path) -> Iterator[str]:
    """Serve site_dir on a free loopback port under SUB_PATH, as GitHub Pages serves a project."""
    shutil.copytree(site_dir, web_root / SUB_PATH.strip("/"))
    handler = functools.partial(_QuietHandler, directory=str(web_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(real_build: tuple[Path, BuildResult], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site served on loopback under a sub-path."""
    with serve(real_build[0], tmp_path_factory.mktemp("web")) as url:
        yield url


def chromium_executable() -> str:
    """Debian's Chromium (or CHROMIUM_PATH); its absence fails the run, it is not a skip."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("Chromium is not installed: run `apt-get install -y chromium` or set CHROMIUM_PATH "
                "(python3 dev.py test installs it where it can)", pytrace=False)


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh page; on failure the server's request log is printed to help diagnose."""
    context = browser.new_context()  # type: ignore[attr-defined]
    new_page = context.new_page()
    yield new_page
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        print("\n".join(_QuietHandler.log_lines[-50:]))
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"rep_{report.when}", report)


def fixture_config(content: Path, out: Path, **overrides: object) -> Config:
    return Config(content_dir=content, out_dir=out, **{"search": False, **overrides})  # type: ignore[arg-type]
