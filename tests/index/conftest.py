"""Fixtures for the index tests: a backend factory (parametrised so another engine can join the
contract suite), and ready-made indexes of the test corpora."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from index_corpus import docs, fixed_corpus, random_corpus  # noqa: E402

from indexer.settings import SearchSettings  # noqa: E402
from indexer.whoosh_backend import WhooshBackend  # noqa: E402

TEST_SETTINGS = SearchSettings(refresh_interval_s=0.0)


def make_whoosh(root: Path, documents: list[dict[str, Any]]) -> WhooshBackend:
    backend = WhooshBackend(root / "index", TEST_SETTINGS)
    backend.add_new(documents)
    backend.commit()
    return backend


# Engines the contract suite runs against: add a factory here to test another backend.
BACKEND_FACTORIES: dict[str, Callable[[Path, list[dict[str, Any]]], Any]] = {"whoosh": make_whoosh}


@pytest.fixture(scope="module", params=sorted(BACKEND_FACTORIES))
def backend_factory(request, tmp_path_factory):
    factory = BACKEND_FACTORIES[request.param]
    counter = iter(range(10_000))

    def build(documents: list[dict[str, Any]]):
        return factory(tmp_path_factory.mktemp(f"{request.param}{next(counter)}"), documents)

    return build


@pytest.fixture(scope="module")
def corpus_docs() -> list[dict[str, Any]]:
    return docs(fixed_corpus() + random_corpus())


@pytest.fixture(scope="module")
def backend(backend_factory, corpus_docs):
    return backend_factory(corpus_docs)
