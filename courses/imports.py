"""Reading a file of people to import into a cohort (pure: no database).

A file is CSV (UTF-8 with or without BOM, UTF-16 with BOM as Excel saves "Unicode text",
or Windows-1256; separated by commas, semicolons or tabs) or XLSX. Its first row names the
columns, in English or French (see COLUMNS). Each row is checked on its own (e-mail, names,
organisation, duplicates); what the database knows (accounts, enrolments) is the service's.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from zipfile import BadZipFile, ZipFile

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from lms.text import PERSON_NAME_VALIDATORS, normalize_arabic

MAX_ROWS = 2000
MAX_BYTES = 1024 * 1024
MAX_XLSX_UNPACKED = 20 * MAX_BYTES

# Canonical column -> the header names accepted for it (compared after header_key()).
COLUMNS: dict[str, tuple[str, ...]] = {
    "email": ("email", "e_mail", "courriel", "mail", "adresse_electronique"),
    "full_name_latin": ("full_name_latin", "nom_latin", "name_latin"),
    "full_name_arabic": ("full_name_arabic", "nom_arabe", "name_arabic"),
    "organisation": ("organisation", "organization", "organisme"),
    "job_title": ("job_title", "fonction", "poste"),
}
REQUIRED_COLUMNS = ("email", "full_name_latin", "full_name_arabic", "organisation")


class ImportFileError(ValueError):
    """The file cannot be read as a table of people; `message` says why to the person."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


@dataclass(frozen=True)
class ImportRow:
    """One person of the file, as written, with the reasons it is invalid (if any)."""

    line: int
    email: str
    full_name_latin: str
    full_name_arabic: str
    organisation: str
    job_title: str = ""
    organisation_id: int | None = None
    errors: tuple[str, ...] = field(default=())

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def name(self) -> str:
        return self.full_name_latin or self.full_name_arabic or self.email


def header_key(text: str) -> str:
    """ "Nom latin", "nom-latin" and "NOM_LATIN" are one header; so are "E-mail" and "email"."""
    text = "".join(
        c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c)
    )
    return re.sub(r"[\s\-]+", "_", text.strip().casefold())


def organisation_key(text: str) -> str:
    """How an organisation's slug or name is compared: case, spaces, accents, apostrophes and
    Arabic spelling variants folded."""
    text = normalize_arabic(unicodedata.normalize("NFKC", text or ""))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1256."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("The file is not valid UTF-16 text.")) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:200]:
        raise ImportFileError(
            _("The file's encoding is not recognised: save it as CSV UTF-8 or as XLSX.")
        )
    return data.decode("cp1256", errors="replace")


def _delimiter(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in ("\t", ";", ",")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _xlsx_table(data: bytes) -> list[list[str]]:
    """The first sheet's rows; a workbook that unpacks to more than MAX_XLSX_UNPACKED bytes
    (a "zip bomb") is refused before it is opened, and reading stops after MAX_ROWS people."""
    # at call time: openpyxl is heavy and only .xlsx files need it
    from openpyxl import load_workbook

    unreadable = ImportFileError(_("This XLSX file cannot be read."))
    try:
        with ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (BadZipFile, OSError, ValueError) as error:
        raise unreadable from error
    if unpacked > MAX_XLSX_UNPACKED:
        raise ImportFileError(_("The file is too large (1 MB at most)."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as error:
        raise unreadable from error
    try:
        table: list[list[str]] = []
        for values in workbook.worksheets[0].iter_rows(max_col=len(COLUMNS) * 4, values_only=True):
            cells = [_cell(v) for v in values]
            if any(cell.strip() for cell in cells):
                table.append(cells)
                if len(table) > MAX_ROWS + 1:  # the header and one person too many
                    break
        return table
    finally:
        workbook.close()


def read_table(data: bytes | str) -> list[list[str]]:
    """The rows of cells of a CSV (bytes or already text) or XLSX (bytes) file."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise ImportFileError(_("The file is too large (1 MB at most)."))
        if data.startswith(b"PK\x03\x04"):
            return _xlsx_table(data)
        data = decode(data)
    text = data.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    first_line = text.split("\n", 1)[0]
    try:
        return list(csv.reader(io.StringIO(text), delimiter=_delimiter(first_line)))
    except csv.Error as error:
        raise ImportFileError(_("This CSV file cannot be read.")) from error


def _column_indexes(header: list[str]) -> dict[str, int]:
    aliases = {alias: column for column, names in COLUMNS.items() for alias in names}
    indexes: dict[str, int] = {}
    for position, title in enumerate(header):
        column = aliases.get(header_key(title))
        if column and column not in indexes:
            indexes[column] = position
    missing = [column for column in REQUIRED_COLUMNS if column not in indexes]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    return indexes


def _name_errors(value: str) -> list[str]:
    errors = []
    for validator in PERSON_NAME_VALIDATORS:
        try:
            validator(value)
        except ValidationError as error:
            errors.extend(str(message) for message in error.messages)
    return errors


def parse_rows(data: bytes | str, *, organisations: Mapping[str, int]) -> list[ImportRow]:
    """The people of the file, each with its errors. `organisations` maps organisation_key()
    of every accepted slug and name to the organisation's id.

    Raises ImportFileError when the file itself cannot be read."""
    table = read_table(data)
    while table and not any(cell.strip() for cell in table[0]):
        table.pop(0)
    if not table:
        raise ImportFileError(_("The file is empty."))
    indexes = _column_indexes(table[0])
    rows: list[ImportRow] = []
    seen: dict[str, int] = {}
    for line, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(count)d people: split it.") % {"count": MAX_ROWS}
            )
        values = {
            column: (cells[i].strip() if i < len(cells) else "") for column, i in indexes.items()
        }
        email = values["email"].lower()
        latin, arabic = values["full_name_latin"], values["full_name_arabic"]
        errors: list[str] = []
        if not email:
            errors.append(str(_("The e-mail address is missing.")))
        else:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(str(_("The e-mail address is not valid.")))
        if email and email in seen:
            errors.append(str(_("Same e-mail address as line %(line)d.") % {"line": seen[email]}))
        elif email:
            seen[email] = line
        if not latin and not arabic:
            errors.append(str(_("The name is missing (Latin or Arabic script).")))
        for name in (latin, arabic):
            errors.extend(_name_errors(name))
        organisation_id = None
        if not values["organisation"]:
            errors.append(str(_("The organisation is missing.")))
        else:
            organisation_id = organisations.get(organisation_key(values["organisation"]))
            if organisation_id is None:
                errors.append(str(_("Unknown organisation.")))
        rows.append(
            ImportRow(
                line=line,
                email=email,
                full_name_latin=latin,
                full_name_arabic=arabic,
                organisation=values["organisation"],
                job_title=values.get("job_title", "")[:200],
                organisation_id=organisation_id,
                errors=tuple(errors),
            )
        )
    return rows
