# Reading and checking the rows of import files (CSV or XLSX), shared by
# the importers of employees and units (importer.py) and of service
# requests (service_import.py): the file is read whatever its format, the
# columns are found by their aliases, every error is kept with its row.
# Like them, it must not import trytond.model at load time.
import csv
import io
import re
import zipfile
from collections import Counter, namedtuple

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from trytond.i18n import gettext

DELIMITERS = (',', ';', '\t')
XLS_MAGIC = b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'

Error = namedtuple('Error', ['file', 'row', 'column', 'message'])
Row = namedtuple('Row', ['number', 'values'])
ImportFile = namedtuple('ImportFile', ['name', 'data'])


class FileError(Exception):
    "A file that cannot be read: an ir.message id and its parameters."

    def __init__(self, msg_id, **params):
        super().__init__(msg_id)
        self.msg_id = msg_id
        self.params = params


def _header(text):
    return re.sub(r'[\s_]+', ' ', text).strip().upper()


def _word(text):
    return re.sub(r'[\s_-]+', ' ', text).strip().lower()


def _cell(value):
    "The text of a spreadsheet cell."
    if value is None:
        return ''
    # Integral floats are exact only below 2**53: an 18-digit NIP stored as
    # a number keeps its float form and fails the NIP check.
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        value = int(value)
    return str(value).strip()


def read_rows(data):
    """Return [(row number, [cell texts])] of the CSV or XLSX `data`; raise
    FileError when it cannot be read."""
    if data.startswith(b'PK\x03\x04'):
        return _xlsx_rows(data)
    if data.startswith(XLS_MAGIC):
        raise FileError('msg_import_file_xls')
    return _csv_rows(data)


def _csv_rows(data):
    "UTF-8 with or without BOM; the delimiter is the commonest in the header."
    try:
        text = data.decode('utf-8-sig')
    except UnicodeDecodeError:
        raise FileError('msg_import_file_encoding')
    header = next((line for line in text.splitlines() if line.strip()), '')
    delimiter = max(DELIMITERS, key=header.count)
    reader = csv.reader(io.StringIO(text, newline=''), delimiter=delimiter)
    try:
        return [(number, [_cell(c) for c in cells])
            for number, cells in enumerate(reader, 1)]
    except csv.Error as exception:
        raise FileError('msg_import_file_unreadable', error=str(exception))


def _xlsx_rows(data):
    "The first worksheet, numbered as Excel shows it."
    try:
        workbook = load_workbook(
            io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError,
            OSError) as exception:
        raise FileError('msg_import_file_unreadable', error=str(exception))
    try:
        sheet = workbook.worksheets[0]
        return [(number, [_cell(c) for c in cells])
            for number, cells in enumerate(
                sheet.iter_rows(values_only=True), 1)]
    finally:
        workbook.close()


def normalise_nip(value):
    "Drop the spaces of the printed form (19900101 201503 2 001)."
    return re.sub(r'\s+', '', value)


Choices = namedtuple('Choices', ['keys', 'labels'])


def _choices(Model, field, aliases):
    """The keys of the selection `field` by their normalised key, label (in
    English and in the user's language) and alias; the labels to show."""
    keys = {}
    translated = Model.fields_get([field])[field]['selection']
    for key, label in getattr(Model, field).selection + translated:
        if key:
            keys[_word(key)] = key
            keys[_word(str(label))] = key
    keys.update(aliases)
    return Choices(keys, ', '.join(label for key, label in translated if key))


class RowChecker:
    """The reading and checking of the rows of import files, shared by the
    importers: `errors` lists Error tuples, `labels` the header of each
    column by file and field, `counts` what was or would be written."""

    def __init__(self):
        self.errors = []
        self.counts = Counter()
        self.labels = {}

    def _error(self, file, row, field, msg_id, /, **params):
        column = self.labels.get(file, {}).get(field)
        self.errors.append(Error(file.name, row, column,
                gettext('skp_asn.' + msg_id, file=file.name, **params)))

    def _rows(self, file, columns, required):
        """Return the Rows of `file` with the values of the columns found,
        or [] after an error for an unreadable file or a missing column."""
        if not file:
            return []
        try:
            rows = [(n, cells) for n, cells in read_rows(file.data)
                if any(cells)]
        except FileError as exception:
            self._error(file, None, None, exception.msg_id,
                **exception.params)
            return []
        if not rows:
            self._error(file, None, None, 'msg_import_file_empty')
            return []
        (header_number, header), rows = rows[0], rows[1:]
        names = {}
        for index, text in enumerate(header):
            names.setdefault(_header(text), index)
        indexes = {}
        for field, aliases in columns.items():
            found = [names[a] for a in aliases if a in names]
            if found:
                indexes[field] = found[0]
        self.labels[file] = {f: header[i] for f, i in indexes.items()}
        missing = [columns[f][0] for f in required if f not in indexes]
        for column in missing:
            self._error(file, header_number, None,
                'msg_import_column_missing', column=column)
        if missing:
            return []
        return [Row(number, {f: cells[i] if i < len(cells) else ''
                        for f, i in indexes.items()})
            for number, cells in rows]

    def _choice(self, file, row, field, choices):
        "The key of the row's value in `choices`, None when empty or wrong."
        value = row.values.get(field)
        if not value:
            return None
        key = choices.keys.get(_word(value))
        if not key:
            self._error(file, row.number, field, 'msg_import_value_invalid',
                value=value, values=choices.labels)
        return key

    def _required(self, file, row, field):
        value = row.values[field]
        if not value:
            self._error(file, row.number, field, 'msg_import_value_required')
        return value

    def _first(self, file, row, field, value, seen):
        "Check that `value` first appears in this row of the file."
        if seen.get(value, row.number) != row.number:
            self._error(file, row.number, field, 'msg_import_duplicate',
                value=value, row=seen[value])
            return False
        return True
