"""Exam day (targets P3, P4, P7) on a two-server deployment, PostgreSQL only:

    python -m bench.examday [--quick] [--learners N]

Starts, on loopback: two gunicorn app servers (2 sync workers each) behind HAProxy
(round-robin, health checks, a queue per server), PostgreSQL (a fresh `ensa_examday`
database), Redis for the cache and the sessions (database 13, flushed first) and two
`manage.py db_worker` task workers. Seeds N learners enrolled in a course with a 20-question
exam (`bench/examday_data.py`), then runs the learners (`bench/examday_load.py`, its own
process): P3 all start within the window and load the attempt page; P4 they autosave, one app
server is killed (SIGKILL to its master and workers) midway and restarted, then all submit; the
database is checked against what the learners sent. B2 and autosaves at full speed are measured
through the same load balancer, in alternating rounds. P7 follows the memory (VmRSS) of one task
worker over many certificate issues (`python -m bench` follows the web workers' over its page
rounds).
Everything started here is stopped on the way out, failure or not.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from .__main__ import ROOT, WORK, database_url, environment, free_port, python, summary

EXAM_DATABASE = "ensa_examday"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
AUTOSAVE_SCRIPT = ROOT / "bench" / "autosave.lua"


@dataclass(frozen=True)
class Plan:
    name: str
    learners: int
    start_window: float  # seconds in which every learner starts (P3)
    autosave_every: float
    autosaves: int
    submit_window: float
    time_scale: int  # how many times shorter than the real exam day
    questions: int = 20
    workers: int = 2
    rounds: int = 3
    seconds: int = 3
    connections: int = 8
    restart_after: float = 5.0
    certificate_warmup: int = 50
    certificates: int = 1000


PLANS = {
    "full": Plan(
        "full",
        learners=1000,
        start_window=10,
        autosave_every=30,
        autosaves=4,
        submit_window=60,
        time_scale=1,
    ),
    # The same rates as the full plan with a fifth of the learners and of the time: 200 start
    # in 2 s, autosave every 6 s (4 times), submit within 12 s.
    "quick": Plan(
        "quick",
        learners=200,
        start_window=2,
        autosave_every=6,
        autosaves=4,
        submit_window=12,
        time_scale=5,
        rounds=2,
        seconds=2,
        certificate_warmup=20,
        certificates=100,
    ),
}


class Process:
    """A process in its own group, so that it and its children are stopped together."""

    def __init__(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.name, self.command, self.env = name, command, env
        self.start()

    def start(self) -> None:
        self.log = open(WORK / f"examday-{self.name}.log", "a")  # noqa: SIM115 - closed in stop()
        self.popen = subprocess.Popen(  # noqa: S603 - our own executables
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        """SIGKILL to the whole group, as when a machine dies: no graceful shutdown."""
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=30)

    def stop(self) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
        self.log.close()

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.popen.pid}/task/{self.popen.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []


def rss_kib(pid: int) -> int:
    found = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(found.group(1))


def wait_answering(url: str, process: Process, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()  # noqa: S310 - loopback
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if process.popen.poll() is not None:
                break
            time.sleep(0.3)
    raise SystemExit(f"{process.name} did not answer {url}: see {process.log.name}")


class AppServer(Process):
    def __init__(
        self, name: str, env: dict[str, str], workers: int, port: int | None = None
    ) -> None:
        self.port = port or free_port()
        gunicorn = str(Path(python()).with_name("gunicorn"))
        command = [
            gunicorn,
            "lms.wsgi",
            "-w",
            str(workers),
            "-k",
            "sync",
            "-b",
            f"127.0.0.1:{self.port}",
        ]
        super().__init__(name, command, env)
        self.ready()

    def ready(self) -> None:
        wait_answering(f"http://127.0.0.1:{self.port}/bench/b1", self)

    def restart(self) -> None:
        self.log.close()
        self.start()
        self.ready()


def haproxy_config(port: int, servers: list[AppServer], workers: int) -> str:
    lines = [
        "global",
        "    maxconn 4096",
        "defaults",
        "    mode http",
        "    timeout connect 2s",
        "    timeout client 60s",
        "    timeout server 60s",
        "    timeout queue 30s",
        "    option http-server-close",
        "    option forwardfor",
        # A request that never reached a server (refused connection) goes to the other one;
        # one a server died while handling gets a 502, which the client sends again.
        "    retries 3",
        "    option redispatch",
        "    retry-on conn-failure",
        "frontend exam",
        f"    bind 127.0.0.1:{port}",
        "    default_backend app",
        "backend app",
        "    balance roundrobin",
        "    option httpchk",
        "    http-check send meth GET uri /bench/b1 ver HTTP/1.1 hdr Host 127.0.0.1",
        "    http-check expect status 200",
    ]
    # Sync workers take one request each: the load balancer queues the rest (and sends a queued
    # request to the other server when its own goes down).
    lines += [
        f"    server {server.name} 127.0.0.1:{server.port} check inter 1s fall 2 rise 2 maxconn {workers}"
        for server in servers
    ]
    return "\n".join(lines) + "\n"


def run_wrk(
    url: str, *, threads: int, connections: int, seconds: int, script: list[str] = ()
) -> float:
    """Requests per second; any error or non-2xx answer stops the run. `script`: a Lua script
    and its arguments (wrk passes those after the URL to the script's init())."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    if script:
        command += ["-s", script[0], url, "--", *script[1:]]
    else:
        command.append(url)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    if re.search(r"Non-2xx or 3xx responses: (\d+)", output) or re.search(
        r"Socket errors:.*(connect|read|write|timeout) [1-9]", output
    ):
        raise SystemExit(f"wrk saw errors on {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def throughput(base: str, manifest: dict, plan: Plan) -> dict:
    """Autosaves at full speed (each a write) against B2 (one INSERT), alternating rounds."""
    writers = WORK / "examday-writers.txt"
    writers.write_text("".join(f"{w['autosave']} {w['session']}\n" for w in manifest["writers"]))
    autosave, b2 = [], []
    options = {
        "threads": plan.connections,
        "connections": plan.connections,
        "seconds": plan.seconds,
    }
    for round_number in range(plan.rounds):
        b2.append(run_wrk(f"{base}/bench/b2", **options))
        offset = str(round_number * plan.connections)
        script = [str(AUTOSAVE_SCRIPT), str(writers), offset, manifest["questions"][0]]
        autosave.append(run_wrk(base + "/", script=script, **options))
    return {
        "autosave_requests_per_second": summary(autosave),
        "b2_requests_per_second": summary(b2),
        "ratio_to_b2": round(statistics.median(autosave) / statistics.median(b2), 3),
        "connections": plan.connections,
    }


def generator(config: dict, name: str) -> dict:
    path = WORK / f"examday-{name}.json"
    config = {**config, "summary": str(WORK / f"examday-{name}-summary.json")}
    path.write_text(json.dumps(config))
    return {"config": path, "summary": Path(config["summary"])}


def check(env: dict, manifest_path: Path, state: Path, phase: str) -> dict:
    output = WORK / f"examday-check-{phase}.json"
    subprocess.run(  # noqa: S603
        [
            python(),
            "-m",
            "bench.examday_data",
            "check",
            str(manifest_path),
            str(state),
            phase,
            str(output),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return json.loads(output.read_text())


def exam(
    env: dict, base: str, manifest: dict, manifest_path: Path, plan: Plan, victim: AppServer
) -> dict:
    """P3 and P4: the learners start, autosave (one server killed midway), then submit."""
    log = WORK / "examday-requests.jsonl"
    log.unlink(missing_ok=True)
    state = WORK / "examday-state.json"
    common = {
        "base": base,
        "start": manifest["exam"]["start"],
        "questions": manifest["questions"],
        "choices": manifest["choices"],
        "log": str(log),
        "state": str(state),
    }
    t0 = time.time() + 3  # the generator's own start-up
    files = generator(
        {
            **common,
            "phase": "exam",
            "t0": t0,
            "window": plan.start_window,
            "autosave_every": plan.autosave_every,
            "autosaves": plan.autosaves,
            "learners": manifest["learners"],
        },
        "exam",
    )
    load = subprocess.Popen([python(), "-m", "bench.examday_load", str(files["config"])], cwd=ROOT)  # noqa: S603
    try:
        autosave_phase = plan.autosave_every * plan.autosaves
        kill_at = t0 + plan.start_window + autosave_phase / 2
        time.sleep(max(0.0, kill_at - time.time()))
        victim.kill()
        killed = time.time() - t0
        time.sleep(plan.restart_after)
        victim.restart()
        restarted = time.time() - t0
        load.wait(timeout=plan.start_window + autosave_phase + 300)
    finally:
        if load.poll() is None:
            load.kill()
            load.wait()
    if load.returncode:
        raise SystemExit("the exam phase of the load generator failed")
    exam_summary = json.loads(files["summary"].read_text())
    saved = check(env, manifest_path, state, "saved")

    submit_state = WORK / "examday-state-submitted.json"
    files = generator(
        {
            **common,
            "state": str(submit_state),
            "phase": "submit",
            "t0": time.time() + 3,
            "window": plan.submit_window,
            "learners": json.loads(state.read_text()),
        },
        "submit",
    )
    subprocess.run(
        [python(), "-m", "bench.examday_load", str(files["config"])],
        cwd=ROOT,
        check=True,
        timeout=600,
    )  # noqa: S603
    submit_summary = json.loads(files["summary"].read_text())
    submitted = check(env, manifest_path, submit_state, "submitted")
    return {
        "exam": exam_summary,
        "submit": submit_summary,
        "server_killed_at_second": round(killed, 1),
        "server_back_at_second": round(restarted, 1),
        "check_after_autosaves": saved,
        "check_after_submits": submitted,
        "log": str(log),
    }


def _growth(before: int, after: int, **facts) -> dict:
    return {
        "rss_kib_after_warmup": before,
        "rss_kib_after": after,
        "growth": round(after / before - 1, 4),
        **facts,
    }


CERTIFICATE_TASK = "certificates.tasks.auto_issue_task"


def certificate_tasks(url: str) -> tuple[int, int, int]:
    """The certificate issues still waiting (or running), done, and failed. Counted by task:
    django-tasks-db gives a task queued to run at once the latest date as its `run_after`, so
    "due now" cannot be read from that column."""
    import psycopg

    with psycopg.connect(url) as connection:
        counts = dict(
            connection.execute(
                "SELECT status, count(*) FROM django_tasks_database_dbtaskresult "
                "WHERE task_path = %s GROUP BY status",
                [CERTIFICATE_TASK],
            ).fetchall()
        )
    waiting = counts.get("READY", 0) + counts.get("RUNNING", 0)
    return waiting, counts.get("SUCCESSFUL", 0), counts.get("FAILED", 0)


def task_worker_memory(
    env: dict, url: str, manifest_path: Path, worker: Process, plan: Plan
) -> dict:
    """P7: VmRSS of one db_worker (the only one running) over many certificate issues."""

    def issue(first: int, count: int) -> None:
        subprocess.run(  # noqa: S603
            [
                python(),
                "-m",
                "bench.examday_data",
                "enqueue",
                str(manifest_path),
                str(first),
                str(count),
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
        deadline = time.monotonic() + 30 + count * 2
        while certificate_tasks(url)[0]:
            if time.monotonic() > deadline or worker.popen.poll() is not None:
                raise SystemExit(
                    f"the task worker did not finish the certificates: see {worker.log.name}"
                )
            time.sleep(0.5)

    issue(0, plan.certificate_warmup)
    before = rss_kib(worker.popen.pid)
    started = time.monotonic()
    issue(plan.certificate_warmup, plan.certificates)
    elapsed = time.monotonic() - started
    after = rss_kib(worker.popen.pid)
    _waiting, done, failed = certificate_tasks(url)
    if done + failed != plan.certificate_warmup + plan.certificates:
        raise SystemExit(
            f"{done + failed} certificate tasks ran of {plan.certificate_warmup + plan.certificates}"
        )
    return _growth(
        before,
        after,
        certificates=plan.certificates,
        warmup=plan.certificate_warmup,
        failed_tasks=failed,
        certificates_per_second=round(plan.certificates / elapsed, 1),
    )


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


@dataclass(frozen=True)
class Prepared:
    """An exam day's seeded database, ready to be served."""

    url: str
    env: dict[str, str]
    manifest_path: Path
    seconds: float


def prepare(plan: Plan, *, collect_static: bool = True) -> Prepared:
    """Checks the tools, then seeds the exam day's own database (raises SystemExit when it
    cannot run). `python -m bench` runs it beside its own seed."""
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("the exam day needs PostgreSQL: set DATABASE_URL")
    for tool in ("wrk", "haproxy"):
        if not shutil.which(tool) and not Path("/usr/sbin", tool).exists():
            raise SystemExit(f"{tool} is missing: install Debian's package ({tool})")
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    url = database_url(EXAM_DATABASE)
    env = {
        **environment(url),
        "DJANGO_SETTINGS_MODULE": "bench.examday_settings",
        "REDIS_URL": REDIS_URL,
    }
    flush_redis()
    if collect_static:
        subprocess.run(
            [python(), "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )  # noqa: S603
    manifest_path = WORK / "examday-manifest.json"
    sizes = {
        "learners": plan.learners,
        "questions": plan.questions,
        "throughput_clients": plan.rounds * plan.connections,
        "certificates": plan.certificate_warmup + plan.certificates,
    }
    subprocess.run(  # noqa: S603
        [python(), "-m", "bench.examday_data", "seed", json.dumps(sizes), str(manifest_path)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return Prepared(url, env, manifest_path, time.monotonic() - started)


def run(plan: Plan, prepared: Prepared | None = None) -> dict:
    """The exam day's figures (see the module's docstring) on a prepared database (prepared
    here when not given); raises SystemExit when it cannot run."""
    started = time.monotonic()
    prepared = prepared or prepare(plan)
    url, env, manifest_path = prepared.url, prepared.env, prepared.manifest_path
    print(
        f"Exam day ({plan.name}): {plan.learners} learners, two app servers behind HAProxy "
        f"(seeded in {prepared.seconds:.0f} s)",
        flush=True,
    )
    manifest = json.loads(manifest_path.read_text())
    processes: list[Process] = []
    try:
        servers = [AppServer(name, env, plan.workers) for name in ("app-a", "app-b")]
        processes += servers
        port = free_port()
        config = WORK / "examday-haproxy.cfg"
        config.write_text(haproxy_config(port, servers, plan.workers))
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        balancer = Process("haproxy", [haproxy, "-db", "-f", str(config)], env)
        processes.append(balancer)
        base = f"http://127.0.0.1:{port}"
        wait_answering(f"{base}/bench/b1", balancer)
        workers = [
            Process(
                f"db-worker-{n}",
                [python(), "manage.py", "db_worker", "--worker-id", f"examday-{n}"],
                env,
            )
            for n in (1, 2)
        ]
        processes += workers
        rates = throughput(base, manifest, plan)
        print(
            f"  autosave {rates['autosave_requests_per_second']['median']} req/s, "
            f"B2 {rates['b2_requests_per_second']['median']} req/s",
            flush=True,
        )
        day = exam(env, base, manifest, manifest_path, plan, servers[0])
        print("  exam done; measuring a task worker's memory", flush=True)
        workers[1].stop()
        tasks = task_worker_memory(env, url, manifest_path, workers[0], plan)
    finally:
        for process in reversed(processes):
            try:
                process.stop()
            except (OSError, subprocess.SubprocessError) as error:
                print(f"  could not stop {process.name}: {error}", file=sys.stderr)
    return {
        "plan": asdict(plan),
        "queries": manifest["queries"],
        "throughput": rates,
        **day,
        "memory": {"task_worker": tasks},
        "duration_seconds": round(time.monotonic() - started),
    }


def _stop_on_sigterm() -> None:
    """SIGTERM (a timeout, a stopped job) unwinds like an error, so every process is stopped."""

    def stop(signum, frame):
        raise SystemExit(f"stopped by signal {signum}")

    signal.signal(signal.SIGTERM, stop)


def main(argv: list[str] | None = None) -> int:
    _stop_on_sigterm()
    parser = argparse.ArgumentParser(
        prog="python -m bench.examday", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--learners", type=int)
    parser.add_argument("--output", type=Path, default=WORK / "examday.json")
    args = parser.parse_args(argv)
    plan = PLANS["quick" if args.quick else "full"]
    if args.learners:
        plan = Plan(**{**asdict(plan), "learners": args.learners})
    figures = run(plan)
    args.output.write_text(json.dumps(figures, indent=2) + "\n")
    from .targets import examday_targets

    for key, entry in examday_targets(figures).items():
        print(f"{key}: {'met' if entry['met'] else 'not met'}: {json.dumps(entry.get('figure'))}")
    print(f"Written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
