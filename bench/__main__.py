"""Benchmarks of the pages a learner loads, against baselines measured in the same run.

    python -m bench [--quick | --tiny] [--skip-certificates] [--skip-peer] [--skip-examday]

Seeds a fresh database (PostgreSQL when DATABASE_URL points to one, else SQLite), serves the
platform with gunicorn on loopback with production-like settings (`bench/settings.py`), drives
load from wrk (a separate process, bounded in time) in rounds alternating each page with its
baseline, measures the peer (wagtail-lms from PyPI, in its own virtual environment, served the
same way) in rounds alternating with our pages, runs the exam day on PostgreSQL (P3, P4, P7:
`bench/examday.py`, two app servers behind HAProxy), and writes `bench/results.json` (one entry per target P1...P8) and a table.
Figures are medians of the rounds, with min and max; ratios compare with a baseline of the
same run, so they compare across machines.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import targets

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("BENCH_WORK", ROOT / "bench" / ".work"))
RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results.json"))
BENCH_DATABASE = "ensa_bench"
PEER_REQUIREMENTS = [
    "wagtail-lms==0.11.1",
    # the newest Django and Wagtail that wagtail-lms 0.11.1 supports
    "Django>=5.2,<6.1",
    "wagtail>=7.3,<7.4",
    "gunicorn",
    "dj-database-url",
    "psycopg[binary]",
]
CLIENTS_SCRIPT = ROOT / "bench" / "many_clients.lua"


@dataclass(frozen=True)
class Mode:
    name: str
    lessons: tuple[int, int]
    learners: int
    questions: int
    rounds: int
    seconds: int
    connections: int = 8
    workers: int = 2
    certificate_renders: int = 300
    certificate_sizes: tuple[int, ...] = (100, 1000)
    peer: bool = True
    # Only the larger course's pages are timed (the smaller one's queries are still counted, for
    # P2, and the peer's rounds time both): the quick run stays under 3 minutes.
    larger_course_only: bool = False


MODES = {
    "full": Mode("full", lessons=(5, 50), learners=1000, questions=20, rounds=3, seconds=2),
    "quick": Mode(
        "quick",
        lessons=(5, 50),
        learners=200,
        questions=20,
        rounds=2,
        seconds=1,
        certificate_renders=60,
        certificate_sizes=(20, 100),
        larger_course_only=True,
    ),
    # Checks that the harness works (tests/bench); its figures mean nothing.
    "tiny": Mode(
        "tiny",
        lessons=(5, 10),
        learners=5,
        questions=2,
        rounds=1,
        seconds=1,
        connections=2,
        certificate_renders=3,
        certificate_sizes=(2, 4),
        peer=False,
    ),
}


def python() -> str:
    return sys.executable


def database_url(name: str = BENCH_DATABASE) -> str:
    """A fresh database `name` beside DATABASE_URL's (PostgreSQL), or a fresh SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {name}")
        return re.sub(r"/[^/]*$", f"/{name}", url)
    for stale in WORK.glob(f"{name}.sqlite3*"):
        stale.unlink()
    return f"sqlite:///{WORK / name}.sqlite3"


def environment(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=url,
        BENCH_B0_DIR=str(WORK / "b0"),
        BENCH_STATIC_ROOT=str(WORK / "static"),
        BENCH_MEDIA_ROOT=str(WORK / "media"),
        PYTHONPATH=str(ROOT),
    )
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn with sync workers on loopback, stopped on exit."""

    def __init__(
        self,
        env: dict[str, str],
        workers: int,
        *,
        interpreter: str = "",
        app: str = "lms.wsgi",
        cwd: Path = ROOT,
    ) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        gunicorn = Path(interpreter or python()).with_name("gunicorn")
        log = WORK / f"gunicorn-{app.split('.')[0]}.log"
        self.process = subprocess.Popen(  # noqa: S603 - our own executable and arguments
            [str(gunicorn), app, "-w", str(workers), "-k", "sync", "-b", f"127.0.0.1:{self.port}"],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(log, "w"),  # noqa: SIM115 - kept open while it runs
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/", timeout=5).read()  # noqa: S310
                return
            except urllib.error.HTTPError:  # answering, even if not 200
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        raise SystemExit(f"gunicorn did not start: see {log}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def workers(self) -> dict[int, dict]:
        """Each worker's VmRSS and the requests it has served (`/bench/worker` answers from
        whichever worker takes the request: asked until every worker has answered)."""
        pids = set(children(self.process.pid))
        served: dict[int, int] = {}
        for _ in range(200):
            answer = json.loads(fetch(f"{self.base}/bench/worker", None))
            served[answer["pid"]] = answer["requests"]
            if pids <= served.keys():
                break
        else:
            raise SystemExit(
                f"not every worker answered /bench/worker: {sorted(pids - served.keys())}"
            )
        return {pid: {"requests": served[pid], "rss_kib": rss_kib(pid)} for pid in pids}


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def rss_kib(pid: int) -> int:
    found = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(found.group(1))


def web_worker_growth(warm: dict[int, dict], end: dict[int, dict]) -> dict:
    """P7 (web): each worker's VmRSS growth between the end of the warm-up and the end of the
    run, with the requests it served meanwhile; the figure is the worker that grew most."""
    workers = [
        {
            "pid": pid,
            "requests": end[pid]["requests"] - warm[pid]["requests"],
            "rss_kib_after_warmup": warm[pid]["rss_kib"],
            "rss_kib_after": end[pid]["rss_kib"],
            "growth": round(end[pid]["rss_kib"] / warm[pid]["rss_kib"] - 1, 4),
        }
        for pid in sorted(warm.keys() & end.keys())
    ]
    if not workers:
        raise SystemExit("the web workers changed during the run (one was restarted)")
    worst = max(workers, key=lambda worker: worker["growth"])
    return {
        **{
            key: worst[key]
            for key in ("requests", "rss_kib_after_warmup", "rss_kib_after", "growth")
        },
        "warmup": "the first round of every page",
        "workers": workers,
    }


def fetch(url: str, cookie: str | None) -> bytes:
    headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
        return response.read()


def wrk(url: str, *, seconds: int, connections: int, cookie: str | None) -> float:
    """Requests per second; any error or non-2xx answer stops the run."""
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(CLIENTS_SCRIPT),
    ]
    if cookie:
        command += ["-H", f"Cookie: sessionid={cookie}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if (
        bad
        or "Socket errors" in output
        and re.search(r"(timeout|read|write|connect) [1-9]", output)
    ):
        raise SystemExit(f"wrk saw errors on {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def summary(values: list[float]) -> dict:
    return {
        "median": round(statistics.median(values), 1),
        "min": round(min(values), 1),
        "max": round(max(values), 1),
    }


def timed(name: str, mode: Mode) -> bool:
    small = mode.lessons[0]
    return not mode.larger_course_only or not any(
        name.startswith(prefix)
        for prefix in (f"course{small}-", f"lesson{small}-", f"anonymous-course{small}-")
    )


def measure_pages(
    server: Server, manifest: dict, mode: Mode, *, after_warmup=lambda: None
) -> dict[str, dict]:
    """Each page against B0 (its own bytes) and the verification page against B1, in rounds:
    each round times every page once, each right after or before its baseline. The first round
    is also the workers' warm-up (`after_warmup` runs after it)."""
    cookie = manifest["cookie"]
    b0_dir = WORK / "b0"
    b0_dir.mkdir(parents=True, exist_ok=True)
    for name, page in manifest["pages"].items():
        body = fetch(server.base + page["url"], cookie if page["signed_in"] else None)
        (b0_dir / f"{name}.html").write_bytes(body)
        page["bytes"] = len(body)
    options = {"seconds": mode.seconds, "connections": mode.connections}
    timed_pages = {name: page for name, page in manifest["pages"].items() if timed(name, mode)}
    ours = {name: [] for name in timed_pages}
    b0 = {name: [] for name in timed_pages}
    b1 = []
    for round_number in range(mode.rounds):
        for name, page in timed_pages.items():
            page_cookie = cookie if page["signed_in"] else None
            ours[name].append(wrk(server.base + page["url"], cookie=page_cookie, **options))
            b0[name].append(wrk(f"{server.base}/bench/b0/{name}", cookie=page_cookie, **options))
            if name.startswith("verify-"):
                b1.append(wrk(f"{server.base}/bench/b1", cookie=None, **options))
        if round_number == 0:
            after_warmup()
    figures = {}
    for name, page in manifest["pages"].items():
        figures[name] = {
            "url": page["url"],
            "signed_in": page["signed_in"],
            "queries": page["queries"],
            "bytes": page["bytes"],
        }
        if name not in timed_pages:
            figures[name]["timed"] = False
            print(f"  {name:28} {'-':>8} (queries only) {page['queries']:3d} queries", flush=True)
            continue
        figures[name].update(
            requests_per_second=summary(ours[name]),
            b0_requests_per_second=summary(b0[name]),
            ratio_to_b0=round(statistics.median(ours[name]) / statistics.median(b0[name]), 3),
        )
        if name.startswith("verify-"):
            figures[name]["b1_requests_per_second"] = summary(b1)
            figures[name]["ratio_to_b1"] = round(
                statistics.median(ours[name]) / statistics.median(b1), 3
            )
        print(
            f"  {name:28} {figures[name]['requests_per_second']['median']:8.1f} req/s "
            f"{figures[name]['ratio_to_b0']:6.3f} of B0  {page['queries']:3d} queries",
            flush=True,
        )
    return figures


def measure_b2(server: Server, mode: Mode) -> dict:
    values = []
    for _ in range(mode.rounds):
        values.append(
            wrk(
                f"{server.base}/bench/b2",
                seconds=mode.seconds,
                connections=mode.connections,
                cookie=None,
            )
        )
    return summary(values)


def certificates(mode: Mode, *, prepare: bool = False) -> dict | None:
    """bench/certificates.py in its own process and test database; `prepare` only creates that
    database (migrations), beside the seed, and the measuring run then keeps it."""
    output = WORK / "certificates.json"
    options = (
        ["--prepare"]
        if prepare
        else [
            "--keepdb",
            "--renders",
            str(mode.certificate_renders),
            "--sizes",
            *map(str, mode.certificate_sizes),
            "--output",
            str(output),
        ]
    )
    subprocess.run(  # noqa: S603
        [python(), "-m", "bench.certificates", *options],
        cwd=ROOT,
        check=True,
        env={
            **os.environ,
            "TEST_DATABASE_NAME": ".test-db-bench-certificates",
            "PYTHONPATH": str(ROOT),
        },
    )
    return None if prepare else json.loads(output.read_text())


def peer_interpreter() -> str:
    """The peer's own virtual environment, made once and kept in the work folder."""
    venv = WORK / "peer-venv"
    interpreter = venv / "bin" / "python"
    marker = venv / "installed.txt"
    if not marker.exists() or marker.read_text() != "\n".join(PEER_REQUIREMENTS):
        print("Installing the peer (wagtail-lms 0.11.1) in its own virtual environment", flush=True)
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([python(), "-m", "venv", str(venv)], check=True)
        # uv (installed beside our interpreter by `make venv`) takes seconds where pip takes a
        # minute; pip is the fallback.
        uv = Path(python()).with_name("uv")
        install = (
            [str(uv), "pip", "install", "--python", str(interpreter)]
            if uv.exists()
            else [str(interpreter), "-m", "pip", "install"]
        )
        with open(WORK / "peer-install.log", "w") as log:
            subprocess.run([*install, "-q", *PEER_REQUIREMENTS], check=True, stdout=log, stderr=log)
        marker.write_text("\n".join(PEER_REQUIREMENTS))
    return str(interpreter)


def peer_environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "peer.settings",
        "PEER_STATIC_ROOT": str(WORK / "peer-static"),
        "PEER_MEDIA_ROOT": str(WORK / "peer-media"),
        "PYTHONPATH": str(ROOT / "bench"),
    }


def prepare_peer(sizes: dict) -> tuple[str, dict[str, str], dict]:
    """Installs and seeds the peer (its interpreter, its environment, its manifest)."""
    interpreter = peer_interpreter()
    env = {**peer_environment(), "DATABASE_URL": database_url(f"{BENCH_DATABASE}_peer")}
    manifest_path = WORK / "peer-manifest.json"
    subprocess.run(
        [interpreter, "-m", "peer.seed", json.dumps(sizes), str(manifest_path)],
        cwd=ROOT / "bench",
        env=env,
        check=True,
    )
    return interpreter, env, json.loads(manifest_path.read_text())


def peer_server(mode: Mode, prepared: tuple[str, dict[str, str], dict]) -> tuple[Server, dict]:
    interpreter, env, manifest = prepared
    server = Server(env, mode.workers, interpreter=interpreter, app="peer.wsgi", cwd=ROOT / "bench")
    return server, manifest


def measure_peer(
    ours: Server, manifest: dict, peer: Server, peer_manifest: dict, mode: Mode
) -> dict:
    """Our course and lesson pages (French) and the peer's, in alternating rounds."""
    options = {"seconds": mode.seconds, "connections": mode.connections}
    figures = {}
    for peer_name, peer_page in peer_manifest["pages"].items():
        our_name = peer_name.removeprefix("peer-") + "-fr"
        our_page = manifest["pages"][our_name]
        fetch(peer.base + peer_page["url"], peer_manifest["cookie"])
        our_values, peer_values = [], []
        for _ in range(mode.rounds):
            our_values.append(
                wrk(ours.base + our_page["url"], cookie=manifest["cookie"], **options)
            )
            peer_values.append(
                wrk(peer.base + peer_page["url"], cookie=peer_manifest["cookie"], **options)
            )
        figures[peer_name] = {
            "ours": our_name,
            "requests_per_second": summary(our_values),
            "peer_requests_per_second": summary(peer_values),
            "ratio_to_peer": round(
                statistics.median(our_values) / statistics.median(peer_values), 3
            ),
            "queries": our_page["queries"],
            "peer_queries": peer_page["queries"],
        }
        print(
            f"  {our_name:28} {statistics.median(our_values):8.1f} req/s, peer "
            f"{statistics.median(peer_values):8.1f} req/s: {figures[peer_name]['ratio_to_peer']:.2f} x; "
            f"{our_page['queries']} vs {peer_page['queries']} queries",
            flush=True,
        )
    return figures


def exam_day_skipped(mode: Mode, url: str, with_examday: bool) -> str:
    """Why the exam day is not part of this run, or "" when it is."""
    if not with_examday:
        return "skipped in this run (--skip-examday)"
    if mode.name != "full":
        return (
            f"not measured in {mode.name} mode (make bench runs it; "
            "python -m bench.examday --quick runs a compressed one alone)"
        )
    if not url.startswith("postgres"):
        return "not measured: needs PostgreSQL (set DATABASE_URL)"
    return ""


def exam_day(mode: Mode, prepared) -> dict:
    """The exam day's figures (bench/examday.py) on its prepared database."""
    from . import examday

    try:
        return examday.run(examday.PLANS[mode.name], prepared)
    except (SystemExit, subprocess.SubprocessError, OSError) as error:
        print(f"Exam day failed: {error}", file=sys.stderr, flush=True)
        return {"error": str(error)}


def run(mode: Mode, *, with_certificates: bool, with_peer: bool, with_examday: bool = True) -> dict:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: install Debian's package (apt-get install wrk)")
    WORK.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(WORK / "b0", ignore_errors=True)
    url = database_url()
    env = environment(url)
    started = time.monotonic()
    print(
        f"Benchmark ({mode.name}) on {'PostgreSQL' if url.startswith('postgres') else 'SQLite'}",
        flush=True,
    )
    subprocess.run(
        [python(), "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )  # noqa: S603
    sizes = {"lessons": list(mode.lessons), "learners": mode.learners, "questions": mode.questions}
    day_skipped = exam_day_skipped(mode, url, with_examday)
    # The set-up of the peer, of the certificates' database and of the exam day (installs,
    # migrations, seeds) runs beside ours: nothing is timed until all are done.
    with ThreadPoolExecutor(max_workers=3) as pool:
        peer_ready = pool.submit(prepare_peer, sizes) if with_peer and mode.peer else None
        certificates_ready = (
            pool.submit(certificates, mode, prepare=True) if with_certificates else None
        )
        if not day_skipped:
            # at call time: bench.examday imports this module's helpers
            from . import examday

            day_ready = pool.submit(examday.prepare, examday.PLANS[mode.name], collect_static=False)
        manifest_path = WORK / "manifest.json"
        subprocess.run(
            [python(), "-m", "bench.seed", json.dumps(sizes), str(manifest_path)],
            cwd=ROOT,
            env=env,
            check=True,
        )  # noqa: S603
        manifest = json.loads(manifest_path.read_text())
        prepared_peer = peer_ready.result() if peer_ready else None
        if certificates_ready:
            certificates_ready.result()
        prepared_day = None if day_skipped else day_ready.result()
    print(f"Seeded in {time.monotonic() - started:.0f} s; measuring pages", flush=True)
    server = Server(env, mode.workers)
    peer = peer_manifest = None
    warm = {}
    try:
        pages = measure_pages(
            server, manifest, mode, after_warmup=lambda: warm.update(server.workers())
        )
        b2 = measure_b2(server, mode)
        if prepared_peer:
            peer, peer_manifest = peer_server(mode, prepared_peer)
            peer_figures = measure_peer(server, manifest, peer, peer_manifest, mode)
        else:
            peer_figures = None
        web_memory = web_worker_growth(warm, server.workers())
    finally:
        server.stop()
        if peer is not None:
            peer.stop()
    certificate_figures = certificates(mode) if with_certificates else None
    day = exam_day(mode, prepared_day) if prepared_day else None
    measured = {
        "mode": mode.name,
        "database": "postgresql" if url.startswith("postgres") else "sqlite",
        "sizes": sizes,
        "rounds": mode.rounds,
        "seconds_per_run": mode.seconds,
        "connections": mode.connections,
        "gunicorn_workers": mode.workers,
        "pages": pages,
        "b2_requests_per_second": b2,
        "peer": peer_figures,
        "certificates": certificate_figures,
        "web_worker_memory": web_memory,
        "examday": day,
        "examday_skipped": day_skipped,
    }
    results = {
        **measured,
        "targets": targets.evaluate(measured),
        "duration_seconds": round(time.monotonic() - started),
    }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(targets.table(results["targets"]))
    print(f"Written to {RESULTS} in {results['duration_seconds']} s")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_const", dest="mode", const="quick")
    size.add_argument("--tiny", action="store_const", dest="mode", const="tiny")
    parser.add_argument("--skip-certificates", action="store_true")
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--skip-examday", action="store_true")
    args = parser.parse_args(argv)
    run(
        MODES[args.mode or "full"],
        with_certificates=not args.skip_certificates,
        with_peer=not args.skip_peer,
        with_examday=not args.skip_examday,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
