"""The one place that knows the order of the stages: load, validate, model, render, write, index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.assemble import assemble
from builder.config import Config
from builder.downloads import downloads
from builder.errors import BuildFailed, SourceError
from builder.load import load_content
from builder.model import Site
from builder.pages import pages
from builder.render import environment, render_page
from builder.search import SearchIndexFailed, index_site
from builder.sharing import discovery_files
from builder.validate import validate
from builder.write import UnsafeOutputPath, copy_tree, create_staging, discard, swap_into_place, write_files

STATIC_FOLDER = "static"
ASSETS_PREFIX = "assets"


@dataclass(frozen=True)
class CheckResult:
    """The content's problems, and the site model when there are no errors."""

    errors: list[SourceError]
    warnings: list[SourceError]
    site: Site | None


@dataclass(frozen=True)
class BuildResult:
    """What a successful build wrote."""

    site: Site
    warnings: list[SourceError]
    page_count: int
    file_count: int
    search_summary: str


def check(config: Config) -> CheckResult:
    """Load and validate the content; assemble the model only when nothing is wrong."""
    loaded = load_content(config.content_dir)
    problems = loaded.errors + validate(loaded.docs)
    errors = sorted(p for p in problems if p.severity == "error" or config.strict)
    warnings = sorted(p for p in problems if p.severity == "warning" and not config.strict)
    site = assemble(loaded.docs, config.base_url) if not errors else None
    return CheckResult(errors, warnings, site)


def build(config: Config) -> BuildResult:
    """Check, render every page and download, index, then swap the new site into place."""
    checked = check(config)
    if checked.site is None:
        raise BuildFailed(checked.errors)
    site = checked.site
    env = environment(config.templates_dir)
    site_pages = pages(site)
    staging = create_staging(config.out_dir)
    try:
        count = write_files(staging, ((page.path, render_page(env, page)) for page in site_pages))
        count += write_files(staging, downloads(site).items())
        count += write_files(staging, discovery_files(site, [page.path for page in site_pages]).items())
        count += len(copy_tree(config.templates_dir / STATIC_FOLDER, staging, ASSETS_PREFIX))
        summary = index_site(staging) if config.search else ""
        swap_into_place(staging, Path(config.out_dir))
    except (SearchIndexFailed, UnsafeOutputPath) as exc:
        discard(staging)
        raise BuildFailed(message=str(exc)) from exc
    except BaseException:
        discard(staging)
        raise
    return BuildResult(site, checked.warnings, len(site_pages), count, summary)
