# Aktivitas harian: the daily activities an employee logs against the
# approved SKP, their evidence and their verification by the Pejabat
# Penilai (DOMAIN §1.2, §1.10, §5, §8).
import datetime as dt
import hashlib
import json
from collections import defaultdict
from decimal import Decimal

from trytond import backend
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Workflow, fields
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool
from trytond.pyson import Bool, Eval
from trytond.transaction import Transaction

from .activity_overlap import OVERLAP_FIELDS, OverlapMixin
from .activity_summary import day_id, month_id
from .ir import RuleExportMixin
from .notification import notify, users_of
from .tools import drop_name_index
from .workdays import add_working_days, is_last_working_day_of_week

# Fields only the workflow writes.
WORKFLOW_FIELDS = {
    'state', 'submitted_at', 'verified_at', 'verified_by', 'reject_reason',
    'verification_hours', 'verified_on_time', 'evidence_hashes'}
EDITABLE_STATES = {'draft', 'rejected'}


class Activity(OverlapMixin, RuleExportMixin, Workflow, ModelSQL, ModelView):
    __name__ = 'skp.activity'
    __string__ = "Daily Activity"

    _states = {'readonly': ~Eval('state').in_(list(EDITABLE_STATES))}

    company = fields.Many2One('company.company', "Company", required=True,
        ondelete='RESTRICT', states=_states)
    employee = fields.Many2One('company.employee', "Employee", required=True,
        ondelete='RESTRICT', states=_states,
        domain=[('company', '=', Eval('company', -1))])
    date = fields.Date("Date", required=True, states=_states)
    start_time = fields.Time("Start", required=True, format='%H:%M',
        states=_states)
    end_time = fields.Time("End", required=True, format='%H:%M',
        states=_states)
    minutes = fields.Integer("Minutes", readonly=True)
    name = fields.Text("Description", required=True, states=_states)
    additional = fields.Boolean("Additional Task", states=_states,
        help="A task outside the SKP (tugas tambahan).")
    iki = fields.Many2One('skp.iki', "IKI", ondelete='RESTRICT',
        domain=[
            ('rhk.skp.employee', '=', Eval('employee', -1)),
            ('rhk.skp.state', '=', 'approved'),
            ('rhk.skp.start_date', '<=', Eval('date', None)),
            ('rhk.skp.end_date', '>=', Eval('date', None)),
            ],
        states={
            'readonly': _states['readonly'],
            'required': ~Eval('additional', False),
            'invisible': Bool(Eval('additional', False)),
            },
        help="The indicator of the approved SKP the activity serves.")
    plan = fields.Many2One('skp.iki.plan', "Action Plan",
        ondelete='RESTRICT',
        domain=[
            ('iki', '=', Eval('iki', -1)),
            ('evaluation_period.start_date', '<=', Eval('date', None)),
            ('evaluation_period.end_date', '>=', Eval('date', None)),
            ],
        states={
            'readonly': _states['readonly'],
            'invisible': Bool(Eval('additional', False)),
            })
    output_quantity = fields.Numeric("Output", digits=(16, 2),
        states=_states)
    output_uom = fields.Char("Output Unit", states=_states)
    budget_line = fields.Many2One('skp.budget.line', "Budget Line",
        ondelete='RESTRICT', states=_states,
        domain=[('ikis', '=', Eval('iki', -1))],
        help="The budget line the spending of this activity is realised "
        "against, once verified.")
    budget_amount = fields.Numeric("Budget Realisation", digits=(16, 2),
        states={
            'readonly': _states['readonly'],
            'required': Bool(Eval('budget_line')),
            'invisible': ~Eval('budget_line'),
            })
    state = fields.Selection([
            ('draft', "Draft"),
            ('submitted', "Submitted"),
            ('verified', "Verified"),
            ('rejected', "Rejected"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')
    submitted_at = fields.DateTime("Submitted At", readonly=True)
    verified_at = fields.DateTime("Verified At", readonly=True)
    verified_by = fields.Many2One('company.employee', "Verified By",
        readonly=True, ondelete='RESTRICT')
    verification_hours = fields.Numeric("Verification Time (hours)",
        digits=(16, 1), readonly=True,
        help="From submission to verification or rejection.")
    verified_on_time = fields.Boolean("Verified on Time", readonly=True)
    reject_reason = fields.Text("Reason for Rejection", readonly=True,
        states={'invisible': ~Eval('reject_reason')})
    evidence_hashes = fields.Text("Evidence Fingerprints", readonly=True,
        help="SHA-256 of each evidence file when the activity was "
        "submitted.")
    appraiser = fields.Function(fields.Many2One(
            'company.employee', "Pejabat Penilai"),
        'get_appraiser', searcher='search_appraiser')
    evidence_intact = fields.Function(fields.Boolean("Evidence Intact",
            help="The evidence files are those fingerprinted at "
            "submission."), 'get_evidence_intact')

    del _states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        drop_name_index(cls)
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.employee, Index.Equality()),
                    (t.date, Index.Range())),
                Index(t, (t.state, Index.Equality()),
                    where=t.state == 'submitted'),
                Index(t, (t.date, Index.Range())),
                # IKI realisation from activities (evaluation.create_for)
                Index(t, (t.iki, Index.Equality()),
                    (t.date, Index.Range())),
                })
        if backend.name == 'postgresql':
            # Days and months (skp.activity.day, .month) read by id
            cls._sql_indexes.update({
                    Index(t, (day_id(t.employee, t.date),
                            Index.Equality())),
                    Index(t, (month_id(t.employee, t.date),
                            Index.Equality())),
                    })
        cls._order = [('date', 'DESC'), ('start_time', 'DESC'),
            ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'submitted'),
            ('rejected', 'submitted'),
            ('submitted', 'verified'),
            ('submitted', 'rejected'),
            }
        cls._buttons.update({
                'submit': {
                    'invisible': ~Eval('state').in_(list(EDITABLE_STATES)),
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'verify': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'reject': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-cancel',
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
    def default_date(cls):
        return Transaction().context.get('date') or (
            Pool().get('ir.date').today())

    @classmethod
    def default_state(cls):
        return 'draft'

    @classmethod
    def default_additional(cls):
        return False

    @classmethod
    def default_iki(cls):
        "The IKI the employee used last, to make a day's entry quick."
        employee = cls.default_employee()
        if not employee:
            return None
        last = cls.search([
                ('employee', '=', employee),
                ('iki', '!=', None),
                ('iki.rhk.skp.state', '=', 'approved'),
                ], order=[('create_date', 'DESC'), ('id', 'DESC')], limit=1)
        return last[0].iki.id if last else None

    @fields.depends('start_time', 'end_time')
    def on_change_with_minutes(self):
        return self.compute_minutes(self.start_time, self.end_time)

    @staticmethod
    def compute_minutes(start, end):
        if start and end and end > start:
            return ((end.hour * 60 + end.minute)
                - (start.hour * 60 + start.minute))

    @fields.depends('iki', 'output_uom')
    def on_change_iki(self):
        if self.iki and not self.output_uom:
            self.output_uom = self.iki.uom

    @fields.depends('additional', 'iki', 'plan')
    def on_change_additional(self):
        if self.additional:
            self.iki = self.plan = None

    def get_rec_name(self, name):
        return '%s %s-%s %s' % (self.date, self.start_time.strftime('%H:%M'),
            self.end_time.strftime('%H:%M'),
            (self.name or '').splitlines()[0][:60])

    @classmethod
    def check_modification(cls, mode, activities, values=None,
            external=False):
        super().check_modification(
            mode, activities, values=values, external=external)
        values = set(values or [])
        if external and values & WORKFLOW_FIELDS:
            raise AccessError(gettext('skp_asn.msg_activity_workflow_field',
                    fields=', '.join(sorted(values & WORKFLOW_FIELDS))))
        internal = not external and values <= WORKFLOW_FIELDS
        for activity in activities:
            if mode != 'create' and not internal and (
                    activity.state not in EDITABLE_STATES):
                raise AccessError(gettext('skp_asn.msg_activity_locked',
                        activity=activity.rec_name,
                        state=activity.state_string))
        if not internal:
            cls.check_period_open(activities)

    @classmethod
    def check_period_open(cls, activities):
        pool = Pool()
        Period = pool.get('skp.period')
        closed = Period.closed_ranges()
        for activity in activities:
            for start, end, period in closed:
                if start <= activity.date <= end:
                    raise AccessError(gettext('skp_asn.msg_period_closed',
                            period=Period(period).rec_name))

    @classmethod
    def create(cls, vlist):
        transaction = Transaction()
        # Through RPC the workflow fields are ignored, not refused: clients
        # send their defaults (preprocess_values runs without access check).
        external = transaction.user and transaction.check_access
        vlist = [v.copy() for v in vlist]
        for values in vlist:
            if external:
                for name in WORKFLOW_FIELDS:
                    values.pop(name, None)
            values['minutes'] = cls.compute_minutes(
                values.get('start_time'), values.get('end_time'))
        activities = super().create(vlist)
        cls.check_no_overlap()
        return activities

    @classmethod
    def write(cls, *args):
        actions = iter(args)
        args = []
        for activities, values in zip(actions, actions):
            # The minutes always follow the times, whatever is written.
            if {'start_time', 'end_time', 'minutes'} & values.keys():
                for activity in activities:
                    args.extend(([activity], {**values,
                                'minutes': cls.compute_minutes(
                                    values.get('start_time',
                                        activity.start_time),
                                    values.get('end_time',
                                        activity.end_time))}))
            else:
                args.extend((activities, values))
        if args:
            super().write(*args)
            if any(OVERLAP_FIELDS & v.keys() for v in args[1::2]):
                cls.check_no_overlap()

    @classmethod
    def validate_fields(cls, activities, field_names):
        super().validate_fields(activities, field_names)
        cls.check_times(activities, field_names)
        cls.check_amounts(activities, field_names)
        cls.check_not_future(activities, field_names)
        cls.check_overlap(activities, field_names)

    @classmethod
    def check_times(cls, activities, field_names=None):
        if field_names and not ({'start_time', 'end_time'} & field_names):
            return
        for activity in activities:
            if activity.end_time <= activity.start_time:
                raise ValidationError(gettext(
                        'skp_asn.msg_activity_end_before_start',
                        activity=activity.rec_name))

    @classmethod
    def check_amounts(cls, activities, field_names=None):
        if field_names and not (
                {'output_quantity', 'budget_amount'} & field_names):
            return
        for activity in activities:
            if ((activity.output_quantity or 0) < 0
                    or (activity.budget_amount or 0) < 0):
                raise ValidationError(gettext(
                        'skp_asn.msg_activity_negative',
                        activity=activity.rec_name))

    @classmethod
    def check_not_future(cls, activities, field_names=None):
        pool = Pool()
        Date = pool.get('ir.date')
        if field_names and 'date' not in field_names:
            return
        today = Date.today()
        for activity in activities:
            if activity.date > today:
                raise ValidationError(gettext(
                        'skp_asn.msg_activity_future',
                        activity=activity.rec_name))

    @classmethod
    def copy(cls, activities, default=None):
        default = default.copy() if default is not None else {}
        for name in WORKFLOW_FIELDS - {'state'}:
            default.setdefault(name, None)
        return super().copy(activities, default=default)

    @classmethod
    def get_appraiser(cls, activities, name):
        return {a.id: p.id if p else None
            for a, p in cls.appraisers(activities).items()}

    @classmethod
    def search_appraiser(cls, name, clause):
        """Activities whose Pejabat Penilai on their date is one of the
        given employees (a Plt's for the dates of the assignment)."""
        pool = Pool()
        Employee = pool.get('company.employee')
        _, operator, value = clause[:3]
        if operator not in {'=', 'in'}:
            return [('employee.supervisor',) + tuple(clause[1:])]
        return Employee.appraisee_dated_domain(
            value if operator == 'in' else [value])

    # Evidence

    def _evidence(self):
        pool = Pool()
        Attachment = pool.get('ir.attachment')
        attachments = Attachment.search([
                ('resource', '=', str(self)),
                ], order=[('name', 'ASC'), ('id', 'ASC')])
        return [{
                'name': a.name,
                'sha256': hashlib.sha256(
                    a.data or (a.link or '').encode()).hexdigest(),
                } for a in attachments]

    def get_evidence_intact(self, name):
        if self.evidence_hashes is None:
            return None
        return json.loads(self.evidence_hashes) == self._evidence()

    # Workflow

    @classmethod
    def check_owner(cls, activities):
        pool = Pool()
        User = pool.get('res.user')
        employees = set(User.get_employees())
        for activity in activities:
            if activity.employee.id not in employees:
                raise AccessError(gettext(
                        'skp_asn.msg_activity_not_owner',
                        activity=activity.rec_name))

    @classmethod
    def check_submission_deadline(cls, activities):
        "DOMAIN §8: late entry tolerance in working days."
        pool = Pool()
        Date = pool.get('ir.date')
        Configuration = pool.get('skp.configuration')
        Holiday = pool.get('skp.holiday')
        config = Configuration(1)
        days_per_week = int(config.working_days)
        holidays = Holiday.dates()
        today = Date.today()
        for activity in activities:
            if is_last_working_day_of_week(activity.date, days_per_week):
                deadline = activity.date + dt.timedelta(
                    days=config.entry_tolerance_last_day)
            else:
                deadline = add_working_days(activity.date,
                    config.entry_tolerance, days_per_week, holidays)
            if today > deadline:
                raise ValidationError(gettext(
                        'skp_asn.msg_activity_late',
                        activity=activity.rec_name, deadline=deadline))

    @classmethod
    def appraisers(cls, activities):
        "The Pejabat Penilai of each activity's employee on its date."
        pool = Pool()
        Employee = pool.get('company.employee')
        by_date = defaultdict(set)
        for activity in activities:
            by_date[activity.date].add(activity.employee)
        result = {}
        for date, employees in by_date.items():
            for employee_id, (appraiser, _) in Employee.get_appraisers(
                    list(employees), date).items():
                result[(employee_id, date)] = appraiser
        return {a: result[(a.employee.id, a.date)] for a in activities}

    @classmethod
    def check_appraiser(cls, activities):
        "Return {activity: appraiser} once the user is checked to be it."
        pool = Pool()
        Employee = pool.get('company.employee')
        return Employee.check_appraiser_of(
            [(a, a.employee, a.date) for a in activities],
            'skp_asn.msg_activity_own', 'skp_asn.msg_activity_not_appraiser')

    @classmethod
    @ModelView.button
    @Workflow.transition('submitted')
    def submit(cls, activities):
        cls.check_owner(activities)
        cls.check_period_open(activities)
        cls.check_submission_deadline(activities)
        now = dt.datetime.now()
        for activity in activities:
            activity.submitted_at = now
            activity.evidence_hashes = json.dumps(activity._evidence())
            # A resubmission awaits a new decision
            activity.verified_at = activity.verified_by = None
            activity.verification_hours = activity.verified_on_time = None
            activity.reject_reason = None
        cls.save(activities)

    @classmethod
    @ModelView.button
    @Workflow.transition('verified')
    def verify(cls, activities):
        pool = Pool()
        Realisation = pool.get('skp.budget.realisation')
        cls._decide(activities)
        # Spending becomes budget realisation once verified; the pagu
        # check of the realisation refuses the verification if exceeded.
        Realisation.create([{
                    'line': a.budget_line.id,
                    'date': a.date,
                    'amount': a.budget_amount,
                    'activity': a.id,
                    'description': a.name.splitlines()[0][:100],
                    } for a in activities
                if a.budget_line and a.budget_amount])

    @classmethod
    @ModelView.button_action('skp_asn.wizard_activity_reject')
    def reject(cls, activities):
        cls.check_appraiser(activities)

    @classmethod
    def reject_with_reason(cls, activities, reason):
        # Called by the reject wizard, not a button: the activity may have
        # been decided since the wizard opened, or at the same instant in
        # another session; the transition would skip it without a word.
        for activity in activities:
            if activity.state != 'submitted':
                raise AccessError(gettext('skp_asn.msg_activity_locked',
                        activity=activity.rec_name,
                        state=activity.state_string))
        cls._reject_with_reason(activities, reason)

    @classmethod
    @Workflow.transition('rejected')
    def _reject_with_reason(cls, activities, reason):
        if not (reason or '').strip():
            raise ValidationError(gettext(
                    'skp_asn.msg_activity_reject_reason'))
        cls._decide(activities, reject_reason=reason)

    @classmethod
    def _decide(cls, activities, **values):
        "Record who decided and how long it took, in few writes."
        pool = Pool()
        Configuration = pool.get('skp.configuration')
        appraisers = cls.check_appraiser(activities)
        cls.check_period_open(activities)
        limit = Configuration(1).verification_days * 24
        now = dt.datetime.now()
        groups = defaultdict(list)
        for activity, appraiser in appraisers.items():
            seconds = (now - activity.submitted_at).total_seconds()
            hours = Decimal(str(round(seconds / 3600, 1)))
            groups[(appraiser.id, hours)].append(activity)
        args = []
        for (appraiser, hours), records in groups.items():
            args.extend((records, {
                        'verified_at': now,
                        'verified_by': appraiser,
                        'verification_hours': hours,
                        'verified_on_time': hours <= limit,
                        **values}))
        if args:
            cls.write(*args)

    @classmethod
    def remind_verifiers(cls):
        "Daily job: tell each appraiser how many activities wait too long."
        pool = Pool()
        Configuration = pool.get('skp.configuration')
        days = Configuration(1).verification_days
        before = dt.datetime.now() - dt.timedelta(days=days)
        waiting = cls.search([
                ('state', '=', 'submitted'),
                ('submitted_at', '<', before),
                ])
        counts = defaultdict(int)
        for appraiser in cls.appraisers(waiting).values():
            if appraiser:
                counts[appraiser] += 1
        notifications = []
        for appraiser, count in counts.items():
            notifications += notify(users_of([appraiser]),
                'skp_asn.msg_activity_reminder', count=count, days=days)
        return notifications
