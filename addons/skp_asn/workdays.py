# Working-day arithmetic for entry deadlines and service turnaround
# (DOMAIN §6, §8). Holidays are passed in; weekends follow the working
# week of the configuration (5 or 6 days).
import datetime as dt

ONE_DAY = dt.timedelta(days=1)


def is_working_day(date, days_per_week=5, holidays=()):
    return date.weekday() < days_per_week and date not in holidays


def is_last_working_day_of_week(date, days_per_week=5):
    return date.weekday() == days_per_week - 1


def add_working_days(date, days, days_per_week=5, holidays=()):
    "Return the date `days` working days after `date`."
    while days > 0:
        date += ONE_DAY
        if is_working_day(date, days_per_week, holidays):
            days -= 1
    return date


def working_days_between(start, end, days_per_week=5, holidays=()):
    """Count the working days after `start` up to and including `end`: the
    turnaround of a request received on `start` and completed on `end`."""
    count, date = 0, start
    while date < end:
        date += ONE_DAY
        if is_working_day(date, days_per_week, holidays):
            count += 1
    return count


def working_days_in(start, end, days_per_week=5, holidays=()):
    "Count the working days from `start` to `end`, both included."
    count, date = 0, start
    while date <= end:
        if is_working_day(date, days_per_week, holidays):
            count += 1
        date += ONE_DAY
    return count
