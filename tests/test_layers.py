"""Dependencies only go down: each package imports only the packages below it. The catalogue
(``directory``) is at the bottom; the task queue (``background``) and search are on it; the
features (``exchange``, ``commissioning``, ``demo``) stand side by side on all three and never
import one another. A deferred import inside a function counts (it is still a dependency); an
import only for type checkers does not (it never runs)."""

from __future__ import annotations

from .import_graph import import_graph

FEATURES = {"exchange", "commissioning", "demo"}

# The project packages each package may import.
MAY_IMPORT: dict[str, set[str]] = {
    "directory": set(),
    # Its admin screen's menu item is the catalogue's PermissionMenuItem.
    "background": {"directory"},
    "search": {"directory", "background"},
    **{feature: {"directory", "background", "search"} for feature in FEATURES},
    "home": {"directory"},
    "config": {"directory", "background", "search", "home", *FEATURES},
}

# Single modules allowed one dependency their package may not have. Shrink this; never add.
# setup_site builds the site's home and content pages (home.models) around the catalogue.
EXCEPTIONS = {("directory.site_setup", "home")}


def package_of(module: str) -> str:
    return module.partition(".")[0]


def violations(graph: dict[str, set[str]]) -> list[str]:
    found = []
    for module, targets in sorted(graph.items()):
        package = package_of(module)
        for target in sorted(targets):
            imported = package_of(target)
            if imported == package or (module, imported) in EXCEPTIONS:
                continue
            if imported not in MAY_IMPORT.get(package, set()):
                found.append(f"{module} imports {target}")
    return found


def test_dependencies_only_go_down() -> None:
    assert violations(import_graph()) == []


def test_every_project_package_has_a_place_in_the_layers() -> None:
    assert set(MAY_IMPORT) == {package_of(module) for module in import_graph()}


def test_the_check_finds_a_feature_importing_another_or_the_catalogue_importing_a_feature() -> None:
    graph = {
        "exchange.feeds.admin": {"commissioning.reviews.actions", "directory.models"},
        "directory.writer.values": {"exchange.openreferral.taxonomies"},
        "search.signals": {"directory.models", "demo.searches"},
        "commissioning.dashboard": {"directory.models", "search.models"},
    }
    assert violations(graph) == [
        "directory.writer.values imports exchange.openreferral.taxonomies",
        "exchange.feeds.admin imports commissioning.reviews.actions",
        "search.signals imports demo.searches",
    ]
