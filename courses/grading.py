"""How answers are checked and scored: pure functions, no database.

A question is described by its `kind`, its `data` (the JSON kept in the question bank
and copied into each attempt's snapshot) and its `points`. Each kind has two
functions here: one that cleans what a learner sent (`clean_*`, raising `AnswerError`
with a message for the learner) and one that scores a clean answer (`grade_*`). The
question types (`courses/quizzes/question_types/`, one module per kind) say which
functions a kind uses; nothing here dispatches on the kind.

Data and answers, per kind:

- single: data {"choices": [{"id", "text", "text_ar", "correct", "feedback", "feedback_ar"}]}
  (feedback optional: shown to a learner who chose it), answer: a choice id.
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

from lms.text import answers_match

SINGLE = "single"
MULTIPLE = "multiple"
TRUE_FALSE = "true_false"
SHORT = "short"
NUMERIC = "numeric"
MATCHING = "matching"
ORDERING = "ordering"
ESSAY = "essay"

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
    """Question data that cannot be graded. The question forms refuse such data; this is raised
    only for data written around them, in the reader's language like every message."""


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


def grade_multiple_choice(
    *, choices: list[dict], answer: Iterable[str] | None, points: float
) -> Outcome:
    """Partial credit: with R right choices, each right choice selected earns points/R and
    each wrong choice selected takes away points/R; the score never goes below 0.

    So selecting every choice earns nothing unless every choice is right.
    """
    right = {c["id"] for c in choices if c.get("correct")}
    if not right:
        raise QuestionDataError(_("A multiple-choice question needs at least one right choice."))
    selected = set(answer or ())
    share = points / len(right)
    earned = share * len(selected & right) - share * len(selected - right)
    return Outcome(_round(min(max(earned, 0.0), points)), points)


def grade_true_false(*, expected: bool, answer: bool | None, points: float) -> Outcome:
    return Outcome(_round(points if answer is not None and answer == expected else 0), points)


ACCENTS_MATTER = "accents_matter"
ALLOW_PROCLITICS = "allow_proclitics"


def short_answer_options(data: Mapping) -> dict[str, bool]:
    """How a short-answer question compares answers, from its data: Latin accents are ignored
    unless "accents_matter" is true; Arabic proclitics are set aside unless "allow_proclitics"
    is false."""
    return {
        "accents_matter": bool(data.get(ACCENTS_MATTER, False)),
        "allow_proclitics": bool(data.get(ALLOW_PROCLITICS, True)),
    }


def matching_accepted_answer(
    *,
    accepted: Iterable[str],
    answer: str | None,
    accents_matter: bool = False,
    allow_proclitics: bool = True,
) -> str | None:
    """The first accepted answer that `answer` says (`lms.text.answers_match`), or None."""
    for candidate in accepted:
        if answers_match(
            answer, candidate, accents_matter=accents_matter, allow_proclitics=allow_proclitics
        ):
            return candidate
    return None


def grade_short_answer(
    *,
    accepted: Iterable[str],
    answer: str | None,
    points: float,
    accents_matter: bool = False,
    allow_proclitics: bool = True,
) -> Outcome:
    """Right when the answer says one accepted answer: typography (apostrophes, quotes, dashes,
    spaces, ligatures), case, Latin accents unless they matter and Arabic spelling variants
    are ignored, and Arabic proclitics (و ف ب ك ل ال) are set aside when allowed."""
    found = matching_accepted_answer(
        accepted=accepted,
        answer=answer,
        accents_matter=accents_matter,
        allow_proclitics=allow_proclitics,
    )
    return Outcome(_round(points if found is not None else 0), points)


def grade_numeric(
    *, value: float, tolerance: float, answer: float | None, points: float
) -> Outcome:
    """Right when |answer - value| <= tolerance."""
    if answer is None:
        return Outcome(0, points)
    ok = abs(Decimal(str(answer)) - Decimal(str(value))) <= Decimal(str(tolerance or 0))
    return Outcome(_round(points if ok else 0), points)


def grade_matching(
    *, pairs: list[dict], answer: Mapping[str, str] | None, points: float
) -> Outcome:
    """points/number_of_pairs for each prompt matched to its own answer."""
    if not pairs:
        raise QuestionDataError(_("A matching question needs pairs."))
    answer = answer or {}
    right = sum(1 for p in pairs if answer.get(p["id"]) == p["id"])
    return Outcome(_round(points * right / len(pairs)), points)


def grade_ordering(
    *, items: list[dict], answer: Mapping[str, int] | None, points: float
) -> Outcome:
    """Per correct position: points/number_of_items for each item put at its right place."""
    if not items:
        raise QuestionDataError(_("An ordering question needs items."))
    answer = answer or {}
    right = sum(1 for index, item in enumerate(items, start=1) if answer.get(item["id"]) == index)
    return Outcome(_round(points * right / len(items)), points)


def grade_essay(*, answer: str | None, points: float) -> Outcome:
    """Essays need a trainer; an empty essay is scored 0 at once."""
    if not (answer or "").strip():
        return Outcome(0, points)
    return Outcome(0, points, needs_manual=True)


# --- cleaning what a learner sent ---------------------------------------------------------
# One function per kind of answer. Each takes a value that is not blank (see `is_blank`:
# the question types turn a blank value into "unanswered" before calling them) and
# returns the clean answer, or raises AnswerError with a message for the learner.

_MALFORMED = _("This answer is not valid for this question.")
_UNKNOWN_CHOICE = _("Choose one of the answers offered.")
_NOT_A_NUMBER = _("Enter a number, for example 12 or 12.5.")
_TOO_LONG = _("This answer is too long.")
_DUPLICATE_POSITION = _("Give each position to one item only.")


def ids_of(entries: Iterable[Mapping]) -> set[str]:
    """The ids of choices, pairs or items, as strings."""
    return {str(e["id"]) for e in entries}


def is_blank(raw) -> bool:
    """Whether a learner's value means "no answer"."""
    return raw is None or raw == "" or raw == [] or raw == {}


def clean_choice(*, choices: list[dict], raw) -> str:
    """One choice id among `choices`."""
    if not isinstance(raw, str | int) or isinstance(raw, bool) or str(raw) not in ids_of(choices):
        raise AnswerError(_UNKNOWN_CHOICE)
    return str(raw)


def clean_choices(*, choices: list[dict], raw) -> list[str]:
    """Several choice ids among `choices`, sorted, each once."""
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not all(isinstance(v, str | int) for v in values):
        raise AnswerError(_MALFORMED)
    chosen = sorted({str(v) for v in values})
    if not set(chosen) <= ids_of(choices):
        raise AnswerError(_UNKNOWN_CHOICE)
    return chosen


def clean_true_false(*, raw) -> bool:
    if isinstance(raw, bool):
        return raw
    if raw in ("true", "false"):
        return raw == "true"
    raise AnswerError(_UNKNOWN_CHOICE)


def clean_text(*, raw, strip: bool) -> str:
    """A text answer of at most MAX_TEXT_ANSWER characters; `strip` drops outer spaces."""
    if not isinstance(raw, str):
        raise AnswerError(_MALFORMED)
    if len(raw) > MAX_TEXT_ANSWER:
        raise AnswerError(_TOO_LONG)
    return raw.strip() if strip else raw


def clean_number(*, raw) -> float:
    """A finite number; "12,5", "12.5" and "1 200" are read as written."""
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


def clean_matching(*, pairs: list[dict], raw) -> dict[str, str] | None:
    """{prompt pair id: chosen pair id}; prompts left blank are dropped (None if all are)."""
    ids = ids_of(pairs)
    if not isinstance(raw, dict):
        raise AnswerError(_MALFORMED)
    cleaned = {}
    for prompt, chosen in raw.items():
        if is_blank(chosen):
            continue
        if str(prompt) not in ids or str(chosen) not in ids:
            raise AnswerError(_UNKNOWN_CHOICE)
        cleaned[str(prompt)] = str(chosen)
    return cleaned or None


def clean_ordering(*, items: list[dict], raw) -> dict[str, int] | None:
    """{item id: position from 1}; each position at most once (None if no item is placed)."""
    ids = ids_of(items)
    if not isinstance(raw, dict):
        raise AnswerError(_MALFORMED)
    cleaned = {}
    for item, position in raw.items():
        if is_blank(position):
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
