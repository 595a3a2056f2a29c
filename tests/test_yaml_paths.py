"""Every way of reading YAML accepts and rejects exactly the same documents, with the same result."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.config import PROJECT_ROOT
from builder.load import split_front_matter
from builder.yamlread import ReferenceLoader, YamlProblem, parse_with, parse_yaml
from tests.corpus import cases


def front_matters() -> list[tuple[str, str]]:
    """(name, YAML text) of every content file of the real content and of the bad-input corpus."""
    texts = []
    roots = [PROJECT_ROOT / "content", *(case.folder / "content" for case in cases())]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix not in (".md", ".yaml") or not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            parts = split_front_matter(text) if path.suffix == ".md" else (text, "", 1)
            if parts:
                texts.append((str(path.relative_to(PROJECT_ROOT)), parts[0]))
    for case in cases():
        for edit in case.spec.get("edits", []):
            texts.append((f"{case.name}:{edit['file']}", edit["with"]))
    return texts


def outcome(parse: object, text: str) -> object:
    try:
        return ("ok", parse(text, 1))  # type: ignore[operator]
    except YamlProblem as problem:
        return ("problem", problem.line, problem.column, problem.message)
    except Exception as error:  # a parser error the caller turns into a problem
        return ("error", type(error).__name__)


def reference(text: str, offset: int) -> object:
    return parse_with(ReferenceLoader, text, offset)


@pytest.mark.parametrize(("name", "text"), front_matters())
def test_the_fast_path_and_the_reference_agree_on_real_and_broken_content(name: str, text: str) -> None:
    assert outcome(parse_yaml, text) == outcome(reference, text), name


scalars = st.sampled_from(["010", "0x1f", "1:30", "1_000", "1e3", "1.0e+3", "no", "on", "~", "2022-13-01",
                           "2022-07-18", "12", "-0", ".inf", ".nan", "'quoted'", '"x"', "&a 1", "*a", "!!str 5",
                           "[1, 2]", "{a: 1}", "a: b", "- x", "\t", "中文", "<<: *a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "value", "year"]), scalars), min_size=1, max_size=4))
def test_the_parsers_agree_on_tricky_scalars(pairs: list[tuple[str, str]]) -> None:
    text = "".join(f"{key}: {value}\n" for key, value in pairs)
    assert outcome(parse_yaml, text) == outcome(reference, text)
