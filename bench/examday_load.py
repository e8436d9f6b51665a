"""The exam day's learners, as a load generator in its own process (asyncio and aiohttp):

    python -m bench.examday_load CONFIG_JSON

Phase "exam": learner i starts the exam at t0 + i x window / N (so all start within the
window), loads the attempt page the start redirects to, then autosaves every `autosave_every`
seconds (answering a few more questions each time, and sometimes changing an earlier answer),
as the page's script does. Phase "submit": learner i submits the whole form at
t0 + i x window / N. Every request and every answer sent is written to the log (JSON lines);
the answers each learner last had acknowledged are written to the state file.

A request that fails because its app server died (connection error, or 502/503/504 from the
load balancer) is sent again a second later, as a learner would press the button again or
the page's script would retry; each retry is logged with its try number. An autosave refused
as stale (409: the page's version is older than the attempt's, as after a save whose answer
was lost with its server) reloads the page and saves again, as the page asks the learner to.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import secrets
import statistics
import string
import sys
import time
from pathlib import Path

import aiohttp

RETRY_STATUSES = {502, 503, 504}
MAX_TRIES = 30
VERSION = re.compile(r'name="version" value="(\d+)"')


def p95(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1)


class Learner:
    def __init__(self, index: int, entry: dict, config: dict) -> None:
        self.index = index
        self.id = entry["id"]
        self.session = entry["session"]
        # The CSRF cookie a browser holds after loading the quiz page; the form sends the same
        # secret back (Django accepts the unmasked secret as the form's token).
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.config = config
        self.rng = random.Random(entry["id"])  # noqa: S311 - reproducible answers
        self.attempt_url = entry.get("attempt_url", "")
        self.version = entry.get("version", 0)
        self.answers: dict[str, str] = dict(entry.get("answers", {}))
        self.acknowledged: dict[str, str] = dict(entry.get("answers", {}))

    @property
    def headers(self) -> dict[str, str]:
        return {"Cookie": f"sessionid={self.session}; csrftoken={self.csrf}"}


class Generator:
    def __init__(self, config: dict) -> None:
        self.config = config
        self.base = config["base"].rstrip("/")
        self.t0 = config["t0"]
        self.log = open(config["log"], "a")  # noqa: SIM115 - closed in run()
        self.records: list[dict] = []

    def write(self, record: dict) -> None:
        record = {"t": round(time.time() - self.t0, 3), **record}
        self.records.append(record)
        self.log.write(json.dumps(record) + "\n")

    async def wait_until(self, moment: float) -> None:
        await asyncio.sleep(max(0.0, moment - time.time()))

    async def request(
        self,
        http: aiohttp.ClientSession,
        learner: Learner,
        kind: str,
        method: str,
        url: str,
        data=None,
        **extra,
    ) -> tuple[int, str, str]:
        """Send until a response that is not the load balancer's "no server" (status, body, location)."""
        for attempt in range(1, MAX_TRIES + 1):
            started = time.perf_counter()
            record = {"learner": learner.id, "kind": kind, "try": attempt, **extra}
            try:
                async with http.request(
                    method,
                    self.base + url,
                    data=data,
                    headers=learner.headers,
                    allow_redirects=False,
                ) as response:
                    body = await response.text()
                    status, location = response.status, response.headers.get("Location", "")
            except (aiohttp.ClientError, TimeoutError) as error:
                status, body, location = 0, "", ""
                record["error"] = type(error).__name__
            record.update(status=status, ms=round((time.perf_counter() - started) * 1000, 1))
            self.write(record)
            if status and status not in RETRY_STATUSES:
                return status, body, location
            await asyncio.sleep(1)
        return 0, "", ""

    def fields(self, learner: Learner, **more) -> dict:
        data = {f"q-{key}": value for key, value in learner.answers.items()}
        data.update(csrfmiddlewaretoken=learner.csrf, version=str(learner.version), **more)
        return data

    async def load_page(self, http, learner: Learner, kind: str = "page") -> int:
        status, body, _ = await self.request(http, learner, kind, "GET", learner.attempt_url)
        found = VERSION.search(body)
        if status == 200 and found:
            learner.version = int(found.group(1))
        return status

    async def start(self, http, learner: Learner) -> None:
        config = self.config
        await self.wait_until(self.t0 + learner.index * config["window"] / len(self.learners))
        began = time.perf_counter()
        status, _, location = await self.request(
            http,
            learner,
            "start",
            "POST",
            config["start"],
            data={"csrfmiddlewaretoken": learner.csrf},
        )
        if status != 302 or "/attempts/" not in location:
            self.write({"learner": learner.id, "kind": "failed", "what": "start", "status": status})
            return
        learner.attempt_url = location
        status = await self.load_page(http, learner)
        if status == 200:
            self.write(
                {
                    "learner": learner.id,
                    "kind": "started",
                    "ms": round((time.perf_counter() - began) * 1000, 1),
                }
            )
        else:
            self.write({"learner": learner.id, "kind": "failed", "what": "page", "status": status})

    def next_answers(self, learner: Learner, tick: int) -> None:
        questions, choices = self.config["questions"], self.config["choices"]
        wanted = round((tick + 1) * len(questions) / (self.config["autosaves"] + 1))
        for key in questions[:wanted]:
            learner.answers.setdefault(key, learner.rng.choice(choices))
        if learner.answers and learner.rng.random() < 0.3:
            key = learner.rng.choice(sorted(learner.answers))
            learner.answers[key] = learner.rng.choice(choices)

    async def autosave(self, http, learner: Learner, tick: int) -> None:
        url = learner.attempt_url + "autosave/"
        for _ in range(3):
            data = self.fields(learner)
            status, body, _ = await self.request(
                http,
                learner,
                "autosave",
                "POST",
                url,
                data=data,
                answers=learner.answers,
                version=learner.version,
            )
            if status == 200:
                learner.version = json.loads(body)["version"]
                learner.acknowledged = dict(learner.answers)
                return
            if status == 409:
                await self.load_page(http, learner, kind="reload")
                continue
            break
        self.write(
            {
                "learner": learner.id,
                "kind": "failed",
                "what": "autosave",
                "tick": tick,
                "status": status,
            }
        )

    async def exam(self, http, learner: Learner) -> None:
        await self.start(http, learner)
        if not learner.attempt_url:
            return
        config = self.config
        first = (
            self.t0
            + config["window"]
            + learner.index * config["autosave_every"] / len(self.learners)
        )
        for tick in range(config["autosaves"]):
            await self.wait_until(first + tick * config["autosave_every"])
            self.next_answers(learner, tick)
            await self.autosave(http, learner, tick)

    async def submit(self, http, learner: Learner) -> None:
        await self.wait_until(self.t0 + learner.index * self.config["window"] / len(self.learners))
        for key in self.config["questions"]:
            learner.answers.setdefault(key, learner.rng.choice(self.config["choices"]))
        status, _, location = await self.request(
            http,
            learner,
            "submit",
            "POST",
            learner.attempt_url,
            data=self.fields(learner, submit="1"),
            answers=learner.answers,
        )
        if status == 302 and location.endswith("/review/"):
            learner.acknowledged = dict(learner.answers)
        else:
            self.write(
                {"learner": learner.id, "kind": "failed", "what": "submit", "status": status}
            )

    async def run(self) -> dict:
        config = self.config
        self.learners = [
            Learner(index, entry, config) for index, entry in enumerate(config["learners"])
        ]
        connector = aiohttp.TCPConnector(limit=config.get("connections", 256))
        timeout = aiohttp.ClientTimeout(total=60)
        async with aiohttp.ClientSession(
            connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar()
        ) as http:
            work = self.exam if config["phase"] == "exam" else self.submit
            await asyncio.gather(*(work(http, learner) for learner in self.learners))
        self.log.close()
        state = [
            {
                "id": learner.id,
                "session": learner.session,
                "attempt_url": learner.attempt_url,
                "version": learner.version,
                "answers": learner.acknowledged,
            }
            for learner in self.learners
        ]
        Path(config["state"]).write_text(json.dumps(state))
        return self.summary()

    def summary(self) -> dict:
        kinds: dict[str, dict] = {}
        for record in self.records:
            entry = kinds.setdefault(
                record["kind"], {"requests": 0, "statuses": {}, "ms": [], "retries": 0}
            )
            entry["requests"] += 1
            status = str(record.get("status", ""))
            entry["statuses"][status] = entry["statuses"].get(status, 0) + 1
            if record.get("try", 1) > 1:
                entry["retries"] += 1
            if record.get("status") in (200, 302) or record["kind"] == "started":
                entry["ms"].append(record["ms"])
        for entry in kinds.values():
            values = entry.pop("ms")
            entry["p95_ms"] = p95(values)
            entry["median_ms"] = round(statistics.median(values), 1) if values else None
        return {"phase": self.config["phase"], "learners": len(self.learners), "kinds": kinds}


def main(argv: list[str]) -> int:
    config = json.loads(Path(argv[0]).read_text())
    summary = asyncio.run(Generator(config).run())
    Path(config["summary"]).write_text(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
