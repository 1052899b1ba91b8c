# SKP (Sasaran Kinerja Pegawai): the yearly plan of an employee and its
# approval by the Pejabat Penilai (DOMAIN §1.2-1.4, §1.9, §1.10).
import datetime as dt

from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Workflow, fields)
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool
from trytond.pyson import Bool, Eval, If
from trytond.tools import reduce_ids
from trytond.transaction import Transaction, without_check_access

from .ir import RuleExportMixin
from .notification import notify, users_of

APPROACHES = [
    ('kualitatif', "Qualitative (kualitatif)"),
    ('kuantitatif', "Quantitative (kuantitatif)"),
    ]
# Fields only the workflow writes; everything else is the employee's plan.
WORKFLOW_FIELDS = {
    'state', 'approved_by', 'approved_date', 'late', 'return_reason',
    'signatories', 'version', 'previous'}


class SKP(RuleExportMixin, Workflow, ModelSQL, ModelView):
    __name__ = 'skp.skp'
    __string__ = "SKP"
    _log = True

    _states = {'readonly': Eval('state') != 'draft'}

    company = fields.Many2One('company.company', "Company", required=True,
        ondelete='RESTRICT', states=_states)
    employee = fields.Many2One('company.employee', "Employee", required=True,
        ondelete='RESTRICT', states=_states,
        domain=[('company', '=', Eval('company', -1))])
    period = fields.Many2One('skp.period', "Period", required=True,
        ondelete='RESTRICT', states=_states,
        domain=[('company', '=', Eval('company', -1))])
    start_date = fields.Date("Start Date", required=True, states=_states,
        domain=[If(Eval('start_date') & Eval('end_date'),
            ('start_date', '<=', Eval('end_date')), ())])
    end_date = fields.Date("End Date", required=True, states=_states,
        domain=[If(Eval('start_date') & Eval('end_date'),
            ('end_date', '>=', Eval('start_date')), ())])
    approach = fields.Selection(APPROACHES, "Approach", required=True,
        states=_states,
        help="Quantitative: measurable targets stated apart from the "
        "indicator; qualitative: the expected result is described.")
    version = fields.Integer("Version", readonly=True)
    previous = fields.Many2One('skp.skp', "Previous Version", readonly=True,
        ondelete='RESTRICT')
    revisions = fields.One2Many('skp.skp', 'previous', "Revisions",
        readonly=True)
    rhks = fields.One2Many('skp.rhk', 'skp', "Work Results (RHK)",
        states=_states)
    expectations = fields.One2Many('skp.skp.expectation', 'skp',
        "Behaviour Expectations", states=_states,
        help="The Pejabat Penilai writes the specific expectations from "
        "SKP to Approve > Behaviour Expectations.")
    resource_support = fields.Text("Resource Support", states=_states,
        help="Dukungan sumber daya: what the leader provides.")
    accountability = fields.Text("Accountability Scheme", states=_states,
        help="Skema pertanggungjawaban: how and when results are reported.")
    consequences = fields.Text("Consequences", states=_states,
        help="Konsekuensi of meeting or missing the expectations.")
    appraiser = fields.Function(fields.Many2One(
            'company.employee', "Pejabat Penilai"),
        'get_appraiser', searcher='search_appraiser')
    approved_by = fields.Many2One('company.employee', "Approved By",
        readonly=True, ondelete='RESTRICT')
    approved_date = fields.Date("Approved Date", readonly=True)
    late = fields.Boolean("Late", readonly=True,
        help="Approved after the period's SKP deadline.")
    return_reason = fields.Text("Return Reason", readonly=True,
        states={'invisible': ~Eval('return_reason')})
    signatories = fields.One2Many('skp.signatory', 'skp', "Signatories",
        readonly=True,
        help="The employee and the appraisers as they were when approved.")
    state = fields.Selection([
            ('draft', "Draft"),
            ('submitted', "Submitted"),
            ('returned', "Returned"),
            ('approved', "Approved"),
            ('superseded', "Superseded"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.employee, Index.Equality()),
                    (t.start_date, Index.Range())),
                Index(t, (t.state, Index.Equality())),
                })
        cls._order = [('start_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'submitted'),
            ('submitted', 'returned'),
            ('returned', 'draft'),
            ('submitted', 'approved'),
            ('approved', 'superseded'),
            }
        cls._buttons.update({
                'submit': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'return_': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-back',
                    'depends': ['state'],
                    },
                'draft': {
                    'invisible': Eval('state') != 'returned',
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                'approve': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'revise': {
                    'invisible': ((Eval('state') != 'approved')
                        | Bool(Eval('revisions'))),
                    'icon': 'tryton-copy',
                    'depends': ['state', 'revisions'],
                    },
                'start_new': {
                    'invisible': Eval('state') != 'approved',
                    'icon': 'tryton-launch',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_employee():
        return Transaction().context.get('employee')

    @classmethod
    def default_state(cls):
        return 'draft'

    @classmethod
    def default_version(cls):
        return 1

    @classmethod
    def default_approach(cls):
        return 'kualitatif'

    @classmethod
    def default_expectations(cls):
        "One line per BerAKHLAK core value (DOMAIN §1.4)."
        pool = Pool()
        Behaviour = pool.get('skp.behaviour')
        return [{'behaviour': b.id} for b in Behaviour.search([])]

    @fields.depends('period', 'start_date', 'end_date')
    def on_change_period(self):
        if self.period:
            self.start_date = self.period.start_date
            self.end_date = self.period.end_date

    @fields.depends('employee', 'approach')
    def on_change_employee(self):
        if self.employee and self.employee.position_type in {
                'jpt_madya', 'jpt_pratama'}:
            self.approach = 'kuantitatif'

    def get_rec_name(self, name):
        return '%s - %s v%s' % (
            self.employee.rec_name, self.period.rec_name, self.version)

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('employee.rec_name',) + tuple(clause[1:])]

    @property
    def decision_date(self):
        "The date on which the Pejabat Penilai is determined."
        Date = Pool().get('ir.date')
        return min(max(Date.today(), self.start_date), self.end_date)

    @classmethod
    def get_appraiser(cls, skps, name):
        pool = Pool()
        Employee = pool.get('company.employee')
        result = {}
        for skp in skps:
            appraisers = Employee.get_appraisers(
                [skp.employee], skp.decision_date)
            appraiser, _ = appraisers[skp.employee.id]
            result[skp.id] = appraiser.id if appraiser else None
        return result

    @classmethod
    def search_appraiser(cls, name, clause):
        "The SKP whose employee the given employees appraise today."
        pool = Pool()
        Employee = pool.get('company.employee')
        _, operator, value = clause[:3]
        if operator not in {'=', 'in'}:
            return [('employee.supervisor',) + tuple(clause[1:])]
        return Employee.appraisee_domain(
            value if operator == 'in' else [value])

    @classmethod
    def validate_fields(cls, skps, field_names):
        super().validate_fields(skps, field_names)
        cls.check_dates(skps, field_names)
        cls.check_overlap(skps, field_names)

    @classmethod
    def check_dates(cls, skps, field_names=None):
        if field_names and not (
                {'start_date', 'end_date', 'period'} & field_names):
            return
        for skp in skps:
            if not (skp.period.start_date <= skp.start_date
                    and skp.end_date <= skp.period.end_date):
                raise ValidationError(gettext(
                        'skp_asn.msg_skp_outside_period',
                        skp=skp.rec_name, period=skp.period.rec_name))

    @classmethod
    def check_overlap(cls, skps, field_names=None):
        "One SKP in force per employee and day; a revision replaces its "
        "previous version instead of overlapping it."
        if field_names and not (
                {'employee', 'start_date', 'end_date', 'state'}
                & field_names):
            return
        for skp in skps:
            if skp.state == 'superseded':
                continue
            domain = [
                ('id', '!=', skp.id),
                ('employee', '=', skp.employee.id),
                ('state', '!=', 'superseded'),
                ('start_date', '<=', skp.end_date),
                ('end_date', '>=', skp.start_date),
                ]
            if skp.previous:
                domain.append(('id', '!=', skp.previous.id))
            domain.append(
                ['OR', ('previous', '=', None), ('previous', '!=', skp.id)])
            others = cls.search(domain, limit=1)
            if others:
                raise ValidationError(gettext(
                        'skp_asn.msg_skp_overlap',
                        skp=skp.rec_name, other=others[0].rec_name))

    @classmethod
    def check_modification(cls, mode, skps, values=None, external=False):
        super().check_modification(
            mode, skps, values=values, external=external)
        values = set(values or [])
        if external and mode == 'create':
            # A new SKP is a plain draft whatever the caller sends
            values = set().union(*(s._workflow_values() for s in skps))
        if external and values & WORKFLOW_FIELDS:
            raise AccessError(gettext('skp_asn.msg_skp_workflow_field',
                    fields=', '.join(sorted(values & WORKFLOW_FIELDS))))
        internal = not external and values <= WORKFLOW_FIELDS | {'end_date'}
        for skp in skps:
            skp.period.check_open()
            if mode != 'create' and not internal:
                skp.check_draft()

    def _workflow_values(self):
        "The workflow fields that differ from those of a new draft."
        defaults = self.default_get(
            list(WORKFLOW_FIELDS), with_rec_name=False)
        return {n for n in WORKFLOW_FIELDS
            if (getattr(self, n) or None) != (defaults.get(n) or None)}

    def check_draft(self, states=('draft',)):
        if self.state not in states:
            raise AccessError(gettext('skp_asn.msg_skp_not_draft',
                    skp=self.rec_name, state=self.state_string))

    @classmethod
    def copy(cls, skps, default=None):
        default = default.copy() if default is not None else {}
        for name in ['approved_by', 'approved_date', 'late', 'return_reason',
                'signatories', 'previous', 'revisions']:
            default.setdefault(name, None)
        default.setdefault('version', 1)
        return super().copy(skps, default=default)

    @classmethod
    def check_owner(cls, skps):
        """Only the employee, or HR on their behalf, edits and submits.

        HR (Admin OPD, Admin BKPSDM) reach only the records their rules
        allow; the button's read check has already enforced that."""
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        groups = set(User.get_groups())
        hr = {ModelData.get_id('skp_asn', 'group_skp_admin_opd'),
            ModelData.get_id('skp_asn', 'group_skp_admin')}
        employees = set(User.get_employees())
        for skp in skps:
            if skp.employee.id not in employees and not (groups & hr):
                raise AccessError(gettext(
                        'skp_asn.msg_skp_not_owner', skp=skp.rec_name))

    @classmethod
    def check_appraiser(cls, skps):
        """Only the Pejabat Penilai of the employee on the decision date
        (including a Plt/Plh) approves or returns (DOMAIN §1.9)."""
        pool = Pool()
        Employee = pool.get('company.employee')
        Employee.check_appraiser_of(
            [(s, s.employee, s.decision_date) for s in skps],
            'skp_asn.msg_skp_own', 'skp_asn.msg_skp_not_appraiser')

    @classmethod
    def check_complete(cls, skps):
        pool = Pool()
        RHK = pool.get('skp.rhk')
        for skp in skps:
            # The leaders may have changed since the draft was saved
            RHK.check_intervention(skp.rhks)
            if not any(r.kind == 'utama' for r in skp.rhks):
                raise ValidationError(gettext(
                        'skp_asn.msg_skp_no_main_rhk', skp=skp.rec_name))
            for rhk in skp.rhks:
                if not rhk.indicators:
                    raise ValidationError(gettext(
                            'skp_asn.msg_rhk_no_indicator',
                            rhk=rhk.rec_name))

    @classmethod
    def _notify(cls, skps, whom, message_id):
        for skp in skps:
            notify(users_of([getattr(skp, whom)]), message_id, skp,
                skp=skp.rec_name)

    @classmethod
    @ModelView.button
    @Workflow.transition('submitted')
    def submit(cls, skps):
        cls.check_owner(skps)
        cls.check_complete(skps)
        cls._notify(skps, 'appraiser',
            'skp_asn.msg_skp_submitted_notification')

    @classmethod
    @ModelView.button_action('skp_asn.wizard_skp_return')
    def return_(cls, skps):
        cls.check_appraiser(skps)

    @classmethod
    def return_with_reason(cls, skps, reason):
        # Called by the return wizard, not a button: the SKP may have been
        # decided since the wizard opened, or at the same instant in
        # another session; the transition would skip it without a word.
        for skp in skps:
            skp.check_draft(states=('submitted',))
        cls._return_with_reason(skps, reason)

    @classmethod
    @Workflow.transition('returned')
    def _return_with_reason(cls, skps, reason):
        cls.check_appraiser(skps)
        cls._claim_submitted(skps)
        if not (reason or '').strip():
            raise ValidationError(gettext(
                    'skp_asn.msg_skp_return_reason'))
        cls.write(skps, {'return_reason': reason})
        cls._notify(skps, 'employee',
            'skp_asn.msg_skp_returned_notification')

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, skps):
        cls.check_owner(skps)

    @classmethod
    @ModelView.button
    @Workflow.transition('approved')
    def approve(cls, skps):
        pool = Pool()
        Date = pool.get('ir.date')
        cls.check_appraiser(skps)
        cls._claim_submitted(skps)
        today = Date.today()
        for skp in skps:
            skp.approved_by = skp.appraiser
            skp.approved_date = today
            # DOMAIN §1.3, §8: a yearly SKP set after the deadline is late
            skp.late = (skp.version == 1
                and skp.start_date == skp.period.start_date
                and today > skp.period.deadline)
            skp.signatories = skp._signatories()
        cls.save(skps)
        cls.supersede([s.previous for s in skps if s.previous])
        cls._notify(skps, 'employee',
            'skp_asn.msg_skp_approved_notification')

    @classmethod
    def _claim_submitted(cls, skps):
        """Refuse the decision unless the SKPs are still submitted, as the
        UPDATE finds them: two decisions at the same instant (two sessions
        of the appraiser, or the appraiser and a Plt) are not both taken.
        PostgreSQL already fails the second on the serialization conflict
        and the retry sees the first; on SQLite the reads before the first
        write are outside the transaction, and this UPDATE is what starts
        it under the write lock."""
        if not skps:
            return
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        ids = [s.id for s in skps]
        # Writing the state it has locks the rows (PostgreSQL) or the
        # database (SQLite)
        cursor.execute(*table.update([table.state], ['submitted'],
                where=reduce_ids(table.id, ids)
                & (table.state == 'submitted')))
        if cursor.rowcount == len(ids):
            return
        cursor.execute(*table.select(table.id, table.state,
                where=reduce_ids(table.id, ids)
                & (table.state != 'submitted')))
        id_, state = cursor.fetchone() or (ids[0], None)
        states = dict(cls.fields_get(['state'])['state']['selection'])
        raise AccessError(gettext('skp_asn.msg_skp_not_draft',
                skp=cls(id_).rec_name, state=states.get(state, state)))

    def _signatories(self):
        pool = Pool()
        Employee = pool.get('company.employee')
        Signatory = pool.get('skp.signatory')
        appraiser, superior = Employee.get_appraisers(
            [self.employee], self.decision_date)[self.employee.id]
        return [Signatory.from_employee(role, employee)
            for role, employee in [
                ('employee', self.employee),
                ('appraiser', appraiser),
                ('superior', superior)]
            if employee]

    @classmethod
    @Workflow.transition('superseded')
    def supersede(cls, skps):
        pass

    @classmethod
    @ModelView.button_action('skp_asn.act_skp_form')
    def revise(cls, skps):
        """Start a new version of an approved SKP; the old one stays in force.
        The client opens the new versions (or those already started)."""
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        cls.check_owner(skps)
        revisions = []
        for skp in skps:
            if skp.revisions:
                revisions.extend(skp.revisions)
                continue
            revision, = cls.copy([skp], default={
                    'previous': skp.id,
                    'version': skp.version + 1,
                    })
            revisions.append(revision)
        return {
            # sao titles the tab "<name> (<the SKP it started from>)"
            'name': gettext('skp_asn.msg_skp_revision_action'),
            'res_id': [r.id for r in revisions],
            'views': [
                (ModelData.get_id('skp_asn', 'skp_view_form'), 'form'),
                (ModelData.get_id('skp_asn', 'skp_view_list'), 'tree'),
                ],
            'domains': [],
            }

    @classmethod
    @ModelView.button_action('skp_asn.wizard_skp_start_new')
    def start_new(cls, skps):
        cls.check_owner(skps)

    def start_new_from(self, date):
        """End this SKP the day before `date` and start a draft copy on
        `date`, after a change of job or of Pejabat Penilai (DOMAIN §1.3)."""
        if not (self.start_date < date <= self.end_date):
            raise ValidationError(gettext(
                    'skp_asn.msg_skp_start_new_date', skp=self.rec_name))
        end_date = self.end_date
        with without_check_access():
            self.__class__.write(
                [self], {'end_date': date - dt.timedelta(days=1)})
        with Transaction().set_context(_skp_start_new=True):
            new, = self.__class__.copy([self], default={
                    'start_date': date,
                    'end_date': end_date,
                    })
        return new


class Expectation(RuleExportMixin, ModelSQL, ModelView):
    "The leader's specific expectation for one core value on one SKP."
    __name__ = 'skp.skp.expectation'
    __string__ = "Behaviour Expectation"

    skp = fields.Many2One('skp.skp', "SKP", required=True,
        ondelete='CASCADE')
    behaviour = fields.Many2One('skp.behaviour', "Core Value",
        required=True, ondelete='RESTRICT')
    guides = fields.Function(fields.Text("Behaviour Guides"),
        'on_change_with_guides')
    expectation = fields.Text("Specific Expectation",
        help="Ekspektasi khusus pimpinan for this core value.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('skp')
        cls._order = [('skp', 'ASC'), ('behaviour.sequence', 'ASC'),
            ('id', 'ASC')]

    @fields.depends('behaviour')
    def on_change_with_guides(self, name=None):
        return self.behaviour.guides if self.behaviour else None

    @classmethod
    def check_modification(cls, mode, records, values=None, external=False):
        pool = Pool()
        User = pool.get('res.user')
        super().check_modification(
            mode, records, values=values, external=external)
        # The leader sets expectations while reviewing a submitted SKP;
        # the employee's part ends with the submission.
        employees = set(User.get_employees()) if external else set()
        for record in records:
            if record.skp.employee.id in employees:
                record.skp.check_draft()
            else:
                record.skp.check_draft(states=('draft', 'submitted'))
