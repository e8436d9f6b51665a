"""Exam-day settings: the benchmark's (`bench/settings.py`) with production's task backend
(django-tasks-db, run by `manage.py db_worker`). REDIS_URL gives the cache and the sessions
(cached_db), as in production."""

from bench.settings import *

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
