"""Helpers for the browser tests: viewports, axe-core, screenshots and focus.

Kept apart from conftest.py so that test modules can import them.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(settings.BASE_DIR)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core's tags; 2.2 added no level A rules).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int

    def __str__(self) -> str:
        return f"{self.name}-{self.width}"


PHONE = Viewport("phone", 390, 844)
DESKTOP = Viewport("desktop", 1280, 900)
# WCAG 1.4.10 Reflow: content fits 320 CSS pixels without scrolling sideways.
NARROW = Viewport("narrow", 320, 640)
VIEWPORTS = {viewport.name: viewport for viewport in (PHONE, DESKTOP, NARROW)}


# -- axe-core ------------------------------------------------------------------------------------


@functools.cache
def axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


# The path the axe script is served from, on the site's own origin: the page fixture answers it
# from node_modules (page.route), so the script passes the site's Content-Security-Policy
# (script-src 'self') unchanged. An inline add_script_tag(content=...) would be refused by that
# policy, and bypass_csp=True would switch the policy off for the whole page: the tests would then
# no longer see the site as its users do (a style or script the policy blocks would still work).
AXE_PATH = "/__browser-tests__/axe.min.js"


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; its violations of WCAG 2.0-2.2 A and AA."""
    if not AXE_JS.exists():
        pytest.skip(f"needs axe-core from npm ({AXE_JS.relative_to(ROOT)}): run `make assets`")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(url=AXE_PATH)
    result = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations;
        }""",
        WCAG_TAGS,
    )
    return result


# Every animation and transition that will end has ended (spinners and other endless ones
# aside): colours and positions are then the ones a reader sees.
ANIMATIONS_SETTLED_JS = """() => document.getAnimations().every(
    (animation) => animation.playState !== "running"
        || animation.effect.getComputedTiming().iterations === Infinity)"""


def wait_for_animations(page: Page) -> None:
    """Wait until the page's animations have ended, e.g. before measuring contrast."""
    page.wait_for_function(ANIMATIONS_SETTLED_JS)


def format_violations(violations: list[dict[str, Any]]) -> str:
    """Each violation: rule id, impact, help, and every failing node's target and HTML."""
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact given'}): "
            f"{violation['help']} <{violation.get('helpUrl', '')}>"
        )
        for node in violation["nodes"]:
            target = " ".join(
                part if isinstance(part, str) else " >> ".join(part) for part in node["target"]
            )
            lines.append(f"    at {target}")
            lines.append(f"       {_shorten(node.get('html', ''))}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("       " + _shorten(summary.replace("\n", " "), 300))
    return "\n".join(lines)


def _shorten(text: str, limit: int = 200) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- screenshots ---------------------------------------------------------------------------------


SCREENSHOT_TIMEOUT_MS = 30_000


def screenshots_wanted() -> bool:
    """SCREENSHOTS=0 leaves them out: CI's second pass (PostgreSQL) shows the same pages as its
    first, and taking them again cost it about half a minute (708 -> 672 s of pytest)."""
    return os.environ.get("SCREENSHOTS", "1") != "0"


def screenshot(page: Page, name: str, viewport: Viewport, *, full_page: bool = True) -> None:
    """A PNG in test-artifacts/screenshots/, e.g. home-phone-390.png: the full page, or with
    full_page=False the first screen only. Either way the page's animations have then ended,
    as a check after it (axe's contrast, say) expects."""
    if not screenshots_wanted():
        wait_for_animations(page)  # what the screenshot's animations="disabled" would do
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{viewport}.png"
    # A record for people to look at, not what the test checks: the A to Z's full page took
    # over the default 10 s to capture with both cores busy (a full suite at load average 4).
    page.screenshot(
        path=str(path), full_page=full_page, animations="disabled", timeout=SCREENSHOT_TIMEOUT_MS
    )


# -- focus ---------------------------------------------------------------------------------------

# What has focus, and whether it can be seen: a focus indicator is an outline (not "none", wider
# than zero, not transparent) or a box-shadow, on the element itself.
FOCUS_STATE_JS = """() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
        return null;
    }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
        && style.outlineColor !== "transparent" && style.outlineColor !== "rgba(0, 0, 0, 0)";
    const shadow = style.boxShadow && style.boxShadow !== "none";
    const name = (element.getAttribute("aria-label") || element.innerText || element.value
        || element.getAttribute("title") || "").trim().replace(/\\s+/g, " ").slice(0, 60);
    let id = element.tagName.toLowerCase();
    if (element.id) {
        id += "#" + element.id;
    } else if (element.getAttribute("name")) {
        id += "[name=" + element.getAttribute("name") + "]";
    }
    return {
        element: id,
        name: name,
        visible: Boolean(outline || shadow),
        outline: style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor,
        boxShadow: style.boxShadow,
    };
}"""


def focus_state(page: Page) -> dict[str, Any] | None:
    """The focused element (None for the page itself) and whether its focus indicator shows."""
    return page.evaluate(FOCUS_STATE_JS)


# -- the admin -----------------------------------------------------------------------------------

ADMIN_PASSWORD = "a-long-test-password-for-the-admin"


def log_in_to_admin(page: Page, username: str) -> None:
    """Log in through the admin's own login form (a user made by the ``admin_user`` fixture)."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
