"""Text signals: each own post's language, then business intent and personal voice in that
language; LinkedIn's stock posts and comments in every language; hashtags.

The language of a post is identified first (`detect_language`: py3langid, one identifier
for the whole tool) and only that language's lexicon (`lexicons.LEXICONS`) runs on it, so the
cost does not grow with the number of languages. A post in another language, or one too short
to tell, has business intent and personal voice **unknown** (null), not "no" — unless a
language-neutral cue (a booking, event or checkout link) shows business intent in any
language. Stock posts (LinkedIn's templates: a new position, a certificate, #OpenToWork…) are
one combined pattern over every language's templates: they are distinctive phrases, and one
pass costs what a lexicon does. Comments (tens of thousands) get no language identification:
a language-neutral word count and the multilingual stock-comment list.

Word edges are matched as "start, end, or a non-word character" rather than `\\b`: the same
patterns then run in Python's `re` and in polars' Rust regex (which has no look-around), and a
character class keeps polars on its fast engine. The edge characters are trimmed from what
matched.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import polars as pl

from .lexicons import (
    LEXICONS,
    NEUTRAL_BUSINESS,
    NEUTRAL_STOCK_POSTS,
    STOCK_COMMENT_OPENERS,
    STOCK_COMMENT_PHRASES,
)

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier  # type: ignore[import-untyped]

__all__ = ["BUSINESS_REGEX", "DETECTED_LANGUAGES", "HASHTAG", "LANGUAGES", "PERSONAL_MIN_HITS",
           "PERSONAL_MIN_RATE", "PERSONAL_REGEX", "STOCK_MAX_WORDS", "SUBSTANTIVE_MIN_WORDS",
           "business_matches", "detect_language", "detect_languages", "is_stock_comment",
           "personal_hits", "stock_comment", "substantive_comment", "with_text_signals"]

# The languages with a lexicon, and those the identifier may answer: ours plus neighbours,
# so that a Catalan, Romanian, Polish, Swedish, Danish, Afrikaans or Turkish post is called
# what it is rather than forced into the closest of ours (its business intent is then unknown).
LANGUAGES: tuple[str, ...] = tuple(LEXICONS)
DETECTED_LANGUAGES: tuple[str, ...] = (*LANGUAGES, "ca", "ro", "pl", "sv", "da", "af", "tr")
# Below this probability (normalised over DETECTED_LANGUAGES) the language is unknown: on
# invented posts it kept 97% of texts with every kept one right, and answered "unknown" for
# 88% of texts in no language ("#data #ai", emoji, names).
LANGUAGE_MIN_CONFIDENCE = 0.5
# The identifier reads this many characters: a post's first lines tell its language, and the
# cost stays flat on 3,000-word articles.
LANGUAGE_SAMPLE_CHARS = 300
# A post that says more than this around a template is the member's own post.
STOCK_MAX_WORDS = 60
# Words (whitespace-separated, any language) a comment needs to be substantive: a sentence
# that says something ("The part about onboarding is spot on, we saw the same thing") rather
# than a reaction in words ("Great post, thanks for sharing!", 5; "Congrats on the new role,
# well deserved!", 7). Ten is where people's one-line reactions end in the sample banks and
# where a claim, an experience or a question begins.
SUBSTANTIVE_MIN_WORDS = 10
STOCK_COMMENT_MAX_WORDS = 20  # a congratulation longer than this says something more
STOCK_PHRASE_MAX_WORDS = 5  # "Thanks for sharing!" is stock; a sentence around it is not

_L, _R = r"(?:^|\W)", r"(?:$|\W)"
_EDGES = r"^\W+|\W+$"
_URL = re.compile(r"https?://\S+|www\.\S+")
HASHTAG = r"#[^\s#.,;:!?()\"'’«»]+"


def _alternation(patterns: tuple[str, ...]) -> str:
    return r"(?i)" + _L + r"(?:" + "|".join(patterns) + r")" + _R


# Per language: its lexicon's patterns then the language-neutral links (leftmost match wins).
BUSINESS_REGEX: dict[str | None, str] = {
    lang: _alternation(lexicon.business + NEUTRAL_BUSINESS) for lang, lexicon in LEXICONS.items()}
BUSINESS_REGEX[None] = _alternation(NEUTRAL_BUSINESS)  # any other language, or unknown


def _first_person(words: tuple[str, ...]) -> str:
    """One language's first-person words; French "j’" and "m’" end on the apostrophe, so the
    apostrophe is their right edge."""
    glued = tuple(w for w in words if w.endswith("['’]"))
    whole = tuple(w for w in words if w not in glued)
    regex = r"(?i)" + _L + r"(?:" + "|".join(whole) + r")" + _R
    return regex + ("|" + _L + r"(?:" + "|".join(glued) + r")" if glued else "")


PERSONAL_REGEX: dict[str, str] = {lang: _first_person(lexicon.first_person)
                                  for lang, lexicon in LEXICONS.items()}
STOCK_POST_REGEX = _alternation(
    tuple(p for lexicon in LEXICONS.values() for p in lexicon.stock_posts) + NEUTRAL_STOCK_POSTS)
_STOCK_OPENER = (r"(?i)^\W*(?:\S+\s+){0,3}?(?:" + "|".join(STOCK_COMMENT_OPENERS) + r")" + _R)
_STOCK_PHRASE = _alternation(STOCK_COMMENT_OPENERS + STOCK_COMMENT_PHRASES)
_NO_LETTERS = r"^[^\pL]*$"  # emoji only, "+1", "!!!"

_BUSINESS = {lang: re.compile(regex) for lang, regex in BUSINESS_REGEX.items()}
_PERSONAL = {lang: re.compile(regex) for lang, regex in PERSONAL_REGEX.items()}

# A post says "I" this often, per word, to have a personal voice (see docs/stage-model.md).
PERSONAL_MIN_RATE = 0.02
PERSONAL_MIN_HITS = 2


@functools.cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model, loaded once per process when a text first needs it (~0.7 s, ~90 MB),
    restricted to DETECTED_LANGUAGES."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(DETECTED_LANGUAGES))
    return identifier


@functools.lru_cache(maxsize=1 << 16)
def _detect(text: str) -> str | None:
    sample = _URL.sub(" ", text)[:LANGUAGE_SAMPLE_CHARS]
    if not re.search(r"[^\W\d_]{2}", sample):
        return None  # no word at all: emoji, numbers, a link
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= LANGUAGE_MIN_CONFIDENCE else None


def detect_language(text: object) -> str | None:
    """The ISO 639-1 code of `text`'s language (one of DETECTED_LANGUAGES), or None when it
    cannot be told (too short, no words, not text). Cached per text."""
    if not isinstance(text, str) or not text.strip():
        return None
    return _detect(text)


def detect_languages(texts: pl.Series) -> pl.Series:
    """`detect_language` of each text, as a String series (nulls stay null)."""
    return pl.Series(texts.name, [detect_language(t) for t in texts.to_list()], dtype=pl.String)


def _language_of(text: str, language: str | None) -> str | None:
    return detect_language(text) if language == "detect" else language


def business_matches(text: str, language: str | None = "detect") -> list[str]:
    """The call-to-action words found in `text` (in its language's lexicon, plus the
    language-neutral links), lower-cased, in order, without repeats."""
    lang = _language_of(text or "", language)
    pattern = _BUSINESS[lang if lang in LEXICONS else None]
    found = (re.sub(_EDGES, "", m.group(0)).lower() for m in pattern.finditer(text or ""))
    return list(dict.fromkeys(found))


def personal_hits(text: str, language: str | None = "detect") -> int:
    """First-person words in `text`, in its language (0 in a language without a lexicon)."""
    lang = _language_of(text or "", language)
    return len(_PERSONAL[lang].findall(text or "")) if lang in LEXICONS else 0


def stock_comment(column: str = "message", words: str = "word_count") -> pl.Expr:
    """Whether each comment is stock: only emoji or signs, a short congratulation or
    "interested" (in any language of the lexicons), or a few stock words ("Thanks for
    sharing!")."""
    text = pl.col(column).fill_null("")
    count = pl.col(words).fill_null(0)
    return (text.str.contains(_NO_LETTERS)
            | ((count <= STOCK_COMMENT_MAX_WORDS) & text.str.contains(_STOCK_OPENER))
            | ((count <= STOCK_PHRASE_MAX_WORDS) & text.str.contains(_STOCK_PHRASE)))


def substantive_comment(column: str = "message", words: str = "word_count") -> pl.Expr:
    """At least SUBSTANTIVE_MIN_WORDS words and not stock."""
    return (pl.col(words).fill_null(0) >= SUBSTANTIVE_MIN_WORDS) & ~stock_comment(column, words)


def is_stock_comment(text: str) -> bool:
    """`stock_comment` for one text (tests, inspection)."""
    frame = pl.DataFrame({"message": [text], "word_count": [len(text.split())]})
    return bool(frame.select(stock_comment()).item())


def _signals(part: pl.DataFrame, column: str, words: str, lang: str | None) -> pl.DataFrame:
    """The signals of posts all in `lang` (a language of LEXICONS, or None: any other)."""
    text = pl.col(column).fill_null("")
    evidence = (pl.concat_str([text, pl.col("shared_domain").fill_null("")], separator="\n")
                if "shared_domain" in part.columns else text)
    found = (evidence.str.extract_all(BUSINESS_REGEX[lang])
             .list.eval(pl.element().str.replace_all(_EDGES, "").str.to_lowercase()))
    if lang is None:
        return part.with_columns(
            found.alias("business_words"), pl.lit(None, dtype=pl.Boolean).alias("personal"),
            pl.when(found.list.len() > 0).then(True).otherwise(None).alias("business"))
    hits = text.str.count_matches(PERSONAL_REGEX[lang])
    return part.with_columns(
        found.alias("business_words"),
        ((hits >= PERSONAL_MIN_HITS)
         & (hits >= PERSONAL_MIN_RATE * pl.col(words).cast(pl.Float64))).alias("personal"),
        (found.list.len() > 0).alias("business"))


def with_text_signals(frame: pl.DataFrame, column: str, words: str = "words") -> pl.DataFrame:
    """Add `language` (detected when the frame has none), `business_words` (list, repeats
    kept), `personal` and `business` (null where the language has no lexicon and, for
    business, no language-neutral cue), `stock`, `hashtags` (list, lower-case).

    The rows are split by language and each part gets its own lexicon's patterns."""
    if "language" not in frame.columns:
        frame = frame.with_columns(detect_languages(frame[column]).alias("language"))
    lexicon_language = (pl.when(pl.col("language").is_in(LANGUAGES)).then(pl.col("language"))
                        .otherwise(None).alias("_lexicon"))
    indexed = frame.with_row_index("_row").with_columns(lexicon_language)
    parts = [_signals(part, column, words, key[0] if isinstance(key[0], str) else None)
             for key, part in indexed.partition_by("_lexicon", as_dict=True).items()]
    text = pl.col(column).fill_null("")
    signals = (pl.concat(parts, how="vertical") if parts
               else _signals(indexed, column, words, None))
    return signals.sort("_row").drop("_row", "_lexicon").with_columns(
        ((pl.col(words) <= STOCK_MAX_WORDS) & text.str.contains(STOCK_POST_REGEX)).alias("stock"),
        text.str.extract_all(HASHTAG).list.eval(pl.element().str.to_lowercase())
        .alias("hashtags"),
    )
