"""Search queries are bounded: length, distinct terms and alias expansion are capped."""

from __future__ import annotations

import pytest

from attache.errors import QueryError
from attache.kb import default_kb
from attache.search import MAX_QUERY_CHARS, MAX_QUERY_TERMS, compile_query
from attache.tokens import segmenter_for


def test_repeated_names_widen_the_query_once() -> None:
    # Before: "Japan" × 500 built an FTS expression 500 times as long (16.6 s in the probe);
    # a repeated word asks for nothing more.
    seg, kb = segmenter_for(()), default_kb()
    once = compile_query("Japan", seg, kb)
    many = compile_query(" ".join(["Japan"] * 60), seg, kb)
    assert once is not None and many is not None
    assert many.fts == once.fts


def test_overlong_query_is_refused_with_a_message() -> None:
    seg, kb = segmenter_for(()), default_kb()
    with pytest.raises(QueryError, match=f"limit is {MAX_QUERY_CHARS}"):
        compile_query(" ".join(["Japan"] * 5000), seg, kb)


def test_too_many_distinct_terms_are_refused() -> None:
    seg = segmenter_for(())
    words = " ".join(f"w{i}x" for i in range(MAX_QUERY_TERMS + 5))
    assert len(words) <= MAX_QUERY_CHARS
    with pytest.raises(QueryError, match="different words and names"):
        compile_query(words, seg, None)
    assert compile_query(" ".join(f"w{i}x" for i in range(MAX_QUERY_TERMS)), seg, None)
