"""Run the benchmarks: every ``bench/bench_*.py`` module with a ``run() -> dict`` function.

Usage: ``python bench/run.py [name ...]``. Results print as one JSON object per benchmark;
copy the figures into the README's benchmark table with the date and machine.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path


def main(names: list[str]) -> int:
    here = Path(__file__).parent
    for path in sorted(here.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if names and name not in names:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.perf_counter()
        result = module.run()
        result["wall_s"] = round(time.perf_counter() - started, 2)
        print(json.dumps({"benchmark": name, **result}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
