"""Read content files into RawDocs: parsed YAML, Markdown body, and where every key stands."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from builder.errors import SourceError

DocKind = Literal["site", "metrics", "city", "article"]
KeyPath = tuple[str | int, ...]
Position = tuple[int, int]

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


class _ContentLoader(yaml.SafeLoader):
    """PyYAML's safe loader, reading floats as exact Decimals: the reference, used to locate errors."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same safe loader on libyaml's C parser: the common path, about ten times faster."""


def _construct_decimal(loader: yaml.SafeLoader, node: ScalarNode) -> Decimal | float:
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return float(loader.construct_yaml_float(node))  # .inf and .nan


for _loader in (_ContentLoader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


@dataclass
class _Walker:
    """Turns a composed YAML node tree into Python values, recording each value's position."""

    loader: yaml.SafeLoader
    line_offset: int
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)

    def position(self, node: Node) -> Position:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def walk(self, node: Node, path: KeyPath) -> Any:
        if id(node) in self.seen:
            line, column = self.position(node)
            raise _YamlProblem(line, column, "YAML aliases (*name) are not supported",
                               "write the value out in full")
        self.seen.add(id(node))
        self.values[path] = self.position(node)
        if not isinstance(node, ScalarNode) and node.tag not in _COLLECTION_TAGS:
            line, column = self.position(node)
            raise _YamlProblem(line, column, f"unsupported YAML tag {_short_tag(node.tag)}",
                               "use plain text, numbers, lists and mappings; YAML tags are not allowed")
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.walk(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, ScalarNode) else None
            line, column = self.position(key_node)
            if not isinstance(key, str):
                raise _YamlProblem(line, column, f"a key must be text, got {key!r}",
                                   "write keys as plain words such as `name:`")
            if key in result:
                first_line, _first_column = self.keys[(*path, key)]
                raise _YamlProblem(line, column, f"duplicate key '{key}'",
                                   f"it is already set at line {first_line}; keep one")
            self.keys[(*path, key)] = (line, column)
            result[key] = self.walk(value_node, (*path, key))
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        line, column = self.position(node)
        surprise = _surprising_number(node)
        if surprise:
            raise _YamlProblem(line, column, surprise[0], surprise[1])
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            raise _YamlProblem(line, column, f"unsupported YAML tag {_short_tag(node.tag)}",
                               "use plain text, numbers, lists and mappings; YAML tags are not allowed") from exc
        except (ValueError, OverflowError) as exc:
            raise _YamlProblem(line, column, f"'{node.value}' is not a valid date or number: {exc}",
                               "write dates as YYYY-MM-DD with a real month and day") from exc


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


_INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"


_SURPRISES = (
    (re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"), "YAML reads {text} as {value} (base 60)",
     "put it in quotes if it is text, or write the number"),
    (re.compile(r"^[-+]?0[xob]", re.IGNORECASE), "YAML reads {text} as {value}", "write the number in decimal digits"),
    (re.compile(r"^[-+]?0[0-9_]+$"), "YAML reads {text} as {value} (octal)", "write {digits} without the leading zero"),
    (re.compile(r"_"), "YAML reads {text} as {value}", "write {plain} without underscores"),
)


def _surprising_number(node: ScalarNode) -> tuple[str, str] | None:
    """Plain scalars that YAML 1.1 turns into a different number than a reader sees."""
    if node.style not in (None, "") or node.tag not in (_INT_TAG, _FLOAT_TAG):  # libyaml says "" for plain
        return None
    text = node.value
    for pattern, message, hint in _SURPRISES:
        if pattern.search(text):
            value = f"the number {yaml.safe_load(text)}"
            return (message.format(text=text, value=value),
                    hint.format(digits=text.lstrip("+-0"), plain=text.replace("_", "")))
    return None


Parsed = tuple[Any, dict[KeyPath, Position], dict[KeyPath, Position]]


def parse_yaml(text: str, line_offset: int = 0) -> Parsed:
    """Parse one YAML document safely; return its data with value and key positions.

    Raises _YamlProblem with a 1-based position for syntax errors, duplicate keys,
    aliases and tags that would construct objects. The C parser reads the document; if it
    finds anything wrong, the pure-Python parser reads it again, so a problem is always
    reported with the same message at the same place (tests hold both to that).
    """
    if "\t" not in text:  # libyaml lets some tabs pass that PyYAML rightly rejects
        try:
            return parse_with(_FastLoader, text, line_offset)
        except (_YamlProblem, yaml.YAMLError):
            pass
    return parse_with(_ContentLoader, text, line_offset)


def parse_with(loader_class: type[yaml.SafeLoader], text: str, line_offset: int = 0) -> Parsed:
    """Parse with one loader class; see parse_yaml."""
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise _YamlProblem(line + line_offset, column, f"character U+{exc.character:04X} is not allowed in YAML",
                           "delete it; it is invisible in most editors") from exc
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, {}
        walker = _Walker(loader, line_offset)
        data = walker.walk(node, ())
        return data, walker.values, walker.keys
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        column = (mark.column + 1) if mark else 1
        if "'\\t'" in str(exc.problem):
            raise _YamlProblem(line, column, "a tab character in YAML",
                               "indent with spaces, never tabs") from exc
        raise _YamlProblem(line, column, f"YAML syntax error: {exc.problem or exc.context}",
                           "check the indentation and quoting on this line") from exc
    finally:
        loader.dispose()


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
        raise _YamlProblem(1, 1, f"file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} allowed",
                           "split it, or remove what is not the article")


def _decode(raw: bytes) -> str:
    _check_size(len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _YamlProblem(line, column, "file is not valid UTF-8",
                           "save it as UTF-8 in your editor") from exc
    if not text.strip():
        raise _YamlProblem(1, 1, "file is empty", "fill it in or delete it")
    return text.removeprefix("\ufeff")


def load_file(path: Path, shown: str, kind: DocKind) -> RawDoc:
    """Read one content file. Raises _YamlProblem, which load_content turns into a SourceError."""
    _check_size(path.stat().st_size)  # refuse before reading it all
    return parse_file(path.read_bytes(), path.stem, shown, kind)


def parse_file(raw: bytes, slug: str, shown: str, kind: DocKind) -> RawDoc:
    """Parse one content file's bytes. Raises _YamlProblem for anything that cannot be read."""
    text = _decode(raw)
    if kind in ("site", "metrics"):
        data, values, keys = parse_yaml(text)
        return RawDoc(kind, shown, slug, _as_mapping(data), "", 1, values, keys)
    parts = split_front_matter(text)
    if parts is None:
        if text.startswith("---"):
            raise _YamlProblem(1, 1, "front matter is not closed",
                               "end the YAML block with a line holding only ---")
        raise _YamlProblem(1, 1, "file does not start with front matter",
                           "begin the file with a line holding only ---, then the YAML, then ---")
    front, body, body_line = parts
    data, values, keys = parse_yaml(front, line_offset=1)
    if data is None:
        raise _YamlProblem(2, 1, "front matter is empty", "add the required keys between the --- lines")
    return RawDoc(kind, shown, slug, _as_mapping(data), body, body_line, values, keys)


def _as_mapping(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _YamlProblem(1, 1, f"expected a mapping of keys to values, got {type(data).__name__}",
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
            digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
            cached = parsed.get(shown)
            if cached is None or cached[0] != digest or cached[1].kind != kind:
                parsed[shown] = (digest, parse_file(raw, path.stem, shown, kind))
            docs.append(parsed[shown][1])
        except _YamlProblem as problem:
            errors.append(SourceError(shown, problem.line, problem.column, problem.message, problem.hint))
    if parsed is not None:
        for gone in set(parsed) - seen:
            del parsed[gone]
    return LoadResult(docs, errors)
