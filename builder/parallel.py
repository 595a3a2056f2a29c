"""Render and write pages on every core: forked workers share the pages already built in memory.

Each page's HTML depends only on its own context, so the output is the same bytes
whatever the number of workers or the order they finish in.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment

from builder.pages import Page
from builder.render import render_page
from builder.write import Previous, write_files

MIN_PAGES_PER_WORKER = 200  # below this, starting a worker costs more than it saves
CHUNKS_PER_WORKER = 20  # small enough shares for the progress bar to move, large enough to cost nothing

# Set by render_all before forking; workers read them instead of receiving pickled copies.
_PAGES: list[Page] = []
_ENV: Environment | None = None
_STAGING: Path | None = None
_PREVIOUS: Previous | None = None


def _render_share(share: tuple[int, int]) -> dict[str, str]:
    """Render pages[start::step] into the staging folder; return the written files' digests."""
    start, step = share
    assert _ENV is not None and _STAGING is not None
    rendered = ((page.path, render_page(_ENV, page)) for page in _PAGES[start::step])
    return write_files(_STAGING, rendered, _PREVIOUS)


def worker_count(pages: int) -> int:
    """One worker per core, but none when the site is too small to gain from them."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, pages // MIN_PAGES_PER_WORKER))


def render_all(env: Environment, pages: list[Page], staging: Path, previous: Previous | None = None,
               advance: Callable[[int], None] = lambda steps: None) -> dict[str, str]:
    """Render and write every page, in parallel where it helps; return the written files' digests.

    `advance` is told how many pages each finished share held, for a progress display.
    """
    global _PAGES, _ENV, _STAGING, _PREVIOUS  # handed to forked workers without pickling
    _PAGES, _ENV, _STAGING, _PREVIOUS = pages, env, staging, previous
    try:
        workers = worker_count(len(pages))
        shares = max(1, workers * CHUNKS_PER_WORKER if workers > 1 else 1)
        written: dict[str, str] = {}
        if workers == 1:
            written = _render_share((0, 1))
            advance(len(pages))
            return written
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for share in pool.imap_unordered(_render_share, [(index, shares) for index in range(shares)]):
                written |= share
                advance(len(share))
        return written
    finally:
        _PAGES, _ENV, _STAGING, _PREVIOUS = [], None, None, None
