"""Every number the stage rules use, in one place, overridable from a TOML file.

Why each default was chosen is explained in docs/stage-model.md. Rates are per month, averaged
over the judging window (the month and its neighbours, see `window_months`).
"""

from __future__ import annotations

import math
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from ..errors import ThresholdsError


@dataclass(frozen=True)
class Thresholds:
    # --- post classification
    commentary_words: int = 25  # a link share with this many own words is "commented"
    original_min_words: int = 20  # an original post says at least this much, or carries media

    # --- window and stability
    window_months: int = 3  # the month judged, the one before and the one after
    min_run_months: int = 2  # a stage must hold this long to count (shorter runs are absorbed)
    quiet_spell_months: int = 4  # a pause this long between two runs of a stage is bridged
    month_alone_margin: float = 1.5  # dating: a month alone shows a rise at 1.5 × the levels

    # --- relay: sharing others' content
    relay_enter: float = 5 / 3  # shares and reposts per month to become a relay (5 a quarter)
    relay_stay: float = 2 / 3  # …and to remain one (2 a quarter)
    relay_comment_weight: float = 0.2  # a comment in others' threads counts as this many shares

    # --- producer: one's own words
    producer_enter: float = 4 / 3  # own posts per month (original posts, articles ×2,
    producer_stay: float = 2 / 3  # commented shares ×0.5): 4 a quarter to enter, 2 to stay
    producer_share: float = 0.35  # own posts as a share of everything posted or reposted

    # --- power networker: producing on purpose, for business
    power_business_share: float = 0.30  # share of own posts with a call to action / offer
    power_business_stay: float = 0.20
    power_regularity: float = 0.60  # schedule focus: top weekdays and hours (0–1)
    power_prospecting: float = 3.0  # or: messages sent to new contacts per month
    power_min_posts: float = 4.0  # own posts per month

    # --- data floors
    min_months_of_data: int = 1

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


DEFAULTS = Thresholds()

# Fractions (0–1): a share of posts, or the schedule's focus.
FRACTIONS = frozenset({"producer_share", "power_business_share", "power_business_stay",
                       "power_regularity", "relay_comment_weight"})
# Whole numbers and the largest value that still means something (a window or a run longer
# than ten years judges nothing; a post of 10,000 words is a book).
WHOLE_LIMITS = {"commentary_words": 10_000, "original_min_words": 10_000,
                "window_months": 121, "min_run_months": 120, "quiet_spell_months": 120,
                "min_months_of_data": 1_200}
MAX_FILE_BYTES = 1_000_000  # a thresholds file is a few hundred bytes


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _checked(location: str | Path, key: str, value: object) -> float | int:
    """`value` for `key` as the dataclass holds it, or a ThresholdsError naming both."""
    default = getattr(DEFAULTS, key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ThresholdsError(f"{location}: {key} must be a number ≥ 0, not {_short(value)}")
    if not math.isfinite(value):  # TOML's nan, inf, -inf
        raise ThresholdsError(f"{location}: {key} must be a finite number ≥ 0, "
                              f"not {_short(value)}")
    if value < 0:
        raise ThresholdsError(f"{location}: {key} must be a number ≥ 0, not {_short(value)}")
    if isinstance(default, int):
        if value != int(value):
            raise ThresholdsError(f"{location}: {key} must be a whole number, "
                                  f"not {_short(value)}")
        if value > WHOLE_LIMITS[key]:
            raise ThresholdsError(f"{location}: {key} must be at most {WHOLE_LIMITS[key]:,}, "
                                  f"not {_short(value)}")
        return int(value)
    if key in FRACTIONS and value > 1:
        raise ThresholdsError(f"{location}: {key} is a share: it must be between 0 and 1, "
                              f"not {_short(value)}")
    return float(value)


def _read(location: Path) -> dict[str, object]:
    """The TOML document of a regular file of at most MAX_FILE_BYTES (never a FIFO or a
    device, which could block or never end)."""
    try:
        info = location.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ThresholdsError(f"{location}: not a regular file (a folder, FIFO or device)")
        if info.st_size > MAX_FILE_BYTES:
            raise ThresholdsError(f"{location}: too large for a thresholds file "
                                  f"({info.st_size:,} bytes)")
        with open(location, "rb") as stream:
            text = stream.read(MAX_FILE_BYTES + 1).decode("utf-8")
        return tomllib.loads(text)
    except FileNotFoundError:
        raise ThresholdsError(f"{location}: no such thresholds file") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ThresholdsError(f"{location}: cannot read ({reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThresholdsError(f"{location}: not valid TOML ({exc})") from None
    except RecursionError:
        raise ThresholdsError(f"{location}: not valid TOML (nested too deeply)") from None


def load_thresholds(path: str | Path | None) -> Thresholds:
    """The defaults, overridden by a TOML file (`[thresholds]` table or top-level keys).

    The one function here that reads a file: called at the edge (the command line), before
    the export is read, so that the analysis only ever receives a `Thresholds` object. A file
    that cannot be used is a ThresholdsError naming it (see `thresholds_from_toml`)."""
    if path is None:
        return DEFAULTS
    location = Path(path)
    return thresholds_from_toml(_read(location), location)


def thresholds_from_toml(data: Mapping[str, object], location: str | Path) -> Thresholds:
    """The defaults, overridden by a parsed TOML document (`[thresholds]` table or top-level
    keys); `location` names its source in errors.

    Each value must be a finite number ≥ 0 (TOML's `nan` and `inf` are refused), whole for
    the counts, at most 1 for the shares; anything else is a ThresholdsError naming the file
    and the key."""
    table = data.get("thresholds", data)
    if not isinstance(table, dict):
        raise ThresholdsError(f"{location}: expected a [thresholds] table")
    if table is not data and len(data) > 1:
        outside = sorted(key for key in data if key != "thresholds")
        raise ThresholdsError(f"{location}: {_short(outside[0])} is outside the [thresholds] "
                              f"table")
    known = {f.name for f in fields(Thresholds)}
    changes: dict[str, Any] = {}  # each checked to its field's type by _checked
    for key, value in table.items():
        if key not in known:
            raise ThresholdsError(f"{location}: unknown threshold {_short(key)} (known: "
                                  f"{', '.join(sorted(known))})")
        changes[key] = _checked(location, key, value)
    result = replace(DEFAULTS, **changes)
    if result.window_months < 1 or result.window_months % 2 == 0:
        raise ThresholdsError(f"{location}: window_months must be an odd number ≥ 1")
    return result
