"""Indonesian is the language of the product: every string of skp_asn and
skp_reports that a user can see has an 'id' translation in the database
built by the session harness (trytond-admin -l id, then the demo data).

The source strings are the ir_translation rows of lang 'en' that trytond
registers for the modules (models, fields, help texts, selections, menus,
actions, buttons, messages, ...).  The strings of the views (page, group,
separator and label strings) and of the PDF templates are registered in
'en' only by the "Set Translations" wizard, which needs an English database:
they are read here from the files, as that wizard reads them, and must have
an 'id' row in the database.
"""
import re
from io import BytesIO
from pathlib import Path

import pytest
from genshi.filters.i18n import GETTEXT_FUNCTIONS
from genshi.filters.i18n import extract as genshi_extract
from genshi.template import MarkupTemplate
from lxml import etree

MODULES = ('skp_asn', 'skp_reports')
ADDONS = Path(__file__).resolve().parents[1] / 'addons'
_IN = '(%s)' % ', '.join("'%s'" % m for m in MODULES)


def _translated(sql, where):
    "The (name, type, res_id, src) of the non-empty 'id' rows."
    return {tuple(r) for r in sql(
            'SELECT name, type, res_id, src FROM ir_translation '
            "WHERE lang = 'id' AND module IN %s "
            "AND value IS NOT NULL AND value != '' AND %s" % (_IN, where))}


def _listing(missing):
    return '\n'.join('  %s %s [%s] %r' % row for row in sorted(missing))


def test_every_source_string_translated(sql):
    "Each 'en' row of the modules has a non-empty 'id' row of the same key."
    sources = sql('SELECT module, name, type, res_id, src FROM ir_translation '
        "WHERE lang = 'en' AND module IN %s" % _IN)
    assert len(sources) > 1000, len(sources)
    translated = _translated(sql, '1 = 1')
    missing = {(module, type_, name, src)
        for module, name, type_, res_id, src in sources
        if (name, type_, res_id, src) not in translated}
    assert not missing, '%d strings without an Indonesian translation:\n%s' % (
        len(missing), _listing(missing))


def _template_strings(content):
    """The strings of a genshi template as Tryton's Set Translations reads
    them (text and attributes), plus the literals given to gettext()."""
    for _, _, string, _ in genshi_extract(BytesIO(content),
            GETTEXT_FUNCTIONS, [],
            {'template_class': MarkupTemplate}):
        if isinstance(string, tuple):  # ngettext
            string = string[0]
        if string:
            yield string


def test_report_templates_translated(sql):
    "The text of every translatable template of the modules."
    reports = sql('SELECT report_name, report, template_extension '
        'FROM ir_action_report WHERE translatable AND module IN %s '
        'AND report IS NOT NULL' % _IN)
    assert reports
    translated = _translated(sql, "type = 'report'")
    missing, count = set(), 0
    for report_name, path, extension in reports:
        assert extension in {'html', 'xhtml', 'xml'}, (report_name, extension)
        module, relative = path.split('/', 1)
        content = (ADDONS / module / relative).read_bytes()
        for string in _template_strings(content):
            count += 1
            if (report_name, 'report', -1, string) not in translated:
                missing.add((path, 'report', report_name, string))
    assert count > 50, count
    assert not missing, '%d template strings without an Indonesian ' \
        'translation:\n%s' % (len(missing), _listing(missing))


def _view_strings(element):
    "As trytond.ir.translation.TranslationSet._translate_view."
    for attr in ['string', 'confirm', 'help']:
        if element.get(attr):
            yield element.get(attr)
    for child in element:
        yield from _view_strings(child)


def test_view_strings_translated(sql):
    "The page, group, separator and label strings of the modules' views."
    views = sql('SELECT module, name, model FROM ir_ui_view '
        'WHERE module IN %s AND name IS NOT NULL' % _IN)
    assert views
    translated = _translated(sql, "type = 'view'")
    missing = set()
    for module, name, model in views:
        path = ADDONS / module / 'view' / (name + '.xml')
        for string in _view_strings(etree.parse(str(path)).getroot()):
            if (model, 'view', -1, string) not in translated:
                missing.add((path.name, 'view', model, string))
    assert not missing, '%d view strings without an Indonesian ' \
        'translation:\n%s' % (len(missing), _listing(missing))


# (module, XML id, translation name, source, Indonesian)
KEY_RECORDS = [
    ('skp_asn', 'menu_skp', 'ir.ui.menu,name', 'SKP ASN', 'SKP ASN'),
    ('skp_reports', 'menu_reports', 'ir.ui.menu,name', 'Reports', 'Laporan'),
    ('skp_reports', 'menu_dispatch_form', 'ir.ui.menu,name',
        'Scheduled Reports', 'Laporan Terjadwal'),
    ('skp_reports', 'act_dispatch_form', 'ir.action,name',
        'Scheduled Reports', 'Laporan Terjadwal'),
    ('skp_reports', 'report_activity_month', 'ir.action,name',
        'Daily Activity Report', 'Laporan Aktivitas Harian'),
    ('skp_asn', 'skp_approve_button', 'ir.model.button,string',
        'Approve', 'Setujui'),
    ('skp_asn', 'evaluation_deliver_button', 'ir.model.button,string',
        'Deliver', 'Sampaikan'),
    ('skp_asn', 'activity_verify_button', 'ir.model.button,string',
        'Verify', 'Verifikasi'),
    ('skp_reports', 'msg_public_verify_title', 'ir.message,text',
        'Document verification', 'Verifikasi dokumen'),
    ('skp_reports', 'msg_public_not_genuine', 'ir.message,text',
        'No document was issued with the code %(code)s.',
        'Tidak ada dokumen yang diterbitkan dengan kode %(code)s.'),
    ]
# The records of these models translate the name of their ir.action.
ACTIONS = {'ir.action.report', 'ir.action.act_window', 'ir.action.wizard',
    'ir.action.url'}


def _res_id(sql, module, fs_id):
    (model, db_id), = sql('SELECT model, db_id FROM ir_model_data '
        "WHERE module = '%s' AND fs_id = '%s'" % (module, fs_id))
    if model in ACTIONS:
        (db_id,), = sql('SELECT action FROM %s WHERE id = %d' % (
                model.replace('.', '_'), db_id))
    return db_id


# (type, name, source, Indonesian) of the strings without a record
KEY_STRINGS = [
    ('field', 'skp.document,code', 'Verification Code', 'Kode Verifikasi'),
    ('selection', 'skp.report.dispatch,state', 'Sent', 'Terkirim'),
    ('wizard_button', 'skp.skp.return,start,return_', 'Return',
        'Kembalikan'),
    ('report', 'skp.skp.report', 'WORK PERFORMANCE TARGETS (SKP)',
        'SASARAN KINERJA PEGAWAI (SKP)'),
    ('report', 'skp.evaluation.report',
        'EMPLOYEE PERFORMANCE EVALUATION DOCUMENT',
        'DOKUMEN EVALUASI KINERJA PEGAWAI'),
    ('view', 'skp.activity', 'Evidence', 'Bukti Dukung'),
    ]


@pytest.mark.parametrize('module, fs_id, name, src, value', KEY_RECORDS,
    ids=[r[1] for r in KEY_RECORDS])
def test_key_record_translated(sql, module, fs_id, name, src, value):
    rows = sql('SELECT lang, src, value FROM ir_translation '
        "WHERE name = '%s' AND res_id = %d AND lang IN ('en', 'id')" % (
            name, _res_id(sql, module, fs_id)))
    by_lang = {lang: (s, v) for lang, s, v in rows}
    assert by_lang.get('en', (None,))[0] == src, rows
    assert by_lang.get('id') == (src, value), rows


@pytest.mark.parametrize('type_, name, src, value', KEY_STRINGS,
    ids=[' '.join(r[:2]) for r in KEY_STRINGS])
def test_key_string_translated(sql, type_, name, src, value):
    rows = sql('SELECT value FROM ir_translation '
        "WHERE lang = 'id' AND type = '%s' AND name = '%s' AND src = '%s'"
        % (type_, name, src.replace("'", "''")))
    assert rows == [(value,)], rows


def test_placeholders_kept(sql):
    "A translation keeps the %(name)s placeholders of its source."
    rows = sql('SELECT e.module, e.name, e.src, i.value '
        'FROM ir_translation e JOIN ir_translation i '
        'ON i.name = e.name AND i.type = e.type AND i.res_id = e.res_id '
        "AND i.src = e.src AND i.lang = 'id' "
        "WHERE e.lang = 'en' AND e.module IN " + _IN
        + " AND e.src LIKE '%(%'")
    assert rows
    placeholder = re.compile(r'%\([a-z_]+\)[sdrf]')
    wrong = [(m, n, s, v) for m, n, s, v in rows
        if sorted(placeholder.findall(s)) != sorted(placeholder.findall(v))]
    assert not wrong, '\n'.join('  %s %s: %r -> %r' % w for w in wrong)
