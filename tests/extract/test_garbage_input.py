"""Bad input gives a valid (possibly empty) result, never an exception."""

from __future__ import annotations

import random

import pytest

from indexer.extract import Extraction, extract_minutes


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t ",
        "RESOLVED:",
        "AGREED -",
        "Councillor",
        "Councillors , and",
        "(a) (b) (c)",
        "For: Against: Abstain:",
        "The Chair. The Chair. The Chair.",
        "\x00\x01\x02 binary \xff\xfe",
        "é" * 1000,
        "Minutes:\n\nMinutes:\n\nDecision:\n\nSupporting documents:",
        "a" * 50_000,
        "Councillor " * 5000,
        "RESOLVED that (a) " * 2000,
    ],
)
def test_odd_text_gives_a_valid_extraction(text):
    result = extract_minutes(text)
    assert isinstance(result, Extraction)
    assert set(result.to_json()) == {"speakers", "decisions", "commitments", "attendees", "topics", "keyphrases"}


def test_binary_is_reported_as_a_warning():
    result = extract_minutes("\x00\x00PK\x03\x04" + "\x00" * 100)
    assert result.speakers == () and result.warnings


def test_random_bytes_never_raise():
    rng = random.Random(1234)
    for _ in range(30):
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000)))
        extract_minutes(raw.decode("latin-1"))


def test_html_is_stripped_to_text_first():
    html = (
        "<html><body><h1>Item 5</h1><p class='mgWordPara'>Councillor <b>Smith</b> asked about "
        "potholes. The Head of Highways replied that repairs would be completed by 30 June.</p>"
        "<p>RESOLVED: that the report be noted.</p><script>alert('x')</script></body></html>"
    )
    result = extract_minutes(html)
    mentions = {m for s in result.speakers for m in s.mentions}
    assert mentions == {"Councillor Smith", "The Head of Highways"}
    assert [d.text for d in result.decisions] == ["that the report be noted."]
    assert any("HTML" in w for w in result.warnings)
    assert not any("alert" in c.text for c in result.commitments)


@pytest.mark.slow
def test_five_megabytes_of_text_is_truncated_not_fatal():
    paragraph = ("Councillor Smith asked about the budget. The Director of Finance replied that the "
                 "figures would be circulated. RESOLVED that the report be noted.\n\n")
    result = extract_minutes(paragraph * (5_000_000 // len(paragraph)))
    assert result.speakers and any("longer than" in w for w in result.warnings)


def test_large_input_is_capped():
    from indexer.extract.text import MAX_CHARS, prepare

    prep = prepare("x " * (MAX_CHARS // 2 + 10))
    assert len(prep.text) == MAX_CHARS and prep.warnings


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError):
        extract_minutes(b"bytes")  # type: ignore[arg-type]


def test_a_single_html_paragraph_is_read_as_html():
    from indexer.extract import extract_minutes

    result = extract_minutes("<p>RESOLVED: That the report be noted.</p>")
    assert [d.text for d in result.decisions] == ["That the report be noted."]


def test_a_less_than_sign_in_prose_is_not_html():
    from indexer.extract.text import looks_like_html

    assert not looks_like_html("The vote was 3 < 5 and the b-road works continue.")
    assert looks_like_html("<P>Noted.</P>") and looks_like_html("text<br/>more")


# Runs of separators that once made a decision limb's clean-up backtrack exponentially (" ; ; ; ;"
# took seconds for six pairs): each must come back at once. The timeout is a hang guard, not a speed
# target (speed lives in scripts/bench_extract.py).
@pytest.mark.timeout(20)
@pytest.mark.parametrize("run", [" ;", " , and", ";,", " or ;", "\u00a0;"])
def test_separator_runs_at_the_end_of_a_resolution_do_not_hang(run):
    text = "RESOLVED:\n(a) that the report be noted" + run * 60 + " x\n(b) that the plan be approved" + run * 60
    result = extract_minutes(text)
    assert any("report be noted" in d.text for d in result.decisions)
    assert all(not d.text.rstrip(".").endswith((";", ",", " and", " or")) for d in result.decisions)
