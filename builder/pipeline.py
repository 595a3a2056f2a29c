"""The one place that knows the order of the stages: load, validate, model, render, write, index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.assemble import assemble
from builder.cache import CacheState, digest_tree, read_parsed, read_state, write_manifest, write_parsed
from builder.config import Config
from builder.downloads import downloads
from builder.errors import BuildFailed, SourceError
from builder.load import RawDoc, load_content
from builder.model import Site
from builder.pages import pages
from builder.parallel import render_all
from builder.progress import Progress
from builder.render import environment
from builder.search import SearchIndexFailed, index_site
from builder.sharing import discovery_files
from builder.validate import validate
from builder.write import Previous, UnsafeOutputPath, copy_tree, create_staging, discard, swap_into_place, write_files

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
    """What a successful build wrote, and how long each stage took."""

    site: Site | None  # None when nothing had changed and nothing was built
    warnings: list[SourceError]
    page_count: int
    file_count: int
    search_summary: str
    timings: dict[str, float]
    unchanged: bool = False


def check(config: Config, timings: Progress | None = None,
          parsed: dict[str, tuple[str, RawDoc]] | None = None) -> CheckResult:
    """Load and validate the content; assemble the model only when nothing is wrong."""
    timings = timings if timings is not None else Progress()
    with timings.stage("load"):
        loaded = load_content(config.content_dir, parsed)
    with timings.stage("validate"):
        problems = loaded.errors + validate(loaded.docs)
    errors = sorted(p for p in problems if p.severity == "error" or config.strict)
    warnings = sorted(p for p in problems if p.severity == "warning" and not config.strict)
    with timings.stage("model"):
        site = assemble(loaded.docs, config.base_url) if not errors else None
    return CheckResult(errors, warnings, site)


def build(config: Config, timings: Progress | None = None, state: CacheState | None = None) -> BuildResult:
    """Check, render every page and download, index, then swap the new site into place.

    With a cache folder, a build whose inputs are all unchanged (and whose output is
    intact) does nothing, unchanged files are parsed from the cache, and output files
    whose bytes did not change are linked from the previous site rather than rewritten.
    """
    timings = timings if timings is not None else Progress()
    out_dir = Path(config.out_dir)
    cache_dir = config.cache_dir
    if state is None:
        with timings.stage("fingerprint"):
            state = read_state(config)
    inputs, manifest, intact = state.inputs, state.manifest, state.intact
    if state.up_to_date:
        return BuildResult(None, manifest.warnings, manifest.pages, len(manifest.outputs), "",
                           dict(timings.seconds), unchanged=True)
    parsed = read_parsed(cache_dir) if cache_dir else None
    checked = check(config, timings, parsed)
    if checked.site is None:
        raise BuildFailed(checked.errors)
    site = checked.site
    with timings.stage("pages"):
        env = environment(config.templates_dir)
        site_pages = pages(site)
    previous = Previous(out_dir.resolve(), manifest.outputs) if intact else None
    staging = create_staging(out_dir)
    try:
        with timings.stage("render and write", total=len(site_pages)):
            written = render_all(env, site_pages, staging, previous, timings.advance)
        with timings.stage("downloads"):
            written |= write_files(staging, downloads(site).items(), previous)
            written |= write_files(staging, discovery_files(site, [page.path for page in site_pages]).items(),
                                   previous)
            written |= copy_tree(config.templates_dir / STATIC_FOLDER, staging, ASSETS_PREFIX, previous)
        with timings.stage("index"):
            summary = index_site(staging) if config.search else ""
            if config.search and cache_dir:
                written |= digest_tree(staging / "pagefind", "pagefind")
        with timings.stage("swap"):
            swap_into_place(staging, out_dir)
    except (SearchIndexFailed, UnsafeOutputPath) as exc:
        discard(staging)
        raise BuildFailed(message=str(exc)) from exc
    except BaseException:
        discard(staging)
        raise
    if cache_dir and parsed is not None:
        with timings.stage("cache"):
            write_manifest(cache_dir, inputs, written, out_dir, warnings=checked.warnings, pages=len(site_pages))
            write_parsed(cache_dir, parsed)
    return BuildResult(site, checked.warnings, len(site_pages), len(written), summary, dict(timings.seconds))
