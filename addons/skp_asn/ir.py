# Record rules of SKP models are evaluated with the user's employees,
# acting assignments and administered units.
from trytond.pool import Pool, PoolMeta

# Models whose rules use the SKP rule context; later features add theirs.
SKP_RULE_MODELS = {
    'company.employee', 'skp.acting', 'skp.org.target', 'skp.skp',
    'skp.skp.expectation'}


class Rule(metaclass=PoolMeta):
    __name__ = 'ir.rule'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.domain.help += (
            '\n- "employees" as list of ids of the user\'s employees'
            '\n- "skp_acting_units" as list of ids of the units the user '
            'acts for today'
            '\n- "skp_admin_units" as list of ids of the units the user '
            'administers'
            '\n- "skp_appraisers" as list of ids of the appraisers of the '
            'user\'s employees today')

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
