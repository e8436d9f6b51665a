"""The platform's URLs plus three baselines, each measured in the same run as the pages:

- B0 `/bench/b0/<name>`: the exact bytes of a measured page, from memory (the cost of Django,
  its middleware and the network for that many bytes, with no page logic);
- B1 `/bench/b1`: one primary-key SELECT;
- B2 `/bench/b2`: one INSERT in a transaction.

`/bench/worker` says which worker answered and how many requests it has served, so the harness
can follow each worker's memory against the requests it served (P7).
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.signals import request_started
from django.db import connection, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from lms.urls import urlpatterns as platform_urlpatterns

_pages: dict[str, bytes] = {}
_served = {"requests": 0}


def _count(**kwargs) -> None:
    _served["requests"] += 1


request_started.connect(_count, dispatch_uid="bench-requests-served")


def b0(request, name: str) -> HttpResponse:
    if name not in _pages:
        source = settings.BENCH_B0_DIR / f"{name}.html"
        if not name.replace("-", "").isalnum() or not source.is_file():
            raise Http404
        _pages[name] = source.read_bytes()
    return HttpResponse(_pages[name], content_type="text/html; charset=utf-8")


def b1(request) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM accounts_user WHERE id = %s", [1])
        row = cursor.fetchone()
    return HttpResponse(str(row[0] if row else 0), content_type="text/plain")


@csrf_exempt
def b2(request) -> HttpResponse:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_b2 (note) VALUES (%s)", [request.method])
    return HttpResponse("ok", content_type="text/plain")


def worker(request) -> JsonResponse:
    return JsonResponse({"pid": os.getpid(), "requests": _served["requests"]})


urlpatterns = [
    path("bench/b0/<str:name>", b0),
    path("bench/b1", b1),
    path("bench/b2", b2),
    path("bench/worker", worker),
    *platform_urlpatterns,
]
