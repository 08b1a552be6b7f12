"""Write LinkedIn's per-post analytics workbook (XLSX) — the inverse of
`linkedin_stages.post_analytics`, for the tests. Every value is invented.

Two layouts, as public parsers describe them (docs/post-analytics-format.md):

* `layout="sheets"`: `PostAnalytics_<Name>_<id>.xlsx`, sheets PERFORMANCE (label in column A,
  value in column B: `Post URL`, `Post Date`, `Post Publish Time`, a blank row, then the
  metrics) and TOP DEMOGRAPHICS (`Category | Value | Percentage`, one row a value);
* `layout="single"`: `SinglePostAnalytics_<Name>_<id>.xlsx`, one sheet `Post analytics`: the
  same label/value rows, then a `Post viewer demographics` row and the `Category | Value | %`
  table.

Variants for tolerance tests: `text_cells` (numbers written as text with thousands
separators, a small share as `< 1%`), `offset` (every row moved down and one column right, as
after a re-save with a title row and a margin column) and `url_kind` (`share` — the
`feed/update/urn:li:share:<id>` link —, `activity`, or `slug`: the `/posts/<name>_<words>-
activity-<id>-<code>` form).

Deterministic: the same inputs give the same bytes (fixed creation date, in-memory writer).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, time

LAYOUTS = ("sheets", "single")
URL_KINDS = ("share", "activity", "slug")

# label as LinkedIn writes it → the field of PostFigures holding its value
METRIC_LABELS: tuple[tuple[str, str], ...] = (
    ("Impressions", "impressions"),
    ("Members reached", "members_reached"),
    ("Profile viewers from this post", "profile_viewers"),
    ("Followers gained from this post", "followers_gained"),
    ("Social engagements", "social_engagements"),
    ("Reactions", "reactions"),
    ("Comments", "comments"),
    ("Reposts", "reposts"),
    ("Saves", "saves"),
    ("Sends on LinkedIn", "sends"),
    ("Link engagements", "link_engagements"),
)

DEFAULT_DEMOGRAPHICS: tuple[tuple[str, str, float], ...] = (
    ("Job title", "Software Engineer", 0.12),
    ("Job title", "Product Manager", 0.07),
    ("Location", "Greater Lyon Area", 0.21),
    ("Location", "Berlin Metropolitan Area", 0.09),
    ("Industry", "Software Development", 0.18),
    ("Seniority", "Senior", 0.34),
    ("Company size", "10,001+ employees", 0.16),
    ("Company", "Example Widgets Ltd", 0.004),
)


@dataclass(frozen=True)
class PostFigures:
    """What one per-post workbook says (the truth for tests)."""

    post_id: str  # the id in the Post URL (and, by default, in the file name)
    published: datetime
    impressions: int = 1316
    members_reached: int = 940
    profile_viewers: int = 5
    followers_gained: int = 2
    social_engagements: int = 70
    reactions: int = 42
    comments: int = 7
    reposts: int = 3
    saves: int = 12
    sends: int = 6
    link_engagements: int = 0
    demographics: tuple[tuple[str, str, float], ...] = DEFAULT_DEMOGRAPHICS
    member: str = "JaneExample"
    file_id: str | None = None  # the id in the file name; None: post_id
    extra: dict[str, int] = field(default_factory=dict)  # more label/value rows

    def url(self, kind: str = "share") -> str:
        if kind == "slug":
            return (f"https://www.linkedin.com/posts/{self.member.lower()}_an-example-post-"
                    f"activity-{self.post_id}-AbCd")
        return f"https://www.linkedin.com/feed/update/urn:li:{kind}:{self.post_id}"

    def file_name(self, layout: str = "sheets") -> str:
        prefix = "SinglePostAnalytics" if layout == "single" else "PostAnalytics"
        return f"{prefix}_{self.member}_{self.file_id or self.post_id}.xlsx"


def _post_date(moment: datetime) -> str:
    return f"{moment:%b} {moment.day}, {moment.year}"  # `Feb 25, 2026`


def _post_time(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"  # `11:53 AM`


def post_workbook_bytes(figures: PostFigures, *, layout: str = "sheets",
                        text_cells: bool = False, offset: bool = False,
                        url_kind: str = "share") -> bytes:
    """The workbook's bytes (see the module's docstring for the options)."""
    import xlsxwriter  # type: ignore[import-untyped]  # only the tests write these

    if layout not in LAYOUTS or url_kind not in URL_KINDS:
        raise ValueError(f"layout in {LAYOUTS}, url_kind in {URL_KINDS}")
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_urls": False,
                                        "strings_to_numbers": False})
    book.set_properties({"created": datetime(2000, 1, 1), "author": "linkedin-stages"})
    top, left = (2, 1) if offset else (0, 0)

    def number(value: int) -> object:
        return f"{value:,}" if text_cells else value

    def share(value: float) -> object:
        if text_cells and value < 0.01:
            return "< 1%"
        return f"{value * 100:.1f}%" if text_cells else value

    def write(sheet: object, rows: list[list[object]]) -> None:
        if offset:
            sheet.write(0, 0, "Post analytics (exported)")  # type: ignore[attr-defined]
        for r, line in enumerate(rows):
            for c, value in enumerate(line):
                if value is not None:
                    sheet.write(top + r, left + c, value)  # type: ignore[attr-defined]

    head: list[list[object]] = [
        ["Post URL", figures.url(url_kind)],
        ["Post Date", _post_date(figures.published)],
        ["Post Publish Time", _post_time(figures.published)],
        [],
    ]
    metrics = [[label, number(getattr(figures, key))] for label, key in METRIC_LABELS]
    metrics += [[label, number(value)] for label, value in figures.extra.items()]
    table = [[category, value, share(fraction)]
             for category, value, fraction in figures.demographics]
    if layout == "sheets":
        write(book.add_worksheet("PERFORMANCE"), head + metrics)
        write(book.add_worksheet("TOP DEMOGRAPHICS"),
              [["Category", "Value", "Percentage"], *table])
    else:
        write(book.add_worksheet("Post analytics"),
              [*head, *metrics, [], ["Post viewer demographics"],
               ["Category", "Value", "%"], *table])
    book.close()
    return buffer.getvalue()


def example_figures(post_id: str = "7300000000000000001", *,
                    published: datetime | None = None, **changes: object) -> PostFigures:
    """A post's figures with every field invented (`changes` override them)."""
    moment = published or datetime.combine(date(2025, 2, 25), time(11, 53))
    return PostFigures(post_id=post_id, published=moment, **changes)  # type: ignore[arg-type]
