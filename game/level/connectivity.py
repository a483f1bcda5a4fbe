"""Reachability on the road graph: can traffic get from every lane to every other?"""

from __future__ import annotations

import numpy as np

from game.level.model import RoadGraph


def strong_components(graph: RoadGraph) -> np.ndarray:
    """Strongly connected component label per node (Tarjan's algorithm, iterative)."""
    n = len(graph.node_xy)
    successors = graph.edge_dst[graph.out_edges].tolist()
    starts = graph.out_start.tolist()
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    label = [-1] * n
    stack: list[int] = []
    counter = 0
    components = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        work = [(root, starts[root])]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            node, next_edge = work[-1]
            if next_edge < starts[node + 1]:
                work[-1] = (node, next_edge + 1)
                child = successors[next_edge]
                if index[child] < 0:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = True
                    work.append((child, starts[child]))
                elif on_stack[child]:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    label[member] = components
                    if member == node:
                        break
                components += 1
    return np.asarray(label, dtype=np.int64)


def reachable(graph: RoadGraph, sources: np.ndarray, reverse: bool = False) -> np.ndarray:
    """Bool per node: reachable from any of ``sources`` (or reaching them, if ``reverse``)."""
    n = len(graph.node_xy)
    src, dst = (graph.edge_dst, graph.edge_src) if reverse else (graph.edge_src, graph.edge_dst)
    seen = np.zeros(n, dtype=bool)
    seen[sources] = True
    frontier = seen.copy()
    while frontier.any():
        step = np.zeros(n, dtype=bool)
        step[dst[frontier[src]]] = True
        frontier = step & ~seen
        seen |= frontier
    return seen
