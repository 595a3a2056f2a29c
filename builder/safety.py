"""Reject content that could turn against a reader: HTML in text fields, script links in Markdown.

Pages escape every value anyway; these checks tell the contributor instead of showing
their markup as text or silently dropping a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt

from builder.errors import SourceError
from builder.load import RawDoc
from builder.schema import label
from builder.text import is_safe_link
from builder.yamlread import KeyPath

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--|<\s*[a-zA-Z]+\s*$")
_EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def _strings(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def check_text_fields(doc: RawDoc) -> list[SourceError]:
    """Every front-matter string must be plain text: no HTML tags, event handlers or script URLs."""
    errors = []
    for path, text in _strings(doc.data, ()):
        if str(path[-1]).endswith("url"):
            continue  # URL fields have their own check: absolute http(s) only
        if _HTML_TAG.search(text) or (_EVENT_HANDLER.search(text) and "<" in text):
            errors.append(doc.error(path, f"{label(path)}: HTML is not allowed here",
                                    "write plain text; pages show it exactly as written"))
        elif _SCRIPT_URL.search(text):
            errors.append(doc.error(path, f"{label(path)}: script or data URLs are not allowed",
                                    "remove the javascript:, vbscript: or data: address"))
    return errors


@lru_cache(maxsize=1)
def _permissive_markdown() -> MarkdownIt:
    """A parser that keeps every link and raw HTML, so the checks can see what the renderer refuses."""
    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


_MARKUP_SIGNS = ("<", "](", "]:")  # raw HTML and autolinks need <; links and images ]( ; definitions ]:


def check_body(doc: RawDoc) -> list[SourceError]:
    """Links in the Markdown body must be web, mail or relative links; raw HTML is refused."""
    if not any(sign in doc.body for sign in _MARKUP_SIGNS):
        return []  # no link and no HTML can be written without one of these
    errors = []
    lines = doc.body.splitlines()
    for token in _permissive_markdown().parse(doc.body):
        block_line = (token.map or [0])[0]
        if token.type == "html_block":
            errors.append(_body_error(doc, lines, block_line, "<", "raw HTML is not allowed in the text"))
        for child in token.children or []:
            if child.type == "html_inline":
                errors.append(_body_error(doc, lines, block_line, child.content,
                                          "raw HTML is not allowed in the text"))
            target = child.attrGet("href") or child.attrGet("src")
            if isinstance(target, str) and not is_safe_link(target):
                errors.append(_body_error(doc, lines, block_line, target,
                                          f"the link '{target}' is not allowed: only http(s), mailto and relative "
                                          "links are"))
    return errors


def _body_error(doc: RawDoc, lines: list[str], block_line: int, needle: str, message: str) -> SourceError:
    """Locate needle in the body from the block's first line on; fall back to the block's start."""
    for offset, line in enumerate(lines[block_line:], start=block_line):
        column = line.find(needle)
        if column >= 0:
            return SourceError(doc.path, doc.body_line + offset, column + 1, message,
                               "write plain text or Markdown; the page shows the text, never runs it")
    return SourceError(doc.path, doc.body_line + block_line, 1, message,
                       "write plain text or Markdown; the page shows the text, never runs it")
