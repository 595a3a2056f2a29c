"""Markdown to HTML, and finding quotes in an article body so facts can point at them.

Validation and rendering use the same `find_quote`, so every quote that passes `check`
is highlighted and anchored on its article page.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_WHITESPACE = re.compile(r"\s+")
_SAFE_LINK = re.compile(r"^(https?:|mailto:|#|/|\.{0,2}/|[^:/?#]*([/?#]|$))", re.IGNORECASE)


def normalize(text: str) -> str:
    """Collapse runs of whitespace to one space and trim, for whitespace-insensitive matching."""
    return _WHITESPACE.sub(" ", text).strip()


def quote_id(quote: str) -> str:
    """A stable anchor id for a quote: the same words give the same id across builds."""
    return "q-" + hashlib.sha256(normalize(quote).encode("utf-8")).hexdigest()[:8]


def is_safe_link(url: str) -> bool:
    """Web, mail and relative links only: no javascript:, data: or other schemes."""
    return bool(_SAFE_LINK.match(url.strip()))


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False})
    md.validateLink = is_safe_link  # type: ignore[method-assign]  # markdown-it's documented hook
    return md


@dataclass(frozen=True)
class Block:
    """The plain text of one paragraph or heading, as a reader sees it, and its whitespace-collapsed form."""

    text: str
    line: int  # 0-based line in the body where the block starts
    normalized: str


def _block(text: str, line: int) -> Block:
    return Block(text, line, normalize(text))


def _inline_text(inline: Token) -> str:
    return "".join(_child_text(child) for child in inline.children or [])


def _child_text(child: Token) -> str:
    if child.type in ("text", "code_inline"):
        return child.content
    if child.type in ("softbreak", "hardbreak"):
        return "\n"
    return ""


def _inline_tokens(tokens: Sequence[Token]) -> Iterable[Token]:
    return (token for token in tokens if token.type == "inline")


@lru_cache(maxsize=256)
def blocks(body: str) -> tuple[Block, ...]:
    """The paragraphs and headings of a Markdown body, as plain text."""
    tokens = _markdown().parse(body)
    return tuple(_block(_inline_text(token), (token.map or [0])[0]) for token in _inline_tokens(tokens))


_NON_SPACE = re.compile(r"\S+")


def _original_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Map [start, end) in the whitespace-collapsed text back to indices in the original text.

    Walks word by word up to the end of the span, not character by character over the text.
    """
    position = 0  # where the current word starts in the collapsed text
    first = last = 0
    for word in _NON_SPACE.finditer(text):
        length = word.end() - word.start()
        if position <= start < position + length:
            first = word.start() + start - position
        if position < end <= position + length:
            last = word.start() + end - position
            break
        position += length + 1  # the single space between words
    return first, last


@dataclass(frozen=True)
class QuoteSpan:
    """Where a quote stands: which block, and the character range within its text."""

    block: int
    start: int
    end: int


def contains_quote(body_blocks: Sequence[Block], quote: str) -> bool:
    """Whether one block holds the quote, ignoring differences in whitespace (what `check` asks)."""
    wanted = normalize(quote)
    return bool(wanted) and any(wanted in block.normalized for block in body_blocks)


def find_quote(body_blocks: Sequence[Block], quote: str) -> QuoteSpan | None:
    """Locate a quote in one block, ignoring differences in whitespace; None if absent."""
    wanted = normalize(quote)
    if not wanted:
        return None
    for index, block in enumerate(body_blocks):
        found = block.normalized.find(wanted)
        if found >= 0:
            return QuoteSpan(index, *_original_span(block.text, found, found + len(wanted)))
    return None


def render_markdown(body: str) -> str:
    """Render Markdown with raw HTML off and unsafe links refused."""
    return str(_markdown().render(body))


def render_with_quotes(body: str, quotes: Iterable[str]) -> str:
    """Render an article body with each quote wrapped in <mark>, the first piece carrying its id."""
    md = _markdown()
    tokens = md.parse(body)
    inlines = list(_inline_tokens(tokens))
    body_blocks = [_block(_inline_text(token), 0) for token in inlines]
    spans_by_block: dict[int, list[tuple[int, int, str]]] = {}
    for quote in sorted(set(quotes)):
        span = find_quote(body_blocks, quote)
        if span is not None:
            spans_by_block.setdefault(span.block, []).append((span.start, span.end, quote_id(quote)))
    for index, spans in spans_by_block.items():
        _highlight(inlines[index], sorted(set(spans)))
    return str(md.renderer.render(tokens, md.options, {}))


def _html(content: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = content
    return token


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _highlight(inline: Token, spans: list[tuple[int, int, str]]) -> None:
    """Split the inline's text tokens at quote boundaries and wrap covered pieces in <mark>.

    A quote crossing a line break or emphasis becomes several <mark> elements, so the
    HTML stays well nested; only the piece where a quote starts carries its id.
    """
    anchored: set[str] = set()
    children: list[Token] = []
    offset = 0
    for child in inline.children or []:
        length = len(_child_text(child))
        if child.type != "text":
            children.append(child)
            offset += length
            continue
        cuts = sorted({0, length} | {point - offset for start, end, _ in spans
                                     for point in (start, end) if offset < point < offset + length})
        for piece_start, piece_end in itertools.pairwise(cuts):
            absolute = offset + piece_start
            covering = [(start, qid) for start, end, qid in spans if start <= absolute < end]
            piece = _text(child.content[piece_start:piece_end])
            if not covering:
                children.append(piece)
                continue
            new_ids = [qid for start, qid in covering if qid not in anchored]
            anchored.update(new_ids)
            for extra in new_ids[1:]:
                children.append(_html(f'<span class="quote-anchor" id="{extra}"></span>'))
            id_attribute = f' id="{new_ids[0]}"' if new_ids else ""
            children.append(_html(f'<mark class="quote"{id_attribute}>'))
            children.append(piece)
            children.append(_html("</mark>"))
        offset += length
    inline.children = children
