"""Text from outside (feeds, spreadsheets) as a service description: Wagtail rich text.

HTML is first sanitised by nh3 (the Ammonia sanitiser): scripts and styles go with their
content, every attribute but a link's ``href`` (http, https, mailto, tel) goes, and only the
tags below are kept. What is left is laid out as the description field allows (paragraphs,
``h3`` headings, bulleted and numbered lists, bold, italic, links, line breaks): any heading
becomes an ``h3``, containers (``div``, ``section``, tables) become paragraphs, inline tags the
field does not have (``span``, ``u``) are unwrapped, keeping their words. The result is in the
database's rich text format, exactly as Wagtail's own whitelist (what the editor uses) leaves it.

Plain text becomes a paragraph per line. ``summary_and_description`` takes the first paragraph
(at most 300 characters, cut at a sentence where it is longer) as the plain summary, and leaves
the rest as the description, so the opening is never said twice.

The layout writes its HTML as that whitelist would (text escaped as Django escapes it, links
checked by Wagtail's ``check_url``, blank runs between tags said once), so the whitelist, a
second parse of every description, is left out; tests/test_rich_text_layout.py checks that it
would change nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.whitelist import check_url

DESCRIPTION_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]
SUMMARY_LENGTH = 300

_KEPT_TAGS = {
    *(f"h{level}" for level in range(1, 7)),
    *("p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "span", "u", "sub", "sup"),
    *("div", "section", "article", "header", "footer", "blockquote", "pre", "address"),
    *("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "hr"),
}
_HEADINGS = {f"h{level}" for level in range(1, 7)}
_CONTAINERS = _KEPT_TAGS - _HEADINGS - {"p", "br", "b", "strong", "i", "em", "a", "span", "u"}
_CONTAINERS -= {"sub", "sup", "ul", "ol", "li"}
_INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i"}
_HTML_TAG = re.compile(
    r"<\s*/?\s*(p|br|b|i|strong|em|a|ul|ol|li|h[1-6]|div|span|table|section|u)\b", re.I
)
_SPACE = re.compile(r"\s+")
_BLANK_BETWEEN_TAGS = re.compile(r">([ \t\n\f\r]+)<")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")

_converter: EditorHTMLConverter | None = None


def clean_rich_text(value: str) -> str:
    """Rich text in the database format with only the description's features, as the editor
    cleans pasted HTML."""
    global _converter
    if _converter is None:
        _converter = EditorHTMLConverter(features=DESCRIPTION_FEATURES)
    # Database format -> editor format first, so internal page and document links survive.
    return _converter.whitelister.clean(_converter.from_database_format(value or ""))


def looks_like_html(text: str) -> bool:
    return bool(_HTML_TAG.search(text or ""))


@dataclass(frozen=True)
class Block:
    tag: str  # p, h3, ul or ol
    html: str  # the block's inline HTML; for a list, the <li> items
    text: str  # its words, as plain text


def blocks_from_html(value: str) -> list[Block]:
    """The paragraphs, headings and lists of (sanitised) HTML."""
    clean = nh3.clean(
        _ZERO_WIDTH.sub("", value),
        tags=_KEPT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=True,
    )
    layout = _Layout()
    layout.walk(BeautifulSoup(clean, "html.parser"))
    layout.end_paragraph()
    return layout.blocks


def blocks_from_text(value: str) -> list[Block]:
    """A paragraph per line of plain text (entities such as &amp; read as what they stand for)."""
    lines = [_words(html.unescape(line)) for line in _ZERO_WIDTH.sub("", value or "").splitlines()]
    return [Block("p", html.escape(line), line) for line in lines if line]


def blocks_of(value: str) -> list[Block]:
    return blocks_from_html(value) if looks_like_html(value) else blocks_from_text(value)


def rich_text(blocks: list[Block]) -> str:
    """The blocks as rich text in the database format."""
    joined = "".join(f"<{b.tag}>{b.html}</{b.tag}>" for b in blocks)
    # Only spaces between two tags: one space, or one newline if any (as BeautifulSoup reads it).
    joined = _BLANK_BETWEEN_TAGS.sub(lambda m: ">\n<" if "\n" in m[1] else "> <", joined)
    if "linktype" in joined or "embedtype" in joined:
        # Words the database format reads as internal links or embeds: as the editor would.
        return clean_rich_text(joined)
    return joined


def plain(blocks: list[Block]) -> str:
    return "\n".join(block.text for block in blocks)


def summary_and_description(value: str) -> tuple[str, str]:
    """(plain summary, rich text description) from a feed's one description field."""
    blocks = blocks_of(value)
    if not blocks:
        return "", ""
    # The first paragraph, not a heading above it (the heading stays in the description).
    at = next((n for n, block in enumerate(blocks) if block.tag == "p"), 0)
    first, rest = blocks[at], blocks[:at] + blocks[at + 1 :]
    if len(first.text) <= SUMMARY_LENGTH:
        return first.text, rich_text(rest)
    summary, remainder = cut_summary(first.text)
    return summary, rich_text([Block("p", html.escape(remainder), remainder), *rest])


def cut_summary(text: str) -> tuple[str, str]:
    """The opening sentences of ``text`` that fit the summary, and the words after them
    (marked with an ellipsis where a sentence was cut)."""
    window = text[: SUMMARY_LENGTH - 1]
    ends = [match.end() for match in _SENTENCE_END.finditer(window + " ")]
    if ends:
        return text[: ends[-1]], text[ends[-1] :].strip()
    head = window.rsplit(" ", 1)[0] if " " in window else window
    return head + "…", "…" + text[len(head) :].strip()


def plain_text_of(value: str) -> str:
    """Any text a feed gives (HTML or not) as plain text, paragraphs on their own lines."""
    return plain(blocks_of(value))


def _words(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


class _Layout:
    """Walks sanitised HTML, gathering blocks; inline content between blocks is a paragraph."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.inline: list[tuple[str, str]] = []  # (html, text) pieces of the open paragraph

    def end_paragraph(self) -> None:
        self._add("p", "".join(h for h, _ in self.inline), "".join(t for _, t in self.inline))
        self.inline = []

    def _add(self, tag: str, inner: str, text: str) -> None:
        text = _words(text)
        if text:
            inner = re.sub(r"^(?:\s|<br/>)+|(?:\s|<br/>)+$", "", inner.replace("\xa0", " "))
            self.blocks.append(Block(tag, inner, text))

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                self.inline.append(_inline(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name in _HEADINGS or name == "p" or name == "li":
                self.end_paragraph()
                html_text, text = _inline_children(child)
                self._add("h3" if name in _HEADINGS else "p", html_text, text)
            elif name in ("ul", "ol"):
                self.end_paragraph()
                items = [_inline_children(li) for li in child.find_all("li", recursive=False)]
                items = [(h, _words(t)) for h, t in items if _words(t)]
                if items:
                    inner = "".join(f"<li>{h.strip()}</li>" for h, _ in items)
                    self.blocks.append(Block(child.name, inner, "\n".join(t for _, t in items)))
            elif name in _CONTAINERS:
                self.end_paragraph()
                self.walk(child)
                self.end_paragraph()
            else:
                self.inline.append(_inline(child))


def _inline(node: Tag | NavigableString) -> tuple[str, str]:
    """(inline HTML, plain text) of a node inside a paragraph."""
    if isinstance(node, NavigableString):
        return html.escape(str(node)), str(node)
    if node.name == "br":
        return "<br/>", " "
    inner, text = _inline_children(node)
    if node.name in _INLINE:
        tag = _INLINE[node.name]
        return (f"<{tag}>{inner}</{tag}>", text) if text.strip() else (inner, text)
    if node.name == "a" and node.get("href"):
        href = check_url(str(node["href"]))  # (a link the whitelist refuses keeps no address)
        return (f'<a href="{html.escape(href)}">' if href else "<a>") + f"{inner}</a>", text
    if node.name in _CONTAINERS or node.name in _HEADINGS or node.name in ("p", "li"):
        return f" {inner} ", f" {text} "  # a block inside a paragraph: words kept apart
    return inner, text


def _inline_children(node: Tag) -> tuple[str, str]:
    pieces = [_inline(child) for child in node.children if isinstance(child, NavigableString | Tag)]
    return "".join(h for h, _ in pieces), "".join(t for _, t in pieces)
