# Rules of the NIP (Nomor Induk Pegawai): yyyymmdd birth date, yyyymm TMT,
# gender digit, 3-digit sequence.
import datetime as dt

import pytest

from trytond.modules.skp_asn.nip import add_years, nip_error, parse_nip


def nip(birth='19900101', tmt='201503', gender='1', sequence='001'):
    return birth + tmt + gender + sequence


VALID = [
    nip(),
    nip(gender='2', sequence='999'),
    nip(birth='20000229', tmt='201803'),  # leap-day birth, TMT 1 March
    nip(birth='19900501', tmt='200805'),  # TMT on the 18th birthday
    nip(birth='19900131', tmt='200802'),
    nip(birth='19991231', tmt='201801'),
    ]


@pytest.mark.parametrize('value', VALID)
def test_valid(value):
    assert nip_error(value) is None


@pytest.mark.parametrize('value', [
        None,
        '',
        nip()[:17],
        nip() + '0',
        'A' + nip()[1:],
        nip()[:8] + ' ' + nip()[9:],
        '1990-01-01-2015031',
        nip() + '\n',
        '\n' + nip(),
        ' ' + nip()[1:],
        '\uff11' + nip()[1:],  # FULLWIDTH DIGIT ONE
        '\u0661' + nip()[1:],  # ARABIC-INDIC DIGIT ONE
        ])
def test_format(value):
    assert nip_error(value) == ('msg_nip_format', {})
    assert parse_nip(value) is None


@pytest.mark.parametrize('birth', [
        '19900230',  # 30 February
        '19900229',  # 1990 is no leap year
        '19000229',  # 1900 is no leap year
        '19900431',  # 31 April
        '19901301',  # month 13
        '19900001',  # month 0
        '19900100',  # day 0
        '19900132',
        '00000101',  # year 0
        ])
def test_birth_date(birth):
    value = nip(birth=birth, tmt='201503')
    assert nip_error(value) == ('msg_nip_birth_date', {'value': birth})
    assert parse_nip(value) is None


@pytest.mark.parametrize('tmt', ['201513', '201500', '201599', '000001'])
def test_tmt(tmt):
    value = nip(tmt=tmt)
    assert nip_error(value) == ('msg_nip_tmt', {'value': tmt})
    assert parse_nip(value) is None


@pytest.mark.parametrize('birth,tmt', [
        ('19900101', '200712'),  # one month too early
        ('19900515', '200805'),  # TMT 1 May, 18 on 15 May
        ('19900502', '200805'),  # one day too early
        ('20000229', '201802'),  # 18th birthday of a leap-day child: 1 March
        ('19900131', '200801'),
        ('19900101', '198901'),  # TMT before birth
        ])
def test_tmt_before_18(birth, tmt):
    value = nip(birth=birth, tmt=tmt)
    assert nip_error(value) == (
        'msg_nip_tmt_age', {'value': tmt, 'age': 18})
    # Still well-formed: the age rule is a validation, not a parsing error.
    assert parse_nip(value) is not None


@pytest.mark.parametrize('gender', ['0', '3', '9'])
def test_gender(gender):
    value = nip(gender=gender)
    assert nip_error(value) == ('msg_nip_gender', {'value': gender})
    assert parse_nip(value) is None


@pytest.mark.parametrize('value,expected', [
        # The first broken rule is reported.
        (nip(birth='19900230', tmt='201513', gender='0'),
            'msg_nip_birth_date'),
        (nip(tmt='201513', gender='0'), 'msg_nip_tmt'),
        (nip(tmt='200001', gender='0'), 'msg_nip_tmt_age'),
        ])
def test_rule_order(value, expected):
    assert nip_error(value)[0] == expected


@pytest.mark.parametrize('value,expected', [
        (nip(), (dt.date(1990, 1, 1), dt.date(2015, 3, 1), 'male')),
        (nip(birth='20000229', tmt='201812', gender='2'),
            (dt.date(2000, 2, 29), dt.date(2018, 12, 1), 'female')),
        ('197512312001122003',
            (dt.date(1975, 12, 31), dt.date(2001, 12, 1), 'female')),
        ])
def test_parse(value, expected):
    assert parse_nip(value) == expected


@pytest.mark.parametrize('date,years,expected', [
        (dt.date(1990, 5, 15), 18, dt.date(2008, 5, 15)),
        (dt.date(2000, 2, 29), 18, dt.date(2018, 3, 1)),
        (dt.date(2000, 2, 29), 4, dt.date(2004, 2, 29)),
        (dt.date(1999, 12, 31), 18, dt.date(2017, 12, 31)),
        ])
def test_add_years(date, years, expected):
    assert add_years(date, years) == expected


# NI PPPK: the appointment year followed by '21' instead of the TMT month.
@pytest.mark.parametrize('pppk', [True, None])
def test_pppk(pppk):
    value = nip(tmt='202121')
    assert nip_error(value, pppk=pppk) is None
    assert parse_nip(value) == (dt.date(1990, 1, 1), None, 'male')


def test_pppk_mark_refused_for_pns():
    assert nip_error(nip(tmt='202121'), pppk=False) == (
        'msg_nip_tmt', {'value': '202121'})


@pytest.mark.parametrize('birth,year,expected', [
        # Only the year is known: its last day must reach the 18th birthday.
        ('20031231', '2021', None),
        ('20040101', '2021',
            ('msg_nip_tmt_age', {'value': '202121', 'age': 18})),
        ])
def test_pppk_age(birth, year, expected):
    assert nip_error(nip(birth=birth, tmt=year + '21'), pppk=True) == expected
