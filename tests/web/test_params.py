"""The URL -> SearchRequest boundary: every limit is enforced with a message a person can act on."""

from __future__ import annotations

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

import archive.config as defaults
from archive.params import Limits, parse_page, parse_search_args
from indexer.search_api import BadRequest

LIMITS = Limits.from_config({name: getattr(defaults, name) for name in dir(defaults) if name.isupper()})


def parse(**params):
    args = MultiDict()
    for name, value in params.items():
        for v in value if isinstance(value, list) else [value]:
            args.add(name, v)
    return parse_search_args(args, LIMITS)


def test_defaults_browse_and_search_by_relevance_like_the_cli():
    assert parse().sort == "relevance"
    request = parse(q="  prevent  ")
    assert (request.q, request.sort, request.page, request.per_page) == ("prevent", "relevance", 1, defaults.PAGE_SIZE)


def test_repeated_filters_select_several_values_once_each():
    request = parse(committee=["A", "B", "A", " "], speaker="Jane", year=["2019", "2020"], council="X")
    assert request.committee == ("A", "B")
    assert request.speaker == ("Jane",)
    assert request.year == (2019, 2020)
    assert request.council == ("X",)


def test_dates_parse_and_must_be_in_order():
    request = parse(**{"from": "2018-01-01", "to": "2019-12-31"})
    assert (request.date_from, request.date_to) == (date(2018, 1, 1), date(2019, 12, 31))
    with pytest.raises(BadRequest, match="back to front"):
        parse(**{"from": "2020-01-01", "to": "2019-01-01"})


@pytest.mark.parametrize(
    "params, message",
    [
        ({"page": "0"}, "page must be a whole number of 1 or more"),
        ({"page": "-1"}, "page must be a whole number"),
        ({"page": "abc"}, "page must be a whole number"),
        ({"page": "1.5"}, "page must be a whole number"),
        ({"page": "١"}, "page must be a whole number"),  # non-ASCII digits are not page numbers
        ({"page": "1000000000000"}, "page must be at most 500"),
        ({"page": "9" * 40}, "far too large"),
        ({"page": str(defaults.MAX_PAGE + 1)}, f"at most {defaults.MAX_PAGE}"),
        ({"page": "11", "per_page": "100"}, "first 1,000 results"),
        ({"per_page": "0"}, "per_page must be"),
        ({"per_page": str(defaults.MAX_PAGE_SIZE + 1)}, f"at most {defaults.MAX_PAGE_SIZE}"),
        ({"sort": "random"}, "Unknown sort 'random'"),
        ({"from": "2019-13-01"}, "'from' must be a date in YYYY-MM-DD form"),
        ({"to": "31/12/2019"}, "'to' must be a date"),
        ({"from": "2019-1-1"}, "'from' must be a date"),
        ({"year": "nineteen"}, "year must be a four-digit year"),
        ({"q": "x" * (defaults.MAX_QUERY_LENGTH + 1)}, "the limit is 500"),
        ({"q": "a " * 5000}, "the limit is 500"),
        ({"committee": [f"c{i}" for i in range(50)]}, "Too many 'committee' values \\(50\\)"),
        ({"speaker": "x" * 1000}, "too long"),
    ],
)
def test_out_of_bounds_parameters_are_refused_clearly(params, message):
    with pytest.raises(BadRequest, match=message):
        parse(**params)


def test_page_parameter_alone_is_bounded_like_a_search():
    assert parse_page(MultiDict({"page": "3"}), LIMITS, 50) == 3
    with pytest.raises(BadRequest):
        parse_page(MultiDict({"page": "0"}), LIMITS, 50)
    with pytest.raises(BadRequest):
        parse_page(MultiDict({"page": "21"}), LIMITS, 50)  # 21 * 50 > result window
