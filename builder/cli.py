"""Command line: `python -m builder build|check`. Parses arguments, prints, sets the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from builder import schema
from builder.cache import read_state
from builder.config import DEFAULT_CACHE_DIR, PROJECT_ROOT, Config
from builder.errors import BuildFailed, SourceError
from builder.progress import Progress


def _base_url(value: str) -> str:
    problem = schema.web_url(value)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem[0]} ({problem[1]})")
    return value


def _parser() -> argparse.ArgumentParser:
    defaults = Config()
    parser = argparse.ArgumentParser(prog="python -m builder",
                                     description="Build the City Innovation Profiles site from content/.")
    commands = parser.add_subparsers(dest="command", required=True)
    schemas = commands.add_parser("schemas", help="write the JSON Schemas editors use to check content files")
    schemas.add_argument("--out", type=Path, default=PROJECT_ROOT / "schemas", help="folder (default: schemas/)")
    for name, help_text in (("build", "check the content, render the site, index it for search"),
                            ("check", "check the content and report every problem; write nothing")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--content", type=Path, default=defaults.content_dir,
                             help="content folder (default: content/)")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        if name == "build":
            command.add_argument("--out", type=Path, default=defaults.out_dir, help="output folder (default: site/)")
            command.add_argument("--base-url", type=_base_url,
                                 help="absolute URL the site is published at (default: site.yaml)")
            command.add_argument("--no-search", action="store_true", help="skip the Pagefind search index")
            command.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR,
                                 help="where incremental builds keep their cache (default: .cache/); "
                                      "an empty folder means a full build")
    return parser


def _escape(text: str, *, in_property: bool = False) -> str:
    """Escape text for a GitHub Actions workflow command."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def annotation(problem: SourceError) -> str:
    """A workflow command that shows the problem on its line in a pull request's changed files."""
    message = f"{problem.message} ({problem.hint})" if problem.hint else problem.message
    return (f"::{problem.severity} file={_escape(problem.path, in_property=True)},line={problem.line},"
            f"col={problem.column},title={_escape('content check', in_property=True)}::{_escape(message)}")


def _print_problems(problems: list[SourceError]) -> None:
    """Print each problem on stderr; under GitHub Actions also as an annotation on stdout."""
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem, file=sys.stderr)
        if in_actions:
            print(annotation(problem))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; 0 on success, 1 when the content has errors or the build failed."""
    args = _parser().parse_args(argv)
    if args.command == "schemas":
        from builder.editor_schemas import write_schemas  # noqa: PLC0415  # only this command needs it

        for path in write_schemas(args.out):
            print(f"wrote {path}")
        return 0
    config = Config(content_dir=args.content, strict=args.strict)
    # The build stages are imported only when there is work to do: a rebuild with nothing
    # changed answers from the cache without paying for them.
    if args.command == "check":
        from builder.pipeline import check  # noqa: PLC0415  # the stages load only when there is work

        result = check(config)
        _print_problems(result.errors + result.warnings)
        print(f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)", file=sys.stderr)
        return 1 if result.errors else 0
    config = Config(content_dir=args.content, out_dir=args.out, base_url=args.base_url,
                    strict=args.strict, search=not args.no_search, cache_dir=args.cache_dir)
    progress = Progress(sys.stdout, interactive=sys.stdout.isatty() and os.environ.get("CI") != "true")
    with progress.stage("fingerprint"):
        state = read_state(config)
    if state.up_to_date:
        _print_problems(state.manifest.warnings)
        print(f"nothing changed: {config.out_dir} is up to date ({len(state.manifest.outputs)} files)")
        return 0
    from builder.pipeline import build  # noqa: PLC0415  # the stages load only when there is work

    try:
        built = build(config, progress, state)
    except BuildFailed as failure:
        _print_problems(failure.problems)
        print(f"build failed: {failure.message}; {config.out_dir} was left as it was", file=sys.stderr)
        return 1
    _print_problems(built.warnings)
    print(f"built {built.page_count} pages ({built.file_count} files) into {config.out_dir}"
          + (f"; {len(built.warnings)} warning(s)" if built.warnings else ""))
    return 0
