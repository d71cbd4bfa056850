"""Links that go round in a circle: strongly connected components and one-link chains, for the
relations among baseline figures (part_of, subset_of), table rows (parent) and the links between
plans (stands_for)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping


def components(roots: Iterable[str], targets: Callable[[str], Iterable[str]]) -> dict[str, int]:
    """Each node reachable from `roots`, with the number of its strongly connected component
    (Tarjan's algorithm, iterative): a link from A to B goes round in a circle exactly when A and
    B are in one component. Every node and link is visited once, `targets` is asked once per node
    (it may look nodes up lazily), and no recursion: a chain of 10,000 links is no deeper."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    component: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in roots:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(targets(root)))]
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(targets(child))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = index[node]
                    if member == node:
                        break
    return component


def circles(edges: Mapping[str, list[str]]) -> list[list[str]]:
    """The groups of nodes that links lead round in a circle (components with a cycle, a node
    linked to itself included), each group and the list in the order of `edges`."""
    groups: dict[int, list[str]] = {}
    for node, number in components(edges, lambda node: edges.get(node, [])).items():
        groups.setdefault(number, []).append(node)
    rank = {node: i for i, node in enumerate(edges)}
    found = [sorted(group, key=lambda n: rank.get(n, len(rank))) for group in groups.values()
             if len(group) > 1 or group[0] in edges.get(group[0], [])]
    return sorted(found, key=lambda g: rank.get(g[0], len(rank)))


def cycles(links: Mapping[str, str]) -> Iterable[list[str]]:
    """Each cycle of a one-link-per-node graph once, as the path from its first node in `links`."""
    done: set[str] = set()
    for start in links:
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in done and node not in path:
            path.append(node)
            node = links.get(node)
        if node is not None and node in path:
            yield path[path.index(node):] + [node]
        done.update(path)
