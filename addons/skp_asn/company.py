# The company's timezone, which gives "today" to every rule of the product.
from trytond.cache import Cache
from trytond.pool import Pool, PoolMeta
from trytond.tools import timezone as tz
from trytond.transaction import Transaction


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    _timezone_cache = Cache('company_company.skp_timezone', context=False)

    @classmethod
    def timezone_of(cls, company_id):
        """The timezone name of the company, '' when it has none; kept
        across transactions: the company module reads the company on each
        transaction's first ir.date.today(), about 1 ms of every RPC call
        (docs/performance.md)."""
        timezone = cls._timezone_cache.get(company_id)
        if timezone is None:
            timezone = cls._timezone_cache.set(
                company_id, cls(company_id).timezone or '')
        return timezone

    @classmethod
    def on_modification(cls, mode, companies, field_names=None):
        super().on_modification(mode, companies, field_names=field_names)
        cls._timezone_cache.clear()


class Date(metaclass=PoolMeta):
    __name__ = 'ir.date'

    @classmethod
    def today(cls, timezone=None):
        pool = Pool()
        Company = pool.get('company.company')
        company_id = Transaction().context.get('company')
        if timezone is None and company_id is not None and company_id >= 0:
            name = Company.timezone_of(company_id)
            if name:
                timezone = tz.ZoneInfo(name)
        return super().today(timezone=timezone)
