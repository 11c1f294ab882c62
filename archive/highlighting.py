"""Query terms highlighted in an item's full text, for the item page's ``?q=``.

The markup itself (escaped text, matches in ``<mark>``) is made by ``indexer.highlight``, the one
place that knows how the query was analysed (stems, phrases), so the page marks exactly what the
search matched. The result is ``Markup`` so the templates do not escape it twice.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from indexer.highlight import highlight_query


def highlight_text(text: str | None, q: str) -> Markup:
    if not text:
        return Markup("")
    if not q:
        return Markup(escape(text))
    return Markup(highlight_query(text, q))
