"""Reading the public site's HTML as a reader meets it, and the checks every public page must
pass (language, landmarks, labels, no inline code)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(node) -> str:
    """Visible text with whitespace collapsed, as a reader would meet it."""
    return " ".join(node.get_text(" ", strip=True).split())


def assert_accessible_basics(response) -> BeautifulSoup:
    """Checks every public page must pass: language, landmarks, labels, no inline code."""
    html = response.content.decode()
    soup = soup_of(response)
    assert soup.html["lang"] == "en-GB"
    assert soup.find("meta", attrs={"name": "viewport"})
    assert soup.title and text_of(soup.title)
    # One main landmark, the skip link's target, and one h1.
    mains = soup.find_all("main")
    assert len(mains) == 1 and mains[0]["id"] == "main-content"
    assert soup.find("a", href="#main-content")
    assert len(soup.find_all("h1")) == 1
    # Every visible form control has a label.
    for control in soup.select("input:not([type=hidden]), select, textarea"):
        assert control.get("id"), f"control without id: {control}"
        assert soup.find("label", attrs={"for": control["id"]}), f"unlabelled: {control}"
    # No empty headings or empty definition values.
    for heading in soup.find_all(["h1", "h2", "h3", "h4"]):
        assert text_of(heading), f"empty heading: {heading}"
    for dd in soup.find_all("dd"):
        assert text_of(dd), f"empty value after {dd.find_previous_sibling('dt')}"
    # The CSP forbids inline code: no style attributes or elements, only data scripts.
    assert not soup.find(attrs={"style": True})
    assert not soup.find("style")
    for script in soup.find_all("script"):
        data = script.get("type") in ("application/ld+json", "application/json")
        assert data or script.get("src"), script
    # Event handler attributes would be inline script too.
    assert not re.search(r"\son[a-z]+\s*=", html)
    # The site's stylesheet, then only the search map's (search/_results_map.html).
    stylesheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert stylesheets[:1] == ["/static/css/site.css"]
    assert all(href.startswith("/static/vendor/") for href in stylesheets[1:]), stylesheets
    return soup
