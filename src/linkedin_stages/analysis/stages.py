"""The stage rules: each month judged on its window, then made stable.

1. For every month, rates over the window (the month and its neighbours): own posts, shared
   posts, business share, schedule regularity, outreach.
2. A verdict per month from the rules below, with hysteresis: entering a stage needs the
   `*_enter` level, staying in it only the lower `*_stay` level.
3. Runs shorter than `min_run_months` are absorbed by the stage before them, so one busy
   month does not flip the trajectory, while a sustained fall back shows as a regression.
4. Quiet spells: a stretch of at most `quiet_spell_months` below the stages on both sides of
   it (a producer who writes nothing for three months, then writes again) is one habit with
   a pause, not two changes of stage.
5. Dating: the window sees the month after, so it reaches a new stage's level a month early
   (and leaves it a month late). Each change is moved, within half a window, to the first
   month whose own activity (a window of one month) shows the new stage and goes on showing
   it the month after.

Rules, from the top (docs/stage-model.md explains the numbers):
* power networker: producer-level output (≥ power_min_posts own posts a month), a business
  share ≥ power_business_share, and a regular schedule or steady outreach;
* producer: own posts ≥ producer_enter a month and ≥ producer_share of all posting;
* relay: posts of any kind (mostly others' content), plus comments in others' threads weighed
  by relay_comment_weight, ≥ relay_enter a month;
* present: otherwise — reading, reacting, commenting now and then, without posting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import groupby
from operator import itemgetter

import polars as pl

from .model import OWN_KINDS, STAGES, Reason, Stage
from .thresholds import Thresholds

RANK: dict[Stage, int] = {stage: i for i, stage in enumerate(STAGES)}


@dataclass(frozen=True)
class WindowRates:
    """Per-month averages over one month's window, and the schedule shape of its posts."""

    months: tuple[str, str]  # first and last month of the window
    own: float  # original posts + 2 × articles + ½ × commented shares
    shared: float  # curated shares + reposts + ½ × commented shares
    originals: float
    articles: float
    commented: float
    curated: float
    reposts: float
    own_share: float  # own / (own + shared), 0 when nothing was posted
    business_share: float  # business posts / own posts (originals, commented, articles)
    regularity: float  # mean of the top-2-weekdays and top-2-hours shares of own posts
    outreach: float  # conversations the member started
    reactions: float
    comments: float
    others_comments: float = 0.0  # comments in others' threads (substantive ones, when known)
    business_unknown: float = 0.0  # own posts a month in a language no lexicon covers
    stock: float = 0.0  # LinkedIn's templated posts and shares of them, not counted


def _counted(monthly: pl.DataFrame) -> pl.DataFrame:
    """The monthly columns the rules count: original posts without LinkedIn's stock posts
    (when the text signals mark them), and the comments written in others' threads (only
    the substantive ones when they are counted, else every comment but replies in one's own
    threads)."""
    columns = monthly.columns
    originals = pl.col("original_posts")
    if "stock_posts" in columns:
        originals = (originals - pl.col("stock_posts")).clip(lower_bound=0)
    others = (pl.col("substantive_comments") if "substantive_comments" in columns
              else (pl.col("comments") - pl.col("replies_own")).clip(lower_bound=0))
    # own posts in a language no lexicon covers: their business intent is unknown, so they
    # are left out of the business share (neither business nor not), and said so
    unknown = (pl.col("business_unknown_posts") if "business_unknown_posts" in columns
               else pl.lit(0))
    # LinkedIn's templated posts (a new position, a certificate, #OpenToWork): the profile
    # speaking, not the member; shares of them are not a watch either
    stock_shares = pl.col("stock_shares") if "stock_shares" in columns else pl.lit(0)
    stock = ((pl.col("stock_posts") if "stock_posts" in columns else pl.lit(0))
             + stock_shares)
    return monthly.with_columns(originals.alias("original_posts"),
                                others.alias("others_comments"),
                                unknown.alias("business_unknown"),
                                stock_shares.alias("stock_shares_counted"),
                                stock.alias("stock"))


def window_rates(monthly: pl.DataFrame, posts: pl.DataFrame,
                 thresholds: Thresholds) -> list[WindowRates]:
    half = thresholds.window_months // 2
    months = monthly["month"].to_list()
    sums = _counted(monthly).select(
        "month",
        *[pl.col(c).rolling_sum(thresholds.window_months, min_samples=1, center=True)
          .alias(c) for c in ("original_posts", "articles", "commented_shares",
                              "curated_shares", "reposts", "business_posts", "outreach",
                              "reactions", "comments", "others_comments",
                              "business_unknown", "stock_shares_counted", "stock")],
        pl.int_range(pl.len()).alias("i"),
    )
    # rolling_sum(center) near the edges covers fewer months: divide by the months it covers
    n = len(months)
    covered = [min(i + half, n - 1) - max(i - half, 0) + 1 for i in range(n)]
    schedule = _regularity_by_window(posts, months, half)
    rates = []
    for row, count in zip(sums.iter_rows(named=True), covered, strict=True):
        i = row["i"]
        originals = row["original_posts"] / count
        articles = row["articles"] / count
        commented = row["commented_shares"] / count
        curated = row["curated_shares"] / count
        reposts = row["reposts"] / count
        own = originals + 2 * articles + 0.5 * commented
        shared = max(curated + reposts + 0.5 * commented
                     - row["stock_shares_counted"] / count, 0.0)
        own_posts = row["original_posts"] + row["commented_shares"] + row["articles"]
        judged = own_posts - row["business_unknown"]  # own posts whose intent could be read
        rates.append(WindowRates(
            months=(months[max(i - half, 0)], months[min(i + half, n - 1)]),
            own=own, shared=shared, originals=originals, articles=articles,
            commented=commented, curated=curated, reposts=reposts,
            own_share=own / (own + shared) if own + shared else 0.0,
            business_share=row["business_posts"] / judged if judged > 0 else 0.0,
            regularity=schedule[i], outreach=row["outreach"] / count,
            reactions=row["reactions"] / count, comments=row["comments"] / count,
            others_comments=row["others_comments"] / count,
            business_unknown=row["business_unknown"] / count,
            stock=row["stock"] / count,
        ))
    return rates


def month_rates(monthly: pl.DataFrame, posts: pl.DataFrame,
                thresholds: Thresholds) -> list[WindowRates]:
    """Each month's rates on its own (a window of one month): what dates a change."""
    return window_rates(monthly, posts, replace(thresholds, window_months=1))


def _regularity_by_window(posts: pl.DataFrame, months: list[str], half: int) -> list[float]:
    """How concentrated the own posts of each window are on a few weekdays and hours (0–1).

    A power networker posting every Tuesday and Thursday at 8 scores 1; posts spread over
    the week and the day score about 0.3–0.4. Windows with fewer than 4 posts score 0: too
    few posts to speak of a schedule."""
    own = posts.filter(pl.col("kind").is_in(OWN_KINDS))
    if own.is_empty():
        return [0.0] * len(months)
    stamps = own.select(
        pl.col("timestamp").dt.strftime("%Y-%m").alias("month"),
        pl.col("timestamp").dt.weekday().alias("weekday"),
        pl.col("timestamp").dt.hour().alias("hour"),
    )
    size = 2 * half + 1
    base = pl.DataFrame({"month": months})

    def top2(unit: str, values: range) -> pl.Series:
        counts = stamps.pivot(on=unit, index="month", values=unit, aggregate_function="len",
                              sort_columns=True)
        columns = [str(v) for v in values]
        counts = base.join(counts.rename({c: str(c) for c in counts.columns}), on="month",
                           how="left")
        counts = counts.with_columns(
            [pl.col(c).fill_null(0).rolling_sum(size, min_samples=1, center=True).alias(c)
             if c in counts.columns else pl.lit(0).alias(c) for c in columns])
        return counts.select(
            pl.concat_list(columns).list.sort(descending=True).list.head(2).list.sum()
            .alias("top"),
            pl.sum_horizontal(columns).alias("total"),
        ).select(pl.when(pl.col("total") >= 4).then(pl.col("top") / pl.col("total"))
                 .otherwise(0.0)).to_series()

    weekdays = top2("weekday", range(1, 8))
    hours = top2("hour", range(24))
    return ((weekdays + hours) / 2).to_list()


def verdict(rates: WindowRates, previous: Stage | None,
            t: Thresholds) -> tuple[Stage, list[Reason]]:
    """The stage the window's rates show, given the stage before (hysteresis), with a reason
    more when LinkedIn's templated posts were left out of the counts."""
    stage, reasons = _verdict(rates, previous, t)
    if rates.stock > 0:  # said, so a month of "new position" posts reads as what it is
        reasons.append(Reason("stock_posts", {"count": round(rates.stock, 1),
                                              "from": rates.months[0], "to": rates.months[1]}))
    return stage, reasons


def _verdict(rates: WindowRates, previous: Stage | None,
             t: Thresholds) -> tuple[Stage, list[Reason]]:
    was = RANK[previous] if previous is not None else -1
    producer_level = t.producer_stay if was >= RANK["producer"] else t.producer_enter
    numbers: dict[str, float | int | str] = {
        "own": round(rates.own, 1), "shared": round(rates.shared, 1),
        "originals": round(rates.originals, 1), "articles": round(rates.articles, 1),
        "commented": round(rates.commented, 1), "curated": round(rates.curated, 1),
        "reposts": round(rates.reposts, 1), "own_share": round(rates.own_share, 2),
        "business_share": round(rates.business_share, 2),
        "regularity": round(rates.regularity, 2), "outreach": round(rates.outreach, 1),
        "reactions": round(rates.reactions, 1), "comments": round(rates.comments, 1),
        "others_comments": round(rates.others_comments, 1),
        "from": rates.months[0], "to": rates.months[1],
    }
    if rates.own >= producer_level and rates.own_share >= t.producer_share:
        business_level = (t.power_business_stay if was == RANK["power_networker"]
                          else t.power_business_share)
        purposeful = rates.regularity >= t.power_regularity or rates.outreach >= t.power_prospecting
        if rates.own >= t.power_min_posts and rates.business_share >= business_level \
                and purposeful:
            return "power_networker", [Reason("power_networker", {
                **numbers, "business_level": business_level,
                "regularity_level": t.power_regularity, "outreach_level": t.power_prospecting})]
        reasons = [Reason("producer", {**numbers, "level": round(producer_level, 2),
                                       "share_level": t.producer_share})]
        if rates.own >= t.power_min_posts and rates.business_share > 0:
            reasons.append(Reason("not_power", {**numbers, "business_level": business_level,
                                                "regularity_level": t.power_regularity}))
        if rates.business_unknown > 0:  # never a silent "no business"
            reasons.append(Reason("business_unknown",
                                  {**numbers, "count": round(rates.business_unknown, 1)}))
        return "producer", reasons
    relay_level = t.relay_stay if was >= RANK["relay"] else t.relay_enter
    # Visible in the feed without producing: others' content, a little of one's own, or
    # speaking in others' threads (a comment weighs less than a post: fewer people see it).
    posting = rates.shared + rates.own
    speaking = t.relay_comment_weight * rates.others_comments
    if posting >= relay_level:
        return "relay", [Reason("relay", {**numbers, "level": round(relay_level, 2)})]
    if posting + speaking >= relay_level:
        return "relay", [Reason("relay_comments", {**numbers, "level": round(relay_level, 2),
                                                   "weight": t.relay_comment_weight})]
    return "present", [Reason("present", {**numbers, "relay_level": round(relay_level, 2),
                                          "producer_level": round(producer_level, 2)})]


def judge(rates: list[WindowRates], t: Thresholds,
          alone: list[WindowRates] | None = None) -> list[tuple[Stage, Stage, list[Reason]]]:
    """(stage, raw verdict, reasons) for each month, stabilised: short runs absorbed, quiet
    spells bridged, then (with `alone`, each month's own rates) each change dated on the
    first month that shows it."""
    raw: list[tuple[Stage, list[Reason]]] = []
    previous: Stage | None = None
    for window in rates:
        stage, reasons = verdict(window, previous, t)
        raw.append((stage, reasons))
        previous = stage
    stages = [stage for stage, _ in raw]
    held = _absorb_short_runs(stages, t.min_run_months)
    if alone is not None:
        held = _skip_ramps(held, t.window_months)
    bridged = _bridge_quiet_spells(held, t.quiet_spell_months)
    final = bridged
    if alone is not None:
        final = _absorb_short_runs(date_changes(bridged, alone, t), t.min_run_months)
    out = []
    for i, ((stage, reasons), stable) in enumerate(zip(raw, final, strict=True)):
        if stable != stage:
            if stable != bridged[i] or bridged[i] != held[i] == stable:
                code = "dated"
            elif bridged[i] != held[i]:
                code = "quiet_spell"
            else:
                code = "held"
            months = t.quiet_spell_months if code == "quiet_spell" else t.min_run_months
            reasons = [*reasons, Reason(code, {"stage": stable, "raw": stage, "months": months})]
        out.append((stable, stage, reasons))
    return out


def date_changes(stages: list[Stage], alone: list[WindowRates], t: Thresholds) -> list[Stage]:
    """Each change of stage moved to the first month of the new behaviour.

    A change from A to B found by the windows at month i is looked for within half a window
    and a month of i (never past the change before it or the one after it). A month shows B
    when its verdict alone (after A, so with A's staying levels) reaches B for a rise, no
    longer reaches A for a fall. The change goes to the month that leaves the fewest months
    contradicting it (showing B before it, not showing B from it on), the nearest to i on a
    tie, then the earliest; where no month shows B, it stays at i."""
    out = list(stages)
    n = len(stages)
    bounds = [i for i in range(1, n) if stages[i] != stages[i - 1]]
    # One month is noisier than a window: alone, it shows a rise only with a margin over
    # the entering levels (two stray reposts are not the start of a relay's habit).
    margin = t.month_alone_margin
    strict = replace(t, relay_enter=t.relay_enter * margin,
                     producer_enter=t.producer_enter * margin,
                     power_min_posts=t.power_min_posts * margin)
    # the windows' date can be off by half a window, and one month more where hysteresis
    # holds the old stage while the window still sees a month of it
    reach = t.window_months // 2 + 1
    start = 0  # the first month of the run before the change, as already dated
    for b, i in enumerate(bounds):
        before, after = stages[i - 1], stages[i]
        low = max(start + 1, i - reach)
        high = min(bounds[b + 1] - 1 if b + 1 < len(bounds) else n - 1, i + reach)
        rise = RANK[after] > RANK[before]

        def shows(k: int, before: Stage = before, after: Stage = after,
                  rise: bool = rise) -> bool:
            rank = RANK[verdict(alone[k], before, strict if rise else t)[0]]
            return rank >= RANK[after] if rise else rank <= RANK[after]

        moved = _best_month([shows(k) for k in range(low - 1, high + 1)], low, i)
        for k in range(min(i, moved), max(i, moved)):
            out[k] = after if moved < i else before
        start = moved
    return out


def _best_month(seen: list[bool], low: int, windows: int) -> int:
    """The month of a change, given whether each month from `low - 1` on shows the new stage:
    the one that leaves the fewest months contradicting it (showing the new stage before it,
    not showing it from it on); of those, the nearest the `windows` month, then the earliest.
    A one-month burst dates its rise on itself and its fall on the month after: the run
    shrinks to one month, and short runs are absorbed. No month showing it: `windows`."""
    if not any(seen[1:]):
        return windows
    months = range(low, low + len(seen) - 1)

    def contradicted(j: int) -> int:
        split = j - low + 1
        return sum(seen[:split]) + sum(not shown for shown in seen[split:])

    return min(months, key=lambda j: (contradicted(j), abs(j - windows), j))


def _skip_ramps(stages: list[Stage], longest: int) -> list[Stage]:
    """A run of at most `longest` months (a window) between a lower and a higher stage, in
    the order of a rise (present, relay, producer) or of a fall, is the windows' ramp from
    one to the other, not a stage of its own: it takes the stage after it, and the dating
    then places the change on its month."""
    runs = [(stage, len(list(run))) for stage, run in groupby(stages)]
    for i in range(1, len(runs) - 1):
        (before, _), (stage, length), (after, _) = runs[i - 1], runs[i], runs[i + 1]
        if length <= longest and (RANK[before] < RANK[stage] < RANK[after]
                                  or RANK[before] > RANK[stage] > RANK[after]):
            runs[i] = (after, length)
    return [stage for stage, length in runs for _ in range(length)]


def _bridge_quiet_spells(stages: list[Stage], longest: int) -> list[Stage]:
    """Fill each stretch of at most `longest` months below the stages on both sides of it
    with the lower of those two: a pause in a habit, not two changes of stage. The archive's
    last months, below the stage before them for at most `longest` months, are such a pause
    too when that stage lasted longer than `longest` (a habit, not a burst): nothing yet
    tells a pause from a change, and a longer one shows from its start."""
    if longest <= 0 or not stages:
        return list(stages)
    runs = [(stage, len(list(run))) for stage, run in groupby(stages)]
    tail, peak = 0, -1
    for first in range(len(runs) - 1, 0, -1):
        tail += runs[first][1]
        peak = max(peak, RANK[runs[first][0]])
        if tail > longest:
            break
        if RANK[runs[first - 1][0]] > peak and runs[first - 1][1] > longest:
            runs[first:] = []
            runs[-1] = (runs[-1][0], runs[-1][1] + tail)
            break
    changed = True
    while changed:
        changed = False
        for first in range(1, len(runs) - 1):
            length, peak = 0, -1
            for last in range(first, len(runs) - 1):
                length += runs[last][1]
                peak = max(peak, RANK[runs[last][0]])
                if length > longest or peak >= RANK[runs[first - 1][0]]:
                    break
                after = runs[last + 1][0]
                if RANK[after] > peak:
                    fill = min(runs[first - 1][0], after, key=RANK.__getitem__)
                    runs[first:last + 1] = [(fill, length)]
                    runs = [(stage, sum(size for _stage, size in run))
                            for stage, run in groupby(runs, key=itemgetter(0))]
                    changed = True
                    break
            if changed:
                break
    return [stage for stage, length in runs for _ in range(length)]


def _absorb_short_runs(stages: list[Stage], min_run: int) -> list[Stage]:
    """Replace runs shorter than `min_run` by the stage before them (after them at the start)."""
    if min_run <= 1 or not stages:
        return list(stages)
    runs = [(stage, len(list(run))) for stage, run in groupby(stages)]
    while len(runs) > 1:
        short = next((i for i, (_stage, length) in enumerate(runs) if length < min_run), None)
        if short is None:
            break
        neighbour = short - 1 if short > 0 else short + 1
        stage, length = runs[neighbour]
        runs[neighbour] = (stage, length + runs[short][1])
        del runs[short]
        # the run absorbed may have joined two runs of one stage
        runs = [(stage, sum(length for _stage, length in run))
                for stage, run in groupby(runs, key=itemgetter(0))]
    return [stage for stage, length in runs for _ in range(length)]
