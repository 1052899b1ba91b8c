# Settings of the performance cycle that a regulation or the city may
# change (DOMAIN §5, §8): kept as data, not constants.
from trytond.model import ModelSingleton, ModelSQL, ModelView, fields


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
