#!/usr/bin/env python3
"""Measure the builder against Hugo (and MkDocs, when set up) on the same synthetic cities, in one run.

Usage: .venv/bin/python bench/run.py [--sizes 100 1000 10000] [--runs 3]

For each size N: ../shared/bench/gen_corpus.py writes N cities; Hugo builds them with
../shared/bench/hugo-peer; bench/convert_corpus.py turns the same cities and facts into
this project's content, which the builder builds: cold without search, cold with
Pagefind, again with nothing changed, and again after one fact is edited. Prints a
Markdown table of medians with ratios to Hugo and the builder's time per stage, and
appends one JSON line per size to bench/results/runs.jsonl. Run by hand; needs hugo and
GNU time (apt-get install hugo time). MkDocs is measured when bench/.venv-mkdocs exists
(python3 -m venv bench/.venv-mkdocs && bench/.venv-mkdocs/bin/pip install -r
../shared/bench/mkdocs-peer/requirements.txt).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SHARED_BENCH = PROJECT.parent / "shared" / "bench"
RESULTS = PROJECT / "bench" / "results"
PYTHON = sys.executable
STAGE_LINE = re.compile(r"^\s+(.+?)\s+([0-9.]+) s(?:\s+\(.*\))?$")


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Run a command under GNU time: (wall seconds, peak RSS in MiB, its stdout)."""
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, *command], capture_output=True,
                                text=True, env={**os.environ, **(env or {})}, check=False)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stdout}{result.stderr}")
        return elapsed, int(rss.read().split()[-1]) // 1024, result.stdout


def median_of(runs: int, prepare: callable, command: list[str], env: dict[str, str] | None = None) -> dict:  # type: ignore[valid-type]
    times, peaks, stages = [], [], []
    for _ in range(runs):
        prepare()
        elapsed, peak, out = timed(command, env)
        times.append(elapsed)
        peaks.append(peak)
        stages.append({m.group(1): float(m.group(2)) for m in map(STAGE_LINE.match, out.splitlines()) if m})
    middle = sorted(range(runs), key=lambda i: times[i])[runs // 2]
    return {"median_s": round(statistics.median(times), 3), "peak_mib": max(peaks), "stages": stages[middle]}


def folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6, 1)


def edit_one_fact(content: Path) -> None:
    """Change the first fact of the first article, in its front matter, its quote and its text."""
    article = sorted((content / "articles").glob("*.md"))[0]
    text = article.read_text(encoding="utf-8")
    value = re.search(r"\n    value: (\d+)\n", text)
    assert value, article
    old = int(value.group(1))
    new = old + 1
    text = text.replace(f"value: {old}\n", f"value: {new}\n", 1).replace(f"{old:,}", f"{new:,}")
    article.write_text(text, encoding="utf-8")


def measure(n: int, runs: int, work: Path) -> dict:
    generated, content = work / "generated", work / "content"
    subprocess.run([PYTHON, str(SHARED_BENCH / "gen_corpus.py"), str(n), str(generated)], check=True,
                   capture_output=True)
    subprocess.run([PYTHON, str(PROJECT / "bench" / "convert_corpus.py"), str(generated), str(content)],
                   check=True, capture_output=True)
    row: dict = {"n": n}

    public, hugo_cache = work / "public", work / "hugo-cache"
    hugo = ["hugo", "--quiet", "--source", str(SHARED_BENCH / "hugo-peer"), "--contentDir", str(generated),
            "--destination", str(public), "--cacheDir", str(hugo_cache)]
    row["hugo"] = median_of(runs, lambda: [shutil.rmtree(p, ignore_errors=True) for p in (public, hugo_cache)], hugo)
    row["hugo"]["site_mb"] = folder_mb(public)
    row["hugo_1_thread"] = median_of(
        runs, lambda: [shutil.rmtree(p, ignore_errors=True) for p in (public, hugo_cache)], hugo, {"GOMAXPROCS": "1"})

    mkdocs = PROJECT / "bench" / ".venv-mkdocs" / "bin" / "mkdocs"
    if mkdocs.exists():
        docs, mk_site = work / "docs", work / "mkdocs-site"
        shutil.copytree(generated, docs)
        (docs / "cities" / "_index.md").unlink()
        shutil.copytree(SHARED_BENCH / "mkdocs-peer" / "pages", docs, dirs_exist_ok=True)
        row["mkdocs"] = median_of(
            runs, lambda: shutil.rmtree(mk_site, ignore_errors=True),
            [str(mkdocs), "build", "--quiet", "--config-file", str(SHARED_BENCH / "mkdocs-peer" / "mkdocs.yml"),
             "--site-dir", str(mk_site)], {"BENCH_DOCS_DIR": str(docs)})

    site, cache = work / "site", work / "cache"
    ours = [PYTHON, "-m", "builder", "build", "--content", str(content), "--out", str(site), "--cache-dir", str(cache)]
    cold = lambda: [shutil.rmtree(p, ignore_errors=True) for p in (site, cache)]  # noqa: E731
    row["ours"] = median_of(runs, cold, [*ours, "--no-search"])
    row["ours"]["site_mb"] = folder_mb(site)
    row["ours"]["pages"] = sum(1 for _ in site.rglob("*.html"))
    row["ours_with_search"] = median_of(runs, cold, ours)
    timed([*ours, "--no-search"])  # untimed: the cache now holds a build with the settings measured next
    row["ours_unchanged"] = median_of(runs, lambda: None, [*ours, "--no-search"])
    edits = iter(range(runs))
    row["ours_one_fact"] = median_of(runs, lambda: (next(edits), edit_one_fact(content)), [*ours, "--no-search"])
    return row


def ratio(row: dict, key: str) -> str:
    return f"{row[key]['median_s'] / row['hugo']['median_s']:.2f}×"


def report(rows: list[dict]) -> str:
    lines = ["| N cities | Hugo s | Hugo 1-thread s | MkDocs s | ours s (no search) | ours / Hugo | "
             "ours + Pagefind s | unchanged s | unchanged / Hugo | one fact s | one fact / Hugo | "
             "ours peak MiB | ours pages | ours MB | Hugo MB |",
             "|---" * 15 + "|"]
    for row in rows:
        mk = f"{row['mkdocs']['median_s']:.2f}" if "mkdocs" in row else "n/a"
        lines.append(
            f"| {row['n']:,} | {row['hugo']['median_s']:.2f} | {row['hugo_1_thread']['median_s']:.2f} | {mk} | "
            f"{row['ours']['median_s']:.2f} | {ratio(row, 'ours')} | {row['ours_with_search']['median_s']:.2f} | "
            f"{row['ours_unchanged']['median_s']:.2f} | {ratio(row, 'ours_unchanged')} | "
            f"{row['ours_one_fact']['median_s']:.2f} | {ratio(row, 'ours_one_fact')} | {row['ours']['peak_mib']} | "
            f"{row['ours']['pages']:,} | {row['ours']['site_mb']} | {row['hugo']['site_mb']} |")
    stages = rows[0]["ours"]["stages"]
    lines += ["", "Seconds per stage of the builder's cold build (no search), median run:", "",
              "| N | " + " | ".join(stages) + " |", "|---" * (len(stages) + 1) + "|"]
    for row in rows:
        lines.append(f"| {row['n']:,} | " + " | ".join(f"{v:.2f}" for v in row["ours"]["stages"].values()) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for tool in ("hugo", "/usr/bin/time"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: apt-get install hugo time")
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            row = measure(n, args.runs, Path(work))
        row["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        rows.append(row)
        with (RESULTS / "runs.jsonl").open("a", encoding="utf-8") as log:
            log.write(json.dumps(row) + "\n")
        print(report([row]), flush=True)
    print("\n" + report(rows))


if __name__ == "__main__":
    main()
