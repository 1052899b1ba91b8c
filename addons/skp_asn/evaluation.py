# Penilaian kinerja: the periodic and annual evaluation of an SKP, from the
# employee's self-assessment to the predikat delivered by the Pejabat
# Penilai (DOMAIN §1.5, §1.6, §1.10, §1.11, §2).
from collections import defaultdict
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Unique, Workflow, fields)
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from . import scoring
from .evaluation_mask import RatingMaskMixin
from .notification import notify, users_of

# Fields only the workflow writes.
WORKFLOW_FIELDS = {'state', 'predikat', 'assessed_by', 'delivered_date'}
# Their records check who writes them (evaluation_line.py).
LINE_FIELDS = {'lines', 'results', 'behaviours'}
# What the employee fills in (self-assessment) while a draft.
EMPLOYEE_FIELDS = {
    'realisation', 'realisation_reason', 'obstacle', 'cause', 'follow_up'}
# What the Pejabat Penilai fills in while submitted.
APPRAISER_FIELDS = {
    'rating_result', 'rating_behaviour', 'note', 'nilai_perilaku',
    'innovation', 'with_360', 'feedback', 'coaching_note'}
# DOMAIN §1.5, SE 3/2023: the head's Rating Hasil Kerja is the unit's result.
ORG_TO_RATING = {
    'istimewa': 'above', 'baik': 'as_expected',
    'butuh_perbaikan': 'below', 'kurang': 'below', 'sangat_kurang': 'below'}


class PredikatMatrix(ModelSQL, ModelView):
    "The predikat for each pair of ratings (DOMAIN §1.6), kept as data."
    __name__ = 'skp.predikat.matrix'
    __string__ = "Predikat Matrix"

    rating_result = fields.Selection(scoring.RATINGS, "Rating Hasil Kerja",
        required=True, sort=False)
    rating_behaviour = fields.Selection(scoring.RATINGS,
        "Rating Perilaku Kerja", required=True, sort=False)
    predikat = fields.Selection(scoring.PREDIKATS, "Predikat", required=True,
        sort=False)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('ratings_unique', Unique(t, t.rating_result, t.rating_behaviour),
                'skp_asn.msg_matrix_unique'),
            ]

    @classmethod
    def lookup(cls, rating_result, rating_behaviour):
        cells = cls.search([
                ('rating_result', '=', rating_result),
                ('rating_behaviour', '=', rating_behaviour),
                ], limit=1)
        if cells:
            return cells[0].predikat
        return scoring.DEFAULT_MATRIX[(rating_result, rating_behaviour)]


class Evaluation(RatingMaskMixin, Workflow, ModelSQL, ModelView):
    __name__ = 'skp.evaluation'
    __string__ = "Performance Evaluation"
    _log = True
    _evaluation_path = ''

    _states = {'readonly': Eval('state') != 'draft'}
    _appraiser_states = {'readonly': Eval('state') != 'submitted'}

    company = fields.Many2One('company.company', "Company", required=True,
        ondelete='RESTRICT', states=_states)
    skp = fields.Many2One('skp.skp', "SKP", required=True,
        ondelete='RESTRICT', states=_states,
        domain=[('state', 'in', ['approved', 'superseded'])])
    employee = fields.Many2One('company.employee', "Employee",
        required=True, readonly=True, ondelete='RESTRICT')
    kind = fields.Selection([
            ('periodic', "Periodic"),
            ('annual', "Annual"),
            ], "Kind", required=True, states=_states)
    evaluation_period = fields.Many2One('skp.period.evaluation',
        "Evaluation Period", ondelete='RESTRICT',
        states={
            'readonly': _states['readonly'],
            'required': Eval('kind') == 'periodic',
            'invisible': Eval('kind') != 'periodic',
            })
    start_date = fields.Date("Start Date", readonly=True)
    end_date = fields.Date("End Date", readonly=True)
    scheme = fields.Function(fields.Selection([
                ('rating', "PermenPANRB 6/2022 (ratings)"),
                ('numeric', "PermenPANRB 8/2021 (numeric)"),
                ], "Scheme"), 'get_scheme')
    lines = fields.One2Many('skp.evaluation.line', 'evaluation',
        "Indicators", states={
            'readonly': ~Eval('state').in_(['draft', 'submitted']),
            })
    results = fields.One2Many('skp.evaluation.result', 'evaluation',
        "Feedback per RHK", states=_appraiser_states)
    behaviours = fields.One2Many('skp.evaluation.behaviour', 'evaluation',
        "Behaviour", states=_appraiser_states)
    rating_result_suggestion = fields.Function(fields.Selection(
            [(None, "")] + scoring.RATINGS, "Suggested Rating Hasil Kerja"),
        'get_rating_result_suggestion')
    rating_result = fields.Selection([(None, "")] + scoring.RATINGS,
        "Rating Hasil Kerja", sort=False, states=_appraiser_states)
    rating_behaviour = fields.Selection([(None, "")] + scoring.RATINGS,
        "Rating Perilaku Kerja", sort=False, states=_appraiser_states)
    rating_result_string = rating_result.translated('rating_result')
    rating_behaviour_string = rating_behaviour.translated('rating_behaviour')
    predikat = fields.Selection([(None, "")] + scoring.PREDIKATS,
        "Predikat Kinerja Pegawai", readonly=True, sort=False)
    predikat_string = predikat.translated('predikat')
    org_predikat = fields.Function(fields.Selection(
            [(None, "")] + scoring.ORG_PREDIKATS,
            "Predikat Kinerja Organisasi"),
        'get_org_predikat')
    org_predikat_string = org_predikat.translated('org_predikat')
    unit_head = fields.Function(fields.Boolean("Head of the Unit",
            help="The rating of results follows the unit's predikat."),
        'get_org_predikat')
    note = fields.Text("Notes / Recommendation", states=_appraiser_states)
    # Historical numeric scheme (PermenPANRB 8/2021, PP 30/2019, DOMAIN §2)
    nilai_skp = fields.Function(fields.Numeric("Nilai SKP", digits=(16, 2),
            states={'invisible': Eval('scheme') != 'numeric'}),
        'get_nilai')
    nilai_perilaku = fields.Numeric("Nilai Perilaku", digits=(16, 2),
        domain=['OR',
            ('nilai_perilaku', '=', None),
            [('nilai_perilaku', '>=', 0), ('nilai_perilaku', '<=', 120)],
            ],
        states={
            'readonly': _appraiser_states['readonly'],
            'invisible': Eval('scheme') != 'numeric',
            })
    with_360 = fields.Boolean("Peer and Subordinate Input",
        states={
            'readonly': _appraiser_states['readonly'],
            'invisible': Eval('scheme') != 'numeric',
            },
        help="Weights 60/40 instead of 70/30 (PP 30/2019 Pasal 41).")
    innovation = fields.Boolean("New Idea or Method",
        states={
            'readonly': _appraiser_states['readonly'],
            'invisible': Eval('scheme') != 'numeric',
            },
        help="Needed for Sangat Baik in the numeric scheme.")
    nilai_kinerja = fields.Function(fields.Numeric("Nilai Kinerja",
            digits=(16, 2),
            states={'invisible': Eval('scheme') != 'numeric'}), 'get_nilai')
    nilai_category = fields.Function(fields.Selection([
                (None, ""),
                ('sangat_baik', "Sangat Baik"),
                ('baik', "Baik"),
                ('cukup', "Cukup"),
                ('kurang', "Kurang"),
                ('sangat_kurang', "Sangat Kurang"),
                ], "Category",
            states={'invisible': Eval('scheme') != 'numeric'}), 'get_nilai')
    assessed_by = fields.Many2One('company.employee', "Assessed By",
        readonly=True, ondelete='RESTRICT')
    delivered_date = fields.Date("Delivered On", readonly=True)
    state = fields.Selection([
            ('draft', "Self-assessment"),
            ('submitted', "Submitted"),
            ('assessed', "Assessed"),
            ('finalised', "Finalised"),
            ('delivered', "Delivered"),
            ], "State", readonly=True, required=True, sort=False)
    state_string = state.translated('state')

    del _states, _appraiser_states

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.employee, Index.Equality()),
                    (t.end_date, Index.Range())),
                Index(t, (t.evaluation_period, Index.Equality())),
                })
        cls._sql_constraints += [
            ('skp_period_unique', Unique(t, t.skp, t.kind,
                    t.evaluation_period),
                'skp_asn.msg_evaluation_unique'),
            ]
        cls._order = [('end_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'submitted'),
            ('submitted', 'draft'),
            ('submitted', 'assessed'),
            ('assessed', 'submitted'),
            ('assessed', 'finalised'),
            ('finalised', 'delivered'),
            }
        cls._buttons.update({
                'draft': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-back',
                    'depends': ['state'],
                    },
                'submit': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'assess': {
                    'invisible': Eval('state') != 'submitted',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'reopen': {
                    'invisible': Eval('state') != 'assessed',
                    'icon': 'tryton-undo',
                    'depends': ['state'],
                    },
                'finalise': {
                    'invisible': Eval('state') != 'assessed',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'deliver': {
                    'invisible': Eval('state') != 'finalised',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @classmethod
    def default_state(cls):
        return 'draft'

    @classmethod
    def default_kind(cls):
        return 'periodic'

    def get_rec_name(self, name):
        period = (self.evaluation_period.rec_name
            if self.evaluation_period else self.skp.period.rec_name)
        return '%s - %s' % (self.employee.rec_name, period)

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('employee.rec_name',) + tuple(clause[1:])]

    def get_scheme(self, name):
        return self.skp.period.scheme

    # Creation from an SKP

    @classmethod
    def create_for(cls, skps, kind='periodic', evaluation_period=None):
        """Create the evaluations of approved SKP with a line per IKI, the
        realisation pre-filled from each IKI's source, a feedback line per
        RHK and a behaviour line per core value."""
        pool = Pool()
        IKI = pool.get('skp.iki')
        to_create, ranges = [], {}
        existing = {e.skp for e in cls.search([
                    ('skp', 'in', [s.id for s in skps]),
                    ('kind', '=', kind),
                    ('evaluation_period', '=',
                        evaluation_period.id if evaluation_period else None),
                    ])}
        for skp in skps:
            if skp in existing:
                continue
            if kind == 'periodic':
                start = max(skp.start_date, evaluation_period.start_date)
                end = min(skp.end_date, evaluation_period.end_date)
            else:
                start, end = skp.start_date, skp.end_date
            ikis = [i for r in skp.rhks for i in r.indicators]
            ranges[skp] = (start, end, ikis)
        # One query per source and date range, not per SKP
        by_range = defaultdict(set)
        for start, end, ikis in ranges.values():
            by_range[(start, end)].update(ikis)
        realisations = {}
        for (start, end), ikis in by_range.items():
            realisations.update(IKI.get_realisations(list(ikis), start, end))
        for skp, (start, end, ikis) in ranges.items():
            to_create.append({
                    'company': skp.company.id,
                    'skp': skp.id,
                    'employee': skp.employee.id,
                    'kind': kind,
                    'evaluation_period': (evaluation_period.id
                        if kind == 'periodic' else None),
                    'start_date': start,
                    'end_date': end,
                    'lines': [('create', [
                                cls._line_values(i, realisations[i.id])
                                for i in ikis])],
                    'results': [('create', [{'rhk': r.id}
                                for r in skp.rhks])],
                    'behaviours': [('create', [{
                                    'behaviour': e.behaviour.id,
                                    'expectation': e.expectation,
                                    } for e in skp.expectations])],
                    })
        with without_check_access():
            return cls.create(to_create)

    @staticmethod
    def _line_values(iki, realisation):
        return {
            'iki': iki.id,
            'target_min': iki.target_min,
            'target': iki.target,
            'target_text': iki.target_string,
            'direction': iki.direction,
            'target_is_maximum': iki.target_is_maximum,
            'computed_realisation': realisation,
            'realisation': realisation,
            }

    # Computed values

    @classmethod
    def get_rating_result_suggestion(cls, evaluations, name):
        "DOMAIN §1.5: from the capaian of the main RHK."
        return {e.id: scoring.suggest_result_rating(
                [l.capaian for l in e.lines if l.rhk_kind == 'utama'])
            for e in evaluations}

    @classmethod
    def get_org_predikat(cls, evaluations, names):
        pool = Pool()
        OrgPredikat = pool.get('skp.org.predikat')
        result = {n: {} for n in names}
        records = OrgPredikat.for_evaluations(evaluations)
        for evaluation in evaluations:
            record = records[evaluation]
            if 'org_predikat' in names:
                result['org_predikat'][evaluation.id] = (
                    record.predikat if record else None)
            if 'unit_head' in names:
                result['unit_head'][evaluation.id] = bool(
                    record and record.unit.head == evaluation.employee)
        return result

    @classmethod
    def get_nilai(cls, evaluations, names):
        "Historical numeric scheme: PermenPANRB 8/2021 and PP 30/2019."
        result = {n: {} for n in names}
        for evaluation in evaluations:
            values = [l.nilai for l in evaluation.lines
                if l.rhk_kind == 'utama' and l.nilai is not None]
            nilai_skp = (sum(values) / len(values)) if values else None
            nilai_kinerja = category = None
            if nilai_skp is not None and evaluation.nilai_perilaku is not None:
                nilai_kinerja = scoring.nilai_kinerja(nilai_skp,
                    evaluation.nilai_perilaku, evaluation.with_360)
                category = scoring.nilai_category(
                    nilai_kinerja, evaluation.innovation)
            for name, value in [
                    ('nilai_skp', nilai_skp),
                    ('nilai_kinerja', nilai_kinerja),
                    ('nilai_category', category)]:
                if name in names:
                    if name != 'nilai_category' and value is not None:
                        value = value.quantize(_CENT)
                    result[name][evaluation.id] = value
        return result

    # Who sees and changes what

    def _is_own(self):
        pool = Pool()
        User = pool.get('res.user')
        return self.employee.id in User.get_employees()

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        transaction = Transaction()
        if mode == 'create' and transaction.user and transaction.check_access:
            raise AccessError(gettext('skp_asn.msg_evaluation_create'))
        return values

    @classmethod
    def check_modification(cls, mode, evaluations, values=None,
            external=False):
        super().check_modification(
            mode, evaluations, values=values, external=external)
        values = set(values or [])
        if external and values & WORKFLOW_FIELDS:
            raise AccessError(gettext('skp_asn.msg_evaluation_workflow_field',
                    fields=', '.join(sorted(values & WORKFLOW_FIELDS))))
        if not external:
            return
        for evaluation in evaluations:
            if mode == 'delete' and evaluation.state != 'draft':
                raise AccessError(gettext('skp_asn.msg_evaluation_locked',
                        evaluation=evaluation.rec_name,
                        state=evaluation.state_string))
            if mode == 'write':
                evaluation.check_writer(values)

    def check_writer(self, values):
        """The employee writes the self-assessment while a draft; the
        Pejabat Penilai writes ratings and feedback while submitted;
        nothing changes afterwards."""
        pool = Pool()
        Employee = pool.get('company.employee')
        values = values - LINE_FIELDS
        if not values:
            return
        if values <= EMPLOYEE_FIELDS and self.state == 'draft':
            if self._is_own() or _is_hr():
                return
        elif values <= APPRAISER_FIELDS and self.state == 'submitted':
            Employee.check_appraiser_of([(self, self.employee,
                        self.decision_date)],
                'skp_asn.msg_evaluation_own',
                'skp_asn.msg_evaluation_not_appraiser')
            return
        raise AccessError(gettext('skp_asn.msg_evaluation_locked',
                evaluation=self.rec_name, state=self.state_string))

    @property
    def decision_date(self):
        Date = Pool().get('ir.date')
        return min(max(Date.today(), self.start_date), self.end_date)

    @classmethod
    def check_appraiser(cls, evaluations):
        pool = Pool()
        Employee = pool.get('company.employee')
        return Employee.check_appraiser_of(
            [(e, e.employee, e.decision_date) for e in evaluations],
            'skp_asn.msg_evaluation_own',
            'skp_asn.msg_evaluation_not_appraiser')

    # Workflow

    @classmethod
    @ModelView.button
    @Workflow.transition('submitted')
    def submit(cls, evaluations):
        for evaluation in evaluations:
            if not (evaluation._is_own() or _is_hr()):
                raise AccessError(gettext('skp_asn.msg_evaluation_not_owner',
                        evaluation=evaluation.rec_name))
            evaluation.check_explanations()
        cls._notify(evaluations, 'appraiser',
            'skp_asn.msg_evaluation_submitted_notification')

    def check_explanations(self):
        "Accountability: every IKI below target carries an explanation."
        missing = [l.iki.rec_name for l in self.lines
            if l.capaian is not None and l.capaian < 100
            and not (l.obstacle and l.cause and l.follow_up)]
        if missing:
            raise ValidationError(gettext(
                    'skp_asn.msg_evaluation_explanation_missing',
                    evaluation=self.rec_name, ikis=', '.join(missing)))

    @classmethod
    @ModelView.button
    @Workflow.transition('draft')
    def draft(cls, evaluations):
        cls.check_appraiser(evaluations)

    @classmethod
    @ModelView.button
    @Workflow.transition('assessed')
    def assess(cls, evaluations):
        pool = Pool()
        Matrix = pool.get('skp.predikat.matrix')
        appraisers = cls.check_appraiser(evaluations)
        for evaluation in evaluations:
            if evaluation.unit_head and evaluation.org_predikat:
                # AC15: the unit's result is the head's rating of results
                evaluation.rating_result = ORG_TO_RATING[
                    evaluation.org_predikat]
            if not (evaluation.rating_result and evaluation.rating_behaviour):
                raise ValidationError(gettext(
                        'skp_asn.msg_evaluation_ratings_missing',
                        evaluation=evaluation.rec_name))
            evaluation.predikat = Matrix.lookup(
                evaluation.rating_result, evaluation.rating_behaviour)
            evaluation.assessed_by = appraisers[evaluation]
        cls.save(evaluations)

    @classmethod
    @ModelView.button
    @Workflow.transition('submitted')
    def reopen(cls, evaluations):
        cls.check_appraiser(evaluations)
        cls.write(evaluations, {'predikat': None})

    @classmethod
    @ModelView.button
    @Workflow.transition('finalised')
    def finalise(cls, evaluations):
        pool = Pool()
        OrgPredikat = pool.get('skp.org.predikat')
        cls.check_appraiser(evaluations)
        # found once for both checks: one search per kind and period
        records = OrgPredikat.for_evaluations(evaluations)
        for evaluation in evaluations:
            evaluation.check_unit_result(records[evaluation])
        OrgPredikat.check_curve(evaluations, records)

    def check_unit_result(self, record):
        """AC15: a head's rating of results is the unit's result (`record`,
        the organisation predikat of the nearest unit up), which may have
        been set or changed after the assessment."""
        if (record and record.unit.head == self.employee
                and self.rating_result != ORG_TO_RATING[record.predikat]):
            raise ValidationError(gettext(
                    'skp_asn.msg_evaluation_unit_result_changed',
                    evaluation=self.rec_name,
                    predikat=record.predikat_string))

    @classmethod
    @ModelView.button
    @Workflow.transition('delivered')
    def deliver(cls, evaluations):
        pool = Pool()
        Date = pool.get('ir.date')
        cls.check_appraiser(evaluations)
        cls.write(evaluations, {'delivered_date': Date.today()})
        cls._start_follow_up(evaluations)
        cls._notify(evaluations, 'employee',
            'skp_asn.msg_evaluation_delivered_notification')

    @classmethod
    def _start_follow_up(cls, evaluations):
        """Tindak lanjut (DOMAIN §1.2): recognition for Sangat Baik, a
        recommended measure from Butuh Perbaikan down, to be completed by
        the Pejabat Penilai with the development plan."""
        pool = Pool()
        FollowUp = pool.get('skp.follow_up')
        FollowUp.save([FollowUp(evaluation=e, kind=kind,
                    description=gettext('skp_asn.msg_follow_up_' + kind,
                        predikat=e.predikat_string))
                for e in evaluations
                for kind in [FollowUp.suggested_kind(e.predikat)]
                if kind != 'development'])

    @classmethod
    def _notify(cls, evaluations, whom, message_id):
        for evaluation in evaluations:
            employee = (evaluation.skp.appraiser if whom == 'appraiser'
                else evaluation.employee)
            notify(users_of([employee]), message_id, evaluation,
                evaluation=evaluation.rec_name)


_CENT = Decimal('0.01')


def _is_hr():
    pool = Pool()
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    hr = {ModelData.get_id('skp_asn', 'group_skp_admin_opd'),
        ModelData.get_id('skp_asn', 'group_skp_admin')}
    return bool(hr & set(User.get_groups()))
