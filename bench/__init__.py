"""Benchmarks, run on demand with `python -m bench` (never part of the test suite)."""
