"""The benchmark harness runs end to end in its tiny mode. Its figures are not checked here
(speed is measured by `make bench`, never by the tests); what it writes is."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require_or_skip

ROOT = Path(__file__).resolve().parents[2]
TARGETS = [f"P{n}" for n in range(1, 9)]


def run_harness(work: Path, *args: str) -> str:
    env = {**os.environ, "BENCH_WORK": str(work), "BENCH_RESULTS": str(work / "results.json")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    completed = subprocess.run(  # noqa: S603 - our own harness
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return completed.stdout


def run_tiny_bench(work: Path) -> dict:
    run_harness(work, "bench", "--tiny")
    return json.loads((work / "results.json").read_text())


# One test, so that the harness runs once whatever the test workers.
@pytest.mark.timeout(600)
def test_tiny_run_writes_a_verdict_per_target_and_figures_per_page(tmp_path):
    require_or_skip(shutil.which("wrk") is not None, "wrk is missing (Debian's package wrk)")
    results = run_tiny_bench(tmp_path)

    assert sorted(results["targets"]) == TARGETS
    for key, entry in results["targets"].items():
        assert isinstance(entry["met"], bool), key
        assert entry["target"], key
    for key in ("P1", "P5", "P6"):
        entry = results["targets"][key]
        assert entry["measured"], key
        assert entry["baseline"] and entry["ratio"], key

    pages = results["pages"]
    for language in ("fr", "ar"):
        for kind in (
            "dashboard",
            "catalogue",
            "course5",
            "course10",
            "lesson5",
            "lesson10",
            "verify",
        ):
            page = pages[f"{kind}-{language}"]
            assert page["requests_per_second"]["median"] > 0
            assert page["b0_requests_per_second"]["min"] <= page["b0_requests_per_second"]["median"]
            assert page["queries"] >= 1
            assert page["bytes"] > 500
    assert results["targets"]["P2"]["queries"]["lesson5-ar"] == pages["lesson5-ar"]["queries"]
    # P7: the web workers' memory over the page rounds (the exam day, and its task worker, only
    # in the full run on PostgreSQL).
    web = results["web_worker_memory"]
    assert web["requests"] > 0 and len(web["workers"]) == 2
    assert "web_worker_growth" in results["targets"]["P7"]["figure"]
    assert "task worker not measured" in results["targets"]["P7"]["note"]

    # The profiler reads that run's manifest and database.
    output = run_harness(
        tmp_path, "bench.profile", "lesson5-fr", "anonymous-course5-fr", "--requests", "5"
    )
    for name in ("lesson5-fr", "anonymous-course5-fr"):
        assert f"{name}: " in output and " ms per request" in output
        tree = (tmp_path / f"profile-{name}.txt").read_text()
        assert "get_response" in tree or "__call__" in tree


def test_the_quick_mode_times_only_the_larger_course_and_counts_the_queries_of_both():
    from bench.__main__ import MODES, timed

    quick, full = MODES["quick"], MODES["full"]

    assert not timed("course5-fr", quick) and not timed("anonymous-course5-ar", quick)
    assert not timed("lesson5-ar", quick)
    assert timed("course50-fr", quick) and timed("lesson50-ar", quick)
    assert timed("dashboard-fr", quick) and timed("verify-ar", quick)
    assert timed("course5-fr", full) and timed("lesson5-ar", full)


def test_web_worker_growth_is_the_worker_that_grew_most_over_the_requests_it_served():
    from bench.__main__ import web_worker_growth

    warm = {11: {"requests": 100, "rss_kib": 100_000}, 12: {"requests": 90, "rss_kib": 80_000}}
    end = {
        11: {"requests": 30_100, "rss_kib": 101_000},
        12: {"requests": 25_090, "rss_kib": 88_000},
    }

    growth = web_worker_growth(warm, end)

    assert growth["growth"] == 0.1 and growth["requests"] == 25_000
    assert [worker["pid"] for worker in growth["workers"]] == [11, 12]
    with pytest.raises(SystemExit, match="restarted"):
        web_worker_growth(warm, {13: end[11]})
