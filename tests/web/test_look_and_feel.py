"""The stylesheet's colour pairs meet WCAG AA contrast, focus is always visible, nothing is external."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "archive" / "static"
CSS = (STATIC / "style.css").read_text(encoding="utf-8")


def colour_vars() -> dict[str, str]:
    root = re.search(r":root\s*\{(.*?)\}", CSS, re.S).group(1)
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", root))


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


VARS = colour_vars()
WHITE = "#ffffff"
PAIRS = [  # (foreground, background) as used by the stylesheet
    ("ink", "bg"), ("muted", "bg"), ("muted", "panel"), ("link", "bg"), ("link", "panel"), ("visited", "bg"),
    ("ink", "mark"), ("ink", "warn-bg"), ("ink", "error-bg"), ("error", "bg"), ("error", "error-bg"), ("brand", "bg"),
]


@pytest.mark.parametrize("fg, bg", PAIRS)
def test_text_colours_meet_wcag_aa(fg, bg):
    assert contrast(VARS[fg], VARS[bg]) >= 4.5, (fg, bg, round(contrast(VARS[fg], VARS[bg]), 2))


def test_header_text_on_brand_colour_meets_wcag_aa():
    assert contrast(WHITE, VARS["brand"]) >= 4.5


def test_focus_is_visible_and_distinct():
    assert re.search(r":focus-visible\s*\{[^}]*outline:\s*3px solid", CSS)
    assert contrast(VARS["focus"], VARS["ink"]) >= 3  # the focus ring's two colours stand apart


def test_no_assets_from_other_sites():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), path.name
        assert "@import" not in text
    templates = Path(__file__).resolve().parents[2] / "templates"
    for path in templates.glob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"(https?:)?//", html), path.name
