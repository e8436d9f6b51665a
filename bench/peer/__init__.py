"""A minimal Wagtail project serving wagtail-lms (the only other Wagtail LMS on PyPI), built
and measured by the benchmark in its own virtual environment: see `bench/__main__.py`."""
