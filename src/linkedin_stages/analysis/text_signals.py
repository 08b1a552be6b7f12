"""Text signals in English and French: business intent, personal voice, hashtags.

Each signal is a small set of word patterns, matched case-insensitively on word boundaries;
the words that matched are kept as evidence. The lists are deliberately short and specific:
a false "business" label costs more trust than a missed one.
"""

from __future__ import annotations

import re

import polars as pl

# Calls to action and offers: what social selling looks like in a post.
BUSINESS_PATTERNS: tuple[str, ...] = (
    # English
    r"book (?:a|your) (?:call|slot|demo|session|meeting)", r"dm me", r"send me a (?:dm|message)",
    r"contact me", r"get in touch", r"let'?s talk", r"discovery call", r"free (?:consultation|"
    r"audit|guide|trial|call)", r"sign up", r"register (?:here|now|for)", r"join (?:my|our|the) "
    r"(?:webinar|workshop|masterclass|program|programme|cohort|newsletter)", r"webinar",
    r"masterclass", r"limited (?:spots|seats|places)", r"download (?:the|my|our) ",
    r"link in (?:the )?comments?", r"calendly", r"special offer", r"discount", r"enrol(?:l)?",
    r"my (?:services|offer|clients)", r"we(?:'re| are) hiring",
    # French
    r"prenez rendez-vous", r"prendre rendez-vous", r"contactez-moi", r"écrivez-moi",
    r"en mp", r"en message privé", r"inscrivez-vous", r"inscriptions?", r"webinaires?",
    r"atelier gratuit", r"places limitées", r"téléchargez", r"lien en commentaires?",
    r"appel découverte", r"réservez", r"offre (?:spéciale|de lancement|limitée)",
    r"mes (?:clients|services|accompagnements)", r"mon (?:offre|programme|accompagnement)",
    r"on recrute", r"devis",
)

# First-person voice: an opinion or a story of one's own.
# Word edges are matched as "start, end, or a non-word character" rather than `\b`: the same
# patterns then run in Python's `re` and in polars' Rust regex (which has no look-around),
# and a character class keeps polars on its fast engine (a Unicode `\b` does not: on 25 MB of
# posts that is 150 ms against 65). The edge characters are trimmed from what matched.
_L, _R = r"(?:^|\W)", r"(?:$|\W)"
BUSINESS_REGEX = r"(?i)" + _L + r"(?:" + "|".join(BUSINESS_PATTERNS) + r")" + _R
PERSONAL_REGEX = (_L + r"(?:[Ii](?:['’](?:[Mm]|[Vv][Ee]))?|[Mm][Yy](?:[Ss][Ee][Ll][Ff])?"
                  r"|[Mm][Ee][Ss]?|[Jj][Ee]|[Mm][Oo][Nn]|[Mm][Aa]|[Mm][Oo][Ii])" + _R
                  + "|" + _L + r"[Jj]['’]")
_BUSINESS = re.compile(BUSINESS_REGEX)
_PERSONAL = re.compile(PERSONAL_REGEX)
_EDGES = r"^\W+|\W+$"
HASHTAG = r"#[^\s#.,;:!?()\"'’«»]+"

# A post says "I" this often, per word, to have a personal voice (see docs/stage-model.md).
PERSONAL_MIN_RATE = 0.02
PERSONAL_MIN_HITS = 2


def business_matches(text: str) -> list[str]:
    """The call-to-action words found in `text`, lower-cased, in order, without repeats."""
    found = (re.sub(_EDGES, "", m.group(0)).lower() for m in _BUSINESS.finditer(text or ""))
    return list(dict.fromkeys(found))


def personal_hits(text: str) -> int:
    return len(_PERSONAL.findall(text or ""))


def with_text_signals(frame: pl.DataFrame, column: str, words: str = "words") -> pl.DataFrame:
    """Add `business_words` (list, repeats kept), `business`, `personal`, `hashtags` (list,
    lower-case)."""
    text = pl.col(column).fill_null("")
    hits = text.str.count_matches(PERSONAL_REGEX)
    return frame.with_columns(
        text.str.extract_all(BUSINESS_REGEX)
        .list.eval(pl.element().str.replace_all(_EDGES, "").str.to_lowercase())
        .alias("business_words"),
        ((hits >= PERSONAL_MIN_HITS)
         & (hits >= PERSONAL_MIN_RATE * pl.col(words).cast(pl.Float64))).alias("personal"),
        text.str.extract_all(HASHTAG).list.eval(pl.element().str.to_lowercase())
        .alias("hashtags"),
    ).with_columns((pl.col("business_words").list.len() > 0).alias("business"))
