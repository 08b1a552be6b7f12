"""Timeline benchmark: what `build_timeline` costs against `load_export` on the stress archive,
for this checkout's code and, side by side in the same run, for an older commit's.

Uses the archive of `load.py` (benchmarks/out/bulk-x1: 5,000 shares, 20,000 comments,
300,000 messages…, generated once by synth/bulk.py). Each measure is a fresh process
(median of --runs), alternating the two codes round by round so that the machine's load
falls on both alike. The older code is `git archive <commit> src` extracted to a temporary
folder and put first on PYTHONPATH. Prints load, timeline, their ratio (the target is
timeline ≤ 0.4 × load), and where the timeline's time goes (text signals with the language
identification and its model load, the monthly group-bys, the rules).

Usage: python benchmarks/timeline.py [--runs 5] [--base COMMIT]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from load import _prepare  # noqa: E402  (the same stress archive)

MEASURE = r"""
import json, sys, time
t0 = time.perf_counter()
from linkedin_stages import load_export
from linkedin_stages.analysis import metrics, timeline as tl
from linkedin_stages.analysis.thresholds import DEFAULTS
export = load_export(sys.argv[1])
t1 = time.perf_counter()
tl.build_timeline(export)
t2 = time.perf_counter()
# where the time goes, again in the same process with the identifier's caches emptied, so
# that text_signals includes the model's load and every post's identification (`model`: the
# load alone)
try:
    from linkedin_stages.analysis import text_signals as ts
except ImportError:
    ts = None

def cold():
    for name in ("_identifier", "_detect"):
        if ts is not None and hasattr(ts, name):
            getattr(ts, name).cache_clear()

base = metrics.post_kinds(export, DEFAULTS)
t3 = time.perf_counter()
cold()
metrics.add_text_signals(base)
t4 = time.perf_counter()
months = tl.months_between(*metrics.span(export, base))
metrics.monthly_metrics(export, base, months)
t5 = time.perf_counter()
model = 0.0
if ts is not None and hasattr(ts, "_identifier"):
    cold()
    s = time.perf_counter(); ts._identifier(); model = time.perf_counter() - s
own = base.filter(base["kind"].is_in(list(metrics.OWN_KINDS))).height
print(json.dumps({"load": t1 - t0, "timeline": t2 - t1, "post_kinds": t3 - t2,
                  "text_signals": t4 - t3, "monthly": t5 - t4, "model": model,
                  "own_posts": own, "posts": base.height}))
"""


def _extract(commit: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"],
                             capture_output=True, check=True).stdout
    path = into / "archive.tar"
    path.write_bytes(archive)
    with tarfile.open(path) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _once(src: Path, folder: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", MEASURE, str(folder)], env=env,
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--base", default="3d372fb",
                        help="the older commit to compare with (default: before the "
                             "seven-language text signals)")
    args = parser.parse_args()
    folder, _ = _prepare(1.0)
    with tempfile.TemporaryDirectory() as tmp:
        codes = {f"base {args.base}": _extract(args.base, Path(tmp)), "this checkout": ROOT / "src"}
        results: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
        for _ in range(args.runs):
            for name, src in codes.items():
                results[name].append(_once(src, folder))
    print(f"archive {folder.name}; median of {args.runs} fresh processes each, alternated")
    keys = ("load", "timeline", "post_kinds", "text_signals", "monthly", "model")
    print(f"{'code':22} " + " ".join(f"{k:>12}" for k in keys) + f" {'timeline/load':>14}")
    for name, runs in results.items():
        median = {k: statistics.median(r[k] for r in runs) for k in keys}
        ratio = statistics.median(r["timeline"] / r["load"] for r in runs)
        print(f"{name:22} " + " ".join(f"{median[k]:12.3f}" for k in keys) + f" {ratio:14.2f}")
    sample = results["this checkout"][0]
    print(f"{int(sample['own_posts']):,} own posts of {int(sample['posts']):,} get a language "
          "identified; post_kinds, text_signals (cold: model load and identification "
          "included) and monthly are measured again after the timeline; model: the "
          "identifier's load alone")


if __name__ == "__main__":
    main()
