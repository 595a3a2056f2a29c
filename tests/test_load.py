"""load.py: front matter, positions of keys and values, and located read errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from builder.load import load_content, split_front_matter
from tests.sitekit import write


def test_front_matter_is_split_from_the_body_with_the_body_line() -> None:
    front, body, body_line = split_front_matter("---\na: 1\nb: 2\n---\nHello\n")  # type: ignore[misc]
    assert (front, body, body_line) == ("a: 1\nb: 2\n", "Hello\n", 5)
    assert split_front_matter("no front matter\n") is None
    assert split_front_matter("---\na: 1\n") is None


def test_values_and_keys_are_located_in_the_file(fixture_content: Path) -> None:
    loaded = load_content(fixture_content)
    assert not loaded.errors
    article = next(doc for doc in loaded.docs if doc.slug == "alpha-2022-07-01")
    text = (fixture_content / "articles/alpha-2022-07-01.md").read_text().splitlines()
    line, column = article.position(("facts", 0, "value"))
    assert text[line - 1][column - 1:] == "478"
    key_line, key_column = article.key_position(("facts", 1, "unit"))
    assert text[key_line - 1][key_column - 1:].startswith("unit:")
    assert article.data["facts"][0]["value"] == 478


def test_decimals_are_read_exactly(fixture_content: Path) -> None:
    write(fixture_content, "articles/alpha-2022-07-01.md",
          (fixture_content / "articles/alpha-2022-07-01.md").read_text().replace("value: 3\n", "value: 1.2735\n"))
    article = next(doc for doc in load_content(fixture_content).docs if doc.slug == "alpha-2022-07-01")
    assert article.data["facts"][1]["value"] == Decimal("1.2735")


def test_unreadable_files_become_located_errors(fixture_content: Path) -> None:
    write(fixture_content, "cities/empty.md", "")
    write(fixture_content, "cities/unclosed.md", "---\nname: X\n")
    write(fixture_content, "cities/dup.md", "---\nname: A\nname: B\n---\n")
    write(fixture_content, "cities/tagged.md", "---\nname: !!python/object/apply:os.system [echo]\n---\n")
    (fixture_content / "cities/latin1.md").write_bytes(b"---\nname: Caf\xe9\n---\n")
    errors = {error.path.split("/")[-1]: error for error in load_content(fixture_content).errors}
    assert str(errors["empty.md"]) == "content/cities/empty.md:1:1: file is empty (fill it in or delete it)"
    assert errors["unclosed.md"].message == "front matter is not closed"
    assert (errors["dup.md"].line, errors["dup.md"].column, errors["dup.md"].message) == (3, 1, "duplicate key 'name'")
    assert errors["tagged.md"].line == 2 and "YAML tags are not allowed" in errors["tagged.md"].hint
    assert (errors["latin1.md"].line, errors["latin1.md"].column) == (2, 10)
    assert "not valid UTF-8" in errors["latin1.md"].message
