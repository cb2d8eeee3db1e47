"""No import cycles in the project's packages: each module's imports, at the top or inside a
function (a deferred import is still a dependency), form a graph without loops. Imports only for
type checkers (``if TYPE_CHECKING:``) do not count: they never run."""

from __future__ import annotations

from .import_graph import cycles, import_graph


def test_the_project_has_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_the_check_finds_a_cycle_through_a_deferred_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
