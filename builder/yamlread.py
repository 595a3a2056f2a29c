"""Read YAML safely, keeping the line and column of every key and value.

libyaml's C parser reads a document on the common path; anything it finds wrong is read
again by PyYAML's pure-Python parser, so a problem always has the same message and place
(tests/test_yaml_paths.py holds the two to that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]


class ReferenceLoader(yaml.SafeLoader):
    """PyYAML's safe loader, reading floats as exact Decimals: the reference, used to locate errors."""


class FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same safe loader on libyaml's C parser: the common path, about ten times faster."""


def _construct_decimal(loader: yaml.SafeLoader, node: ScalarNode) -> Decimal | float:
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return float(loader.construct_yaml_float(node))  # .inf and .nan


for _loader in (ReferenceLoader, FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class YamlProblem(Exception):
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
            raise YamlProblem(line, column, "YAML aliases (*name) are not supported",
                               "write the value out in full")
        self.seen.add(id(node))
        self.values[path] = self.position(node)
        if not isinstance(node, ScalarNode) and node.tag not in _COLLECTION_TAGS:
            line, column = self.position(node)
            raise YamlProblem(line, column, f"unsupported YAML tag {_short_tag(node.tag)}",
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
                raise YamlProblem(line, column, f"a key must be text, got {key!r}",
                                   "write keys as plain words such as `name:`")
            if key in result:
                first_line, _first_column = self.keys[(*path, key)]
                raise YamlProblem(line, column, f"duplicate key '{key}'",
                                   f"it is already set at line {first_line}; keep one")
            self.keys[(*path, key)] = (line, column)
            result[key] = self.walk(value_node, (*path, key))
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        line, column = self.position(node)
        surprise = _surprising_number(node)
        if surprise:
            raise YamlProblem(line, column, surprise[0], surprise[1])
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            raise YamlProblem(line, column, f"unsupported YAML tag {_short_tag(node.tag)}",
                               "use plain text, numbers, lists and mappings; YAML tags are not allowed") from exc
        except (ValueError, OverflowError) as exc:
            raise YamlProblem(line, column, f"'{node.value}' is not a valid date or number: {exc}",
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

    Raises YamlProblem with a 1-based position for syntax errors, duplicate keys,
    aliases and tags that would construct objects. The C parser reads the document; if it
    finds anything wrong, the pure-Python parser reads it again, so a problem is always
    reported with the same message at the same place (tests hold both to that).
    """
    if "\t" not in text:  # libyaml lets some tabs pass that PyYAML rightly rejects
        try:
            return parse_with(FastLoader, text, line_offset)
        except (YamlProblem, yaml.YAMLError):
            pass
    return parse_with(ReferenceLoader, text, line_offset)


def parse_with(loader_class: type[yaml.SafeLoader], text: str, line_offset: int = 0) -> Parsed:
    """Parse with one loader class; see parse_yaml."""
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise YamlProblem(line + line_offset, column, f"character U+{exc.character:04X} is not allowed in YAML",
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
            raise YamlProblem(line, column, "a tab character in YAML",
                               "indent with spaces, never tabs") from exc
        raise YamlProblem(line, column, f"YAML syntax error: {exc.problem or exc.context}",
                           "check the indentation and quoting on this line") from exc
    finally:
        loader.dispose()
