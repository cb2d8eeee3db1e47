"""Reading a form the admin rendered, as a browser would submit it, so tests post the real form
(every field it has, with the values it shows) rather than a hand-built dictionary."""

from __future__ import annotations

from bs4 import BeautifulSoup

SKIPPED_INPUT_TYPES = {"submit", "button", "reset", "image", "file"}


def form_values(html: str | bytes, selector: str = "form[method=post i]") -> dict[str, list[str]]:
    """The values the first form matching ``selector`` would submit, by field name."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one(selector)
    assert form is not None, f"no form matches {selector!r}"
    values: dict[str, list[str]] = {}

    def add(name: str, value: str) -> None:
        values.setdefault(name, []).append(value)

    for element in form.select("input, select, textarea"):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            add(name, element.text.removeprefix("\n"))
        elif element.name == "select":
            selected = element.select("option[selected]")
            if not selected and not element.has_attr("multiple"):
                selected = element.select("option")[:1]
            for option in selected:
                add(name, option.get("value", option.text))
        else:
            kind = (element.get("type") or "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                continue
            if kind in ("checkbox", "radio"):
                if element.has_attr("checked"):
                    add(name, element.get("value", "on"))
            else:
                add(name, element.get("value", ""))
    return values


def choice_labels(html: str | bytes, name: str) -> dict[str, str]:
    """The checkboxes or radio buttons called ``name``: their value -> their label's text."""
    soup = BeautifulSoup(html, "html.parser")
    labels = {}
    for element in soup.select(f'input[name="{name}"]'):
        label = soup.select_one(f'label[for="{element["id"]}"]') or element.find_parent("label")
        labels[element["value"]] = " ".join(label.get_text().split()) if label else ""
    return labels
