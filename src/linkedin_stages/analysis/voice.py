"""The member's voice, stage by stage: how many posts, how long, how business-minded, which
hashtags, the posts that best show each stage; and the words per post, quarter by quarter.

Computed on the real posts (their words choose the examples and tell their language, by
`text_signals.detect_language`);
redaction then rewrites the result (`redact.py`), never the other way round."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import polars as pl

from ..links import first_line
from .model import OWN_KINDS, STAGES, MonthStage, OwnKind, PostKind, Stage, post_kind
from .ranking import Counted, top_values
from .text_signals import detect_language  # the tool's one language identifier

__all__ = ["WORD_KINDS", "ExamplePost", "QuarterWords", "StageVoice", "Voice",
           "detect_language", "voice"]

# the posts whose words are counted
WORD_KINDS: tuple[OwnKind, ...] = ("original", "commented_share")
EXAMPLES = 2  # posts shown per stage (one for "present")
TOP_HASHTAGS = 5

_POST_COLUMNS = ("timestamp", "post_urn", "link", "kind", "text", "words", "business",
                 "personal", "hashtags", "shared_domain", "business_words")

@dataclass(frozen=True)
class ExamplePost:
    """A post shown as an example of a stage: what the analysis knows of it."""

    timestamp: datetime
    kind: PostKind
    text: str | None  # the member's words (a placeholder once redacted)
    link: str | None  # as in the archive (None once redacted); the view checks it
    words: int
    shared_domain: str | None
    business: bool  # business intent
    personal: bool  # personal voice
    hashtags: tuple[str, ...]
    language: str | None  # ISO 639-1 code, None when it cannot be told (`detect_language`)


@dataclass(frozen=True)
class StageVoice:
    stage: Stage | None
    posts: int
    own_posts: int  # of them, the member's own words (OWN_KINDS)
    business_posts: int  # of the own posts, those with business intent
    median_words: float | None  # of the WORD_KINDS posts, None without any
    hashtags: tuple[Counted, ...]
    examples: tuple[ExamplePost, ...]


@dataclass(frozen=True)
class QuarterWords:
    quarter: str  # "2024-Q2"
    posts: int
    median: float
    low: float  # first and third quartiles (linear, as statistics.quantiles "inclusive")
    high: float


@dataclass(frozen=True)
class Voice:
    stages: tuple[StageVoice, ...]  # the stages the timeline visits, ladder order, then None
    quarters: tuple[QuarterWords, ...]  # quarters with a WORD_KINDS post, oldest first
    median_words: float | None  # over every WORD_KINDS post


def post_frame(posts: pl.DataFrame, months: Sequence[MonthStage]) -> pl.DataFrame:
    """The member's posts with the stage of their month (`group`, as text; posts outside
    the timeline's months are left out), oldest first. Kept as a frame: a big archive has
    70,000 posts, and only the few shown become Python rows."""
    wanted = [c for c in _POST_COLUMNS if c in posts.columns]
    if posts.is_empty():
        return posts.select(wanted).with_columns(
            pl.lit(None, dtype=pl.String).alias("month"), pl.lit("", dtype=pl.String)
            .alias("_urn"), pl.lit(None, dtype=pl.String).alias("group"))
    stage_of = pl.DataFrame({"month": [m.month for m in months],
                             "group": [str(m.stage) for m in months]})
    urn = (pl.col("post_urn").cast(pl.String).fill_null("") if "post_urn" in wanted
           else pl.lit(""))
    return (posts.select(wanted).filter(pl.col("timestamp").is_not_null())
            .with_columns(pl.col("timestamp").dt.strftime("%Y-%m").alias("month"),
                          urn.alias("_urn"))
            .join(stage_of, on="month", how="inner", maintain_order="left")
            .sort(["timestamp", "_urn"], maintain_order=True))


def _lead_words(row: dict[str, object]) -> int:
    """Words on the post's first line: a post whose first line says something shows more."""
    return len(first_line(row.get("text")).split())


def example_rows(stage: Stage | None, posts: pl.DataFrame) -> list[dict[str, object]]:
    """The posts (rows of `post_frame`) that best show `stage`, most telling first
    (deterministic)."""
    def column(name: str, default: object) -> pl.Expr:
        return pl.col(name).fill_null(default) if name in posts.columns else pl.lit(default)

    newest = [pl.col("timestamp"), pl.col("_urn")]
    kind = pl.col("kind")
    if stage == "relay":
        pool = posts.filter(kind.is_in(["curated_share", "reshare"])).sort(
            [pl.col("shared_domain").is_not_null(), *newest], descending=True)
        # Posts whose first line says something (3+ words) first; the rest fill in.
        telling: list[dict[str, object]] = []
        others: list[dict[str, object]] = []
        for row in pool.iter_rows(named=True):
            if _lead_words(row) >= 3:
                telling.append(row)
                if len(telling) == EXAMPLES:
                    break
            elif len(others) < EXAMPLES:
                others.append(row)
        return (telling + others)[:EXAMPLES]
    if stage == "producer":
        pool = posts.filter(kind.is_in(["original", "article"])).sort(
            [column("personal", False), column("words", 0), *newest], descending=True)
    elif stage == "power_networker":
        pool = posts.filter(kind.is_in(["original", "article", "commented_share"])).sort(
            [column("business", False), kind == "original",
             pl.col("business_words").list.len().fill_null(0)
             if "business_words" in posts.columns else pl.lit(0), *newest], descending=True)
    elif stage == "present":
        return posts.sort(newest, descending=True).head(1).to_dicts()
    else:
        return []
    return pool.head(EXAMPLES).to_dicts()


def _example(row: dict[str, object]) -> ExamplePost:
    stamp = row["timestamp"]
    assert isinstance(stamp, datetime)
    text, link, domain = row.get("text"), row.get("link"), row.get("shared_domain")
    words, hashtags = row.get("words"), row.get("hashtags")  # Int64, List(String); may be null
    return ExamplePost(
        timestamp=stamp, kind=post_kind(row["kind"]),
        text=text if isinstance(text, str) else None,
        link=link if isinstance(link, str) else None,
        words=words if isinstance(words, int) else 0,
        shared_domain=domain if isinstance(domain, str) else None,
        business=bool(row.get("business")), personal=bool(row.get("personal")),
        hashtags=tuple(str(t) for t in hashtags) if isinstance(hashtags, list) else (),
        language=detect_language(text))


def _quarters(frame: pl.DataFrame) -> tuple[QuarterWords, ...]:
    """Per quarter: posts, median and middle half of their words (linear quantiles, as
    `statistics.quantiles(method="inclusive")`), computed by polars on 50,000 posts."""
    quarter = pl.format("{}-Q{}", pl.col("timestamp").dt.year(),
                        (pl.col("timestamp").dt.month() - 1) // 3 + 1)
    words = pl.col("words").fill_null(0).cast(pl.Float64)
    rows = frame.group_by(quarter.alias("q")).agg(
        pl.len(), words.median().alias("median"), words.quantile(0.25, "linear").alias("low"),
        words.quantile(0.75, "linear").alias("high")).sort("q").iter_rows()
    return tuple(QuarterWords(q, int(n), float(median), float(low), float(high))
                 for q, n, median, low, high in rows)


def voice(posts: pl.DataFrame, months: Sequence[MonthStage]) -> Voice:
    """The voice of the member's classified `posts` over the timeline's `months`."""
    frame = post_frame(posts, months)
    present = {m.stage for m in months}
    stages = []
    for stage in (s for s in (*STAGES, None) if s in present):
        group = frame.filter(pl.col("group") == str(stage))
        own = group.filter(pl.col("kind").is_in(OWN_KINDS))
        word_counts = group.filter(pl.col("kind").is_in(WORD_KINDS))["words"].fill_null(0)
        tags = (group["hashtags"].explode() if "hashtags" in group.columns and group.height
                else pl.Series("hashtags", [], dtype=pl.String))
        stages.append(StageVoice(
            stage=stage, posts=group.height, own_posts=own.height,
            business_posts=int(own["business"].fill_null(False).sum()) if own.height else 0,
            median_words=(statistics.median(word_counts.to_list()) if word_counts.len()
                          else None),
            hashtags=top_values(tags, TOP_HASHTAGS),
            examples=tuple(_example(r) for r in example_rows(stage, group))))
    worded = frame.filter(pl.col("kind").is_in(WORD_KINDS))
    overall = (worded.select(pl.col("words").fill_null(0).cast(pl.Float64).median()).item()
               if worded.height else None)
    return Voice(tuple(stages), _quarters(worded), overall)
