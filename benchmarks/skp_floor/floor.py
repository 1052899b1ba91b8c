# Issue 7's floor for an activity entry: "a bare trytond create on a trivial
# model". No access records (anyone may create), no rule, no domain, no
# validation of its own: what any RPC create costs in trytond.
from trytond.model import ModelSQL, ModelView, fields


class Record(ModelSQL, ModelView):
    __name__ = 'skp.floor.record'
    __string__ = "Benchmark Floor Record"

    name = fields.Char("Name")
    value = fields.Integer("Value")
