"""The tests mirror the code: the test of `courses/quizzes/services.py` is
`tests/courses/quizzes/test_services.py`, or, when one file would be too long, files named
`test_services_<aspect>.py` beside it (`test_services_enrolment.py`). A package's `__init__.py`
is tested under its parent as `test_<package>.py`.

- Every module with logic (a function or method with a branch, a loop, a `with`, a `try`, a
  comprehension or a boolean operator) has such a file, unless EXEMPT says why not.
- Every test file under an app's folder names a module of the package its folder mirrors, so
  a test cannot sit where its module would not be looked for.
- Suites that cross apps keep their own folders (CROSS_CUTTING): browser journeys, the access
  matrix and other attacks, catalogues and one language per page, the benchmark harness and
  query budgets, and these architecture checks.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
PACKAGES = ("lms", "content", "courses", "certificates", "reports", "demo")
CROSS_CUTTING = frozenset({"architecture", "bench", "browser", "factories", "locale", "security"})
NOT_MODULES = frozenset({"apps.py", "urls.py", "api.py", "admin_urls.py", "neutral_urls.py"})
BRANCHES = (
    ast.If,
    ast.For,
    ast.While,
    ast.Try,
    ast.With,
    ast.comprehension,
    ast.BoolOp,
    ast.IfExp,
    ast.Match,
)

# Modules with logic whose test would only repeat another's, each with its reason.
EXEMPT: dict[str, str] = {}


def has_logic(source: str) -> bool:
    functions = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    return any(
        isinstance(inner, BRANCHES) for function in functions for inner in ast.walk(function)
    )


def where_tested(module: Path) -> tuple[Path, str]:
    """The folder (relative to tests/) and the name stem of the tests of `module` (relative to
    the project root): courses/services.py -> (courses, services); a package's __init__.py ->
    (its parent, the package's name)."""
    if module.name == "__init__.py":
        return module.parent.parent, module.parent.name
    return module.parent, module.stem


def modules_with_logic(root: Path = ROOT) -> list[Path]:
    found = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root)
            if {"migrations", "settings"} & set(relative.parts) or path.name in NOT_MODULES:
                continue
            if has_logic(path.read_text(encoding="utf-8")):
                found.append(relative)
    return found


def named(stem: str, test_file: str) -> bool:
    return bool(re.fullmatch(rf"test_{re.escape(stem)}(_\w+)?\.py", test_file))


def modules_without_tests(root: Path = ROOT, exempt: dict[str, str] = EXEMPT) -> list[str]:
    missing = []
    for module in modules_with_logic(root):
        folder, stem = where_tested(module)
        tests = root / "tests" / folder
        files = [path.name for path in tests.glob("test_*.py")] if tests.is_dir() else []
        if str(module) not in exempt and not any(named(stem, name) for name in files):
            missing.append(str(module))
    return missing


def misplaced_tests(root: Path = ROOT) -> list[str]:
    """Test files under an app's folder that name no module of the package the folder mirrors."""
    misplaced = []
    for path in sorted((root / "tests").rglob("test_*.py")):
        relative = path.relative_to(root / "tests")
        if relative.parts[0] in CROSS_CUTTING:
            continue
        package = root / relative.parent
        stems = [p.stem for p in package.glob("*.py") if p.name != "__init__.py"]
        stems += (
            [p.name for p in package.iterdir() if (p / "__init__.py").is_file()]
            if package.is_dir()
            else []
        )
        if relative.parts[0] not in PACKAGES or not any(named(stem, path.name) for stem in stems):
            misplaced.append(str(path.relative_to(root)))
    return misplaced


def test_every_module_with_logic_has_its_test_file():
    missing = modules_without_tests()
    assert not missing, "no tests/<app>/test_<module>.py for:\n" + "\n".join(missing)


def test_every_test_file_under_an_app_names_a_module_of_that_package():
    misplaced = misplaced_tests()
    assert not misplaced, "tests that mirror no module:\n" + "\n".join(misplaced)


def test_exemptions_name_modules_with_logic_and_say_why():
    with_logic = {str(module) for module in modules_with_logic()}
    assert all(reason.strip() for reason in EXEMPT.values())
    assert set(EXEMPT) <= with_logic, set(EXEMPT) - with_logic


def test_the_readme_names_only_test_files_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named_files = set(re.findall(r"tests/[\w/]+\.py", readme))
    assert named_files
    assert sorted(name for name in named_files if not (ROOT / name).is_file()) == []


# The checker on made-up trees, so that it can fail.


def make_tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, source in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return tmp_path


BRANCHING = "def f(x):\n    return [y for y in x]\n"


def test_a_module_with_a_branch_and_no_test_file_is_reported(tmp_path):
    root = make_tree(tmp_path, {"courses/services.py": BRANCHING, "courses/apps.py": BRANCHING})
    assert modules_without_tests(root, {}) == ["courses/services.py"]


def test_a_test_file_with_an_aspect_counts_for_its_module(tmp_path):
    root = make_tree(
        tmp_path,
        {"courses/services.py": BRANCHING, "tests/courses/test_services_enrolment.py": ""},
    )
    assert modules_without_tests(root, {}) == []
    assert misplaced_tests(root) == []


def test_a_module_without_a_branch_needs_no_test_file(tmp_path):
    root = make_tree(tmp_path, {"courses/signals.py": "def f():\n    return 1\n"})
    assert modules_without_tests(root, {}) == []


def test_a_package_init_is_tested_under_its_parent(tmp_path):
    root = make_tree(
        tmp_path,
        {
            "courses/quizzes/question_types/__init__.py": BRANCHING,
            "tests/courses/quizzes/test_question_types.py": "",
        },
    )
    assert modules_without_tests(root, {}) == []
    assert misplaced_tests(root) == []


@pytest.mark.parametrize(
    "test_file",
    [
        "tests/courses/test_enrolment.py",
        "tests/courses/quizzes/test_services.py",
        "tests/quizzes/test_x.py",
    ],
)
def test_a_test_named_after_no_module_of_its_folder_is_misplaced(tmp_path, test_file):
    root = make_tree(tmp_path, {"courses/services.py": BRANCHING, test_file: ""})
    assert misplaced_tests(root) == [test_file]


def test_cross_cutting_suites_are_not_held_to_a_module(tmp_path):
    root = make_tree(tmp_path, {"tests/security/test_access_matrix.py": ""})
    assert misplaced_tests(root) == []
