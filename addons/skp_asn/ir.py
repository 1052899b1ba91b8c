# Record rules of SKP models are evaluated with the user's employees,
# acting assignments and administered units.
from itertools import groupby
from operator import attrgetter

from trytond.i18n import gettext
from trytond.model import Model
from trytond.model.exceptions import AccessError
from trytond.pool import Pool, PoolMeta

# Models whose rules use the SKP rule context; later features add theirs.
SKP_RULE_MODELS = {
    'company.employee', 'skp.acting', 'skp.org.target', 'skp.skp',
    'skp.skp.expectation', 'skp.activity', 'skp.activity.day',
    'skp.activity.month', 'skp.budget.line', 'skp.budget.realisation',
    'skp.service.request', 'skp.service.stats.unit',
    'skp.service.stats.employee', 'skp.evaluation', 'skp.dialog',
    'party.party', 'party.contact_mechanism', 'party.address'}


class Rule(metaclass=PoolMeta):
    __name__ = 'ir.rule'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.domain.help += (
            '\n- "employees" as list of ids of the user\'s employees'
            '\n- "skp_units" and "skp_head_units" as lists of ids of the '
            'units of the user\'s employees and of the units they head'
            '\n- "skp_acting_units" as list of ids of the units the user '
            'acts for today'
            '\n- "skp_admin_units" as list of ids of the units the user '
            'administers'
            '\n- "skp_appraisers" as list of ids of the appraisers of the '
            'user\'s employees today'
            '\n- "skp_parties" as list of ids of the parties of the user\'s '
            'employees')

    @classmethod
    def _get_cache_key(cls, model_names):
        pool = Pool()
        User = pool.get('res.user')
        key = super()._get_cache_key(model_names)
        if not SKP_RULE_MODELS.isdisjoint(model_names):
            key = (*key, *User.get_skp_rule_context().values())
        return key

    @classmethod
    def _get_context(cls, model_name):
        pool = Pool()
        User = pool.get('res.user')
        context = super()._get_context(model_name)
        if model_name in SKP_RULE_MODELS:
            context.update(User.get_skp_rule_context())
        return context


class RuleExportMixin:
    """Check in SQL the record rules of every record an export goes through:
    the export's own check evaluates them in Python, where the "child_of",
    "parent_of" and dotted clauses of the SKP rules always match."""
    __slots__ = ()

    @classmethod
    def export_data(cls, records, fields_names, header=False):
        for path in fields_names:
            level = list(records)
            _check_read(level)
            # the last name is exported as a value or a record name
            for name in path.split('/')[:-1]:
                name = name.split('.')[0].split(':')[0]
                level = [v for r in level for v in _records(getattr(r, name))]
                _check_read(level)
        return super().export_data(records, fields_names, header=header)


def _records(value):
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value] if isinstance(value, Model) else []


def _check_read(records):
    "Read records through the ORM so that the record rules apply in SQL."
    key = attrgetter('__name__')
    for _, group in groupby(sorted(records, key=key), key=key):
        group = list(group)
        group[0].__class__.read([r.id for r in group], ['id'])


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.extend([
                ('skp.activity|remind_verifiers',
                    "Remind Appraisers of Waiting Activities"),
                ])


# Evidence is exported only if its resource is readable.
class Attachment(RuleExportMixin, metaclass=PoolMeta):
    __name__ = 'ir.attachment'

    @classmethod
    def check_modification(cls, mode, attachments, values=None,
            external=False):
        "Evidence is fingerprinted at submission: it is frozen from then on."
        super().check_modification(
            mode, attachments, values=values, external=external)
        resources = [a.resource for a in attachments]
        if values and values.get('resource'):
            # nor moved onto a fingerprinted activity
            resources.append(cls(resource=values['resource']).resource)
        for resource in resources:
            if (resource and resource.__name__ == 'skp.activity'
                    and resource.state not in {'draft', 'rejected'}):
                raise AccessError(gettext(
                        'skp_asn.msg_activity_evidence_locked',
                        activity=resource.rec_name))
