# ASN data on company.employee and the Pejabat Penilai of an employee.
import datetime as dt
from collections import defaultdict


from trytond.backend import MAX_QUERY_PARAMS
from trytond.i18n import gettext
from trytond.model import Index, Unique, fields, tree
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.tools import grouped_slice, reduce_ids
from trytond.transaction import Transaction, without_check_access

from .ir import RuleExportMixin
from .nip import nip_error, parse_nip
from .res import SKPCacheMixin
from .tools import fresh

ASN_STATUSES = [
    (None, ""),
    ('pns', "PNS"),
    ('cpns', "CPNS"),
    ('pppk', "PPPK"),
    ]
# Pangkat/golongan of PNS (PP 99/2000) and golongan of PPPK (Perpres 98/2020).
PNS_RANKS = [
    ('I/a', "Juru Muda (I/a)"),
    ('I/b', "Juru Muda Tingkat I (I/b)"),
    ('I/c', "Juru (I/c)"),
    ('I/d', "Juru Tingkat I (I/d)"),
    ('II/a', "Pengatur Muda (II/a)"),
    ('II/b', "Pengatur Muda Tingkat I (II/b)"),
    ('II/c', "Pengatur (II/c)"),
    ('II/d', "Pengatur Tingkat I (II/d)"),
    ('III/a', "Penata Muda (III/a)"),
    ('III/b', "Penata Muda Tingkat I (III/b)"),
    ('III/c', "Penata (III/c)"),
    ('III/d', "Penata Tingkat I (III/d)"),
    ('IV/a', "Pembina (IV/a)"),
    ('IV/b', "Pembina Tingkat I (IV/b)"),
    ('IV/c', "Pembina Utama Muda (IV/c)"),
    ('IV/d', "Pembina Utama Madya (IV/d)"),
    ('IV/e', "Pembina Utama (IV/e)"),
    ]
PPPK_RANKS = [(r, "PPPK %s" % r) for r in [
        'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI',
        'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII']]
POSITION_TYPES = [
    (None, ""),
    ('jpt_madya', "JPT Madya"),
    ('jpt_pratama', "JPT Pratama"),
    ('administrator', "Administrator"),
    ('pengawas', "Pengawas"),
    ('pelaksana', "Pelaksana"),
    ('fungsional', "Fungsional"),
    ]
FUNCTIONAL_LEVELS = [
    (None, ""),
    ('ahli_utama', "Ahli Utama"),
    ('ahli_madya', "Ahli Madya"),
    ('ahli_muda', "Ahli Muda"),
    ('ahli_pertama', "Ahli Pertama"),
    ('penyelia', "Penyelia"),
    ('mahir', "Mahir"),
    ('terampil', "Terampil"),
    ('pemula', "Pemula"),
    ]


class Employee(
        SKPCacheMixin, RuleExportMixin,
        tree(parent='supervisor', name='rec_name'),
        metaclass=PoolMeta):
    __name__ = 'company.employee'

    # No size: the NIP rules give their own, clearer message.
    nip = fields.Char("NIP", strip=True,
        help="Nomor Induk Pegawai: 18 digits, birth date, TMT and gender.")
    asn_status = fields.Selection(ASN_STATUSES, "ASN Status", sort=False)
    asn_status_string = asn_status.translated('asn_status')
    rank = fields.Selection([(None, "")] + PNS_RANKS + PPPK_RANKS,
        "Pangkat/Golongan", sort=False,
        help="PNS and CPNS: I/a to IV/e; PPPK: I to XVII.")
    rank_string = rank.translated('rank')
    position = fields.Char("Jabatan", help="The name of the position.")
    position_type = fields.Selection(
        POSITION_TYPES, "Jenis Jabatan", sort=False)
    functional_level = fields.Selection(FUNCTIONAL_LEVELS, "Jenjang",
        sort=False,
        states={
            'invisible': Eval('position_type') != 'fungsional',
            },
        help="The level of a functional position (jabatan fungsional), "
        "required for it.")
    unit = fields.Many2One('skp.unit', "Unit Kerja", ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))])
    birth_date = fields.Function(fields.Date("Birth Date"), 'get_nip_data')
    gender = fields.Function(fields.Selection([
                (None, ""),
                ('male', "Male"),
                ('female', "Female"),
                ], "Gender"), 'get_nip_data')
    tmt = fields.Function(fields.Date("TMT",
            help="Start of service, from the NIP."), 'get_nip_data')
    actings = fields.One2Many('skp.acting', 'employee', "Acting Assignments",
        readonly=True)
    appraiser = fields.Function(fields.Many2One(
            'company.employee', "Pejabat Penilai",
            help="Today's Pejabat Penilai Kinerja (appraiser)."),
        'get_appraiser')
    appraiser_superior = fields.Function(fields.Many2One(
            'company.employee', "Atasan Pejabat Penilai",
            help="Today's superior of the Pejabat Penilai Kinerja."),
        'get_appraiser')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            # Clients send an empty NIP as '': only real NIPs are unique.
            ('nip_unique', Unique(t, t.nip),
                'skp_asn.msg_employee_nip_unique'),
            ]
        cls._sql_indexes.update({
                Index(t, (t.unit, Index.Range())),
                Index(t, (t.supervisor, Index.Range())),
                })

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        # An empty NIP is no NIP: NULLs do not collide in the unique index.
        if 'nip' in values and not values['nip']:
            values['nip'] = None
        return values

    @classmethod
    def get_rec_name(cls, employees, name):
        """The "Name (NIP)" of many employees in one query: lists such as the
        monthly summary show thousands (through the party's instances
        25,000 took 3.7 s). The name is the party's, as company's."""
        pool = Pool()
        Party = pool.get('party.party')
        employee, party = cls.__table__(), Party.__table__()
        cursor = Transaction().connection.cursor()
        result = {}
        for sub_ids in grouped_slice([e.id for e in employees],
                MAX_QUERY_PARAMS):
            cursor.execute(*employee.join(party,
                    condition=employee.party == party.id
                    ).select(employee.id, party.name, party.code,
                    employee.nip,
                    where=reduce_ids(employee.id, sub_ids)))
            for id_, party_name, code, nip in cursor:
                label = party_name or '[%s]' % code
                result[id_] = '%s (%s)' % (label, nip) if nip else label
        return result

    @classmethod
    def search_rec_name(cls, name, clause):
        return ['OR',
            super().search_rec_name(name, clause),
            ('nip',) + tuple(clause[1:]),
            ]

    def get_nip_data(self, name):
        parsed = parse_nip(self.nip)
        if parsed:
            return dict(zip(['birth_date', 'tmt', 'gender'], parsed))[name]

    @fields.depends('position_type', 'functional_level')
    def on_change_position_type(self):
        if self.position_type != 'fungsional':
            self.functional_level = None

    @classmethod
    def validate_fields(cls, employees, field_names):
        super().validate_fields(employees, field_names)
        cls.check_nip(employees, field_names)
        cls.check_rank(employees, field_names)
        cls.check_functional_level(employees, field_names)

    @classmethod
    def check_nip(cls, employees, field_names=None):
        if field_names and not ({'nip', 'asn_status'} & field_names):
            return
        for employee in employees:
            if not employee.nip:
                continue
            error = nip_error(employee.nip,
                pppk=employee.asn_status == 'pppk'
                if employee.asn_status else None)
            if error:
                msg_id, params = error
                raise ValidationError(gettext('skp_asn.' + msg_id,
                        nip=employee.nip, employee=employee.rec_name,
                        **params))

    @classmethod
    def check_rank(cls, employees, field_names=None):
        "PPPK have golongan I-XVII, PNS and CPNS pangkat I/a-IV/e."
        if field_names and not ({'rank', 'asn_status'} & field_names):
            return
        pppk_ranks = {r for r, _ in PPPK_RANKS}
        for employee in employees:
            if employee.rank and (
                    (employee.asn_status == 'pppk')
                    != (employee.rank in pppk_ranks)):
                raise ValidationError(gettext(
                        'skp_asn.msg_employee_rank_status',
                        employee=employee.rec_name, rank=employee.rank,
                        status=employee.asn_status_string or '-'))

    @classmethod
    def check_functional_level(cls, employees, field_names=None):
        if field_names and not (
                {'position_type', 'functional_level'} & set(field_names)):
            return
        for employee in employees:
            if ((employee.position_type == 'fungsional')
                    != bool(employee.functional_level)):
                raise ValidationError(gettext(
                        'skp_asn.msg_employee_functional_level',
                        employee=employee.rec_name))

    @classmethod
    def get_appraiser(cls, employees, names):
        result = {n: {} for n in names}
        for id_, pair in cls.get_appraisers(employees).items():
            for name, employee in zip(
                    ['appraiser', 'appraiser_superior'], pair):
                if name in result:
                    result[name][id_] = employee.id if employee else None
        return result

    @classmethod
    def get_appraisers(cls, employees, date=None):
        """Return {employee id: (Pejabat Penilai, Atasan Pejabat Penilai)}
        on `date` (today by default).

        DOMAIN §1.9: the Pejabat Penilai is the direct supervisor, or the
        official acting (Plt/Plh) for that supervisor's unit; the Atasan
        Pejabat Penilai is the Pejabat Penilai of the Pejabat Penilai.
        Without a supervisor the head of the nearest unit up the tree is
        taken."""
        pool = Pool()
        Acting = pool.get('skp.acting')
        actings = Acting.active_on(date)
        employees = fresh(cls, employees)
        result = {}
        for employee in employees:
            appraiser, position = cls._appraiser(employee, actings)
            superior = None
            if position:
                superior, _ = cls._appraiser(position, actings)
            result[employee.id] = (appraiser, superior)
        return result

    @classmethod
    def check_appraiser_of(cls, items, own_msg, other_msg):
        """Check that the user is the Pejabat Penilai of the employee of
        each (record, employee, date) and not that employee (DOMAIN §1.9).

        Appraisers are computed once per date; return {record: appraiser}.
        """
        pool = Pool()
        User = pool.get('res.user')
        user_employees = set(User.get_employees())
        by_date = defaultdict(set)
        for _, employee, date in items:
            by_date[date].add(employee)
        appraisers = {}
        for date, employees in by_date.items():
            for employee_id, (appraiser, _) in cls.get_appraisers(
                    list(employees), date).items():
                appraisers[(employee_id, date)] = appraiser
        result = {}
        for record, employee, date in items:
            appraiser = appraisers[(employee.id, date)]
            if employee.id in user_employees:
                raise AccessError(gettext(own_msg, record=record.rec_name))
            if not appraiser or appraiser.id not in user_employees:
                raise AccessError(gettext(other_msg, record=record.rec_name,
                        appraiser=appraiser.rec_name if appraiser else '-'))
            result[record] = appraiser
        return result

    @classmethod
    def appraisee_domain(cls, appraisers, path='employee', date=None):
        """Domain on `path` matching the employees whom `appraisers` (ids)
        appraise on `date`, today by default (DOMAIN §1.9).

        The candidates are found in SQL (direct reports, people of the units
        they head or act for); get_appraisers decides, so the search agrees
        with the check of who may decide."""
        pool = Pool()
        Acting = pool.get('skp.acting')
        Unit = pool.get('skp.unit')
        # "appraiser = None" matches nothing
        appraisers = [a for a in appraisers if a is not None]
        heads = [e.id for e in cls.browse(appraisers)]
        units = [u.id for u in Unit.search([('head', 'in', heads)])]
        for acting in Acting.active_on(date):
            if acting.employee.id in appraisers:
                units.append(acting.unit.id)
                if acting.unit.head:
                    heads.append(acting.unit.head.id)
        with without_check_access():
            candidates = cls.search(['OR',
                    ('supervisor', 'in', heads),
                    [('supervisor', '=', None),
                        ('unit', 'child_of', units, 'parent')],
                    ])
        appraised = [i for i, (appraiser, _)
            in cls.get_appraisers(candidates, date).items()
            if appraiser and appraiser.id in appraisers]
        return [(path, 'in', appraised)]

    @classmethod
    def appraisee_dated_domain(cls, appraisers, path='employee',
            date_path='date'):
        """Domain on records with an employee (`path`) and a date
        (`date_path`) matching those whose employee `appraisers` appraise
        on the record's date (DOMAIN §1.9).

        Only acting assignments (Plt/Plh) of, or for, the appraisers change
        whom they appraise over time: their bounds cut the dates into spans
        with one answer each."""
        pool = Pool()
        Acting = pool.get('skp.acting')
        appraisers = [a for a in appraisers if a is not None]
        actings = Acting.search(['OR',
                ('employee', 'in', appraisers),
                ('unit.head', 'in', appraisers),
                ])
        bounds = sorted({a.start_date for a in actings}
            | {a.end_date + dt.timedelta(days=1) for a in actings})
        if not bounds:
            return cls.appraisee_domain(appraisers, path)
        spans = ([(None, bounds[0])] + list(zip(bounds, bounds[1:]))
            + [(bounds[-1], None)])
        domain = ['OR']
        for start, end in spans:
            on = start or end - dt.timedelta(days=1)
            span = [cls.appraisee_domain(appraisers, path, on)]
            if start:
                span.append((date_path, '>=', start))
            if end:
                span.append((date_path, '<', end))
            domain.append(span)
        return domain

    @classmethod
    def _appraiser(cls, employee, actings):
        """Return the appraiser of `employee` and the employee whose
        position the appraiser holds (the absent head for a Plt/Plh)."""
        by_head = {a.unit.head: a for a in actings if a.unit.head}
        # Only a vacant unit's acting official appraises its people
        # directly: the head of a unit is not appraised by their own Plt.
        by_vacant_unit = {a.unit: a for a in actings if not a.unit.head}
        supervisor = employee.supervisor or employee._unit_head()
        acting = by_head.get(supervisor) if supervisor else None
        if not acting and not employee.supervisor and employee.unit:
            acting = by_vacant_unit.get(employee.unit)
        if acting and acting.employee != employee:
            return acting.employee, acting.unit.head or acting.employee
        return supervisor, supervisor

    def _unit_head(self):
        "The head of the nearest unit up the tree that is not self."
        unit = self.unit
        while unit:
            if unit.head and unit.head != self:
                return unit.head
            unit = unit.parent
