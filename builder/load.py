"""Read content files into RawDocs: parsed YAML, Markdown body, and where every key stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from builder.errors import SourceError
from builder.write import digest
from builder.yamlread import KeyPath, Position, YamlProblem, parse_yaml

DocKind = Literal["site", "metrics", "city", "article"]

MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class RawDoc:
    """One content file as read: its data, its body, and the 1-based position of each value."""

    kind: DocKind
    path: str
    slug: str
    data: dict[str, Any]
    body: str = ""
    body_line: int = 1
    value_positions: dict[KeyPath, Position] = field(default_factory=dict)
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)

    def position(self, path: KeyPath) -> Position:
        """Where the value at `path` stands, or its nearest enclosing value that is known."""
        while path:
            if path in self.value_positions:
                return self.value_positions[path]
            path = path[:-1]
        return self.value_positions.get((), (1, 1))

    def key_position(self, path: KeyPath) -> Position:
        """Where the key naming `path` stands (falls back to the value's position)."""
        return self.key_positions.get(path) or self.position(path)

    def error(self, path: KeyPath, message: str, hint: str = "", *, at_key: bool = False) -> SourceError:
        """A SourceError located at the value (or key) at `path`."""
        line, column = self.key_position(path) if at_key else self.position(path)
        return SourceError(self.path, line, column, message, hint)

    def warning(self, path: KeyPath, message: str, hint: str = "") -> SourceError:
        """A SourceError of warning severity located at the value at `path`."""
        line, column = self.position(path)
        return SourceError(self.path, line, column, message, hint, "warning")


@dataclass(frozen=True)
class LoadResult:
    """Every file that could be read, and a located error for every one that could not."""

    docs: list[RawDoc]
    errors: list[SourceError]


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split `---` front matter from the body: (yaml, body, body's first line) or None."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return None


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise YamlProblem(1, 1, f"file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} allowed",
                           "split it, or remove what is not the article")


def _decode(raw: bytes) -> str:
    _check_size(len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(line, column, "file is not valid UTF-8",
                           "save it as UTF-8 in your editor") from exc
    if not text.strip():
        raise YamlProblem(1, 1, "file is empty", "fill it in or delete it")
    return text.removeprefix("\ufeff")


def load_file(path: Path, shown: str, kind: DocKind) -> RawDoc:
    """Read one content file. Raises YamlProblem, which load_content turns into a SourceError."""
    _check_size(path.stat().st_size)  # refuse before reading it all
    return parse_file(path.read_bytes(), path.stem, shown, kind)


def parse_file(raw: bytes, slug: str, shown: str, kind: DocKind) -> RawDoc:
    """Parse one content file's bytes. Raises YamlProblem for anything that cannot be read."""
    text = _decode(raw)
    if kind in ("site", "metrics"):
        data, values, keys = parse_yaml(text)
        return RawDoc(kind, shown, slug, _as_mapping(data), "", 1, values, keys)
    parts = split_front_matter(text)
    if parts is None:
        if text.startswith("---"):
            raise YamlProblem(1, 1, "front matter is not closed",
                               "end the YAML block with a line holding only ---")
        raise YamlProblem(1, 1, "file does not start with front matter",
                           "begin the file with a line holding only ---, then the YAML, then ---")
    front, body, body_line = parts
    data, values, keys = parse_yaml(front, line_offset=1)
    if data is None:
        raise YamlProblem(2, 1, "front matter is empty", "add the required keys between the --- lines")
    return RawDoc(kind, shown, slug, _as_mapping(data), body, body_line, values, keys)


def _as_mapping(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise YamlProblem(1, 1, f"expected a mapping of keys to values, got {type(data).__name__}",
                           "write `key: value` lines")
    return data


def content_files(content_dir: Path) -> list[tuple[Path, DocKind]]:
    """Every content file the builder reads, in a stable order."""
    files: list[tuple[Path, DocKind]] = [
        (content_dir / "site.yaml", "site"),
        (content_dir / "metrics.yaml", "metrics"),
    ]
    files += [(path, "city") for path in sorted((content_dir / "cities").glob("*.md"))]
    files += [(path, "article") for path in sorted((content_dir / "articles").glob("*.md"))]
    return files


def shown_path(path: Path, content_dir: Path) -> str:
    """The path printed in messages: relative to the folder that holds the content folder."""
    try:
        return path.resolve().relative_to(content_dir.resolve().parent).as_posix()
    except ValueError:
        return path.as_posix()


def load_content(content_dir: Path, parsed: dict[str, tuple[str, RawDoc]] | None = None) -> LoadResult:
    """Read every content file; a file that cannot be read becomes a located error.

    `parsed` maps shown paths to (digest of the bytes, RawDoc) from an earlier build; a
    file whose bytes are unchanged is not parsed again. It is updated in place.
    """
    docs: list[RawDoc] = []
    errors: list[SourceError] = []
    seen: set[str] = set()
    for path, kind in content_files(content_dir):
        shown = shown_path(path, content_dir)
        if not path.is_file():
            errors.append(SourceError(shown, 1, 1, "required file is missing",
                                      f"create {path.name}; see docs/content-format.md"))
            continue
        try:
            if parsed is None:
                docs.append(load_file(path, shown, kind))
                continue
            seen.add(shown)
            _check_size(path.stat().st_size)
            raw = path.read_bytes()
            raw_digest = digest(raw)
            cached = parsed.get(shown)
            if cached is None or cached[0] != raw_digest or cached[1].kind != kind:
                parsed[shown] = (raw_digest, parse_file(raw, path.stem, shown, kind))
            docs.append(parsed[shown][1])
        except YamlProblem as problem:
            errors.append(SourceError(shown, problem.line, problem.column, problem.message, problem.hint))
    if parsed is not None:
        for gone in set(parsed) - seen:
            del parsed[gone]
    return LoadResult(docs, errors)
