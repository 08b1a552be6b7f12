"""Articles/*.html: one file per long-form article, drafts included.

The template has not changed since 2018: `<title>`, an `<h1>` (linking to /pulse/<slug> once
published), `<p class="created">Created on …</p>`, `<p class="published">Published on …</p>`
(`Published on ---` or `Not published yet` for drafts), then the body in the last `<div>`.
Parsed with the standard library's tolerant HTMLParser: nothing to install, nothing executed.
"""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import PurePosixPath

import polars as pl

from ..csvread import ReadNotes
from ..i18n.notices import Notice
from .base import DatasetSpec

_STAMP = re.compile(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2})")
# Real article files are tens of kB (LinkedIn caps an article at about 110,000 characters, well
# under 1 MB of HTML); only this much of a file is parsed, the rest is dropped with a warning.
MAX_ARTICLE_BYTES = 2_000_000
_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = re.compile(r"--!?\s*>")
# A `<` and what follows it up to the next `<` or `>`, and that `>` when it comes first.
_MARKUP = re.compile(r"<[^<>]*>?")
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "ul", "ol", "pre"}


class _ArticleParser(HTMLParser):
    """Collects title, heading link, created/published stamps and the last top-level div."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.heading = ""
        self.url: str | None = None
        self.created = ""
        self.published = ""
        self.body_parts: list[str] = []
        self._capture: str | None = None
        self._div_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "title":
            self._capture = "title"
        elif tag == "h1" and not self._div_depth:
            self._capture = "heading"
        elif tag == "a" and self._capture == "heading" and self.url is None:
            self.url = attributes.get("href")
        elif tag == "p" and not self._div_depth and attributes.get("class") in ("created",
                                                                               "published"):
            self._capture = attributes.get("class")
        elif tag == "div":
            if not self._div_depth:
                # LinkedIn puts the article body in the last top-level div: keep only that one.
                self.body_parts = []
            self._div_depth += 1
        if self._div_depth and tag in _BLOCK_TAGS:
            self.body_parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "h1", "p") and self._capture in ("title", "heading", "created",
                                                             "published") and not self._div_depth:
            self._capture = None
        if tag == "div" and self._div_depth:
            self._div_depth -= 1
        if self._div_depth and tag in _BLOCK_TAGS:
            self.body_parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._div_depth:
            self.body_parts.append(data)
        elif self._capture == "title":
            self.title += data
        elif self._capture == "heading":
            self.heading += data
        elif self._capture == "created":
            self.created += data
        elif self._capture == "published":
            self.published += data


def defuse_markup(html: str) -> str:
    """The article's HTML with every construct HTMLParser would have to search far for made
    harmless, so parsing takes linear time.

    HTMLParser rescans the rest of the document for each construct it cannot close (`</`,
    `<a ` or `<!--` without their `>` or `-->`): 400 kB of `</` took 13 s. Here comments,
    declarations (`<!DOCTYPE>`, `<![CDATA[…]>`) and processing instructions are dropped (the
    parser ignores them anyway), and a `<` that is not closed by a `>` before the next `<` is
    written `&lt;` (the parser would have shown it as text). Every `<` left then opens a tag
    that ends at the first `>` after it. Well-formed articles come out unchanged.
    """
    pieces: list[str] = []
    position = 0
    while (start := html.find(_COMMENT_OPEN, position)) >= 0:
        close = _COMMENT_CLOSE.search(html, start + len(_COMMENT_OPEN))
        if close is None:  # no comment after this one can close either
            break
        pieces.append(html[position:start])
        position = close.end()
    pieces.append(html[position:])
    return _MARKUP.sub(_defuse_one, "".join(pieces) if len(pieces) > 1 else pieces[0])


def _defuse_one(match: re.Match[str]) -> str:
    token = match.group()
    if not token.endswith(">"):
        return "&lt;" + token[1:]
    if token.startswith(("<!", "<?")):
        return ""
    return token


def _stamp(text: str) -> datetime | None:
    match = _STAMP.search(text)
    return datetime.strptime(match.group(1), "%Y-%m-%d %H:%M") if match else None


def _clean_body(parts: list[str]) -> str:
    text = "".join(parts).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def parse_article(html: str, path: str) -> dict[str, object]:
    """One article file → one row of the `articles` dataset."""
    parser = _ArticleParser()
    parser.feed(defuse_markup(html))
    parser.close()
    title = " ".join((parser.title or parser.heading).split()) or None
    created = _stamp(parser.created)
    published = _stamp(parser.published)
    if created is None:  # drafts carry their creation time in the file name
        created = _stamp(PurePosixPath(path).name.replace("_", ":"))
    url = parser.url
    slug = None
    if url:
        found = re.search(r"/pulse/([^/?#]+)", url)
        slug = found.group(1) if found else None
    body = _clean_body(parser.body_parts)
    return {
        "file": path,
        "title": title,
        "url": url if slug else None,
        "slug": slug,
        "created": created,
        "published": published,
        "draft": published is None,
        "body": body or None,
        "word_count": len(body.split()),
    }


ARTICLES = DatasetSpec(
    name="articles",
    filename="Articles/*.html",
    keys=(),
    signatures=(),
    columns=(),
    derived={
        "file": pl.String, "title": pl.String, "url": pl.String, "slug": pl.String,
        "created": pl.Datetime("us"), "published": pl.Datetime("us"), "draft": pl.Boolean,
        "body": pl.String, "word_count": pl.Int32,
    },
    time_column="published",
    describe="your long-form articles, drafts included",
)


def _decode(path: str, raw: bytes, notes: ReadNotes) -> str:
    """An article file's text: UTF-8, else cp1252; only its first `MAX_ARTICLE_BYTES`."""
    cut = len(raw) > MAX_ARTICLE_BYTES
    if cut:
        raw = raw[:MAX_ARTICLE_BYTES]
        notes.warnings.append(Notice("readers_article_too_large", file=path,
                                     limit=MAX_ARTICLE_BYTES))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if cut and exc.start >= len(raw) - 3 and exc.reason == "unexpected end of data":
            return raw[:exc.start].decode("utf-8")  # the cut fell inside a character
    notes.repaired(Notice("readers_repair_articles_cp1252"))
    return raw.decode("cp1252", errors="replace")


def read_articles(files: list[tuple[str, bytes]], notes: ReadNotes) -> pl.DataFrame:
    """All article files → the `articles` frame, newest last; unreadable files are warned about."""
    rows = []
    for path, raw in files:
        text = _decode(path, raw, notes)
        try:
            rows.append(parse_article(text, path))
        except Exception as exc:  # HTMLParser is tolerant; this guards against the unforeseen
            notes.drop(Notice("readers_dropped_unreadable_articles"))
            notes.warnings.append(Notice("readers_article_unparsed", file=path,
                                         reason=str(exc)))
    notes.encoding = "utf-8 (HTML)"
    notes.delimiter = ""
    notes.rows_read = len(rows)
    drafts = sum(1 for r in rows if r["draft"])
    if drafts:
        notes.repaired(Notice("readers_repair_drafts"), drafts)
    frame = pl.DataFrame(rows, schema=ARTICLES.schema, orient="row") if rows else ARTICLES.empty()
    return frame.sort(["created", "file"], nulls_last=True)
