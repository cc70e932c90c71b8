"""`policyqa bench`: speed, retrieval and answer quality measured beside baseline recipes.

`run_bench(settings, out=..., quick=...)` runs every section in one process on one machine
and writes `results.json` and `chart.png` into `out`. Heavy imports happen inside sections.
"""

from __future__ import annotations

from evals.bench.run import run_bench

__all__ = ["run_bench"]
