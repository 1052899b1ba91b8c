# The monthly scheduled reports: each unit's recap to its head and each
# appraiser's digest of pending verifications, stored as attachments and
# mailed. One dispatch record per month and recipient makes a rerun send
# nothing twice; each is committed on its own, so a run that fails halfway
# resumes where it stopped.
import datetime as dt
import logging
from collections import defaultdict

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

logger = logging.getLogger(__name__)


class Dispatch(ModelSQL, ModelView):
    __name__ = 'skp.report.dispatch'
    __string__ = "Scheduled Report"

    month = fields.Date("Month", required=True, readonly=True,
        help="The first day of the month reported on.")
    kind = fields.Selection([
            ('unit_recap', "Unit Recap"),
            ('digest', "Pending Verifications"),
            ], "Kind", required=True, readonly=True)
    unit = fields.Many2One('skp.unit', "Unit", readonly=True,
        ondelete='CASCADE')
    recipient = fields.Many2One('company.employee', "Recipient",
        required=True, readonly=True, ondelete='CASCADE')
    state = fields.Selection([
            ('pending', "Pending"),
            ('sent', "Sent"),
            ], "State", required=True, readonly=True)
    attachment = fields.Many2One('ir.attachment', "Attachment",
        readonly=True, ondelete='SET NULL')
    sent_at = fields.DateTime("Sent At", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('dispatch_unique', Unique(t, t.month, t.kind, t.recipient,
                    t.unit), 'skp_reports.msg_dispatch_unique'),
            ]
        cls._sql_indexes.add(Index(t, (t.state, Index.Equality())))
        cls._order = [('month', 'DESC'), ('id', 'ASC')]

    @classmethod
    def default_state(cls):
        return 'pending'

    @staticmethod
    def previous_month(today):
        first = today.replace(day=1)
        return (first - dt.timedelta(days=1)).replace(day=1)

    @classmethod
    def send_monthly(cls, month=None):
        "Cron entry point: plan the month's dispatches, then send the rest."
        pool = Pool()
        Date = pool.get('ir.date')
        month = month or cls.previous_month(Date.today())
        cls.plan(month)
        transaction = Transaction()
        transaction.commit()
        for dispatch in cls.search([
                    ('month', '=', month), ('state', '=', 'pending')]):
            dispatch.send()
            transaction.commit()

    @classmethod
    def plan(cls, month):
        "Create the missing dispatch records of the month."
        pool = Pool()
        Unit = pool.get('skp.unit')
        Activity = pool.get('skp.activity')
        existing = {(d.kind, d.recipient, d.unit) for d in cls.search([
                    ('month', '=', month)])}
        wanted = [('unit_recap', u.head, u) for u in Unit.search([
                    ('kind', '=', 'opd'), ('head', '!=', None)])]
        pending = Activity.search([('state', '=', 'submitted')])
        appraisers = {a for a in Activity.appraisers(pending).values() if a}
        wanted += [('digest', a, None) for a in appraisers]
        cls.create([{
                    'month': month, 'kind': kind, 'recipient': recipient.id,
                    'unit': unit.id if unit else None,
                    } for kind, recipient, unit in wanted
                if (kind, recipient, unit) not in existing])

    def send(self):
        pool = Pool()
        Attachment = pool.get('ir.attachment')
        Email = pool.get('ir.email')
        name, content, resource = self.render()
        attachment, = Attachment.create([{
                    'name': name,
                    'resource': str(resource),
                    'data': content,
                    }])
        address = self.recipient.party.email
        if address:
            Email.send(to=address,
                subject=gettext('skp_reports.msg_dispatch_subject',
                    name=name),
                body=gettext('skp_reports.msg_dispatch_body'),
                files=[(name, content)],
                record=(self.__name__, self.id))
        else:
            logger.warning('no e-mail address for %s', self.recipient)
        self.attachment = attachment
        self.state = 'sent'
        self.sent_at = dt.datetime.now()
        self.save()

    def render(self):
        "Return (file name, PDF, resource to attach it to)."
        data = {'year': self.month.year, 'month': self.month.month}
        if self.kind == 'unit_recap':
            Report_ = Pool().get('skp.unit.recap.report', type='report')
            resource = self.unit
        else:
            Report_ = Pool().get('skp.digest.report', type='report')
            resource = self.recipient
        _, content, _, _ = Report_.execute([resource.id], data)
        name = '%s-%s-%s.pdf' % (self.kind, self.month.strftime('%Y-%m'),
            resource.id)
        return name, content, resource


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('skp.report.dispatch|send_monthly',
                "Send the Monthly SKP Reports"))


def pending_by_employee(appraiser):
    """The activities waiting for `appraiser`, grouped by employee, with the
    oldest submission of each."""
    pool = Pool()
    Activity = pool.get('skp.activity')
    waiting = Activity.search([
            ('state', '=', 'submitted'),
            ('appraiser', '=', appraiser.id),
            ], order=[('employee', 'ASC'), ('date', 'ASC')])
    groups = defaultdict(list)
    for activity in waiting:
        groups[activity.employee].append(activity)
    return [(employee, len(items), min(a.submitted_at for a in items))
        for employee, items in groups.items()]
