# Wizards of the SKP workflow: the return with a reason, and the start of
# a new SKP after a change of job or of Pejabat Penilai.
from trytond.model import ModelView, fields
from trytond.wizard import Button, StateTransition, StateView, Wizard


class ReturnSKP(Wizard):
    "Return an SKP to the employee with a reason."
    __name__ = 'skp.skp.return'
    start = StateView('skp.skp.return.start',
        'skp_asn.skp_return_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Return", 'return_', 'tryton-back', default=True),
            ])
    return_ = StateTransition()

    def transition_return_(self):
        self.model.return_with_reason(self.records, self.start.reason)
        return 'end'


class ReturnSKPStart(ModelView):
    __name__ = 'skp.skp.return.start'
    __string__ = "Return SKP"
    reason = fields.Text("Reason", required=True)


class StartNewSKP(Wizard):
    "End an approved SKP and start a new one after a change of job or of "
    "Pejabat Penilai."
    __name__ = 'skp.skp.start_new'
    start = StateView('skp.skp.start_new.start',
        'skp_asn.skp_start_new_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Start", 'start_new', 'tryton-ok', default=True),
            ])
    start_new = StateTransition()

    def transition_start_new(self):
        # The wizard can be run without the button that checks this.
        self.model.check_owner(self.records)
        for skp in self.records:
            skp.start_new_from(self.start.date)
        return 'end'


class StartNewSKPStart(ModelView):
    __name__ = 'skp.skp.start_new.start'
    __string__ = "Start New SKP"
    date = fields.Date("Date", required=True,
        help="The first day of the new SKP; the current one ends the day "
        "before.")
