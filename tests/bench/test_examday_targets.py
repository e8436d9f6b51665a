"""The exam day's verdicts (P3, P4, P7) from its figures, with the web workers' memory from the
page rounds for P7. The exam day itself needs PostgreSQL, HAProxy and several minutes: `make
bench` runs it, never the tests."""

from __future__ import annotations

import copy

from bench.targets import examday_targets

CLEAN = {"answers_lost": 0, "answers_different": 0, "answers_not_sent": 0, "duplicate_attempts": 0}
FINISHED = {"not_submitted": 0, "not_graded": 0, "wrong_points": 0}
DAY = {
    "plan": {
        "learners": 200,
        "start_window": 2,
        "autosave_every": 6,
        "submit_window": 12,
        "time_scale": 5,
    },
    "throughput": {
        "autosave_requests_per_second": {"median": 70.0},
        "b2_requests_per_second": {"median": 100.0},
        "ratio_to_b2": 0.7,
    },
    "exam": {
        "kinds": {
            "start": {"requests": 200, "statuses": {"302": 200}, "retries": 0, "p95_ms": 300.0},
            "page": {"requests": 200, "statuses": {"200": 200}, "retries": 0, "p95_ms": 200.0},
            "started": {"requests": 200, "statuses": {"": 200}, "retries": 0, "p95_ms": 480.0},
            "autosave": {
                "requests": 1605,
                "statuses": {"200": 1600, "502": 5},
                "retries": 5,
                "p95_ms": 120.0,
            },
        }
    },
    "submit": {
        "kinds": {
            "submit": {"requests": 200, "statuses": {"302": 200}, "retries": 0, "p95_ms": 150.0}
        }
    },
    "server_killed_at_second": 26.0,
    "server_back_at_second": 32.0,
    "check_after_autosaves": {"learners": 200, "attempts": 200, **CLEAN, **FINISHED},
    "check_after_submits": {"learners": 200, "attempts": 200, **CLEAN, **FINISHED},
    "memory": {
        "task_worker": {
            "rss_kib_after_warmup": 200_000,
            "rss_kib_after": 230_000,
            "growth": 0.15,
            "certificates": 100,
            "warmup": 20,
            "failed_tasks": 0,
        },
    },
}


WEB = {
    "rss_kib_after_warmup": 100_000,
    "rss_kib_after": 104_000,
    "growth": 0.04,
    "requests": 30_000,
    "warmup": "the first round of every page",
}


def test_a_clean_exam_day_meets_p3_and_p4_and_retries_after_the_kill_are_not_errors_of_p3():
    targets = examday_targets(DAY)

    assert targets["P3"]["met"] and targets["P3"]["figure"] == {
        "p95_ms": 480.0,
        "errors": 0,
        "attempts": 200,
    }
    assert targets["P4"]["met"]
    assert targets["P4"]["baseline"] == 100.0 and targets["P4"]["ratio"] == 0.7
    assert targets["P4"]["retries"] == {"autosave": 5}
    assert "compressed 5 x" in targets["P4"]["note"]


def test_one_lost_answer_or_a_missing_attempt_fails_p4_or_p3():
    day = copy.deepcopy(DAY)
    day["check_after_autosaves"]["answers_lost"] = 1
    day["check_after_submits"]["attempts"] = 199

    targets = examday_targets(day)

    assert not targets["P4"]["met"] and targets["P4"]["figure"]["answers_lost_or_duplicated"] == 1
    assert not targets["P3"]["met"]


def test_a_task_worker_growing_by_15_percent_fails_p7():
    p7 = examday_targets(DAY, web=WEB)["P7"]

    assert not p7["met"]
    assert p7["figure"] == {"web_worker_growth": 0.04, "task_worker_growth": 0.15}
    assert "after 30,000 requests more" in p7["note"] and "100 certificates" in p7["note"]


def test_p7_is_met_when_both_workers_grow_by_less_than_10_percent():
    day = copy.deepcopy(DAY)
    day["memory"]["task_worker"].update(rss_kib_after=210_000, growth=0.05)

    assert examday_targets(day, web=WEB)["P7"]["met"]
    assert not examday_targets(day)["P7"]["met"]


def test_without_the_exam_day_p7_shows_the_web_workers_and_says_why_the_task_worker_is_missing():
    p7 = examday_targets(None, "not measured in quick mode", web=WEB)["P7"]

    assert p7["measured"] and not p7["met"]
    assert p7["figure"] == {"web_worker_growth": 0.04}
    assert "task worker not measured: not measured in quick mode" in p7["note"]


def test_without_postgresql_the_three_targets_say_why_they_were_not_measured():
    targets = examday_targets(None, "not measured: needs PostgreSQL (set DATABASE_URL)")

    assert sorted(targets) == ["P3", "P4", "P7"]
    assert all(not entry["measured"] and not entry["met"] for entry in targets.values())
    assert all("PostgreSQL" in entry["note"] for entry in targets.values())
    assert "failed: haproxy" in examday_targets({"error": "haproxy did not answer"})["P3"]["note"]
