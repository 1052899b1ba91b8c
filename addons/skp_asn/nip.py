# NIP (Nomor Induk Pegawai) structure, 18 digits:
#   yyyymmdd  birth date
#   yyyymm    TMT (start of service as CPNS/PPPK)
#   g         gender: 1 male, 2 female
#   nnn       sequence number
import datetime as dt
import re

NIP_PATTERN = re.compile(r'^\d{18}$')
MIN_AGE_AT_TMT = 18


def _date(year, month, day):
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_years(date, years):
    "Return the same day `years` later (29 February becomes 1 March)."
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, month=3, day=1)


def parse_nip(nip):
    """Return (birth_date, tmt, gender) of a well-formed NIP, or None.

    tmt is the first day of the TMT month; gender is 'male' or 'female'."""
    if not nip or not NIP_PATTERN.match(nip):
        return None
    birth = _date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    tmt = _date(int(nip[8:12]), int(nip[12:14]), 1)
    gender = {'1': 'male', '2': 'female'}.get(nip[14])
    if not (birth and tmt and gender):
        return None
    return birth, tmt, gender


def nip_error(nip):
    """Return (message id, parameters) of the first rule `nip` breaks,
    or None when the NIP is valid."""
    if not nip or not NIP_PATTERN.match(nip):
        return 'msg_nip_format', {}
    birth = _date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if not birth:
        return 'msg_nip_birth_date', {'value': nip[0:8]}
    tmt = _date(int(nip[8:12]), int(nip[12:14]), 1)
    if not tmt:
        return 'msg_nip_tmt', {'value': nip[8:14]}
    # TMT is the first of a month: it must not precede the 18th birthday.
    if tmt < add_years(birth, MIN_AGE_AT_TMT):
        return 'msg_nip_tmt_age', {'value': nip[8:14], 'age': MIN_AGE_AT_TMT}
    if nip[14] not in '12':
        return 'msg_nip_gender', {'value': nip[14]}
    return None
