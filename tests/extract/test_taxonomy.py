"""The topic taxonomy: bundled data, a deployment's own file, and bad files."""

from __future__ import annotations

import pytest

from indexer.extract import TaxonomyError, extract_minutes, load_taxonomy, taxonomy_for_instance
from indexer.extract.topics import BUNDLED_TAXONOMY, MAX_TOPICS


def test_bundled_taxonomy_covers_council_business():
    taxonomy = load_taxonomy()
    labels = {t.label for t in taxonomy.topics}
    assert len(labels) >= 16
    for expected in ("Community safety", "Planning and development control", "Housing", "Education and schools",
                     "Adult social care", "Children's services", "Public health and NHS", "Transport and highways",
                     "Environment and climate", "Finance and budget", "Equalities and community cohesion",
                     "Licensing", "Governance and standards", "Regeneration and economy",
                     "Culture, leisure and sport", "Waste and recycling"):
        assert expected in labels
    assert taxonomy.source == str(BUNDLED_TAXONOMY)


@pytest.mark.parametrize(
    "title,text,expected",
    [
        ("Planning application 22/0101/FUL", "erection of 12 dwellings; objectors raised overlooking", "Planning and development control"),
        ("Premises licence review", "review of the premises licence under the Licensing Act 2003", "Licensing"),
        ("Revenue budget 2024/25", "council tax, reserves and the medium term financial strategy", "Finance and budget"),
        ("Food waste collections", "weekly food waste and recycling collections", "Waste and recycling"),
        ("Minutes of the previous meeting", "RESOLVED that the minutes be confirmed", "Governance and standards"),
    ],
)
def test_items_get_their_obvious_topic_first(title, text, expected):
    topics = load_taxonomy().classify(text, title)
    assert topics and topics[0] == expected
    assert len(topics) <= MAX_TOPICS


def test_capitalised_terms_are_case_sensitive():
    taxonomy = load_taxonomy()
    assert "Community safety" not in taxonomy.classify("officers tried to prevent delays to the prevent works")
    assert "Community safety" in taxonomy.classify("The Prevent programme and Prevent referrals", "Prevent")


def test_no_business_no_topic():
    assert load_taxonomy().classify("the the and of") == ()


def test_instance_file_replaces_the_bundled_one(instance):
    instance.taxonomy_file.write_text(
        "[topics.bins]\nlabel = \"Bins\"\nterms = { \"bin\" = 2, \"wheelie bin\" = 3 }\n"
        "[topics.dogs]\nlabel = \"Dogs\"\nterms = { \"dog fouling\" = 3 }\n"
    )
    taxonomy = taxonomy_for_instance(instance.taxonomy_file)
    assert [t.label for t in taxonomy.topics] == ["Bins", "Dogs"]
    result = extract_minutes("Minutes:\n\nMembers discussed wheelie bin collections and dog fouling.", taxonomy=taxonomy)
    assert set(result.topics) == {"Bins", "Dogs"}


def test_missing_instance_file_falls_back_to_bundled(instance):
    assert taxonomy_for_instance(instance.taxonomy_file).source == str(BUNDLED_TAXONOMY)


@pytest.mark.parametrize(
    "content,message",
    [
        ("[topics.x\n", "not valid TOML"),
        ("version = 1\n", r"no \[topics"),
        ("[topics.x]\nterms = { a = 1 }\n", "label"),
        ("[topics.x]\nlabel = \"X\"\n", "terms"),
        ("[topics.x]\nlabel = \"X\"\nterms = { a = \"high\" }\n", "positive number"),
        ("[topics.x]\nlabel = \"X\"\nterms = { a = -1 }\n", "positive number"),
    ],
)
def test_bad_taxonomy_files_name_the_problem(tmp_path, content, message):
    path = tmp_path / "topics.toml"
    path.write_text(content)
    with pytest.raises(TaxonomyError, match=message):
        load_taxonomy(path)


def test_missing_explicit_file_is_an_error(tmp_path):
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(tmp_path / "nope.toml")
