"""The one place that knows the order of the stages: load, validate, model, render, write, index."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from builder.assemble import assemble
from builder.config import Config
from builder.downloads import downloads
from builder.errors import BuildFailed, SourceError
from builder.load import load_content
from builder.model import Site
from builder.pages import pages
from builder.parallel import render_all
from builder.render import environment
from builder.search import SearchIndexFailed, index_site
from builder.sharing import discovery_files
from builder.validate import validate
from builder.write import UnsafeOutputPath, copy_tree, create_staging, discard, swap_into_place, write_files

STATIC_FOLDER = "static"
ASSETS_PREFIX = "assets"


@dataclass
class Timings:
    """Seconds spent in each stage, in the order they ran."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class CheckResult:
    """The content's problems, and the site model when there are no errors."""

    errors: list[SourceError]
    warnings: list[SourceError]
    site: Site | None


@dataclass(frozen=True)
class BuildResult:
    """What a successful build wrote, and how long each stage took."""

    site: Site
    warnings: list[SourceError]
    page_count: int
    file_count: int
    search_summary: str
    timings: dict[str, float]


def check(config: Config, timings: Timings | None = None) -> CheckResult:
    """Load and validate the content; assemble the model only when nothing is wrong."""
    timings = timings or Timings()
    with timings.stage("load"):
        loaded = load_content(config.content_dir)
    with timings.stage("validate"):
        problems = loaded.errors + validate(loaded.docs)
    errors = sorted(p for p in problems if p.severity == "error" or config.strict)
    warnings = sorted(p for p in problems if p.severity == "warning" and not config.strict)
    with timings.stage("model"):
        site = assemble(loaded.docs, config.base_url) if not errors else None
    return CheckResult(errors, warnings, site)


def build(config: Config) -> BuildResult:
    """Check, render every page and download, index, then swap the new site into place."""
    timings = Timings()
    checked = check(config, timings)
    if checked.site is None:
        raise BuildFailed(checked.errors)
    site = checked.site
    with timings.stage("pages"):
        env = environment(config.templates_dir)
        site_pages = pages(site)
    staging = create_staging(config.out_dir)
    try:
        with timings.stage("render and write"):
            count = render_all(env, site_pages, staging)
        with timings.stage("downloads"):
            count += write_files(staging, downloads(site).items())
            count += write_files(staging, discovery_files(site, [page.path for page in site_pages]).items())
            count += len(copy_tree(config.templates_dir / STATIC_FOLDER, staging, ASSETS_PREFIX))
        with timings.stage("index"):
            summary = index_site(staging) if config.search else ""
        with timings.stage("swap"):
            swap_into_place(staging, Path(config.out_dir))
    except (SearchIndexFailed, UnsafeOutputPath) as exc:
        discard(staging)
        raise BuildFailed(message=str(exc)) from exc
    except BaseException:
        discard(staging)
        raise
    return BuildResult(site, checked.warnings, len(site_pages), count, summary, dict(timings.seconds))
