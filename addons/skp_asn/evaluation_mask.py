# Who sees the ratings of an evaluation: the evaluated employee only once the
# result is delivered. Reading, searching, sorting and exporting all follow
# that rule, whichever model the path to the evaluation starts from.
import re
from operator import attrgetter

from trytond.i18n import gettext
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.transaction import Transaction

from .ir import RuleExportMixin

# Hidden from the evaluated employee until the result is delivered; what is
# computed from them (angka kredit, numeric category) is hidden with them.
MASKED_FIELDS = {
    'rating_result', 'rating_behaviour', 'predikat', 'note',
    'nilai_perilaku', 'nilai_kinerja', 'nilai_category', 'credit'}
SEARCH_GROUPS = [
    'group_skp_appraiser', 'group_skp_admin_opd', 'group_skp_admin',
    'group_skp_leader']


def _walk(Model, names):
    "Return (whether the path goes through a masked field, its last model)."
    for name in names:
        if Model.__name__ == 'skp.evaluation' and name in MASKED_FIELDS:
            return True, None
        field = Model._fields.get(name)
        if field is None or not hasattr(field, 'get_target'):
            return False, None
        Model = field.get_target()
    return False, Model


def _domain_masked(Model, domain):
    for clause in domain or []:
        if not isinstance(clause, (list, tuple)) or not clause:
            continue
        if isinstance(clause[0], str) and clause[0] not in {'AND', 'OR'}:
            masked, Target = _walk(Model, clause[0].split('.'))
            if masked or (Target and len(clause) > 2
                    and clause[1] in {'where', 'not where'}
                    and _domain_masked(Target, clause[2])):
                return True
        elif _domain_masked(Model, clause):
            return True
    return False


def _export_path(name):
    "The field names of an export path, without language or translation."
    return [re.split(r'[.:]', n)[0] for n in name.split('/')]


class RatingMaskMixin(RuleExportMixin):
    """Keep the ratings of the record's evaluation from the evaluated
    employee until it is delivered; exports check the record rules."""
    __slots__ = ()
    # The Many2One to the evaluation; empty on the evaluation itself.
    _evaluation_path = 'evaluation'

    @classmethod
    def _checks_ratings(cls):
        transaction = Transaction()
        return transaction.user and transaction.check_access

    @classmethod
    def _hidden_evaluations(cls, records):
        pool = Pool()
        User = pool.get('res.user')
        employees = set(User.get_employees())
        if cls._evaluation_path:
            records = map(attrgetter(cls._evaluation_path), records)
        return [e for e in records
            if e.state != 'delivered' and e.employee.id in employees]

    @classmethod
    def read(cls, ids, fields_names):
        result = super().read(ids, fields_names)
        masked = MASKED_FIELDS & set(fields_names)
        if masked and not cls._evaluation_path and cls._checks_ratings():
            hidden = {e.id for e in cls._hidden_evaluations(cls.browse(ids))}
            for row in result:
                if row['id'] in hidden:
                    row.update(dict.fromkeys(masked))
        return result

    @classmethod
    def search(cls, domain, offset=0, limit=None, order=None, count=False,
            query=False):
        "Filtering or sorting on ratings never shows one's own too early."
        if cls._checks_ratings() and (_domain_masked(cls, domain)
                or any(_walk(cls, o[0].split('.'))[0] for o in order or [])):
            cls._check_may_search_ratings()
            domain = [domain, cls._rating_visible_domain()]
        return super().search(domain, offset=offset, limit=limit,
            order=order, count=count, query=query)

    @classmethod
    def _check_may_search_ratings(cls):
        "Only appraisers and HR filter on ratings."
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        allowed = {ModelData.get_id('skp_asn', g) for g in SEARCH_GROUPS}
        if not allowed & set(User.get_groups()):
            raise AccessError(gettext('skp_asn.msg_evaluation_rating_search'))

    @classmethod
    def _rating_visible_domain(cls):
        pool = Pool()
        User = pool.get('res.user')
        domain = ['OR',
            ('employee', 'not in', User.get_employees()),
            ('state', '=', 'delivered'),
            ]
        if cls._evaluation_path:
            return (cls._evaluation_path, 'where', domain)
        return domain

    @classmethod
    def export_data(cls, records, fields_names, header=False):
        if cls._checks_ratings() and any(
                _walk(cls, _export_path(n))[0] for n in fields_names):
            hidden = cls._hidden_evaluations(records)
            if hidden:
                raise AccessError(gettext(
                        'skp_asn.msg_evaluation_rating_export',
                        evaluation=hidden[0].rec_name))
        return super().export_data(records, fields_names, header=header)
