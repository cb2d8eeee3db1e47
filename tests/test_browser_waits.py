"""Browser tests wait on functions, never on bare expressions.

Playwright checks a `wait_for_function` expression once from outside the page; if it is
false, it polls by `eval`-ing the string inside the page, which the site's Content Security
Policy (`script-src 'self'`) refuses. A bare expression therefore passes only when it is
already true at the first check: a test that fails on a slow machine (CI, 2026-12-07). A
function (`() => ...`) is handed over as a function and polls without `eval`.
"""

import ast
from pathlib import Path

BROWSER_TESTS = Path(__file__).parent / "browser"


def string_value(node: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def bare_expression_waits(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    constants = {
        target.id: node.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "wait_for_function"
            and node.args
        ):
            continue
        expression = string_value(node.args[0], constants)
        if expression is None or not expression.lstrip().startswith(("()", "function")):
            found.append((node.lineno, ast.unparse(node.args[0])))
    return found


def test_the_check_finds_a_bare_expression():
    assert bare_expression_waits('page.wait_for_function("window.scrollY > 500")')
    assert not bare_expression_waits('page.wait_for_function("() => window.scrollY > 500")')
    assert not bare_expression_waits('JS = """() => true"""\npage.wait_for_function(JS)')


def test_every_browser_wait_is_a_function():
    offenders = [
        f"{path.name}:{line}: {expression}"
        for path in sorted(BROWSER_TESTS.glob("*.py"))
        for line, expression in bare_expression_waits(path.read_text())
    ]
    assert not offenders, "\n".join(offenders)
