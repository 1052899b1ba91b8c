# NIP (Nomor Induk Pegawai) structure, 18 digits:
#   yyyymmdd  birth date
#   yyyymm    TMT (start of service as CPNS/PPPK)
#   g         gender: 1 male, 2 female
#   nnn       sequence number
import datetime as dt
import re

NIP_PATTERN = re.compile(r'^[0-9]{18}\Z')  # ASCII digits, no trailing newline
MIN_AGE_AT_TMT = 18
PPPK_MARK = '21'


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


def _is_pppk(nip):
    "NI PPPK carry '21' where a PNS NIP has the TMT month."
    return nip[12:14] == PPPK_MARK


def parse_nip(nip):
    """Return (birth_date, tmt, gender) of a well-formed NIP, or None.

    tmt is the first day of the TMT month (None for a NI PPPK, which holds
    only the year); gender is 'male' or 'female'."""
    if not nip or not NIP_PATTERN.match(nip):
        return None
    birth = _date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if _is_pppk(nip):
        tmt, valid_tmt = None, True
    else:
        tmt = _date(int(nip[8:12]), int(nip[12:14]), 1)
        valid_tmt = bool(tmt)
    gender = {'1': 'male', '2': 'female'}.get(nip[14])
    if not (birth and valid_tmt and gender):
        return None
    return birth, tmt, gender


def nip_error(nip, pppk=None):
    """Return (message id, parameters) of the first rule `nip` breaks,
    or None when the NIP is valid.

    `pppk` is False for a PNS/CPNS, True for a PPPK, None when unknown: a
    NI PPPK has the appointment year followed by '21' instead of the TMT
    year and month."""
    if not nip or not NIP_PATTERN.match(nip):
        return 'msg_nip_format', {}
    birth = _date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if not birth:
        return 'msg_nip_birth_date', {'value': nip[0:8]}
    if _is_pppk(nip) and pppk is not False:
        # Only the year is known: the end of it bounds the age check.
        tmt = _date(int(nip[8:12]), 12, 31)
    else:
        tmt = _date(int(nip[8:12]), int(nip[12:14]), 1)
    if not tmt:
        return 'msg_nip_tmt', {'value': nip[8:14]}
    # TMT is the first of a month: it must not precede the 18th birthday.
    if tmt < add_years(birth, MIN_AGE_AT_TMT):
        return 'msg_nip_tmt_age', {'value': nip[8:14], 'age': MIN_AGE_AT_TMT}
    if nip[14] not in '12':
        return 'msg_nip_gender', {'value': nip[14]}
    return None
