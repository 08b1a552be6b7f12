"""Every number the stage rules use, in one place, overridable from a TOML file.

Why each default was chosen is explained in docs/stage-model.md. Rates are per month, averaged
over the judging window (the month and its neighbours, see `window_months`).
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from ..errors import LinkedInStagesError


class ThresholdsError(LinkedInStagesError):
    """A thresholds file cannot be used."""


@dataclass(frozen=True)
class Thresholds:
    # --- post classification
    commentary_words: int = 25  # a link share with this many own words is "commented"
    original_min_words: int = 12  # an original post says at least this much, or carries media

    # --- window and stability
    window_months: int = 3  # the month judged, the one before and the one after
    min_run_months: int = 2  # a stage must hold this long to count (shorter runs are absorbed)

    # --- relay: sharing others' content
    relay_enter: float = 2.0  # curated shares + instant reposts per month to become a relay
    relay_stay: float = 1.0  # …and to remain one

    # --- producer: one's own words
    producer_enter: float = 2.0  # own posts per month (original posts, articles ×2,
    producer_stay: float = 1.2  # commented shares ×0.5)
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


def load_thresholds(path: str | Path | None) -> Thresholds:
    """The defaults, overridden by a TOML file (`[thresholds]` table or top-level keys)."""
    if path is None:
        return DEFAULTS
    location = Path(path)
    try:
        data = tomllib.loads(location.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ThresholdsError(f"{location}: no such thresholds file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ThresholdsError(f"{location}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThresholdsError(f"{location}: not valid TOML ({exc})") from None
    table = data.get("thresholds", data)
    if not isinstance(table, dict):
        raise ThresholdsError(f"{location}: expected a [thresholds] table")
    known = {f.name: f for f in fields(Thresholds)}
    changes: dict[str, float | int] = {}
    for key, value in table.items():
        if key not in known:
            raise ThresholdsError(f"{location}: unknown threshold {key!r} (known: "
                                  f"{', '.join(sorted(known))})")
        default = getattr(DEFAULTS, key)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ThresholdsError(f"{location}: {key} must be a number ≥ 0, not {value!r}")
        changes[key] = int(value) if isinstance(default, int) else float(value)
    result = replace(DEFAULTS, **changes)
    if result.window_months < 1 or result.window_months % 2 == 0:
        raise ThresholdsError(f"{location}: window_months must be an odd number ≥ 1")
    return result
