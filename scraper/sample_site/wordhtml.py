"""Render plain paragraphs as the Word-generated HTML ModernGov publishes (GUIDE.md §4.2).

The sample council's texts are stored as clean paragraphs; the site dresses them the way councils'
pages really look, so the parsers have real work to do: ``div.WordSection1 > p.MsoNormal``, text
hard-wrapped at ~72 columns, ``&nbsp;`` spacer paragraphs, ``<span style="">`` wrappers, ``<o:p>``
tags, numeric entities for apostrophes, and bullets either as Word's ``·`` + non-breaking spaces or
as ``<ul><li>``. The style is chosen per text from a stable number (the item id), so every page of the
site renders the same text identically and both harvesting paths see the same markup.
"""

from __future__ import annotations

import html
import textwrap

BULLET = "• "


def _escape(text: str, numeric_apostrophes: bool, double_escape: bool) -> str:
    escaped = html.escape(text, quote=False)
    if numeric_apostrophes:
        escaped = escaped.replace("'", "&#39;").replace("/", "&#47;")
    if double_escape:
        # A second escaping pass, as some installs' web service emits (GUIDE.md §8.1): "&amp;#39;".
        escaped = escaped.replace("&#39;", "&amp;#39;")
    return escaped


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, width=72, break_long_words=False, break_on_hyphens=False)) or text


def render_word_html(
    paragraphs: list[str] | tuple[str, ...],
    style: int,
    *,
    double_escape: bool = False,
) -> str:
    """Word HTML for clean paragraphs; a paragraph starting "• " is a bullet.

    ``style`` picks one of four looks (0-3). Parsing the result with ``scraper.parse.text`` gives the
    paragraphs back joined as the record's plain-text form.
    """
    style %= 4
    spacer = '<p class="MsoNormal"><span style="">&nbsp;</span><o:p></o:p></p>' if style in (1, 3) else ""
    numeric = style in (2, 3)
    out: list[str] = ['<div class="WordSection1">']
    in_list = False
    for paragraph in paragraphs:
        is_bullet = paragraph.startswith(BULLET)
        body = paragraph[len(BULLET):] if is_bullet else paragraph
        escaped = _escape(_wrap(body), numeric, double_escape)
        if is_bullet and style in (2, 3):
            if not in_list:
                out.append('<ul style="margin-top:0cm" type="disc">')
                in_list = True
            out.append(f'<li class="MsoNormal" style="">{escaped}<o:p></o:p></li>')
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if is_bullet:
            out.append(
                '<p class="MsoListParagraph" style="margin-left:36.0pt;text-indent:-18.0pt">'
                '<span style="font-family:Symbol">·<span style="font:7.0pt &quot;Times New Roman&quot;">'
                "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
                f"{escaped}<o:p></o:p></p>"
            )
        elif style == 0:
            out.append(f'<p class="MsoNormal">{escaped}</p>')
        else:
            out.append(f'<p class="MsoNormal"><span style="">{escaped}</span><o:p></o:p></p>')
        if spacer and not is_bullet:
            out.append(spacer)
    if in_list:
        out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)


def render_raw_text_as_word(raw: str) -> str:
    """Render text kept verbatim (the seed item) as Word HTML, preserving its odd characters.

    Every line becomes a ``p.MsoNormal``; non-breaking spaces become ``&nbsp;`` and the ``·`` bullet
    glyph stays as it is, exactly as Word exported it, so the parsers must clean it themselves.
    """
    out = ['<div class="WordSection1">']
    for line in raw.split("\n"):
        if line == "":
            continue
        escaped = html.escape(line, quote=False).replace("\u00a0", "&nbsp;")
        if line.startswith("\u00b7"):
            escaped = '<span style="font-family:Symbol">' + escaped[:1] + "</span>" + escaped[1:]
        out.append(f'<p class="MsoNormal"><span style="">{escaped}</span><o:p></o:p></p>')
    out.append("</div>")
    return "\n".join(out)


def expected_text(paragraphs: list[str] | tuple[str, ...]) -> str:
    """The plain-text form a parser must give for ``paragraphs`` (bullets joined by single newlines)."""
    out: list[str] = []
    previous_bullet = False
    for paragraph in paragraphs:
        is_bullet = paragraph.startswith(BULLET)
        if out:
            out.append("\n" if (is_bullet and previous_bullet) else "\n\n")
        out.append(paragraph)
        previous_bullet = is_bullet
    return "".join(out)


__all__ = ["render_word_html", "render_raw_text_as_word", "expected_text"]
