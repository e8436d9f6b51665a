"""The targets P1...P8 of the performance work, checked against a run's figures."""

from __future__ import annotations

LEARNER_PAGES = ("catalogue", "course", "lesson", "dashboard")


def _not_measured(what: str, target: str, reason: str) -> dict:
    return {"what": what, "target": target, "measured": False, "met": False, "note": reason}


def _p1(pages: dict) -> dict:
    signed_in = {
        name: page["ratio_to_b0"]
        for name, page in pages.items()
        if page["signed_in"] and name.split("-")[0].rstrip("0123456789") in LEARNER_PAGES
    }
    anonymous = {
        name: page["ratio_to_b0"] for name, page in pages.items() if name.startswith("anonymous-")
    }
    worst, worst_anonymous = min(signed_in, key=signed_in.get), min(anonymous, key=anonymous.get)
    return {
        "what": "catalogue, course, lesson and dashboard pages, signed-in learner, fr and ar; anonymous pages",
        "target": "signed in >= 0.15 of B0; anonymous >= 0.85 of B0",
        "measured": True,
        "figure": {"signed_in_worst": worst, "anonymous_worst": worst_anonymous},
        "requests_per_second": {
            worst: pages[worst]["requests_per_second"]["median"],
            worst_anonymous: pages[worst_anonymous]["requests_per_second"]["median"],
        },
        "baseline": {
            worst: pages[worst]["b0_requests_per_second"]["median"],
            worst_anonymous: pages[worst_anonymous]["b0_requests_per_second"]["median"],
        },
        "ratio": {"signed_in": signed_in[worst], "anonymous": anonymous[worst_anonymous]},
        "met": signed_in[worst] >= 0.15 and anonymous[worst_anonymous] >= 0.85,
    }


def _p2(pages: dict, lessons: list[int]) -> dict:
    small, large = lessons
    unequal = sorted(
        name
        for name, page in pages.items()
        if f"{small}-" in name
        and pages.get(name.replace(f"{small}-", f"{large}-"), page)["queries"] != page["queries"]
    )
    learner = {name: page["queries"] for name, page in pages.items() if page["signed_in"]}
    anonymous = {
        name: page["queries"] for name, page in pages.items() if name.startswith("anonymous-")
    }
    return {
        "what": f"queries per page for {small} and {large} lessons",
        "target": "equal for both sizes; <= 10 for a learner; <= 3 for a cached anonymous page",
        "measured": True,
        "figure": {"learner_max": max(learner.values()), "anonymous_max": max(anonymous.values())},
        "queries": {name: page["queries"] for name, page in pages.items()},
        "growing_with_lessons": unequal,
        "met": not unequal and max(learner.values()) <= 10 and max(anonymous.values()) <= 3,
    }


def _p5(certificates: dict | None) -> dict:
    what = "bulk issue of certificates: rate per core, cost against a plain page, queries per certificate"
    target = ">= 80 certificates/s per core; <= 1.3 x plain reportlab + segno; constant queries"
    if not certificates:
        return _not_measured(what, target, "skipped in this run (--skip-certificates)")
    rendering, bulk = certificates["rendering"], certificates["bulk_issue"]
    per_certificate = [figure["queries_per_certificate"] for figure in bulk.values()]
    return {
        "what": what,
        "target": target,
        "measured": True,
        "figure": rendering["certificates_per_second"],
        "baseline": rendering["plain_pages_per_second"],
        "ratio": rendering["certificate_cost_in_plain_pages"],
        "queries_per_certificate": per_certificate,
        "met": rendering["certificates_per_second"] >= 80
        and rendering["certificate_cost_in_plain_pages"] <= 1.3
        and max(per_certificate) - min(per_certificate) < 1,
        "note": "rendering on one core (signing the QR statement included, not the PAdES signature); "
        "the bulk issue runs in one process",
    }


def _p8(peer: dict | None) -> dict:
    what = (
        "our course and lesson pages against wagtail-lms 0.11.1, same lessons, database and server"
    )
    target = ">= 3 x its throughput, no more queries"
    if not peer:
        return _not_measured(
            what, target, "the peer was not measured in this run (--tiny or --skip-peer)"
        )
    worst = min(peer, key=lambda name: peer[name]["ratio_to_peer"])
    more_queries = sorted(
        name for name, page in peer.items() if page["queries"] > page["peer_queries"]
    )
    return {
        "what": what,
        "target": target,
        "measured": True,
        "figure": peer[worst]["requests_per_second"]["median"],
        "baseline": peer[worst]["peer_requests_per_second"]["median"],
        "ratio": peer[worst]["ratio_to_peer"],
        "worst_page": worst,
        "more_queries_than_peer": more_queries,
        "met": peer[worst]["ratio_to_peer"] >= 3 and not more_queries,
    }


def _p6(pages: dict) -> dict:
    ratios = {
        name: page["ratio_to_b1"] for name, page in pages.items() if name.startswith("verify-")
    }
    worst = min(ratios, key=ratios.get)
    return {
        "what": "the public verification page",
        "target": ">= 0.8 of B1",
        "measured": True,
        "figure": pages[worst]["requests_per_second"]["median"],
        "baseline": pages[worst]["b1_requests_per_second"]["median"],
        "ratio": ratios[worst],
        "met": ratios[worst] >= 0.8,
    }


P3_WHAT = "1,000 learners start the same quiz within 10 s"
P3_TARGET = "no error, exactly 1,000 attempts, p95 < 1 s"
P4_WHAT = "autosave every 30 s, all submit in the last minute, one app server killed"
P4_TARGET = "no answer lost or duplicated, p95 of a save < 300 ms, >= 0.6 of B2"
P7_WHAT = "memory of a web worker over 20,000 requests, of a task worker over 1,000 certificates"
P7_TARGET = "growth < 10 %"


def _errors(kinds: dict, names: tuple[str, ...]) -> int:
    """Answers other than 200 and 302 (and requests without an answer) among `names`."""
    return sum(
        count
        for name in names
        for status, count in kinds.get(name, {}).get("statuses", {}).items()
        if status not in ("200", "302")
    )


def _p3(day: dict) -> dict:
    kinds, check, plan = day["exam"]["kinds"], day["check_after_submits"], day["plan"]
    errors = _errors(kinds, ("start", "page"))
    p95 = kinds["started"]["p95_ms"]
    exact = check["attempts"] == check["learners"] and not check["duplicate_attempts"]
    return {
        "what": P3_WHAT.replace("1,000", f"{plan['learners']:,}").replace(
            "10 s", f"{plan['start_window']:g} s"
        ),
        "target": P3_TARGET,
        "measured": True,
        "figure": {"p95_ms": p95, "errors": errors, "attempts": check["attempts"]},
        "baseline": {"p95_limit_ms": 1000, "learners": check["learners"]},
        "ratio": round(p95 / 1000, 3),
        "requests": {name: kinds[name] for name in ("start", "page", "started") if name in kinds},
        "gave_up": kinds.get("failed", {}).get("requests", 0),
        "met": errors == 0 and exact and p95 < 1000,
        "note": "p95 of a learner's start and attempt page together (from sending the start to "
        "the page received)",
    }


def _p4(day: dict) -> dict:
    exam, submit = day["exam"]["kinds"], day["submit"]["kinds"]
    saved, submitted, rates = (
        day["check_after_autosaves"],
        day["check_after_submits"],
        day["throughput"],
    )
    plan = day["plan"]
    problems = {
        key: saved[key] + submitted[key]
        for key in ("answers_lost", "answers_different", "answers_not_sent", "duplicate_attempts")
    }
    unfinished = {key: submitted[key] for key in ("not_submitted", "not_graded", "wrong_points")}
    p95 = exam["autosave"]["p95_ms"]
    ratio = rates["ratio_to_b2"]
    retried = {
        name: kinds[name]["retries"]
        for kinds in (exam, submit)
        for name in kinds
        if kinds[name].get("retries")
    }
    note = (
        f"app server killed at {day['server_killed_at_second']} s and back at {day['server_back_at_second']} s; "
        "requests that failed with it were sent again by the learners (logged as retries)"
    )
    if plan["time_scale"] > 1:
        note += (
            f"; time compressed {plan['time_scale']} x with {plan['learners']} learners (the same request "
            f"rates): autosave every {plan['autosave_every']:g} s, submits within {plan['submit_window']:g} s"
        )
    return {
        "what": P4_WHAT,
        "target": P4_TARGET,
        "measured": True,
        "figure": {
            "autosave_p95_ms": p95,
            "autosave_requests_per_second": rates["autosave_requests_per_second"]["median"],
            "answers_lost_or_duplicated": sum(problems.values()),
        },
        "baseline": rates["b2_requests_per_second"]["median"],
        "ratio": ratio,
        "problems": problems,
        "unfinished_attempts": unfinished,
        "submit_p95_ms": submit.get("submit", {}).get("p95_ms"),
        "retries": retried,
        "met": not any(problems.values())
        and not any(unfinished.values())
        and p95 < 300
        and ratio >= 0.6,
        "note": note,
    }


def _p7(web: dict | None, day: dict | None, reason: str) -> dict:
    """The web workers' memory comes from `python -m bench`'s page rounds, the task worker's
    from the exam day; both must be measured for the target to be met."""
    tasks = day["memory"]["task_worker"] if day and "error" not in day else None
    if web is None and tasks is None:
        return _not_measured(P7_WHAT, P7_TARGET, reason)
    figure, baseline, ratio, notes = {}, {}, {}, []
    for name, entry, unit in (
        ("web_worker", web, "requests"),
        ("task_worker", tasks, "certificates"),
    ):
        if entry is None:
            notes.append(
                f"{name.replace('_', ' ')} not measured: {reason or 'run python -m bench'}"
            )
            continue
        figure[f"{name}_growth"] = entry["growth"]
        baseline[f"{name}_kib"] = entry["rss_kib_after_warmup"]
        ratio[name] = round(entry["rss_kib_after"] / entry["rss_kib_after_warmup"], 3)
        notes.append(
            f"{name.replace('_', ' ')}: VmRSS after a warm-up ({entry['warmup']}) and after "
            f"{entry[unit]:,} {unit} more"
        )
    return {
        "what": P7_WHAT,
        "target": P7_TARGET,
        "measured": True,
        "figure": figure,
        "baseline": baseline,
        "ratio": ratio,
        "met": web is not None
        and tasks is not None
        and web["growth"] < 0.10
        and tasks["growth"] < 0.10
        and not tasks["failed_tasks"],
        "note": "; ".join(notes),
    }


def examday_targets(day: dict | None, reason: str = "", web: dict | None = None) -> dict:
    """P3, P4 and P7 from the exam day's figures (bench/examday.py) and the web workers' memory
    (`python -m bench`), or why they are missing."""
    if not day or "error" in day:
        why = reason or (
            f"the exam day failed: {day['error']}" if day else "the exam day was not run"
        )
        return {
            "P3": _not_measured(P3_WHAT, P3_TARGET, why),
            "P4": _not_measured(P4_WHAT, P4_TARGET, why),
            "P7": _p7(web, day, why),
        }
    return {"P3": _p3(day), "P4": _p4(day), "P7": _p7(web, day, "")}


def evaluate(run: dict) -> dict:
    pages = {name: page for name, page in run["pages"].items() if page.get("timed", True)}
    queries = run["pages"]
    day = examday_targets(
        run.get("examday"), run.get("examday_skipped", ""), run.get("web_worker_memory")
    )
    return {
        "P1": _p1(pages),
        "P2": _p2(queries, run["sizes"]["lessons"]),
        "P3": day["P3"],
        "P4": day["P4"],
        "P5": _p5(run.get("certificates")),
        "P6": _p6(pages),
        "P7": day["P7"],
        "P8": _p8(run.get("peer")),
    }


def _shown(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key} {item}" for key, item in value.items())
    return "-" if value is None else str(value)


def table(results: dict) -> str:
    lines = [
        "| id | figure | baseline | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for key, entry in results.items():
        if not entry["measured"]:
            lines.append(f"| {key} | not measured | - | - | {entry['target']} | no |")
            continue
        lines.append(
            f"| {key} | {_shown(entry.get('figure'))} | {_shown(entry.get('baseline'))} | "
            f"{_shown(entry.get('ratio'))} | {entry['target']} | {'yes' if entry['met'] else 'no'} |"
        )
    return "\n".join(lines)
