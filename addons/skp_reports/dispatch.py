# The monthly scheduled reports: each unit's recap to its head and each
# appraiser's digest of pending verifications, stored as attachments and
# mailed. The cron plans them and queues one task per report for the
# trytond-worker processes (Tryton's queue). One dispatch record per month
# and recipient makes a rerun send nothing twice; each is committed on its
# own, so a run that fails or is killed halfway resumes where it stopped.
#
# The mail is sent before its dispatch is committed, not by trytond's
# transactional mailer: that one sends after the commit, so a refused
# message would leave its dispatch marked as sent and a rerun would never
# deliver it. Sending first means a mail is only lost if the SMTP server
# refuses it (the dispatch stays pending and the rerun sends it); only a
# crash between the SMTP server's acceptance and the commit of one small
# row may send that one mail twice.
import datetime as dt
import logging
from collections import defaultdict
from email.message import EmailMessage

from sql import For

from trytond import backend
from trytond.config import config
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.modules.skp_asn.notification import language_of, users_of
from trytond.pool import Pool, PoolMeta
from trytond.sendmail import send_message
from trytond.tools.email_ import format_address, set_from_header
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
        """Cron entry point: plan the month's dispatches and queue the
        sending of those still pending."""
        pool = Pool()
        Date = pool.get('ir.date')
        Month = pool.get('skp.activity.month')
        month = month or cls.previous_month(Date.today())
        # The reports read the monthly summaries: not from a view refreshed
        # before the last verifications of the month
        Month.refresh()
        cls.plan(month)
        pending = cls.search([
                ('month', '=', month), ('state', '=', 'pending')])
        if pending:
            # One task per report, rendered in parallel by the
            # trytond-worker processes; without a worker ([queue] worker
            # unset: demo, tests) trytond runs the tasks in this process
            # right after the commit.
            with Transaction().set_context(
                    queue_name='skp_reports', queue_batch=1):
                cls.__queue__.send_pending(pending)

    @classmethod
    def send_pending(cls, dispatches):
        "Send those of `dispatches` still pending, each committed on its own."
        transaction = Transaction()
        for dispatch in dispatches:
            if not cls._claim(dispatch):
                transaction.commit()
                continue
            try:
                dispatch.send()
            except Exception:
                # Nothing of this one is kept: it stays pending for the
                # next run, which resumes here.
                transaction.rollback()
                logger.exception('dispatch %s not sent', dispatch.id)
                raise
            transaction.commit()

    @classmethod
    def _claim(cls, dispatch):
        """Whether `dispatch` is still pending, locked on PostgreSQL until
        the commit: another cron process may have sent it since the
        search."""
        table = cls.__table__()
        transaction = Transaction()
        cursor = transaction.connection.cursor()
        query = table.select(table.id,
            where=(table.id == dispatch.id) & (table.state == 'pending'))
        if backend.name == 'postgresql':
            query.for_ = For('UPDATE')
        cursor.execute(*query)
        return cursor.fetchone() is not None

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
        "Store the report, mark it sent, then mail it (raises if refused)."
        pool = Pool()
        Attachment = pool.get('ir.attachment')
        name, content, resource = self.render()
        attachment, = Attachment.create([{
                    'name': name,
                    'resource': str(resource),
                    'data': content,
                    }])
        self.attachment = attachment
        self.state = 'sent'
        self.sent_at = dt.datetime.now()
        self.save()
        address = self.recipient.party.email
        if address:
            self.mail(address, name, content)
        else:
            logger.warning('no e-mail address for %s', self.recipient)

    def mail(self, address, name, content):
        """Send the report to `address` now, strictly, and keep a copy of the
        message in ir.email (without the PDF: it is the attachment)."""
        pool = Pool()
        Email = pool.get('ir.email')
        subject = gettext('skp_reports.msg_dispatch_subject', name=name)
        body = gettext('skp_reports.msg_dispatch_body')
        msg = EmailMessage()
        from_ = config.get('email', 'from')
        set_from_header(msg, from_, from_)
        msg['To'] = [format_address(address, self.recipient.party.name)]
        msg['Subject'] = subject
        msg.set_content(body, subtype='html')
        msg.add_attachment(content, maintype='application', subtype='pdf',
            filename=('utf-8', '', name))
        send_message(msg, strict=True)
        email = Email.from_message(msg, body=body, resource=self)
        email.save()

    def render(self):
        """Return (file name, PDF, resource to attach it to), in the
        language of the recipient, named as the client names a print."""
        pool = Pool()
        data = {'year': self.month.year, 'month': self.month.month}
        if self.kind == 'unit_recap':
            Report_ = pool.get('skp.unit.recap.report', type='report')
            resource = self.unit
        else:
            Report_ = pool.get('skp.digest.report', type='report')
            resource = self.recipient
        users = users_of([self.recipient])
        with Transaction().set_context(
                language=language_of(users[0] if users else None)):
            _, content, _, title = Report_.execute([resource.id], data)
        name = '%s-%s.pdf' % (title.replace('/', '-'),
            self.month.strftime('%Y-%m'))
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
