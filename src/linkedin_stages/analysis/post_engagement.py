"""Per-post analytics workbooks (`post_analytics.PostAnalytics`) joined to the member's posts.

Each workbook names its post by id only: the `Post URL`'s (`urn:li:share:<id>`, or the
`-activity-<id>-` of a `/posts/…` link) and the number ending its file name. A workbook is
matched when one of those ids is the id of a post of the archive (`classify_posts`'
`urn_id`, or an id written in its `link`), whatever the URN types. Never by date: a post's
date says nothing of which post it is (an unrelated member posts on the same days), so a
workbook whose ids name no post of the archive stays unmatched, and is counted.

The workbooks are read by `post_analytics.load_post_analytics` (the loading layer); nothing
here reads a file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from .engagement import MATCHER_COLUMNS, matcher_columns

if TYPE_CHECKING:  # the workbook reader is imported only when a workbook is given
    from ..post_analytics import PostAnalytics

__all__ = ["POST_ENGAGEMENT_SCHEMA", "PostEngagement", "join_post_analytics"]

_METRIC_COLUMNS = ("impressions", "members_reached", "reactions", "comments", "reposts",
                   "saves", "sends", "profile_viewers", "followers_gained",
                   "social_engagements", "link_engagements")
# One row a workbook, in the order given (duplicates of one post included, marked).
POST_ENGAGEMENT_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "file": pl.String,  # the workbook's file name
    "url": pl.String,  # its Post URL
    "workbook_ids": pl.List(pl.String),  # the ids it names (URL's, file name's)
    "published": pl.Date,  # its Post Date, as written
    "match": pl.String,  # "url" (the URL's id), "file_name" (only the file name's), null
    "duplicate": pl.Boolean,  # a later workbook of the same post is the one kept
    "timestamp": pl.Datetime("us"),  # the matched post's (null when unmatched)
    "post_urn": pl.String,
    "post_urn_id": pl.String,
    "kind": pl.String,
    "link": pl.String,
    "words": pl.Int64,
    **dict.fromkeys(_METRIC_COLUMNS, pl.Int64),  # the workbook's (PostMetrics)
}
_LINK_IDS = re.compile(r"(?:urn:li:[A-Za-z]+:|-(?:activity|share|ugcPost)-)(\d+)")


@dataclass(frozen=True, eq=False)  # a frame inside: compare its fields, not the objects
class PostEngagement:
    """The workbooks joined to the posts.

    * `rows`: one row a workbook (POST_ENGAGEMENT_SCHEMA): its metrics, and the matched
      post's timestamp, URN, kind, link and words (null when unmatched);
    * `matched`: the posts matched (a post with several workbooks counts once: the last
      workbook given wins, its earlier ones are marked `duplicate`), `matched_by_url` and
      `matched_by_file_name` of them; `unmatched`: the workbooks naming no post of the
      archive (or naming none at all);
    * `matched_rows()`: the rows kept for the matched posts (no duplicate), oldest first.
    """

    rows: pl.DataFrame
    matched: int
    matched_by_url: int
    matched_by_file_name: int
    unmatched: int
    duplicates: int

    def counts(self) -> dict[str, int]:
        """The counts, JSON-ready: workbooks, matched (by_url, by_file_name), unmatched,
        duplicates."""
        return {"workbooks": self.rows.height, "matched": self.matched,
                "matched_by_url": self.matched_by_url,
                "matched_by_file_name": self.matched_by_file_name,
                "unmatched": self.unmatched, "duplicates": self.duplicates}

    def matched_rows(self) -> pl.DataFrame:
        return (self.rows.filter(pl.col("match").is_not_null() & ~pl.col("duplicate"))
                .sort("timestamp"))


def _post_ids(posts: pl.DataFrame) -> dict[str, int]:
    """id → row of the first post naming it (its urn_id, then the ids in its link)."""
    by_id: dict[str, int] = {}
    for index, (urn_id, link) in enumerate(zip(posts["urn_id"], posts["link"], strict=True)):
        for post_id in ([urn_id] if urn_id else []) + _LINK_IDS.findall(link or ""):
            by_id.setdefault(post_id, index)
    return by_id


def join_post_analytics(workbooks: Sequence[PostAnalytics], posts: pl.DataFrame
                        ) -> PostEngagement:
    """Each per-post workbook matched to a post of `posts` (as `metrics.classify_posts`
    returns them: timestamp, post_urn, urn_id, kind, link, words) by id alone: first the
    Post URL's id, then the file name's. See the module's docstring."""
    own = matcher_columns(posts)
    by_id = _post_ids(own)
    hits: list[tuple[int | None, str | None]] = []
    for book in workbooks:
        hit: tuple[int | None, str | None] = (None, None)
        if book.urn_id and book.urn_id in by_id:
            hit = (by_id[book.urn_id], "url")
        elif book.file_id and book.file_id in by_id:
            hit = (by_id[book.file_id], "file_name")
        hits.append(hit)
    last = {row: index for index, (row, _how) in enumerate(hits) if row is not None}
    records = []
    for index, (book, (row, how)) in enumerate(zip(workbooks, hits, strict=True)):
        post = own.row(row, named=True) if row is not None else dict.fromkeys(MATCHER_COLUMNS)
        metrics = book.metrics.as_dict()
        records.append({
            "file": book.file.name, "url": book.url, "workbook_ids": list(book.ids),
            "published": book.published, "match": how,
            "duplicate": row is not None and last[row] != index,
            "timestamp": post["timestamp"], "post_urn": post["post_urn"],
            "post_urn_id": post["urn_id"], "kind": post["kind"], "link": post["link"],
            "words": post["words"],
            **{column: metrics[column] for column in _METRIC_COLUMNS},
        })
    frame = pl.DataFrame(records, schema=POST_ENGAGEMENT_SCHEMA, orient="row")
    kept = [(row, how) for index, (row, how) in enumerate(hits)
            if row is not None and last[row] == index]
    return PostEngagement(
        rows=frame,
        matched=len(kept),
        matched_by_url=sum(1 for _row, how in kept if how == "url"),
        matched_by_file_name=sum(1 for _row, how in kept if how == "file_name"),
        unmatched=sum(1 for row, _how in hits if row is None),
        duplicates=len(hits) - len(kept) - sum(1 for row, _how in hits if row is None),
    )
