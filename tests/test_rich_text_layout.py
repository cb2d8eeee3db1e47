"""A feed's description is laid out as rich text exactly as Wagtail's whitelist would leave it
(issue 17: the whitelist parsed every description a second time). On real councils' feeds,
hostile HTML and random fragments of markup, the whitelist must change nothing we write.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from directory.rich_text import blocks_of, clean_rich_text, rich_text, summary_and_description

DATA = Path(__file__).resolve().parent / "data"

HOSTILE = [
    '<a href="http://x.org/?a=1&b=2\'">it\'s</a> & <b>bold</b> "quoted"',
    "x\r\ny\rz",
    "a\x00b<b>c\x00</b>",
    "<a href='javascript:alert(1)'>x</a>",
    '<a href="java\tscript:alert(1)">tab</a> <a href="javas\x01cript:x">ctrl</a>',
    '<a href="http://ex.org/a b">space</a> <a href="  http://x.org  ">padded</a>',
    '<a href="http://ex.org/\u00e9">é</a> <a href="HTTP://X.ORG/%3Cscript%3E">q</a>',
    "<p>one<br>two<br/><br></p>",
    "<b><i>x</i></b> <u>u</u> <span>s</span> <sub>2</sub>",
    "<ul><li><p>a</p></li><li>b<ul><li>c</li></ul></li></ul><ol><li>  </li></ol>",
    "&lt;script&gt; &amp;nbsp; &nbsp; \u00a0",
    '<a href="mailto:a@b.org?subject=x&amp;y">m</a> <a href="tel:+441234">t</a>',
    "<table><tr><td>a</td><td>b</td></tr></table><h1>T</h1><p>x</p>",
    "\ufeffzero\u200bwidth",
    '<a href="http://x.org"><b>b</b></a> <b><a href="http://x.org">l</a></b>',
    '<a href="http://x.org">a<a href="http://y.org">b</a></a>',
    "<p>\x0b\x0c\x1f control</p><p>&#0; &#xD800; &#128512;</p>",
    "<plaintext>a<b>b",
    "<![CDATA[x]]>y <!-- comment --> <math><mi>x</mi></math> <svg><a href='http://x'>s</a></svg>",
    '<a href="http://x.org/ linktype=page id=1">looks internal</a> linktype="page" id="1"',
    "<p><i>  <i>text \n  </i> </i></p><div> <p> </p>\t</div>",
    "<h4 onclick='steal()'>What happens</h4><script>alert(1)</script><style>p{}</style>",
    "A long opening sentence that runs on and on. " * 12 + "<p>Then more.</p>",
]
PIECES = [
    "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<em>", '<a href="http://x.org/?q=1&r=\'2\'">',
    "</a>", "<br>", "<ul>", "<li>", "</li>", "</ul>", "<ol>", "&amp;", "&", "<", ">", '"', "'",
    "\r", "\n", "\t", " ", "   ", "\x00", "text ", "é", "\u2028", "<h2>", "</h2>", "<div>",
    "</div>", "&nbsp;", "\u00a0", "<span>", "</span>", "<table><td>", "linktype=page ",
    "Words. ", "More words! ",
]  # fmt: skip


def _corpus() -> list[str]:
    values = list(HOSTILE)
    for path in (
        DATA / "openreferral-v1" / "north-lincolnshire-services.json",
        DATA / "openreferral-v3" / "riverside-services.json",
    ):
        document = json.loads(path.read_text())
        records = document if isinstance(document, list) else document.get("contents", [])
        values += [r["description"] for r in records if isinstance(r.get("description"), str)]
    chance = random.Random(17)
    for _ in range(1500):
        values.append("".join(chance.choice(PIECES) for _ in range(chance.randint(1, 30))))
    return values


@pytest.mark.slow
def test_the_whitelist_would_change_no_description_we_lay_out() -> None:
    corpus = _corpus()
    assert len(corpus) > 2000
    changed = []
    for value in corpus:
        blocks = blocks_of(value)
        for part in (blocks, blocks[1:]):  # the whole, and without the opening (the summary)
            joined = "".join(f"<{b.tag}>{b.html}</{b.tag}>" for b in part)
            if part and rich_text(part) != clean_rich_text(joined):
                changed.append(value)
        _summary, description = summary_and_description(value)
        if clean_rich_text(description) != description:
            changed.append(value)
    assert not changed, changed[:5]


def test_escaping_spaces_and_links_match_the_whitelist() -> None:
    _summary, description = summary_and_description(
        '<p>Opening.</p><p>It\'s "here" &amp; <a href="http://x.org/?a=1&b=\'2\'">there</a>'
        "<b>x</b> <span> </span>\t<i>y</i></p>"
    )
    assert description == clean_rich_text(description)
    assert description == (
        "<p>It&#x27;s &quot;here&quot; &amp; "
        '<a href="http://x.org/?a=1&amp;b=&#x27;2&#x27;">there</a><b>x</b> <i>y</i></p>'
    )
