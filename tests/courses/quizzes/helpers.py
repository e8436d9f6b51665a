"""Small helpers shared by the quizzes tests."""

from tests.factories import quizzes as quiz_factory


def simple_quiz(tree, kinds=("single", "true_false"), **fields):
    questions = [quiz_factory.question(course=tree.course, kind=kind) for kind in kinds]
    return quiz_factory.quiz(module=tree.modules[0], questions=questions, **fields)


def keys(attempt):
    return {q["kind"]: q["key"] for q in attempt.snapshot}
