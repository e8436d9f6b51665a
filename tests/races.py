"""Races with real threads: each call runs in its own thread on its own database connection,
and all are released at the same moment, as requests reaching several app servers at once.

Only meaningful on PostgreSQL with committed rows (the `postgres_only` fixture): SQLite
serialises writers, and a test's transaction is invisible to other connections.
"""

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

from django.db import close_old_connections, connection


def run_together[T](calls: Sequence[Callable[[], T]]) -> list[T | Exception]:
    """The result of each call, or the exception it raised, in the order of `calls`."""
    barrier = Barrier(len(calls))

    def run(call: Callable[[], T]) -> T | Exception:
        try:
            barrier.wait()
            return call()
        except Exception as error:  # noqa: BLE001 - every outcome is checked by the test
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        outcomes = list(pool.map(run, calls))
    close_old_connections()
    return outcomes


def errors_in(outcomes: list) -> list[Exception]:
    return [outcome for outcome in outcomes if isinstance(outcome, Exception)]
