"""The house rules of README.md, "Where things live", checked on the code itself."""

from __future__ import annotations

from tests.support import import_graph


def test_the_graph_sees_the_product_code():
    graph = import_graph.edges()
    assert "editorial.models.pipelines" in graph and "coverage.models.pages.articles" in graph
    assert "editorial.pipelines.moves" in graph["coverage.page_permissions"]
    # Imports inside functions are edges too: they hide a loop from Python, not from us.
    assert "editorial.models" in graph["editorial.desk.permissions"]


def test_editorial_never_imports_coverage():
    """Dependencies point one way: coverage may know editorial, never the reverse
    (editorial reaches articles through Wagtail's page APIs and editorial.desk.articles)."""
    offending = {
        module: sorted(target for target in targets if target.startswith("coverage"))
        for module, targets in import_graph.edges().items()
        if module.startswith("editorial")
    }
    assert {module: targets for module, targets in offending.items() if targets} == {}


def test_no_import_loops_in_product_code():
    assert import_graph.cycles() == []


def test_a_loop_would_be_found():
    """The cycle finder itself: a graph with a loop has one."""
    graph = dict(import_graph.edges())
    graph["coverage.feeds"] = graph["coverage.feeds"] | {"coverage.models.pages.hubs"}
    import_graph.edges.cache_clear()
    original = import_graph.edges
    try:
        import_graph.edges = lambda: graph
        assert ["coverage.feeds", "coverage.models.pages.hubs"] in import_graph.cycles()
    finally:
        import_graph.edges = original
