"""Certificate benchmarks: rendering rate and bulk-issue query counts.

    python -m bench.certificates [--renders 300] [--sizes 100 1000] [--output FILE]
    python -m bench.certificates --prepare    (creates its database, for a later --keepdb run)

Figures are relative to baselines measured in the same run, so that they compare across
machines. Results are printed and written to bench/results/ (or --output).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def _rate(function, count: int) -> float:
    function(0)  # warm-up: font registration, imports
    started = time.perf_counter()
    for index in range(count):
        function(index)
    return count / (time.perf_counter() - started)


def bench_rendering(count: int) -> dict:
    import segno
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from certificates import signing
    from certificates.pdf import BOLD, REGULAR, register_fonts, render_certificate
    from certificates.samples import sample_certificate_data
    from certificates.statement import qr_content, sign_statement

    key = signing.load_private_key(signing.generate_private_key_pem())
    base = sample_certificate_data()

    def plain_page(index: int) -> bytes:
        """The same page drawn with plain reportlab and segno: the same texts in the same fonts
        at the same sizes, the same rules and the same QR code, with none of our layout work
        (no shaping or bidi, no fitting, no seal or signature pictures, no metadata)."""
        data = replace(
            base, serial=f"ENSA-2026-{index:06d}", learner_name_latin=f"Fatima-Zahra Benali {index}"
        )
        t = data.template
        width, height = landscape(A4)
        buffer = BytesIO()
        canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
        lines = [
            (t.institution_fr, BOLD, 11),
            (t.institution_ar, BOLD, 13),
            (t.heading_fr, BOLD, 26),
            (t.heading_ar, BOLD, 26),
            (t.attests_fr, REGULAR, 12.5),
            (data.learner_name_latin, BOLD, 21),
            (t.followed_fr, REGULAR, 12.5),
            (data.course_title_fr, BOLD, 15),
            (t.attests_ar, REGULAR, 13.5),
            (data.learner_name_arabic, BOLD, 22),
            (t.followed_ar, REGULAR, 13.5),
            (data.course_title_ar, BOLD, 16),
            (data.serial, BOLD, 10),
            (data.verify_url, REGULAR, 7.5),
        ]
        for number, (text, font, size) in enumerate(lines):
            canvas.setFont(font, size)
            canvas.drawCentredString(width / 2, height - 60 - number * 32, text)
        canvas.line(width / 2 - 120, height - 208, width / 2 + 120, height - 208)
        matrix = segno.make(qr_content(data), error="m").matrix
        module = 114 / len(matrix)
        path = canvas.beginPath()
        for row, cells in enumerate(matrix):
            for column, dark in enumerate(cells):
                if dark:
                    path.rect(48 + column * module, 158 - (row + 1) * module, module, module)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    def certificate(index: int) -> bytes:
        data = replace(
            base,
            serial=f"ENSA-2026-{index:06d}",
            learner_name_latin=f"Fatima-Zahra Benali {index}",
            learner_name_arabic=f"فاطمة الزهراء بنعلي {index}",
            verify_url=f"https://formation.ensa.example/fr/verify/{index:032d}/",
        )
        return render_certificate(replace(data, signed_payload=sign_statement(data, key)))

    register_fonts()
    baseline = _rate(plain_page, count)
    rendered = _rate(certificate, count)
    return {
        "renders": count,
        "certificates_per_second": round(rendered, 1),
        "plain_pages_per_second": round(baseline, 1),
        "certificate_cost_in_plain_pages": round(baseline / rendered, 2),
        "target_certificates_per_second": 80,
    }


def _setup_django(keepdb: bool):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    os.environ.setdefault("TEST_DATABASE_NAME", ".test-db-bench")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_databases, setup_test_environment

    settings.MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bench-media-"))
    setup_test_environment()
    return setup_databases(verbosity=0, interactive=False, keepdb=keepdb)


def _course_with_learners(size: int):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.models import Enrolment, EnrolmentStatus, LessonCompletion
    from tests.factories.courses import build_course

    tree = build_course(modules=2, lessons_per_module=3, title=f"Cours de {size} apprenants")
    User = get_user_model()
    stamp = time.monotonic_ns()
    users = User.objects.bulk_create(
        [
            User(
                email=f"bench-{stamp}-{n}@example.ma",
                full_name_latin=f"Apprenant {n}",
                full_name_arabic=f"متكون {n}",
                password="!",  # noqa: S106 - an unusable password
            )
            for n in range(size)
        ]
    )
    now = timezone.now()
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                learner=user, course=tree.course, status=EnrolmentStatus.COMPLETED, completed_at=now
            )
            for user in users
        ]
    )
    LessonCompletion.objects.bulk_create(
        [LessonCompletion(learner=user, lesson=lesson) for user in users for lesson in tree.lessons]
    )
    return tree.course


class _QueryCounter:
    """Counts every statement sent to the database (no cap, unlike CaptureQueriesContext)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def bench_bulk_issue(sizes: list[int]) -> dict:
    from django.db import connection

    from certificates.models import BulkIssueRun
    from certificates.services import run_bulk_issue
    from courses.setup import ensure_catalogue

    ensure_catalogue()
    figures = {}
    for size in sizes:
        course = _course_with_learners(size)
        run = BulkIssueRun.objects.create(course=course)
        started = time.perf_counter()
        counter = _QueryCounter()
        with connection.execute_wrapper(counter):
            run = run_bulk_issue(run=run)
        queries = counter.count
        seconds = time.perf_counter() - started
        assert run.issued == size, (run.issued, run.skipped_details[:3])
        figures[size] = {
            "queries": queries,
            "queries_per_certificate": round(queries / size, 2),
            "seconds": round(seconds, 1),
            "certificates_per_second": round(size / seconds, 1),
        }
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.certificates", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--renders", type=int, default=300)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--output", type=Path)
    parser.add_argument(
        "--prepare",
        action="store_true",
        help="create (or recreate) the database and stop; a run with --keepdb then uses it",
    )
    parser.add_argument("--keepdb", action="store_true", help="use the database --prepare made")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    old_config = _setup_django(keepdb=args.keepdb)
    if args.prepare:
        return 0
    try:
        rendering = bench_rendering(args.renders)
        print(
            f"Rendering: {rendering['certificates_per_second']} certificates/s with QR code "
            f"(target 80), baseline {rendering['plain_pages_per_second']} plain pages/s: "
            f"a certificate costs {rendering['certificate_cost_in_plain_pages']} plain pages"
        )
        bulk = bench_bulk_issue(args.sizes)
        for size, figure in bulk.items():
            print(
                f"Bulk issue of {size}: {figure['queries']} queries "
                f"({figure['queries_per_certificate']} per certificate), {figure['seconds']} s"
            )
        if len(args.sizes) >= 2:
            small, large = args.sizes[0], args.sizes[-1]
            ratio = bulk[large]["queries"] / bulk[small]["queries"]
            per = bulk[large]["queries_per_certificate"] / bulk[small]["queries_per_certificate"]
            print(
                f"Queries for {large} vs {small}: x{ratio:.2f} for x{large / small:g} certificates "
                f"(per-certificate ratio {per:.2f}; 1.00 means a constant number per certificate)"
            )
    finally:
        from django.test.utils import teardown_databases

        teardown_databases(old_config, verbosity=0)

    path = args.output
    if path is None:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"certificates-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps({"rendering": rendering, "bulk_issue": bulk}, indent=2))
    print(f"Written to {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
