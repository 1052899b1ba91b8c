"""The reports of skp_reports end to end, through the live trytond server of
the session, as each demo role: PDF (SKP, evaluation, daily activities, unit
recap, digest) and XLSX exports as sao calls them (`report.<name>.execute`),
the record rules on them, the public verification and transparency pages
(plain HTTP, no login) and the monthly dispatch run as the cron runs it in a
separate process against a local SMTP sink.

Every expected value is read from the database with `sql`, around trytond.
"""
import datetime as dt
import hashlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import openpyxl
import pypdf
import pytest

from conftest import report_line
from skp_tools.rpc import RPCError
from trytond.modules.skp_asn.tests.smtp_sink import SMTPSink

REPO = Path(__file__).resolve().parents[1]
YEAR, MONTH = 2026, 11           # the month of the demo's activities
CODE = re.compile(r'([A-Z2-9]{12}) · \S*/skp/verify/([A-Z2-9]{12})')


# ---------------------------------------------------------------- helpers

def dec(value):
    "A Numeric column as Decimal (SQLite may return text or bytes)."
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode()
    return Decimal(str(value))


def day(value):
    "A date or timestamp column as 'YYYY-MM-DD...' text on both backends."
    return str(value)


def words(text):
    "Whitespace collapsed; a word cut after its hyphen at a line end joined."
    return re.sub(r'(?<=\w)- (?=\w)', '-', ' '.join(text.split()))


def pdf_text(content):
    assert content[:5] == b'%PDF-', content[:20]
    reader = pypdf.PdfReader(io.BytesIO(content))
    return words(' '.join(page.extract_text() for page in reader.pages))


def qr_lines(content):
    """The line segments drawn in the PDF: the QR code is an SVG path of
    hundreds of them; tables are drawn with rectangles."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    return sum(len(re.findall(rb'\bl\n', page.get_contents().get_data()))
        for page in reader.pages)


def numbers(value, digits=2, trimmed=False):
    """The ways a number may be printed: 1200.00 or 1.200,00 (id); also
    without trailing zeros (1.200, 99,5) when `trimmed`."""
    plain = '%.*f' % (digits, value)
    whole, _, fraction = plain.partition('.')
    grouped = '{:,}'.format(int(whole)).replace(',', '.')
    result = {plain, '%s,%s' % (grouped, fraction),
        '%s,%s' % (whole, fraction)}
    if trimmed:
        fraction = fraction.rstrip('0')
        result.add(grouped + (',' + fraction if fraction else ''))
    return result


def contains_number(text, value, prefix='', suffix='', digits=2,
        trimmed=False):
    return any((prefix + n + suffix) in text
        for n in numbers(value, digits, trimmed))


def context(client):
    "The context sao sends: the user's preferences."
    key = '_context'
    if not hasattr(client, key):
        setattr(client, key, client.call(
                'model.res.user.get_preferences', True, {}))
    return dict(getattr(client, key))


def execute(client, report, ids, data=None):
    "Call a report as sao does; return (format, content, name)."
    fmt, content, _, name = client.call('report.%s.execute' % report,
        ids, data or {}, context(client))
    return fmt, content, name


def documents(sql):
    return sql('SELECT COUNT(*) FROM skp_document')[0][0]


def http_get(url):
    "(status, content type, body) of a GET without any session."
    request = urllib.request.Request(url)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return (response.status, response.headers['Content-Type'],
                response.read().decode('utf-8'))
    except urllib.error.HTTPError as error:
        return (error.code, error.headers['Content-Type'],
            error.read().decode('utf-8'))


def month_id(employee):
    "skp.activity.month's id of an employee's month (activity_summary.py)."
    return employee * 100000 + YEAR * 12 + MONTH


class Demo:
    "What the tests look up in the demo data, read with sql."

    def __init__(self, sql):
        self.employee = dict(sql('SELECT login, employee FROM res_user '
                'WHERE employee IS NOT NULL'))
        self.people = {}
        for id_, name, nip, supervisor, unit, position in sql(
                'SELECT e.id, p.name, e.nip, e.supervisor, e.unit, '
                'e.position FROM company_employee e '
                'JOIN party_party p ON p.id = e.party'):
            self.people[id_] = dict(name=name, nip=nip,
                supervisor=supervisor, unit=unit, position=position)
        self.parent = dict(sql('SELECT id, parent FROM skp_unit'))
        self.unit_name = dict(sql('SELECT id, name FROM skp_unit'))
        self.opds = dict(sql("SELECT id, head FROM skp_unit "
                "WHERE kind = 'opd'"))
        self.skp = dict(sql('SELECT employee, id FROM skp_skp '
                "WHERE state IN ('approved', 'draft')"))
        self.head = dict(sql('SELECT id, head FROM skp_unit'))
        # the report templates are translated once skp_reports has id.po
        self.indonesian = bool(sql("SELECT COUNT(*) FROM ir_translation "
                "WHERE module = 'skp_reports' AND lang = 'id' "
                "AND type = 'report' AND value IS NOT NULL")[0][0])
        self.actings = [(employee, unit, day(start)[:10], day(end)[:10])
            for employee, unit, start, end in sql(
                'SELECT employee, unit, start_date, end_date FROM skp_acting')]

    def label(self, english, indonesian):
        "The label the PDFs print for the users (all in Indonesian)."
        return indonesian if self.indonesian else english

    def appraiser(self, employee, date=None):
        """The Pejabat Penilai on `date`, today by default (DOMAIN §1.9, as
        Employee._appraiser): the supervisor, or the head of the nearest
        unit up; the Plt/Plh of that head's unit, or of the employee's own
        vacant unit, acting on that date."""
        date = day(date or dt.date.today())[:10]
        person = self.people[employee]
        supervisor = person['supervisor']
        if not supervisor:
            unit = person['unit']
            while unit is not None:
                if self.head[unit] and self.head[unit] != employee:
                    supervisor = self.head[unit]
                    break
                unit = self.parent[unit]
        acting = None
        for official, unit, start, end in self.actings:
            if not start <= date <= end:
                continue
            if self.head[unit] and self.head[unit] == supervisor:
                acting = official
            elif (not self.head[unit] and not person['supervisor']
                    and unit == person['unit']):
                acting = official
        if acting and acting != employee:
            return acting
        return supervisor

    def of(self, login):
        return self.people[self.employee[login]]

    def opd_of(self, unit):
        while unit is not None and unit not in self.opds:
            unit = self.parent[unit]
        return unit

    def subtree(self, unit):
        return {u for u in self.parent if self._under(u, unit)}

    def _under(self, unit, top):
        while unit is not None:
            if unit == top:
                return True
            unit = self.parent[unit]
        return False


@pytest.fixture(scope='module')
def demo(sql):
    return Demo(sql)


def verified_minutes(sql, employee):
    rows = sql('SELECT minutes, date FROM skp_activity '
        "WHERE state = 'verified' AND employee = %d" % employee)
    return sum(m for m, d in rows if day(d)[:7] == '%04d-%02d' % (YEAR, MONTH))


def assert_registered(sql, server_url, database_name, text, content,
        report, resource=None):
    """The code printed in the PDF is registered with the PDF's SHA-256 and
    the public page confirms it."""
    match = CODE.search(text)
    assert match, 'no verification code in: ' + text[-300:]
    assert qr_lines(content) > 200, "no QR code drawn"
    code, url_code = match.groups()
    assert code == url_code
    rows = sql("SELECT report, resource, sha256 FROM skp_document "
        "WHERE code = '%s'" % code)
    assert rows == [(report, resource, hashlib.sha256(content).hexdigest())]
    status, ctype, body = http_get('%s%s/skp/verify/%s?format=json' % (
            server_url, database_name, code))
    assert status == 200 and ctype.startswith('application/json')
    answer = json.loads(body)
    assert answer['genuine'] is True
    assert answer['document']['code'] == code
    assert answer['document']['sha256'] == hashlib.sha256(
        content).hexdigest()
    return code


# ---------------------------------------------------------------- 1. PDF

def test_skp_pdf(rpc, sql, demo, server_url, database_name):
    "pegawai prints their SKP: people, RHK, IKI and targets as stored."
    client = rpc('pegawai')
    skp = demo.skp[demo.employee['pegawai']]
    before = documents(sql)
    fmt, content, name = execute(client, 'skp.skp.report', [skp])
    assert fmt == 'pdf'
    text = pdf_text(content)

    signatories = {role: (name_, nip) for role, name_, nip in sql(
            'SELECT role, name, nip FROM skp_signatory '
            'WHERE skp = %d' % skp)}
    me, appraiser = demo.of('pegawai'), demo.of('kasi.identitas')
    assert signatories['employee'] == (me['name'], me['nip'])
    assert signatories['appraiser'] == (appraiser['name'], appraiser['nip'])
    for label, (person, nip) in signatories.items():
        if label in {'employee', 'appraiser'}:
            assert person in text and nip in text
    assert 'NIP %s' % me['nip'] in text
    assert 'PEJABAT PENILAI KINERJA' in text
    assert demo.label('WORK PERFORMANCE TARGETS (SKP)',
        'SASARAN KINERJA PEGAWAI (SKP)') in text
    assert demo.label('Verification code', 'Kode verifikasi') in text
    assert 'PEMERINTAH KOTA MAKASSAR' in text
    # labels written in the template, not built in Python: translated
    approach, = sql('SELECT approach FROM skp_skp WHERE id = %d' % skp)[0]
    english = 'QUANTITATIVE' if approach == 'kuantitatif' else 'QUALITATIVE'
    assert demo.label('%s WORK RESULTS APPROACH' % english,
        'PENDEKATAN HASIL KERJA %s' % approach.upper()) in text
    assert demo.label('Rank/Grade', 'Pangkat/Gol. Ruang') in text
    assert demo.label('A. MAIN', 'A. UTAMA') in text

    ikis = sql('SELECT r.name, i.name, i.target, i.uom, i.aspect '
        'FROM skp_iki i JOIN skp_rhk r ON r.id = i.rhk '
        'WHERE r.skp = %d' % skp)
    assert ikis
    for rhk, iki, target, uom, aspect in ikis:
        assert words(rhk) in text and words(iki) in text
        assert contains_number(text, dec(target), suffix=' ' + uom,
            trimmed=True), (
            iki, target, uom)
    # selection labels in Indonesian (the user's language)
    assert 'Kuantitas' in text
    behaviours = [n for n, in sql("SELECT value FROM ir_translation "
            "WHERE name = 'skp.behaviour,name' AND lang = 'id' "
            "AND type = 'model'")]
    assert len(behaviours) == 7 and all(b in text for b in behaviours)

    assert documents(sql) == before + 1
    assert_registered(sql, server_url, database_name, text, content,
        'skp.skp.report', 'skp.skp,%d' % skp)


def test_evaluation_pdf(rpc, sql, demo, server_url, database_name):
    "pegawai prints their delivered evaluation: capaian and predikat."
    client = rpc('pegawai')
    me = demo.employee['pegawai']
    (evaluation, predikat, note), = sql(
        'SELECT id, predikat, note FROM skp_evaluation '
        "WHERE employee = %d AND state = 'delivered'" % me)
    fmt, content, _ = execute(client, 'skp.evaluation.report', [evaluation])
    text = pdf_text(content)
    person = demo.of('pegawai')
    assert person['name'] in text and person['nip'] in text
    assert demo.label('PERFORMANCE EVALUATION WORKSHEET',
        'LEMBAR KERJA EVALUASI KINERJA') in text
    assert demo.label('Employee performance predikat',
        'Predikat kinerja pegawai') in text
    appraiser = demo.of('kasi.identitas')
    assert appraiser['name'] in text and appraiser['nip'] in text
    assert {'baik': 'Baik'}[predikat] in text
    assert words(note) in text

    lines = sql('SELECT i.name, l.realisation, l.target, l.direction '
        'FROM skp_evaluation_line l JOIN skp_iki i ON i.id = l.iki '
        'WHERE l.evaluation = %d' % evaluation)
    scored = 0
    for iki, realisation, target, direction in lines:
        assert words(iki) in text
        if realisation is not None:
            capaian = dec(realisation) / dec(target) * 100
            if direction == 'lower':
                capaian = 200 - capaian
            # realisation then capaian, both with two decimals
            assert any(re.search(re.escape(r) + r' ' + re.escape(c), text)
                for r in numbers(dec(realisation))
                for c in numbers(capaian)), (iki, realisation, capaian)
            scored += 1
    assert scored
    assert_registered(sql, server_url, database_name, text, content,
        'skp.evaluation.report', 'skp.evaluation,%d' % evaluation)


def test_activity_month_pdf(rpc, sql, demo, server_url, database_name):
    "pegawai prints their month: verified minutes and each activity."
    client = rpc('pegawai')
    me = demo.employee['pegawai']
    fmt, content, _ = execute(client, 'skp.activity.month.report',
        [month_id(me)])
    text = pdf_text(content)
    person = demo.of('pegawai')
    assert person['name'] in text and 'NIP %s' % person['nip'] in text
    assert '%04d-%02d' % (YEAR, MONTH) in text
    assert demo.label('DAILY ACTIVITY REPORT',
        'LAPORAN AKTIVITAS HARIAN') in text
    rows = [r for r in sql('SELECT name, date, state, minutes FROM '
            'skp_activity WHERE employee = %d' % me)
        if day(r[1])[:7] == '%04d-%02d' % (YEAR, MONTH)]
    assert rows
    total = verified_minutes(sql, me)
    assert total > 0
    # the total line: activities, verified minutes
    assert re.search(r'Total %d %d ' % (len(rows), total), text), total
    for name, *_ in rows[:5]:
        assert words(name) in text
    # each day marked against the daily minimum in signs, not English
    assert '✓' in text or '✗' in text
    assert not re.search(r'\b(yes|no)\b', text)
    assert_registered(sql, server_url, database_name, text, content,
        'skp.activity.month.report', 'skp.activity.month,%d' % month_id(me))


def test_unit_recap_pdf(rpc, sql, demo, server_url, database_name):
    "The head of Dukcapil prints the unit recap of the month."
    client = rpc('kadis.dukcapil')
    unit = demo.of('kadis.dukcapil')['unit']
    assert unit in demo.opds
    fmt, content, _ = execute(client, 'skp.unit.recap.report', [unit],
        {'year': YEAR, 'month': MONTH})
    text = pdf_text(content)
    assert demo.unit_name[unit] in text
    assert demo.label('UNIT PERFORMANCE RECAP',
        'REKAPITULASI KINERJA UNIT') in text
    assert demo.label('Verified minutes', 'Menit terverifikasi') in text
    units = demo.subtree(unit)
    members = [e for e, p in demo.people.items() if p['unit'] in units]
    assert len(members) > 20
    body = re.sub(r'\b\d+ / \d+ ', '', text)  # page numbers
    for employee in members:
        person = demo.people[employee]
        minutes = verified_minutes(sql, employee)
        # No, name, NIP, position, verified minutes
        # name, NIP, position, minutes; a row cut by a page break prints
        # its wrapped name and position after the figures
        assert re.search(r'%s (%s )?(%s )?%d ' % (
                person['nip'], re.escape(words(person['name'])),
                re.escape(words(person['position'] or '')), minutes),
            body) and words(person['name']) in body, (person['name'], minutes,
            body[body.find(person['nip']) - 80:body.find(person['nip']) + 120])
    assert any(verified_minutes(sql, e) for e in members)
    assert_registered(sql, server_url, database_name, text, content,
        'skp.unit.recap.report', 'skp.unit,%d' % unit)


def test_digest_pdf(rpc, sql, demo, server_url, database_name):
    "kasi.identitas prints the activities waiting for their verification."
    client = rpc('kasi.identitas')
    me = demo.employee['kasi.identitas']
    fmt, content, _ = execute(client, 'skp.digest.report', [me])
    text = pdf_text(content)
    assert demo.label('ACTIVITIES WAITING FOR YOUR VERIFICATION',
        'AKTIVITAS YANG MENUNGGU VERIFIKASI ANDA') in text
    # those whose Pejabat Penilai on their date is kasi.identitas
    waiting = Counter(e for e, d in sql('SELECT employee, date '
            "FROM skp_activity WHERE state = 'submitted'")
        if demo.appraiser(e, d) == me)
    assert waiting
    for employee, count in waiting.items():
        person = demo.people[employee]
        assert '%s %s %d ' % (person['name'], person['nip'], count) in text
    assert len(re.findall(r'\b\d{18}\b', text)) == len(waiting) + 1
    assert_registered(sql, server_url, database_name, text, content,
        'skp.digest.report', 'company.employee,%d' % me)


# ---------------------------------------------------------------- 2. XLSX

def workbook(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def sheet_rows(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], rows[1:]


def test_unit_recap_xlsx(rpc, sql, demo):
    client = rpc('kadis.dukcapil')
    unit = demo.of('kadis.dukcapil')['unit']
    fmt, content, _ = execute(client, 'skp.unit.recap.xlsx', [unit],
        {'year': YEAR, 'month': MONTH})
    assert fmt == 'xlsx'
    book = workbook(content)
    (code,), = sql('SELECT code FROM skp_unit WHERE id = %d' % unit)
    assert book.sheetnames == [code]
    header, rows = sheet_rows(book[code])
    assert header[:4] == ('Nama', 'NIP', 'Jabatan', 'Menit terverifikasi') \
        or header[:4] == ('Name', 'NIP', 'Position', 'Verified minutes')
    units = demo.subtree(unit)
    expected = {p['nip']: (p['name'], p['position'],
            verified_minutes(sql, e))
        for e, p in demo.people.items() if p['unit'] in units}
    assert {r[1]: (r[0], r[2], r[3]) for r in rows} == expected
    assert len(rows) == len(expected)


def test_service_xlsx(rpc, sql, demo):
    "Per unit and service: count, on time, share, nearest-rank median/p90."
    client = rpc('kadis.dukcapil')
    unit = demo.of('kadis.dukcapil')['unit']
    units = demo.subtree(unit)
    groups = defaultdict(list)
    for unit_, service, received, turnaround, on_time in sql(
            'SELECT r.unit, t.name, r.received_at, r.turnaround, r.on_time '
            'FROM skp_service_request r '
            'JOIN skp_service_type t ON t.id = r.service_type '
            "WHERE r.state = 'completed' AND r.turnaround IS NOT NULL"):
        if unit_ in units:
            groups[(int(day(received)[:4]), int(day(received)[5:7]),
                    demo.unit_name[unit_], service)].append(
                (dec(turnaround), bool(on_time)))
    months = Counter((y, m) for y, m, *_ in groups)
    assert months, 'no service requests in the demo'
    year, month = months.most_common(1)[0][0]
    fmt, content, _ = execute(client, 'skp.service.xlsx', [unit],
        {'year': year, 'month': month})
    book = workbook(content)
    assert len(book.sheetnames) == 2
    header, rows = sheet_rows(book[book.sheetnames[0]])
    assert len(header) == 7

    def nearest(values, percent):
        values = sorted(values)
        return values[-(-len(values) * percent // 100) - 1]
    expected = {}
    for (y, m, unit_name, service), items in groups.items():
        if (y, m) != (year, month):
            continue
        turnarounds = [t for t, _ in items]
        on_time = sum(o for _, o in items)
        expected[(unit_name, service)] = (len(items), on_time,
            round(100.0 * on_time / len(items), 1),
            float(nearest(turnarounds, 50)), float(nearest(turnarounds, 90)))
    got = {(r[0], r[1]): tuple(r[2:]) for r in rows}
    assert got == expected
    header, rows = sheet_rows(book[book.sheetnames[1]])
    assert len(header) == 8
    assert sum(r[3] for r in rows) == sum(e[0] for e in expected.values())


def test_budget_xlsx(rpc, sql, demo):
    "Realisation per budget line and per RHK against the stored amounts."
    client = rpc('kadis.dukcapil')
    unit = demo.of('kadis.dukcapil')['unit']
    units = demo.subtree(unit)
    lines = {id_: (demo.unit_name[u], code, name, dec(budget))
        for id_, u, code, name, budget in sql(
            'SELECT id, unit, code, name, budget FROM skp_budget_line')
        if u in units}
    assert lines, 'no budget lines in the demo'
    realised = defaultdict(Decimal)
    for line, amount in sql('SELECT line, amount FROM skp_budget_realisation'):
        realised[line] += dec(amount)
    fmt, content, _ = execute(client, 'skp.budget.xlsx', [unit])
    book = workbook(content)
    header, rows = sheet_rows(book[book.sheetnames[0]])
    assert len(header) == 7
    expected = {}
    for id_, (unit_name, code, name, budget) in lines.items():
        expected[code] = (unit_name, name, float(budget),
            float(realised[id_]), float(budget - realised[id_]))
    assert {r[1]: (r[0], r[2], r[3], r[4], r[5]) for r in rows} == expected
    for r in rows:
        if r[3]:
            assert r[6] == pytest.approx(100.0 * r[4] / r[3], abs=0.01)
    assert any(r[4] for r in rows)

    by_rhk = defaultdict(lambda: [Decimal(0), Decimal(0)])
    # a line financing two IKI of one RHK counts once for it
    for line, rhk in sql('SELECT DISTINCT li.line, i.rhk FROM '
            '"skp_budget_line-skp_iki" li JOIN skp_iki i ON i.id = li.iki'):
        if line in lines:
            by_rhk[rhk][0] += lines[line][3]
            by_rhk[rhk][1] += realised[line]
    rhk_name = dict(sql('SELECT id, name FROM skp_rhk'))
    header, rows = sheet_rows(book[book.sheetnames[1]])
    assert len(header) == 5
    assert sorted((r[1], r[2], r[3]) for r in rows) == sorted(
        (rhk_name[k], float(b), float(r)) for k, (b, r) in by_rhk.items())


def test_ekinerja_xlsx(rpc, sql, demo):
    "pegawai's verified activities in BKN e-Kinerja's daily progress columns."
    client = rpc('pegawai')
    me = demo.employee['pegawai']
    fmt, content, _ = execute(client, 'skp.activity.ekinerja.xlsx',
        [month_id(me)])
    book = workbook(content)
    person = demo.of('pegawai')
    assert book.sheetnames == ['%s %02d' % (person['nip'], MONTH)]
    header, rows = sheet_rows(book.active)
    assert header == ('Rencana Aksi', 'Tanggal Kegiatan', 'Jam Mulai',
        'Jam Selesai', 'Kegiatan Harian', 'Sumber Data', 'Realisasi',
        'Satuan', 'Bukti Dukung')
    expected = sorted(
        (day(d)[:10], str(s)[:5], str(e)[:5], name,
            int(dec(q) or 0), uom or '')
        for d, s, e, name, q, uom in sql(
            'SELECT date, start_time, end_time, name, output_quantity, '
            "output_uom FROM skp_activity WHERE state = 'verified' "
            'AND employee = %d' % me)
        if day(d)[:7] == '%04d-%02d' % (YEAR, MONTH))
    assert expected
    got = [(r[1].date().isoformat(), r[2], r[3], r[4], r[6], r[7] or '')
        for r in rows]
    assert got == expected


# ---------------------------------------------------------------- 3. rules

def refused(call, *args):
    with pytest.raises(RPCError) as info:
        call(*args)
    assert info.value.fault == 'UserError', info.value
    return info.value.message


@pytest.mark.parametrize('report, target', [
        ('skp.skp.report', 'skp'),
        ('skp.evaluation.report', 'evaluation'),
        ('skp.activity.month.report', 'month'),
        ('skp.activity.ekinerja.xlsx', 'month'),
        ('skp.digest.report', 'appraiser'),
        ('skp.unit.recap.report', 'unit'),
        ('skp.unit.recap.xlsx', 'unit'),
        ('skp.service.xlsx', 'unit'),
        ])
def test_pegawai_cannot_print_a_colleague(rpc, sql, demo, report, target):
    client = rpc('pegawai')
    rekan = demo.employee['rekan']
    if target == 'skp':
        record = demo.skp[rekan]
    elif target == 'evaluation':
        # an evaluation of somebody else of the same section
        me = demo.employee['pegawai']
        record = sql('SELECT v.id FROM skp_evaluation v '
            'JOIN company_employee e ON e.id = v.employee '
            'WHERE v.employee != %d AND e.unit = %d ORDER BY v.id' % (
                me, demo.people[me]['unit']))[0][0]
    elif target == 'unit':
        # the recap of pegawai's own OPD: everybody's figures
        record = demo.opd_of(demo.of('pegawai')['unit'])
    elif target == 'appraiser':
        # a Pejabat Penilai of another unit
        record = demo.employee['kabid.capil']
    else:
        record = month_id(colleague(sql, demo))
    before = documents(sql)
    message = refused(execute, client, report, [record])
    assert re.search('not allowed|may not|tidak diizinkan|tidak berwenang',
        message), message
    assert documents(sql) == before


def colleague(sql, demo):
    "Another employee of pegawai's appraiser who has activities this month."
    me = demo.employee['pegawai']
    appraiser = demo.appraiser(me)
    return min(e for e, in sql('SELECT DISTINCT employee FROM skp_activity')
        if e != me and demo.appraiser(e) == appraiser)


def test_supervisor_prints_subordinates(rpc, sql, demo):
    client = rpc('kasi.identitas')
    pegawai, rekan = demo.employee['pegawai'], colleague(sql, demo)
    before = documents(sql)
    own = demo.employee['rekan']
    _, content, _ = execute(client, 'skp.skp.report', [demo.skp[own]])
    assert demo.people[own]['nip'] in pdf_text(content)
    _, content, _ = execute(client, 'skp.activity.month.report',
        [month_id(rekan)])
    text = pdf_text(content)
    assert demo.people[rekan]['name'] in text
    assert re.search(r'Total \d+ %d ' % verified_minutes(sql, rekan), text)
    _, content, _ = execute(client, 'skp.activity.ekinerja.xlsx',
        [month_id(pegawai)])
    assert workbook(content).active.max_row > 1
    assert documents(sql) == before + 2


def test_pimpinan_prints_recaps_but_cannot_write(rpc, sql, demo):
    client = rpc('pimpinan')
    unit = demo.of('kadis.dukcapil')['unit']
    _, content, _ = execute(client, 'skp.unit.recap.report', [unit],
        {'year': YEAR, 'month': MONTH})
    assert demo.of('pegawai')['nip'] in pdf_text(content)
    _, content, _ = execute(client, 'skp.unit.recap.xlsx', [unit],
        {'year': YEAR, 'month': MONTH})
    assert workbook(content).active.max_row > 20
    name = demo.unit_name[unit]
    refused(client.call, 'model.skp.unit.write', [unit], {'name': 'X'},
        context(client))
    skp = demo.skp[demo.employee['pegawai']]
    refused(client.call, 'model.skp.skp.write', [skp],
        {'resource_support': 'X'}, context(client))
    assert sql('SELECT name FROM skp_unit WHERE id = %d' % unit) == [(name,)]
    assert sql('SELECT resource_support FROM skp_skp WHERE id = %d'
        % skp)[0][0] != 'X'


# ---------------------------------------------------------------- 4. public

def test_verification_page(rpc, server_url, database_name):
    client = rpc('pegawai')
    skp_ids = client.call('model.skp.skp.search', [], 0, 1, None,
        context(client))
    _, content, _ = execute(client, 'skp.skp.report', skp_ids)
    code = CODE.search(pdf_text(content)).group(1)
    status, ctype, body = http_get('%s%s/skp/verify/%s' % (
            server_url, database_name, code.lower()))
    assert status == 200 and ctype.startswith('text/html')
    assert code in body and hashlib.sha256(content).hexdigest() in body
    status, _, body = http_get('%s%s/skp/verify/ZZZZZZZZZZZZ' % (
            server_url, database_name))
    assert status == 404 and 'ZZZZZZZZZZZZ' in body
    status, _, body = http_get('%s%s/skp/verify/ZZZZZZZZZZZZ?format=json' % (
            server_url, database_name))
    assert json.loads(body) == {'genuine': False, 'document': None}


def expected_transparency(sql, demo, year, month):
    prefix = '%04d-%02d' % (year, month)
    totals = defaultdict(lambda: defaultdict(int))
    people = defaultdict(set)
    for employee, d, state, on_time in sql(
            'SELECT employee, date, state, verified_on_time '
            'FROM skp_activity'):
        opd = demo.opd_of(demo.people[employee]['unit'])
        if day(d)[:7] == prefix and opd:
            people[opd].add(employee)
            totals[opd]['verified'] += state == 'verified'
            totals[opd]['on_time'] += bool(on_time)
    for unit, completed, on_time, state in sql(
            'SELECT unit, completed_at, on_time, state '
            'FROM skp_service_request'):
        opd = demo.opd_of(unit)
        if state == 'completed' and day(completed)[:7] == prefix and opd:
            totals[opd]['requests'] += 1
            totals[opd]['requests_on_time'] += bool(on_time)
    budget = defaultdict(Decimal)
    for unit, amount in sql('SELECT unit, budget FROM skp_budget_line'):
        if demo.opd_of(unit):
            budget[demo.opd_of(unit)] += dec(amount)
    realised = defaultdict(Decimal)
    for unit, d, amount in sql('SELECT l.unit, r.date, r.amount '
            'FROM skp_budget_realisation r '
            'JOIN skp_budget_line l ON l.id = r.line'):
        if demo.opd_of(unit) and day(d)[:4] == str(year) \
                and day(d)[:7] <= prefix:
            realised[demo.opd_of(unit)] += dec(amount)
    predikat = defaultdict(Counter)
    for employee, value, state, end in sql(
            'SELECT employee, predikat, state, end_date '
            'FROM skp_evaluation'):
        opd = demo.opd_of(demo.people[employee]['unit'])
        if (state in {'finalised', 'delivered'} and value and opd
                and day(end)[:4] == str(year)):
            predikat[opd][value] += 1
    return totals, people, budget, realised, predikat


def test_transparency_bad_month(server_url, database_name):
    "A month that does not exist: 400 with a translated explanation."
    url = '%s%s/skp/transparency' % (server_url, database_name)
    status, ctype, body = http_get(url + '.json?year=2026&month=13')
    assert status == 400 and ctype.startswith('application/json')
    assert json.loads(body) == {'error': 'Berikan bulan yang benar: tahun '
        'dan bulan berupa angka, misalnya ?year=2026&month=11.'}
    status, ctype, page = http_get(url + '?year=dua&month=1&lang=en')
    assert status == 400 and ctype.startswith('text/html')
    assert 'Give a real month' in page and 'Performance transparency' in page


def test_transparency_page(sql, demo, server_url, database_name, emails):
    url = '%s%s/skp/transparency' % (server_url, database_name)
    status, ctype, body = http_get(url + '.json?year=%d&month=%d' % (
            YEAR, MONTH))
    assert status == 200 and ctype.startswith('application/json')
    data = json.loads(body)
    status, ctype, page = http_get(url + '?year=%d&month=%d' % (YEAR, MONTH))
    assert status == 200 and ctype.startswith('text/html')

    # no personal data at all
    private = set()
    for name, in sql('SELECT p.name FROM party_party p JOIN company_employee'
            ' e ON e.party = p.id'):
        private.add(name)
    for nip, in sql('SELECT nip FROM company_employee WHERE nip IS NOT NULL'):
        private.add(nip)
    for value, in sql("SELECT value FROM party_contact_mechanism "
            "WHERE type = 'email'"):
        private.add(value)
    private |= set(emails.values())
    assert len(private) > 600
    for text in [body, page]:
        leaks = [p for p in private if p in text]
        assert not leaks, leaks
        assert not re.search(r'\d{18}', text)
        assert '@' not in text

    totals, people, budget, realised, predikat = expected_transparency(
        sql, demo, YEAR, MONTH)
    codes = dict(sql("SELECT id, code FROM skp_unit WHERE kind = 'opd'"))
    rows = {r['opd_code']: r for r in data['opd']}
    assert set(rows) == set(codes.values())
    assert data['minimum_group'] == 5
    checked = 0
    for opd, code in codes.items():
        row, total = rows[code], totals[opd]
        small = 0 < len(people[opd]) < 5
        if small:
            # a handful of people: nothing about their activities
            assert row['activities_verified'] is None
            assert row['verified_on_time_pct'] is None
        else:
            verified = total['verified']
            assert row['activities_verified'] == (
                verified if verified >= 5 or verified == 0 else None)
            assert row['verified_on_time_pct'] == (round(
                    100.0 * total['on_time'] / verified, 1)
                if verified >= 5 else None)
            checked += bool(verified)
        if total['requests'] >= 5:
            assert row['service_requests'] == total['requests']
            assert row['service_on_time_pct'] == round(
                100.0 * total['requests_on_time'] / total['requests'], 1)
        else:
            assert row['service_requests'] in {None, 0}
            assert row['service_on_time_pct'] is None
        if budget[opd]:
            assert row['budget_absorption_pct'] == round(
                100.0 * float(realised[opd]) / float(budget[opd]), 1)
        for key, value in row['predikat'].items():
            count = predikat[opd][key]
            assert value == (count if count >= 5 or count == 0 else None)
        for key in ['activities_verified', 'service_requests']:
            assert row[key] is None or row[key] == 0 or row[key] >= 5
        assert row['opd'] in page
    assert checked >= 1
    assert re.search(r'\d', page)


# ---------------------------------------------------------------- 5. dispatch

@pytest.fixture(scope='module')
def smtp_sink():
    sink = SMTPSink.start()
    yield sink
    sink.stop()


@pytest.fixture(scope='module')
def emails(rpc, sql):
    """Give every employee's party an e-mail address (the demo has none):
    {employee id: address}."""
    admin = rpc('admin')
    rows = sql('SELECT e.id, e.party, e.nip FROM company_employee e '
        'WHERE NOT EXISTS (SELECT 1 FROM party_contact_mechanism c '
        "WHERE c.party = e.party AND c.type = 'email')")
    admin.call('model.party.contact_mechanism.create', [{
                'party': party, 'type': 'email',
                'value': 'asn%s@skp.example' % nip,
                } for _, party, nip in rows], {})
    return {e: v for e, v in sql(
            'SELECT e.id, c.value FROM company_employee e '
            'JOIN party_contact_mechanism c ON c.party = e.party '
            "WHERE c.type = 'email'")}


CRON = '''
import sys
from trytond.pool import Pool
from trytond.transaction import Transaction
database = sys.argv[1]
Pool.start()
pool = Pool(database)
pool.init()
with Transaction().start(database, 0, context={'_skip_warnings': True}):
    if len(sys.argv) > 2:  # a given month, as an administrator would rerun
        import datetime
        Dispatch = pool.get('skp.report.dispatch')
        Dispatch.send_monthly(datetime.date.fromisoformat(sys.argv[2]))
    else:
        Cron = pool.get('ir.cron')
        ModelData = pool.get('ir.model.data')
        cron = Cron(ModelData.get_id('skp_reports', 'cron_send_monthly'))
        Cron.run_once([cron])
# then the tasks it queued, as trytond-cron runs them without a worker
from trytond.worker import run_task
tasks = Transaction().tasks
while tasks:
    run_task(pool, tasks.pop())
'''


def cron_process(_demo_database, sink, month=None):
    """The arguments and environment of a process running the monthly
    dispatch as trytond-cron would (of `month` when given)."""
    name, config, folder = _demo_database
    env = {k: v for k, v in os.environ.items()
        if not k.startswith('TRYTOND_') and k not in {'DB_NAME'}}
    env.update(TRYTOND_CONFIG=str(config), PYTHONOPTIMIZE='1',
        TRYTOND_EMAIL__URI=sink.uri,
        TRYTOND_EMAIL__FROM='SKP-ASN <skp@skp.example>')
    args = [sys.executable, '-c', CRON, name]
    if month:
        args.append(month.isoformat())
    return args, env


def run_cron(_demo_database, sink, month=None):
    "Run the monthly dispatch in its own process, to its end."
    args, env = cron_process(_demo_database, sink, month)
    return subprocess.run(args, cwd=REPO, env=env, capture_output=True,
        text=True, timeout=600)


def test_monthly_dispatch(_demo_database, sql, demo, emails, smtp_sink):
    today = dt.date.today()
    month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    heads = {unit: head for unit, head in demo.opds.items() if head}
    appraisers = {demo.appraiser(e, d) for e, d in sql(
            "SELECT DISTINCT employee, date FROM skp_activity "
            "WHERE state = 'submitted'")} - {None}
    expected = Counter([emails[h] for h in heads.values()]
        + [emails[a] for a in appraisers])
    total = sum(expected.values())
    assert total > 10

    def dispatches():
        return sql('SELECT kind, recipient, unit, state, attachment '
            "FROM skp_report_dispatch WHERE month = '%s'" % month)

    # 1. the sink breaks down after 3 messages: the sending stops
    smtp_sink.accept = 3
    first = run_cron(_demo_database, smtp_sink)
    # the task fails (logged by trytond), the process goes on to its end
    assert 'SMTPDataError' in first.stderr, first.stderr[-2000:]
    assert len(smtp_sink.messages) == 3
    assert smtp_sink.refused >= 1
    rows = dispatches()
    assert len(rows) == total
    sent = [r for r in rows if r[3] == 'sent']
    assert len(sent) == 3, (first.stderr[-3000:], sent)

    # 2. the sink works again: the rerun sends exactly the missing ones
    smtp_sink.accept = None
    second = run_cron(_demo_database, smtp_sink)
    assert second.returncode == 0, second.stderr[-3000:]
    received = Counter(r for rcpts, _ in smtp_sink.messages for r in rcpts)
    assert received == expected
    assert len(smtp_sink.messages) == total

    # 3. and a third run sends nothing
    third = run_cron(_demo_database, smtp_sink)
    assert third.returncode == 0, third.stderr[-3000:]
    assert len(smtp_sink.messages) == total

    rows = dispatches()
    assert len(rows) == total and all(r[3] == 'sent' for r in rows)
    assert {r[2]: r[1] for r in rows if r[0] == 'unit_recap'} == heads
    assert {r[1] for r in rows if r[0] == 'digest'} == appraisers
    # one stored PDF per dispatch, on the unit or the appraiser
    attachments = {id_: (name, resource) for id_, name, resource in sql(
            'SELECT id, name, resource FROM ir_attachment '
            "WHERE name LIKE '%%-%s.pdf'" % month.strftime('%Y-%m'))}
    assert sorted(r[4] for r in rows) == sorted(attachments)
    for kind, recipient, unit, _, attachment in rows:
        name, resource = attachments[attachment]
        if kind == 'unit_recap':
            assert resource == 'skp.unit,%d' % unit
        else:
            assert resource == 'company.employee,%d' % recipient

    by_name = {}
    for rcpts, message in smtp_sink.messages:
        pdfs = [p for p in message.iter_attachments()
            if p.get_content_type() == 'application/pdf']
        assert len(pdfs) == 1
        assert pdfs[0].get_filename() not in by_name
        by_name[pdfs[0].get_filename()] = (rcpts, pdfs[0].get_content())
    # named as sao names a print, in the recipient's language
    name_of = {(kind, recipient, unit): attachments[attachment][0]
        for kind, recipient, unit, _, attachment in rows}
    assert set(by_name) == set(name_of.values())
    prefix = month.strftime('%Y-%m')
    for unit, head in heads.items():
        name = name_of[('unit_recap', head, unit)]
        assert name == 'Rekap Kinerja Unit-%s-%s.pdf' % (
            demo.unit_name[unit].replace('/', '-'), prefix), name
        rcpts, content = by_name[name]
        assert rcpts == [emails[head]]
        text = pdf_text(content)
        assert demo.unit_name[unit] in text
        assert demo.people[head]['nip'] in text
    # The digest lists whoever waits for its recipient: which of the
    # demo's activities are still waiting depends on the hour the demo was
    # built (they are decided after a delay in office hours)
    me = demo.employee['kasi.identitas']
    if me not in appraisers:
        me = min(appraisers)
    waiting = {e for e, d in sql("SELECT DISTINCT employee, date "
            "FROM skp_activity WHERE state = 'submitted'")
        if demo.appraiser(e, d) == me}
    assert waiting
    name = name_of[('digest', me, None)]
    assert name.startswith('Aktivitas Menunggu Verifikasi-')
    assert name.endswith('-%s.pdf' % prefix)
    rcpts, content = by_name[name]
    assert rcpts == [emails[me]]
    text = pdf_text(content)
    assert demo.people[me]['nip'] in text
    for employee in waiting:
        assert demo.people[employee]['nip'] in text, demo.people[employee]


def test_dispatch_killed_halfway(request, _demo_database, sql, emails):
    """The process sending a month's reports is killed (SIGKILL) while it
    holds a rendered PDF, its attachment and its dispatch marked sent, not
    yet committed (its mail server does not answer): a rerun sends each
    report once, none twice, and stores one PDF per report (issue 7)."""
    last = (dt.date.today().replace(day=1) - dt.timedelta(days=1))
    month = (last.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    prefix = month.strftime('%Y-%m')
    sink = SMTPSink.start()
    try:
        sink.accept, sink.hold = 2, True
        args, env = cron_process(_demo_database, sink, month)
        process = subprocess.Popen(args, cwd=REPO, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            assert sink.holding.wait(300), 'the third mail never came'
        finally:
            process.kill()
            stderr = process.communicate(timeout=60)[1].decode()
        sink.release.set()
        assert process.returncode == -signal.SIGKILL, stderr[-2000:]
        assert len(sink.messages) == 2

        def dispatches():
            return sql('SELECT recipient, state, attachment '
                "FROM skp_report_dispatch WHERE month = '%s'" % month)

        def pdfs():
            return sql("SELECT COUNT(*) FROM ir_attachment "
                "WHERE name LIKE '%%-%s.pdf'" % prefix)[0][0]

        planned = dispatches()
        assert len(planned) > 10
        # what the killed transaction did is gone: the third report is
        # still pending, without attachment
        assert [s for _, s, _ in planned].count('sent') == 2
        assert pdfs() == 2

        sink.hold, sink.accept = False, None
        rerun = run_cron(_demo_database, sink, month)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        rows = dispatches()
        assert len(rows) == len(planned)
        assert all(s == 'sent' for _, s, _ in rows)
        received = Counter(r for rcpts, _ in sink.messages for r in rcpts)
        assert received == Counter(emails[r] for r, _, _ in rows)
        names = [p.get_filename() for _, m in sink.messages
            for p in m.iter_attachments()]
        assert len(names) == len(set(names)) == len(rows)
        assert pdfs() == len(rows)
        report_line(request, '[faults] dispatch of %s killed after 2 of '
            '%d reports; the rerun sent the other %d, none twice'
            % (prefix, len(rows), len(rows) - 2))
    finally:
        sink.release.set()
        sink.stop()
