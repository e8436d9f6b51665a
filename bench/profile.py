"""Where a page's time goes: `python -m bench.profile [PAGE ...] [--requests N]`.

Run after `make bench` or `make bench-quick` (same DATABASE_URL): it profiles, with
pyinstrument, the pages of that run's manifest (`bench/.work/manifest.json`) against the
database that run seeded, in this process through Django's whole middleware stack (the same
code gunicorn runs, without the server), as the run's signed-in learner or as a visitor. Each
page is warmed up first (caches filled, templates compiled), then profiled over N requests.
The call tree of each page is written to `bench/.work/profile-<page>.txt` (and `.html`, to
explore in a browser), and the time spent by area (database, templates, cache, sessions, our
code...) is printed, with the CPU time beside the wall time: on a busy machine the database
waits longer.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter

from .__main__ import BENCH_DATABASE, WORK, environment

DEFAULT_PAGES = ("lesson50-fr", "course50-fr", "dashboard-fr", "anonymous-course50-fr")

# Frames whose own time is attributed to an area, first match wins (module path fragments).
AREAS = (
    ("database", ("django/db/", "psycopg", "sqlite3")),
    ("templates", ("django/template/", "wagtail/templatetags", "templatetags/")),
    ("blocks and rich text", ("wagtail/blocks/", "wagtail/rich_text", "wagtail/fields")),
    ("cache", ("django/core/cache", "redis", "lms/pagecache")),
    ("sessions and auth", ("django/contrib/sessions", "django/contrib/auth", "allauth")),
    ("translation", ("django/utils/translation", "gettext")),
    ("wagtail models", ("wagtail/models", "wagtail/query", "treebeard", "modelcluster")),
    ("our code", ("/courses/", "/content/", "/lms/", "/certificates/")),
    ("middleware and handlers", ("django/core/handlers", "django/middleware", "django/http")),
)


def existing_database_url() -> str:
    """The database the last benchmark run seeded (not recreated)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return re.sub(r"/[^/]*$", f"/{BENCH_DATABASE}", url)
    path = WORK / f"{BENCH_DATABASE}.sqlite3"
    if not path.exists():
        raise SystemExit(f"no benchmark database at {path}: run `make bench-quick` first")
    return f"sqlite:///{path}"


def area_of(file_path: str) -> str:
    for area, fragments in AREAS:
        if any(fragment in file_path for fragment in fragments):
            return area
    return "other"


def self_time_by_area(session) -> Counter:
    """Seconds of each area: the time of each leaf of the call tree, counted for the file of
    the code that spent it (pyinstrument gives a frame's own time as a `[self]` leaf)."""
    totals: Counter = Counter()

    def visit(frame, parent_path: str) -> None:
        # C functions (`<built-in>`) and [self] leaves count for the code that called them.
        path = frame.file_path if frame.file_path and frame.file_path[0] != "<" else parent_path
        if not frame.children:
            totals[area_of(path)] += frame.time
        for child in frame.children:
            visit(child, path)

    root = session.root_frame()
    if root is not None:
        visit(root, "")
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.profile", description=__doc__.split("\n")[0]
    )
    parser.add_argument("pages", nargs="*", default=list(DEFAULT_PAGES))
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)
    manifest_path = WORK / "manifest.json"
    if not manifest_path.exists():
        raise SystemExit(f"no manifest at {manifest_path}: run `make bench-quick` first")
    manifest = json.loads(manifest_path.read_text())
    os.environ.update(environment(existing_database_url()))

    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    unknown = sorted(set(args.pages) - set(manifest["pages"]))
    if unknown:
        raise SystemExit(f"unknown pages {unknown}; known: {sorted(manifest['pages'])}")
    for name in args.pages:
        page = manifest["pages"][name]
        client = Client(SERVER_NAME="127.0.0.1")
        if page["signed_in"]:
            client.cookies["sessionid"] = manifest["cookie"]
        for _ in range(20):
            response = client.get(page["url"])
            if response.status_code != 200:
                raise SystemExit(f"{name}: {page['url']} answered {response.status_code}")
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.requests):
            client.get(page["url"])
        session = profiler.stop()
        report = WORK / f"profile-{name}.txt"
        report.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
        report.with_suffix(".html").write_text(profiler.output_html())
        per_request = session.duration / args.requests * 1000
        areas = self_time_by_area(session)
        total = sum(areas.values()) or 1.0
        shares = ", ".join(
            f"{area} {seconds / total:.0%}"
            for area, seconds in areas.most_common()
            if seconds / total >= 0.02
        )
        cpu = session.cpu_time / args.requests * 1000
        print(
            f"{name}: {per_request:.1f} ms per request ({cpu:.1f} ms of CPU); {shares}; "
            f"call tree in {report}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
