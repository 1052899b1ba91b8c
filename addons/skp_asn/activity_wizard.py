# Wizards of the daily activities: rejection with a reason, and the quick
# entry of a day by copying the previous one.
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard


class RejectActivity(Wizard):
    "Reject activities with a reason."
    __name__ = 'skp.activity.reject'
    start = StateView('skp.activity.reject.start',
        'skp_asn.activity_reject_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Reject", 'reject', 'tryton-cancel', default=True),
            ])
    reject = StateTransition()

    def transition_reject(self):
        self.model.reject_with_reason(self.records, self.start.reason)
        return 'end'


class RejectActivityStart(ModelView):
    __name__ = 'skp.activity.reject.start'
    __string__ = "Reject Activity"
    reason = fields.Text("Reason", required=True)


class CopyPreviousDay(Wizard):
    "Copy the activities of the last day with activities as today's drafts."
    __name__ = 'skp.activity.copy_previous'
    start = StateTransition()

    def transition_start(self):
        pool = Pool()
        Activity = pool.get('skp.activity')
        Date = pool.get('ir.date')
        employee = Transaction().context.get('employee')
        today = Date.today()
        last = Activity.search([
                ('employee', '=', employee),
                ('date', '<', today),
                ], order=[('date', 'DESC')], limit=1)
        if last:
            previous = Activity.search([
                    ('employee', '=', employee),
                    ('date', '=', last[0].date),
                    ])
            Activity.copy(previous, default={'date': today})
        return 'end'

    def end(self):
        return 'reload'
