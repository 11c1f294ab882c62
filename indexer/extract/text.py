"""Turning whatever we are given into text the extractors can read, and finding its parts.

An item's text arrives as ModernGov renders it ("Agenda item", title, agenda text, "Minutes:",
"Decision:", "Supporting documents:"), as plain minutes prose, or - from the command line - as
anything at all. The agenda text describes what *will* happen ("Members are invited to note"),
so speakers, decisions and commitments are read from the minutes and decision parts only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 1_000_000  # longer input is cut here (with a warning): no real item is this long

_HTML_HINT = re.compile(r"(?is)<\s*/?\s*(?:html|body|div|p|br|span|table|td|li|ul|ol|h[1-6]|strong|em|b|i|u|font)\b[^>]*>")
_SECTION = re.compile(
    r"^[ \t]*(?P<label>Minutes|Decision|Decisions|Supporting documents|Additional documents|"
    r"Background papers)[ \t]*:[ \t]*(?:\r?\n|$)",
    re.MULTILINE | re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Sentence boundaries: ". " + capital/bullet, or a blank line/bullet line. Abbreviations that end in
# a full stop inside a sentence ("Cllr. Smith", "Dr. Patel", "J. Smith", "etc.") are not boundaries.
_ABBREV = re.compile(
    r"(?:\b(?:Cllr|Cllrs|Dr|Mr|Mrs|Ms|Prof|Rev|Revd|St|No|Nos|Para|para|paras|Ref|ref|approx|etc|"
    r"e\.g|i\.e|cf|vs|Ald|Insp|Supt|Sgt|Det|Ch|Co|Ltd|inc|Inc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Nov|Dec|Fig|fig|Vol|vol|Cttee|Gov|Govt)|\b[A-Z])\.$"
)
_SENT_END = re.compile(r"(?<=[.!?])[\"'’”)]?\s+(?=[\"'‘“(]?[A-Z0-9•·▪●\-–(])|\n[ \t\u00a0]*\n|\n(?=[ \t]*[•·▪●\-–*]\s)")


@dataclass(frozen=True)
class Prepared:
    """The text the extractors read, with the spans of its parts."""

    text: str
    minutes: tuple[int, int]  # where speakers, decisions and commitments are read
    decision: tuple[int, int] | None  # a "Decision:" section, when the page has one
    title: str  # the first meaningful line (agenda item title), for topic weighting
    warnings: tuple[str, ...] = ()


def looks_binary(data: bytes | str) -> bool:
    """NUL bytes or a high share of control characters: not text a person wrote."""
    sample = data[:8192]
    if isinstance(sample, bytes):
        if b"\x00" in sample:
            return True
        try:
            sample = sample.decode("utf-8")
        except UnicodeDecodeError:
            sample = sample.decode("latin-1")
    if "\x00" in sample:
        return True
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls / len(sample) > 0.05


def looks_like_html(text: str) -> bool:
    # One known tag, opening or closing, is enough: "<p>RESOLVED – …</p>" is a whole HTML minute.
    return _HTML_HINT.search(text[:20000]) is not None


def html_to_text(html: str) -> str:
    """Strip markup to text, keeping block boundaries as line breaks (bs4 with lxml)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "head", "noscript", "template"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for li in soup.find_all("li"):
        li.insert(0, "• ")
    blocks = soup.find_all(["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"])
    for block in blocks:
        block.insert_after("\n\n")
    text = soup.get_text()
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def prepare(raw: str) -> Prepared:
    """Normalise input and locate its minutes and decision sections."""
    warnings: list[str] = []
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append("input looked like HTML: tags were stripped")
    text = _CONTROL.sub(" ", text)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        warnings.append(f"input longer than {MAX_CHARS} characters: the rest was ignored")
    sections = list(_SECTION.finditer(text))
    minutes: tuple[int, int] | None = None
    decision: tuple[int, int] | None = None
    for i, m in enumerate(sections):
        end = sections[i + 1].start() if i + 1 < len(sections) else len(text)
        label = m.group("label").lower()
        if label == "minutes" and minutes is None:
            minutes = (m.end(), end)
        elif label.startswith("decision") and decision is None:
            decision = (m.end(), end)
    if minutes is None:
        start = 0
        first_doc = next((m for m in sections if "document" in m.group("label").lower()
                          or "papers" in m.group("label").lower()), None)
        stop = first_doc.start() if first_doc else len(text)
        if decision is not None and decision[0] > 0:
            stop = min(stop, _line_start(text, decision[0]))
        minutes = (start, stop)
    return Prepared(text=text, minutes=minutes, decision=decision, title=_title(text),
                    warnings=tuple(warnings))


def _line_start(text: str, pos: int) -> int:
    m = None
    for m in _SECTION.finditer(text, 0, pos + 1):
        pass
    return m.start() if m else pos


def _title(text: str) -> str:
    for line in text[:2000].splitlines():
        line = line.strip()
        if not line or line.lower() in ("agenda item", "minutes:", "minutes"):
            continue
        return line[:300]
    return ""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Split text[start:end] into sentences and bullet points, with their offsets."""
    out: list[Sentence] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        candidate = text[pos:m.start()]
        sep = m.group(0)
        tail = candidate.rstrip("\"'’”) \t\n")
        # an abbreviation match ends the string and is at most 7 characters long ("approx."): search
        # only the last few (``pos`` keeps the character before them for ``\b``)
        if not re.search(r"\n[ \t\u00a0]*\n", sep) and _ABBREV.search(tail, max(0, len(tail) - 8)):
            continue
        _add_sentence(out, text, pos, m.start())
        pos = m.end()
    _add_sentence(out, text, pos, end)
    return out


def _add_sentence(out: list[Sentence], text: str, s: int, e: int) -> None:
    while s < e and text[s] in " \t\n\u00a0•·▪●*":
        s += 1
    while e > s and text[e - 1] in " \t\n\u00a0":
        e -= 1
    if e > s:
        out.append(Sentence(s, e, text[s:e]))


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blank-line separated blocks of text[start:end] (bullets are their own paragraphs)."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in re.finditer(r"\n[ \t\u00a0]*\n|\n(?=[ \t]*[•·▪●]\s)", text[start:end]):
        s, e = pos, start + m.start()
        if text[s:e].strip():
            out.append((s, e))
        pos = start + m.end()
    if text[pos:end].strip():
        out.append((pos, end))
    return out


class Spans:
    """A set of [start, end) spans answering "is this offset inside one?" in O(log n).

    Spans are added in any order; queries sort lazily. Used to skip text already read as a
    decision, which would otherwise cost a scan of every span per sentence.
    """

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._spans: list[tuple[int, int]] = list(spans or [])
        self._sorted = False
        self._starts: list[int] = []
        self._max_end: list[int] = []

    def add(self, start: int, end: int) -> None:
        self._spans.append((start, end))
        self._sorted = False

    def __iter__(self):
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def contains(self, pos: int) -> bool:
        if not self._spans:
            return False
        if not self._sorted:
            self._spans.sort()
            self._starts = [s for s, _e in self._spans]
            running = -1
            self._max_end = []
            for _s, e in self._spans:
                running = max(running, e)
                self._max_end.append(running)
            self._sorted = True
        import bisect

        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self._max_end[i] > pos
