"""How answers are checked and scored: pure functions, no database.

A question is described by its `kind`, its `data` (the JSON kept in the question bank
and copied into each attempt's snapshot) and its `points`. Each kind has two
functions here: one that cleans what a learner sent (`clean_answer`, raising
`AnswerError` with a message for the learner) and one that scores a clean answer.

Data and answers, per kind:

- single: data {"choices": [{"id", "text", "text_ar", "correct"}]}, answer: a choice id.
- multiple: same data (several correct), answer: a list of choice ids.
- true_false: data {"answer": true|false}, answer: a bool.
- short: data {"accepted": ["...", ...]}, answer: a string.
- numeric: data {"value": 12.5, "tolerance": 0.5}, answer: a number ("12,5" is accepted).
- matching: data {"pairs": [{"id", "prompt", "prompt_ar", "match", "match_ar"}]},
  answer: {prompt pair id: chosen pair id}.
- ordering: data {"items": [{"id", "text", "text_ar"}]} in the right order,
  answer: {item id: position from 1}.
- essay: data {}, answer: a string; graded by a trainer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from lms.text import normalize_for_comparison

SINGLE = "single"
MULTIPLE = "multiple"
TRUE_FALSE = "true_false"
SHORT = "short"
NUMERIC = "numeric"
MATCHING = "matching"
ORDERING = "ordering"
ESSAY = "essay"
KINDS = (SINGLE, MULTIPLE, TRUE_FALSE, SHORT, NUMERIC, MATCHING, ORDERING, ESSAY)

HIGHEST = "highest"
LAST = "last"
AVERAGE = "average"

MAX_TEXT_ANSWER = 10_000


class AnswerError(ValueError):
    """A value a learner sent that cannot be an answer to this question."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


class QuestionDataError(ValueError):
    """Question data that cannot be graded (shown to the trainer who edits it)."""


@dataclass(frozen=True)
class Outcome:
    """The score of one answer. `needs_manual` is true for essays not graded yet."""

    points: float
    max_points: float
    needs_manual: bool = False

    @property
    def correct(self) -> bool | None:
        if self.needs_manual:
            return None
        return self.points >= self.max_points > 0

    @property
    def partially_correct(self) -> bool:
        return not self.needs_manual and 0 < self.points < self.max_points


def _round(value: float) -> float:
    return round(value + 0.0, 2)


# --- scoring, one function per kind ------------------------------------------------------


def grade_single_choice(*, choices: list[dict], answer: str | None, points: float) -> Outcome:
    """Full points for the right choice, nothing otherwise."""
    right = {c["id"] for c in choices if c.get("correct")}
    return Outcome(_round(points if answer in right else 0), points)


def grade_multiple_choice(*, choices: list[dict], answer: Iterable[str] | None, points: float) -> Outcome:
    """Partial credit: with R right choices, each right choice selected earns points/R and
    each wrong choice selected takes away points/R; the score never goes below 0.

    So selecting every choice earns nothing unless every choice is right.
    """
    right = {c["id"] for c in choices if c.get("correct")}
    if not right:
        raise QuestionDataError("a multiple-choice question needs at least one right choice")
    selected = set(answer or ())
    share = points / len(right)
    earned = share * len(selected & right) - share * len(selected - right)
    return Outcome(_round(min(max(earned, 0.0), points)), points)


def grade_true_false(*, expected: bool, answer: bool | None, points: float) -> Outcome:
    return Outcome(_round(points if answer is not None and answer == expected else 0), points)


def grade_short_answer(*, accepted: Iterable[str], answer: str | None, points: float) -> Outcome:
    """Right when the answer equals one accepted answer, ignoring case, extra spaces and,
    in Arabic, diacritics and hamza/alef, ta marbuta and ya variants."""
    given = normalize_for_comparison(answer or "")
    if not given:
        return Outcome(0, points)
    forms = {normalize_for_comparison(a) for a in accepted}
    return Outcome(_round(points if given in forms else 0), points)


def grade_numeric(*, value: float, tolerance: float, answer: float | None, points: float) -> Outcome:
    """Right when |answer - value| <= tolerance."""
    if answer is None:
        return Outcome(0, points)
    ok = abs(Decimal(str(answer)) - Decimal(str(value))) <= Decimal(str(tolerance or 0))
    return Outcome(_round(points if ok else 0), points)


def grade_matching(*, pairs: list[dict], answer: Mapping[str, str] | None, points: float) -> Outcome:
    """points/number_of_pairs for each prompt matched to its own answer."""
    if not pairs:
        raise QuestionDataError("a matching question needs pairs")
    answer = answer or {}
    right = sum(1 for p in pairs if answer.get(p["id"]) == p["id"])
    return Outcome(_round(points * right / len(pairs)), points)


def grade_ordering(*, items: list[dict], answer: Mapping[str, int] | None, points: float) -> Outcome:
    """Per correct position: points/number_of_items for each item put at its right place."""
    if not items:
        raise QuestionDataError("an ordering question needs items")
    answer = answer or {}
    right = sum(1 for index, item in enumerate(items, start=1) if answer.get(item["id"]) == index)
    return Outcome(_round(points * right / len(items)), points)


def grade_essay(*, answer: str | None, points: float) -> Outcome:
    """Essays need a trainer; an empty essay is scored 0 at once."""
    if not (answer or "").strip():
        return Outcome(0, points)
    return Outcome(0, points, needs_manual=True)


def grade(*, kind: str, data: Mapping, answer, points: float) -> Outcome:
    """Score a clean answer (see `clean_answer`) to a question of `kind`."""
    points = float(points)
    if kind == SINGLE:
        return grade_single_choice(choices=data.get("choices", []), answer=answer, points=points)
    if kind == MULTIPLE:
        return grade_multiple_choice(choices=data.get("choices", []), answer=answer, points=points)
    if kind == TRUE_FALSE:
        return grade_true_false(expected=bool(data.get("answer")), answer=answer, points=points)
    if kind == SHORT:
        return grade_short_answer(accepted=data.get("accepted", []), answer=answer, points=points)
    if kind == NUMERIC:
        return grade_numeric(
            value=data["value"], tolerance=data.get("tolerance", 0), answer=answer, points=points
        )
    if kind == MATCHING:
        return grade_matching(pairs=data.get("pairs", []), answer=answer, points=points)
    if kind == ORDERING:
        return grade_ordering(items=data.get("items", []), answer=answer, points=points)
    if kind == ESSAY:
        return grade_essay(answer=answer, points=points)
    raise QuestionDataError(f"unknown question kind {kind!r}")


# --- cleaning what a learner sent ---------------------------------------------------------

_MALFORMED = _("This answer is not valid for this question.")
_UNKNOWN_CHOICE = _("Choose one of the answers offered.")
_NOT_A_NUMBER = _("Enter a number, for example 12 or 12.5.")
_TOO_LONG = _("This answer is too long.")
_DUPLICATE_POSITION = _("Give each position to one item only.")


def _ids(entries: list[dict]) -> set[str]:
    return {str(e["id"]) for e in entries}


def _blank(raw) -> bool:
    return raw is None or raw == "" or raw == [] or raw == {}


def clean_answer(*, kind: str, data: Mapping, raw):
    """Turn `raw` (JSON or form values) into the clean answer for `kind`; None means unanswered.

    Raises AnswerError for a value that cannot answer this question.
    """
    if _blank(raw):
        return None
    if kind == SINGLE:
        if not isinstance(raw, str | int) or str(raw) not in _ids(data.get("choices", [])):
            raise AnswerError(_UNKNOWN_CHOICE)
        return str(raw)
    if kind == MULTIPLE:
        values = [raw] if isinstance(raw, str) else raw
        if not isinstance(values, list) or not all(isinstance(v, str | int) for v in values):
            raise AnswerError(_MALFORMED)
        chosen = sorted({str(v) for v in values})
        if not set(chosen) <= _ids(data.get("choices", [])):
            raise AnswerError(_UNKNOWN_CHOICE)
        return chosen
    if kind == TRUE_FALSE:
        if isinstance(raw, bool):
            return raw
        if raw in ("true", "false"):
            return raw == "true"
        raise AnswerError(_UNKNOWN_CHOICE)
    if kind in (SHORT, ESSAY):
        if not isinstance(raw, str):
            raise AnswerError(_MALFORMED)
        if len(raw) > MAX_TEXT_ANSWER:
            raise AnswerError(_TOO_LONG)
        return raw.strip() if kind == SHORT else raw
    if kind == NUMERIC:
        if isinstance(raw, bool):
            raise AnswerError(_NOT_A_NUMBER)
        if isinstance(raw, int | float):
            number = float(raw)
        elif isinstance(raw, str):
            try:
                number = float(Decimal(raw.strip().replace(",", ".").replace(" ", "")))
            except (InvalidOperation, ValueError):
                raise AnswerError(_NOT_A_NUMBER) from None
        else:
            raise AnswerError(_NOT_A_NUMBER)
        if not math.isfinite(number):
            raise AnswerError(_NOT_A_NUMBER)
        return number
    if kind == MATCHING:
        ids = _ids(data.get("pairs", []))
        if not isinstance(raw, dict):
            raise AnswerError(_MALFORMED)
        cleaned = {}
        for prompt, chosen in raw.items():
            if _blank(chosen):
                continue
            if str(prompt) not in ids or str(chosen) not in ids:
                raise AnswerError(_UNKNOWN_CHOICE)
            cleaned[str(prompt)] = str(chosen)
        return cleaned or None
    if kind == ORDERING:
        items = data.get("items", [])
        ids = _ids(items)
        if not isinstance(raw, dict):
            raise AnswerError(_MALFORMED)
        cleaned = {}
        for item, position in raw.items():
            if _blank(position):
                continue
            try:
                number = int(position)
            except (TypeError, ValueError):
                raise AnswerError(_MALFORMED) from None
            if str(item) not in ids or not 1 <= number <= len(items) or isinstance(position, bool):
                raise AnswerError(_MALFORMED)
            cleaned[str(item)] = number
        if len(set(cleaned.values())) != len(cleaned):
            raise AnswerError(_DUPLICATE_POSITION)
        return cleaned or None
    raise AnswerError(_MALFORMED)


def check_question_data(*, kind: str, data) -> list[str]:
    """Problems that would make a question ungradable, for the trainer editing it."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return [str(_("The answer data must be a JSON object."))]

    def entries(name: str) -> list:
        value = data.get(name)
        if not isinstance(value, list) or not value:
            problems.append(str(_("Give a non-empty list “%(name)s”.") % {"name": name}))
            return []
        if not all(isinstance(e, dict) and e.get("id") not in (None, "") for e in value):
            problems.append(str(_("Every entry of “%(name)s” needs an “id”.") % {"name": name}))
            return []
        if len(_ids(value)) != len(value):
            problems.append(str(_("The ids in “%(name)s” must differ.") % {"name": name}))
        return value

    if kind in (SINGLE, MULTIPLE):
        right = [c for c in entries("choices") if c.get("correct")]
        if kind == SINGLE and len(right) != 1 and not problems:
            problems.append(str(_("A single-choice question needs exactly one right choice.")))
        if kind == MULTIPLE and not right and not problems:
            problems.append(str(_("Mark at least one choice as right.")))
    elif kind == TRUE_FALSE:
        if not isinstance(data.get("answer"), bool):
            problems.append(str(_("Set “answer” to true or false.")))
    elif kind == SHORT:
        accepted = data.get("accepted")
        if not isinstance(accepted, list) or not any(isinstance(a, str) and a.strip() for a in accepted):
            problems.append(str(_("Give at least one accepted answer.")))
    elif kind == NUMERIC:
        value, tolerance = data.get("value"), data.get("tolerance", 0)
        if not isinstance(value, int | float) or isinstance(value, bool):
            problems.append(str(_("Set “value” to a number.")))
        if not isinstance(tolerance, int | float) or isinstance(tolerance, bool) or tolerance < 0:
            problems.append(str(_("Set “tolerance” to a number of 0 or more.")))
    elif kind == MATCHING:
        entries("pairs")
    elif kind == ORDERING:
        entries("items")
    elif kind != ESSAY:
        problems.append(str(_("Unknown question type.")))
    return problems


# --- attempts and quizzes -------------------------------------------------------------------


def percent(*, points: float, max_points: float) -> float:
    return _round(100 * points / max_points) if max_points else 0.0


def aggregate(*, percents: list[float], method: str) -> float | None:
    """The grade of a quiz from the grades of its finalised attempts, oldest first.

    highest: the best attempt; last: the most recent; average: the mean of all.
    None when no attempt is finalised yet.
    """
    if not percents:
        return None
    if method == HIGHEST:
        return max(percents)
    if method == LAST:
        return percents[-1]
    if method == AVERAGE:
        return _round(sum(percents) / len(percents))
    raise ValueError(f"unknown grading method {method!r}")


def passed(*, grade: float | None, pass_mark: float) -> bool:
    return grade is not None and grade >= float(pass_mark)


def facility(item_fractions: list[float]) -> float | None:
    """Share of the points of a question that learners earned, in percent."""
    if not item_fractions:
        return None
    return _round(100 * sum(item_fractions) / len(item_fractions))


def discrimination(item_fractions: list[float], totals: list[float]) -> float | None:
    """Pearson correlation between a question's score and the attempt's grade (-1 to 1).

    High values mean the question separates stronger from weaker learners; None when
    there are fewer than two attempts or no spread.
    """
    n = len(item_fractions)
    if n < 2 or n != len(totals):
        return None
    mean_x, mean_y = sum(item_fractions) / n, sum(totals) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(item_fractions, totals, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in item_fractions)
    var_y = sum((y - mean_y) ** 2 for y in totals)
    if var_x == 0 or var_y == 0:
        return None
    return round(cov / math.sqrt(var_x * var_y), 2)
