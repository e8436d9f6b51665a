"""Each app has one public door, `<app>/api.py` (Open edX's OEP-49): other apps import that
and nothing else of it.

The apps are lms (the kernel: settings and shared utilities such as lms.text or lms.pagecache),
its sub-apps lms.accounts and lms.notifications, content (content.library included), courses,
courses.quizzes (its own app inside the courses package), certificates, reports and demo; a
module belongs to the app with the longest matching package name.

- Every app may import the lms kernel; lms.accounts and lms.notifications only by their door.
- lms, sub-apps included, imports no module of content, courses, certificates, reports or demo.
- Dependencies run one way, certificates -> quizzes -> courses -> content -> lms: content never
  imports courses, quizzes or certificates, courses never imports quizzes or certificates,
  quizzes never imports certificates, not even through their doors. Reports may use any door
  but demo's, demo any door; nothing imports demo.
- Imports within an app are free; relative imports are read as the modules they name
  (`from .quizzes.models import Attempt` in courses is courses.quizzes.models); migrations are
  exempt.

Every import is checked, at module level or inside a function, by reading the source with `ast`:
`from courses import services` imports courses.services, `from courses.api import enrol` the door.

An import inside a function says why it waits: the line just above the first import of its run
(consecutive import statements) is a comment `# at call time: <reason>` (a cycle, a module that
loads before the models, a heavy library only one path needs); any other import sits at the top.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("lms", "content", "courses", "certificates", "reports", "demo")
KERNEL = "lms"
LMS_APPS = frozenset({"lms.accounts", "lms.notifications"})
APPS = frozenset(
    {KERNEL, *LMS_APPS, "content", "courses", "courses.quizzes", "certificates", "reports", "demo"}
)
DOORS = sorted(app for app in APPS if app != KERNEL and app not in {"reports", "demo"})

# Whose doors each app may knock at (besides the kernel, which everyone may import).
MAY_USE = {
    KERNEL: LMS_APPS,
    **dict.fromkeys(LMS_APPS, LMS_APPS),
    "content": LMS_APPS,
    "courses": LMS_APPS | {"content"},
    "courses.quizzes": LMS_APPS | {"content", "courses"},
    "certificates": LMS_APPS | {"content", "courses", "courses.quizzes"},
    "reports": APPS - {KERNEL, "reports", "demo"},
    "demo": APPS - {KERNEL, "demo"},
}

LMS_IMPORTS_NO_APP = "lms imports no app"
ONE_WAY = "dependencies run one way"
THROUGH_THE_DOOR = "other apps only through their api door"


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    statement: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.statement}  [{self.rule}]"


def app_of(module: str) -> str | None:
    """The app a dotted module name belongs to: the longest matching app package."""
    matches = [app for app in APPS if module == app or module.startswith(app + ".")]
    return max(matches, key=len) if matches else None


def module_of(path: str) -> str:
    """`courses/quizzes/models.py` -> `courses.quizzes.models`; a package's __init__ is the package."""
    parts = list(Path(path).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def absolute(node: ast.ImportFrom, package: str) -> str:
    """The module a `from` import names, relative ones resolved against `package` (the package
    of the importing module): `from .quizzes.models import X` in courses/hooks.py is
    courses.quizzes.models."""
    if node.level == 0:
        return node.module or ""
    parts = package.split(".")
    base = parts[: len(parts) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imported_modules(tree: ast.AST, package: str = ""):
    """(node, module) for every import; `from a import b` is a.b when b is a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = absolute(node, package)
            modules = {
                f"{base}.{alias.name}" if _is_module(f"{base}.{alias.name}") else base
                for alias in node.names
            }
            for module in sorted(modules):
                yield node, module


def rule_broken(importer: str, imported: str) -> str | None:
    source_app, target_app = app_of(importer), app_of(imported)
    if target_app is None or target_app == source_app or target_app == KERNEL:
        return None
    if source_app in {KERNEL, *LMS_APPS} and target_app not in LMS_APPS:
        return LMS_IMPORTS_NO_APP
    if target_app not in MAY_USE.get(source_app, frozenset()):
        return ONE_WAY
    if imported != f"{target_app}.api":
        return THROUGH_THE_DOOR
    return None


def check_source(source: str, path: str) -> list[Violation]:
    """The imports of one module (`path` relative to the project root) that break a rule."""
    importer = module_of(path)
    package = importer if Path(path).name == "__init__.py" else importer.rpartition(".")[0]
    lines = source.splitlines()
    violations = []
    for node, imported in imported_modules(ast.parse(source, filename=path), package):
        rule = rule_broken(importer, imported)
        if rule:
            statement = " ".join(
                line.strip() for line in lines[node.lineno - 1 : node.end_lineno]
            ).replace("( ", "(")
            violations.append(Violation(path, node.lineno, statement, rule))
    return violations


CALL_TIME = "# at call time:"


def imports_without_a_reason(source: str, path: str) -> list[str]:
    """`path:line` of each import inside a function whose run of imports has no
    `# at call time:` comment on the line just above its first import."""
    lines = source.splitlines()
    missing = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            statements = getattr(node, field, None)
            if not isinstance(statements, list):
                continue
            previous_is_import = False
            reason = False
            for statement in statements:
                is_import = isinstance(statement, ast.Import | ast.ImportFrom)
                if is_import and in_function:
                    if not previous_is_import:
                        above = lines[statement.lineno - 2] if statement.lineno > 1 else ""
                        reason = above.strip().startswith(CALL_TIME)
                    if not reason:
                        missing.append(f"{path}:{statement.lineno}")
                previous_is_import = is_import
                nested = in_function or isinstance(
                    statement, ast.FunctionDef | ast.AsyncFunctionDef
                )
                visit(statement, nested)

    visit(ast.parse(source, filename=path), False)
    return missing


def source_files() -> list[Path]:
    return sorted(
        path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.relative_to(ROOT).parts
    )


@pytest.fixture(scope="module")
def violations() -> list[Violation]:
    found = []
    for path in source_files():
        found += check_source(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    return found


def _report(violations: list[Violation], rule: str) -> str:
    broken = [str(v) for v in violations if v.rule == rule]
    return f"{len(broken)} import(s) break '{rule}':\n" + "\n".join(broken)


def test_the_checker_reads_every_app_but_not_migrations():
    paths = {str(path.relative_to(ROOT)) for path in source_files()}
    for module in ("lms/text.py", "courses/api.py", "courses/quizzes/models.py", "demo/quiz.py"):
        assert module in paths
    assert not any("/migrations/" in path for path in paths)


def test_every_import_inside_a_function_says_why():
    missing = []
    for path in source_files():
        missing += imports_without_a_reason(
            path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        )
    assert not missing, (
        f"{len(missing)} import(s) inside a function without a '{CALL_TIME}' comment on the "
        "line above their group (move them to the top, or say why they wait):\n"
        + "\n".join(missing)
    )


def test_lms_imports_no_module_of_any_app(violations):
    assert not [v for v in violations if v.rule == LMS_IMPORTS_NO_APP], _report(
        violations, LMS_IMPORTS_NO_APP
    )


def test_no_app_imports_an_app_above_it_not_even_through_its_door(violations):
    assert not [v for v in violations if v.rule == ONE_WAY], _report(violations, ONE_WAY)


def test_apps_import_each_other_only_through_their_api_door(violations):
    assert not [v for v in violations if v.rule == THROUGH_THE_DOOR], _report(
        violations, THROUGH_THE_DOOR
    )


@pytest.mark.parametrize("app", DOORS)
def test_every_door_exports_exactly_what_its_all_lists(app):
    door = importlib.import_module(f"{app}.api")
    assert door.__doc__ and "public door" in door.__doc__
    missing = [name for name in door.__all__ if not hasattr(door, name)]
    assert not missing, f"{app}.api lists names it does not define: {missing}"
    assert len(door.__all__) == len(set(door.__all__)), f"{app}.api lists a name twice"


# The checker itself: made-up sources it must refuse, and ones it must let through.


def test_checker_reports_an_app_reaching_into_another_apps_module():
    source = "from courses.models import Enrolment\n"
    assert check_source(source, "certificates/made_up.py") == [
        Violation(
            "certificates/made_up.py", 1, "from courses.models import Enrolment", THROUGH_THE_DOOR
        )
    ]


def test_checker_reports_lms_importing_an_app_even_through_its_door():
    source = "import certificates.models\nfrom courses.api import enrol\n"
    found = check_source(source, "lms/made_up.py")
    assert [(v.line, v.rule) for v in found] == [
        (1, LMS_IMPORTS_NO_APP),
        (2, LMS_IMPORTS_NO_APP),
    ]
    assert str(found[0]) == "lms/made_up.py:1: import certificates.models  [lms imports no app]"


def test_checker_reports_a_submodule_imported_from_its_package_and_imports_in_functions():
    source = (
        "from courses import services\n"
        "\n"
        "def f():\n"
        "    from lms.accounts.roles import LEARNERS\n"
        "    import content.setup\n"
    )
    found = check_source(source, "courses/quizzes/made_up.py")
    assert [(v.line, v.rule) for v in found] == [
        (1, THROUGH_THE_DOOR),
        (4, THROUGH_THE_DOOR),
        (5, THROUGH_THE_DOOR),
    ]


def test_checker_reports_imports_against_the_dependency_order():
    source = "from courses.quizzes.api import Attempt\nfrom certificates.api import Certificate\n"
    assert [v.rule for v in check_source(source, "courses/made_up.py")] == [ONE_WAY, ONE_WAY]
    source = "from courses.api import CoursePage\n"
    assert [v.rule for v in check_source(source, "content/library/made_up.py")] == [ONE_WAY]
    source = "from demo.curriculum import seed_demo_curriculum\n"
    assert [v.rule for v in check_source(source, "reports/made_up.py")] == [ONE_WAY]


def test_checker_reads_relative_imports_as_the_modules_they_name():
    source = "from .quizzes.models import Attempt\n"
    assert [v.rule for v in check_source(source, "courses/made_up.py")] == [ONE_WAY]
    source = "from ..models import Enrolment\nfrom .. import services\n"
    assert [v.rule for v in check_source(source, "courses/quizzes/made_up.py")] == [
        THROUGH_THE_DOOR,
        THROUGH_THE_DOOR,
    ]
    source = "from .accounts.admin_views import AccountView\n"
    assert [v.rule for v in check_source(source, "lms/urls.py")] == [THROUGH_THE_DOOR]
    assert check_source("from ..api import enrol\n", "courses/quizzes/made_up.py") == []
    assert check_source("from . import views\n", "courses/quizzes/__init__.py") == []


def test_checker_lets_doors_the_kernel_and_imports_within_an_app_through():
    source = (
        "from courses.api import Enrolment, grading\n"
        "from courses import api\n"
        "from content.api import Theme\n"
        "from lms.accounts.api import LEARNERS\n"
        "from lms.text import answers_match\n"
        "from lms import pagecache\n"
        "from courses.quizzes.models import Attempt\n"
        "from .models import Question\n"
        "from django.db import models\n"
    )
    assert check_source(source, "courses/quizzes/made_up.py") == []
    assert check_source("from courses.models import CoursePage\n", "courses/made_up.py") == []
    assert check_source("from lms.notifications.api import notify\n", "lms/accounts/x.py") == []


def test_checker_asks_every_import_inside_a_function_for_its_reason():
    source = (
        "import json\n"
        "\n"
        "def bare():\n"
        "    from .models import Course\n"
        "\n"
        "def explained():\n"
        "    # at call time: courses.models imports this module (cycle)\n"
        "    from .models import Course\n"
        "\n"
        "def grouped():\n"
        "    # at call time: openpyxl is heavy and only the export needs it\n"
        "    from openpyxl import Workbook\n"
        "\n"
        "    from .models import Course\n"
        "    if Course:\n"
        "        import csv\n"
        "\n"
        "class Page:\n"
        "    def serve(self):\n"
        "        x = 1\n"
        "        from .views import serve\n"
    )
    assert imports_without_a_reason(source, "courses/made_up.py") == [
        "courses/made_up.py:4",
        "courses/made_up.py:16",
        "courses/made_up.py:21",
    ]
