# XLSX exports, written with xlsxwriter: the unit recap, the service level,
# budget realisation and an employee's activities in the column layout of
# BKN e-Kinerja's daily progress (DOMAIN §4) so they need not be typed twice.
import io

import xlsxwriter

from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.report import Report

from trytond.transaction import without_check_access

from .report import UnitReportMixin, _month_range, _year_month, unit_recap


def _float(value):
    return float(value) if value is not None else None


def _t(msg_id):
    return gettext('skp_reports.' + msg_id)


class XLSXReport(Report):
    "A report whose content is a workbook built in Python, not a template."

    @classmethod
    def _execute(cls, records, header, data, action):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {'in_memory': True})
        formats = {
            'header': workbook.add_format({'bold': True, 'bg_color': '#E8EEF5',
                    'border': 1, 'text_wrap': True}),
            'date': workbook.add_format({'num_format': 'yyyy-mm-dd'}),
            'time': workbook.add_format({'num_format': 'hh:mm'}),
            'number': workbook.add_format({'num_format': '#,##0.00'}),
            }
        # The records passed the access check: their figures are read
        # whole, not cut by the record rules.
        with without_check_access():
            cls.fill(workbook, formats, records, data or {})
        workbook.close()
        return 'xlsx', output.getvalue()

    @classmethod
    def fill(cls, workbook, formats, records, data):
        raise NotImplementedError

    @staticmethod
    def write_table(sheet, formats, headers, rows, row_formats=None):
        sheet.write_row(0, 0, headers, formats['header'])
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row):
                fmt = (row_formats or {}).get(c)
                sheet.write(r, c, value, formats[fmt] if fmt else None)
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, len(headers) - 1, 16)


class UnitRecapXLSX(UnitReportMixin, XLSXReport):
    __name__ = 'skp.unit.recap.xlsx'

    @classmethod
    def fill(cls, workbook, formats, units, data):
        for unit in units:
            recap = unit_recap(unit, data.get('year'), data.get('month'))
            sheet = workbook.add_worksheet(unit.code[:31])
            cls.write_table(sheet, formats, [_t(m) for m in [
                        'msg_col_name', 'msg_col_nip', 'msg_col_position',
                        'msg_col_verified_minutes', 'msg_col_days_under',
                        'msg_col_on_time', 'msg_col_capaian',
                        'msg_col_predikat']],
                [cls.recap_row(r) for r in recap['rows']])

    @staticmethod
    def recap_row(row):
        employee = row['employee']
        return [employee.party.name, employee.nip, employee.position,
            row['verified_minutes'], row['days_under_minimum'],
            row['on_time_share'], _float(row['capaian']), row['predikat']]


class ServiceXLSX(UnitReportMixin, XLSXReport):
    "Per service, unit and employee: count, median, p90, share on time."
    __name__ = 'skp.service.xlsx'

    @classmethod
    def fill(cls, workbook, formats, units, data):
        pool = Pool()
        StatsUnit = pool.get('skp.service.stats.unit')
        StatsEmployee = pool.get('skp.service.stats.employee')
        year, month = _year_month(data)
        unit_ids = [u.id for u in units]
        headers = [_t(m) for m in ['msg_col_unit', 'msg_col_service',
                'msg_col_requests', 'msg_col_on_time_count',
                'msg_col_on_time', 'msg_col_median', 'msg_col_p90']]
        for Stats, name, by_employee in [
                (StatsUnit, 'msg_sheet_units', False),
                (StatsEmployee, 'msg_sheet_employees', True)]:
            stats = Stats.search([
                    ('unit', 'child_of', unit_ids, 'parent'),
                    ('year', '=', year), ('month', '=', month)])
            rows = []
            for s in stats:
                row = [s.unit.name, s.service_type.name, s.requests,
                    s.on_time, s.on_time_share, _float(s.median),
                    _float(s.p90)]
                if by_employee:
                    row.insert(1, s.employee.party.name if s.employee
                        else '')
                rows.append(row)
            sheet = workbook.add_worksheet(_t(name)[:31])
            cls.write_table(sheet, formats, headers[:1]
                + ([_t('msg_col_name')] if by_employee else [])
                + headers[1:], rows)


class BudgetXLSX(UnitReportMixin, XLSXReport):
    "Realisation per budget line and per RHK."
    __name__ = 'skp.budget.xlsx'

    @classmethod
    def fill(cls, workbook, formats, units, data):
        pool = Pool()
        Line = pool.get('skp.budget.line')
        lines = Line.search([
                ('unit', 'child_of', [u.id for u in units], 'parent')])
        sheet = workbook.add_worksheet(_t('msg_sheet_lines')[:31])
        cls.write_table(sheet, formats, [_t(m) for m in [
                    'msg_col_unit', 'msg_col_code', 'msg_col_line',
                    'msg_col_budget', 'msg_col_realised', 'msg_col_remaining',
                    'msg_col_absorption']],
            [[l.unit.name, l.code, l.name, _float(l.budget),
                _float(l.realised), _float(l.remaining),
                _float(l.absorption)] for l in lines],
            {3: 'number', 4: 'number', 5: 'number'})
        rhks = sorted({iki.rhk for line in lines for iki in line.ikis},
            key=lambda r: (r.skp.employee.party.name, r.id))
        sheet = workbook.add_worksheet(_t('msg_sheet_rhk')[:31])
        cls.write_table(sheet, formats, [_t(m) for m in [
                    'msg_col_name', 'msg_col_rhk', 'msg_col_budget',
                    'msg_col_realised', 'msg_col_absorption']],
            [[rhk.skp.employee.party.name, rhk.name, _float(rhk.budget),
                _float(rhk.budget_realised), _float(rhk.budget_absorption)]
                for rhk in rhks],
            {2: 'number', 3: 'number'})


class EKinerjaXLSX(XLSXReport):
    """An employee's activities of a month in BKN e-Kinerja's "progress
    harian" columns (DOMAIN §4): Rencana Aksi, Tanggal Kegiatan, Jam Mulai,
    Jam Selesai, Kegiatan Harian, Sumber Data, Realisasi, Satuan, Bukti
    Dukung."""
    __name__ = 'skp.activity.ekinerja.xlsx'
    COLUMNS = ['Rencana Aksi', 'Tanggal Kegiatan', 'Jam Mulai',
        'Jam Selesai', 'Kegiatan Harian', 'Sumber Data', 'Realisasi',
        'Satuan', 'Bukti Dukung']

    @classmethod
    def fill(cls, workbook, formats, months, data):
        pool = Pool()
        Activity = pool.get('skp.activity')
        Attachment = pool.get('ir.attachment')
        for month in months:
            start, end = _month_range(month.year, month.month)
            activities = Activity.search([
                    ('employee', '=', month.employee.id),
                    ('date', '>=', start), ('date', '<=', end),
                    ('state', '=', 'verified'),
                    ], order=[('date', 'ASC'), ('start_time', 'ASC')])
            evidence = {}
            for attachment in Attachment.search([
                        ('resource', 'in', [str(a) for a in activities])]):
                evidence.setdefault(str(attachment.resource), []).append(
                    attachment.name)
            sheet = workbook.add_worksheet(
                ('%s %02d' % (month.employee.nip or '', month.month))[:31])
            # BKN's own column names: not translated on purpose.
            cls.write_table(sheet, formats, cls.COLUMNS, [[
                        (a.plan.name if a.plan
                            else a.iki.rec_name if a.iki else ''),
                        a.date, a.start_time.strftime('%H:%M'),
                        a.end_time.strftime('%H:%M'), a.name, 'ekinerja',
                        int(a.output_quantity or 0), a.output_uom or '',
                        ', '.join(evidence.get(str(a), []))]
                    for a in activities], {1: 'date'})
