# Users: the units an Admin OPD manages and the derived Pejabat Penilai group.
from sql import Literal

from trytond.cache import Cache
from trytond.model import ModelSQL, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

# The rule context is computed while a write is checked, between Tryton's
# cleaning of the written records' cache and the UPDATE: records read for it
# are cached apart, or validation would see their values before the write.
Transaction.cache_keys.add('_skp_rule_context')


class SKPCacheMixin:
    """For the models the SKP rule context and the derived Pejabat Penilai
    role are computed from: any change clears them (res.user)."""
    __slots__ = ()

    @classmethod
    def on_modification(cls, mode, records, field_names=None):
        pool = Pool()
        User = pool.get('res.user')
        super().on_modification(mode, records, field_names=field_names)
        User.clear_skp_cache()


class User(metaclass=PoolMeta):
    __name__ = 'res.user'

    skp_admin_units = fields.Many2Many('res.user-skp.unit', 'user', 'unit',
        "Administered Units",
        help="The unit trees whose employees this Admin OPD manages.")
    _is_appraiser_cache = Cache('res_user.skp_is_appraiser', context=False)
    _rule_context_cache = Cache('res_user.skp_rule_context', context=False)

    @classmethod
    def get_groups(cls):
        """Add the Pejabat Penilai group to anyone who appraises somebody
        today: it follows the hierarchy instead of being kept by hand."""
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        groups = super().get_groups()
        context = Transaction().context
        if '_groups' in context or context.get('_skp_computing_groups'):
            return groups
        with without_check_access(), \
                Transaction().set_context(_skp_computing_groups=True):
            try:
                group = ModelData.get_id('skp_asn', 'group_skp_appraiser')
            except KeyError:
                # The module is being activated
                return groups
            if group not in groups and cls._is_appraiser():
                groups = tuple(sorted(groups + (group,)))
        return groups

    @classmethod
    def clear_skp_cache(cls):
        "Forget derived roles after a change of the hierarchy."
        cls._is_appraiser_cache.clear()
        cls._rule_context_cache.clear()

    @classmethod
    def _per_user_today(cls, cache, compute):
        "The value of `compute()` kept in `cache` for the user and the day."
        pool = Pool()
        Date = pool.get('ir.date')
        key = (Transaction().user, Date.today())
        value = cache.get(key)
        if value is None:
            value = cache.set(key, compute())
        return value

    @classmethod
    def _is_appraiser(cls):
        return cls._per_user_today(
            cls._is_appraiser_cache, cls._appraises_today)

    @classmethod
    def _appraises_today(cls):
        pool = Pool()
        Employee = pool.get('company.employee')
        Unit = pool.get('skp.unit')
        Acting = pool.get('skp.acting')
        Date = pool.get('ir.date')
        employees = cls.get_employees()
        if not employees:
            return False
        employee = Employee.__table__()
        unit = Unit.__table__()
        acting = Acting.__table__()
        today = Date.today()
        cursor = Transaction().connection.cursor()
        query = (employee.select(Literal(1),
                where=employee.supervisor.in_(employees))
            | unit.select(Literal(1), where=unit.head.in_(employees))
            | acting.select(Literal(1),
                where=acting.employee.in_(employees)
                & (acting.start_date <= today)
                & (acting.end_date >= today)))
        cursor.execute(*query.select(Literal(1), limit=1))
        return bool(cursor.fetchone())

    @classmethod
    def on_modification(cls, mode, users, field_names=None):
        super().on_modification(mode, users, field_names=field_names)
        cls.clear_skp_cache()

    @classmethod
    def get_skp_rule_context(cls):
        """The values the SKP record rules are evaluated with, as tuples
        of ids: own employees, their units and the units they head, units
        under an acting assignment today, administered units and today's
        appraisers of own employees.

        Kept per user and day across transactions (half of an activity
        entry's time went into computing it, docs/performance.md); every
        change of employees, units, acting assignments or users clears it
        (clear_skp_cache), in all processes at once with clean_timeout 0."""
        return cls._per_user_today(
            cls._rule_context_cache, cls._compute_skp_rule_context)

    @classmethod
    def _compute_skp_rule_context(cls):
        pool = Pool()
        Employee = pool.get('company.employee')
        Acting = pool.get('skp.acting')
        Unit = pool.get('skp.unit')
        with without_check_access(), \
                Transaction().set_context(_skp_rule_context=True):
            employee_ids = cls.get_employees()
            user = cls(Transaction().user)
            employees = Employee.browse(employee_ids)
            acting_units = sorted({a.unit.id for a in Acting.active_on()
                    if a.employee in employees})
            appraisers = set()
            for pair in Employee.get_appraisers(employees).values():
                appraisers.update(e.id for e in pair if e)
            units = {e.unit.id for e in employees if e.unit}
            head_units = Unit.search([('head', 'in', list(employee_ids))])
            return {
                'employees': tuple(employee_ids),
                'skp_parties': tuple(sorted(
                        e.party.id for e in employees if e.party)),
                'skp_units': tuple(sorted(units)),
                'skp_head_units': tuple(sorted(u.id for u in head_units)),
                'skp_acting_units': tuple(acting_units),
                'skp_admin_units': tuple(sorted(
                        u.id for u in user.skp_admin_units)),
                'skp_appraisers': tuple(sorted(appraisers)),
                }


class UserUnit(SKPCacheMixin, ModelSQL):
    __name__ = 'res.user-skp.unit'
    __string__ = "User - Administered Unit"
    user = fields.Many2One('res.user', "User", required=True,
        ondelete='CASCADE')
    unit = fields.Many2One('skp.unit', "Unit", required=True,
        ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Administering a unit is editing the user: user administrators only.
        cls.__access__.add('user')
