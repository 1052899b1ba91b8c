# Settings of the performance cycle that a regulation or the city may
# change (DOMAIN §5, §8): kept as data, not constants.
from trytond.cache import Cache
from trytond.model import (
    ModelSingleton, ModelSQL, ModelView, Unique, fields)


class Configuration(ModelSingleton, ModelSQL, ModelView):
    __name__ = 'skp.configuration'
    __string__ = "SKP Configuration"

    daily_minimum = fields.Integer("Daily Minimum (minutes)", required=True,
        domain=[('daily_minimum', '>=', 0)],
        help="Verified activity a working day needs (Makassar: 310, "
        "5 h 10 min).")
    working_days = fields.Selection([
            ('5', "Monday to Friday"),
            ('6', "Monday to Saturday"),
            ], "Working Days", required=True)
    entry_tolerance = fields.Integer("Entry Tolerance (working days)",
        required=True, domain=[('entry_tolerance', '>=', 0)],
        help="How many working days after its date an activity may still "
        "be submitted.")
    entry_tolerance_last_day = fields.Integer(
        "Entry Tolerance for the Last Working Day of the Week",
        required=True, domain=[('entry_tolerance_last_day', '>=', 0)],
        help="In calendar days, for Friday (or Saturday) activities.")
    verification_days = fields.Integer("Verification Deadline (days)",
        required=True, domain=[('verification_days', '>=', 0)],
        help="Activities verified later than this count as late; the "
        "daily reminder names those waiting longer.")

    @classmethod
    def default_daily_minimum(cls):
        return 310  # DOMAIN §5

    @classmethod
    def default_working_days(cls):
        return '5'

    @classmethod
    def default_entry_tolerance(cls):
        return 1  # DOMAIN §8

    @classmethod
    def default_entry_tolerance_last_day(cls):
        return 3  # DOMAIN §8

    @classmethod
    def default_verification_days(cls):
        return 3


class Holiday(ModelSQL, ModelView):
    "A public holiday (libur nasional / cuti bersama): not a working day."
    __name__ = 'skp.holiday'
    __string__ = "Holiday"

    date = fields.Date("Date", required=True)
    name = fields.Char("Name", required=True)
    _dates_cache = Cache('skp.holiday.dates', context=False)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('date_unique', Unique(t, t.date),
                'skp_asn.msg_holiday_date_unique'),
            ]
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def dates(cls):
        "The set of holiday dates, cached across calls."
        dates = cls._dates_cache.get(None)
        if dates is None:
            dates = cls._dates_cache.set(
                None, frozenset(h.date for h in cls.search([])))
        return dates

    @classmethod
    def on_modification(cls, mode, holidays, field_names=None):
        super().on_modification(mode, holidays, field_names=field_names)
        cls._dates_cache.clear()
