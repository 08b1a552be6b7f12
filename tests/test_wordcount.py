"""`count_words` counts exactly what `str.count_matches(r"\\S+")` counts, faster."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from linkedin_stages.wordcount import count_words

# Every kind of whitespace the regex knows (ASCII and Unicode White_Space), characters whose
# UTF-8 encoding shares lead bytes with it (’ — … ✓ ⁠), control characters that are not
# whitespace, and anything else.
SPACES = list(" \t\n\r\x0b\x0c\u0085\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000")
LOOKALIKES = list("\u200b\u2060\u2019\u2014\u2026\u2713\u0080\u00a1\u3001\u1681\x1c\x1f\x00é🙂a")
TEXT = st.text(st.one_of(st.sampled_from(SPACES + LOOKALIKES), st.characters()), max_size=40)


def _by_regex(values: list[str | None]) -> list[int]:
    series = pl.Series("t", values, dtype=pl.String)
    return series.str.count_matches(r"\S+").fill_null(0).to_list()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.none(), TEXT), max_size=12))
def test_counts_like_the_regex(values: list[str | None]) -> None:
    counted = count_words(pl.Series("t", values, dtype=pl.String))
    assert counted.dtype == pl.Int32
    assert counted.to_list() == _by_regex(values)


def test_edges() -> None:
    values = ["a b", "", None, "  x\u00a0y  z", "\n\nfoo\tbar\r\n", "one\u202f:", "x", "y ",
              "\u3000", "end"]
    assert count_words(pl.Series("t", values)).to_list() == [2, 0, 0, 3, 2, 2, 1, 1, 0, 1]
    assert count_words(pl.Series("t", [], dtype=pl.String)).to_list() == []
    assert count_words(pl.Series("t", [None, None], dtype=pl.String)).to_list() == [0, 0]
    assert count_words(pl.Series("message", ["a"])).name == "message"
