"""What a question type declares, and the pieces the types share.

A question type is one module of this package holding one `QuestionType` subclass,
registered with `register`. It says, for its kind of question:

- authoring: `editor_class`, the part of the question editor (admin) that writes the
  question's `data` from plain fields and rows, and `problems(data)`, the checks the
  model repeats whatever wrote the data;
- taking a quiz: `prepare` (the order and the opaque names an attempt shows),
  `template` (the learner widget), `widget` (what that template receives),
  `raw_answer` (the value read from the posted form) and `clean` (that value checked,
  through a pure `clean_*` function of `courses.grading`);
- scoring: `grade`, through a pure `grade_*` function of `courses.grading`;
- review: `describe` (an answer in words), `right_answer` and `choice_feedback`.

Nothing outside this package asks which kind a question is.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django import forms
from django.forms.formsets import (
    DELETION_FIELD_NAME,
    ORDERING_FIELD_NAME,
    BaseFormSet,
    formset_factory,
)
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from courses.api import grading
from lms.bilingual import choose
from lms.text import isolate

_random = secrets.SystemRandom()


def in_language(value_fr: str, value_ar: str) -> str:
    """The text of the active language when there is one, else the other, with the language
    it is written in (`lms.bilingual.Localized`, which templates mark when it differs)."""
    return choose(value_fr or "", value_ar or "")


# --- what the learner widget receives ----------------------------------------------------


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class Row:
    """One line of a matching or ordering question: a prompt and a select.

    `name` is the attempt's opaque token for the line, never the pair or item id.
    """

    name: str
    label: str
    options: list[Option]


@dataclass(frozen=True)
class Widget:
    """What a type's learner template shows besides the question's text."""

    options: list[Option] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    value: str = ""


# --- the editor (admin) ------------------------------------------------------------------

ARABIC = {"dir": "rtl", "lang": "ar"}
FRENCH = {"dir": "auto", "lang": "fr"}
EITHER = {"dir": "auto"}
_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")

ORDER = ORDERING_FIELD_NAME
NOT_OFFERED = _("Choose one of the answers offered.")
SAME_TEXT = _("Two rows say the same thing: change one of them or remove it.")
BAD_IDS = _("The rows could not be read: reload the page and type your changes again.")


def text_field(
    label,
    *,
    attrs: Mapping = FRENCH,
    required: bool = True,
    max_length: int = 500,
    textarea: bool = False,
    help_text="",
) -> forms.CharField:
    widget = (
        forms.Textarea(attrs={"rows": 2, **attrs})
        if textarea
        else forms.TextInput(attrs=dict(attrs))
    )
    return forms.CharField(
        label=label, required=required, max_length=max_length, widget=widget, help_text=help_text
    )


class RowForm(forms.Form):
    """One row of an editor (a choice, a pair, an item, an accepted answer).

    `id` keeps the row's id across edits, so that answers saved by attempts, which name
    rows by id, still mean the same row when the question is regraded.
    """

    use_required_attribute = False
    id = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def clean_id(self) -> str:
        value = self.cleaned_data.get("id", "")
        if value and not _ID.match(value):
            raise forms.ValidationError(BAD_IDS, code="bad_id")
        return value


class Rows(BaseFormSet):
    """The rows of an editor. Subclasses say how many rows at least (`min_rows`, with
    `too_few`), which fields must differ from one row to the next (`distinct`), and add
    their own checks in `check(rows)`."""

    deletion_widget = forms.HiddenInput
    min_rows = 1
    too_few: ClassVar[Promise]
    distinct: ClassVar[tuple[str, ...]] = ()

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.can_order:
            form.fields[ORDERING_FIELD_NAME].label = _("Position")
            form.fields[ORDERING_FIELD_NAME].widget.attrs.update({"min": 1, "dir": "ltr"})

    def kept(self) -> list[forms.Form]:
        """The rows that stay: not removed, not added and left empty; in the order given,
        or by position when the rows have one."""
        rows = [
            form
            for index, form in enumerate(self.forms)
            if hasattr(form, "cleaned_data")
            and not form.cleaned_data.get(DELETION_FIELD_NAME)
            and (index < self.initial_form_count() or form.has_changed())
        ]
        if self.can_order:
            order = {id(form): index for index, form in enumerate(rows)}
            rows.sort(
                key=lambda form: (
                    form.cleaned_data.get(ORDERING_FIELD_NAME) is None,
                    form.cleaned_data.get(ORDERING_FIELD_NAME) or 0,
                    order[id(form)],
                )
            )
        return rows

    def clean(self):
        if any(self.errors):
            return
        rows = self.kept()
        if len(rows) < self.min_rows:
            raise forms.ValidationError(self.too_few, code="too_few")
        ids = [form.cleaned_data["id"] for form in rows if form.cleaned_data.get("id")]
        if len(set(ids)) != len(ids):
            raise forms.ValidationError(BAD_IDS, code="bad_id")
        for name in self.distinct:
            seen = [same_text_key(form.cleaned_data.get(name, "")) for form in rows]
            seen = [value for value in seen if value]
            if len(set(seen)) != len(seen):
                raise forms.ValidationError(SAME_TEXT, code="same_text")
        self.check(rows)

    def check(self, rows: list[forms.Form]) -> None:
        """More rules on the rows kept; raise ValidationError."""


def same_text_key(text: str) -> str:
    """What two texts a learner could not tell apart have in common (case, extra spaces)."""
    return " ".join(str(text).split()).casefold()


def rows_formset(form_class, formset_class, *, extra: int = 2, ordered: bool = False):
    return formset_factory(
        form_class, formset=formset_class, extra=extra, can_delete=True, can_order=ordered
    )


def new_ids(rows: list[dict], *, taken: set[str] = frozenset()) -> list[dict]:
    """Give the rows without an id a new, random one, used by no other row nor in `taken`.

    Random rather than the next letter: a row removed in one edit and a row added in a later
    one must not share an id, or answers given to the first would be graded as the second's.
    """
    used = set(taken) | {str(row["id"]) for row in rows if row.get("id")}

    def fresh() -> str:
        while (candidate := secrets.token_hex(3)) in used:
            pass
        used.add(candidate)
        return candidate

    return [{**row, "id": row.get("id") or fresh()} for row in rows]


class Editor:
    """The answers part of the question editor for one type: a form of options, rows, or
    both. `data` is the posted form (None when the editor is shown), `stored` the
    question's current data; `prefix` names every field of this editor."""

    template_name = "quizzes/admin/editor.html"
    options_form: ClassVar[type[forms.Form] | None] = None
    rows_formset: ClassVar[type[BaseFormSet] | None] = None
    #: The label of the button that adds a row, and what the editor says first.
    add_label: ClassVar[Promise | str] = ""
    intro: ClassVar[Promise | str] = ""

    #: The list of `stored` whose entries have ids ("choices", "pairs", "items").
    entries_key: ClassVar[str | None] = None

    def __init__(self, *, data=None, prefix: str, stored: Mapping):
        self.prefix = prefix
        entries = stored.get(self.entries_key) if self.entries_key else None
        #: Ids the question had when the editor opened: never given to a new row.
        self.stored_ids = {
            str(e["id"])
            for e in entries or ()
            if isinstance(e, dict) and e.get("id") not in (None, "")
        }
        self.options = None
        self.rows = None
        if self.options_form is not None:
            self.options = self.options_form(
                data,
                prefix=prefix,
                initial=self.options_initial(stored),
                use_required_attribute=False,
            )
        if self.rows_formset is not None:
            initial = self.rows_initial(stored)
            self.rows = self.rows_formset(data, prefix=f"{prefix}-rows", initial=initial or None)
            if initial:
                self.rows.extra = 0

    # what the question's data gives the fields
    def options_initial(self, stored: Mapping) -> dict:
        return {}

    def rows_initial(self, stored: Mapping) -> list[dict]:
        return []

    # what the fields give the question's data
    def to_data(self) -> dict[str, Any]:
        """The question's data; call after is_valid()."""
        return {}

    def is_valid(self) -> bool:
        valid = True
        if self.options is not None:
            valid = self.options.is_valid() and valid
        if self.rows is not None:
            valid = self.rows.is_valid() and valid
        return valid

    def kept_rows(self) -> list[dict]:
        return [
            {
                name: value
                for name, value in form.cleaned_data.items()
                if name not in (DELETION_FIELD_NAME, ORDERING_FIELD_NAME)
            }
            for form in self.rows.kept()
        ]


# --- the question type -------------------------------------------------------------------


def entries(question: Mapping, name: str) -> list[dict]:
    """The choices, pairs or items of a snapshot in the order this attempt shows them."""
    by_id = {str(e["id"]): e for e in question["data"].get(name, [])}
    order = question.get("display") or list(by_id)
    return [by_id[i] for i in order if i in by_id]


def tokens(count: int, *, taken: set[str]) -> list[str]:
    """`count` random names, distinct from each other and from `taken` (which grows)."""
    found = []
    while len(found) < count:
        token = secrets.token_urlsafe(6)
        if token not in taken:
            taken.add(token)
            found.append(token)
    return found


def row_tokens(question: Mapping, key: str) -> dict[str, str]:
    """The name of each line (pair or item id -> token) of a matching or ordering question;
    attempts started before tokens existed name lines by their ids."""
    return question.get("tokens", {}).get("rows") or {
        str(e["id"]): str(e["id"]) for e in question["data"].get(key, [])
    }


def joined(parts) -> str:
    return " ; ".join(parts)


UNREADABLE = _("The answers of this question cannot be read: edit them in the question editor.")


def entries_problems(entries, *, too_few) -> list[str]:
    """What makes a list of rows (pairs, items) ungradable: fewer than two, or rows without
    an id of their own."""
    if not isinstance(entries, list) or len(entries) < 2:
        return [str(too_few)]
    if not all(isinstance(e, dict) and e.get("id") not in (None, "") for e in entries) or len(
        grading.ids_of(entries)
    ) != len(entries):
        return [str(UNREADABLE)]
    return []


class QuestionType:
    kind: ClassVar[str]
    label: ClassVar[Promise | str]
    #: Place in the list of types offered to trainers.
    order: ClassVar[int] = 100
    #: The learner widget, rendered with `question` (see queries.QuestionForm).
    template: ClassVar[str]
    editor_class: ClassVar[type[Editor]] = Editor
    #: Graded by a trainer (essays): the attempt waits for the trainer's grade.
    manual: ClassVar[bool] = False
    #: The list of the data shown in an order of its own in each attempt ("choices"...).
    entries_key: ClassVar[str | None] = None

    # --- authoring
    def editor(self, *, data=None, prefix: str, stored: Mapping) -> Editor:
        return self.editor_class(data=data, prefix=prefix, stored=stored or {})

    def problems(self, data: Mapping) -> list[str]:
        """What makes `data` ungradable, in words for the trainer (empty when fine)."""
        return []

    # --- taking a quiz
    def prepare(self, question: dict, *, shuffle: bool) -> dict:
        """Add to a new attempt's copy of the question the order of its entries."""
        if self.entries_key:
            ids = [str(e["id"]) for e in question["data"].get(self.entries_key, [])]
            if shuffle:
                _random.shuffle(ids)
            question["display"] = ids
        return question

    def raw_answer(self, question: Mapping, post) -> Any:
        """The value of the posted form for this question (raises grading.AnswerError)."""
        return post.get(f"q-{question['key']}", "")

    def clean(self, data: Mapping, raw) -> Any:
        """The clean answer, None for no answer; raises grading.AnswerError."""
        if grading.is_blank(raw):
            return None
        return self.clean_given(data, raw)

    def clean_given(self, data: Mapping, raw) -> Any:
        raise NotImplementedError

    def grade(self, data: Mapping, answer, points: float) -> grading.Outcome:
        raise NotImplementedError

    def widget(self, question: Mapping, answer) -> Widget:
        """What the learner widget shows; `answer` is clean or as posted."""
        return Widget(value="" if answer is None else str(answer))

    # --- review
    def describe(self, question: Mapping, answer) -> str:
        """An answer that is not blank, in words, in the active language."""
        return str(answer)

    def right_answer(self, question: Mapping) -> str:
        return ""

    def choice_feedback(self, question: Mapping, answer) -> list[str]:
        """Feedback the trainer wrote for what the learner chose."""
        return []


def label_of(entry: Mapping, name: str = "text") -> str:
    return in_language(entry.get(name, ""), entry.get(f"{name}_ar", ""))


def isolated(entry: Mapping, name: str = "text") -> str:
    return isolate(label_of(entry, name))
