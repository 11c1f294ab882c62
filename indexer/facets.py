"""Facet counts with standard disjunctive behaviour.

Each facet is counted over the documents that match the query and every OTHER active filter, so
selecting "Cabinet" in the committee facet still shows the other committees' counts (to widen the
selection), while the speaker, topic, council and year facets narrow to Cabinet. Counting is one
``bincount`` over the facet's (document, value) arrays, never a walk over stored fields.
"""

from __future__ import annotations

import numpy as np

from indexer.schema import FACET_FIELDS
from indexer.search_api import FacetValue
from indexer.searcher import Snapshot


def facet_counts(
    snap: Snapshot,
    query_mask: np.ndarray,
    filter_masks: dict[str, np.ndarray],
    selected: dict[str, tuple[str, ...]],
    size: int,
) -> dict[str, tuple[FacetValue, ...]]:
    """``filter_masks`` maps facet name -> that facet's own filter mask; other filters (dates,
    meeting) are already folded into ``query_mask``."""
    out: dict[str, tuple[FacetValue, ...]] = {}
    for facet, fieldname in FACET_FIELDS.items():
        mask = query_mask
        for other, fmask in filter_masks.items():
            if other != facet:
                mask = mask & fmask
        vi = snap.values(fieldname)
        counts = vi.count(mask)
        chosen = set(selected.get(facet, ()))
        nonzero = np.flatnonzero(counts)
        if facet == "year":
            order = sorted(nonzero, key=lambda i: vi.values[i], reverse=True)
        else:
            order = sorted(nonzero, key=lambda i: (-int(counts[i]), vi.values[i].casefold()))
        top = [int(i) for i in order[:size]]
        shown = {vi.values[i] for i in top}
        values = [FacetValue(vi.values[i], int(counts[i]), vi.values[i] in chosen) for i in top]
        for v in selected.get(facet, ()):  # a selected value stays visible (to clear it) even at 0
            if v not in shown:
                idx = vi.ids.get(v)
                values.append(FacetValue(v, int(counts[idx]) if idx is not None else 0, True))
        out[facet] = tuple(values)
    return out
